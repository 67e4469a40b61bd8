"""Editions: frozen releases of the text, the amended mark, histories, diffs, and the
frozen-file check.

The repository has one edition (the first). The tests of a changed unit use a scratch
copy of the site, in a git repository, where a French and an English paragraph are
corrected and `tools.edition make` releases a second edition, as the editors will.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from legaltext.editions import (EditionError, amended, histories, load_editions, long_date,
                                make_edition, word_diff)
from legaltext.machine_readable import fingerprint, fragment, unit_record
from tests.conftest import ROOT, build_site, built_page
from tests.markdown_helpers import render
from tools import edition as edition_tool
from tools.pages_server import serve, site_prefix
from tools.project import FIXTURE, copy_sources

FIRST = "2026-11-22"
FIRST_COMMIT = "9553aa8"
SECOND = "2026-11-30"
CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
# The corrections the scratch copy makes: (language, page, old words, new words, id, reason).
CORRECTIONS = [
    ("fr", "declaration/article-8.md", "repose sur le postulat selon lequel certains",
     "repose sur le postulat que certains", "art-8-2",
     "Restores « que », so the premise is not read as a separate obligation."),
    ("en", "declaration/article-8.md", "transparency and accountability.",
     "transparency, and accountability.", "art-8-2",
     "Restores the serial comma of the original."),
]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def git(repository: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(repository), "-c", "user.name=Editors",
                             "-c", "user.email=editors@example.org", *args],
                            capture_output=True, text=True, check=True)
    return result.stdout


def edition_command(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tools.edition", "--root", str(root), *args],
                          cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})


# --- Dates and diffs ---------------------------------------------------------------------

def test_dates_are_written_out_in_each_language():
    assert long_date("2026-11-22", "en") == "22 November 2026"
    assert long_date("2026-11-22", "fr") == "22 novembre 2026"
    assert long_date("2026-12-01", "fr") == "1er décembre 2026"


def test_the_diff_marks_words_and_punctuation_but_not_white_space():
    assert word_diff("le postulat selon lequel certains", "le postulat que certains") == \
        "le postulat <del>selon lequel</del> <ins>que</ins> certains"
    assert word_diff("equality, participation", "equality; participation") == \
        "equality<del>,</del><ins>;</ins> participation"
    # French typography is a change; a change of spacing alone is none.
    typography = BeautifulSoup(word_diff('le "droit"', "le «\u202fdroit\u202f»"), "html.parser")
    assert [d.get_text() for d in typography.select("del")] == ['"', '"']
    assert [i.get_text() for i in typography.select("ins")] == ["«", "»"]
    assert typography.get_text() == 'le " «\u202fdroit"\u202f»'  # the spaces as printed
    assert word_diff("the  right\nto", "the right to") == "the right to"
    assert "<" not in word_diff("a <b>", "a <b>").replace("&lt;", "")


# --- Making an edition -------------------------------------------------------------------

def _languages(text_fr: str) -> dict:
    """One unit, art-8-2, in English and French, as an edition holds it."""
    unit = {"id": "art-8-2", "kind": "paragraph", "label": "2.", "citation": "art. 8(2)",
            "html": "", "footnotes": []}
    return {language: [{"path": "declaration/article-8.md", "document": "declaration",
                        "title": "Article 8",
                        "units": [{**unit, "text": text, "fingerprint": fingerprint(text)}]}]
            for language, text in (("en", "The duty"), ("fr", text_fr))}


SUMMARY = {"en": "Revision.", "fr": "Révision."}


def test_an_edition_refuses_a_change_without_a_declared_reason():
    first = make_edition(FIRST, "a" * 40, SUMMARY, _languages("Le devoir"), None, [])
    with pytest.raises(EditionError) as refused:
        make_edition(SECOND, "b" * 40, SUMMARY, _languages("Le devoir même"), first, [
            {"id": "art-8-2", "language": "en", "date": SECOND, "reason": "Another language."},
            {"id": "art-8-2", "language": "fr", "date": FIRST, "reason": "Too early."}])
    message = str(refused.value)
    assert "art-8-2 (fr, docs/fr/declaration/article-8.md, changed)" in message
    assert "Fix:" in message and "changelog.yml" in message


def test_an_edition_takes_each_reason_from_the_changelog_and_refuses_what_is_not_new():
    first = make_edition(FIRST, "a" * 40, SUMMARY, _languages("Le devoir"), None, [])
    second = make_edition(SECOND, "b" * 40, SUMMARY, _languages("Le devoir même"), first, [
        {"id": "art-8-2", "language": "fr", "date": SECOND, "kind": "translation",
         "reason": "Adds  « même »."}])
    assert second["changes"] == [{"id": "art-8-2", "language": "fr",
                                  "page": "declaration/article-8.md", "change": "changed",
                                  "kind": "translation", "reason": "Adds « même »."}]
    for date, languages, summary, message in [
            (FIRST, _languages("Le devoir même"), SUMMARY, "would not come after"),
            (SECOND, _languages("Le devoir"), SUMMARY, "has not changed"),
            (SECOND, _languages("Le devoir même"), {"en": "x", "fr": " "}, "no summary"),
            ("30 November", _languages("Le devoir même"), SUMMARY, "is not a date")]:
        with pytest.raises(EditionError, match=message):
            make_edition(date, "b" * 40, summary, languages, first, [])


# --- The amended mark, in the Markdown layer ---------------------------------------------

ARTICLE = "# Article 8 {#art-8}\n\n1\\. First.\n\n2\\. Second.\n"


@pytest.mark.parametrize("language, label", [("en", "amended"), ("fr", "modifié")])
def test_an_amended_unit_gets_a_mark_beside_its_copy_link_and_keeps_its_text(language, label):
    units: list[dict] = []
    page = BeautifulSoup(render(ARTICLE, language, paragraph_ids={
        "amended": {"art-8-2": "editions/history/declaration/#art-8-2"},
        "site_root": "../../", "units": units}), "html.parser")
    mark = page.select_one("#art-8-2 > a.amended-mark")
    assert mark.get_text() == label
    assert mark["href"] == "../../editions/history/declaration/#art-8-2"
    assert mark.find_previous_sibling("a")["class"] == ["paragraph-link"]
    assert page.select_one("#art-8-1 .amended-mark") is None  # never changed: no mark
    recorded = {unit["id"]: unit_record(unit, {}, fragment(unit["html"])) for unit in units}
    assert recorded["art-8-2"]["text"] == "Second."
    assert label not in recorded["art-8-2"]["text"]


# --- Frozen files --------------------------------------------------------------------------

@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository whose main branch holds the first edition, on a branch of its own."""
    (tmp_path / "editions").mkdir()
    shutil.copy(ROOT / "editions" / f"{FIRST}.json", tmp_path / "editions")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "First edition")
    git(tmp_path, "checkout", "-qb", "revision")
    return tmp_path


