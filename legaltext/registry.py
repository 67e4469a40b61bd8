"""The citation contract: every published id, the text it holds, and its declared corrections.

``anchors.yml`` lists, page by page (English source paths; the French page has
the same ids), every id ever published, and for each citable unit the history
of its text's fingerprint in each language, oldest first::

    pages:
      declaration/article-6.md:
        art-6-2: {en: [3f2a…], fr: [9c41…]}
        fn:11: {}
    aliases:                      # retired id -> the id that now holds its text
      declaration/article-8.md: {art-8-3: art-8-2}
    moved:                        # a renamed page: old path -> new path
      old-name.md: new-name.md

``changelog.yml`` declares corrections: a change of the text under an id is
allowed only with an entry for that id and language, and ``make anchors`` then
appends the new fingerprint. A fingerprint is
``legaltext.machine_readable.fingerprint`` of the unit's printed text.

Everything here works on what the paragraph extension recorded while rendering
(ids, lines, printed texts): nothing reads built pages back. Problems are
sentences for editors: the file, the line, the id, and the fix.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from legaltext.content_safety import content_security_policy
from legaltext.documents import document_of, page_url

REGISTRY_FILE = "anchors.yml"
CHANGELOG_FILE = "changelog.yml"
LANGUAGES = ("en", "fr")
CORRECTION_KINDS = ("transcription", "translation", "typography", "editorial")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
HEADER = """\
# The citation contract: every published id, page by page (English source paths; the
# French page carries the same ids), with the fingerprint of each citable unit's text in
# each language, oldest first. Never edit or delete an entry by hand: `make anchors`
# records new ids and declared corrections (changelog.yml). See CONTRIBUTING.md.
"""
DECLARE = ("if this is a correction of the text, declare it in changelog.yml (id: {id}, "
           "page: {page}, language: {language}, date, kind, reason), then run `make anchors`")


class RegistryError(ValueError):
    """anchors.yml or changelog.yml cannot be read; the message is for editors."""


@dataclass(frozen=True, eq=False)  # hashed by identity, for the cache of holders
class Registry:
    """anchors.yml as read: never changed in place (see ``recorded``)."""

    pages: dict[str, dict[str, dict[str, tuple[str, ...]]]] = field(default_factory=dict)
    aliases: dict[str, dict[str, str]] = field(default_factory=dict)
    moved: dict[str, str] = field(default_factory=dict)
    # (page,), (page, id), ("aliases", page, id), ("moved", page) -> line in the file
    lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, *key: str) -> int:
        return self.lines.get(key) or self.lines.get(key[:1]) or 1

    def holders(self, language: str) -> dict[str, tuple[str, str]]:
        """Current fingerprint -> (page, id), for one language."""
        return _holders(self, language)


@dataclass(frozen=True)
class Correction:
    id: str
    page: str
    language: str
    date: str
    kind: str
    reason: str
    line: int


# --- reading -------------------------------------------------------------------------


def _node_line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _compose(path: Path) -> yaml.Node | None:
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RegistryError(f"{name}: the file is not UTF-8 text. Fix: restore it from the "
                            "main branch (git checkout main -- " + name + ").") from None
    try:
        return yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise RegistryError(f"{name}, line {line}: the file is not valid YAML "
                            f"({getattr(error, 'problem', None) or error}). Fix: correct the "
                            "indentation or punctuation of that line, or restore the file "
                            f"from the main branch (git checkout main -- {name}).") from None


def _mapping(node: yaml.Node | None, name: str, what: str) -> list[tuple[yaml.Node, yaml.Node]]:
    if node is None:
        return []
    if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null"):
        return []
    if not isinstance(node, yaml.MappingNode):
        raise RegistryError(f"{name}, line {_node_line(node)}: {what} must be a list of "
                            "“key: value” lines. Fix: restore the file from the main branch "
                            f"(git checkout main -- {name}) and run `make anchors`.")
    return node.value


def _scalar(node: yaml.Node, name: str, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or not node.value:
        raise RegistryError(f"{name}, line {_node_line(node)}: {what} must be a single word. "
                            f"Fix: restore the file from the main branch (git checkout main -- "
                            f"{name}) and run `make anchors`.")
    return node.value


def parse_registry(text: str, name: str = REGISTRY_FILE) -> Registry:
    """A registry from the text of anchors.yml (also its older form: a list of ids per page)."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise RegistryError(f"{name}, line {mark.line + 1 if mark else 1}: the file is not valid "
                            f"YAML ({getattr(error, 'problem', None) or error}). Fix: correct "
                            "that line, or restore the file from the main branch "
                            f"(git checkout main -- {name}).") from None
    return _registry(root, name)


