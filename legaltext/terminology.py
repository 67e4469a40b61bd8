"""Terminology of the French edition, checked by alignment and by refusal.

``glossary.yml`` lists, for each entry, the English term, the French term it
requires (its full title where it is a title; a list where UN French declines
it or has several fixed forms) and the French variants that are forbidden.

* Alignment: wherever a paragraph of an English page uses the English term, the
  paragraph with the same id on the French page must use one of the French
  forms. Longer English terms are matched first and hide the shorter ones they
  contain ("mutual accountability" is not also "accountability").
  A footnote may cite a title in its original language, which the French keeps
  in English ("Final paper on human rights and international solidarity"): there,
  a term is missing only if the French has none of its forms and does not keep the
  English words as often as the English uses them. In the text itself, English
  words kept in the French never stand for the French term.
* Refusal: a forbidden variant is refused anywhere in the French sources, with
  the file and line where it is written.

Both are checked by the build (hooks/terminology.py), from the printed texts that
rendering records (``alignment_problems``) and from the French sources
(``forbidden_problems``).

Matching ignores case, the shape of apostrophes, the kind of spaces, and the
difference between a hyphen and a space; each word may take a plural s or x.
Forbidden variants are matched as written (case included), since many of them
differ from the right form only by a capital letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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


_HYPHEN_BETWEEN_WORDS = re.compile(r"(?<=\w)-(?=\w)")


def normalised(text: str) -> str:
    """Lower case, one kind of apostrophe and space, hyphens read as spaces."""
    text = _plain(text)
    if "-" in text:
        text = _HYPHEN_BETWEEN_WORDS.sub(" ", text)
    return " ".join(text.split()).lower()


def _has(text: str, term: str) -> bool:
    """Whether a normalised text uses a term: a pattern that begins with a look-behind is
    tried at every position, so a plain substring test of the first word comes first."""
    return _first_word(term) in text and _pattern(term).search(text) is not None


@lru_cache(maxsize=None)
def _first_word(term: str) -> str:
    return normalised(term).split(" ")[0]


@lru_cache(maxsize=None)
def _pattern(term: str) -> re.Pattern:
    words = normalised(term).split(" ")
    return re.compile(r"(?<!\w)" + " ".join(re.escape(word) + "[sx]?" for word in words) + r"(?!\w)")


# An entry as the alignment searches for it: the first and last words of its English
# term, which a text must contain to use it (its pattern is compiled when one does).
_Prepared = tuple[Term, str, str]


@lru_cache(maxsize=None)
def _longest_first(terms: tuple[Term, ...]) -> tuple[_Prepared, ...]:
    """The entries, longest English term first, prepared once per glossary."""
    prepared = []
    for term in sorted(terms, key=lambda t: len(t.english), reverse=True):
        words = normalised(term.english).split(" ")
        prepared.append((term, words[0], words[-1]))
    return tuple(prepared)


def load_glossary(path: Path) -> list[Term]:
    """The glossary's entries, or a GlossaryError naming the file and the line; a missing
    file has none, as a missing anchors.yml or changelog.yml does (a project without one)."""
    if not path.exists():
        return []
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GlossaryError(f"{path.name}: cannot be read ({error}). Fix: restore it, as "
                            f"UTF-8 text ({GLOSSARY_FIX})") from None
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
    return list(_english_uses(normalised(text), _longest_first(tuple(terms))))


def _english_uses(text: str, entries: tuple[_Prepared, ...]) -> dict[Term, int]:
    """How many times a normalised text uses each entry's English term, longest terms first:
    a longer term hides the shorter ones it contains."""
    uses = {}
    for term, first, last in entries:
        if first not in text or last not in text:
            continue  # plain substring tests spare most regular-expression searches
        text, count = _pattern(term.english).subn("\x00", text)
        if count:
            uses[term] = count
    return uses


def missing_french(english: str, french: str, terms: list[Term],
                   cites_titles: bool = False) -> list[Term]:
    """The entries used in the English text whose French term the French text lacks;
    ``cites_titles`` (a footnote): nor keeps their English words, as in a title cited in
    English."""
    return _missing(english, french, _longest_first(tuple(terms)), cites_titles)


def _missing(english: str, french: str, entries: tuple[_Prepared, ...],
             cites_titles: bool) -> list[Term]:
    uses = _english_uses(normalised(english), entries)
    if not uses:
        return []
    french = normalised(french)
    missing = [term for term in uses if not any(_has(french, form) for form in term.french)]
    if not missing or not cites_titles:
        return missing
    kept = _english_uses(french, tuple(entry for entry in entries if entry[0] in missing))
    return [term for term in missing if kept.get(term, 0) < uses[term]]


def printed_texts(headings: Iterable[tuple[str, str]], units: list[dict],
                  paragraphs: dict[str, str]) -> dict[str, str]:
    """Id -> printed text of a page's headings (id, title), its citable units and the
    footnotes they cite (``fn:N``), as rendering recorded them (unit records of
    legaltext.machine_readable), and of its other paragraphs with an id."""
    texts = {**dict(headings), **paragraphs}
    for unit in units:
        texts[unit["id"]] = unit["text"]
        for note in unit["footnotes"]:
            texts[f"fn:{note['number']}"] = note["text"]
    return texts


def french_forms(term: Term) -> str:
    return " or ".join(f"« {form} »" for form in term.french)


def alignment_problems(page: str, english: dict[str, str], french: dict[str, str],
                       french_source: str, terms: list[Term]) -> list[str]:
    """One message per glossary term that an English text of ``page`` uses and the French
    text with the same id lacks. ``english`` and ``french``: id -> printed text of the
    page's headings, units and footnotes in each language; ``french_source``: the French
    page's Markdown, where each message finds its line."""
    entries = _longest_first(tuple(terms))
    problems = []
    for identifier, text in english.items():
        if identifier not in french:
            continue  # the parity check reports missing ids
        for term in _missing(text, french[identifier], entries,
                             cites_titles=identifier.startswith("fn:")):
            line = find_source_line(french_source, french[identifier])
            problems.append(
                f"docs/fr/{page}, line {line}, {identifier}: the English uses "
                f"“{term.english}”, and the French has no {french_forms(term)}. Fix: use "
                f"the glossary's French term (glossary.yml, line {term.line}), or, if the "
                "glossary is wrong, correct its entry in the same pull request.")
    return problems


def forbidden_problems(sources: dict[str, str], terms: list[Term]) -> list[str]:
    """One message per forbidden variant in the French ``sources`` (file name -> text)."""
    return [f"{name}, line {line}: « {variant} » is a forbidden variant (glossary.yml, line "
            f"{term.line}, “{term.english}”). Fix: write {french_forms(term)}."
            for name, text in sources.items()
            for line, variant, term in forbidden_variants(text, terms)]


def forbidden_variants(markdown: str, terms: list[Term]) -> list[tuple[int, str, Term]]:
    """(line, variant, entry) for each forbidden variant written in a French source."""
    plain = _plain(markdown)
    # Searched line by line only where the whole text has it (most sources have none).
    patterns = [(_variant_pattern(variant), variant, term) for term in terms
                for variant in term.forbidden
                if _plain(variant) in plain and _variant_pattern(variant).search(plain)]
    if not patterns:
        return []
    return [(number, variant, term) for number, line in enumerate(plain.splitlines(), start=1)
            for pattern, variant, term in patterns if pattern.search(line)]


def _plain(text: str) -> str:
    """One kind of apostrophe and space, as forbidden variants are matched."""
    return text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")


@lru_cache(maxsize=None)
def _variant_pattern(variant: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(_plain(variant)) + r"(?!\w)")


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
