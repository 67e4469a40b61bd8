"""legaltext.content_safety and legaltext.source_checks: what sources may hold, Markdown
strings in, refusals (with their line) or HTML out."""

from __future__ import annotations

import os
import sys
import unicodedata

import pytest

from legaltext.content_safety import CANDIDATES, LAYOUT_CONTROLS, read_url, url_scheme
from legaltext.machine_readable import printed_text
from legaltext.source_checks import MAX_PAGE_BYTES, docs_problems, page_problem
from tests.conftest import ROOT
from tests.markdown_helpers import assert_refused, render


@pytest.mark.parametrize("source, message, line", [
    ("Text\n\n<script>alert(1)</script>\n", "<script>", 3),
    ('Text <span onclick="alert(1)">x</span>\n', "onclick=", 1),
    ("Paragraph.\n{: onmouseover=\"alert(1)\" }\n", "onmouseover=", 2),
    ("[click](javascript:alert(1))\n", "javascript: URL", 1),
    ('<a href=" JavaScript:alert(1)">x</a>\n', "javascript: URL", 1),
    ('<iframe src="https://example.org"></iframe>\n', "<iframe>", 1),
    ('<div markdown="1">\n<object data="x.swf"></object>\n</div>\n', "<div>", 1),
    # A browser reads what Python's HTMLParser took for a comment as an image.
    ("Text\n\n<!--><img src=x onerror=alert(1)>-->\n", "onerror=", 3),
    ("Text\n\n<!-- a <!-- b -->\n", "comment that is not well formed", 3),
    ("Text\n\nWords <span\nonclick=x>y</span>\n", "onclick=", 4),
    ("Text\n\n<svg><desc><img src=x onerror=alert(1)></desc></svg>\n", "<svg>", 3),
    ("Text <span title='&#x202E;'>x</span>\n", "U+202E", 1),
    ("*[UN]: United&#x200B;Nations\n\nThe UN.\n", "U+200B", 1),
    ("Text\n\nWords \u202e here.\n", "Column 7 holds a bidirectional control", 3),
    ("[x](java&#x09;script:alert(1))\n", "javascript: URL", 1),
    ("[x][r]\n\n[r]: &#x6A;avascript:alert(1)\n", "javascript: URL", 3),
    ("![x](https://example.org/x.png)\n", "another site", 1),
    ("Text.\n\n!!! citable \"Note\"\n    Words.\n", "“citable”", 3),
    ("# Title {: .headerlink }\n", "“headerlink”", 1),
    ("Words *x*{: lang=\"en\\\"x\" }\n", "not a language tag", 1),
    # An id in the HTML that the page gives another element: a link could land on it.
    ("# Article 6 {#art-6}\n\n1\\. Words.\n\n2\\. Words <span id=\"art-6-1\">x</span>.\n",
     "“art-6-1” is given twice", 5),
])
def test_refused_content_stops_the_build_with_the_line(source, message, line):
    assert assert_refused(source, message).line == line


@pytest.mark.parametrize("source", [
    "Plain *text* with [a link](https://example.org/) and <abbr title=\"x\">UN</abbr>.\n",
    "An editorial mark *[sic]*{: .sic title=\"as printed\" }.\n",
    "Text <span class=\"editorial\" lang=\"fr\" id=\"note-1\">x</span><sup>2</sup><br>y.\n",
    "[mail](mailto:editors@example.org), [page](article-6.md#art-6-2), <https://example.org/>\n",
    "![figure](../assets/favicon.svg)\n",
    "!!! note editorial \"Editorial note\"\n    Words.\n",
    "Code `<script>` and\n\n    <script>alert(1)</script>\n",
    "A comment <!-- checked -- twice --> inside.\n",
    "Text &amp; more &eacute; &#233;.\n",
])
def test_ordinary_content_passes(source):
    render(source)


def test_a_form_feed_is_white_space_and_a_page_break_line_is_a_blank_line():
    assert render("One\fword.\n\n\f\n\nTwo.\n") == "<p>One word.</p>\n<p>Two.</p>"


@pytest.mark.parametrize("value, scheme", [
    ("javascript:x", "javascript"),
    (" \x01JaVa\tScRiPt:x", "javascript"),
    ("jav&#x0A;ascript:x", "javascript"),
    ("&#106;&#97;vascript:x", "javascript"),
    ("javascript&colon;x", "javascript"),
    ("https://example.org/", "https"),
    ("article-6.md#art-6-2", None),
    ("java script:x", None),  # a space is not dropped: a relative URL
])
def test_urls_are_read_as_a_browser_reads_them(value, scheme):
    assert url_scheme(read_url(value)) == scheme