def _registry(root: yaml.Node | None, name: str) -> Registry:
    pages: dict = {}
    aliases: dict = {}
    moved: dict = {}
    lines: dict = {}
    sections = {_scalar(key, name, "a section name"): value
                for key, value in _mapping(root, name, "the file")}
    unknown = set(sections) - {"pages", "aliases", "moved"}
    if unknown:
        raise RegistryError(f"{name}: unknown section “{sorted(unknown)[0]}”. Fix: the file has "
                            "only “pages”, “aliases” and “moved”.")
    for page_key, ids_node in _mapping(sections.get("pages"), name, "“pages”"):
        page = _scalar(page_key, name, "a page path")
        lines[(page,)] = _node_line(page_key)
        entries = pages.setdefault(page, {})
        if isinstance(ids_node, yaml.SequenceNode):  # the older form: ids only
            for item in ids_node.value:
                entries[_scalar(item, name, "an id")] = {}
                lines[(page, item.value)] = _node_line(item)
            continue
        for id_key, history_node in _mapping(ids_node, name, f"the ids of {page}"):
            anchor = _scalar(id_key, name, "an id")
            lines[(page, anchor)] = _node_line(id_key)
            histories = {}
            for language_key, values in _mapping(history_node, name, f"the entry of “{anchor}”"):
                language = _scalar(language_key, name, "a language")
                if language not in LANGUAGES or not isinstance(values, yaml.SequenceNode) or not all(
                        isinstance(v, yaml.ScalarNode) and _SHA256.fullmatch(v.value)
                        for v in values.value):
                    raise RegistryError(
                        f"{name}, line {_node_line(language_key)}: the entry of “{anchor}” must "
                        "give, for “en” and “fr”, a list of fingerprints (64 hexadecimal "
                        f"characters). Fix: restore the file from the main branch (git "
                        f"checkout main -- {name}) and run `make anchors`.")
                histories[language] = tuple(v.value for v in values.value)
            entries[anchor] = histories
    for page_key, pairs in _mapping(sections.get("aliases"), name, "“aliases”"):
        page = _scalar(page_key, name, "a page path")
        lines[("aliases", page)] = _node_line(page_key)
        for old, new in _mapping(pairs, name, f"the aliases of {page}"):
            aliases.setdefault(page, {})[_scalar(old, name, "an id")] = _scalar(new, name, "an id")
            lines[("aliases", page, old.value)] = _node_line(old)
    for old, new in _mapping(sections.get("moved"), name, "“moved”"):
        moved[_scalar(old, name, "a page path")] = _scalar(new, name, "a page path")
        lines[("moved", old.value)] = _node_line(old)
    return Registry(pages, aliases, moved, lines)


def load(path: Path) -> Registry:
    """anchors.yml, read once while the file is unchanged; a missing file is empty."""
    if not path.is_file():
        return Registry()
    stat = path.stat()
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _load(path: str, _mtime_ns: int, _size: int) -> Registry:
    return _registry(_compose(Path(path)), Path(path).name)


@lru_cache(maxsize=8)
def _holders(registry: Registry, language: str) -> dict[str, tuple[str, str]]:
    return {history[language][-1]: (page, anchor)
            for page, ids in registry.pages.items()
            for anchor, history in ids.items() if history.get(language)}


