"""Translation freshness: which French pages translate the current English text.

Each French page records, in its front matter, the fingerprint of the English
source text it translates (``translation_of: 3f2a…``). ``make translations``
prints the status of every page; ``--record PATH …`` (or ``--record-all``)
stores the current fingerprint after a translator has reviewed the page.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

from legaltext.documents import language_pages, split_front_matter

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
KEY = "translation_of"
LENGTH = 12


def source_fingerprint(english_markdown: str) -> str:
    """A short SHA-256 of an English page's text, blind to front matter and line wrapping."""
    _meta, body = split_front_matter(english_markdown)
    normalised = " ".join(body.split())
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


def pairs() -> list[tuple[str, Path, Path]]:
    return [(page, DOCS / "fr" / page, DOCS / "en" / page) for page in language_pages(DOCS / "en")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", nargs="*", default=[], metavar="PATH",
                        help="French pages (docs/fr/…) whose translation has been reviewed")
    parser.add_argument("--record-all", action="store_true")
    arguments = parser.parse_args(argv)
    to_record = {Path(p).resolve() for p in arguments.record}
    rows = []
    for name, french, english in pairs():
        if not french.is_file():
            rows.append((name, "MISSING", "-", "-"))
            continue
        if arguments.record_all or french.resolve() in to_record:
            record(french, english)
        state, recorded, current = status(french, english)
        rows.append((name, state, recorded or "-", current))
    width = max(len(row[0]) for row in rows)
    print(f"{'page':<{width}}  {'status':<16}  {'recorded':<12}  current")
    for name, state, recorded, current in rows:
        print(f"{name:<{width}}  {state:<16}  {recorded:<12}  {current}")
    return 1 if any(row[1] == "MISSING" for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
