"""Citable units as data: the records of the machine-readable edition.

``legaltext.paragraph_ids`` hands over, for every citable unit of a page, its
id, label, citation and final HTML. This module turns one such unit into a
record: its kind in public terms, its printed text, its footnotes and the
fingerprint of its text. It reads nothing but that HTML and the page's own
footnote list, so the data cannot say something the page does not.

The printed text of a unit is its HTML without what the site adds around the
words: the copy-link, the label (given separately), footnote markers (given as
numbers) and the editors' marks such as “[sic]” or “[notre traduction]” (kept
in the HTML). Runs of spaces, tabs and line breaks become one space; the
no-break spaces of French typography stay.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from lxml import html as lxml_html
from lxml.html import HtmlElement

from legaltext.paragraph_ids import AMENDED_MARK

# Public kinds, by the kind paragraph_ids gives a unit (or, for paragraphs
# numbered by position, by the id prefix of their section).
KINDS = {
    "heading": "article",
    "article": "unlabelled_paragraph",
    "paragraph": "paragraph",
    "point": "point",
    "paragraph_point": "point",
    "pp": "preambular_paragraph",
    "summary": "summary_paragraph",
    "p": "essay_paragraph",
}
# What the site adds to a unit's words: removed from the printed text.
_SITE_ADDITIONS = ("paragraph-link", "paragraph-label", "headerlink", AMENDED_MARK)
# The editors' marks inside the text: removed with the space before them.
_EDITORIAL_MARKS = ("sic", "editorial")
_LAYOUT_SPACE = re.compile(r"[ \t\r\n]+")


class DataError(ValueError):
    """A unit or a page that cannot be turned into data as it is."""


def fragment(unit_html: str) -> HtmlElement:
    """The element of a unit's HTML (a single ``<p>`` or heading)."""
    return lxml_html.fragment_fromstring(unit_html)


def fragments(units_html: list[str]) -> list[HtmlElement]:
    """The elements of several units' HTML, parsed together: one parse costs about what
    parsing one unit does. Each unit parsed on its own if together they do not give one
    element per unit."""
    if not units_html:
        return []
    container = lxml_html.fragment_fromstring("".join(units_html), create_parent="div")
    elements = list(container)
    if len(elements) != len(units_html) or (container.text or "").strip() \
            or any((element.tail or "").strip() for element in elements):
        return [fragment(html) for html in units_html]
    return elements


def has_class(element: HtmlElement, *names: str) -> bool:
    return bool(set((element.get("class") or "").split()) & set(names))  # a comment has none


def footnote_number(element: HtmlElement) -> str | None:
    """The number of the footnote that a ``<sup>`` marker refers to, or None."""
    if element.tag != "sup":
        return None
    link = element.find("a")
    if link is None or not has_class(link, "footnote-ref"):
        return None
    return link.get("href", "").removeprefix("#fn:")


def is_editorial_mark(element: HtmlElement) -> bool:
    return has_class(element, *_EDITORIAL_MARKS)


def is_site_addition(element: HtmlElement) -> bool:
    return has_class(element, *_SITE_ADDITIONS)


def drop_with_space_before(element: HtmlElement) -> None:
    """Remove an element and the spaces just before it, keeping the text after it."""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "").rstrip()
    else:
        parent = element.getparent()
        parent.text = (parent.text or "").rstrip()
    element.drop_tree()


def collapse_layout_space(text: str) -> str:
    return _LAYOUT_SPACE.sub(" ", text).strip()


def printed_fragment(unit_html: str | HtmlElement,
                     keep_footnote_markers: bool = False) -> HtmlElement:
    """A unit's element (parsed from its HTML, or given and changed) with only its printed
    words left (and, if asked, its footnote markers): the one place that says what the
    printed text is."""
    element = fragment(unit_html) if isinstance(unit_html, str) else unit_html
    for child in list(element.iterdescendants()):
        if is_site_addition(child):
            child.drop_tree()
        elif footnote_number(child) is not None:
            if not keep_footnote_markers:
                child.drop_tree()
        elif is_editorial_mark(child):
            drop_with_space_before(child)
        elif child.tag == "br":  # a line break separates words, as on the page
            child.tail = "\n" + (child.tail or "")
    return element


def printed_text(unit_html: str | HtmlElement) -> str:
    """The words of a unit as printed (see the module docstring), from its HTML or its
    element (which this changes)."""
    return collapse_layout_space(printed_fragment(unit_html).text_content())


def fingerprint(text: str) -> str:
    """SHA-256 of a text in Unicode NFC with every run of white space, no-break ones
    included, made one space: a change of wording changes it, a change of spacing does not."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def page_footnotes(page_html: str) -> dict[str, str]:
    """Footnote number -> printed text, from a page's footnote list.

    The editors' expansion of an “Ibid.” and the back-link are left out.
    """
    if 'class="footnote"' not in page_html:
        return {}
    notes = {}
    for item in lxml_html.fragment_fromstring(page_html, create_parent="div").xpath(
            "//div[@class='footnote']/ol/li[starts-with(@id, 'fn:')]"):
        for child in list(item.iter()):
            if has_class(child, "footnote-backref"):
                child.drop_tree()
            elif is_editorial_mark(child):
                drop_with_space_before(child)
        notes[item.get("id").removeprefix("fn:")] = collapse_layout_space(item.text_content())
    return notes


def page_disagrees(unit_id: str) -> str:
    """Why a page whose HTML no longer holds a unit as recorded is refused, and what to do."""
    return (f"the page as written does not contain the unit “{unit_id}” as the data give "
            "it, so the page and the data would disagree. Fix: find the hook or plugin that "
            "changes the page's HTML after rendering, and make it leave citable paragraphs "
            "alone.")


def unit_record(unit: dict, footnotes: dict[str, str], element: HtmlElement) -> dict:
    """The record of one unit (without its URLs and English fingerprint, which are
    the site's business); ``element``: its HTML parsed (``fragments``), which this
    changes. Raises DataError for a kind or a footnote it cannot place."""
    kind = KINDS.get(unit["kind"])
    if kind is None:
        raise DataError(f"unit {unit['id']}: no public kind for the kind {unit['kind']!r}. "
                        "Fix: add it to KINDS in legaltext/machine_readable.py and to the "
                        "kinds of legaltext/citable_units.schema.json.")
    cited = []
    for marker in element.iter("sup"):
        number = footnote_number(marker)
        if number is None:
            continue
        if number not in footnotes:
            raise DataError(f"unit {unit['id']} refers to footnote {number}, which is not "
                            "in the page's footnote list. Fix: define the footnote at the end "
                            "of the page that cites it.")
        cited.append({"number": int(number), "text": footnotes[number]})
    return {
        "id": unit["id"],
        "kind": kind,
        "label": unit["label"],
        "article": unit.get("article"),
        "paragraph": unit.get("paragraph"),
        "point": unit.get("point"),
        "number": unit.get("n"),
        "citation": unit["citation"],
        "text": printed_text(element),
        "html": unit["html"],
        "footnotes": cited,
        "translation_outdated": bool(unit.get("outdated")),
    }
