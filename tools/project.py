"""The files a build reads, and a scratch copy of them (for the bad-input tests and the bench)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Everything a build of the site reads, besides the installed packages and this
# repository's own Python code (which the copy imports from here).
BUILD_SOURCES = ["mkdocs.yml", "docs", "hooks", "overrides", "anchors.yml", "glossary.yml",
                 "editions", "changelog.yml"]


def copy_sources(destination: Path) -> Path:
    """Copy the build's sources into ``destination``; return it."""
    for name in BUILD_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        elif source.is_file():
            shutil.copy(source, destination / name)
    return destination
