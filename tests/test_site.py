"""The built site: both languages, every page, the right <html lang>, no third-party host."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import DOCS, LANGUAGES, built_page, source_pages

EXPECTED_PAGES = [
    "index.md", "about.md", "essay.md", "declaration/index.md", "declaration/preamble.md",
    *[f"declaration/article-{n}.md" for n in range(1, 14)], "declaration/full-text.md",
    "changelog.md",
]
# Attributes by which a page makes the browser fetch something.
FETCHING = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src",
            "video": "src", "embed": "src", "object": "data"}
FETCHING_LINKS = {"stylesheet", "preload", "modulepreload", "icon", "prefetch", "manifest",
                  "apple-touch-icon"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])(?P<url>[^'")\s]+)""")


def test_the_expected_pages_exist_in_both_languages():
    for language in LANGUAGES:
        assert set(EXPECTED_PAGES) <= set(source_pages(language)), language
    assert source_pages("en") == source_pages("fr")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_is_built_in_each_language(site: Path, language: str):
    for source in source_pages(language):
        assert built_page(site, source, language).is_file(), (language, source)


@pytest.mark.parametrize("language", LANGUAGES)
def test_html_lang_is_the_page_language(site: Path, language: str):
    for source in source_pages(language):
        html = BeautifulSoup(built_page(site, source, language).read_text("utf-8"), "html.parser")
        assert html.html["lang"] == language, (language, source)


def _external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) or url.startswith("//")


def test_no_built_file_fetches_from_another_host(site: Path):
    offending = []
    for path in site.rglob("*"):
        if path.suffix == ".html":
            html = BeautifulSoup(path.read_text("utf-8"), "html.parser")
            for tag, attribute in FETCHING.items():
                offending += [(path, el[attribute]) for el in html.find_all(tag)
                              if el.get(attribute) and _external(el[attribute])]
            for link in html.find_all("link", href=True):
                if FETCHING_LINKS & set(link.get("rel", [])) and _external(link["href"]):
                    offending.append((path, link["href"]))
            for style in html.find_all("style"):
                offending += [(path, m["url"]) for m in CSS_URL.finditer(style.text)
                              if _external(m["url"])]
        elif path.suffix == ".css":
            offending += [(path, m["url"]) for m in CSS_URL.finditer(path.read_text("utf-8"))
                          if _external(m["url"])]
        elif path.suffix == ".js":
            text = path.read_text("utf-8")
            offending += [(path, host) for host in ("fonts.googleapis.com", "fonts.gstatic.com")
                          if host in text]
    assert not offending, offending


def test_sources_are_utf8():
    for path in DOCS.rglob("*.md"):
        path.read_text("utf-8")


@pytest.mark.parametrize("language, other, text", [
    ("en", "fr", "Lire ce site en français"), ("fr", "en", "Read this site in English")])
def test_the_home_page_leads_to_the_other_language(site: Path, language, other, text):
    html = BeautifulSoup(built_page(site, "index.md", language).read_text("utf-8"), "html.parser")
    link = html.select_one(".other-language a")
    assert (link.text, link["hreflang"], link["lang"]) == (text, other, other)
    target = (built_page(site, "index.md", language).parent / link["href"] / "index.html").resolve()
    assert target == built_page(site, "index.md", other).resolve()
