"""Akoma Ntoso 3.0 XML of a declaration, built from the records of its citable units.

The records come from ``legaltext.machine_readable``; the XML holds the same
words (their printed text, see there) with the italics of the page and the
footnotes as authorial notes at their markers.

Every citable unit gets one element whose eId follows the Akoma Ntoso naming
convention and is computed from the unit's id alone; no other element of the
text has an eId. The footnotes are ``authorialNote`` elements whose ``marker``
is the footnote's number, the number of the page's ``fn:N``.

=====================================  ==================  ==============================
unit                                   id                  eId (element)
=====================================  ==================  ==============================
preambular paragraph n                 ``pp-3``            ``preamble__p_3`` (p)
article                                ``art-6``           ``art_6`` (article)
numbered paragraph                     ``art-6-2``         ``art_6__para_2`` (paragraph)
point of a numbered paragraph          ``art-13-8-b``      ``art_13__para_8__point_b`` (point)
point of an article                    ``art-5-c``         ``art_5__point_c`` (point)
unlabelled paragraph before points     ``art-5-text``      ``art_5__intro`` (intro)
unlabelled paragraph, the whole text   ``art-9-text``      ``art_9__content`` (content)
=====================================  ==================  ==============================

The eId takes the letter of a point from its id, not from its printed label:
where the original repeats a label (Article 5 prints “(i)” and “(j)” twice),
the page ids ``art-5-m``/``art-5-n`` give ``art_5__point_m``/``art_5__point_n``,
and the ``num`` element keeps the label as printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from legaltext.machine_readable import DataError, footnote_number, fragments, printed_fragment

NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# ISO 639-2 codes, which Akoma Ntoso uses, of the site's languages.
LANGUAGES = {"en": "eng", "fr": "fra"}
# Inline elements of a unit's HTML and their Akoma Ntoso counterparts.
_INLINE = {"em": "i", "i": "i", "strong": "b", "b": "b", "sub": "sub", "sup": "sup", "br": "eol"}
# Inline elements whose words are kept without markup of their own.
_TRANSPARENT = {"span", "abbr", "a"}
_LAYOUT_SPACE = re.compile(r"[ \t\r\n]+")
# Elements whose content is text with inline markup.
_TEXT_BLOCKS = {"p", "num"}

_EIDS = [
    (re.compile(r"pp-(?P<n>[0-9]+)"), "preamble__p_{n}"),
    (re.compile(r"art-(?P<a>[0-9]+)"), "art_{a}"),
    (re.compile(r"art-(?P<a>[0-9]+)-text"), "art_{a}__{text}"),
    (re.compile(r"art-(?P<a>[0-9]+)-(?P<p>[0-9]+)"), "art_{a}__para_{p}"),
    (re.compile(r"art-(?P<a>[0-9]+)-(?P<p>[0-9]+)-(?P<x>[a-z]+)"), "art_{a}__para_{p}__point_{x}"),
    (re.compile(r"art-(?P<a>[0-9]+)-(?P<x>[a-z]+)"), "art_{a}__point_{x}"),
]


def eid(unit_id: str, before_points: bool = False) -> str:
    """The eId of the element of a unit (see the table in the module docstring).

    ``before_points`` tells an article's unlabelled paragraph that introduces
    points (``intro``) from one that is the article's whole text (``content``).
    """
    for pattern, template in _EIDS:
        match = pattern.fullmatch(unit_id)
        if match:
            return template.format(**match.groupdict(),
                                   text="intro" if before_points else "content")
    raise DataError(f"no Akoma Ntoso eId for the id “{unit_id}”: only the ids of the "
                    "preamble and of articles have one. Fix: give the unit an id of the "
                    "declaration's scheme (see the About page, “Paragraph ids”).")


@dataclass(frozen=True)
class Work:
    """What the source states about the work, in the words the XML prints.

    ``date`` must be a full date (the schema's xsd:date); ``date_name`` says
    what it is, since the source may state less than a day.
    """

    country: str
    subtype: str
    year: str
    name: str
    date: str
    date_name: str
    title: dict[str, str]
    report: dict[str, str]
    author: str
    author_role: dict[str, str]
    editors: dict[str, str]
    master_language: str

    @property
    def uri(self) -> str:
        """The work's FRBR URI: /akn/{country}/bill/{subtype}/{year}/{name}."""
        return f"/akn/{self.country}/bill/{self.subtype}/{self.year}/{self.name}"


def _element(parent: etree._Element, tag: str, text: str | None = None,
             **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{NAMESPACE}}}{tag}", attributes)
    element.text = text
    return element