def test_an_edition_file_edited_after_it_is_frozen_fails_the_check(repository: Path):
    assert edition_command(repository, "check").returncode == 0
    frozen = repository / "editions" / f"{FIRST}.json"
    frozen.write_text(frozen.read_text("utf-8").replace("selon lequel", "que", 1), "utf-8")
    git(repository, "commit", "-qam", "Correct the first edition in place")
    result = edition_command(repository, "check")
    assert result.returncode == 1
    assert f"editions/{FIRST}.json was changed" in result.stdout
    assert "Fix:" in result.stdout
    frozen.unlink()
    result = edition_command(repository, "check")
    assert result.returncode == 1 and "was deleted" in result.stdout


def test_a_new_edition_file_passes_the_check(repository: Path):
    (repository / "editions" / f"{SECOND}.json").write_text("{}", "utf-8")
    assert edition_command(repository, "check").returncode == 0


def test_the_check_says_when_it_has_no_base_and_fails_in_ci(tmp_path: Path):
    git(tmp_path, "init", "-q", "-b", "alone")
    result = edition_command(tmp_path, "check", CI="true")
    assert result.returncode == 1
    assert "no base to compare the editions with" in result.stdout
    assert "NOT checked" in result.stdout


# --- The first edition ---------------------------------------------------------------------

