"""Sources hold text, Markdown and a short list of HTML; everything else stops the build.

Pages are edited through pull requests, so their content is untrusted input. A
diff can change the words of the site, never what the site does: what is not
on the lists below is refused with a message (file, line, what, fix), never
cleaned away.

- **Raw HTML.** Every piece of raw HTML that Python-Markdown keeps for the page
  (blocks, inline tags, comments, character references) is parsed by html5lib,
  an HTML5 parser, as a browser parses it. A piece may hold ALLOWED_ELEMENTS
  with ALLOWED_ATTRIBUTES, well-formed comments and text, and no parse error
  but those that come from its being a piece (an element closed in another
  piece). As each piece then begins and ends between tags, the browser reads
  the page's HTML as the pieces read.
- **URLs** are read as a browser reads them (entities decoded, control
  characters and white space dropped, case folded). Links may be http:,
  https:, mailto: or relative; an image must be a relative URL, so it comes
  from the site itself.
- **attr_list** may set ids, the CONTENT_CLASSES, ``title`` and ``lang``:
  nothing else (no ``style``, ``hidden``, event handlers, or the classes the
  site's own code gives elements, which would make the page and its data
  disagree). Admonitions take their class from the source too: their types
  are listed.
- **Characters.** No controls, bidirectional controls or invisible format
  characters reach the page through character references or attributes. A
  form feed (a page break left by text extraction) is white space, as HTML
  reads it.

The checks run at these priorities, around Python-Markdown's own processors:

- preprocessors 20.5 and 19.5, around ``html_block`` (20): the raw HTML blocks;
- treeprocessors 21 and 19, around ``inline`` (20): inline raw HTML and
  references;
- treeprocessors 8.5 and 7.5, around ``attr_list`` (8), before the site's own
  processors that follow (``abbr`` and ``paragraph_ids`` at 7): what attr_list
  set, and links, images and admonitions;
- treeprocessor 1, after every other extension: no event handler, unsafe URL
  or forbidden character in any attribute, whoever set it, and no id of the
  raw HTML that another element of the page has too.
"""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass

import html5lib
from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from legaltext.errors import ContentError, SourceRecorder, find_line

ALLOWED_ELEMENTS = frozenset({"span", "abbr", "sup", "sub", "em", "strong", "br"})
ALLOWED_ATTRIBUTES = frozenset({"id", "class", "title", "lang"})
# The classes editors may give text (styled in publication.css, read by the data).
CONTENT_CLASSES = frozenset({"editorial", "sic", "standfirst"})
# Admonition types ("!!! note") become classes; these are the theme's boxes.
ADMONITION_TYPES = frozenset({"note", "abstract", "info", "tip", "success", "question",
                              "warning", "failure", "danger", "bug", "example", "quote"})
# Classes the site's own code gives elements: named in messages, to explain the refusal.
SITE_CLASSES = frozenset({
    "citable", "paragraph-label", "paragraph-link", "paragraph-number", "anchor-alias",
    "editorial-label", "ibid-expansion", "footnote", "footnote-ref", "footnote-backref",
    "headerlink", "admonition", "admonition-title", "data-entry", "translation-notice",
    "citation-context", "copy-status", "other-language", "not-found"})
LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def content_security_policy(live_reload: bool = False) -> str:
    """Every page's Content-Security-Policy: scripts, styles, fonts, images, the search
    worker and every request come from the site itself; no inline script or event handler
    runs, and nothing is embedded from another host. Only the preview, whose live-reload
    script is inline, allows inline scripts."""
    scripts = "'self' 'unsafe-inline'" if live_reload else "'self'"
    return (f"default-src 'self'; script-src {scripts}; style-src 'self'; img-src 'self' data:; "
            "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; "
            "frame-src 'none'; base-uri 'self'; form-action 'self'")
ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
LANGUAGE_TAG = re.compile(r"[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*")
# What a URL loses when a browser reads it: leading and trailing C0 controls and
# spaces, and every tab and line break inside.
_URL_EDGES = "".join(chr(code) for code in range(0x21))
_URL_INSIDE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
# Parse errors that only say that a piece of raw HTML is a piece: its element is
# closed, or was opened, in another piece. html5lib follows an older reading of
# comments, which calls "--" inside one an error; comments are checked by
# COMMENT_RULES instead.
_PIECE_ERRORS = {"expected-closing-tag-but-got-eof", "unexpected-end-tag",
                 "unexpected-char-in-comment", "unexpected-dash-after-double-dash-in-comment"}
