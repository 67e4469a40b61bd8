"""The one error type the extensions raise for bad content."""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

try:  # Inside MkDocs, a BuildError ends the build with the message and no traceback.
    from mkdocs.exceptions import BuildError as _Base
except ImportError:  # pragma: no cover - the extensions also work without MkDocs
    _Base = ValueError


class ContentError(_Base):
    """Bad input in a source file: says where, what is wrong and how to fix it.

    The site engine adds the file name; the message gives the line where the
    extension can find it.
    """

    def __init__(self, what: str, fix: str, line: int | None = None) -> None:
        self.what = what
        self.fix = fix
        self.line = line
        where = f"line {line}: " if line else ""
        super().__init__(f"{where}{what} Fix: {fix}")


def find_line(source: str, needle: str) -> int | None:
    """Return the 1-based line of the first line of ``source`` containing ``needle``."""
    needle = needle.strip()[:40]
    if not needle:
        return None
    # Lines as Markdown counts them: str.splitlines() would also break at form feeds.
    for number, line in enumerate(source.split("\n"), start=1):
        if needle in line:
            return number
    return None


class SourceRecorder(Preprocessor):
    """Keep a page's Markdown on its extension (as ``extension.source``), so that the
    extension's errors can name a line."""

    def __init__(self, md: Markdown, extension: Extension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        self.extension.source = "\n".join(lines)
        return lines