def test_the_first_edition_is_the_text_published_on_22_november_2026(tmp_path: Path):
    """Rebuild commit 9553aa8 with its own code and compare every unit of both documents,
    in both languages, with the frozen file."""
    first = load_editions(ROOT / "editions")[0]
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", f"{FIRST_COMMIT}^{{commit}}"],
                            capture_output=True, text=True)
    assert commit.returncode == 0, ("the repository's history is needed (a full clone): "
                                    + commit.stderr)
    assert (first["date"], first["commit"]) == (FIRST, commit.stdout.strip())
    edition_tool.extract(ROOT, first["commit"], tmp_path)
    assert edition_tool.built_languages(tmp_path) == first["languages"]
    counts = {language: sum(len(page["units"]) for page in pages)
              for language, pages in first["languages"].items()}
    assert counts["en"] == counts["fr"] > 100


# --- The site's own editions ----------------------------------------------------------------

@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_site_marks_exactly_the_units_its_editions_amended(site: Path, language: str):
    editions = load_editions(ROOT / "editions")
    changed = amended(histories(editions, language))
    marked = set()
    for page in editions[-1]["languages"][language]:
        html = soup(built_page(site, page["path"], language))
        marked |= {mark.parent["id"] for mark in html.select("[data-cite] > a.amended-mark")}
    assert marked == set(changed)


def assert_every_edition_is_published(site: Path, editions_folder: Path, language: str):
    """Each edition's document pages carry every id of that edition, in its order."""
    prefix = "fr/" if language == "fr" else ""
    editions = load_editions(editions_folder)
    assert editions
    for edition in editions:
        documents: dict[str, list[str]] = {}
        for page in edition["languages"][language]:
            documents.setdefault(page["document"], []).extend(u["id"] for u in page["units"])
        for document, unit_ids in documents.items():
            html = site / prefix / "editions" / edition["date"] / document / "index.html"
            content = BeautifulSoup(html.read_text("utf-8"), "html.parser").select_one(
                "article.md-content__inner")
            found = [element["id"] for element in content.select("[id]")]
            assert [i for i in found if i in unit_ids] == unit_ids, (edition["date"], document)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_site_publishes_every_id_of_every_edition(site: Path, language: str):
    assert_every_edition_is_published(site, ROOT / "editions", language)


# --- A second edition, in a scratch copy ---------------------------------------------------

