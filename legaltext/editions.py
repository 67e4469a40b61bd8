"""Editions: dated, frozen releases of the whole published text, and what changed between them.

An edition is a JSON file, ``editions/<date>.json``, made once by ``make edition``
and never edited afterwards. It holds, for each language, every page of the
published documents with every citable unit on it (id, kind, label, citation,
text, HTML, footnotes, fingerprint), the commit its sources come from, a
summary in each language, and the changes since the edition before it: each
changed, added or removed id, per language, with the editor's one-line reason
from ``changelog.yml``.

This module knows nothing of the site engine: it compares editions, reads the
declared corrections, writes dates out and makes word-level diffs. The site's
addresses and pages are made by ``hooks/editions.py``; the files by
``tools/edition.py``.
"""

from __future__ import annotations

import datetime
import difflib
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from lxml import html as lxml_html

from legaltext.machine_readable import fingerprint, fragment, has_class
from legaltext.paragraph_ids import AMENDED_MARK

LANGUAGES = ("en", "fr")
# A unit's fields in an edition: the record of legaltext.machine_readable, cut to what
# a reader of a past edition needs, and the fingerprint of its text.
UNIT_FIELDS = ("id", "kind", "label", "citation", "text", "html", "footnotes")
_FILE_NAME = re.compile(r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})\.json")
_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
}
# A word (letters and digits) or any other single visible character: punctuation and the
# marks of French typography (« » ’ …) are tokens of their own. White space between
# tokens, of any kind, is kept for display but never compared, as the fingerprint does.
_TOKEN = re.compile(r"(\s*)(\w+|[^\w\s])")

# The interface strings of the editions' pages and lists, by page language.
INTERFACE = {
    "en": {
        "past_edition": "Past edition",
        "past_text": "This is the text as published in the {edition}.",
        "not_current": "It is not the current text.",
        "read_current": "Read the current text of this page",
        "all_editions": "All editions",
        "contents": "Contents of this edition",
        "current_of": "Current text of {citation}",
        "no_longer": "No longer in the current text.",
        "read_edition": "Read this edition",
        "commit": "Source commit",
        "changed_ids": "Paragraphs changed",
        "first_edition": "The first edition: nothing changed before it.",
        "english": "in English",
        "french": "in French",
        "none": "none",
        "change": "Change",
        "paragraph": "Paragraph",
        "language": "Language",
        "reason": "Reason",
        "added": "added",
        "removed": "removed",
        "changed": "changed",
        "history": "History of the changes",
        "history_intro": (
            "Each paragraph below has changed since it was first published. Every version "
            "is given with the edition that first published it; from the second on, the "
            "words deleted are struck through and marked “deleted”, and the words inserted "
            "are underlined and marked “inserted”."
        ),
        "edition_of": "Edition of",
        "first_version": "First published in this edition.",
        "text_in_edition": "Text in this edition",
        "colon": ":",
    },
    "fr": {
        "past_edition": "Édition antérieure",
        "past_text": "Ce texte est celui publié dans l’{edition}.",
        "not_current": "Ce n’est pas le texte en vigueur sur ce site.",
        "read_current": "Lire le texte actuel de cette page",
        "all_editions": "Toutes les éditions",
        "contents": "Sommaire de cette édition",
        "current_of": "Texte actuel ({citation})",
        "no_longer": "Ne figure plus dans le texte actuel.",
        "read_edition": "Lire cette édition",
        "commit": "Commit source",
        "changed_ids": "Paragraphes modifiés",
        "first_edition": "Première édition\u00a0: rien n’a été modifié avant elle.",
        "english": "en anglais",
        "french": "en français",
        "none": "aucun",
        "change": "Modification",
        "paragraph": "Paragraphe",
        "language": "Langue",
        "reason": "Motif",
        "added": "ajouté",
        "removed": "supprimé",
        "changed": "modifié",
        "history": "Historique des modifications",
        "history_intro": (
            "Chaque paragraphe ci-dessous a été modifié depuis sa première publication. "
            "Chaque version est donnée avec l’édition qui l’a publiée la première\u202f; à "
            "partir de la deuxième, les mots supprimés sont barrés et signalés "
            "«\u202fsupprimé\u202f», les mots insérés sont soulignés et signalés "
            "«\u202finséré\u202f»."
        ),
        "edition_of": "Édition du",
        "first_version": "Publié pour la première fois dans cette édition.",
        "text_in_edition": "Texte de cette édition",
        "colon": "\u00a0:",
    },
}


