"""The anchor registry: every published id, page by page, and the aliases of retired ids.

A published paragraph URL is a public contract. ``anchors.yml`` lists the ids
of every page as published; the build fails when one of them disappears
without an alias. ``make anchors`` builds the site and records new ids.
"""

from __future__ import annotations

import argparse
import copy
import os
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import yaml

from legaltext.documents import document_of, language_pages, split_front_matter
from legaltext.built_site import built_ids

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "anchors.yml"
# Front-matter keys of pages made from other pages.
VIEWS = {"assembled", "parallel"}
HEADER = """\
# Every published id, page by page (English source paths; French pages carry the same ids).
# Never delete an id: if a paragraph's id must change, add an alias under `aliases`
# (old id: new id) so that old links still land on the paragraph.
# `make anchors` adds the ids of new paragraphs.
"""


def load(path: Path = REGISTRY) -> dict:
    """The registry as {"pages": {page: [ids]}, "aliases": {page: {old: new}}}.

    Read once while the file is unchanged (every page asks for its aliases);
    callers get their own copy.
    """
    if not path.is_file():
        return {"pages": {}, "aliases": {}}
    stat = path.stat()
    return copy.deepcopy(_load(str(path), stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=8)
def _load(path: str, _mtime_ns: int, _size: int) -> dict:
    # The C loader when PyYAML has it.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader) or {}
    return {"pages": data.get("pages") or {}, "aliases": data.get("aliases") or {}}


def missing_ids(registry: dict, published: dict[str, list[str]]) -> list[str]:
    """Problems: registered ids that a page no longer has and that no alias covers."""
    problems = []
    for page, ids in registry["pages"].items():
        aliases = registry["aliases"].get(page) or {}
        present = set(published.get(page, []))
        for anchor in ids:
            if anchor not in present and anchor not in aliases:
                problems.append(
                    f"docs/en/{page}: the published id “{anchor}” has disappeared. Fix: restore "
                    f"it, or add an alias in anchors.yml under aliases → {page} → "
                    f"“{anchor}: <the id that now holds this text>”, so that old links still land."
                )
    return problems


def record(published: dict[str, list[str]], path: Path = REGISTRY) -> int:
    """Add the ids not yet registered; return how many were added."""
    registry = load(path)
    added = 0
    for page, ids in sorted(published.items()):
        known = registry["pages"].setdefault(page, [])
        new = [anchor for anchor in ids if anchor not in known]
        known.extend(new)
        added += len(new)
    path.write_text(HEADER + yaml.safe_dump(
        {"pages": registry["pages"], "aliases": registry["aliases"]},
        allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    return added


def english_sources(docs: Path = ROOT / "docs") -> list[str]:
    """The English pages whose ids the registry lists. The full text and the parallel
    view only repeat the ids of the pages they are made of, which are registered there."""
    folder = docs / "en"
    return [page for page in language_pages(folder)
            if not VIEWS & set(split_front_matter((folder / page).read_text("utf-8"))[0])]


def aliases_for(registry: dict, page: str, assembled: bool) -> dict[str, str]:
    """The aliases that apply to a page; an assembled page takes those of its whole document."""
    if not assembled:
        return dict(registry["aliases"].get(page) or {})
    document = document_of(page)
    merged: dict[str, str] = {}
    for other, aliases in registry["aliases"].items():
        if document_of(other) == document:
            merged.update(aliases or {})
    return merged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true", help="add new ids to anchors.yml")
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as site_dir:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", site_dir],
            cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        if result.returncode:
            return result.returncode
        published = built_ids(Path(site_dir), "", english_sources())
    if arguments.record:
        print(f"anchors.yml: {record(published)} new ids recorded.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
