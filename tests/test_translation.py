"""The French edition: same structure, French text, UN terminology, freshness, French interface."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from legaltext.french_style import RULES, french_block, style_problems
from legaltext.french_typography import apply_french_typography
from legaltext.terminology import (GlossaryError, Term, alignment_problems, english_terms,
                                   forbidden_problems, forbidden_variants, load_glossary,
                                   missing_french, printed_texts)
from tests.conftest import DOCS, ROOT, assert_refused, build_site, built_page, edit, source_pages
from tools.translations import pairs, record, status

GLOSSARY = ROOT / "glossary.yml"
FRENCH_STRINGS = sorted((ROOT / "overrides" / "partials").glob("*strings*.html"))
ENGLISH_STOP_WORDS = {"the", "and", "of", "to", "in", "that", "is", "for", "with", "which", "by",
                      "their", "are", "as", "be", "this", "its", "on", "or", "from"}
FRENCH_STOP_WORDS = {"le", "la", "les", "et", "des", "de", "du", "à", "en", "que", "qui", "pour",
                     "dans", "est", "leur", "leurs", "sur", "une", "un", "par", "au", "aux"}


def content(site: Path, source: str, language: str) -> BeautifulSoup:
    html = BeautifulSoup(built_page(site, source, language).read_text("utf-8"), "html.parser")
    return html.select_one("article.md-content__inner")


@pytest.mark.parametrize("source", source_pages("en"))
def test_same_ids_in_both_languages(site, source):
    english = [e["id"] for e in content(site, source, "en").select("[id]")]
    french = [e["id"] for e in content(site, source, "fr").select("[id]")]
    assert english == french


# --- Terminology: glossary.yml, paragraph by paragraph ---------------------------------------

def test_the_build_refuses_a_missing_term_and_a_forbidden_variant(project):
    # The fixture site has the real site's hooks (test_stylesheet checks that they are the
    # same), so its build is the real one; the shared site, built the same way, passed it.
    glossary = project / "glossary.yml"
    entry = len(glossary.read_text("utf-8").splitlines()) + 1
    with glossary.open("a", encoding="utf-8") as file:  # a unit, a footnote, a variant
        file.write('- en: "premise"\n  fr: "prémisse"\n  forbidden: ["postulat"]\n'
                   '- en: "highest attainable standard of health"\n'
                   '  fr: "meilleur état de santé possible"\n')
    article_8 = (project / "docs/fr/declaration/article-8.md").read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(article_8, start=1) if text.startswith("2\\. "))
    output = assert_refused(
        project,
        f"docs/fr/declaration/article-8.md, line {line}, art-8-2: the English uses "
        "“premise”, and the French has no « prémisse ». Fix: use the glossary's French term "
        f"(glossary.yml, line {entry}), or, if the glossary is wrong, correct its entry in "
        "the same pull request.",
        "docs/fr/declaration/article-12.md, line 15, fn:12: the English uses “highest "
        "attainable standard of health”, and the French has no « meilleur état de santé "
        f"possible ». Fix: use the glossary's French term (glossary.yml, line {entry + 3})",
        f"docs/fr/declaration/article-8.md, line {line}: « postulat » is a forbidden variant "
        f"(glossary.yml, line {entry}, “premise”). Fix: write « prémisse ».")
    assert "Traceback" not in output


def test_a_missing_term_is_reported_with_file_line_id_and_fix():
    terms = [Term("premise", ("prémisse",), (), 7)]
    source = "---\ntitle: Article 8\n---\n\n# Article 8 {#art-8}\n\n2\\. Le devoir repose sur le postulat.\n"
    assert alignment_problems(
        "declaration/article-8.md", {"art-8": "Article 8", "art-8-2": "The duty rests on the premise."},
        {"art-8": "Article 8", "art-8-2": "Le devoir repose sur le postulat."}, source, terms) == [
        "docs/fr/declaration/article-8.md, line 7, art-8-2: the English uses “premise”, and the "
        "French has no « prémisse ». Fix: use the glossary's French term (glossary.yml, line 7), "
        "or, if the glossary is wrong, correct its entry in the same pull request."]


def test_a_title_a_french_footnote_cites_in_english_needs_no_french_term():
    terms = load_glossary(GLOSSARY)
    english = "See A/HRC/21/66. (2012) Final paper on human rights and international solidarity."
    french = "Voir A/HRC/21/66. (2012) Final paper on human rights and international solidarity."
    assert missing_french(english, french, terms, cites_titles=True) == []
    # Kept in English once, but used twice: the second use needs its French term.
    assert [t.english for t in missing_french(
        english + " On human rights.", "Voir Final paper on human rights and international "
        "solidarity. Sur les droits humains.", terms, cites_titles=True)] == ["human rights"]
    # Only a footnote cites titles: in the text, English words left in the French are refused.
    source = f"---\ntitle: Article 5\n---\n\n1\\. {french}\n\n[^10]: {french}\n"
    problems = alignment_problems("declaration/article-5.md",
                                  {"art-5-1": english, "fn:10": english},
                                  {"art-5-1": french, "fn:10": french}, source, terms)
    assert {problem.split(":")[0] for problem in problems} == {
        "docs/fr/declaration/article-5.md, line 5, art-5-1"}
    assert len(problems) == 2  # “human rights” and “international solidarity”


def test_the_texts_of_a_page_are_its_headings_units_footnotes_and_paragraphs():
    units = [{"id": "art-3-c", "text": "Transnational networks;",
              "footnotes": [{"number": 9, "text": "Keck, M. (1998)"}]}]
    assert printed_texts([("art-3", "Article 3")], units, {"standfirst": "The mandate"}) == {
        "art-3": "Article 3", "standfirst": "The mandate", "art-3-c": "Transnational networks;",
        "fn:9": "Keck, M. (1998)"}


def test_alignment_is_by_paragraph_not_by_page():
    terms = load_glossary(GLOSSARY)
    # The page as a whole has « rendre des comptes »; this paragraph does not.
    assert [t.english for t in missing_french(
        "transparency and accountability", "la transparence et la responsabilité", terms)] == [
        "accountability"]
    assert missing_french("transparency and accountability",
                          "la transparence et l’obligation de rendre des comptes", terms) == []


def test_a_longer_term_hides_the_shorter_one_it_contains():
    terms = load_glossary(GLOSSARY)
    assert [t.english for t in english_terms("mutual accountability", terms)] == [
        "mutual accountability"]
    assert {t.english for t in english_terms("mutual accountability and accountability", terms)} == {
        "mutual accountability", "accountability"}


def test_the_vienna_declaration_needs_its_full_declined_title():
    terms = load_glossary(GLOSSARY)
    english = "the adoption of the Vienna Declaration and Programme of Action"
    assert missing_french(english, "l’adoption du Programme d’action de Vienne", terms)
    assert not missing_french(english, "l’adoption de la Déclaration et du Programme d’action "
                                       "de Vienne", terms)
    wrong = "l’adoption de la Déclaration et le Programme d’action de Vienne"
    assert [(line, variant) for line, variant, _term in forbidden_variants(wrong, terms)] == [
        (1, "de la Déclaration et le Programme d’action de Vienne")]


def test_forbidden_variants_are_refused_with_file_and_line():
    problems = forbidden_problems(
        {"docs/fr/page.md": "# Titre {#t}\n\nLes droits humains et la redevabilité.\n"},
        load_glossary(GLOSSARY))
    assert [problem.split(":")[0] for problem in problems] == [
        "docs/fr/page.md, line 3", "docs/fr/page.md, line 3"]
    assert "« redevabilité » is a forbidden variant" in " ".join(problems)
    assert all("Fix: write « " in problem for problem in problems)


def test_a_malformed_glossary_entry_is_refused_with_its_line(tmp_path):
    glossary = tmp_path / "glossary.yml"
    glossary.write_text('- en: "a"\n  fr: "b"\n- en: "c"\n  french: "d"\n', "utf-8")
    with pytest.raises(GlossaryError, match=r"glossary.yml, line 3: .* Fix: give each entry"):
        load_glossary(glossary)


def test_a_project_without_a_glossary_has_no_terms_and_an_unreadable_one_is_refused(tmp_path):
    assert load_glossary(tmp_path / "glossary.yml") == []
    (tmp_path / "glossary.yml").write_bytes(b"- en: \"state\"\n  fr: \"\xc9tat\"\n")
    with pytest.raises(GlossaryError, match=r"glossary.yml: cannot be read .* Fix: restore it"):
        load_glossary(tmp_path / "glossary.yml")


# --- The French style sheet (STYLE-FR.md) -----------------------------------------------------

@pytest.mark.parametrize("source", source_pages("fr"))
def test_french_pages_follow_the_style_sheet(source):
    assert style_problems((DOCS / "fr" / source).read_text("utf-8"), f"docs/fr/{source}") == []


@pytest.mark.parametrize("strings", FRENCH_STRINGS, ids=lambda path: path.name)
def test_french_interface_strings_follow_the_style_sheet(strings):
    assert style_problems(french_block(strings.read_text("utf-8")), strings.name) == []


@pytest.mark.parametrize("typed, rule", [
    ("# Article 1 {#art-1}", "article-premier"),
    ("L’article 1 de la version préliminaire", "article-premier"),
    ("au XXIe siècle", "century"),
    ("observation générale n° 14", "numero"),
    ("les 13e et 14e alinéas", "ordinal-digits"),
    ("avant et après 2015", "before-and-beyond"),
    ("d’ici 2015", "d-ici-a"),
    ("le mot “solidarité”", "english-quotes"),
    ("une question clé", "cle"),
    ("des privations et/ou des violations", "et-ou"),
])
def test_each_style_rule_catches_what_it_is_for(typed, rule):
    problems = style_problems(typed, "docs/fr/x.md")
    assert len(problems) == 1 and f"rule “{rule}”" in problems[0], problems
    assert problems[0].startswith("docs/fr/x.md, line 1: ") and "Fix: " in problems[0]


@pytest.mark.parametrize("typed", [
    "# Article premier {#art-1}", "les articles 1 à 13", "Articles [1](article-1.md#art-1), [2]",
    "l’article 10", "au XXI<sup>e</sup> siècle", "n<sup>o</sup> 14", "les 13<sup>e</sup> alinéas",
    "d’ici à 2015 et au-delà", "`d’ici 2015`", "voir <https://example.org/1er>",
    "la trente-cinquième session", "une clef",
])
def test_the_style_rules_leave_correct_text_alone(typed):
    assert style_problems(typed, "x") == []


def test_every_style_rule_is_documented_in_the_style_sheet():
    sheet = (ROOT / "STYLE-FR.md").read_text("utf-8")
    assert [rule.name for rule in RULES if rule.name not in sheet] == []


def test_french_interface_strings_carry_french_typography():
    for path in FRENCH_STRINGS:
        french = french_block(path.read_text("utf-8"))
        values = re.findall(r'": "([^"]*)"', french)
        assert values and [v for v in values if apply_french_typography(v) != v] == [], path.name


def test_no_french_page_shows_the_outdated_notice_on_a_clean_build(site):
    assert [name for name, french, english in pairs() if status(french, english)[0] != "up to date"] == []
    for source in source_pages("fr"):
        html = BeautifulSoup(built_page(site, source, "fr").read_text("utf-8"), "html.parser")
        assert html.select_one(".translation-notice__outdated") is None, source


def test_the_french_first_article_is_article_premier_with_its_id_unchanged(site):
    html = BeautifulSoup(built_page(site, "declaration/article-1.md", "fr").read_text("utf-8"),
                         "html.parser")
    heading = html.select_one("article h1")
    assert heading["id"] == "art-1" and heading.get_text(strip=True).startswith("Article premier")
    assert heading["data-cite"] == "art. 1"
    assert html.find(id="art-1-1") is not None
    nav = [a.get_text(strip=True) for a in html.select("nav.md-nav--primary a")]
    assert "Article premier" in nav and "Article 1" not in nav


def test_editorial_mark_explanations_on_french_pages_have_french_typography(site):
    html = content(site, "declaration/preamble.md", "fr")
    titles = [mark["title"] for mark in html.select(".editorial[title], .sic[title]")]
    assert titles and all(apply_french_typography(title) == title for title in titles)
    assert any("\u00a0:" in title for title in titles)


@pytest.mark.parametrize("source", source_pages("fr"))
def test_every_french_paragraph_is_in_french(site, source):
    page = content(site, source, "fr")
    for footnotes in page.select("div.footnote"):
        footnotes.decompose()  # they cite English titles as printed
    for paragraph in page.select("p, li"):
        if paragraph.find_parent(lang=True) or paragraph.get("lang"):
            continue  # marked as quoted in another language
        words = re.findall(r"[a-zà-ÿ]+", paragraph.get_text(" ").lower())
        if len(words) < 8:
            continue
        english = sum(word in ENGLISH_STOP_WORDS for word in words)
        french = sum(word in FRENCH_STOP_WORDS for word in words)
        assert french > english, f"docs/fr/{source}: untranslated? “{paragraph.get_text()[:80]}”"


def test_french_typography_is_applied_on_french_pages_only(site):
    french = content(site, "declaration/article-13.md", "fr").get_text()
    english = content(site, "declaration/article-13.md", "en").get_text()
    assert "\u202f;" in french
    assert "\u202f" not in english


def test_french_interface_strings(site):
    html = BeautifulSoup(built_page(site, "declaration/article-6.md", "fr").read_text("utf-8"),
                         "html.parser")
    assert html.select_one(".translation-notice__label").text.startswith("Traduction non officielle")
    assert html.select_one(".translation-notice a")["hreflang"] == "en"
    assert html.select_one(".citation-context")["data-copied"] == "Lien et référence copiés"
    assert html.select_one("input.md-search__input")["placeholder"] == "Rechercher"
    assert html.select_one("a.footnote-backref")["title"].startswith("Revenir")
    assert html.select_one("a.headerlink")["title"] == "Lien vers cette section"
    assert "Copier un lien" in html.select_one("a.paragraph-link")["aria-label"]


def test_the_footer_speaks_the_page_language(site):
    french = BeautifulSoup(built_page(site, "essay.md", "fr").read_text("utf-8"), "html.parser")
    footer = french.select_one(".md-copyright").get_text(" ")
    assert "Transcription, traduction et notes de la rédaction" in footer
    assert "Made with" not in footer


def test_english_pages_carry_no_translation_label(site):
    html = BeautifulSoup(built_page(site, "declaration/article-6.md", "en").read_text("utf-8"),
                         "html.parser")
    assert html.select_one(".translation-notice") is None


@pytest.fixture
def reviewed_pair(tmp_path) -> tuple[Path, Path]:
    """Copies of an English page and its French page, the French marked as reviewed."""
    english, french = tmp_path / "en.md", tmp_path / "fr.md"
    shutil.copy(DOCS / "en" / "declaration" / "article-9.md", english)
    shutil.copy(DOCS / "fr" / "declaration" / "article-9.md", french)
    record(french, english)
    assert status(french, english)[0] == "up to date"
    return english, french


def test_editing_the_english_source_flags_its_french_page(reviewed_pair):
    english, french = reviewed_pair
    english.write_text(english.read_text("utf-8").replace("human rights based", "human-rights-based"),
                       "utf-8")
    assert status(french, english)[0] == "English changed"


def test_rewrapping_the_english_source_does_not_flag_its_french_page(reviewed_pair):
    english, french = reviewed_pair
    head, separator, body = english.read_text("utf-8").rpartition("\n---\n")
    english.write_text(head + separator + body.replace(" approach", "\napproach"), "utf-8")
    assert status(french, english)[0] == "up to date"


def test_a_changed_english_page_shows_the_notice_on_its_french_page_without_failing(project, tmp_path):
    edit(project, "en/declaration/article-9.md", "people-centred development.",
         "people-centred development, as amended.")
    # A change of the text under a published id is a declared, recorded correction.
    (project / "changelog.yml").write_text(
        "corrections:\n  - {id: art-9-text, page: declaration/article-9.md, language: en, "
        "date: 2026-11-30, kind: editorial, reason: Amended.}\n", "utf-8")
    assert subprocess.run([sys.executable, "-m", "tools.anchors", "--record", str(project)],
                          cwd=ROOT).returncode == 0
    result = build_site(tmp_path / "site", project / "mkdocs.yml", project)
    assert result.returncode == 0, result.stdout + result.stderr
    notice = BeautifulSoup((tmp_path / "site/fr/declaration/article-9/index.html").read_text("utf-8"),
                           "html.parser").select_one(".translation-notice__outdated")
    assert "La version anglaise de cette page a été modifiée depuis cette traduction" in notice.text
    assert notice.find("a")["hreflang"] == "en"
    unchanged = BeautifulSoup((tmp_path / "site/fr/declaration/article-8/index.html")
                              .read_text("utf-8"), "html.parser")
    assert unchanged.select_one(".translation-notice__outdated") is None


@pytest.mark.parametrize("source, paragraph_id, wording", [
    # "… and that States in a position to do so should …": the premise, not a new obligation.
    ("declaration/article-8.md", "art-8-2", "et que les États qui sont en mesure de le faire devraient"),
    ("declaration/preamble.md", "pp-2", "de la Déclaration et du Programme d’action de Vienne"),
    ("declaration/article-5.md", "art-5-n", "d’ici à 2015 et au-delà"),
])
def test_revised_french_wording(site, source, paragraph_id, wording):
    text = content(site, source, "fr").find(id=paragraph_id).get_text(" ")
    assert wording in " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())
