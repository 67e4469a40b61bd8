"""How the published documents are cited: their bibliographic facts, as the sources state
them, and the citation formats reference managers read.

A fact goes here only if the sources state it (see the About page, “Sources” and
“Provenance”): the report gives no document symbol and no date of issue, and the
essay no date, so no record here has a date of its own. The date a record does
carry is the date of this site's edition, ``edition_date()``.

Formats: BibTeX, RIS and CSL-JSON (the Citation Style Language's input), and the
``citation_*`` and Dublin Core ``DC.*`` meta tags that Zotero and Google Scholar
read from a page's head.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from legaltext.editions import latest_date, long_date

# The frozen editions of the text; the latest is the one the site publishes.
EDITIONS = Path(__file__).resolve().parent.parent / "editions"

LANGUAGE_NAMES = {"en": "english", "fr": "french"}  # BibTeX's (babel's) names
SOURCE_LANGUAGE = "en"  # the language of the original texts; French is a translation


def edition_date() -> datetime.date:
    """The date of the edition the site publishes, the latest in editions/: the one place
    that says it for the PDF title pages, the citation files and the print stylesheet."""
    return datetime.date.fromisoformat(latest_date(EDITIONS))


@dataclass(frozen=True)
class Document:
    """A published document, as a citation names it."""

    stem: str  # the file stem of its downloads: pdf/<file>.<language>.pdf, cite/<stem>…
    pdf_name: str  # a name that says what the file is, on a reader's disk
    title: dict[str, str]  # its full title, as printed (French: our translation)
    citation_title: dict[str, str]  # the title a citation gives, as the copy-link does
    short_title: dict[str, str]  # the running head of its PDF
    authors: tuple[tuple[str, str], ...]  # (family, given); empty if it names no person
    institution_author: dict[str, str]  # the author as the document names it
    container: dict[str, str]  # the document it is part of, or ""
    heading: dict[str, str]  # what the document prints above its title, or ""
    source: dict[str, str]  # where the text comes from, as the document states it
    csl_type: str
    bibtex_type: str


DECLARATION = Document(
    stem="declaration",
    pdf_name="draft-declaration-international-solidarity",
    title={
        "en": "Preliminary text of a draft declaration on the right of peoples and "
              "individuals to international solidarity",
        "fr": "Version préliminaire d’un projet de déclaration sur le droit des peuples et "
              "des individus à la solidarité internationale",
    },
    citation_title={
        "en": "Draft declaration on the right of peoples and individuals to international "
              "solidarity (preliminary text)",
        "fr": "Projet de déclaration sur le droit des peuples et des individus à la "
              "solidarité internationale (version préliminaire)",
    },
    short_title={
        "en": "Draft declaration on international solidarity (preliminary text)",
        "fr": "Projet de déclaration sur la solidarité internationale (version préliminaire)",
    },
    authors=(("Dandan", "Virginia"),),
    institution_author={
        "en": "Independent Expert on human rights and international solidarity",
        "fr": "Experte indépendante sur les droits de l’homme et la solidarité internationale",
    },
    container={
        "en": "Report of the Independent Expert on human rights and international "
              "solidarity, Virginia Dandan, annex",
        "fr": "Rapport de l’Experte indépendante sur les droits de l’homme et la solidarité "
              "internationale, Virginia Dandan, annexe",
    },
    heading={
        "en": "Report of the Independent Expert on human rights and international solidarity, "
              "Virginia Dandan",
        "fr": "Rapport de l’Experte indépendante sur les droits de l’homme et la solidarité "
              "internationale, Virginia Dandan",
    },
    source={
        "en": "Annex to the report of the Independent Expert on human rights and international "
              "solidarity, Virginia Dandan. According to its summary, the report contains the "
              "preliminary version of the draft declaration, prepared pursuant to paragraph 14 "
              "of Human Rights Council resolution 23/12 and circulated under cover of a note "
              "verbale to Member States and other interested stakeholders during the last "
              "quarter of 2013. The annex is in English only and is circulated as received. "
              "The copy transcribed shows neither the report’s document symbol nor its date "
              "of issue.",
        "fr": "Annexe au rapport de l’Experte indépendante sur les droits de l’homme et la "
              "solidarité internationale, Virginia Dandan. D’après son résumé, le rapport "
              "contient la version préliminaire du projet de déclaration, élaborée "
              "conformément au paragraphe 14 de la résolution 23/12 du Conseil des droits de "
              "l’homme et distribuée sous couvert d’une note verbale aux États Membres et aux "
              "autres parties prenantes intéressées au cours du dernier trimestre de 2013. "
              "L’annexe est en anglais seulement et distribuée telle qu’elle a été reçue. "
              "L’exemplaire transcrit ne porte ni la cote du rapport ni sa date de publication.",
    },
    csl_type="report",
    bibtex_type="misc",
)

ESSAY = Document(
    stem="essay",
    pdf_name="path-to-a-right-to-international-solidarity",
    title={
        "en": "The Path to a Right to International Solidarity",
        "fr": "Le chemin vers un droit à la solidarité internationale",
    },
    citation_title={  # the original title, in both languages, as the copy-link gives it
        "en": "The Path to a Right to International Solidarity",
        "fr": "The Path to a Right to International Solidarity",
    },
    short_title={
        "en": "The Path to a Right to International Solidarity",
        "fr": "Le chemin vers un droit à la solidarité internationale",
    },
    authors=(),
    institution_author={
        "en": "Independent Expert on human rights and international solidarity",
        "fr": "Experte indépendante sur les droits de l’homme et la solidarité internationale",
    },
    container={"en": "", "fr": ""},
    heading={"en": "", "fr": ""},
    source={
        "en": "An essay by the Independent Expert on human rights and international "
              "solidarity, whom the essay names only by that title. The essay gives no date.",
        "fr": "Essai de l’Experte indépendante sur les droits de l’homme et la solidarité "
              "internationale, que l’essai ne désigne que par ce titre. L’essai n’est pas daté.",
    },
    csl_type="article",
    bibtex_type="misc",
)

# By the folder or page that holds the document's pages (legaltext.documents.document_of).
DOCUMENTS = {"declaration": DECLARATION, "essay.md": ESSAY}

NOTES = {
    "en": "Edition of {date}. Cite a paragraph by its address on the site.",
    "fr": "Édition du {date}. Traduction non officielle\u202f; le texte de référence est la "
          "version anglaise. Citer un paragraphe par son adresse sur le site.",
}
CITATION_FORMATS = {"bibtex": ".bib", "ris": ".ris", "csl_json": ".csl.json"}


@dataclass(frozen=True)
class Citation:
    """One document in one language, at one address, in one edition."""

    document: Document
    language: str
    url: str  # the document's first page on the site
    pdf_url: str
    edition: datetime.date

    @property
    def key(self) -> str:
        return f"{self.document.pdf_name}-{self.language}"

    @property
    def note(self) -> str:
        return NOTES[self.language].format(date=long_date(self.edition, self.language))


def citation_path(stem: str, language: str, extension: str) -> str:
    """``cite/declaration.en.bib``: where the site publishes a citation file."""
    return f"cite/{stem}.{language}{extension}"


def _bibtex_value(text: str, verbatim: bool = False) -> str:
    """A BibTeX field value in braces, the characters BibTeX treats specially escaped; a
    verbatim field (a URL, which biblatex and Zotero read as it is) only its braces."""
    escapes = {"{": "\\{", "}": "\\}"}
    if not verbatim:
        escapes |= {"\\": "\\textbackslash{}", **{c: "\\" + c for c in "&%$#_"}}
    return "{" + "".join(escapes.get(character, character) for character in text) + "}"


def bibtex(citation: Citation) -> str:
    document, language = citation.document, citation.language
    if document.authors:
        author = _bibtex_value(" and ".join(f"{family}, {given}"
                                            for family, given in document.authors))
    else:  # a body, not a person: double braces keep BibTeX from splitting it into names
        author = "{" + _bibtex_value(document.institution_author[language]) + "}"
    fields = [("author", author), ("title", _bibtex_value(document.title[language]))]
    if document.container[language]:
        fields.append(("howpublished", _bibtex_value(document.container[language])))
    fields += [("url", _bibtex_value(citation.url, verbatim=True)), ("note", _bibtex_value(citation.note)),
               ("language", _bibtex_value(LANGUAGE_NAMES[language]))]
    lines = [f"@{document.bibtex_type}{{{citation.key},"]
    lines += [f"  {name} = {value}," for name, value in fields]
    lines.append("}")
    return "\n".join(lines) + "\n"


def ris(citation: Citation) -> str:
    """RIS: one ``TAG  - value`` line per field, CRLF line ends as the format asks."""
    document, language = citation.document, citation.language
    tags = [("TY", "RPRT" if document.csl_type == "report" else "GEN")]
    tags += [("AU", f"{family}, {given}") for family, given in document.authors]
    if not document.authors:
        tags.append(("A2", document.institution_author[language]))
    tags.append(("TI", document.title[language]))
    if document.container[language]:
        tags.append(("T2", document.container[language]))
    tags += [("LA", language), ("UR", citation.url), ("L1", citation.pdf_url),
             ("N1", citation.note), ("ER", "")]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in tags)


def csl_record(citation: Citation) -> dict:
    document, language = citation.document, citation.language
    record = {
        "id": citation.key,
        "type": document.csl_type,
        "title": document.title[language],
        "language": language,
        "URL": citation.url,
        "note": citation.note,
    }
    if document.authors:
        record["author"] = [{"family": family, "given": given}
                            for family, given in document.authors]
    else:
        record["author"] = [{"literal": document.institution_author[language]}]
    if document.container[language]:
        record["container-title"] = document.container[language]
    return record


def csl_json(citation: Citation) -> str:
    return json.dumps([csl_record(citation)], ensure_ascii=False, indent=2) + "\n"


def render(citation: Citation, format_name: str) -> str:
    return {"bibtex": bibtex, "ris": ris, "csl_json": csl_json}[format_name](citation)


def head_metadata(document: Document | None, language: str, page_title: str, url: str,
                  pdf_url: str | None) -> list[tuple[str, str]]:
    """(name, content) of the ``citation_*`` and ``DC.*`` meta tags of a page.

    A page of a document is cited as the document; another page by its own title.
    No ``citation_publication_date``: the sources state no date of issue.
    """
    title = document.citation_title[language] if document else page_title
    tags = [("citation_title", title)]
    if document:
        tags += [("citation_author", f"{family}, {given}") for family, given in document.authors]
        if not document.authors:
            tags.append(("citation_author", document.institution_author[language]))
    tags += [("citation_language", language), ("citation_public_url", url)]
    if pdf_url:
        tags.append(("citation_pdf_url", pdf_url))
    tags += [("DC.title", title), ("DC.language", language), ("DC.identifier", url),
             ("DC.type", "Text")]
    if document:
        tags += [("DC.creator", f"{family}, {given}") for family, given in document.authors]
        if not document.authors:
            tags.append(("DC.creator", document.institution_author[language]))
    if pdf_url:
        tags.append(("DC.relation", pdf_url))
    return tags
