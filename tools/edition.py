"""`make edition` and the frozen-edition check: the files of editions/.

    python -m tools.edition make --date 2026-11-30 --summary "…" --summary-fr "…"
    python -m tools.edition reconstruct --commit 9553aa8 --date 2026-11-22 --summary "…" \
        --summary-fr "…"
    python -m tools.edition check [--base REF]

``make`` builds the current sources strictly, reads every citable unit from the
data files the build publishes (data/<document>.<language>.json) and writes
``editions/<date>.json``: the units of both documents in both languages, the
commit the sources come from, the summary, and each id changed since the
latest edition with its one-line reason from ``changelog.yml``. It refuses a
change that has no declared reason, and sources with uncommitted changes.

``reconstruct`` does the same for a past commit, built from the repository's
history with that commit's own code: that is how the first edition was made.

``check`` fails when an edition file that exists on the base branch is changed
or deleted (CI runs it through ``make check``).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import yaml

from legaltext.documents import nav_paths
from legaltext.editions import (EditionError, altered_editions, dump, edition_unit, latest,
                                load_editions, make_edition, read_corrections)
from legaltext.documents import page_url
from legaltext.data_files import DOCUMENTS, LANGUAGE_PREFIX, document_data_path, page_data_path
from tools.project import CODE, CONTENT

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = "editions"
CHANGELOG = "changelog.yml"
# Where the frozen editions are compared from, in this order, when --base is not given.
BASE_CANDIDATES = ("origin/main", "main")


class NoBase(EditionError):
    """No commit to compare the editions with."""


def _git(root: Path, *args: str, text: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=text)


def build(root: Path, site_dir: Path) -> None:
    """A strict build of the sources in ``root``, with the code in ``root`` (which
    ``python -m`` puts first on the import path)."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
         "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(site_dir)],
        cwd=root, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode:
        raise EditionError("the site does not build, so no edition can be made of it. Fix: "
                           "run “make check” and correct what it names.\n"
                           + result.stderr[-3000:])


