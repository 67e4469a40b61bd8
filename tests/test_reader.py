"""Reader features: search per language, 404 per language, page head and sitemap, navigation,
print, the parallel view and accessibility (axe-core), on the built site and in Chromium."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from html import escape
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest
import yaml
from bs4 import BeautifulSoup

from legaltext.documents import split_front_matter
from legaltext.editions import edition_citation, latest_date
from tests.conftest import DOCS, LANGUAGES, ROOT, built_page, source_pages
from tests.search_box import search

AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
SITE_URL = CONFIG["site_url"]
PREFIX = {"en": "", "fr": "fr/"}
ARTICLES = [f"declaration/article-{n}.md" for n in range(1, 14)]
# One page of each template, as the reader reaches it (path under the site, in English).
TEMPLATES = {
    "home": "", "overview": "declaration/", "preamble": "declaration/preamble/",
    "article": "declaration/article-6/", "full text": "declaration/full-text/",
    "essay": "essay/", "about": "about/", "parallel": "declaration/parallel/",
    "404": "no-such-page/",
}


def _html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def _front_matter(language: str, source: str) -> dict:
    return split_front_matter((DOCS / language / source).read_text("utf-8"))[0]


def _url(language: str, source: str) -> str:
    stem = source.removesuffix(".md").removesuffix("index")
    stem = stem if not stem or stem.endswith("/") else stem + "/"
    return SITE_URL + PREFIX[language] + stem


# --- Page head and sitemap ------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_head_has_absolute_alternates_canonical_and_its_description(site, language):
    for source in source_pages(language):
        head = _html(built_page(site, source, language)).head
        meta = _front_matter(language, source)
        alternates = {link["hreflang"]: link["href"]
                      for link in head.find_all("link", rel="alternate", hreflang=True)}
        assert alternates == {"en": _url("en", source), "fr": _url("fr", source),
                              "x-default": _url("en", source)}, source
        assert head.find("link", rel="canonical")["href"] == _url(language, source), source
        assert head.find("meta", attrs={"name": "description"})["content"] == meta["description"]
        og = {tag["property"]: tag["content"] for tag in head.find_all("meta", property=True)}
        assert og["og:title"] == meta["title"], source
        assert og["og:description"] == meta["description"], source
        assert og["og:url"] == _url(language, source), source


def test_the_sitemap_lists_every_page_with_its_language_alternates(site):
    sitemap = BeautifulSoup((site / "sitemap.xml").read_text("utf-8"), "xml")
    entries = {}
    for url in sitemap.find_all("url"):
        entries[url.loc.text] = {link["hreflang"]: link["href"] for link in url.find_all("link")}
    expected = {_url(language, source) for language in LANGUAGES for source in source_pages()}
    assert set(entries) == expected
    for source in source_pages():
        pair = {"en": _url("en", source), "fr": _url("fr", source), "x-default": _url("en", source)}
        assert entries[_url("en", source)] == pair
        assert entries[_url("fr", source)] == pair


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_edit_link_opens_the_page_source_with_a_label_in_the_page_language(site, language):
    label = {"en": "Edit this page on GitHub", "fr": "Modifier cette page sur GitHub"}[language]
    edit_root = CONFIG["repo_url"].rstrip("/") + "/" + CONFIG["edit_uri"]
    for source in source_pages(language):
        link = _html(built_page(site, source, language)).find("a", rel="edit")
        assert link["href"] == f"{edit_root}{language}/{source}", source
        assert link["aria-label"] == label == link["title"]


# --- Navigation in the declaration ------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_each_article_links_to_the_previous_and_next_page_and_lists_every_article(site, language):
    reading_order = ["declaration/preamble.md", *ARTICLES, "declaration/full-text.md"]
    for before, source, after in zip(reading_order, reading_order[1:], reading_order[2:]):
        html = _html(built_page(site, source, language))
        footer = html.find("nav", class_="md-footer__inner")
        previous = footer.find("a", class_="md-footer__link--prev")["href"]
        following = footer.find("a", class_="md-footer__link--next")["href"]
        assert previous.rstrip("/").endswith(Path(before).stem), (source, previous)
        assert following.rstrip("/").endswith(Path(after).stem), (source, following)
        listed = {a["href"].rstrip("/").split("/")[-1]
                  for a in html.select("nav.md-nav--primary a.md-nav__link[href]")}
        listed.add(Path(source).stem)  # the current page links to itself as "./"
        assert {Path(article).stem for article in ARTICLES} | {"parallel"} <= listed, source


# --- 404 pages ------------------------------------------------------------------------------

def test_each_language_build_writes_its_own_404_page(site):
    assert _html(site / "404.html").html["lang"] == "en"
    assert _html(site / "fr" / "404.html").html["lang"] == "fr"
    sections = _html(site / "fr" / "404.html").select("section.not-found")
    assert [section["lang"] for section in sections] == ["fr"]


@pytest.mark.browser
@pytest.mark.parametrize("path, language, title", [
    ("no-such-page/", "en", "Page not found"),
    ("declaration/article-99/", "en", "Page not found"),
    ("fr/no-such-page/", "fr", "Page introuvable"),
    ("fr/declaration/article-99/", "fr", "Page introuvable"),
])
def test_a_missing_url_gets_a_404_page_in_its_language(page, server, path, language, title):
    failed = []
    page.on("response", lambda r: r.status >= 400 and r.request.resource_type != "document"
            and failed.append(r.url))
    response = page.goto(server + path)
    assert response.status == 404
    if language != "en":  # GitHub Pages serves the root 404 page; it opens the language's own
        page.wait_for_url(re.compile(f"/{language}/404\\.html$"))
    assert page.evaluate("document.documentElement.lang") == language
    assert page.locator("h1:visible").all_inner_texts() == [title]
    assert page.title().startswith(title)
    home = page.locator(f"section.not-found[lang={language}] a").first
    assert home.get_attribute("href") == urlsplit(server).path + PREFIX[language]
    # The stylesheets load (absolute paths), and nothing fails but the page itself.
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
    assert failed == []
    assert [e for e in page.console_errors if "status of 404" not in e] == []


@pytest.mark.browser
def test_without_javascript_the_404_page_shows_both_languages(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "fr/no-such-page/")
    assert page.locator("h1:visible").all_inner_texts() == ["Page not found", "Page introuvable"]
    assert page.locator("section.not-found[lang=fr] a").first.get_attribute("href").endswith("/fr/")
    context.close()


# --- Search -------------------------------------------------------------------------------

def _search(page, query: str) -> list[str]:
    """Every result link, folded ones included."""
    search(page, query)
    return page.eval_on_selector_all("a.md-search-result__link", "links => links.map(a => a.href)")


@pytest.mark.browser
@pytest.mark.parametrize("query", ["solidarite", "solidarité", "SOLIDARITE"])
def test_french_search_ignores_accents_and_finds_french_pages_only(page, server, query):
    page.goto(server + "fr/declaration/article-6/")
    results = _search(page, query)
    assert len(results) >= 10
    assert all(url.startswith(server + "fr/") for url in results), results
    paragraphs = [url for url in results if re.search(r"#(art|pp|p|summary)-[0-9]", url)]
    assert paragraphs, results
    assert page.console_errors == []


@pytest.mark.browser
def test_english_search_finds_english_pages_only(page, server):
    page.goto(server + "declaration/article-6/")
    results = _search(page, "solidarity")
    assert len(results) >= 10
    assert not any(url.startswith(server + "fr/") for url in results), results
    assert all(url.startswith(server) for url in results)


@pytest.mark.browser
def test_english_words_on_a_french_page_find_french_pages(page, server):
    page.goto(server + "fr/")
    results = _search(page, "Path")
    assert results and all(url.startswith(server + "fr/") for url in results), results


@pytest.mark.browser
def test_a_search_result_leads_to_the_paragraph(page, server):
    page.goto(server + "fr/essay/")
    _search(page, "preventive")
    result = page.locator("a.md-search-result__link[href*='#p-']").first
    target = result.get_attribute("href").split("#")[1]
    result.click()
    page.wait_for_url(re.compile(f"#{target}$"))
    paragraph = page.locator(f"#{target}")
    assert "citable" in paragraph.get_attribute("class")
    assert "préventive" in paragraph.inner_text().lower()
    assert paragraph.evaluate("e => { const r = e.getBoundingClientRect();"
                              " return r.top >= 0 && r.top < innerHeight; }")
    assert paragraph.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 243, 196)"


def test_each_language_has_its_own_search_index_by_paragraph(site):
    for language, folder in (("en", site), ("fr", site / "fr")):
        index = json.loads((folder / "search" / "search_index.json").read_text("utf-8"))
        assert index["config"]["lang"] == [language]
        locations = [doc["location"] for doc in index["docs"]]
        assert not any(location.startswith("fr/") for location in locations), language
        assert "declaration/article-6/#art-6-2" in locations
        assert not any(location.startswith("declaration/full-text/#") for location in locations)
        assert not any(location.startswith("declaration/parallel/") for location in locations)
    french = json.loads((site / "fr/search/search_index.json").read_text("utf-8"))["docs"]
    paragraph = next(doc for doc in french if doc["location"] == "declaration/article-6/#art-6-1")
    assert "solidarité" in paragraph["text"] and "solidarite" in paragraph["folded_text"]


def _index(site: Path, language: str) -> list[dict]:
    folder = site / PREFIX[language]
    return json.loads((folder / "search" / "search_index.json").read_text("utf-8"))["docs"]


@pytest.mark.parametrize("language, citation", [("en", "Art. 2(1)"), ("fr", "Art. 2, par. 1")])
def test_each_unit_is_indexed_once_by_its_citation_with_its_words_alone(site, language, citation):
    docs = _index(site, language)
    locations = [doc["location"] for doc in docs]
    assert len(locations) == len(set(locations))
    by_location = {doc["location"]: doc for doc in docs}
    assert by_location["declaration/article-2/#art-2-1"]["title"] == citation
    for source in ("declaration", "essay"):
        units = json.loads((site / "data" / f"{source}.{language}.json").read_text("utf-8"))
        for unit in units["units"]:
            if unit["kind"] == "article":
                continue  # the article's heading: its page's entry
            page = unit["urls"][language].removeprefix(SITE_URL + PREFIX[language]).split("#")[0]
            doc = by_location[f"{page}#{unit['id']}"]
            # No paragraph number, label or footnote marker glued to the words ("24I came").
            assert doc["text"] == escape(unit["text"], quote=False), unit["id"]
    assert by_location["essay/#p-24"]["text"].startswith(("I came away", "Je suis ressortie"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_code_examples_and_data_samples_are_not_indexed(site, language):
    data = [doc for doc in _index(site, language) if doc["location"].startswith("data/")]
    assert data, "the Data page is indexed"
    for doc in data:
        # The JSON and XML samples quote Article 13(8)(b): "global warming", "réchauffement".
        assert not {"warming", "réchauffement", '"id":', "<akomaNtoso"} & set(
            doc["text"].replace("&quot;", '"').replace("&lt;", "<").split()), doc["location"]
        assert "<pre>" not in doc["text"]


@pytest.mark.browser
@pytest.mark.parametrize("opening", ["click", "/", "s", "button"])
def test_search_loads_only_when_a_reader_opens_it_then_works(page, server, opening):
    if opening == "button":
        page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + "fr/declaration/article-6/")
    page.wait_for_load_state("networkidle")
    searching = [url for url in page.requests if "search" in url.rsplit("/", 2)[-2:][0]
                 or url.endswith("search_index.json") or "/workers/" in url]
    assert searching == [], searching
    if opening == "click":
        page.click("input.md-search__input")
    elif opening == "button":
        page.click("label.md-header__button[for=__search]")
    else:
        page.keyboard.press(opening)
    page.wait_for_function("document.activeElement.matches('input.md-search__input')")
    page.keyboard.type("réchauffement")
    page.wait_for_selector(".md-search-result__item")
    assert any(url.endswith("fr/search/search_index.json") for url in page.requests)
    assert any("/workers/search." in url for url in page.requests)
    first = page.locator("a.md-search-result__link").nth(1).get_attribute("href")
    assert first.endswith("declaration/article-13/?h=r%C3%A9chauffement#art-13-8-b"), first
    assert page.console_errors == []


def test_mkdocs_serve_dirty_starts_with_both_indexes_whole(site):
    """Material's dirty mode merges the previous index; each language's must stay its own.
    (MkDocs warns about any dirty build, so this runs without --strict.)"""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "--no-livereload",
         "--dev-addr", f"127.0.0.1:{port}"], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    base = f"http://127.0.0.1:{port}{urlsplit(SITE_URL).path}"
    try:
        indexes = {}
        for _ in range(120):
            if server.poll() is not None:
                break
            try:
                for language in LANGUAGES:
                    with urlopen(f"{base}{PREFIX[language]}search/search_index.json") as response:
                        indexes[language] = json.loads(response.read())["docs"]
                break
            except (OSError, ValueError):
                time.sleep(0.5)
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert set(indexes) == set(LANGUAGES), output[-3000:]
    for language in LANGUAGES:
        built = _index(site, language)
        assert len(indexes[language]) == len(built), language
        assert {doc["location"] for doc in indexes[language]} == {doc["location"] for doc in built}


# --- Print -------------------------------------------------------------------------------

PRINT_HIDDEN = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                ".md-search", ".md-content__button", ".md-top", ".md-skip", ".headerlink",
                ".paragraph-link:not(.paragraph-number)", ".footnote-backref"]


@pytest.mark.browser
@pytest.mark.parametrize("path", ["declaration/full-text/", "fr/declaration/full-text/",
                                  "declaration/article-5/", "fr/essay/"])
def test_pages_print_as_text_alone_with_labels_and_readable_footnotes(page, server, path):
    page.goto(server + path)
    page.emulate_media(media="print")
    for selector in PRINT_HIDDEN:
        visible = page.locator(selector).evaluate_all(
            "els => els.filter(e => e.getClientRects().length"
            " && getComputedStyle(e).visibility !== 'hidden').length")
        assert visible == 0, (path, selector)
    for selector in (".paragraph-label", ".paragraph-number"):
        for element in page.locator(selector).all():
            assert element.is_visible(), (path, selector)
            box = element.bounding_box()
            assert box["x"] >= 0, (path, selector, box)  # not cut off at the page's edge
    footnotes = page.locator(".footnote li")
    if footnotes.count():
        style = footnotes.first.evaluate(
            "e => [parseFloat(getComputedStyle(e).fontSize), getComputedStyle(e).color]")
        assert style[0] >= 11 and style[1] == "rgb(0, 0, 0)", style


# --- Parallel view ---------------------------------------------------------------------------

def _full_text_units(site: Path, language: str) -> list[str]:
    html = _html(built_page(site, "declaration/full-text.md", language))
    return [p["id"] for p in html.select("article p.citable")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_parallel_view_aligns_every_paragraph_of_both_languages_by_id(site, language):
    html = _html(built_page(site, "declaration/parallel.md", language))
    rows = html.select("table.parallel tr.parallel__row--paragraph")
    keys = [row["data-unit"] for row in rows]
    assert keys == _full_text_units(site, "en") == _full_text_units(site, "fr")
    for row in rows:
        english, french = row.find_all("td", recursive=False)
        assert (english["lang"], french["lang"]) == ("en", "fr")
        assert english.p["id"] == "en-" + row["data-unit"]
        assert french.p["id"] == "fr-" + row["data-unit"]
    ids = [element["id"] for element in html.select("[id]")]
    assert len(ids) == len(set(ids))
    assert not set(ids) & set(_full_text_units(site, "en"))
    for link in html.select("table.parallel a[href^='#']"):
        assert html.find(id=link["href"][1:]), link["href"]
    titles = [a.get_text(strip=True) for a in html.select("nav.md-nav--secondary a")]
    first = {"en": "Article 1", "fr": "Article premier"}[language]  # UN French: « Article premier »
    assert titles[-13:] == [first] + [f"Article {n}" for n in range(2, 14)]


def _page_of(unit: str) -> str:
    """The source page of a unit of the declaration."""
    return "declaration/preamble/" if unit.startswith("pp-") else \
        f"declaration/article-{unit.split('-')[1]}/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_parallel_cell_cites_and_links_its_paragraph_on_its_own_page(site, language):
    view = built_page(site, "declaration/parallel.md", language)
    html = _html(view)
    for row in html.select("table.parallel tr.parallel__row--paragraph"):
        unit = row["data-unit"]
        for cell in row.find_all("td", recursive=False):
            link = cell.select_one("a.paragraph-link")
            target = (view.parent / link["href"].split("#")[0]).resolve()
            expected = site / PREFIX[cell["lang"]] / _page_of(unit)
            assert target == expected.resolve() and link["href"].endswith(f"#{unit}"), link
            own = _html(target / "index.html").find(id=unit)
            assert cell.p["data-cite"] == own["data-cite"], unit  # that language's citation
            assert cell["data-cite-title"] == _html(target / "index.html").select_one(
                ".citation-context")["data-cite-title"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_article_page_links_to_its_rows_in_the_parallel_view(site, language):
    view = built_page(site, "declaration/parallel.md", language)
    rows = _html(view)
    for source in ["declaration/preamble.md", *ARTICLES]:
        page = built_page(site, source, language)
        heading = _html(page).select_one("article h1")["id"]
        links = _html(page).select("article p.parallel-entry a")
        assert len(links) == 1, source
        href = links[0]["href"]
        assert (page.parent / href.split("#")[0]).resolve() == view.parent.resolve(), href
        assert href.endswith(f"#{language}-{heading}")
        assert rows.find(id=f"{language}-{heading}").find_parent("tr")["data-unit"] == heading


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_parallel_view_on_a_phone(browser, server, language):
    """At 390×844, by touch: the caption spans the table, each cell names its language and
    the two are marked apart, and a tap on a cell's link symbol copies that cell's citation
    and the address of the paragraph on its own language's page."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                                  is_mobile=True, device_scale_factor=2)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    view = server + PREFIX[language] + "declaration/parallel/"
    page.goto(view)
    table = page.locator("table.parallel").bounding_box()
    caption = page.locator("table.parallel caption").bounding_box()
    assert caption["width"] >= 0.9 * table["width"], (caption, table)
    assert caption["height"] < 80, caption
    row = page.locator("tr[data-unit='art-6-2']")
    english, french = row.locator("td[lang='en']"), row.locator("td[lang='fr']")
    labels = [cell.evaluate("e => getComputedStyle(e, '::before').content")
              for cell in (english, french)]
    assert labels == ['"English"', '"Français"'], labels
    looks = [cell.evaluate("e => [getComputedStyle(e).borderLeftColor, "
                           "getComputedStyle(e).backgroundColor]") for cell in (english, french)]
    assert looks[0][0] != looks[1][0] and looks[0][1] != looks[1][1], looks
    for cell in (english, french):
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    expectations = {
        "en": ("Draft declaration on the right of peoples and individuals to international "
               "solidarity (preliminary text), art. 6(2)", ""),
        "fr": ("Projet de déclaration sur le droit des peuples et des individus à la solidarité "
               "internationale (version préliminaire), art. 6, par. 2", "fr/"),
    }
    for cell_language, cell in (("en", english), ("fr", french)):
        citation, prefix = expectations[cell_language]
        link = cell.locator("a.paragraph-link")
        link.scroll_into_view_if_needed()
        link.tap()
        copied = page.evaluate("navigator.clipboard.readText()")
        edition = edition_citation(latest_date(ROOT / "editions"), cell_language)
        assert copied == f"{citation} ({edition}), {server}{prefix}declaration/article-6/#art-6-2", \
            copied
        assert page.url == view  # the reader stays on the parallel view
    assert errors == []
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["declaration/parallel/", "fr/declaration/parallel/"])
def test_the_parallel_view_shows_each_paragraph_beside_its_translation(page, server, path):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(server + path)
    for key in ("pp-3", "art-5-m", "art-6-2", "art-13-8-b"):
        english, french = page.locator(f"#en-{key}"), page.locator(f"#fr-{key}")
        left, right = english.bounding_box(), french.bounding_box()
        assert abs(left["y"] - right["y"]) < 1, key
        assert left["x"] + left["width"] <= right["x"], key
    page.goto(server + path + "#fr-art-6-2")
    assert page.locator("#fr-art-6-2").evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
    assert page.console_errors == []


# --- Accessibility ----------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("template", TEMPLATES)
def test_axe_finds_no_violation(page, server, template, language):
    response = page.goto(server + PREFIX[language] + TEMPLATES[template])
    assert response.status == (404 if template == "404" else 200)
    assert axe_violations(page) == []


def axe_violations(page) -> list:
    """axe-core's violations on the page: (rule, its first three elements)."""
    # Evaluated from outside the page: the page's policy refuses an inline script tag.
    page.evaluate(AXE.read_text("utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], [node["target"] for node in v["nodes"]][:3]) for v in result["violations"]]
