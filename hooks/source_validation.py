"""Refuse source files that MkDocs would misread: not UTF-8, or broken front matter.

MkDocs silently ignores front matter that is not valid YAML and then publishes
it as text; a file in another encoding stops it with a traceback. Both become
one clear message here, before anything is built.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError

from page_language import building_language

REQUIRED_KEYS = ("title", "description")


def _check_encoding(path: Path, name: str) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise BuildError(
            f"{name}, line {line}: the file is not UTF-8 text (byte 0x{raw[error.start]:02X}). "
            "Fix: save the file with the UTF-8 encoding (GitHub's web editor always does)."
        ) from None


def _check_front_matter(text: str, name: str) -> None:
    lines = text.split("\n")
    if lines[0].strip() != "---" or "---" not in (line.strip() for line in lines[1:]):
        raise BuildError(
            f"{name}, line 1: the page has no front matter. Fix: begin the file with a “---” "
            "line, “title: …” and “description: …” lines, and a closing “---” line."
        )
    end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    try:
        meta = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 2
        raise BuildError(
            f"{name}, line {line}: the front matter is not valid: "
            f"{getattr(error, 'problem', None) or error}. Fix: write each entry as "
            "“key: value”; put a value that contains “: ” in double quotes."
        ) from None
    if not isinstance(meta, dict):
        raise BuildError(f"{name}, line 2: the front matter is not a list of “key: value” "
                         "lines. Fix: write “title: …” and “description: …”.")
    for key in REQUIRED_KEYS:
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            raise BuildError(f"{name}: the front matter has no “{key}”. Fix: add a line "
                             f"“{key}: …” between the two “---” lines.")
        if '"' in meta[key]:
            # The theme writes these values into HTML attributes without escaping them.
            raise BuildError(f"{name}: the front matter's “{key}” contains a straight double "
                             "quote (\"). Fix: use typographic quotes, “ ” (or « » in French).")


def on_pre_build(config: MkDocsConfig) -> None:
    language = building_language(config)
    folder = Path(config.docs_dir) / language
    if not folder.is_dir():
        raise BuildError(f"docs/{language}/ does not exist. Fix: create it, with a page for "
                         "each English page.")
    for path in sorted(folder.rglob("*.md")):
        name = path.relative_to(Path(config.docs_dir).parent).as_posix()
        _check_front_matter(_check_encoding(path, name), name)
