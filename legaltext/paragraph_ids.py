"""Citable paragraphs: structural, language-independent ids for every paragraph.

Ids come from the labels the document prints ("1.", "(a)", "a)") and from the
position of a paragraph in its section, never from translated words, so an
English page and its French translation carry the same ids:

=====================================  ==================  ================
unit                                   id                  citation (en)
=====================================  ==================  ================
article heading                        ``art-6``           art. 6
numbered paragraph                     ``art-6-2``         art. 6(2)
point of a numbered paragraph          ``art-13-8-b``      art. 13(8)(b)
point of an article                    ``art-5-c``         art. 5(c)
unlabelled paragraph of an article     ``art-9-text``      art. 9
paragraph n of a counted section       ``pp-3``, ``p-12``  preambular para. 3
=====================================  ==================  ================

A section starts at a heading whose explicit id names it (``{#preamble}``,
``{#art-6}``) and ends at the next heading of the same or a higher level.
Paragraphs nested in other blocks (notes, lists, footnotes) are not citable.
An id written with attr_list is kept as it is.

The treeprocessor runs at priority 7: after attr_list (8), so explicit ids are
seen, and before toc and MkDocs' anchor validation (5), so links to these ids
are checked by a strict build.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from legaltext.composition import AMENDED_MARK, final_html, record_blocks
from legaltext.errors import ContentError, SourceRecorder, find_line

PRIORITY = 7
# The amended marks: after MkDocs' link rewriting (0), before the units' HTML (-100).
AMENDED_PRIORITY = -50
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

# Python-Markdown keeps backslash-escaped characters as STX<code point>ETX
# until its final unescape step (priority 0), which runs after us.
_ESCAPED = re.compile("\x02([0-9]+)\x03")
_NUMBERED = re.compile(r"(?P<label>(?P<number>[0-9]+)\.)\s")
_POINT = re.compile(r"(?P<label>\((?P<letter>[a-z]{1,2})\)|(?P<bare>[a-z]{1,2})\))\s")
# What a label attempt looks like: a digit, or an opening parenthesis.
_LABEL_ATTEMPT = re.compile(r"[0-9(]")

CITATIONS = {
    "en": {
        "article": "art. {article}",
        "paragraph": "art. {article}({paragraph})",
        "point": "art. {article}({point})",
        "paragraph_point": "art. {article}({paragraph})({point})",
        "pp": "preambular para. {n}",
        "summary": "summary, para. {n}",
        "p": "para. {n}",
        "link": "Copy a link to {citation}",
        "outdated": "",
        "amended": "amended",
        "amended_title": "{citation} has changed since it was first published: its history",
    },
    "fr": {
        "article": "art. {article}",
        "paragraph": "art. {article}, par. {paragraph}",
        "point": "art. {article}, al. {point})",
        "paragraph_point": "art. {article}, par. {paragraph}, al. {point})",
        "pp": "alinéa {n} du préambule",
        "summary": "résumé, par. {n}",
        "p": "par. {n}",
        "link": "Copier un lien vers {citation}",
        "outdated": "La version anglaise de ce paragraphe a été modifiée depuis cette traduction.",
        "amended": "modifié",
        "amended_title": "{citation} a été modifié depuis sa première publication\u00a0: "
                         "historique",
    },
}


def plain_text(element: etree.Element) -> str:
    """The text of an element and its descendants, escapes resolved."""
    text = "".join(element.itertext())
    return _ESCAPED.sub(lambda m: chr(int(m.group(1))), text)


class _Section:
    """A run of paragraphs that share an id scheme."""

    def __init__(self, level: int) -> None:
        self.level = level

    def assign(self, paragraph: etree.Element, text: str) -> tuple[str, str | None, dict]:
        raise NotImplementedError


class _CountedSection(_Section):
    """Paragraphs numbered by position: ``pp-1``, ``pp-2`` …"""

    def __init__(self, level: int, prefix: str) -> None:
        super().__init__(level)
        self.prefix = prefix
        self.count = 0

    def assign(self, paragraph, text):
        self.count += 1
        return f"{self.prefix}-{self.count}", None, {"kind": self.prefix, "n": self.count}


class _Article(_Section):
    """Paragraphs of one article, identified by their printed labels."""

    def __init__(self, level: int, article: str, heading_id: str) -> None:
        super().__init__(level)
        self.article = article
        self.heading_id = heading_id
        self.paragraph: str | None = None
        self.has_text = False

    def assign(self, paragraph, text):
        base = {"kind": "paragraph", "article": self.article}
        numbered = _NUMBERED.match(text)
        if numbered:
            self.paragraph = numbered.group("number")
            return (f"{self.heading_id}-{self.paragraph}", numbered.group("label"),
                    {**base, "paragraph": self.paragraph})
        point = _POINT.match(text)
        if point:
            letter = point.group("letter") or point.group("bare")
            if self.paragraph:
                return (f"{self.heading_id}-{self.paragraph}-{letter}", point.group("label"),
                        {**base, "kind": "paragraph_point", "paragraph": self.paragraph,
                         "point": letter})
            return (f"{self.heading_id}-{letter}", point.group("label"),
                    {**base, "kind": "point", "point": letter})
        if _LABEL_ATTEMPT.match(text):
            raise ContentError(
                f"Article {self.article}: cannot read the label at the start of the "
                f"paragraph “{text[:40]}…”.",
                "start the paragraph with a label as the original prints it: "
                "“1\\. ” for a numbered paragraph, “(a) ” or “a) ” for a point, "
                "each followed by a space.",
            )
        if self.paragraph:
            raise ContentError(
                f"Article {self.article}: the paragraph “{text[:40]}…” has no label, "
                f"but it follows numbered paragraph {self.paragraph}.",
                "start it with its number as printed (for example "
                f"“{int(self.paragraph) + 1}\\. ”), or join it to the paragraph before.",
            )
        if self.has_text:
            raise ContentError(
                f"Article {self.article}: two paragraphs without a label would both get "
                f"the id {self.heading_id}-text (the second is “{text[:40]}…”).",
                "give the second paragraph its label as printed, or join the two.",
            )
        self.has_text = True
        return f"{self.heading_id}-text", None, {**base, "kind": "article"}


class CitableParagraphsTreeprocessor(Treeprocessor):
    """Give every citable paragraph its id, label markup and copy-link."""

    def __init__(self, md: Markdown, extension: "CitableParagraphsExtension") -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        config = self.extension.getConfigs()
        language = config["language"]
        if language not in CITATIONS:
            raise ValueError(f"paragraph_ids: no citation format for language {language!r}")
        self.citations = CITATIONS[language]
        article_heading = re.compile(config["article_heading"])
        counted = config["counted_sections"]
        source = self.extension.source
        seen: dict[str, str] = {}
        section: _Section | None = None

        for element in list(root):
            text = plain_text(element).strip()
            if element.tag in HEADINGS:
                level = int(element.tag[1])
                heading_id = element.get("id")
                if not heading_id:
                    raise ContentError(
                        f"The heading “{text}” has no explicit id.",
                        "write a language-independent id after it, e.g. "
                        "“## Conclusion {#conclusion}”, the same on the English and French page.",
                        find_line(source, text),
                    )
                self._claim(seen, heading_id, f"heading “{text}”", source, text)
                if section and level <= section.level:
                    section = None
                article = article_heading.fullmatch(heading_id)
                if article:
                    section = _Article(level, article.group("number"), heading_id)
                    citation = self.citations["article"].format(article=article.group("number"))
                    element.set("data-cite", citation)
                    self.extension.getConfig("units").append(
                        {"id": heading_id, "label": text, "citation": citation,
                         "kind": "heading", "article": article.group("number"),
                         "line": find_line(source, text), "element": element})
                elif heading_id in counted:
                    section = _CountedSection(level, counted[heading_id])
                continue
            if element.tag != "p" or section is None:
                continue
            if element.get("id") and isinstance(section, _CountedSection):
                # An explicit id takes the paragraph out of the count (a standfirst, a note).
                self._claim(seen, element.get("id"), f"paragraph “{text[:40]}…”", source, text)
                continue
            try:
                new_id, label, parts = section.assign(element, text)
            except ContentError as error:
                raise ContentError(error.what, error.fix, find_line(source, text[:30])) from None
            paragraph_id = element.get("id") or new_id
            self._claim(seen, paragraph_id, f"paragraph “{text[:40]}…”", source, text)
            parts["line"] = _unit_line(source, text, label)
            self._decorate(element, paragraph_id, label, parts)
        self._add_aliases(root, config["aliases"], seen)

    @staticmethod
    def _add_aliases(root: etree.Element, aliases: dict[str, str], seen: dict[str, str]) -> None:
        """Keep each retired id as an empty anchor inside the element that replaced it."""
        if not aliases:
            return
        by_id = {element.get("id"): element for element in root.iter() if element.get("id")}
        for old, new in aliases.items():
            if old in by_id or old in seen:
                raise ContentError(
                    f"The alias “{old}” is still the id of an element on this page.",
                    "an alias is only for an id that no longer exists; remove the alias entry.")
            if new not in by_id:
                raise ContentError(
                    f"The alias “{old}” points to “{new}”, which is not an id on this page.",
                    "point the alias at the id that now holds that text.")
            by_id[new].insert(0, etree.Element("span", {"id": old, "class": "anchor-alias"}))

    def _claim(self, seen: dict[str, str], element_id: str, what: str, source: str,
               text: str) -> None:
        if element_id in seen:
            raise ContentError(
                f"Duplicate id “{element_id}”: the {what} has the same id as the "
                f"{seen[element_id]}.",
                "every id must be unique on the page. If the original repeats a label, set "
                "the id explicitly on the line after the paragraph, e.g. “{: #art-5-m }”.",
                find_line(source, text[:30]),
            )
        seen[element_id] = what

    def _decorate(self, paragraph: etree.Element, paragraph_id: str, label: str | None,
                  parts: dict) -> None:
        citation = self.citations[parts["kind"]].format(**parts)
        self.extension.getConfig("units").append(
            {"id": paragraph_id, "label": label, "citation": citation, **parts,
             "element": paragraph})
        if self.citations["outdated"] and paragraph_id in self.extension.getConfig("outdated"):
            paragraph.set("class", " ".join(filter(None, [paragraph.get("class"),
                                                          "translation-outdated"])))
            paragraph.set("data-outdated", self.citations["outdated"])
            self.extension.getConfig("units")[-1]["outdated"] = True
        paragraph.set("id", paragraph_id)
        # Points carry a class of their own, so that print and screen can indent them
        # under their paragraph.
        point = "point" if parts["kind"] in ("point", "paragraph_point") else None
        paragraph.set("class", " ".join(filter(None, [paragraph.get("class"), "citable", point])))
        paragraph.set("data-cite", citation)
        if label:
            self._wrap_label(paragraph, label)
        link = etree.Element("a", {
            "class": "paragraph-link",
            "href": f"#{paragraph_id}",
            "aria-label": self.citations["link"].format(citation=citation),
        })
        if parts["kind"] in ("p", "summary", "pp"):
            # Unlabelled numbered paragraphs show their number in the margin,
            # as UN reports do; it is the link.
            link.set("class", "paragraph-link paragraph-number")
            link.text = str(parts["n"])
        link.tail = paragraph.text
        paragraph.text = None
        paragraph.insert(0, link)

    @staticmethod
    def _wrap_label(paragraph: etree.Element, label: str) -> None:
        """Put the printed label (kept as text) in a span, so it can hang in the margin."""
        text = _ESCAPED.sub(lambda m: chr(int(m.group(1))), paragraph.text or "")
        span = etree.Element("span", {"class": "paragraph-label"})
        span.text = label
        span.tail = text[len(label):]
        paragraph.text = None
        paragraph.insert(0, span)


class _AmendedMarks(Treeprocessor):
    """Mark each unit whose text has changed since it was first published with a link to
    its history, inside its element, just after its copy-link (or a heading's permalink).

    It runs after MkDocs' link rewriting (0), which would take the history's address
    for a link to a Markdown page, and after toc (5), so the mark stays out of the
    table of contents.
    """

    def __init__(self, md: Markdown, extension: "CitableParagraphsExtension") -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        amended = self.extension.getConfig("amended")
        if not amended:
            return
        citations = CITATIONS[self.extension.getConfig("language")]
        for unit in self.extension.getConfig("units"):
            element = unit.get("element")
            if element is None or unit["id"] not in amended:
                continue
            mark = etree.Element("a", {
                "class": AMENDED_MARK,
                "href": self.extension.getConfig("site_root") + amended[unit["id"]],
                "title": citations["amended_title"].format(citation=unit["citation"])})
            mark.text = citations["amended"]
            links = [child for child in element
                     if set(child.get("class", "").split()) & {"paragraph-link", "headerlink"}]
            position = list(element).index(links[0]) + 1 if links else len(element)
            if links:
                mark.tail, links[0].tail = links[0].tail, None
            element.insert(position, mark)


class _UnitHtml(Treeprocessor):
    """Give each recorded unit its final HTML, record every id of the page, and record
    the page's blocks if asked (``legaltext.composition``), once every other treeprocessor
    has run.

    Not a postprocessor: the toc extension runs all postprocessors on each heading
    while the tree is still being processed, which would serialize the units too early
    (before toc permalinks, French typography and MkDocs' link rewriting).
    """

    def __init__(self, md: Markdown, extension: "CitableParagraphsExtension") -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        self._record_ids(root)
        serialised: dict[etree.Element, str] = {}
        blocks = self.extension.getConfig("blocks")
        if isinstance(blocks, list):  # a page that others are composed of
            blocks.extend(record_blocks(self.md, root, self.extension.getConfig("language"),
                                        serialised))
        for unit in self.extension.getConfig("units"):
            element = unit.pop("element", None)
            if element is None:
                continue
            unit["html"] = serialised.get(element) or final_html(self.md, element)

    def _record_ids(self, root: etree.Element) -> None:
        """Every id of the page (headings, paragraphs, footnotes, aliases) with its source
        line, into the ``ids`` config; an id twice on the page is refused, whoever made it.
        The words of the paragraphs with an id that are not units go to ``paragraphs``."""
        ids = self.extension.getConfig("ids")
        lines = {unit["id"]: unit.get("line") for unit in self.extension.getConfig("units")}
        paragraphs = self.extension.getConfig("paragraphs")
        source = self.extension.source
        for element in root.iter():
            element_id = element.get("id")
            if not element_id:
                continue
            if isinstance(paragraphs, dict) and element.tag == "p" and element_id not in lines:
                paragraphs[element_id] = " ".join(plain_text(element).split())
            if element_id in ids:
                raise ContentError(
                    f"Duplicate id “{element_id}”: two elements of the page have it.",
                    "every id must be unique on the page: give the heading, paragraph or "
                    "footnote its own id (or, for a footnote, its own number).",
                    ids[element_id] or lines.get(element_id))
            ids[element_id] = lines.get(element_id) or _id_line(source, element_id)


def _unit_line(source: str, text: str, label: str | None) -> int | None:
    """The source line of a paragraph, from its rendered text: its start, else its words after
    the label (the source escapes the label's dot), else a few words further on (past markup)."""
    words = text[len(label or ""):].strip()
    escaped = f"{(label or '').replace('.', chr(92) + '.')} {words[:25]}"  # “2\\. Everyone”
    for needle in (text[:30], escaped, words[:20], words[12:30], words[30:45]):
        line = find_line(source, needle)
        if line:
            return line
    return None


def _id_line(source: str, element_id: str) -> int | None:
    """The line that makes an id: a footnote's definition or marker, or an explicit id."""
    kind, _, label = element_id.partition(":")
    if kind == "fn":
        return find_line(source, f"[^{label}]:")
    if kind.startswith("fnref"):
        return find_line(source, f"[^{label}]")
    return find_line(source, f"#{element_id}")


class CitableParagraphsExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {
            "counted_sections": [
                {}, "Heading id -> id prefix of the paragraphs it numbers by position."],
            "article_heading": [
                r"art-(?P<number>[0-9]+)",
                "Regular expression matching the explicit id of an article heading; "
                "its group 'number' is the article number."],
            "language": ["en", "Language of the page, for citations and link labels."],
            "aliases": [{}, "Old id -> current id: the old id is kept as an empty anchor in "
                            "the element that now has the current id, so old links still land."],
            "amended": [{}, "Unit id -> address of its history relative to the site root, "
                            "for the units whose text has changed since it was first "
                            "published: each gets a mark that links there."],
            "site_root": ["", "The relative address of the site root from the page (“../../”)."],
            "units": [[], "A list that receives each citable unit of the page (id, kind, "
                          "label, citation, line, html), for the machine-readable edition."],
            "blocks": [(), "A list that receives the page's top-level blocks "
                           "(legaltext.composition.Block), for the pages composed of it; "
                           "not recorded unless a list is given."],
            "ids": [{}, "A dict that receives every id of the page -> its source line, for "
                        "the registry of published ids."],
            "paragraphs": [(), "A dict that receives the words of each paragraph with an "
                                 "id that is not a citable unit (a standfirst, a note), for "
                                 "the terminology check; not recorded unless a dict is given."],
            "outdated": [[], "Ids of paragraphs whose source text changed since they were "
                             "translated: marked with the class translation-outdated."],
        }
        self.source = ""
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(SourceRecorder(md, self), "citable_source", 35)
        md.treeprocessors.register(
            CitableParagraphsTreeprocessor(md, self), "citable_paragraphs", PRIORITY)
        md.treeprocessors.register(_AmendedMarks(md, self), "amended_marks", AMENDED_PRIORITY)
        # Below every other treeprocessor (MkDocs' own run at 0), so that the units'
        # HTML is final.
        md.treeprocessors.register(_UnitHtml(md, self), "citable_units", -100)

    def reset(self) -> None:
        self.source = ""


def makeExtension(**kwargs) -> CitableParagraphsExtension:  # pragma: no cover
    return CitableParagraphsExtension(**kwargs)