class EditionError(ValueError):
    """An edition that cannot be made or read as it is; the message says how to fix it."""


@dataclass(frozen=True)
class Version:
    """A unit's text as one or more editions give it."""

    date: str  # the edition that first has this text
    text: str
    fingerprint: str
    reason: str | None  # the editor's reason for the change (None for the first version)
    diff: str | None  # HTML: the words deleted and inserted since the version before


def long_date(date: str | datetime.date, language: str) -> str:
    """``2026-11-22`` -> “22 November 2026” / « 22 novembre 2026 » (« 1er décembre »)."""
    day = date if isinstance(date, datetime.date) else datetime.date.fromisoformat(date)
    if language == "fr":
        return f"{'1er' if day.day == 1 else day.day} {_MONTHS['fr'][day.month - 1]} {day.year}"
    return f"{day.day} {_MONTHS['en'][day.month - 1]} {day.year}"


def edition_citation(date: str, language: str) -> str:
    """How a citation names an edition: “edition of 22 November 2026”."""
    return {"en": "edition of {}", "fr": "édition du {}"}[language].format(
        long_date(date, language))


# Reading editions ----------------------------------------------------------------------

def load_editions(folder: Path) -> list[dict]:
    """Every edition in ``folder``, oldest first. Raises EditionError for a file that is
    not an edition named after its date."""
    editions = []
    if not folder.is_dir():
        return editions
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name == "README.md":
            continue
        name = _FILE_NAME.fullmatch(path.name)
        try:
            edition = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise EditionError(f"editions/{path.name}: not a JSON edition file ({error}). Fix: "
                               "restore it from git; editions are made by “make edition” "
                               "and never edited.") from None
        if not name or not isinstance(edition, dict) or edition.get("date") != name["date"]:
            raise EditionError(f"editions/{path.name}: an edition file is named after its "
                               "date (“2026-11-22.json”, the date its “date” field gives). "
                               "Fix: remove the file, or restore it from git.")
        editions.append(edition)
    return editions


def latest_date(folder: Path) -> str | None:
    """The date of the latest edition in ``folder``, from the file names alone."""
    dates = [name["date"] for path in folder.glob("*.json")
             if (name := _FILE_NAME.fullmatch(path.name))] if folder.is_dir() else []
    return max(dates, default=None)


def units(edition: dict, language: str) -> dict[str, tuple[dict, dict]]:
    """Unit id -> (unit, page) for one language of an edition, in reading order."""
    return {unit["id"]: (unit, page) for page in edition["languages"][language]
            for unit in page["units"]}


def latest(editions: list[dict]) -> dict | None:
    return editions[-1] if editions else None


# Making an edition ---------------------------------------------------------------------

def edition_unit(record: dict) -> dict:
    """The edition's record of a unit, from its machine-readable record."""
    unit = {key: record[key] for key in UNIT_FIELDS}
    unit["html"] = without_site_links(record["html"])
    unit["fingerprint"] = fingerprint(record["text"])
    return unit


def without_site_links(unit_html: str) -> str:
    """A unit's HTML without the amended mark: a link to the current site's history of the
    unit, not part of the text."""
    if AMENDED_MARK not in unit_html:
        return unit_html
    element = fragment(unit_html)
    for mark in [child for child in element.iterdescendants() if has_class(child, AMENDED_MARK)]:
        mark.drop_tree()
    return lxml_html.tostring(element, encoding="unicode")


