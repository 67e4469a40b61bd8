"""Assemble one page from others: ``<!-- include article-6.md -->``.

Used for the full text of the declaration, so that it is built from the very
files that make the preamble and article pages. The included page loses its
front matter and its headings go one level down, under the including page's
title.
"""

from __future__ import annotations

import re
from pathlib import Path

from legaltext.documents import split_front_matter
from legaltext.errors import ContentError

INCLUDE = re.compile(r"^<!-- include (?P<name>[\w.-]+\.md) -->\s*$")
_FENCE = re.compile(r"^(```|~~~)")

def demote_headings(markdown: str) -> str:
    """Move every ATX heading one level down, leaving fenced code alone."""
    lines = []
    fenced = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        if not fenced and line.startswith("#"):
            line = "#" + line
        lines.append(line)
    return "\n".join(lines)


def assemble(markdown: str, path: Path, name: str,
             origins: list[tuple[str, int]] | None = None) -> str:
    """Replace each include line of ``markdown`` (the page at ``path``, called ``name`` in
    messages) by the included page. ``origins``, if given, receives for each line of the
    result the file (named like ``name``) and line it comes from."""
    lines = []
    folder = name.rpartition("/")[0]
    for number, line in enumerate(markdown.splitlines(), start=1):
        match = INCLUDE.match(line)
        if not match:
            lines.append(line)
            if origins is not None:
                origins.append((name, number))
            continue
        included = path.parent / match.group("name")
        if not included.is_file():
            raise ContentError(
                f"{name} includes {match.group('name')}, which does not exist.",
                "correct the file name in the include line, or remove the line.",
                number,
            )
        text = included.read_text(encoding="utf-8")
        body = split_front_matter(text)[1]
        lines.append(demote_headings(body))
        if origins is not None:
            first = text.count("\n", 0, len(text) - len(body)) + 1
            included_name = f"{folder}/{match.group('name')}" if folder else match.group("name")
            origins.extend((included_name, first + offset)
                           for offset in range(len(body.splitlines()) or 1))
    return "\n".join(lines)