def test_a_site_engine_can_collect_the_first_problem_of_each_page():
    """Given a list, the extension records the page's first problem there instead of
    raising it, so that a build can report every page's problem at once."""
    problems = []
    render('Words <span onclick="x">y</span>.\n\n[z](javascript:alert(1))\n',
           content_safety={"problems": problems})
    assert len(problems) == 1 and "onclick=" in str(problems[0]) and problems[0].line == 1
    render("Words.\n", content_safety={"problems": (clean := [])})
    assert clean == []


PAGE = "---\ntitle: T\ndescription: D.\n---\n\nWords.\n"


@pytest.mark.parametrize("raw", [
    PAGE.encode(),
    b"\xef\xbb\xbf" + PAGE.encode(),
    PAGE.replace("\n", "\r\n").encode(),
    (PAGE + "\fMore words.\n").encode(),
])
def test_a_bom_crlf_and_form_feeds_are_harmless(raw):
    assert page_problem(raw) is None


@pytest.mark.parametrize("raw, message, line", [
    (b"x" * (MAX_PAGE_BYTES + 1), "more than the 200 KB", 1),
    (PAGE.encode() + b"\xe9t\xe9\n", "not UTF-8", 7),
    ((PAGE + "A\u200bB\n").encode(), "Column 2 holds an invisible zero-width character", 7),
    (PAGE.replace("\n", "\r", 1).encode(), "carriage return without a line feed", 1),
    (PAGE.replace("title: T", "title: T & U").encode(), "contains “&”", 2),
    (PAGE.replace("title: T", "hide: [toc]\nauthor: X").encode(), "sets “author”", 3),
])
def test_a_page_problem_names_its_line(raw, message, line):
    """What a page's bytes show before it is rendered; its Markdown is checked as it is
    rendered (the tests above)."""
    error = page_problem(raw)
    assert error is not None and message in str(error) and "Fix:" in str(error)
    assert error.line == line


def test_the_docs_folder_holds_pages_and_assets_only(tmp_path):
    docs = tmp_path / "docs"
    for folder in ("en/declaration", "fr", "assets/javascripts"):
        (docs / folder).mkdir(parents=True)
    (docs / "en/index.md").write_text(PAGE)
    (docs / "assets/javascripts/site.js").write_text("")
    assert docs_problems(docs, ["en", "fr"]) == []
    os.symlink("/etc/passwd", docs / "en/declaration/annex.txt")
    os.symlink("/etc", docs / "assets/system")
    (docs / "fr/picture.png").write_bytes(b"")
    (docs / "index.html").write_text("")
    problems = docs_problems(docs, ["en", "fr"])
    assert sorted(problem.split(":")[0] for problem in problems) == [
        "docs/assets/system", "docs/en/declaration/annex.txt", "docs/fr/picture.png",
        "docs/index.html"]
    assert all("Fix:" in problem for problem in problems)


def _owners(path: str) -> list[str]:
    """The owners CODEOWNERS gives ``path``: the last matching line wins."""
    owners: list[str] = []
    for line in (ROOT / ".github/CODEOWNERS").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *names = line.split()
            if pattern == "*" or ("/" + path).startswith(pattern):
                owners = names
    return owners


def test_only_maintainers_own_the_site_files_and_editors_own_the_pages():
    assert _owners("docs/assets/javascripts/reader.js") == ["@example/maintainers"]
    assert _owners("docs/en/declaration/article-6.md") == ["@example/editors-en"]
    assert _owners("docs/fr/declaration/article-6.md") == ["@example/editors-fr"]


def test_the_fast_search_for_forbidden_characters_misses_none():
    categories = {"Cc", "Cf", "Zl", "Zp"}
    missed = [f"U+{code:04X}" for code in range(sys.maxunicode + 1)
              if unicodedata.category(chr(code)) in categories
              and chr(code) not in LAYOUT_CONTROLS and not CANDIDATES.fullmatch(chr(code))]
    assert missed == []


@pytest.mark.parametrize("markup", ["one<br>two", "one <!-- a note --> two", "one\ftwo"])
def test_allowed_markup_leaves_the_data_the_words_the_page_shows(markup):
    assert printed_text(render(f"Words {markup}.\n")) == "Words one two."