def load_changelog(path: Path) -> list[Correction]:
    """The declared corrections of changelog.yml (none if the file does not exist)."""
    if not path.is_file():
        return []
    stat = path.stat()
    return _load_changelog(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _load_changelog(path: str, _mtime_ns: int, _size: int) -> list[Correction]:
    name = Path(path).name
    root = _compose(Path(path))
    sections = {_scalar(k, name, "a section name"): v for k, v in _mapping(root, name, "the file")}
    entries = sections.get("corrections")
    if entries is None or (isinstance(entries, yaml.ScalarNode) and not entries.value):
        return []
    if not isinstance(entries, yaml.SequenceNode):
        raise RegistryError(f"{name}, line {_node_line(entries)}: “corrections” must be a list "
                            "of entries, each starting with “- id: …”. Fix: see the example at "
                            "the top of the file.")
    corrections = []
    for entry in entries.value:
        line = _node_line(entry)
        values = {_scalar(k, name, "a key"): v for k, v in _mapping(entry, name, "an entry")}
        missing = [key for key in ("id", "page", "language", "date", "kind", "reason")
                   if key not in values]
        if missing:
            raise RegistryError(f"{name}, line {line}: the correction has no “{missing[0]}”. "
                                "Fix: give every entry id, page, language, date, kind and reason.")
        fields = {key: _scalar(node, name, f"“{key}”") for key, node in values.items()}
        problem = None
        if fields["language"] not in LANGUAGES:
            problem = f"“language: {fields['language']}” must be en or fr"
        elif fields["kind"] not in CORRECTION_KINDS:
            problem = f"“kind: {fields['kind']}” must be one of {', '.join(CORRECTION_KINDS)}"
        elif "\n" in fields["reason"].strip() or not fields["reason"].strip():
            problem = "“reason” must be one line"
        else:
            try:
                datetime.date.fromisoformat(fields["date"])
            except ValueError:
                problem = f"“date: {fields['date']}” is not a date like 2026-11-30"
        if problem:
            raise RegistryError(f"{name}, line {line}: {problem}. Fix: correct the entry.")
        corrections.append(Correction(**{k: fields[k] for k in (
            "id", "page", "language", "date", "kind", "reason")}, line=line))
    return corrections


# --- the file itself -----------------------------------------------------------------


def file_problems(registry: Registry, pages: set[str] | None = None) -> list[str]:
    """What is wrong in anchors.yml on its own: aliases and moved pages. ``pages``, when
    given, are the pages the site has (English source paths)."""
    problems = []
    name = REGISTRY_FILE
    for page, aliases in registry.aliases.items():
        if page not in registry.pages:
            problems.append(
                f"{name}, line {registry.line('aliases', page)}: aliases are listed under "
                f"“{page}”, a page that does not exist. Fix: list them under the page that "
                "holds the ids (its path inside docs/en/).")
            continue
        for old, new in aliases.items():
            line = registry.line("aliases", page, old)
            seen = [old]
            target = new
            while target in aliases and target not in seen:
                seen.append(target)
                target = aliases[target]
            if target in seen:
                problems.append(
                    f"{name}, line {line}: the aliases {' → '.join(seen + [target])} make a "
                    "cycle, so the link lands nowhere. Fix: point each alias at the id that "
                    "holds the text now.")
            elif new in aliases:
                problems.append(
                    f"{name}, line {line}: the alias “{old}” points to “{new}”, which is itself "
                    f"retired. Fix: point it at “{target}”, the id that holds the text now.")
            elif new not in registry.pages[page]:
                problems.append(
                    f"{name}, line {line}: the alias “{old}” points to “{new}”, which is not "
                    f"an id of {page}. Fix: point it at the id that now holds the text.")
            if old not in registry.pages[page]:
                problems.append(
                    f"{name}, line {line}: the alias “{old}” is not a published id of {page}. "
                    "Fix: an alias keeps a published id working; remove this one.")
    for old, new in registry.moved.items():
        line = registry.line("moved", old)
        # While “old” is still listed under pages, the move waits for `make anchors`.
        if new not in registry.pages and old not in registry.pages:
            problems.append(f"{name}, line {line}: “{old}” is said to have moved to “{new}”, "
                            "which is not a page of the registry. Fix: give the page's new "
                            "path inside docs/en/ and run `make anchors`.")
        if pages is not None and old in pages:
            problems.append(f"{name}, line {line}: “{old}” is said to have moved, but "
                            f"docs/en/{old} still exists. Fix: remove one of them.")
    return problems


def changelog_problems(corrections: list[Correction], registry: Registry) -> list[str]:
    return [f"{CHANGELOG_FILE}, line {c.line}: the correction of “{c.id}” names the page "
            f"“{c.page}”, which does not publish that id. Fix: give the page's path inside "
            f"docs/{c.language}/ that holds the id (anchors.yml lists them)."
            for c in corrections if c.id not in registry.pages.get(c.page, {})
            and c.id not in registry.pages.get(registry.moved.get(c.page, ""), {})]


# --- one language's pages against the registry ---------------------------------------


@dataclass
class PageIds:
    """What one page published, as recorded while it was rendered."""

    path: str                       # inside docs/<language>/
    ids: dict[str, int | None]      # every id on the page -> its source line
    texts: dict[str, str]           # citable unit id -> fingerprint of its printed text


def aliases_for(registry: Registry, page: str, assembled: bool) -> dict[str, str]:
    """The aliases that apply to a page; an assembled page takes those of its whole document."""
    if not assembled:
        return registry.aliases.get(page, {})
    document = document_of(page)
    merged: dict[str, str] = {}
    for other, aliases in registry.aliases.items():
        if document_of(other) == document:
            merged.update(aliases)
    return merged


def declared(corrections: list[Correction], page: str, anchor: str,
             language: str) -> list[Correction]:
    return [c for c in corrections
            if c.id == anchor and c.page == page and c.language == language]


def check_language(registry: Registry, corrections: list[Correction], language: str,
                   pages: list[PageIds], source_ids: dict[str, list[str]] | None = None,
                   present: set[str] | None = None) -> tuple[list[str], list[str]]:
    """(problems, what `make anchors` would record) for one language's pages: both stop
    a build; only the second is what `make anchors` is for. New ids come from the source
    language; a translation must have exactly the ids of its source page (``source_ids``,
    from the source language's build, else the registered ids). ``present``: the pages
    the site has, when ``pages`` holds only those rendered again (a dirty build)."""
    problems: list[str] = []
    to_record: list[str] = []
    source_language = language == LANGUAGES[0]
    holders = registry.holders(language)
    seen = {page.path for page in pages}
    for page in pages:
        source = f"docs/{language}/{page.path}"
        english = f"docs/{LANGUAGES[0]}/{page.path}"
        known = registry.pages.get(page.path)
        if known is None:
            if source_language:
                to_record.append(f"{source}: a new page, with {len(page.ids)} ids.")
            continue  # the English build has said so, or recorded it
        aliases = registry.aliases.get(page.path, {})
        gone = [anchor for anchor in known if anchor not in page.ids and anchor not in aliases]
        expected = (source_ids or {}).get(page.path) or [
            anchor for anchor in known if anchor not in aliases]
        lacking = [anchor for anchor in expected if anchor not in page.ids]
        if lacking and not source_language:
            problems.append(
                f"{source} lacks the ids {', '.join(lacking)}, which {english} has. Fix: translate "
                "the missing heading, paragraph or footnote, with the same label (“3\\.”, “a)”) "
                "or heading id as the English page.")
        for anchor in gone if source_language else ():
            problems.append(
                f"{source}: the published id “{anchor}” has disappeared (anchors.yml, line "
                f"{registry.line(page.path, anchor)}). Fix: restore the paragraph or heading "
                "with that id. If the text was really withdrawn, add an alias in anchors.yml "
                f"under aliases → {page.path} → “{anchor}: <the id that now holds its text>”, "
                "and declare it in changelog.yml.")
        for anchor in aliases if source_language else ():
            if anchor in known and not any(declared(corrections, page.path, anchor, lang)
                                           for lang in LANGUAGES):
                problems.append(
                    f"anchors.yml, line {registry.line('aliases', page.path, anchor)}: the id "
                    f"“{anchor}” of {page.path} is retired by an alias, but no correction "
                    f"declares it. Fix: {DECLARE.format(id=anchor, page=page.path, language=language)}.")
        surplus = [anchor for anchor in page.ids if anchor not in expected and anchor not in aliases]
        if surplus and not source_language:
            problems.append(
                f"{source} has the ids {', '.join(surplus)}, which {english} does not have. Fix: "
                "give the French page the same structure as the English page (same labels, "
                "heading ids and footnotes).")
        current = {fingerprint: anchor for anchor, fingerprint in page.texts.items()}
        for anchor, line in page.ids.items():
            where = f"{source}, line {line}" if line else source
            if anchor not in known:
                if source_language and anchor not in aliases:
                    to_record.append(f"{where}: the new id “{anchor}”.")
                continue
            fingerprint = page.texts.get(anchor)
            history = known[anchor].get(language, ())
            if fingerprint is None or fingerprint in history[-1:]:
                continue
            if not history:
                to_record.append(f"{where}: the text of “{anchor}” in this language.")
                continue
            moved_to = current.get(history[-1])
            came_from = holders.get(fingerprint)
            if moved_to or (came_from and came_from[1] != anchor):
                detail = []
                if moved_to:
                    detail.append(f"its text is now under “{moved_to}”")
                if came_from and came_from[1] != anchor:
                    detail.append(f"the text it now holds was published as “{came_from[1]}”"
                                  + (f" of {came_from[0]}" if came_from[0] != page.path else ""))
                problems.append(
                    f"{where}: the published id “{anchor}” now holds other text: "
                    f"{'; '.join(detail)}. Renumbering is never a correction: a published id "
                    "always holds the same text. Fix: keep each paragraph's text under its id; "
                    "give an added or split-off paragraph a new id of its own on the line after "
                    f"it (e.g. “{{: #{anchor}-bis }}”).")
                continue
            entries = declared(corrections, page.path, anchor, language)
            if len(entries) >= len(history):
                to_record.append(f"{where}: the corrected text of “{anchor}”, declared in "
                                 f"changelog.yml, line {entries[-1].line}.")
                continue
            problems.append(
                f"{where}: the text under the published id “{anchor}” has changed. A published "
                "id always holds the same text. Fix: restore the text; or, "
                f"{DECLARE.format(id=anchor, page=page.path, language=language)}.")
    for path in registry.pages:
        if path not in (present or seen) and path not in registry.moved:
            problems.append(
                f"docs/{language}/{path}: the page has disappeared, and its ids are published "
                f"(anchors.yml, line {registry.line(path)}). Fix: restore it; if it was renamed "
                f"or moved, add “{path}: <new path>” under “moved” in anchors.yml (CONTRIBUTING.md, "
                "“Renaming or moving a page”) and run `make anchors`.")
    return problems, to_record


RECORD_HINT = "Fix: run `make anchors`, which records it in anchors.yml (a maintainer can do it for you)."


def recorded(registry: Registry, corrections: list[Correction], language: str,
             pages: list[PageIds]) -> Registry:
    """The registry with one language's new ids, new pages, moved pages and declared
    corrections recorded. Undeclared changes are left for check_language to refuse."""
    new_pages = {page: {anchor: dict(history) for anchor, history in ids.items()}
                 for page, ids in registry.pages.items()}
    for old, new in registry.moved.items():  # a renamed page keeps its ids and history
        for anchor, history in new_pages.pop(old, {}).items():
            target = new_pages.setdefault(new, {}).setdefault(anchor, {})
            for lang, values in history.items():
                target[lang] = tuple(dict.fromkeys((*values, *target.get(lang, ()))))
    for page in pages:
        if page.path not in new_pages and language != LANGUAGES[0]:
            continue
        entries = new_pages.setdefault(page.path, {})
        for anchor in page.ids:
            if anchor in registry.aliases.get(page.path, {}) or (
                    anchor not in entries and language != LANGUAGES[0]):
                continue  # new ids come from the source language only
            history = entries.setdefault(anchor, {})
            fingerprint = page.texts.get(anchor)
            if fingerprint is None:
                continue
            past = history.get(language, ())
            if not past:
                history[language] = (fingerprint,)
            elif past[-1] != fingerprint and len(
                    declared(corrections, page.path, anchor, language)) >= len(past):
                history[language] = (*past, fingerprint)
    return Registry(new_pages, registry.aliases, registry.moved)


def dump(registry: Registry) -> str:
    """The text of anchors.yml: one line per id, so that a diff shows one id per line."""
    lines = [HEADER.rstrip("\n"), "pages:"]
    for page in sorted(registry.pages):
        lines.append(f"  {page}:")
        for anchor, history in registry.pages[page].items():
            inner = ", ".join(f"{lang}: [{', '.join(history[lang])}]"
                              for lang in LANGUAGES if history.get(lang))
            lines.append(f"    {_quoted(anchor)}: {{{inner}}}")
    lines.append("aliases:" + ("" if registry.aliases else " {}"))
    for page in sorted(registry.aliases):
        lines.append(f"  {page}:")
        lines += [f"    {_quoted(old)}: {_quoted(new)}" for old, new in registry.aliases[page].items()]
    lines.append("moved:" + ("" if registry.moved else " {}"))
    lines += [f"  {old}: {new}" for old, new in sorted(registry.moved.items())]
    return "\n".join(lines) + "\n"


def _quoted(value: str) -> str:
    return yaml.safe_dump(value, default_style=None, width=1000).removesuffix("\n...\n").strip()


# --- renamed pages -------------------------------------------------------------------


def redirect_page(old: str, new: str, site_root: str) -> str:
    """The page left at a renamed page's old address: it sends the reader, and the id in the
    address, to the new one (assets/javascripts/redirect.js, under ``site_root``, the
    relative address of the site's root; without JavaScript, the refresh and the link)."""
    target = "../" * page_url(old).count("/") + page_url(new)
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>Moved</title>'
            f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy()}">'
            f'<meta name="robots" content="noindex">'
            f'<link rel="canonical" href="{target}">'
            f'<script src="{site_root}assets/javascripts/redirect.js"></script>'
            f'<meta http-equiv="refresh" content="0; url={target}"></head>'
            f'<body><p><a href="{target}">This page has moved.</a></p></body></html>\n')