_COMMENT_ERRORS = {"incorrect-comment", "eof-in-comment", "eof-in-comment-double-dash",
                   "eof-in-comment-end-dash", "eof-in-comment-end-space-state",
                   "eof-in-comment-end-bang-state", "unexpected-bang-after-double-dash-in-comment",
                   "unexpected-space-after-double-dash-in-comment"}
# The HTML standard's rule for a comment's text (§ 13.1.6).
COMMENT_RULES = ("<!--", "-->", "--!>")

FIX_REMOVE = ("remove it. Pages contain text, Markdown, and only these HTML elements: "
              + ", ".join(f"<{name}>" for name in sorted(ALLOWED_ELEMENTS)) + ".")
FIX_COMMENT = "write an editor's note as a comment of the form <!-- note -->, or remove it."
FIX_ELEMENT = {
    "a": "write the link in Markdown: [text](address).",
    "img": "write the image in Markdown, ![description](../assets/image.png), with the "
           "image in docs/assets/.",
    "p": "separate paragraphs with an empty line, as Markdown does.",
    "div": "separate blocks with an empty line, as Markdown does.",
    "i": "write *text* (Markdown) for italics.",
    "b": "write **text** (Markdown) for bold.",
}


@dataclass(frozen=True)
class Problem:
    """What is wrong, how to fix it, and a piece of the source to find it by."""

    what: str
    fix: str
    needle: str


# Characters ---------------------------------------------------------------

_BIDI = {*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C}
_ZERO_WIDTH = {*range(0x200B, 0x200E), 0x2060, 0xFEFF}
# White space that HTML reads as white space.
LAYOUT_CONTROLS = frozenset("\t\n\f")
# Every character of the categories Cc, Cf, Zl and Zp (Unicode 14, Python 3.11) but the
# layout controls, which every text is full of: where character_problem looks, found fast.
# tests/test_content_safety.py keeps it complete.
_BMP_CANDIDATES = (
    "\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2"
    "\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb")
_ASTRAL_CANDIDATES = (
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f")
CANDIDATES = re.compile(f"[{_BMP_CANDIDATES}{_ASTRAL_CANDIDATES}]")
# The same without the astral planes: a class with astral ranges is searched four times
# slower, and most texts have no character there.
_BMP_ONLY = re.compile(f"[{_BMP_CANDIDATES}]")


def _candidates(text: str) -> Iterator[re.Match]:
    """The characters of ``text`` that character_problem must look at."""
    # UTF-16 takes two units for a character of the astral planes: the fastest way to know.
    astral = len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text)
    return (CANDIDATES if astral else _BMP_ONLY).finditer(text)


def character_problem(character: str) -> str | None:
    """What kind of forbidden character this is, or None if text may hold it."""
    code = ord(character)
    if code in _BIDI:
        return "a bidirectional control character, which reorders the words readers see"
    if code in _ZERO_WIDTH:
        return "an invisible zero-width character"
    category = unicodedata.category(character)
    if category == "Cc" and character not in LAYOUT_CONTROLS:
        return "a control character"
    if category == "Cf" and character != "\u00ad":  # a soft hyphen only shows where a line breaks
        return "an invisible formatting character"
    if category in ("Zl", "Zp"):
        return "a Unicode line or paragraph separator"
    return None


