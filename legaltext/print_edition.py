"""The print edition of a document: one HTML file ready for paged media, and its PDF.

The print HTML is made from what the build has already rendered: the HTML of the
page that shows the whole document (the declaration's full text, the essay), and
the records ``legaltext.paragraph_ids`` made of its citable units, which give each
unit's address on its own page. Nothing is rendered a second time, so the PDF has
the site's words, ids and footnote numbers. For print:

* each paragraph's printed number (its label, or its count in the margin) becomes a
  link to the paragraph's address on the site; a paragraph without a label gets a
  “¶” in the margin that links there;
* footnotes move from the end of the page to the place that cites them, as CSS
  footnotes (``float: footnote``), keeping their original numbers;
* the explanation of each editorial mark (“[sic]”, “[notre traduction]” …), a
  tooltip on the site, becomes a lettered note at the foot of the page; inside a
  footnote, it follows the mark in brackets;
* the site's interface (copy links, heading permalinks, back-links) is left out,
  relative links become absolute, and each heading is kept on the page of the text
  that follows it.

The title page gives the full title, the source as the document states it, the
edition's date and the site's address, and for a translation its status.
WeasyPrint renders the result as a tagged PDF (PDF/UA-1) with the document's
language, embedded fonts and one bookmark per section heading. That takes seconds;
a build keeps each PDF (``cached_pdf``) under a digest of its print HTML and of
everything else it is made with (``made_with``), and the next build whose PDF would
be made of the same reads it back.
"""

from __future__ import annotations

import copy
import ctypes
import datetime
import os
import re
import string
from importlib import metadata
from pathlib import Path
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html
from lxml.html import HtmlElement

from legaltext.build_cache import cached
from legaltext.citation import SOURCE_LANGUAGE, Document
from legaltext.editions import long_date
from legaltext.paragraph_ids import AMENDED_MARK
from legaltext.machine_readable import footnote_number, has_class, is_editorial_mark

STYLESHEET = Path(__file__).with_name("print_edition.css")
# Where a build keeps the PDFs (cached_pdf), one folder each, beside mkdocs.yml like the
# site stylesheet's cache (hooks/stylesheet.py); git ignores it.
CACHE = ".cache/pdf"
# The libraries WeasyPrint lays text out with: the names Linux, macOS and Windows give
# each, and the function that tells its version (fontconfig's, a number).
LIBRARIES = {
    "fontconfig": (("libfontconfig.so.1", "libfontconfig.1.dylib", "libfontconfig-1.dll"),
                   "FcGetVersion", ctypes.c_int),
    "pango": (("libpango-1.0.so.0", "libpango-1.0.0.dylib", "libpango-1.0-0.dll"),
              "pango_version_string", ctypes.c_char_p),
    "harfbuzz": (("libharfbuzz.so.0", "libharfbuzz.0.dylib", "libharfbuzz-0.dll"),
                 "hb_version_string", ctypes.c_char_p),
}
# What the site adds for the screen: none of it is printed.
_SCREEN_ONLY = ("headerlink", "footnote-backref", "data-entry", "md-content__button", AMENDED_MARK)

STRINGS = {
    "en": {
        "edition": "Edition of {date}",
        "online": "Online, paragraph by paragraph:",
        "how_to_cite": "Each paragraph number in this PDF links to the paragraph’s address "
                       "on the site. Cite a paragraph by its number and that address, "
                       "for example: {example}.",
        "editorial_marks": "Notes lettered a, b, c … are the editors’ explanations of the "
                           "marks they added to the text, such as [sic]. Numbered footnotes "
                           "are those of the original.",
        "editorial_note": "Editorial note:",
        "unlabelled": "Link to this paragraph on the site",
        "translation_label": "",
        "translation_text": "",
        "original_title": "",
    },
    "fr": {
        "edition": "Édition du {date}",
        "online": "En ligne, paragraphe par paragraphe :",
        "how_to_cite": "Dans ce PDF, chaque numéro de paragraphe renvoie à l’adresse du "
                       "paragraphe sur le site. On cite un paragraphe par son numéro et "
                       "cette adresse, par exemple : {example}.",
        "editorial_marks": "Les notes appelées par une lettre (a, b, c …) expliquent les "
                           "marques ajoutées au texte par la rédaction, comme [sic]. Les "
                           "notes numérotées sont celles de l’original.",
        "editorial_note": "Note de la rédaction :",
        "unlabelled": "Lien vers ce paragraphe sur le site",
        "translation_label": "Traduction non officielle",
        "translation_text": "Cette traduction est celle de la rédaction. Le texte de référence "
                            "est la version anglaise :",
        "original_title": "Titre original :",
    },
}


