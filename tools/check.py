"""`make check`: the content checks, with messages written for editors.

It runs the strict build of both languages, which checks the front matter and
encoding of every page, the paragraph ids, the footnotes, links and anchors,
the published-id registry, unsafe content and the French/English parity, and
prints only what an editor needs: each problem with its file, line and fix.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# MkDocs' log lines start with a level; tracebacks and banners are not for editors.
PROBLEM = re.compile(r"^(ERROR|WARNING)\s+-\s+(?P<message>.*)")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
BUILDING = re.compile(r"Building '(?P<language>[a-z]{2})' documentation")
READING = re.compile(r"Error reading page '(?P<page>[^']+)'")
# MkDocs' own messages, with the fix an editor needs.
FIXES = [
    (re.compile(r"does not contain an anchor"),
     "correct the part after “#”: it must be the id of a heading or paragraph on that page "
     "(see the page's paragraph links, or the table of ids on the About page)."),
    (re.compile(r"which is not found among documentation files|is not found"),
     "correct the file name in the link: links point to the page's .md file, relative to "
     "the page that links (e.g. “article-6.md#art-6-2”)."),
    (re.compile(r"unrecognized relative link"),
     "link to the page's .md file (e.g. “article-6.md”), not to its web address."),
]


def problems(output: str) -> list[str]:
    """The problems reported in MkDocs' output, each naming its source file."""
    found: list[str] = []
    language = "en"
    page = None
    for line in ANSI.sub("", output).splitlines():
        building = BUILDING.search(line)
        if building:
            language = building.group("language")
        match = PROBLEM.match(line)
        if match:
            message = match.group("message").strip()
            reading = READING.match(message)
            if reading:
                page = reading.group("page")
                page = f"docs/{page}" if page.startswith(f"{language}/") else f"docs/{language}/{page}"
                continue
            if page:
                message = f"{page}, {message}"
                page = None
            found.append(message)
        elif found and line.startswith("docs/"):
            found.append(line.strip())
    return [with_fix(problem) for problem in found]


def with_fix(problem: str) -> str:
    if "Fix:" in problem:
        return problem
    for pattern, fix in FIXES:
        if pattern.search(problem):
            return f"{problem} Fix: {fix}"
    return problem


def main(argv: list[str] | None = None) -> int:
    root = Path(argv[0]) if argv else ROOT
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as site_dir:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site_dir],
            cwd=root, capture_output=True, text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds = time.monotonic() - started
    found = problems(result.stdout + result.stderr)
    if result.returncode == 0 and not found:
        print(f"Content checks passed in {seconds:.1f} s: both languages build strictly, every "
              "id, footnote, link and translation is in order.")
        return 0
    print("The content checks found problems. Each says which file, where, and how to fix it:\n")
    for problem in found or [(result.stdout + result.stderr).strip()[-2000:]]:
        print(f"  • {problem}")
    print("\nSee CONTRIBUTING.md for the conventions, or ask a maintainer on the pull request.")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
