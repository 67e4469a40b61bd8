"""The files a build reads, and a scratch copy of them (for the bad-input tests and the bench)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The content of a site: what editors change.
CONTENT = ["mkdocs.yml", "docs", "anchors.yml", "glossary.yml", "changelog.yml",
           "editions"]
# The site's own code and templates, which a copy always takes from this repository
# (its Python packages are imported from here).
CODE = ["hooks", "overrides", "docs/assets"]
# A frozen copy of the content, for tests that must not depend on the text editors change.
FIXTURE = ROOT / "tests" / "fixtures" / "site"


def copy_sources(destination: Path, content: Path = ROOT) -> Path:
    """Copy a site's content (from ``content``) and this repository's code into
    ``destination``; return it."""
    for root, names in ((content, CONTENT), (ROOT, CODE)):
        for name in names:
            source = root / name
            if source.is_dir():
                # The content's docs/ without its assets: those are code, taken from here.
                ignore = shutil.ignore_patterns("assets") if name == "docs" else None
                shutil.copytree(source, destination / name, ignore=ignore)
            elif source.is_file():
                shutil.copy(source, destination / name)
    return destination