@pytest.fixture(scope="module")
def revised(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the site in git, two corrections of art-8-2 committed, and its second
    edition made by `tools.edition make`; the project folder, with the built site in _site."""
    # The frozen fixture tree: the text as first published, with its first edition.
    project = copy_sources(tmp_path_factory.mktemp("revised"), FIXTURE)
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "As published")
    for language, path, old, new, _id, _reason in CORRECTIONS:
        file = project / "docs" / language / path
        text = file.read_text("utf-8")
        assert old in text, (language, path, old)
        file.write_text(text.replace(old, new, 1), "utf-8")
    git(project, "commit", "-qam", "Correct art-8-2")
    refused = edition_command(project, "make", "--date", SECOND, "--summary", "Revision.",
                              "--summary-fr", "Révision.")
    # The citation contract refuses the changed text before the edition is made.
    assert refused.returncode == 1 and "“art-8-2” has changed" in refused.stdout \
        and "changelog.yml" in refused.stdout, refused.stdout
    entries = [{"id": unit_id, "page": path, "language": language, "date": SECOND,
                "kind": "translation", "reason": reason}
               for language, path, _old, _new, unit_id, reason in CORRECTIONS]
    (project / "changelog.yml").write_text(
        yaml.safe_dump({"corrections": entries}, allow_unicode=True), "utf-8")
    recorded = subprocess.run([sys.executable, "-m", "tools.anchors", "--record", str(project)],
                              cwd=ROOT, capture_output=True, text=True)
    assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    git(project, "add", "changelog.yml", "anchors.yml")
    git(project, "commit", "-qm", "Declare the corrections")
    made = edition_command(project, "make", "--date", SECOND, "--summary", "Revision of art. 8.",
                           "--summary-fr", "Révision de l’art. 8.")
    assert made.returncode == 0, made.stdout + made.stderr
    built = build_site(project / "_site", project / "mkdocs.yml", project)
    assert built.returncode == 0, built.stderr[-3000:]
    return project


def test_make_edition_records_each_change_with_its_reason_and_commit(revised: Path):
    second = json.loads((revised / "editions" / f"{SECOND}.json").read_text("utf-8"))
    assert second["commit"] == git(revised, "rev-parse", "HEAD").strip()
    assert sorted((change["id"], change["language"], change["reason"])
                  for change in second["changes"]) == \
        sorted((unit_id, language, reason) for language, _p, _o, _n, unit_id, reason in CORRECTIONS)


@pytest.mark.parametrize("language, mark, deleted, inserted", [
    ("fr", "modifié", "selon lequel", "que"), ("en", "amended", ",", ",")])
def test_a_changed_unit_gets_the_mark_the_history_and_a_correct_diff(revised, language, mark,
                                                                    deleted, inserted):
    site = revised / "_site"
    article = soup(built_page(site, "declaration/article-8.md", language))
    link = article.select_one("#art-8-2 > a.amended-mark")
    assert link.get_text() == mark
    history_file = (built_page(site, "declaration/article-8.md", language).parent
                    / link["href"].split("#")[0] / "index.html").resolve()
    assert link["href"].endswith("editions/history/declaration/#art-8-2")
    section = soup(history_file).select_one("section#art-8-2")
    diff = section.select_one(".history-diff")
    reason = next(reason for lang, _p, _o, _n, _id, reason in CORRECTIONS if lang == language)
    assert reason in section.get_text()
    if language == "fr":
        assert [d.get_text() for d in diff.select("del")] == [deleted]
        assert [i.get_text() for i in diff.select("ins")] == [inserted]
    else:  # the comma inserted after “transparency”, nothing deleted
        assert diff.select("del") == [] and [i.get_text() for i in diff.select("ins")] == [","]
        assert "transparency<ins>,</ins> and accountability" in str(diff)
    assert [h.get_text() for h in section.select("h3")] == [
        {"en": "Edition of 22 November 2026", "fr": "Édition du 22 novembre 2026"}[language],
        {"en": "Edition of 30 November 2026", "fr": "Édition du 30 novembre 2026"}[language]]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_unchanged_unit_gets_no_mark_and_no_history(revised, language):
    site = revised / "_site"
    article = soup(built_page(site, "declaration/article-8.md", language))
    assert article.select("#art-8-1 .amended-mark") == []
    assert len(article.select(".amended-mark")) == 1
    prefix = "fr/" if language == "fr" else ""
    history = soup(site / prefix / "editions/history/declaration/index.html")
    assert [section["id"] for section in history.select("section.unit-history")] == ["art-8-2"]
    assert not (site / prefix / "editions/history/essay").exists()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_data_give_each_unit_its_history(revised, language):
    data = json.loads((revised / "_site" / "data" / f"declaration.{language}.json")
                      .read_text("utf-8"))
    units = {unit["id"]: unit for unit in data["units"]}
    changed = [entry["edition"] for entry in units["art-8-2"]["editions"]]
    assert changed == [FIRST, SECOND]
    assert len({entry["text_sha256"] for entry in units["art-8-2"]["editions"]}) == 2
    assert [entry["edition"] for entry in units["art-8-1"]["editions"]] == [FIRST]


@pytest.mark.parametrize("language, dates, changed", [
    ("en", ["30 November 2026", "22 November 2026"], "Paragraphs changed in French"),
    ("fr", ["30 novembre 2026", "22 novembre 2026"], "Paragraphes modifiés en français")])
def test_the_editions_page_lists_the_editions_newest_first_with_their_changes(
        revised, language, dates, changed):
    page = soup(built_page(revised / "_site", "editions.md", language))
    assert [h.get_text() for h in page.select("h2[id^=edition-]")] == dates
    french = next(dt for dt in page.select("dl.edition-changes dt") if dt.get_text() == changed)
    link = french.find_next_sibling("dd").select_one("a")
    assert link.get_text() == "art-8-2"
    page_file = built_page(revised / "_site", "editions.md", language)
    target = (page_file.parent / link["href"].split("#")[0]).resolve()
    assert target == (revised / "_site" / "fr/editions/history/declaration").resolve()
    assert link["href"].endswith("#art-8-2")
    assert "Révision de l’art. 8." in page.get_text() if language == "fr" else \
        "Revision of art. 8." in page.get_text()


def test_the_changelog_is_made_from_the_editions(revised):
    page = soup(built_page(revised / "_site", "changelog.md", "en"))
    rows = [[cell.get_text() for cell in row.select("td")]
            for row in page.select("table.edition-changelog tbody tr")]
    assert rows == [["art-8-2", "in English", "changed", CORRECTIONS[1][5]],
                    ["art-8-2", "in French", "changed", CORRECTIONS[0][5]]]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_edition_page_carries_every_id_of_its_edition(revised, language):
    assert_every_edition_is_published(revised / "_site", revised / "editions", language)


@pytest.mark.parametrize("language, old, cite", [
    ("en", "transparency and accountability.", "edition of 22 November 2026"),
    ("fr", "postulat selon lequel", "édition du 22 novembre 2026")])
def test_a_past_edition_shows_its_own_text_labelled_with_a_link_to_the_current_one(
        revised, language, old, cite):
    site = revised / "_site"
    prefix = "fr/" if language == "fr" else ""
    page_file = site / prefix / "editions" / FIRST / "declaration" / "index.html"
    page = soup(page_file)
    assert old in page.select_one("#art-8-2").get_text()
    assert cite in page.select_one(".edition-notice").get_text()
    current = page.select_one("#art-8-2").find_next_sibling("p", class_="edition-current").a
    assert (page_file.parent / current["href"].split("#")[0] / "index.html").resolve() == \
        built_page(site, "declaration/article-8.md", language).resolve()
    assert page.select_one(".citation-context")["data-edition"] == cite
    # The current text names the latest edition.
    article = soup(built_page(site, "declaration/article-8.md", language))
    assert article.select_one(".citation-context")["data-edition"] == \
        {"en": "edition of 30 November 2026", "fr": "édition du 30 novembre 2026"}[language]


def test_search_finds_only_the_current_text(revised):
    for prefix in ("", "fr/"):
        index = json.loads((revised / "_site" / prefix / "search" / "search_index.json")
                           .read_text("utf-8"))
        locations = [doc["location"] for doc in index["docs"]]
        assert locations
        assert not [loc for loc in locations if re.search(r"editions/\d|history", loc)]


# --- In the browser ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def revised_server(revised: Path):
    with serve(revised / "_site", site_prefix(CONFIG["site_url"]), compress=True) as url:
        yield url


@pytest.fixture
def revised_page(browser, revised_server):
    context = browser.new_context(base_url=revised_server)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    yield page
    context.close()


HIGHLIGHTED = "e => e.matches(':target') && getComputedStyle(e).backgroundColor"


@pytest.mark.browser
def test_the_first_edition_of_french_article_8_2_opens_highlighted(page, server):
    page.goto(server + f"fr/editions/{FIRST}/declaration/#art-8-2")
    paragraph = page.locator("#art-8-2")
    assert "postulat selon lequel" in paragraph.inner_text()
    assert paragraph.evaluate(HIGHLIGHTED) not in (False, "rgba(0, 0, 0, 0)")
    assert "22 novembre 2026" in page.locator(".edition-notice").inner_text()
    assert page.console_errors == []


@pytest.mark.browser
def test_the_mark_leads_from_the_current_french_article_8_2_to_its_diff(revised_page,
                                                                       revised_server):
    page = revised_page
    page.goto(revised_server + "fr/declaration/article-8/#art-8-2")
    page.locator("#art-8-2 a.amended-mark").click()
    page.wait_for_url(re.compile(r"/fr/editions/history/declaration/#art-8-2$"))
    section = page.locator("section#art-8-2")
    assert section.evaluate("e => e.matches(':target')")
    assert section.locator(".history-diff del").inner_text() == "selon lequel"
    assert section.locator(".history-diff ins").inner_text() == "que"
    # Readable without colour: struck through and underlined.
    assert "line-through" in section.locator("del").evaluate(
        "e => getComputedStyle(e).textDecorationLine")
    assert "underline" in section.locator("ins").evaluate(
        "e => getComputedStyle(e).textDecorationLine")
    assert page.errors == []


@pytest.mark.browser
def test_the_copied_citation_names_the_edition(revised_page, revised_server):
    page = revised_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(revised_server + "fr/declaration/article-8/")
    page.locator("#art-8-2").hover()
    page.locator("#art-8-2 a.paragraph-link").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert ", art. 8, par. 2 (édition du 30 novembre 2026), " in copied
    assert copied.endswith("/fr/declaration/article-8/#art-8-2")
