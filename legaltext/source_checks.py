"""The source files themselves, checked before anything is built.

- **Files.** ``docs/`` holds the language folders, which hold Markdown pages
  only, and ``assets/``, the site's own files (owned by the maintainers, see
  CODEOWNERS). No symbolic link anywhere: it could publish a file from outside
  the repository.
- **A page** is UTF-8 text of at most MAX_PAGE_BYTES, with no forbidden
  character (legaltext.content_safety.character_error), front matter of known
  keys whose title and description are plain text. Its Markdown and HTML are
  checked by legaltext.content_safety as the page itself is rendered, so that each
  message names the file that is wrong, even when another page includes it.

Each function returns the problems it finds, so that one build reports them all.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import yaml

from legaltext.content_safety import character_error, first_forbidden_character
from legaltext.documents import YAML_LOADER
from legaltext.errors import ContentError

MAX_PAGE_BYTES = 200 * 1024
ASSETS = "assets"
PAGE_SUFFIX = ".md"
# What a page's front matter may set: what the site's hooks and the theme read.
PAGE_KEYS = ("title", "description", "assembled", "parallel", "search", "hide", "translation_of",
             "editions")
REQUIRED_KEYS = ("title", "description")
# Plain text: the theme writes title and description into the page unescaped.
NOT_PLAIN_TEXT = {'"': "a straight double quote (\")", "<": "“<”", ">": "“>”", "&": "“&”"}
PLAIN_TEXT_FIX = {
    '"': "use typographic quotes, “ ” (or « » in French).",
    "<": "write the text without markup: title and description are plain text.",
    ">": "write the text without markup: title and description are plain text.",
    "&": "write “and” (or « et »): title and description are plain text.",
}


def docs_problems(docs: Path, languages: list[str]) -> list[str]:
    """What must not be in ``docs``: symbolic links, folders other than the languages' and
    assets, files other than pages in the language folders. Each message names its path."""
    problems = []
    allowed = {*languages, ASSETS}

    def name(path: Path) -> str:
        return path.relative_to(docs.parent).as_posix()

    # os.walk lists a linked folder without entering it.
    for folder, folders, files in os.walk(docs):
        for path in sorted(Path(folder) / entry for entry in folders + files):
            top = path.relative_to(docs).parts[0]
            if path.is_symlink():
                problems.append(f"{name(path)}: is a symbolic link, which would publish a file "
                                "from outside the repository. Fix: replace it with the file "
                                "itself, or remove it.")
            elif top not in allowed and path.parent == docs:
                problems.append(
                    f"{name(path)}: is not a language folder or docs/{ASSETS}/. Fix: put pages in "
                    + " or ".join(f"docs/{language}/" for language in languages)
                    + f", and ask a maintainer to add site files to docs/{ASSETS}/.")
            elif top in languages and path.is_file() and path.suffix != PAGE_SUFFIX:
                problems.append(
                    f"{name(path)}: only Markdown pages (.md) belong in docs/{top}/. Fix: remove "
                    f"the file; images and other files go in docs/{ASSETS}/, which the "
                    "maintainers look after.")
        folders[:] = [entry for entry in folders if not (Path(folder) / entry).is_symlink()
                      and (folder != str(docs) or entry in allowed)]
    return problems


def page_problem(raw: bytes) -> ContentError | None:
    """The first problem of a page's source (``raw``, its bytes) that can be seen before
    it is rendered, or None. What its Markdown and HTML hold, legaltext.content_safety
    checks as the page is rendered."""
    if len(raw) > MAX_PAGE_BYTES:
        return ContentError(f"The page is {len(raw) // 1024} KB, more than the "
                            f"{MAX_PAGE_BYTES // 1024} KB a page may have.",
                            "split it into several pages.", 1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return ContentError(f"the file is not UTF-8 text (byte 0x{raw[error.start]:02X}).",
                            "save the file with the UTF-8 encoding (GitHub's web editor always "
                            "does).", raw[: error.start].count(b"\n") + 1)
    error = character_error(text)
    if error:
        return error
    text = text.removeprefix(codecs.BOM_UTF8.decode("utf-8")).replace("\r\n", "\n")
    try:
        front_matter_lines(text)
    except ContentError as error:
        return error
    return None


def front_matter_lines(text: str) -> int:
    """Check a page's front matter; return how many lines it takes, its “---” lines included."""
    lines = text.split("\n")
    if lines[0].strip() != "---" or "---" not in (line.strip() for line in lines[1:]):
        raise ContentError("the page has no front matter.", "begin the file with a “---” line, "
                           "“title: …” and “description: …” lines, and a closing “---” line.", 1)
    end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    try:
        meta = yaml.load("\n".join(lines[1:end]), Loader=YAML_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ContentError(
            f"the front matter is not valid: {getattr(error, 'problem', None) or error}.",
            "write each entry as “key: value”; put a value that contains “: ” in double quotes.",
            mark.line + 2 if mark else 2) from None
    if not isinstance(meta, dict):
        raise ContentError("the front matter is not a list of “key: value” lines.",
                           "write “title: …” and “description: …”.", 2)

    def line_of(key: str) -> int:
        return next((i + 1 for i, line in enumerate(lines[1:end], start=1)
                     if line.startswith(f"{key}:")), 2)

    for key in meta:
        if key not in PAGE_KEYS:
            raise ContentError(f"the front matter sets “{key}”, which pages may not set.",
                               "remove the line; pages may set " + ", ".join(
                                   f"“{known}”" for known in PAGE_KEYS) + ".", line_of(str(key)))
    for key in REQUIRED_KEYS:
        value = meta.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ContentError(f"the front matter has no “{key}”.",
                               f"add a line “{key}: …” between the two “---” lines.")
        for character, label in NOT_PLAIN_TEXT.items():
            if character in value:
                raise ContentError(f"the front matter's “{key}” contains {label}.",
                                   PLAIN_TEXT_FIX[character], line_of(key))
        found = first_forbidden_character(value)
        if found:
            index, kind = found
            raise ContentError(f"the front matter's “{key}” contains {kind} "
                               f"(U+{ord(value[index]):04X}).", "delete it.", line_of(key))
    return end + 1
