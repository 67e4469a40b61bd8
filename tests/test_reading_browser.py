"""Citable paragraphs, language switch and footnotes, in a real Chromium."""

from __future__ import annotations

import re

import pytest

from legaltext.editions import edition_citation, latest_date
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
HIGHLIGHT = "rgb(255, 243, 196)"


def test_a_fragment_url_scrolls_to_the_paragraph_and_highlights_it(page, server):
    page.goto(server + "declaration/article-13/#art-13-8-b")
    target = page.locator("#art-13-8-b")
    assert target.evaluate("e => { const r = e.getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= innerHeight; }")
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") == HIGHLIGHT
    other = page.locator("#art-13-8-a")
    assert other.evaluate("e => getComputedStyle(e).backgroundColor") != HIGHLIGHT


@pytest.mark.parametrize("language, prefix, citation", [
    ("en", "", "Draft declaration on the right of peoples and individuals to international "
               "solidarity (preliminary text), art. 6(2)"),
    ("fr", "fr/", "Projet de déclaration sur le droit des peuples et des individus à la "
                  "solidarité internationale (version préliminaire), art. 6, par. 2"),
])
def test_the_link_symbol_copies_the_url_and_citation_and_says_so(page, server, language, prefix,
                                                                 citation):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(server + prefix + "declaration/article-6/")
    page.hover("#art-6-2")
    page.click("#art-6-2 > a.paragraph-link")
    copied = page.evaluate("navigator.clipboard.readText()")
    edition = edition_citation(latest_date(ROOT / "editions"), language)  # the text's edition
    assert copied == f"{citation} ({edition}), {server}{prefix}declaration/article-6/#art-6-2"
    assert page.locator(".copy-status").inner_text() != ""
    assert page.url.endswith("#art-6-2")


def test_the_link_symbol_works_from_the_keyboard(page, server):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(server + "essay/")
    page.focus("#p-12 > a.paragraph-link")
    assert page.locator("#p-12 > a.paragraph-link").evaluate("e => getComputedStyle(e).opacity") == "1"
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()").endswith("essay/#p-12")


def test_without_javascript_the_link_symbol_is_a_plain_link(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "declaration/article-6/")
    page.click("#art-6-2 > a.paragraph-link")
    assert page.url.endswith("declaration/article-6/#art-6-2")
    context.close()


def test_switching_language_keeps_the_paragraph(page, server):
    page.goto(server + "declaration/article-6/#art-6-2")
    page.hover(".md-header .md-select")
    page.click("a.md-select__link[hreflang='fr']")
    page.wait_for_url(re.compile(r".*/fr/declaration/article-6/#art-6-2$"))
    page.hover(".md-header .md-select")
    page.click("a.md-select__link[hreflang='en']")
    page.wait_for_url(re.compile(r".*/international-solidarity/declaration/article-6/#art-6-2$"))


def test_switching_language_from_the_keyboard(page, server):
    page.goto(server + "declaration/article-13/#art-13-8-b")
    page.focus("a.md-select__link[hreflang='fr']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/fr/declaration/article-13/#art-13-8-b$"))


@pytest.mark.parametrize("action", ["hover", "focus"])
def test_a_footnote_marker_previews_its_text(page, server, action):
    page.goto(server + "declaration/article-5/")
    getattr(page, action)("a.footnote-ref")
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert "A/HRC/21/66" in tooltip.inner_text()


def test_the_footnote_back_link_returns_to_the_marker(page, server):
    page.goto(server + "declaration/article-6/#fn:11")
    page.click("#fn\\:11 a.footnote-backref")
    page.wait_for_url(re.compile(r".*#fnref:11$"))
    assert page.locator("#fnref\\:11").evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")


def test_the_ibid_expansion_links_to_the_earlier_footnote(page, server):
    page.goto(server + "declaration/article-6/")
    page.click("#fn\\:11 .ibid-expansion a")
    page.wait_for_url(re.compile(r".*/declaration/article-5/#fn:10$"))
