"""`make translations`: which French pages translate the current English text.

Each French page records, in its front matter, the fingerprint of the English
source text it translates (``translation_of: 3f2a…``; see
legaltext/translations.py). This prints the status of every page; ``--record
PATH …`` (or ``--record-all``) stores the current fingerprint after a
translator has reviewed the page.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from legaltext.documents import language_pages
from legaltext.translations import record, status

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


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
    return 1 if any(row[1] in ("MISSING", "not recorded") for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