def _letters(index: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa: the markers of the editorial notes."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = string.ascii_lowercase[remainder] + letters
    return letters


def _element(tag: str, text: str | None = None, **attributes: str) -> HtmlElement:
    element = lxml_html.Element(tag, {key.rstrip("_").replace("_", "-"): value
                                      for key, value in attributes.items()})
    element.text = text
    return element


class _PrintBody:
    """The body of a document page, turned into its print form (see the module docstring)."""

    def __init__(self, content_html: str, language: str, page_url: str,
                 unit_urls: dict[str, str]) -> None:
        self.root = lxml_html.fragment_fromstring(content_html, create_parent="div")
        self.language = language
        self.page_url = page_url
        self.unit_urls = unit_urls
        self.editorial_notes = 0

    def build(self) -> HtmlElement:
        footnotes = self._take_footnotes()
        for element in list(self.root.iter()):
            if isinstance(element, HtmlElement) and has_class(element, *_SCREEN_ONLY):
                element.drop_tree()
        title = self.root.find("h1")
        if title is not None:
            title.drop_tree()  # the title page gives it
        for paragraph in self.root.xpath(".//p[contains(concat(' ', @class, ' '), ' citable ')]"):
            self._link_number(paragraph)
        for heading in self.root.xpath(".//*[self::h2 or self::h3][@id]"):
            if heading.get("id") in self.unit_urls:  # an article: its heading links to it
                link = _element("a", href=self.unit_urls[heading.get("id")])
                link.text, heading.text = heading.text, None
                for child in list(heading):
                    link.append(child)
                heading.append(link)
        self._place_footnotes(footnotes)
        for mark in [element for element in self.root.iter()
                     if isinstance(element, HtmlElement) and is_editorial_mark(element)]:
            self._explain(mark)
        self._absolute_links()
        self._keep_headings_with_text()
        return self.root

    def _keep_headings_with_text(self) -> None:
        """Wrap each run of headings with the block after it, which print keeps on one page
        (WeasyPrint does not honour “break-after: avoid” when the page has footnotes)."""
        children = list(self.root)
        index = 0
        while index < len(children):
            if children[index].tag not in ("h2", "h3", "h4"):
                index += 1
                continue
            end = index
            while end + 1 < len(children) and children[end].tag in ("h2", "h3", "h4"):
                end += 1
            group = _element("div", class_="keep-together")
            children[index].addprevious(group)
            for child in children[index:end + 1]:
                group.append(child)
            index = end + 1

    def _take_footnotes(self) -> dict[str, HtmlElement]:
        """Number -> content of each footnote; the list itself is removed."""
        notes = {}
        for block in self.root.xpath(".//div[@class='footnote']"):
            for item in block.xpath("./ol/li[starts-with(@id, 'fn:')]"):
                body = item.find("p") if len(item) == 1 and item[0].tag == "p" else item
                notes[item.get("id").removeprefix("fn:")] = body
            block.drop_tree()
        for body in notes.values():
            for backref in body.find_class("footnote-backref"):
                previous = backref.getprevious()
                if previous is not None:
                    previous.tail = (previous.tail or "").rstrip()
                else:
                    body.text = (body.text or "").rstrip()
                backref.drop_tree()
        return notes

    def _link_number(self, paragraph: HtmlElement) -> None:
        url = self.unit_urls.get(paragraph.get("id"))
        if url is None:
            return
        copy_link = paragraph.find("a")
        label = paragraph.find("span")
        if copy_link is not None and has_class(copy_link, "paragraph-number"):
            copy_link.attrib.clear()  # the count in the margin is the link
            copy_link.set("class", "paragraph-number")
            copy_link.set("href", url)
            return
        if copy_link is not None and has_class(copy_link, "paragraph-link"):
            copy_link.drop_tree()
        if label is not None and has_class(label, "paragraph-label"):
            label.tag = "a"
            label.set("href", url)
            # It hangs in the margin, with its own gap: the space after it would indent
            # the text (nothing prints it, as it starts the line).
            label.tail = (label.tail or "").lstrip() or None
        else:
            mark = _element("a", "¶", href=url, class_="paragraph-mark",
                            title=STRINGS[self.language]["unlabelled"])
            mark.tail, paragraph.text = paragraph.text, None
            paragraph.insert(0, mark)

    def _place_footnotes(self, notes: dict[str, HtmlElement]) -> None:
        placed = set()
        for marker in list(self.root.iter("sup")):
            number = footnote_number(marker)
            if number is None:
                continue
            if number in placed or number not in notes:
                marker.attrib.pop("id", None)
                link = marker.find("a")
                link.attrib.pop("href", None)
                continue
            placed.add(number)
            note = _element("span", class_="footnote", data_number=number, id=f"fn-{number}")
            body = copy.deepcopy(notes[number])
            note.text = body.text
            for child in body:
                note.append(child)
            for mark in [element for element in note.iter()
                         if isinstance(element, HtmlElement) and is_editorial_mark(element)]:
                self._explain_inline(mark)
            note.tail = marker.tail
            marker.getparent().replace(marker, note)

    def _explain(self, mark: HtmlElement) -> None:
        if mark.xpath("ancestor::span[@class='footnote']"):
            return  # done by _explain_inline
        explanation = mark.get("title")
        if not explanation:
            return
        letter = _letters(self.editorial_notes)
        self.editorial_notes += 1
        note = _element("span", class_="footnote editorial-note", data_number=letter)
        label = _element("span", STRINGS[self.language]["editorial_note"], class_="label")
        label.tail = " " + explanation
        note.append(label)
        note.tail = mark.tail
        mark.tail = None
        mark.attrib.pop("title")
        mark.addnext(note)

    def _explain_inline(self, mark: HtmlElement) -> None:
        explanation = mark.attrib.pop("title", None)
        if explanation:
            inline = _element("span", f" ({STRINGS[self.language]['editorial_note']} "
                                      f"{explanation})", class_="editorial-explanation")
            inline.tail = mark.tail
            mark.tail = None
            mark.addnext(inline)

    def _absolute_links(self) -> None:
        ids = {element.get("id") for element in self.root.iter() if element.get("id")}
        for link in self.root.iter("a"):
            href = link.get("href")
            if href is None or (href.startswith("#") and href[1:] in ids):
                continue
            link.set("href", urljoin(self.page_url, href))


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def print_html(document: Document, language: str, content_html: str, page_url: str,
               unit_urls: dict[str, str], edition: datetime.date, example: str,
               original_url: str | None) -> str:
    """The print HTML of one document in one language.

    ``content_html`` is the rendered content of the page that shows the whole document,
    at ``page_url``; ``unit_urls`` maps each citable unit's id to its address on its own
    page; ``example`` is a citation of one paragraph with its address; ``original_url``
    is the address of the original of a translation, None for the original itself.
    """
    strings = STRINGS[language]
    source = document.source[language]
    head_text = document.short_title[language] + (
        f" — {strings['translation_label']}" if original_url else "")
    page = lxml_html.Element("html", lang=language)
    head = etree.SubElement(page, "head")
    etree.SubElement(head, "meta", charset="utf-8")
    etree.SubElement(head, "title").text = document.title[language]
    authors = ", ".join(f"{given} {family}" for family, given in document.authors) \
        or document.institution_author[language]
    etree.SubElement(head, "meta", name="author", content=authors)
    etree.SubElement(head, "meta", name="description", content=source)
    etree.SubElement(head, "meta", name="dcterms.created", content=edition.isoformat())
    etree.SubElement(head, "style").text = (
        "@page { @top-left { content: " + _css_string(head_text) + "; } }")

    body = etree.SubElement(page, "body")
    cover = etree.SubElement(body, "section", {"class": "title-page"})
    if document.heading[language]:
        etree.SubElement(cover, "p", {"class": "heading"}).text = document.heading[language]
    etree.SubElement(cover, "h1").text = document.title[language]
    original_title = document.title[SOURCE_LANGUAGE]
    if original_url and original_title != document.title[language]:
        etree.SubElement(cover, "p", {"class": "original-title"}).text = \
            f"{strings['original_title']} {original_title}"
    etree.SubElement(cover, "p", {"class": "source"}).text = source
    if original_url:
        notice = etree.SubElement(cover, "p", {"class": "translation-notice"})
        notice.text = f"{strings['translation_label']}. {strings['translation_text']} "
        original = etree.SubElement(notice, "a", href=original_url)
        original.text = original_url
    edition_line = etree.SubElement(cover, "p", {"class": "edition"})
    edition_line.text = strings["edition"].format(date=long_date(edition, language))
    online = etree.SubElement(cover, "p", {"class": "online"})
    online.text = strings["online"] + " "
    link = etree.SubElement(online, "a", href=page_url)
    link.text = page_url
    etree.SubElement(cover, "p", {"class": "how-to-cite"}).text = \
        strings["how_to_cite"].format(example=example)
    etree.SubElement(cover, "p", {"class": "how-to-cite"}).text = strings["editorial_marks"]

    main = etree.SubElement(body, "main", {"class": "text"})
    main.append(_PrintBody(content_html, language, page_url, unit_urls).build())
    return "<!DOCTYPE html>\n" + lxml_html.tostring(page, encoding="unicode")


def render_pdf(html: str) -> tuple[bytes, int]:
    """The PDF of a print HTML (A4, tagged PDF/UA-1, fonts embedded) and its page count.

    No base URL: the links are absolute already, and one to the page the HTML was made
    from would become a link inside the PDF, not to the paragraph's address.
    """
    from weasyprint import CSS, HTML  # only the PDF build needs it

    document = HTML(string=html).render(
        stylesheets=[CSS(filename=str(STYLESHEET))], pdf_variant="pdf/ua-1")
    return document.write_pdf(pdf_variant="pdf/ua-1"), len(document.pages)


def cached_pdf(html: str, folder: Path, parts: list[str] | None) -> tuple[bytes, int, bool]:
    """``render_pdf``, kept in the folder ``folder`` under a digest of everything the PDF
    is made from: its print HTML, and ``parts``, what ``made_with`` gave (None: keep
    nothing); and whether it was made now rather than read from the folder. Making the
    four PDFs takes seconds, and gives the same bytes again until one of those parts
    changes."""
    if parts is None:
        return *render_pdf(html), True
    made = []

    def make() -> tuple[bytes, bytes]:
        pdf, pages = render_pdf(html)
        made.append(True)
        return pdf, str(pages).encode("ascii")

    pdf, pages = cached(folder, [html, *parts], (".pdf", ".pages"), make)
    return pdf, int(pages), bool(made)


def made_with() -> list[str] | None:
    """What a PDF is made with besides its HTML, without loading WeasyPrint: this module's
    code and the stylesheet; the versions of WeasyPrint, of the Python packages it needs
    and of the libraries that shape and lay out its text; the font configuration files
    and every font file fontconfig offers (path, size, modification time), so that a
    font installed, removed or updated makes the PDFs again. None when a library cannot
    be asked: then nothing is kept."""
    parts = [Path(__file__).read_text("utf-8"), STYLESHEET.read_text("utf-8")]
    try:
        for name in ["weasyprint", *(re.match(r"[\w.-]+", requirement).group()
                                     for requirement in metadata.requires("weasyprint") or ()
                                     if "extra ==" not in requirement)]:
            parts.append(f"{name} {metadata.version(name)}")
    except metadata.PackageNotFoundError:
        return None
    libraries = {}
    for name, (files, version, result) in LIBRARIES.items():
        libraries[name] = _library(files)
        if libraries[name] is None:
            return None
        function = getattr(libraries[name], version)
        function.restype = result
        value = function()
        parts.append(f"{name} {value.decode() if isinstance(value, bytes) else value}")
    return parts + _font_files(libraries["fontconfig"])


def _library(names: tuple[str, ...]) -> ctypes.CDLL | None:
    for name in names:
        try:
            return ctypes.CDLL(name)
        except OSError:
            continue
    return None


class _FontSet(ctypes.Structure):
    _fields_ = [("nfont", ctypes.c_int), ("sfont", ctypes.c_int),
                ("fonts", ctypes.POINTER(ctypes.c_void_p))]


def _font_files(fontconfig: ctypes.CDLL) -> list[str]:
    """Fontconfig's configuration files and the font files it offers, each with its size
    and modification time, as the configuration WeasyPrint loads finds them."""
    fontconfig.FcInitLoadConfigAndFonts.restype = ctypes.c_void_p
    fontconfig.FcConfigGetConfigFiles.restype = ctypes.c_void_p
    fontconfig.FcConfigGetConfigFiles.argtypes = [ctypes.c_void_p]
    fontconfig.FcStrListNext.restype = ctypes.c_char_p
    fontconfig.FcStrListNext.argtypes = [ctypes.c_void_p]
    fontconfig.FcStrListDone.argtypes = [ctypes.c_void_p]
    fontconfig.FcConfigGetFonts.restype = ctypes.POINTER(_FontSet)
    fontconfig.FcConfigGetFonts.argtypes = [ctypes.c_void_p, ctypes.c_int]
    fontconfig.FcPatternGetString.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int,
                                              ctypes.POINTER(ctypes.c_char_p)]
    fontconfig.FcConfigDestroy.argtypes = [ctypes.c_void_p]
    config = fontconfig.FcInitLoadConfigAndFonts()
    files = set()
    try:
        names = fontconfig.FcConfigGetConfigFiles(config)
        while (name := fontconfig.FcStrListNext(names)) is not None:
            files.add(name)
        fontconfig.FcStrListDone(names)
        fonts = fontconfig.FcConfigGetFonts(config, 0)  # FcSetSystem
        for index in range(fonts.contents.nfont if fonts else 0):
            path = ctypes.c_char_p()
            if fontconfig.FcPatternGetString(fonts.contents.fonts[index], b"file", 0,
                                             ctypes.byref(path)) == 0:  # FcResultMatch
                files.add(path.value)
    finally:
        fontconfig.FcConfigDestroy(config)
    described = []
    for path in sorted(files):
        try:
            status = os.stat(path)
        except OSError:
            continue
        described.append(f"{os.fsdecode(path)} {status.st_size} {status.st_mtime_ns}")
    return described
