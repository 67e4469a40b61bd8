"""The French edition: same structure, French text, UN terminology, freshness, French interface."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import DOCS, ROOT, build_site, built_page, edit, source_pages
from tools.translations import record, status

GLOSSARY = yaml.safe_load((ROOT / "glossary.yml").read_text("utf-8"))
ENGLISH_STOP_WORDS = {"the", "and", "of", "to", "in", "that", "is", "for", "with", "which", "by",
                      "their", "are", "as", "be", "this", "its", "on", "or", "from"}
FRENCH_STOP_WORDS = {"le", "la", "les", "et", "des", "de", "du", "à", "en", "que", "qui", "pour",
                     "dans", "est", "leur", "leurs", "sur", "une", "un", "par", "au", "aux"}


def content(site: Path, source: str, language: str) -> BeautifulSoup:
    html = BeautifulSoup(built_page(site, source, language).read_text("utf-8"), "html.parser")
    return html.select_one("article.md-content__inner")


def term_pattern(term: str) -> re.Pattern:
    """A glossary term, allowing the plural of each word (« observations générales »)."""
    return re.compile(r"\b" + r"\s".join(re.escape(word) + "[sx]?" for word in term.split()) + r"\b")


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'").replace("\u00a0", " ")
                  .replace("\u202f", " ")).lower()


@pytest.mark.parametrize("source", source_pages("en"))
def test_same_ids_in_both_languages(site, source):
    english = [e["id"] for e in content(site, source, "en").select("[id]")]
    french = [e["id"] for e in content(site, source, "fr").select("[id]")]
    assert english == french


@pytest.mark.parametrize("source", source_pages("en"))
def test_glossary_terms_are_used_consistently(site, source):
    english = normalised(content(site, source, "en").get_text(" "))
    french = normalised(content(site, source, "fr").get_text(" "))
    missing = [entry["fr"] for entry in GLOSSARY
               if term_pattern(normalised(entry["en"])).search(english)
               and not term_pattern(normalised(entry["fr"])).search(french)]
    assert missing == [], f"docs/fr/{source} should use: {missing}"


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
