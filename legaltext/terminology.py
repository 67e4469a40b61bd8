"""Terminology of the French edition, checked by alignment and by refusal.

``glossary.yml`` lists, for each entry, the English term, the French term it
requires (its full title where it is a title; a list where UN French declines
it or has several fixed forms) and the French variants that are forbidden.

* Alignment: wherever a paragraph of an English page uses the English term, the
  paragraph with the same id on the French page must use one of the French
  forms. Longer English terms are matched first and hide the shorter ones they
  contain ("mutual accountability" is not also "accountability").
* Refusal: a forbidden variant is refused anywhere in the French sources, with
  the file and line where it is written.

Matching ignores case, the shape of apostrophes, the kind of spaces, and the
difference between a hyphen and a space; each word may take a plural s or x.
Forbidden variants are matched as written (case included), since many of them
differ from the right form only by a capital letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

GLOSSARY_FIX = ("give each entry “en” (the English term), “fr” (the French term, or a list "
                "of its accepted forms) and, if needed, “forbidden” (a list of French variants).")


@dataclass(frozen=True)
class Term:
    english: str
    french: tuple[str, ...]
    forbidden: tuple[str, ...]
    line: int


class GlossaryError(ValueError):
    """glossary.yml cannot be read; the message says where and how to fix it."""


def normalised(text: str) -> str:
    """Lower case, one kind of apostrophe and space, hyphens read as spaces."""
    text = text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
    text = re.sub(r"(?<=\w)-(?=\w)", " ", text)
    return re.sub(r"\s+", " ", text).strip().lower()


@lru_cache(maxsize=None)
def _first_word(term: str) -> str:
    return normalised(term).split(" ")[0]


@lru_cache(maxsize=None)
def _pattern(term: str) -> re.Pattern:
    words = normalised(term).split(" ")
    return re.compile(r"(?<!\w)" + " ".join(re.escape(word) + "[sx]?" for word in words) + r"(?!\w)")


def load_glossary(path: Path) -> list[Term]:
    """The glossary's entries, or a GlossaryError naming the file and the line."""
    text = path.read_text("utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        nodes = yaml.compose(text, Loader=loader)
        values = yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        raise GlossaryError(f"{path.name}: not valid YAML ({error}). Fix: {GLOSSARY_FIX}") from None
    if nodes is None or not isinstance(nodes, yaml.SequenceNode):
        raise GlossaryError(f"{path.name}, line 1: the glossary must be a list of entries. "
                            f"Fix: {GLOSSARY_FIX}")
    terms = []
    for node, entry in zip(nodes.value, values):
        line = node.start_mark.line + 1
        french = entry.get("fr") if isinstance(entry, dict) else None
        forbidden = entry.get("forbidden", []) if isinstance(entry, dict) else None
        french = [french] if isinstance(french, str) else french
        if (not isinstance(entry, dict) or not isinstance(entry.get("en"), str)
                or not french or not all(isinstance(form, str) for form in french)
                or not isinstance(forbidden, list)
                or not all(isinstance(form, str) for form in forbidden)
                or set(entry) - {"en", "fr", "forbidden"}):
            raise GlossaryError(f"{path.name}, line {line}: this entry is not of the form "
                                f"en / fr / forbidden. Fix: {GLOSSARY_FIX}")
        terms.append(Term(entry["en"], tuple(french), tuple(forbidden), line))
    return terms


def english_terms(text: str, terms: list[Term]) -> list[Term]:
    """The entries whose English term the text uses, longest terms first, each once."""
    remaining = normalised(text)
    found = []
    for term in sorted(terms, key=lambda t: len(t.english), reverse=True):
        if _first_word(term.english) not in remaining:
            continue  # a plain substring test spares most regular-expression searches
        pattern = _pattern(term.english)
        if pattern.search(remaining):
            found.append(term)
            remaining = pattern.sub("\x00", remaining)
    return found


def missing_french(english: str, french: str, terms: list[Term]) -> list[Term]:
    """The entries used in the English text whose French term the French text lacks."""
    french = normalised(french)
    return [term for term in english_terms(english, terms)
            if not any(_pattern(form).search(french) for form in term.french)]


def forbidden_variants(markdown: str, terms: list[Term]) -> list[tuple[int, str, Term]]:
    """(line, variant, entry) for each forbidden variant written in a French source."""
    patterns = [(_variant_pattern(variant), variant, term)
                for term in terms for variant in term.forbidden]
    found = []
    for number, line in enumerate(markdown.splitlines(), start=1):
        plain = line.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
        found += [(number, variant, term) for pattern, variant, term in patterns
                  if pattern.search(plain)]
    return found


@lru_cache(maxsize=None)
def _variant_pattern(variant: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(variant.replace("\u2019", "'")) + r"(?!\w)")


def find_source_line(markdown: str, text: str) -> int:
    """The line of a French source where a paragraph's text starts (1 if not found)."""
    words = normalised(text).split(" ")
    while words and re.fullmatch(r"\d+\.?|\(?[a-z]{1,2}\)", words[0]):
        words.pop(0)  # the printed label or the paragraph number, not in the source line as such
    wanted = " ".join(words[:5])
    lines = markdown.splitlines()
    # Skip the front matter: a description may repeat a paragraph's opening words.
    first = next((i + 1 for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), 0) \
        if lines and lines[0].strip() == "---" else 0
    for number, line in enumerate(lines[first:], start=first + 1):
        if wanted and wanted in normalised(re.sub(r"[*_\\]", "", line)):
            return number
    return 1
