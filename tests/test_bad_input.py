"""A catalogue of bad input: each case goes through a real build, which must stop and say
which file is wrong, what is wrong and how to fix it. No case may publish a site with
content silently missing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, edit  # noqa: F401 - the project fixture comes from conftest

def check(project: Path) -> tuple[int, str]:
    """Run `make check`'s command on the scratch project; return its exit code and output."""
    result = subprocess.run([sys.executable, "-m", "tools.check", str(project)], cwd=ROOT,
                            capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def assert_refused(project: Path, *expected: str) -> None:
    code, output = check(project)
    assert code != 0, output
    assert not (project / "site").exists()
    for text in (*expected, "Fix:"):
        assert text in output, f"{text!r} not in:\n{output}"


def test_a_duplicate_paragraph_id(project):
    edit(project, "en/declaration/article-5.md", "(b) Adherence", "(a) Adherence")
    assert_refused(project, "declaration/article-5.md", "Duplicate id “art-5-a”", "line ")


def test_a_paragraph_label_that_cannot_be_read(project):
    edit(project, "en/declaration/article-6.md", "2\\. Everyone", "2) Everyone")
    assert_refused(project, "declaration/article-6.md", "cannot read the label", "line ")


def test_a_french_page_missing(project):
    (project / "docs/fr/declaration/article-9.md").unlink()
    assert_refused(project, "docs/fr/declaration/article-9.md: the French page is missing")


def test_a_french_page_with_one_paragraph_fewer(project):
    file = project / "docs/fr/declaration/article-6.md"
    text = file.read_text("utf-8")
    start, end = text.index("\n3\\."), text.index("\n4\\.")
    file.write_text(text[:start] + text[end:], "utf-8")
    assert_refused(project, "docs/fr/declaration/article-6.md lacks the ids art-6-3")


def test_an_undefined_footnote(project):
    edit(project, "en/declaration/article-9.md", "people-centred development.",
         "people-centred development.[^13]")
    assert_refused(project, "declaration/article-9.md", "footnote [^13], which is not defined")


def test_an_unused_footnote(project):
    file = project / "docs/en/declaration/article-13.md"
    file.write_text(file.read_text("utf-8") + "\n[^13]: A note nobody cites.\n", "utf-8")
    assert_refused(project, "docs/en/declaration/article-13.md", "[^13] is defined but never referenced")


def test_footnote_numbers_out_of_order(project):
    edit(project, "en/declaration/article-6.md", "realized.[^11]", "realized.[^9]")
    edit(project, "en/declaration/article-6.md", "[^11]: Ibid.", "[^9]: Ibid.")
    assert_refused(project, "docs/en/declaration/article-6.md, line", "footnote 9 comes after footnote 10")


def test_a_broken_internal_link(project):
    edit(project, "en/declaration/article-9.md", "people-centred development.",
         "people-centred development. [See](article-99.md)")
    assert_refused(project, "declaration/article-9.md", "article-99.md")


def test_a_link_to_a_missing_anchor(project):
    edit(project, "en/declaration/article-9.md", "people-centred development.",
         "people-centred development. [See](article-6.md#art-6-9)")
    assert_refused(project, "declaration/article-9.md", "#art-6-9")


@pytest.mark.parametrize("markup, what", [
    ("<script>alert(1)</script>", "<script>"),
    ('<span onclick="alert(1)">here</span>', "onclick="),
    ("[here](javascript:alert(1))", "javascript: URL"),
    ('<iframe src="https://example.org/"></iframe>', "<iframe>"),
])
def test_active_content(project, markup, what):
    edit(project, "en/declaration/article-9.md", "people-centred development.",
         f"people-centred development.\n\n{markup}\n")
    assert_refused(project, "declaration/article-9.md", what)


def test_invalid_front_matter(project):
    edit(project, "fr/declaration/article-9.md", "title: Article 9", "title: Article 9: [oops")
    assert_refused(project, "docs/fr/declaration/article-9.md, line 3", "front matter is not valid")


def test_a_straight_quote_in_a_description(project):
    edit(project, "en/declaration/article-9.md", "description: ", 'description: The "human rights based approach" in ')
    assert_refused(project, "docs/en/declaration/article-9.md", "straight double quote")


def test_a_published_id_removed_without_an_alias(project):
    for language in ("en", "fr"):
        file = project / "docs" / language / "declaration/article-8.md"
        text = file.read_text("utf-8")
        file.write_text(text[:text.index("\n2\\.")] + "\n", "utf-8")
    assert_refused(project, "docs/en/declaration/article-8.md", "“art-8-2” has disappeared",
                   "alias")


def test_an_alias_keeps_a_removed_id_working(project):
    for language in ("en", "fr"):
        file = project / "docs" / language / "declaration/article-8.md"
        text = file.read_text("utf-8")
        file.write_text(text[:text.index("\n2\\.")] + "\n", "utf-8")
    registry = project / "anchors.yml"
    registry.write_text(registry.read_text("utf-8").replace(
        "aliases: {}", "aliases:\n  declaration/article-8.md:\n    art-8-2: art-8-1"), "utf-8")
    (project / "changelog.yml").write_text(  # withdrawing a paragraph is a declared correction
        "corrections:\n  - {id: art-8-2, page: declaration/article-8.md, language: en, "
        "date: 2026-11-30, kind: editorial, reason: Withdrawn.}\n", "utf-8")
    code, output = check(project)
    assert code == 0, output


def test_a_file_that_is_not_utf8(project):
    file = project / "docs/en/declaration/article-9.md"
    file.write_bytes(file.read_text("utf-8").replace("centred", "centr\u00e9").encode("latin-1"))
    assert_refused(project, "docs/en/declaration/article-9.md", "not UTF-8")