def changes_between(previous: dict | None, languages: dict[str, list[dict]]) -> list[dict]:
    """Each id whose text changed, appeared or disappeared since ``previous``, per language:
    ``{"id", "language", "page", "change"}``. Against no edition, nothing has changed."""
    if previous is None:
        return []
    found = []
    for language in LANGUAGES:
        before = units(previous, language)
        after = units({"languages": languages}, language)
        for unit_id, (unit, page) in after.items():
            if unit_id not in before:
                found.append({"id": unit_id, "language": language, "page": page["path"],
                              "change": "added"})
            elif before[unit_id][0]["fingerprint"] != unit["fingerprint"]:
                found.append({"id": unit_id, "language": language, "page": page["path"],
                              "change": "changed"})
        for unit_id, (_unit, page) in before.items():
            if unit_id not in after:
                found.append({"id": unit_id, "language": language, "page": page["path"],
                              "change": "removed"})
    return found


def read_corrections(path: Path) -> list[dict]:
    """The declared corrections of ``changelog.yml`` (none if there is no such file)."""
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise EditionError(f"{path.name}: not valid YAML ({error}). Fix: correct the file's "
                           "layout (see the example at its top).") from None
    corrections = data.get("corrections") if isinstance(data, dict) else None
    if not isinstance(corrections, list):
        raise EditionError(f"{path.name}: it has no “corrections:” list. Fix: put each "
                           "correction under “corrections:”, as “- id: …” entries.")
    return corrections


def with_reasons(changes: list[dict], corrections: list[dict], since: str,
                 until: str) -> list[dict]:
    """Each change with the kind and one-line reason of its declared correction: the
    latest entry for its id and language dated after ``since`` and not after ``until``.
    Raises EditionError naming every change that has no such entry."""
    declared: dict[tuple[str, str], dict] = {}
    for entry in corrections:
        if not isinstance(entry, dict):
            continue
        date = str(entry.get("date", ""))
        if since < date <= until and str(entry.get("reason", "")).strip():
            key = (str(entry.get("id")), str(entry.get("language")))
            if key not in declared or str(declared[key]["date"]) <= date:
                declared[key] = entry
    missing = [change for change in changes if (change["id"], change["language"]) not in declared]
    if missing:
        listed = "; ".join(f"{change['id']} ({change['language']}, docs/{change['language']}/"
                           f"{change['page']}, {change['change']})" for change in missing)
        raise EditionError(
            f"changelog.yml has no reason for these changes since the edition of {since}: "
            f"{listed}. Fix: add an entry for each (id, page, language, date after {since}, "
            "kind, reason) to changelog.yml, or undo the change.")
    return [{**change, "kind": declared[key].get("kind"),
             "reason": " ".join(str(declared[key]["reason"]).split())}
            for change in changes for key in [(change["id"], change["language"])]]


def make_edition(date: str, commit: str, summary: dict[str, str],
                 languages: dict[str, list[dict]], previous: dict | None,
                 corrections: list[dict]) -> dict:
    """A new edition of the text in ``languages`` (language -> pages, each with its
    edition units). Raises EditionError when it cannot be made as asked."""
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        raise EditionError(f"“{date}” is not a date. Fix: give it as YYYY-MM-DD, e.g. "
                           "DATE=2026-11-30.") from None
    if previous is not None and date <= previous["date"]:
        raise EditionError(f"the edition of {date} would not come after the latest edition, "
                           f"of {previous['date']}. Fix: give a later date.")
    for language in LANGUAGES:
        if not str(summary.get(language, "")).strip():
            raise EditionError(f"the edition has no summary in “{language}”. Fix: give one line "
                               "per language (SUMMARY=… SUMMARY_FR=…).")
    changes = changes_between(previous, languages)
    if previous is not None and not changes:
        raise EditionError(f"the text has not changed since the edition of {previous['date']}, "
                           "so there is nothing to release. Fix: make an edition only after "
                           "a change of the published text.")
    if previous is not None:
        changes = with_reasons(changes, corrections, previous["date"], date)
    return {
        "date": date,
        "commit": commit,
        "summary": {language: " ".join(summary[language].split()) for language in LANGUAGES},
        "changes": changes,
        "languages": languages,
    }