def read_site(root: Path, site_dir: Path) -> dict[str, list[dict]]:
    """Language -> the published pages of the documents, each with its units, from the
    data files of a built site."""
    config = yaml.load((root / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    site_url = config["site_url"].rstrip("/") + "/"
    nav = list(nav_paths(config["nav"]))
    by_url = {page_url(path): path for path in nav}
    languages = {}
    for language, prefix in LANGUAGE_PREFIX.items():
        pages: dict[str, dict] = {}
        for document, stem in DOCUMENTS.items():
            data = json.loads((site_dir / document_data_path(stem, language)).read_text("utf-8"))
            for record in data["units"]:
                address = record["urls"][language].split("#")[0]
                path = by_url[address.removeprefix(site_url + prefix)]
                if path not in pages:
                    title = json.loads((site_dir / page_data_path(path, language))
                                       .read_text("utf-8"))["title"]
                    pages[path] = {"path": path, "document": stem,
                                   "title": title, "units": []}
                pages[path]["units"].append(edition_unit(record))
        # In navigation order, the order a reader meets them.
        languages[language] = sorted(pages.values(), key=lambda page: nav.index(page["path"]))
    return languages


def built_languages(root: Path) -> dict[str, list[dict]]:
    with tempfile.TemporaryDirectory(prefix="edition-") as site_dir:
        build(root, Path(site_dir))
        return read_site(root, Path(site_dir))


def head_commit(root: Path) -> str:
    """The commit the sources in ``root`` are, refusing uncommitted changes to them."""
    head = _git(root, "rev-parse", "HEAD")
    if head.returncode:
        raise EditionError("the sources are not in a git repository, so the edition cannot "
                           "say which commit it comes from. Fix: make editions in a clone.")
    dirty = _git(root, "status", "--porcelain", "--", *CONTENT, *CODE, CHANGELOG)
    if dirty.stdout.strip():
        raise EditionError("the sources have uncommitted changes, so the edition would not "
                           "be the text of any commit:\n" + dirty.stdout.rstrip()
                           + "\nFix: commit (or undo) them, then run “make edition” again.")
    return head.stdout.strip()


def write(root: Path, edition: dict) -> Path:
    path = root / EDITIONS / f"{edition['date']}.json"
    if path.exists():
        raise EditionError(f"{EDITIONS}/{path.name} already exists, and an edition is never "
                           "remade. Fix: give another date.")
    path.parent.mkdir(exist_ok=True)
    path.write_text(dump(edition), encoding="utf-8")
    return path


def make(root: Path, date: str, summary: dict[str, str]) -> Path:
    commit = head_commit(root)
    previous = latest(load_editions(root / EDITIONS))
    corrections = read_corrections(root / CHANGELOG)
    return write(root, make_edition(date, commit, summary, built_languages(root), previous,
                                    corrections))


def reconstruct(root: Path, commit: str, date: str, summary: dict[str, str]) -> Path:
    """The edition of a past commit, built from the repository's history."""
    full = _git(root, "rev-parse", "--verify", f"{commit}^{{commit}}")
    if full.returncode:
        raise EditionError(f"{commit} is not a commit of this repository. Fix: fetch the "
                           "whole history (git fetch --unshallow).")
    with tempfile.TemporaryDirectory(prefix="edition-source-") as source:
        extract(root, full.stdout.strip(), Path(source))
        languages = built_languages(Path(source))
    previous = [edition for edition in load_editions(root / EDITIONS) if edition["date"] < date]
    return write(root, make_edition(date, full.stdout.strip(), summary, languages,
                                    latest(previous), []))


def extract(root: Path, commit: str, destination: Path) -> None:
    """The tree of ``commit`` into ``destination``."""
    archive = _git(root, "archive", "--format=tar", commit, text=False)
    if archive.returncode:
        raise EditionError(f"git archive {commit} failed: {archive.stderr.decode()[-500:]}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(destination, filter="data")


# The frozen-edition check ----------------------------------------------------------------

def base_commit(root: Path, base: str | None) -> str:
    """The commit whose editions are frozen: where this branch left the base branch, or,
    on the base branch itself, the commit before."""
    candidates = [base] if base else (
        [f"origin/{os.environ['GITHUB_BASE_REF']}"] if os.environ.get("GITHUB_BASE_REF")
        else []) + list(BASE_CANDIDATES)
    for candidate in candidates:
        if _git(root, "rev-parse", "--verify", "--quiet", f"{candidate}^{{commit}}").returncode:
            continue
        fork = _git(root, "merge-base", "HEAD", candidate).stdout.strip()
        head = _git(root, "rev-parse", "HEAD").stdout.strip()
        if fork and fork != head:
            return fork
        # On the base branch itself: the commit before; in a repository of one commit,
        # that commit (what is not committed yet is then what is compared).
        parent = _git(root, "rev-parse", "--verify", "--quiet", "HEAD^")
        return parent.stdout.strip() if parent.returncode == 0 else head
    raise NoBase(
        "no base to compare the editions with: " + (f"“{base}” names no commit here"
        if base else f"none of {', '.join(candidates)} names a commit here (a shallow "
        "clone, or no git repository)") + ". The frozen editions were NOT checked. Fix: "
        "fetch the base branch (in CI, check out with fetch-depth: 0), or name it with "
        "--base.")


def frozen_problems(root: Path, base: str) -> list[str]:
    listed = _git(root, "ls-tree", "--name-only", base, f"{EDITIONS}/")
    names = [Path(line).name for line in listed.stdout.splitlines() if line.endswith(".json")]
    before = {name: _git(root, "show", f"{base}:{EDITIONS}/{name}", text=False).stdout
              for name in names}
    folder = root / EDITIONS
    now = ({path.name: path.read_bytes() for path in folder.glob("*.json")}
           if folder.is_dir() else {})
    return altered_editions(before, now)


def check(root: Path, base: str | None) -> int:
    try:
        commit = base_commit(root, base)
    except NoBase as error:
        print(f"Frozen editions: {error}")
        return 1 if os.environ.get("CI") else 0
    problems = frozen_problems(root, commit)
    if problems:
        print(f"Frozen editions: compared with {commit[:12]}, an edition was edited:\n")
        for problem in problems:
            print(f"  • {problem}")
        return 1
    print(f"Frozen editions: unchanged since {commit[:12]}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.edition", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("make", "reconstruct"):
        command = commands.add_parser(name)
        command.add_argument("--date", required=True, help="the edition's date, YYYY-MM-DD")
        command.add_argument("--summary", required=True, help="one line, in English")
        command.add_argument("--summary-fr", required=True, help="one line, in French")
        if name == "reconstruct":
            command.add_argument("--commit", required=True)
    commands.add_parser("check").add_argument("--base", help="the base branch or commit")
    options = parser.parse_args(argv)
    root = options.root.resolve()
    if options.command == "check":
        return check(root, options.base)
    summary = {"en": options.summary, "fr": options.summary_fr}
    try:
        path = (make(root, options.date, summary) if options.command == "make"
                else reconstruct(root, options.commit, options.date, summary))
    except EditionError as error:
        print(f"No edition made: {error}")
        return 1
    edition = json.loads(path.read_text("utf-8"))
    changed = ", ".join(f"{change['id']} ({change['language']})" for change in edition["changes"])
    print(f"Made {EDITIONS}/{path.name} from commit {edition['commit'][:12]}"
          + (f"; changes: {changed}" if changed else "; the first edition") + ". Commit it.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
