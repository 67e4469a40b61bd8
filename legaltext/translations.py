"""Translation freshness: does a French page translate the current English text?

Each French page records, in its front matter, the fingerprint of the English
source text it translates (``translation_of: 3f2a…``): a short SHA-256 of the
English page's Markdown, blind to front matter and line wrapping.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from legaltext.documents import front_matter_body, split_front_matter

KEY = "translation_of"
LENGTH = 12


def source_fingerprint(english_markdown: str) -> str:
    """A short SHA-256 of an English page's text, blind to front matter and line wrapping."""
    normalised = " ".join(front_matter_body(english_markdown).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:LENGTH]


def status(french: Path, english: Path) -> tuple[str, str | None, str]:
    """(status, recorded fingerprint, current fingerprint) of one French page."""
    current = source_fingerprint(english.read_text(encoding="utf-8"))
    meta, _body = split_front_matter(french.read_text(encoding="utf-8"))
    recorded = meta.get(KEY)
    if recorded is None:
        return "not recorded", None, current
    return ("up to date" if str(recorded) == current else "English changed"), str(recorded), current


def record(french: Path, english: Path) -> None:
    """Write the current English fingerprint into the French page's front matter."""
    text = french.read_text(encoding="utf-8")
    fingerprint = source_fingerprint(english.read_text(encoding="utf-8"))
    line = f"{KEY}: {fingerprint}"
    if re.search(rf"^{KEY}:.*$", text, flags=re.M):
        text = re.sub(rf"^{KEY}:.*$", line, text, count=1, flags=re.M)
    else:
        text = re.sub(r"\A---[ \t]*\n", f"---\n{line}\n", text, count=1)
    french.write_text(text, encoding="utf-8")