def first_forbidden_character(text: str) -> tuple[int, str] | None:
    """(index, kind) of the first forbidden character of ``text``, or None."""
    for match in _candidates(text):
        kind = character_problem(match.group())
        if kind:
            return match.start(), kind
    return None


def code_point(character: str) -> str:
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X}" + (f" {name}" if name else "")


def character_error(text: str) -> ContentError | None:
    """The first forbidden character of a source text, by line, column and code point.
    A byte-order mark may open the text, and a carriage return may end a line."""
    for match in _candidates(text):
        index, character = match.start(), match.group()
        if (index == 0 and character == "\ufeff") or text.startswith("\r\n", index):
            continue
        kind = ("a carriage return without a line feed" if character == "\r"
                else character_problem(character))
        if kind:
            start = text.rfind("\n", 0, index) + 1
            return ContentError(
                f"Column {index - start + 1} holds {kind} ({code_point(character)}).",
                "delete it. Such characters come with text pasted from other documents and "
                "do not show; retype the words around it if in doubt.",
                text.count("\n", 0, index) + 1)
    return None


def _text_problem(text: str, where: str) -> Problem | None:
    found = first_forbidden_character(text)
    if not found:
        return None
    index, kind = found
    return Problem(f"{where} contains {kind} ({code_point(text[index])}).",
                   "delete it; write the character itself if it is meant, not a reference "
                   "to it.", "&")


# URLs -----------------------------------------------------------------------

def read_url(value: str) -> str:
    """A URL as a browser reads it from an attribute: references decoded, leading and
    trailing controls and spaces dropped, tabs and line breaks inside removed."""
    return _URL_INSIDE.sub("", html.unescape(value).strip(_URL_EDGES))


def url_scheme(url: str) -> str | None:
    """The scheme of a URL read by read_url, in lower case; None for a relative URL."""
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else None


def link_problem(value: str) -> Problem | None:
    """A link may lead anywhere on the web, by http:, https: or mailto:, or be relative."""
    scheme = url_scheme(read_url(value))
    if scheme is None or scheme in LINK_SCHEMES:
        return None
    return Problem(f"The page contains a {scheme}: URL.",
                   "link only to web pages (https://…), e-mail addresses (mailto:…) or "
                   "pages of this site (relative links such as “article-6.md”).", value)


def resource_problem(value: str) -> Problem | None:
    """What a page embeds (an image) comes from the site itself: a relative URL."""
    problem = link_problem(value)
    if problem:
        return problem
    url = read_url(value).replace("\\", "/")
    if url_scheme(url) or url.startswith("/"):
        return Problem("The page embeds a file from another site or an absolute address "
                       f"({value}).",
                       "put the file in docs/assets/ and refer to it by a relative path, "
                       "e.g. “../assets/figure.png”.", value)
    return None


# Attributes and elements ----------------------------------------------------

def class_problem(name: str) -> Problem | None:
    if name in CONTENT_CLASSES:
        return None
    if name in SITE_CLASSES or name.startswith(("md-", "parallel", "translation-")):
        what = (f"The class “{name}” is one the site itself gives to elements; in a source "
                "it would make the page and its data disagree.")
    else:
        what = f"The class “{name}” is not one the sources may use."
    return Problem(what, "use only the classes " + ", ".join(
        f"“{name}”" for name in sorted(CONTENT_CLASSES)) + ", or none.", name)


