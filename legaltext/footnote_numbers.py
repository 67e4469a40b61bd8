"""Footnotes that keep a document's own numbers when it is split into pages.

Python-Markdown numbers footnotes from 1 on every page. A document such as the
declaration numbers them 1 to 12 through all its pages, and citations use those
numbers. With this extension the label of a footnote *is* its number
(``[^10]``): the marker shows "10", the list item is numbered 10, and the ids
stay ``fn:10`` / ``fnref:10`` as Python-Markdown makes them from the label.

It also refuses what the standard extension lets pass silently: a reference to
an undefined footnote (left as literal ``[^9]``), a footnote never referenced,
a label defined twice (the last one wins), and numbers out of order.

"Ibid." footnotes whose antecedent is on another page get an editorial
expansion and a link to it. The antecedents come from ``documents``, the
footnotes of every document of the site in the page's language, and ``page``,
the page's path: ``documents={"declaration": {"10": {"text": "...", "path":
"declaration/article-5.md"}}}``, ``page="declaration/article-6.md"``. A
document is a top-level folder of pages, or a single page.

The treeprocessor runs at priority 14: after the footnotes extension has built
its list (50) and added duplicate back-links (15), and before MkDocs resolves
links and validates anchors (5 and below).
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from legaltext.errors import ContentError, find_line

PRIORITY = 14
# Markdown allows a definition to be indented by up to three spaces.
_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]]+)\]:")
_REFERENCE = re.compile(r"\[\^([^\]]+)\]")
_IBID = re.compile(r"^\s*Ibid\b")
_NOT_PROSE = {"code", "pre"}

STRINGS = {
    "en": {
        "backlink": "Back to the reference to footnote {n} in the text",
        "ibid_label": "Editorial:",
        "ibid": "“Ibid.” refers to ",
        "footnote": "footnote {n}",
    },
    "fr": {
        "backlink": "Revenir à l’appel de la note {n} dans le texte",
        "ibid_label": "Note de la rédaction :",
        "ibid": "« Ibid. » renvoie à la ",
        "footnote": "note {n}",
    },
}


def footnote_definitions(markdown: str) -> list[tuple[str, str, int]]:
    """(label, text, line) of every one-line footnote definition in a Markdown source."""
    found = []
    for number, line in enumerate(markdown.splitlines(), start=1):
        match = _DEFINITION.match(line)
        if match:
            found.append((match.group(1), line[match.end():].strip(), number))
    return found


class _DefinitionLines(Preprocessor):
    """Find footnote labels defined twice, before the standard extension overwrites one."""

    def __init__(self, md: Markdown, extension: "OriginalFootnoteNumbersExtension") -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        self.extension.source = "\n".join(lines)
        first_line: dict[str, int] = {}
        for label, _text, number in footnote_definitions(self.extension.source):
            if label in first_line:
                raise ContentError(
                    f"Footnote [^{label}] is defined twice (lines {first_line[label]} and {number}).",
                    "keep one definition; if these are two different notes, give the second "
                    "its own original number.",
                    number,
                )
            first_line[label] = number
        return lines


class OriginalNumbersTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: "OriginalFootnoteNumbersExtension") -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        footnotes = self._footnotes_extension()
        config = self.extension.getConfigs()
        if config["language"] not in STRINGS:
            raise ValueError(f"footnote_numbers: no strings for language {config['language']!r}")
        self.strings = STRINGS[config["language"]]
        source = self.extension.source
        self._refuse_undefined_references(root, source)
        defined = list(footnotes.footnotes)
        if not defined:
            return
        for label in defined:
            if not label.isdigit():
                raise ContentError(
                    f"Footnote [^{label}] is not labelled with a number.",
                    "label every footnote with its number in the original, e.g. [^10].",
                    find_line(source, f"[^{label}]:"),
                )
        unused = [label for label in defined if label not in footnotes.footnote_order]
        if unused:
            raise ContentError(
                f"Footnote [^{unused[0]}] is defined but never referenced in the text.",
                f"put the marker [^{unused[0]}] where the original prints it, or remove the "
                "definition.",
                find_line(source, f"[^{unused[0]}]:"),
            )
        order = [int(label) for label in footnotes.footnote_order]
        for before, after in zip(order, order[1:]):
            if after <= before:
                raise ContentError(
                    f"Footnote numbers are out of order: [^{after}] comes after [^{before}] "
                    "in the text.",
                    "number the footnotes as the original does, increasing through the text.",
                    find_line(source, f"[^{after}]"),
                )
        self._show_original_numbers(root)
        self._expand_ibid(root, set(defined), self._document_footnotes(config), source)

    @staticmethod
    def _document_footnotes(config: dict) -> dict[str, dict[str, str]]:
        """The footnotes of the page's document, as read once per build: number -> text, path."""
        return config["documents"].get(config["page"].split("/", 1)[0], {})

    @staticmethod
    def _link(config: dict, number: str, footnote: dict[str, str]) -> str:
        """The link from this page to a footnote of its document."""
        page_dir = posixpath.dirname(config["page"]) or "."
        return posixpath.relpath(footnote["path"], page_dir) + f"#fn:{number}"

    def _footnotes_extension(self) -> FootnoteExtension:
        for extension in self.md.registeredExtensions:
            if isinstance(extension, FootnoteExtension):
                return extension
        raise ValueError("footnote_numbers needs the 'footnotes' extension")

    @staticmethod
    def _refuse_undefined_references(root: etree.Element, source: str) -> None:
        def visit(element: etree.Element) -> None:
            if element.tag in _NOT_PROSE:
                return
            for text in (element.text, *(child.tail for child in element)):
                match = _REFERENCE.search(text or "")
                if match:
                    raise ContentError(
                        f"The text refers to footnote [^{match.group(1)}], which is not defined "
                        "on this page.",
                        f"add the definition “[^{match.group(1)}]: …” at the end of the page, "
                        "or correct the marker.",
                        find_line(source, match.group(0)),
                    )
            for child in element:
                visit(child)

        visit(root)

    def _show_original_numbers(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            classes = link.get("class", "").split()
            href = link.get("href", "")
            if "footnote-ref" in classes:
                link.text = href.split(":", 1)[1]
            elif "footnote-backref" in classes:
                number = href.split(":", 1)[1]
                link.set("title", self.strings["backlink"].format(n=number))
        for div in root.iter("div"):
            if div.get("class") != "footnote":
                continue
            items = div.find("ol")
            numbers = [item.get("id").split(":", 1)[1] for item in items]
            items.set("start", numbers[0])
            for item, number in zip(items, numbers):
                item.set("value", number)

    def _expand_ibid(self, root: etree.Element, on_page: set[str], index: dict,
                     source: str) -> None:
        for item in root.iter("li"):
            number = (item.get("id") or "").removeprefix("fn:")
            if number not in on_page or not _IBID.match("".join(item.itertext())):
                continue
            antecedent = str(int(number) - 1)
            if antecedent in on_page:
                continue  # the reader sees it on this page: leave the note as printed
            if antecedent not in index:
                raise ContentError(
                    f"Footnote [^{number}] says “Ibid.”, but footnote {antecedent}, which it "
                    "refers to, is not in this document.",
                    "check the numbering of the footnotes of this document.",
                    find_line(source, f"[^{number}]:"),
                )
            self._append_expansion(item, antecedent, index)

    def _append_expansion(self, item: etree.Element, antecedent: str, index: dict) -> None:
        """Add “[Editorial: “Ibid.” refers to footnote 10: <its text>]” before the back-link."""
        cited = antecedent
        while _IBID.match(index[cited]["text"]) and str(int(cited) - 1) in index:
            cited = str(int(cited) - 1)
        colon = " :" if self.strings is STRINGS["fr"] else ":"
        note = etree.Element("span", {"class": "editorial ibid-expansion"})
        label = etree.SubElement(note, "span", {"class": "editorial-label"})
        label.text = f"[{self.strings['ibid_label']}"
        label.tail = " " + self.strings["ibid"]
        link = etree.SubElement(note, "a", {"href": self._link(
            self.extension.getConfigs(), antecedent, index[antecedent])})
        link.text = self.strings["footnote"].format(n=antecedent)
        link.tail = f"{colon} {index[cited]['text']}]"
        note.tail = "\u00a0"
        paragraph = item.findall("p")[-1]
        backref = paragraph.find("a[@class='footnote-backref']")
        paragraph.insert(list(paragraph).index(backref) if backref is not None else len(paragraph),
                         note)


class OriginalFootnoteNumbersExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {
            "language": ["en", "Language of the page, for link titles and editorial notes."],
            "documents": [
                {}, "Footnotes of each document of the site: document -> number -> "
                    "{'text': source text, 'path': page that defines it}."],
            "page": ["", "Path of the page, relative to the documents' folder."],
        }
        self.source = ""
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(_DefinitionLines(md, self), "footnote_numbers_lines", 36)
        md.treeprocessors.register(
            OriginalNumbersTreeprocessor(md, self), "footnote_numbers", PRIORITY)

    def reset(self) -> None:
        self.source = ""


def makeExtension(**kwargs) -> OriginalFootnoteNumbersExtension:  # pragma: no cover
    return OriginalFootnoteNumbersExtension(**kwargs)
