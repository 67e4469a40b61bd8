"""tools.compare_builds: what it sets aside between a MkDocs and a ProperDocs build, and
what it reports."""

from __future__ import annotations

import gzip
from pathlib import Path

from tools.compare_builds import differences


def site(folder: Path, generator: str, day: str, text: str) -> Path:
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "index.html").write_text(
        f'<head><meta name="generator" content="{generator}"></head><p>{text}</p>', "utf-8")
    sitemap = f"<url><loc>a/</loc><lastmod>{day}</lastmod></url>".encode()
    (folder / "sitemap.xml").write_bytes(sitemap)
    (folder / "sitemap.xml.gz").write_bytes(gzip.compress(sitemap, mtime=hash(day) % 1000))
    return folder


def test_the_generator_and_the_build_dates_are_set_aside(tmp_path: Path):
    first = site(tmp_path / "one", "mkdocs-1.6.1, mkdocs-material-9.8.2", "2026-11-30", "Text")
    second = site(tmp_path / "two", "mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.2",
                  "2026-12-01", "Text")
    assert differences(first, second) == []


def test_a_changed_word_and_a_missing_file_are_reported(tmp_path: Path):
    first = site(tmp_path / "one", "mkdocs", "2026-11-30", "Text")
    second = site(tmp_path / "two", "mkdocs", "2026-11-30", "Test")
    (first / "extra.json").write_text("{}", "utf-8")
    found = differences(first, second)
    assert found[0] == f"extra.json: only in {first}"
    assert found[1].startswith("a/index.html:") and "<p>Test</p>" in found[1]