def dump(edition: dict) -> str:
    """The text of an edition file (stable, readable, diffable)."""
    return json.dumps(edition, ensure_ascii=False, indent=1) + "\n"


# Histories and diffs -------------------------------------------------------------------

def _tokens(text: str) -> list[tuple[str, str]]:
    return [(match.group(1), match.group(2)) for match in _TOKEN.finditer(text)]


def _joined(tokens: list[tuple[str, str]]) -> str:
    return "".join(html.escape(space) + html.escape(token) for space, token in tokens)


def _marked(tag: str, tokens: list[tuple[str, str]]) -> str:
    """Tokens in <del> or <ins>, the space before them left outside."""
    space = html.escape(tokens[0][0])
    inner = html.escape(tokens[0][1]) + _joined(tokens[1:])
    return f"{space}<{tag}>{inner}</{tag}>"


def word_diff(old: str, new: str) -> str:
    """HTML of ``new`` with the words and marks deleted from ``old`` in <del> and those
    inserted in <ins>. Punctuation and typographic marks are tokens; white space is not."""
    before, after = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(None, [token for _space, token in before],
                                      [token for _space, token in after], autojunk=False)
    parts = []
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            parts.append(_joined(after[new_start:new_end]))
            continue
        if operation in ("delete", "replace"):
            parts.append(_marked("del", before[old_start:old_end]))
        if operation in ("insert", "replace"):
            parts.append(_marked("ins", after[new_start:new_end]))
    return "".join(parts).strip()


def histories(editions: list[dict], language: str) -> dict[str, list[Version]]:
    """Unit id -> the versions of its text through the editions, oldest first: the
    first edition that has it, then each edition that changed it."""
    found: dict[str, list[Version]] = {}
    for edition in editions:
        reasons = {change["id"]: change.get("reason") for change in edition.get("changes", [])
                   if change["language"] == language}
        for unit_id, (unit, _page) in units(edition, language).items():
            versions = found.setdefault(unit_id, [])
            if versions and versions[-1].fingerprint == unit["fingerprint"]:
                continue
            versions.append(Version(
                date=edition["date"], text=unit["text"], fingerprint=unit["fingerprint"],
                reason=reasons.get(unit_id) if versions else None,
                diff=word_diff(versions[-1].text, unit["text"]) if versions else None))
    return found


def amended(found: dict[str, list[Version]]) -> dict[str, list[Version]]:
    """Of the histories ``histories`` found, those of the units whose text changed since the
    edition that first had them."""
    return {unit_id: versions for unit_id, versions in found.items() if len(versions) > 1}


def fingerprints(found: dict[str, list[Version]]) -> dict[str, list[dict]]:
    """Unit id -> the editions that published a new text of it (the first, then each
    correction), with the fingerprint of that text: the history the data files give, from
    the histories ``histories`` found. The text of a unit in any edition is that of the
    last entry not after it."""
    return {unit_id: [{"edition": version.date, "text_sha256": version.fingerprint}
                      for version in versions]
            for unit_id, versions in found.items()}


# Frozen files --------------------------------------------------------------------------

def altered_editions(base: dict[str, bytes], current: dict[str, bytes]) -> list[str]:
    """What changed in edition files that already existed in ``base`` (file name ->
    content), as messages; an added edition is not a change."""
    problems = []
    for name, content in sorted(base.items()):
        if name not in current:
            problems.append(f"editions/{name} was deleted. A published edition stays readable "
                            "for good. Fix: restore it (git checkout <base> -- "
                            f"editions/{name}).")
        elif current[name] != content:
            problems.append(f"editions/{name} was changed. A frozen edition is never edited: "
                            "a correction goes into the next edition. Fix: restore it (git "
                            f"checkout <base> -- editions/{name}), correct the source text, "
                            "declare the correction in changelog.yml and run “make edition”.")
    return problems
