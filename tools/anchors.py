"""`make anchors`: record new published ids and declared corrections in anchors.yml.

It builds both languages with ANCHORS_RECORD=1, so that each language's build
records (hooks/anchor_registry.py, legaltext/registry.py) the ids of new pages
and paragraphs, the fingerprints of their texts, renamed pages and the new
fingerprints of corrections declared in changelog.yml. An undeclared change of
the text under a published id is still refused, with its fix.

``--against-base`` compares anchors.yml with the base branch's copy instead:
no published id, page, alias or fingerprint may disappear.
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from legaltext import registry

ROOT = Path(__file__).resolve().parent.parent


def _git(root: Path, *arguments: str) -> str | None:
    result = subprocess.run(["git", *arguments], cwd=root, capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else None


def base_commit(root: Path = ROOT) -> tuple[str | None, str]:
    """(commit, what it is) of the base to compare with: in a GitHub pull request, the merge
    base with the target branch; elsewhere with origin/main or main; on main itself, the
    commit before. ANCHORS_BASE names another ref. (None, why) when there is none."""
    if _git(root, "rev-parse", "--is-inside-work-tree") != "true":
        return None, "this is not a git clone"
    names = [os.environ.get("ANCHORS_BASE"),
             f"origin/{os.environ['GITHUB_BASE_REF']}" if os.environ.get("GITHUB_BASE_REF") else None,
             "origin/main", "main"]
    head = _git(root, "rev-parse", "HEAD")
    for name in filter(None, names):
        commit = _git(root, "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}")
        if not commit:
            continue
        base = _git(root, "merge-base", "HEAD", commit)
        before = _git(root, "rev-parse", "--verify", "--quiet", "HEAD^")
        if base == head and os.environ.get("CI") and before:
            # CI on the base branch itself (a push to main): compare with the commit before.
            # Locally, the comparison is then with the last commit: the edits in progress.
            base, name = before, f"{name}, the commit before"
        if base:
            return base, name
    return None, "no base branch (main or origin/main) in this clone"


def _at(root: Path, commit: str, name: str) -> str | None:
    return _git(root, "show", f"{commit}:{name}")


def against_base(root: Path = ROOT) -> tuple[list[str], str]:
    """(problems, what was compared) of anchors.yml and changelog.yml against the base."""
    commit, what = base_commit(root)
    if commit is None:
        return [], f"anchors.yml was not compared with a base branch: {what}."
    base_text = _at(root, commit, registry.REGISTRY_FILE)
    if base_text is None:
        return [], f"anchors.yml is new: the base ({what}) has none to compare with."
    try:
        base = registry.parse_registry(base_text, f"{registry.REGISTRY_FILE} on {what}")
        changelog_text = _at(root, commit, registry.CHANGELOG_FILE)
        base_changelog = []
        if changelog_text is not None:
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / registry.CHANGELOG_FILE
                path.write_text(changelog_text, "utf-8")
                base_changelog = registry.load_changelog(path)
        head = registry.load(root / registry.REGISTRY_FILE)
        head_changelog = registry.load_changelog(root / registry.CHANGELOG_FILE)
    except registry.RegistryError as error:
        return [str(error)], what
    return (registry.against_base(base, head, base_changelog, head_changelog),
            f"anchors.yml compared with {what} ({commit[:10]}).")


def record(root: Path = ROOT) -> int:
    # The registry needs the HTML site only: no PDFs.
    with tempfile.TemporaryDirectory() as site_dir:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", site_dir],
            cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "ANCHORS_RECORD": "1",
                 "PDF_EDITIONS": "skip"})
    return result.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true",
                        help="record new ids and declared corrections in anchors.yml")
    parser.add_argument("--against-base", action="store_true",
                        help="compare anchors.yml with the base branch's copy")
    parser.add_argument("root", nargs="?", type=Path, default=ROOT)
    arguments = parser.parse_args(argv)
    if arguments.against_base:
        problems, what = against_base(arguments.root)
        print(what)
        for problem in problems:
            print(f"  • {problem}")
        return 1 if problems else 0
    before = (arguments.root / registry.REGISTRY_FILE).read_text("utf-8")
    code = record(arguments.root) if arguments.record else 0
    after = (arguments.root / registry.REGISTRY_FILE).read_text("utf-8")
    if arguments.record:
        diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
        added = sum(line.startswith("+ ") for line in diff)
        removed = sum(line.startswith("- ") for line in diff)
        print(f"anchors.yml: {added} lines written, {removed} replaced (see git diff anchors.yml)."
              if before != after else "anchors.yml: nothing new to record.")
    return code


if __name__ == "__main__":
    sys.exit(main())
