"""Printing a page of the site, in a real Chromium: the page says which document, address
and edition it is, without the site's chrome."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from legaltext.citation import DECLARATION, edition_date
from legaltext.editions import long_date

pytestmark = pytest.mark.browser
SITE_URL = "https://example.github.io/international-solidarity/"
CHROME = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary",
          ".md-footer", ".document-downloads", ".md-content__button"]


@pytest.mark.parametrize("language, prefix", [("en", ""), ("fr", "fr/")])
def test_a_printed_article_page_identifies_itself(page, server, language, prefix):
    page.goto(server + prefix + "declaration/article-13/")
    context = page.locator(".print-context")
    assert not context.is_visible()  # only on paper
    page.emulate_media(media="print")

    text = context.inner_text()
    assert DECLARATION.citation_title[language] in text
    assert f"{SITE_URL}{prefix}declaration/article-13/" in text
    assert long_date(edition_date(), language) in text
    for selector in CHROME:
        assert not page.locator(selector).first.is_visible(), f"{selector} is printed"

    # Points are indented under their paragraph.
    paragraph = page.locator("#art-13-8 > .paragraph-label").bounding_box()
    point = page.locator("#art-13-8-a > .paragraph-label").bounding_box()
    assert point["x"] > paragraph["x"] + 10

    # The explanation of a [sic], a tooltip on screen, is printed after it.
    sic = page.locator("#art-13-6 .sic").first
    # The reader's script moves the title into data-explanation, shown on tap and focus.
    explanation = sic.get_attribute("title") or sic.get_attribute("data-explanation")
    printed = sic.evaluate("e => getComputedStyle(e, '::after').content")
    assert explanation and explanation in printed

    # On paper: the same, with page numbers.
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    printed_text = " ".join(" ".join(sheet.extract_text().split()) for sheet in pdf.pages)
    first = " ".join(pdf.pages[0].extract_text().split())
    assert DECLARATION.citation_title[language] in first
    # The address may be broken across lines.
    assert f"{SITE_URL}{prefix}declaration/article-13/" in first.replace(" ", "")
    assert f"1 / {len(pdf.pages)}" in first
    assert explanation in printed_text
