"""Check the French terminology of a built site against glossary.yml.

    python -m tools.terminology [SITE_DIR]

Aligns every paragraph, heading and footnote of each English page with the
element of the same id on its French page, and refuses the glossary's forbidden
variants in the French sources (pages and interface strings). Prints one
message per problem, for an editor, and exits 1 if there is any.
"""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path

from legaltext.documents import language_pages, page_url, split_front_matter
from legaltext.paragraph_ids import AMENDED_MARK
from legaltext.terminology import (GlossaryError, Term, find_source_line, forbidden_variants,
                                   load_glossary, missing_french)

# The theme's element that holds a page's own content.
CONTENT_CLASS = "md-content__inner"

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GLOSSARY = ROOT / "glossary.yml"
FRENCH_STRINGS = sorted((ROOT / "overrides" / "partials").glob("*strings*.html"))
SKIPPED = object()
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class _TextById(HTMLParser):
    """The text of every element with an id inside the page's content article."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str | None]] = []
        self.texts: dict[str, list[str]] = {}
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if self.done or tag in VOID:
            return
        if not self.open:
            if tag == "article" and CONTENT_CLASS in (attributes.get("class") or "").split():
                self.open.append((tag, None))
            return
        if AMENDED_MARK in (attributes.get("class") or "").split():
            self.open.append((tag, SKIPPED))  # the site's link to a unit's history, not its words
            return
        identifier = attributes.get("id")
        if identifier:
            self.texts.setdefault(identifier, [])
        self.open.append((tag, identifier))

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            closed, _identifier = self.open.pop()
            if closed == tag:
                break
        if not self.open and self.texts:
            self.done = True  # past the content: the rest of the page is the theme's

    def handle_data(self, data: str) -> None:
        if any(identifier is SKIPPED for _tag, identifier in self.open):
            return
        for _tag, identifier in self.open:
            if identifier:
                self.texts[identifier].append(data)


def texts_by_id(html_file: Path) -> dict[str, str]:
    parser = _TextById()
    html = html_file.read_text("utf-8")
    start = max(html.find("<article"), 0)
    end = html.find("</article>", start)
    parser.feed(html[start:end + len("</article>")] if end >= 0 else html[start:])
    return {identifier: " ".join(parts) for identifier, parts in parser.texts.items()}


def _french_term(term: Term) -> str:
    return " or ".join(f"« {form} »" for form in term.french)


def alignment_problems(site_dir: Path, terms: list[Term]) -> list[str]:
    problems = []
    for source in language_pages(DOCS / "en"):
        english_file = site_dir / page_url(source) / "index.html"
        french_file = site_dir / "fr" / page_url(source) / "index.html"
        if not (english_file.is_file() and french_file.is_file()):
            continue
        english, french = texts_by_id(english_file), texts_by_id(french_file)
        french_source = (DOCS / "fr" / source).read_text("utf-8")
        meta, _body = split_front_matter(french_source)
        if meta.get("assembled") or meta.get("parallel"):
            continue  # made of the other pages, which are checked themselves
        for identifier, text in english.items():
            if identifier not in french:
                continue  # the parity check reports missing ids
            for term in missing_french(text, french[identifier], terms):
                line = find_source_line(french_source, french[identifier])
                problems.append(
                    f"docs/fr/{source}, line {line}, {identifier}: the English uses "
                    f"“{term.english}”, and the French has no {_french_term(term)}. Fix: use "
                    f"the glossary's French term (glossary.yml, line {term.line}), or, if the "
                    "glossary is wrong, correct its entry in the same pull request.")
    return problems


def forbidden_problems(terms: list[Term]) -> list[str]:
    problems = []
    for path in [DOCS / "fr" / page for page in language_pages(DOCS / "fr")] + FRENCH_STRINGS:
        for line, variant, term in forbidden_variants(path.read_text("utf-8"), terms):
            problems.append(
                f"{path.relative_to(ROOT)}, line {line}: « {variant} » is a forbidden variant "
                f"(glossary.yml, line {term.line}, “{term.english}”). Fix: write "
                f"{_french_term(term)}.")
    return problems


def problems(site_dir: Path, glossary: Path = GLOSSARY) -> list[str]:
    try:
        terms = load_glossary(glossary)
    except GlossaryError as error:
        return [str(error)]
    return forbidden_problems(terms) + alignment_problems(site_dir, terms)


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    site_dir = Path(arguments[0]) if arguments else ROOT / "site"
    found = problems(site_dir)
    for problem in found:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
