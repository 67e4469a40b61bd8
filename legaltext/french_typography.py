"""French typography at build time, so that translators type plain text.

On pages whose ``language`` is ``fr`` it puts:

* a narrow no-break space (U+202F) before ``; ! ?`` and a no-break space
  (U+00A0) before ``:``;
* no-break spaces inside « guillemets »;
* a no-break space in abbreviations followed by a number ("art. 6", "par. 7")
  and a narrow no-break space as the thousands separator ("2 000").

The same rules apply inside the attributes that readers see: ``title`` (the
explanation of an editorial mark, a link title, a back-link's tooltip), ``alt``
and ``placeholder``. Attributes that are not displayed (``aria-label``,
``data-cite``, ids, addresses) are machine values, compared and copied as they
are, and stay untouched.

It never touches code, preformatted text, or anything that looks like a URL or
an e-mail address.

The treeprocessor runs at priority 3, after the inline patterns (20), attr_list
(8) and every processor that adds text or a title of its own (footnote back-links,
paragraph links, the toc's permalinks).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

PRIORITY = 3
NBSP = "\u00a0"
NNBSP = "\u202f"
_SKIP = {"code", "pre", "kbd", "samp", "script", "style"}
# Attributes shown to readers (as a tooltip, in place of an image, in an empty field).
READER_VISIBLE_ATTRIBUTES = ("title", "alt", "placeholder")
# Tokens left alone: URLs, e-mail addresses, and Python-Markdown placeholders.
_PROTECTED = re.compile(r"[a-z][a-z0-9+.-]*://\S+|www\.\S+|\S+@\S+\.\S+|\x02[^\x03]*\x03", re.I)
_RULES = [
    # “mot ;” / “mot;” → narrow no-break space before ; ! ?
    (re.compile(r"(?:(?<=\S)|^)[ \u00a0\u202f]?([;!?])"), NNBSP + r"\1"),
    # “mot :” → no-break space before a colon that ends a clause (not 10:30).
    (re.compile(r"(?:(?<=\S)|^)[ \u00a0\u202f]?:(?=\s|$)"), NBSP + ":"),
    (re.compile(r"«[ \u00a0\u202f]*"), "«" + NBSP),
    (re.compile(r"[ \u00a0\u202f]*»"), NBSP + "»"),
    (re.compile(r"\b(art|arts|par|al|p|pp|n°|no)\. (?=[0-9])", re.I), r"\1." + NBSP),
    (re.compile(r"(?<=\d) (?=\d{3}\b)"), NNBSP),
]

# What every rule needs in the text to change it: most runs of text have none of it.
_ANY_RULE = re.compile(r"[;!?:«»]|\. [0-9]|\d \d")


def apply_french_typography(text: str) -> str:
    """Apply the rules to plain text, leaving protected tokens as they are."""
    if not _ANY_RULE.search(text):
        return text
    pieces = []
    position = 0
    for match in _PROTECTED.finditer(text):
        pieces.append(_apply_rules(text[position:match.start()]))
        pieces.append(match.group(0))
        position = match.end()
    pieces.append(_apply_rules(text[position:]))
    return "".join(pieces)


def _apply_rules(text: str) -> str:
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


class FrenchTypographyTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: "FrenchTypographyExtension") -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if self.extension.getConfig("language") != "fr":
            return
        self._visit(root)

    def _visit(self, element: etree.Element) -> None:
        if element.tag in _SKIP:
            return
        for name in READER_VISIBLE_ATTRIBUTES:
            value = element.get(name)
            if value:
                element.set(name, apply_french_typography(value))
        if element.text:
            element.text = apply_french_typography(element.text)
        for child in element:
            self._visit(child)
            if child.tail:
                child.tail = apply_french_typography(child.tail)


class FrenchTypographyExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {"language": ["en", "Language of the page; the rules apply to 'fr'."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.treeprocessors.register(
            FrenchTypographyTreeprocessor(md, self), "french_typography", PRIORITY)


def makeExtension(**kwargs) -> FrenchTypographyExtension:  # pragma: no cover
    return FrenchTypographyExtension(**kwargs)