def _identification(meta: etree._Element, work: Work, language: str, generated: str) -> None:
    code = LANGUAGES[language]
    master = f"{work.uri}/{LANGUAGES[work.master_language]}@"
    expression = f"{work.uri}/{code}@"
    translated = language != work.master_language
    identification = _element(meta, "identification", source="#editors")

    frbr_work = _element(identification, "FRBRWork")
    _element(frbr_work, "FRBRthis", value=f"{work.uri}/!main")
    _element(frbr_work, "FRBRuri", value=work.uri)
    _element(frbr_work, "FRBRdate", date=work.date, name=work.date_name)
    _element(frbr_work, "FRBRauthor", href="#author", **{"as": "#authorRole"})
    _element(frbr_work, "FRBRcountry", value=work.country)
    _element(frbr_work, "FRBRsubtype", value=work.subtype)
    _element(frbr_work, "FRBRname", value=work.title[work.master_language])

    frbr_expression = _element(identification, "FRBRExpression")
    _element(frbr_expression, "FRBRthis", value=f"{expression}/!main")
    _element(frbr_expression, "FRBRuri", value=expression)
    # A language version shows the version of the text it translates.
    _element(frbr_expression, "FRBRdate", date=work.date, name=work.date_name)
    if translated:
        _element(frbr_expression, "FRBRauthor", href="#editors")
        _element(frbr_expression, "FRBRauthoritative", value="false")
        _element(frbr_expression, "FRBRmasterExpression", href=master,
                 showAs=work.title[work.master_language])
        _element(frbr_expression, "FRBRlanguage", language=code)
        _element(frbr_expression, "FRBRtranslation", href=master,
                 fromLanguage=LANGUAGES[work.master_language], by="#editors",
                 authoritative="false")
    else:
        _element(frbr_expression, "FRBRauthor", href="#author", **{"as": "#authorRole"})
        _element(frbr_expression, "FRBRlanguage", language=code)

    frbr_manifestation = _element(identification, "FRBRManifestation")
    _element(frbr_manifestation, "FRBRthis", value=f"{expression}/!main.xml")
    _element(frbr_manifestation, "FRBRuri", value=f"{expression}.xml")
    _element(frbr_manifestation, "FRBRdate", date=generated,
             name="generation: the day this file was generated from the site's sources")
    _element(frbr_manifestation, "FRBRauthor", href="#editors")
    _element(frbr_manifestation, "FRBRformat", value="application/akn+xml")

    references = _element(meta, "references", source="#editors")
    _element(references, "TLCOrganization", eId="editors", href="/ontology/organization/editors",
             showAs=work.editors[language])
    _element(references, "TLCPerson", eId="author",
             href=f"/ontology/person/{_slug(work.author)}", showAs=work.author)
    _element(references, "TLCRole", eId="authorRole",
             href=f"/ontology/role/{_slug(work.author_role[work.master_language])}",
             showAs=work.author_role[language])


