"""One page rendered: a real source file through the site's own Markdown configuration."""

from __future__ import annotations

import copy

import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from legaltext.assembly import INCLUDE
from legaltext.composition import composed_html, expand, footnote_items
from legaltext.documents import nav_paths, site_footnotes, split_front_matter
from tests.conftest import DOCS, ROOT


@pytest.fixture(scope="module")
def site_config():
    return load_config(str(ROOT / "mkdocs.yml"))


def render_html(site_config, language: str, path: str, blocks: list | tuple = ()) -> str:
    """Render docs/<language>/<path> as the site does, without the theme; record its
    blocks into ``blocks`` if it is a list."""
    root = DOCS / language
    _meta, body = split_front_matter((root / path).read_text("utf-8"))
    configs = copy.deepcopy(site_config.mdx_configs)
    configs.setdefault("legaltext.paragraph_ids", {})["blocks"] = blocks
    for name in ("legaltext.paragraph_ids", "legaltext.footnote_numbers",
                 "legaltext.french_typography"):
        configs.setdefault(name, {})["language"] = language
    configs["legaltext.footnote_numbers"].update(
        documents=site_footnotes(root, list(nav_paths(site_config.nav))), page=path)
    return markdown.markdown(body, extensions=site_config.markdown_extensions,
                             extension_configs=configs)


def render_page(site_config, language: str, path: str) -> BeautifulSoup:
    return BeautifulSoup(render_html(site_config, language, path), "html.parser")


def compose_page(site_config, language: str, path: str) -> BeautifulSoup:
    """A composed page (the full text) made as hooks/full_text.py makes it: each part
    rendered once, its blocks recorded, then put in place."""
    folder = path.rsplit("/", 1)[0]
    pages = {path: []}
    render_html(site_config, language, path, pages[path])
    for line in (DOCS / language / path).read_text("utf-8").splitlines():
        if INCLUDE.match(line):
            part = f"{folder}/{INCLUDE.match(line).group('name')}"
            pages[part] = []
            render_html(site_config, language, part, pages[part])
    html = composed_html(expand(path, pages), footnote_items(path, pages))
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_article_5_keeps_its_printed_labels_and_footnote_10(site_config, language):
    html = render_page(site_config, language, "declaration/article-5.md")
    assert html.find(id="art-5-m").find(class_="paragraph-label").text in ("(i)", "i)")
    assert html.find(id="art-5-n").find(class_="paragraph-label").text in ("(j)", "j)")
    assert html.select_one("a.footnote-ref").text == "10"
    assert html.select_one("div.footnote ol")["start"] == "10"
    assert html.select_one(".admonition.editorial") is not None


def test_article_6_expands_ibid_with_a_link_to_article_5(site_config):
    html = render_page(site_config, "en", "declaration/article-6.md")
    expansion = html.find(id="fn:11").find(class_="ibid-expansion")
    assert expansion.find("a")["href"] == "article-5.md#fn:10"
    assert "Final paper on human rights and international solidarity" in expansion.text


def test_the_preamble_leaves_its_ibid_notes_as_printed(site_config):
    html = render_page(site_config, "en", "declaration/preamble.md")
    assert [a.text for a in html.select("a.footnote-ref")] == [str(n) for n in range(1, 8)]
    assert html.find(class_="ibid-expansion") is None


def test_the_full_text_is_composed_from_the_article_pages(site_config):
    html = compose_page(site_config, "en", "declaration/full-text.md")
    assert [h["id"] for h in html.find_all("h2") if h["id"].startswith("art-")] == \
        [f"art-{n}" for n in range(1, 14)]
    assert [a.text for a in html.select("a.footnote-ref")] == [str(n) for n in range(1, 13)]
    assert html.find(class_="ibid-expansion") is None
