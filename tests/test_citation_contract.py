"""The citation contract, on real builds of the frozen fixture site (tests/fixtures/site):
a published id always holds the same text, or a declared and recorded correction of it;
`make check` says so, with the file, the line, the id and the fix."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from legaltext import registry
from tests.conftest import ROOT, assert_refused, build_site, check, edit

CORRECTION = """corrections:
  - id: {id}
    page: {page}
    language: {language}
    date: 2026-11-30
    kind: transcription
    reason: Corrects a word the transcription got wrong.
"""


def record(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tools.anchors", "--record", str(project)],
                          cwd=ROOT, capture_output=True, text=True)


def both(project: Path, path: str, old: str, new: str) -> None:
    for language in ("en", "fr"):
        file = project / "docs" / language / path
        text = file.read_text("utf-8")
        assert old[language] in text, (language, old[language])
        file.write_text(text.replace(old[language], new[language], 1), "utf-8")


def test_renumbering_is_refused_and_names_where_the_text_went(project):
    both(project, "declaration/article-6.md",
         {"en": "\n2\\. ", "fr": "\n2\\. "},
         {"en": "\n2\\. An inserted paragraph.\n\n2\\. ", "fr": "\n2\\. Un paragraphe inséré.\n\n2\\. "})
    for language in ("en", "fr"):  # renumber the rest: 2 -> 3, 3 -> 4 ...
        file = project / "docs" / language / "declaration/article-6.md"
        lines, count = [], 0
        for line in file.read_text("utf-8").splitlines():
            if line[:1].isdigit() and line[1:4] == "\\. ":
                count += 1
                line = f"{count}{line[1:]}"
            lines.append(line)
        file.write_text("\n".join(lines) + "\n", "utf-8")
    assert_refused(project, "docs/en/declaration/article-6.md, line ",
            "the published id “art-6-2” now holds other text: its text is now under “art-6-3”",
            "Renumbering is never a correction")


def test_splitting_a_paragraph_is_refused(project):
    file = project / "docs/en/essay.md"
    text = file.read_text("utf-8")
    start = text.index("Nowadays the word solidarity")
    paragraph_end = text.index("\n\n", start)
    first_sentence = text.index(". ", start, paragraph_end) + 1
    file.write_text(text[:first_sentence] + "\n\n" + text[first_sentence + 1:], "utf-8")
    assert_refused(project, "docs/en/essay.md, line ", "the text under the published id “p-3” has changed",
            "the published id “p-5” now holds other text: its text is now under “p-6”; the text "
            "it now holds was published as “p-4”")


def test_a_changed_word_is_refused_with_the_declaration_it_needs(project):
    edit(project, "en/declaration/article-9.md", "people-centred development.",
         "people-centered development.")
    assert_refused(project, "docs/en/declaration/article-9.md, line ",
            "the text under the published id “art-9-text” has changed",
            "declare it in changelog.yml (id: art-9-text, page: declaration/article-9.md, "
            "language: en", "`make anchors`")


def test_a_declared_correction_passes_once_recorded_and_keeps_the_history(project):
    edit(project, "en/declaration/article-9.md", "people-centred development.",
         "people-centered development.")
    (project / "changelog.yml").write_text(CORRECTION.format(
        id="art-9-text", page="declaration/article-9.md", language="en"), "utf-8")
    assert_refused(project, "the corrected text of “art-9-text”, declared in changelog.yml, line 2",
            "run `make anchors`")
    result = record(project)
    assert result.returncode == 0, result.stdout + result.stderr
    code, output = check(project)
    assert code == 0, output
    history = registry.load(project / "anchors.yml").pages["declaration/article-9.md"]["art-9-text"]
    assert len(history["en"]) == 2 and len(history["fr"]) == 1


def test_a_declaration_cannot_make_a_renumbering_a_correction(project):
    both(project, "declaration/article-8.md", {"en": "\n1\\. ", "fr": "\n1\\. "},
         {"en": "\n1\\. A new first paragraph.\n\n2\\. ", "fr": "\n1\\. Un nouveau paragraphe.\n\n2\\. "})
    both(project, "declaration/article-8.md", {"en": "\n2\\. ", "fr": "\n2\\. "},
         {"en": "\n2\\. ", "fr": "\n2\\. "})
    for language in ("en", "fr"):
        file = project / "docs" / language / "declaration/article-8.md"
        text = file.read_text("utf-8")
        head, _, tail = text.rpartition("\n2\\. ")
        file.write_text(head + "\n3\\. " + tail, "utf-8")
    (project / "changelog.yml").write_text(CORRECTION.format(
        id="art-8-2", page="declaration/article-8.md", language="en"), "utf-8")
    assert_refused(project, "“art-8-2” now holds other text", "Renumbering is never a correction")


@pytest.mark.parametrize("aliases, expected", [
    ("  declaration/article-8.md:\n    art-8-1: art-8-2\n    art-8-2: art-8-1\n",
     "make a cycle"),
    ("  declaration/article-8.md:\n    art-8-2: art-8-9\n", "points to “art-8-9”, which is not an id"),
    ("  declaration/article-99.md:\n    art-99-1: art-99-2\n",
     "aliases are listed under “declaration/article-99.md”, a page that does not exist"),
])
def test_bad_aliases_name_anchors_yml_and_the_line(project, aliases, expected):
    file = project / "anchors.yml"
    file.write_text(file.read_text("utf-8").replace("aliases: {}\n", "aliases:\n" + aliases), "utf-8")
    assert_refused(project, "anchors.yml, line ", expected)


@pytest.mark.parametrize("name, content, expected", [
    ("anchors.yml", "pages:\n  about.md: [about\n", "anchors.yml, line "),
    ("glossary.yml", "- en: state\n  fr: [État\n", "glossary.yml, line "),
    ("changelog.yml", "corrections:\n  - id: art-9-text\n", "changelog.yml, line 2"),
])
def test_a_corrupt_data_file_is_an_editor_message(project, name, content, expected):
    (project / name).write_text(content, "utf-8")
    output = assert_refused(project, expected)
    assert "Traceback" not in output


def test_removing_a_published_id_from_the_registry_is_refused_against_the_base(project):
    def git(*arguments):
        subprocess.run(["git", *arguments], cwd=project, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base")
    git("checkout", "-q", "-b", "change")
    file = project / "anchors.yml"
    file.write_text("".join(line for line in file.read_text("utf-8").splitlines(keepends=True)
                            if not line.startswith("    art-8-2:")), "utf-8")
    result = subprocess.run([sys.executable, "-m", "tools.anchors", "--against-base", str(project)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1, result.stdout
    assert "anchors.yml compared with main" in result.stdout
    assert "the published id “art-8-2” of declaration/article-8.md (line " in result.stdout
    assert "Fix: restore it" in result.stdout


def test_no_base_to_compare_is_said(project):
    result = subprocess.run([sys.executable, "-m", "tools.anchors", "--against-base", str(project)],
                            cwd=ROOT, capture_output=True, text=True)
    assert "anchors.yml was not compared with a base branch" in result.stdout


def test_a_duplicate_footnote_definition_indented_is_refused(project):
    file = project / "docs/en/declaration/article-6.md"
    file.write_text(file.read_text("utf-8") + "\n   [^11]: A second definition.\n", "utf-8")
    assert_refused(project, "declaration/article-6.md", "Footnote [^11] is defined twice")


def test_an_id_twice_on_the_parallel_page_is_refused(project):
    edit(project, "en/declaration/parallel.md", "\n# ", "\n## Same as a cell {#en-art-6}\n\n# ")
    assert_refused(project, "declaration/parallel.md", "Duplicate id “en-art-6”")


def test_a_french_page_without_a_source_fingerprint_is_refused(project):
    file = project / "docs/fr/declaration/article-9.md"
    file.write_text("".join(line for line in file.read_text("utf-8").splitlines(keepends=True)
                            if not line.startswith("translation_of:")), "utf-8")
    assert_refused(project, "docs/fr/declaration/article-9.md, line 2",
            "does not record which English text it translates",
            "make translations RECORD=docs/fr/declaration/article-9.md")


def test_an_untranslated_french_nav_label_is_refused(project):
    file = project / "mkdocs.yml"
    file.write_text(file.read_text("utf-8").replace("            Essay: Essai\n", ""), "utf-8")
    assert_refused(project, "mkdocs.yml, line ", "the navigation label “Essay” has no French translation",
            "nav_translations")


def test_a_new_page_must_be_recorded_then_passes(project):
    for language, title in (("en", "Glossary"), ("fr", "Glossaire")):
        (project / "docs" / language / "glossary.md").write_text(
            f"---\ntitle: {title}\ndescription: {title}.\n"
            + ("translation_of: x\n" if language == "fr" else "")
            + f"---\n\n# {title} {{#glossary}}\n\nText.\n", "utf-8")
    file = project / "mkdocs.yml"
    file.write_text(file.read_text("utf-8").replace("  - About: about.md\n",
                                                    "  - About: about.md\n  - Glossary: glossary.md\n")
                    .replace("            About: À propos\n",
                             "            About: À propos\n            Glossary: Glossaire\n"), "utf-8")
    assert_refused(project, "docs/en/glossary.md: a new page", "run `make anchors`")
    assert record(project).returncode == 0
    code, output = check(project)
    assert code == 0, output
    assert "glossary" in registry.load(project / "anchors.yml").pages["glossary.md"]


def test_every_french_rendering_of_a_changed_paragraph_carries_the_notice(project, tmp_path):
    edit(project, "en/declaration/article-9.md", "people-centred development.",
         "people-centered development.")
    (project / "changelog.yml").write_text(CORRECTION.format(
        id="art-9-text", page="declaration/article-9.md", language="en"), "utf-8")
    assert record(project).returncode == 0
    result = build_site(tmp_path / "site", project / "mkdocs.yml", project)
    assert result.returncode == 0, result.stdout + result.stderr
    french = tmp_path / "site" / "fr"
    notice = "La version anglaise de ce paragraphe a été modifiée depuis cette traduction."
    for page, selector in (("declaration/article-9/index.html", "#art-9-text"),
                           ("declaration/full-text/index.html", "#art-9-text"),
                           ("declaration/parallel/index.html", "td[lang=fr] #fr-art-9-text")):
        html = BeautifulSoup((french / page).read_text("utf-8"), "html.parser")
        paragraph = html.select_one(selector)
        assert "translation-outdated" in paragraph["class"], page
        assert paragraph["data-outdated"] == notice, page
    article = BeautifulSoup((french / "declaration/article-9/index.html").read_text("utf-8"),
                            "html.parser")
    assert article.select_one(".translation-notice__outdated") is not None
    english = BeautifulSoup((tmp_path / "site/declaration/parallel/index.html").read_text("utf-8"),
                            "html.parser")
    assert "translation-outdated" not in english.select_one("td[lang=en] #en-art-9-text")["class"]
    units = json.loads((tmp_path / "site/data/declaration.fr.json").read_text("utf-8"))["units"]
    flags = {unit["id"]: unit["translation_outdated"] for unit in units}
    assert flags["art-9-text"] is True and flags["art-8-1"] is False
    search = {entry["location"]: entry["text"] for entry in json.loads(
        (french / "search/search_index.json").read_text("utf-8"))["docs"]}
    assert search["declaration/article-9/#art-9-text"].startswith(f"<em>{notice}</em> ")
    assert "<em>" not in search["declaration/article-8/#art-8-1"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(url: str, condition, seconds: float = 180) -> tuple[int, str]:
    deadline = time.monotonic() + seconds
    while True:
        try:
            status, body = fetch(url)
            if condition(status, body) or time.monotonic() > deadline:
                return status, body
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                raise
        time.sleep(0.5)


def test_the_preview_shows_a_content_error_in_the_browser_and_recovers(project):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "tools.preview", "--dev-addr", f"127.0.0.1:{port}",
         "--config-file", str(project / "mkdocs.yml")],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/international-solidarity/"
    try:
        status, body = wait_for(base, lambda status, body: status == 200)
        assert status == 200
        edit(project, "en/declaration/article-6.md", "2\\. Everyone", "2) Everyone")
        status, body = wait_for(base + "declaration/article-9/",
                                lambda status, body: "cannot be built" in body)
        assert status == 500
        assert "declaration/article-6.md" in body and "cannot read the label" in body
        assert "Fix:" in body and "/livereload/" in body
        edit(project, "en/declaration/article-6.md", "2) Everyone", "2\\. Everyone")
        status, body = wait_for(base + "declaration/article-9/",
                                lambda status, body: status == 200)
        assert status == 200 and "cannot be built" not in body, body[:2000]
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_a_renamed_page_keeps_its_ids_and_its_old_address(project, tmp_path):
    for language in ("en", "fr"):
        (project / "docs" / language / "about.md").rename(project / "docs" / language / "about-this-edition.md")
    for file in project.glob("docs/*/*.md"):
        file.write_text(file.read_text("utf-8").replace("about.md", "about-this-edition.md"), "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("About: about.md", "About: about-this-edition.md"), "utf-8")
    assert_refused(project, "docs/en/about.md: the page has disappeared", "under “moved” in anchors.yml")
    anchors = project / "anchors.yml"
    anchors.write_text(anchors.read_text("utf-8").replace("moved: {}", "moved:\n  about.md: about-this-edition.md"),
                       "utf-8")
    assert record(project).returncode == 0
    code, output = check(project)
    assert code == 0, output
    known = registry.load(anchors)
    assert "about.md" not in known.pages and "how-to-cite" in known.pages["about-this-edition.md"]
    result = build_site(tmp_path / "site", config, project)
    assert result.returncode == 0, result.stdout + result.stderr
    for prefix in ("", "fr/"):
        redirect = (tmp_path / "site" / prefix / "about/index.html").read_text("utf-8")
        assert 'url=../about-this-edition/' in redirect
        # The id in the address goes too, by the site's own script, as the policy allows.
        root = "../" * (2 if prefix else 1)
        assert f'<script src="{root}assets/javascripts/redirect.js"></script>' in redirect
        assert "Content-Security-Policy" in redirect and "<script>" not in redirect