# --- a pull request against its base -------------------------------------------------


def against_base(base: Registry, head: Registry, base_changelog: list[Correction],
                 head_changelog: list[Correction]) -> list[str]:
    """What a change of anchors.yml may not do: drop an id, a page, an alias, a moved page,
    a fingerprint of the history, or a declared correction."""
    problems = []
    for page, ids in base.pages.items():
        target = head.moved.get(page, page) if page not in head.pages else page
        where = f"anchors.yml, line {head.line(target) if target in head.pages else 1}"
        if target not in head.pages:
            problems.append(
                f"anchors.yml: the page “{page}” (line {base.line(page)} on the base branch) and "
                "its published ids were removed. Fix: restore its entry (git checkout "
                "<base> -- anchors.yml, then `make anchors`); a renamed page goes under “moved”.")
            continue
        for anchor, history in ids.items():
            now = head.pages[target].get(anchor)
            if now is None:
                problems.append(
                    f"{where}: the published id “{anchor}” of {page} (line "
                    f"{base.line(page, anchor)} on the base branch) was removed from the "
                    "registry. Fix: restore it; a published id is never deleted (retire it "
                    "with an alias).")
                continue
            for language, values in history.items():
                if tuple(now.get(language, ()))[:len(values)] != tuple(values):
                    problems.append(
                        f"anchors.yml, line {head.line(target, anchor)}: the fingerprint history "
                        f"of “{anchor}” ({language}) was rewritten. Fix: restore it as on the "
                        "base branch; `make anchors` only ever appends.")
    for page, aliases in base.aliases.items():
        for old, new in aliases.items():
            kept = {**head.aliases.get(page, {}), **head.aliases.get(head.moved.get(page, ""), {})}
            if old not in kept:
                problems.append(
                    f"anchors.yml: the alias “{old}: {new}” of {page} (line "
                    f"{base.line('aliases', page, old)} on the base branch) was removed, so old "
                    "links would break. Fix: restore it.")
    for old in base.moved:
        if old not in head.moved:
            problems.append(f"anchors.yml: the moved page “{old}” (line "
                            f"{base.line('moved', old)} on the base branch) was removed, so its "
                            "old address would break. Fix: restore it.")
    kept = {(c.id, c.page, c.language, c.date) for c in head_changelog}
    for correction in base_changelog:
        if (correction.id, correction.page, correction.language, correction.date) not in kept:
            problems.append(
                f"changelog.yml: the correction of “{correction.id}” ({correction.language}, "
                f"{correction.date}; line {correction.line} on the base branch) was removed. "
                "Fix: restore it; a declared correction stays on record.")
    return problems