def attribute_problem(name: str, value: str, added_classes: list[str] | None = None) -> Problem | None:
    """Whether a source may give an element this attribute (``added_classes``: the classes
    the source added, when the element already had others)."""
    name = name.lower()
    if name.startswith("on"):
        return Problem(f"The page contains an inline event handler ({name}=).", FIX_REMOVE, name)
    if name == "style":
        return Problem("The page contains an inline style (style=), which can hide or change "
                       "words that the data still holds.",
                       "remove it; the site's style sheets set the look of the text.", name)
    if name == "hidden":
        return Problem("The page contains the attribute hidden=, which hides words from "
                       "readers that the data still holds.", "remove it.", name)
    if name not in ALLOWED_ATTRIBUTES:
        return Problem(f"The attribute “{name}=” is not allowed in pages.",
                       "remove it; elements may have only " + ", ".join(
                           f"{allowed}=" for allowed in sorted(ALLOWED_ATTRIBUTES)) + ".", name)
    if name == "class":
        for token in value.split() if added_classes is None else added_classes:
            problem = class_problem(token)
            if problem:
                return problem
    if name == "id" and not ID.fullmatch(value):
        return Problem(f"The id “{value}” is not a plain id.",
                       "write ids in lower-case letters, digits and hyphens, starting with a "
                       "letter, e.g. “art-5-m”.", value)
    if name == "lang" and not LANGUAGE_TAG.fullmatch(value):
        return Problem(f"“lang={value}” is not a language tag.",
                       "write a language tag such as “en” or “fr”.", value)
    return _text_problem(value, f"The attribute {name}=")


def _element_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()  # svg and math elements come namespaced


def raw_element_problem(tag: str, attributes: dict[str, str]) -> Problem | None:
    """Whether raw HTML may contain this element with these attributes."""
    name = _element_name(tag)
    for attribute, value in attributes.items():  # the most dangerous first
        attribute = attribute.rsplit("}", 1)[-1].lower()
        if attribute.startswith("on"):
            return attribute_problem(attribute, value)
        scheme = url_scheme(read_url(value))
        if scheme and scheme not in LINK_SCHEMES and attribute in (
                "href", "src", "action", "formaction", "data", "xlink:href", "srcdoc"):
            return link_problem(value)
    if name not in ALLOWED_ELEMENTS:
        return Problem(f"The page contains a <{name}> element.",
                       FIX_ELEMENT.get(name, FIX_REMOVE), f"<{name}")
    for attribute, value in attributes.items():
        problem = attribute_problem(attribute, value)
        if problem:
            return problem
    return None


def _comment_problem(text: str) -> Problem | None:
    if text.startswith((">", "->")) or text.endswith("<!-") or any(
            rule in text for rule in COMMENT_RULES):
        return Problem("The page contains a comment that is not well formed.", FIX_COMMENT,
                       "<!--")
    return None


def raw_html_problem(piece: str, ids: list[str] | None = None) -> tuple[Problem, int] | None:
    """The first problem of a piece of raw HTML, and its line in the piece (1-based).
    The ids the piece gives its elements are added to ``ids``."""
    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    fragment = parser.parseFragment(piece, container="div")
    for node in fragment.iter():
        if ids is not None and isinstance(node.tag, str) and node.get("id"):
            ids.append(node.get("id"))
        if node is fragment:
            problem = None
        elif node.tag is etree.Comment:
            problem = _comment_problem(node.text or "")
        else:
            problem = raw_element_problem(node.tag, dict(node.attrib))
        texts = [node.tail] if node.tag is etree.Comment else [node.text, node.tail]
        for text in texts if node is not fragment else [node.text]:
            problem = problem or (text and _text_problem(text, "The text"))
        if problem:
            return problem, _line_in(piece, problem.needle)
    for (line, _column), code, details in parser.errors:
        if code in _PIECE_ERRORS and details.get("name", "span") in ALLOWED_ELEMENTS:
            continue
        if code in _COMMENT_ERRORS or code == "expected-dashes-or-doctype":
            what = ("The page contains a comment that is not well formed."
                    if code in _COMMENT_ERRORS else
                    "The page contains “<!” that does not open a comment (CDATA or a "
                    "declaration).")
            return Problem(what, FIX_COMMENT, "<!"), line
        name = details.get("name")
        if name:
            return Problem(f"The page contains a <{name}> element where HTML does not allow it.",
                           FIX_ELEMENT.get(name, FIX_REMOVE), f"<{name}"), line
        return Problem(f"The page's HTML is not well formed ({code}).",
                       "write each tag as <name attribute=\"value\">, close it as </name>, "
                       "or write the text in Markdown.", "<"), line
    return None


