"""`make check`: every content check CI runs, in seconds, with messages written for editors.

1. anchors.yml, changelog.yml and glossary.yml can be read;
2. anchors.yml keeps every published id, page, alias and fingerprint of the base
   branch's copy (tools/anchors.py --against-base);
3. the strict build of both languages checks the front matter and encoding of
   every page, the paragraph ids and the text each holds (anchors.yml), the
   footnotes, links and anchors, unsafe content, the French/English parity, the
   translations' freshness and their terminology (glossary.yml);
4. the content tests of the test suite (fidelity to the sources, structure,
   French) run on that build, so that `make test` cannot fail later
   on a content edit that `make check` let through.

It prints only what an editor needs: each problem with its file, line and fix.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.etree import ElementTree

import yaml

from legaltext import registry
from tools.anchors import against_base

ROOT = Path(__file__).resolve().parent.parent
# MkDocs' log lines start with a level; tracebacks and banners are not for editors.
PROBLEM = re.compile(r"^(ERROR|WARNING)\s+-\s+(?P<message>.*)")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
BUILDING = re.compile(r"Building '(?P<language>[a-z]{2})' documentation")
READING = re.compile(r"Error reading page '(?P<page>[^']+)'")
NOT_IN_NAV = re.compile(r"The following pages exist in the docs directory, but are not included")
LISTED_PAGE = re.compile(r"^\s+- (?P<page>\S+\.md)$")
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
    listing = False  # on the lines of MkDocs' list of pages that are not in the nav
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
            listing = bool(NOT_IN_NAV.search(message))
        elif listing and LISTED_PAGE.match(line):
            # MkDocs lists the pages on the lines after its message: one problem per page.
            found.append(f"docs/{LISTED_PAGE.match(line).group('page')}: the page is not in "
                         "the navigation. Fix: add it to nav in mkdocs.yml, and its label to "
                         "the French nav_translations (CONTRIBUTING.md, “Adding a page”).")
        elif found and line.startswith(("docs/", "overrides/")):
            found.append(line.strip())
    found = [problem for problem in found if not NOT_IN_NAV.search(problem)]
    return list(dict.fromkeys(with_fix(problem) for problem in found))


def with_fix(problem: str) -> str:
    if "Fix:" in problem:
        return problem
    for pattern, fix in FIXES:
        if pattern.search(problem):
            return f"{problem} Fix: {fix}"
    return problem


# The content tests, and the fix each kind of failure needs.
CONTENT_TESTS = {
    "tests/test_fidelity.py": "the English text keeps the words of the source (sources/) as "
    "printed: restore the word in the page that has it (search docs/en/ for the words after "
    "“after”); an error of the original stays, marked [sic] (CONTRIBUTING.md, “Editorial "
    "additions”).",
    "tests/test_structure.py": "the declaration keeps the structure of the original: its "
    "articles, paragraphs, points and footnotes, each at its place.",
    "tests/test_translation.py": "give the French page the English page's ids, and follow the "
    "French style sheet (STYLE-FR.md; CONTRIBUTING.md, “Translations”).",
}


def data_files(root: Path) -> list[str]:
    """anchors.yml, changelog.yml and glossary.yml can be read (the build reads them later)."""
    found = []
    try:
        registry.load(root / registry.REGISTRY_FILE)
        registry.load_changelog(root / registry.CHANGELOG_FILE)
    except registry.RegistryError as error:
        found.append(str(error))
    glossary = root / "glossary.yml"
    try:
        if glossary.is_file():
            yaml.safe_load(glossary.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        found.append(f"glossary.yml, line {mark.line + 1 if mark else 1}: the file is not valid "
                     f"YAML ({getattr(error, 'problem', None) or error}). Fix: correct that line "
                     "(each entry is “- en: …” then “  fr: …”, quoted if it contains “: ”).")
    return found


def base(root: Path) -> list[str]:
    """anchors.yml against the base branch; without a base, say so (and fail in CI)."""
    found, what = against_base(root)
    print(what)
    if "not compared" in what and os.environ.get("CI") and root == ROOT:
        found.append(f"{what} Fix: check out the whole history in CI (fetch-depth: 0), so that "
                     "no pull request can remove a published id unnoticed.")
    return found


def content_tests(root: Path, site_dir: str) -> list[str]:
    """The test suite's content tests, on the build just made: each failure's message (from
    pytest's JUnit report, which keeps it whole), after the test's name."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.xml"
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "--tb=line", "--no-header",
             "-p", "no:cacheprovider", f"--junitxml={report}", *CONTENT_TESTS],
            cwd=root, capture_output=True, text=True,
            env={**os.environ, "CONTENT_CHECK_SITE": site_dir, "NO_MKDOCS_2_WARNING": "1"})
        cases = ElementTree.parse(report).iter("testcase") if report.is_file() else []
        found = []
        for case in cases:
            failure = case.find("failure")
            if failure is None:
                failure = case.find("error")
            if failure is not None:
                message = (failure.get("message") or "").removeprefix("Failed: ").removeprefix(
                    "AssertionError: ").split("\nassert ")[0].strip()
                test_file = f"{case.get('classname').replace('.', '/')}.py"
                fix = "" if "Fix:" in message else f" Fix: {CONTENT_TESTS.get(test_file, '')}"
                found.append(f"{test_file}, {case.get('name')}: {message}{fix}")
    if result.returncode not in (0, 5) and not found:
        found.append(result.stdout.strip()[-2000:])
    return found


def build(root: Path, site_dir: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site_dir],
        cwd=root, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    found = problems(result.stdout + result.stderr)
    if result.returncode and not found:
        found.append((result.stdout + result.stderr).strip()[-2000:])
    return found


def main(argv: list[str] | None = None) -> int:
    root = Path(argv[0]).resolve() if argv else ROOT
    started = time.monotonic()
    found = data_files(root)
    if not found:
        found = base(root)
    if not found:
        with tempfile.TemporaryDirectory() as site_dir:
            found = build(root, site_dir)
            if not found and root == ROOT:  # the content tests describe this repository's text
                found = content_tests(root, site_dir)
    seconds = time.monotonic() - started
    if not found:
        print(f"Content checks passed in {seconds:.1f} s: both languages build strictly; every "
              "id holds its recorded text; footnotes, links, translations, fidelity to the "
              "sources, structure and glossary are in order.")
        return 0
    print("The content checks found problems. Each says which file, where, and how to fix it:\n")
    for problem in found:
        print(f"  • {problem}")
    print("\nSee CONTRIBUTING.md for the conventions, or ask a maintainer on the pull request.")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