def _slug(words: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")


def _inline(target: etree._Element, source: HtmlElement, footnotes: dict[int, str],
            unit_id: str) -> None:
    """Copy the words and inline markup of ``source`` into ``target``."""
    _append_text(target, source.text)
    for child in source:
        number = footnote_number(child)
        if not isinstance(child.tag, str):
            pass  # an editor's comment: not part of the text
        elif number is not None:
            note = _element(target, "authorialNote", marker=number, placement="bottom")
            _element(note, "p", footnotes[int(number)])
        elif child.tag in _INLINE:
            _inline(_element(target, _INLINE[child.tag]), child, footnotes, unit_id)
        elif child.tag in _TRANSPARENT:
            _inline(target, child, footnotes, unit_id)
        else:
            raise DataError(f"unit {unit_id}: no Akoma Ntoso form for the element "
                            f"<{child.tag}> in its text. Fix: add it to _INLINE or "
                            "_TRANSPARENT in legaltext/akoma_ntoso.py.")
        _append_text(target, child.tail)


def _append_text(target: etree._Element, text: str | None) -> None:
    if not text:
        return
    text = _LAYOUT_SPACE.sub(" ", text)
    if len(target):
        target[-1].tail = (target[-1].tail or "") + text
    else:
        target.text = (target.text or "") + text


def _trim(block: etree._Element) -> None:
    """Remove the spaces at the start and end of a block, left by the label and link."""
    block.text = (block.text or "").lstrip() or None
    last = block[-1] if len(block) else None
    if last is not None:
        last.tail = (last.tail or "").rstrip() or None
    else:
        block.text = (block.text or "").rstrip() or None


def _paragraph(parent: etree._Element, record: dict, unit: HtmlElement,
               **attributes: str) -> None:
    """A ``p`` with the printed words of a record; ``unit``: its HTML's element (changed)."""
    footnotes = {note["number"]: note["text"] for note in record["footnotes"]}
    block = _element(parent, "p", **attributes)
    _inline(block, printed_fragment(unit, keep_footnote_markers=True), footnotes,
            record["id"])
    _trim(block)


def _with_children(records: list[dict]) -> set[str]:
    """Ids of the articles and paragraphs that contain paragraphs or points."""
    return {_parent_id(record["id"]) for record in records
            if record["kind"] in ("paragraph", "point")}


def eids(records: list[dict]) -> dict[str, str]:
    """Unit id -> eId, for the units of a declaration in reading order."""
    with_children = _with_children(records)
    return {record["id"]: eid(record["id"], _parent_id(record["id"]) in with_children)
            for record in records}


def declaration(records: list[dict], language: str, work: Work, generated: str) -> bytes:
    """The Akoma Ntoso document, as UTF-8 bytes, of a declaration in one language.

    ``records`` are the units of the preamble and the articles in reading order;
    ``generated`` is the date (YYYY-MM-DD) of the manifestation.
    """
    if language not in LANGUAGES:
        raise DataError(f"no Akoma Ntoso language code for {language!r}. Fix: add it to "
                        "LANGUAGES in legaltext/akoma_ntoso.py.")
    with_children = _with_children(records)
    element_ids = eids(records)
    root = etree.Element(f"{{{NAMESPACE}}}akomaNtoso", nsmap={None: NAMESPACE})
    bill = _element(root, "bill", name="draftDeclaration")
    _identification(_element(bill, "meta"), work, language, generated)

    preface = _element(bill, "preface")
    _element(preface, "p", work.report[language])
    _element(_element(_element(preface, "longTitle"), "p"), "docTitle", work.title[language])
    preamble = _element(bill, "preamble")
    body = _element(bill, "body")

    containers: dict[str, etree._Element] = {}
    for record, unit in _parsed(records):
        unit_id, kind = record["id"], record["kind"]
        if kind == "preambular_paragraph":
            _paragraph(preamble, record, unit, eId=element_ids[unit_id])
            continue
        if kind == "article":
            containers[unit_id] = article = _element(body, "article", eId=element_ids[unit_id])
            _element(article, "num", record["label"])
            continue
        parent = containers.get(_parent_id(unit_id))
        if parent is None:
            raise DataError(f"unit {unit_id} comes before the article or paragraph it "
                            "belongs to. Fix: put it after its article's heading or its "
                            "numbered paragraph.")
        if kind == "unlabelled_paragraph":
            block_tag = "intro" if _parent_id(unit_id) in with_children else "content"
            _paragraph(_element(parent, block_tag, eId=element_ids[unit_id]), record, unit)
        elif kind in ("paragraph", "point"):
            containers[unit_id] = element = _element(parent, kind, eId=element_ids[unit_id])
            _element(element, "num", record["label"])
            block_tag = "intro" if unit_id in with_children else "content"
            _paragraph(_element(element, block_tag), record, unit)
        else:
            raise DataError(f"unit {unit_id}: a {kind} has no place in a declaration. Fix: "
                            "leave it out of the records passed to declaration().")
    if not len(preamble):
        bill.remove(preamble)
    _indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _parsed(records: list[dict], together: int = 64) -> Iterator[tuple[dict, HtmlElement]]:
    """Each record with its HTML's element, parsed a few dozen at a time: one parse per
    unit costs more, one for the whole declaration holds it all at once."""
    for start in range(0, len(records), together):
        batch = records[start:start + together]
        yield from zip(batch, fragments([record["html"] for record in batch]))


def _indent(element: etree._Element, level: int = 0) -> None:
    """Indent the structure, never the inside of a text block, where spaces are words'."""
    if etree.QName(element).localname in _TEXT_BLOCKS or not len(element):
        return
    element.text = "\n" + "  " * (level + 1)
    for child in element:
        _indent(child, level + 1)
        child.tail = "\n" + "  " * (level + 1)
    element[-1].tail = "\n" + "  " * level


def _parent_id(unit_id: str) -> str:
    """The id of the article or paragraph a unit belongs to (``art-13-8-b`` → ``art-13-8``)."""
    return unit_id.rsplit("-", 1)[0]