def _line_in(text: str, needle: str) -> int:
    index = text.lower().find(needle.lower())
    return text.count("\n", 0, index) + 1 if index >= 0 else 1


# The Markdown extension -----------------------------------------------------

class _Characters(Preprocessor):
    """Refuse forbidden characters; make a form feed (a page break in extracted text) a
    space, as HTML reads it, before Python-Markdown reads blank lines, so that a page
    break between paragraphs stays a blank line."""

    def __init__(self, md: Markdown, extension: "ContentSafetyExtension") -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        if self.extension.report(character_error("\n".join(lines))):
            return []
        return [line.replace("\f", " ") for line in lines]


class _RawPieces:
    """Notes where the raw HTML pieces of one phase begin, and checks them at its end."""

    def __init__(self, md: Markdown, extension: "ContentSafetyExtension", check: bool) -> None:
        self.md = md
        self.extension = extension
        self.check = check

    def _run(self) -> bool:
        """Whether the page is refused."""
        if self.extension.refused:
            return True
        if "markdown_block" in self.md.parser.blockprocessors:
            raise ValueError("content_safety cannot check the HTML of md_in_html blocks, "
                             "which it turns into elements: remove md_in_html from the "
                             "Markdown extensions.")
        pieces = self.md.htmlStash.rawHtmlBlocks
        if not self.check:
            self.extension.first_piece = len(pieces)
            return False
        source = self.extension.source
        cursor = 0
        for piece in pieces[self.extension.first_piece:]:
            piece = str(piece)
            found = source.find(piece, cursor)
            if found >= 0:
                cursor = found
            problem = raw_html_problem(piece, self.extension.raw_ids)
            if problem:
                problem, line = problem
                if found >= 0:
                    line += source.count("\n", 0, found)
                else:
                    line = find_line(source.lower(), problem.needle.lower())
                return self.extension.report(ContentError(problem.what, problem.fix, line))
        return False


class _RawBlocks(_RawPieces, Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return [] if self._run() else lines


class _RawInline(_RawPieces, Treeprocessor):
    def run(self, root: etree.Element) -> None:
        if self._run():
            _empty(root)


class _AttributesBefore(Treeprocessor):
    """Note every element's attributes just before attr_list runs."""

    def __init__(self, md: Markdown, extension: "ContentSafetyExtension") -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        self.extension.attributes = {id(element): dict(element.attrib) for element in root.iter()}


class _SourceMarkup(Treeprocessor):
    """What the source itself set on elements: attr_list's attributes, links, images and
    admonition types."""

    def __init__(self, md: Markdown, extension: "ContentSafetyExtension") -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        before = self.extension.attributes
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            if self.extension.refuse(self._problem(element, before.get(id(element), {}))):
                _empty(root)
                return

    @staticmethod
    def _problem(element: etree.Element, before: dict[str, str]) -> Problem | None:
        for name, value in element.attrib.items():
            if name in before and before[name] == value:
                continue
            value = value or ""  # attr_list leaves None for a name without a value
            added = None
            if name == "class":
                added = [token for token in value.split()
                         if token not in before.get("class", "").split()]
            problem = attribute_problem(name, value, added)
            if problem:
                return problem
        if element.tag == "a":
            return link_problem(element.get("href", ""))
        if element.tag == "img":
            return resource_problem(element.get("src", ""))
        classes = element.get("class", "").split()
        if element.tag == "div" and "admonition" in classes:
            for token in classes[1:]:
                if token not in ADMONITION_TYPES:
                    problem = class_problem(token)
                    if problem:
                        return Problem(problem.what, "give the note a type among "
                                       + ", ".join(sorted(ADMONITION_TYPES)) + ", and the class "
                                       "“editorial” if the editors wrote it.", token)
        return None


class _EveryAttribute(Treeprocessor):
    """Last: whoever set them, no event handler, unsafe URL or forbidden character."""

    def __init__(self, md: Markdown, extension: "ContentSafetyExtension") -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if self.extension.raw_ids:
            ids = [element.get("id") for element in root.iter() if element.get("id")]
            for raw_id in self.extension.raw_ids:
                if ids.count(raw_id) + self.extension.raw_ids.count(raw_id) > 1:
                    self.extension.refuse(Problem(
                        f"The id “{raw_id}” is given twice on this page (in its HTML, and by "
                        "the page or the site), so a link to it could land on the wrong words.",
                        "give the element another id, or none.", f'"{raw_id}"'))
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            for name, value in element.attrib.items():
                value = value or ""
                if name.lower().startswith("on"):
                    self.extension.refuse(attribute_problem(name, value))
                elif name in ("href", "src"):
                    self.extension.refuse(link_problem(value))
                # Printable ASCII holds no forbidden character, unless a reference is one.
                if not (value.isascii() and value.isprintable() and "&" not in value):
                    self.extension.refuse(_text_problem(html.unescape(value),
                                                        f"The attribute {name}="))


class ContentSafetyExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {
            "problems": [(), "A list that receives the page's first problem (a ContentError), "
                             "so that a site engine can report every page's problem at once; "
                             "unless a list is given, the problem is raised."],
        }
        self.source = ""
        self.first_piece = 0
        self.attributes: dict[int, dict[str, str]] = {}
        self.raw_ids: list[str] = []  # ids set in raw HTML, which the tree does not show
        self.refused = False  # the page has a problem, added to the ``problems`` list
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(SourceRecorder(md, self), "content_safety_source", 37)
        md.preprocessors.register(_Characters(md, self), "content_safety_characters", 36)
        md.preprocessors.register(_RawBlocks(md, self, check=False), "content_safety_blocks_mark", 20.5)
        md.preprocessors.register(_RawBlocks(md, self, check=True), "content_safety_blocks", 19.5)
        md.treeprocessors.register(_RawInline(md, self, check=False), "content_safety_inline_mark", 21)
        md.treeprocessors.register(_RawInline(md, self, check=True), "content_safety_inline", 19)
        md.treeprocessors.register(_AttributesBefore(md, self), "content_safety_attributes", 8.5)
        md.treeprocessors.register(_SourceMarkup(md, self), "content_safety_markup", 7.5)
        md.treeprocessors.register(_EveryAttribute(md, self), "content_safety", 1)

    def refuse(self, problem: Problem | None) -> bool:
        return problem is not None and self.report(
            ContentError(problem.what, problem.fix, _attribute_line(self.source, problem.needle)))

    def report(self, error: ContentError | None) -> bool:
        """Raise ``error``; or, given a ``problems`` list, add it there if it is the page's
        first, and return True: the page is refused, and the processors that find a
        problem before the others have run empty it, so that no other extension reads
        what is refused (the build stops, and the page is never written)."""
        if error is None:
            return self.refused
        problems = self.getConfig("problems")
        if not isinstance(problems, list):
            raise error
        if not self.refused:
            problems.append(error)
            self.refused = True
        return True

    def reset(self) -> None:
        self.source = ""
        self.first_piece = 0
        self.attributes = {}
        self.raw_ids = []
        self.refused = False


def _empty(root: etree.Element) -> None:
    """Take everything out of a refused page's tree."""
    for child in list(root):
        root.remove(child)
    root.text = None

def _attribute_line(source: str, needle: str) -> int | None:
    """The line of ``needle``, preferring one where it is inside braces (attr_list)."""
    lowered = needle.lower()
    for number, line in enumerate(source.lower().split("\n"), start=1):
        braces = line.find("{")
        if braces >= 0 and lowered in line[braces:]:
            return number
    return find_line(source.lower(), lowered)


def makeExtension(**kwargs) -> ContentSafetyExtension:  # pragma: no cover
    return ContentSafetyExtension(**kwargs)
