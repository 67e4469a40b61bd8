"""The site on a phone (390 × 844, touch), from the keyboard, in the dark and in print,
in a real Chromium."""

from __future__ import annotations

import re

import pytest

from legaltext.editions import edition_citation, latest_date
from tests.conftest import ROOT
from tests.test_reader import PREFIX, TEMPLATES, axe_violations

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
# WCAG 2.5.8 (target size, minimum).
TARGET = 24
# The controls a reader taps, other than links inside running text (which WCAG exempts).
CONTROLS = ("a.paragraph-link, a.headerlink, a.footnote-ref, a.footnote-backref, .md-header__button, "
            ".md-search__input, [data-explanation], .md-footer__link, .md-content__button")
# Size and place of each visible control: the page is scrolled to it first.
_MEASURE = """selector => [...document.querySelectorAll(selector)]
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== "hidden"
               && !e.closest("[hidden], .md-sidebar, .md-search__output"))
  .map(e => {
    e.scrollIntoView({block: "center"});
    const r = e.getBoundingClientRect();
    return {what: e.className || e.tagName, x: r.left, right: r.right,
            width: r.width, height: r.height};
  })"""


# Where the focused element is once it has settled (a control may slide or fade in).
_FOCUSED = """async () => {
  const e = document.activeElement;
  const place = () => JSON.stringify(e.getBoundingClientRect());
  await new Promise(done => setTimeout(done, 400));  // Material's transitions: 250 ms
  let before = "";
  for (let tries = 0; tries < 20 && place() !== before; tries++) {
    before = place();
    await new Promise(done => setTimeout(done, 120));
  }
  const r = e.getBoundingClientRect(), style = getComputedStyle(e);
  return {what: e.outerHTML.slice(0, 80), x: r.left, y: r.top, right: r.right,
          bottom: r.bottom, width: r.width, height: r.height,
          page: e !== document.body,
          shown: style.visibility !== "hidden" && style.opacity !== "0",
          drawer: !!e.closest(".md-sidebar--primary")};
}"""


@pytest.fixture
def phone(browser, server):
    """A page in a phone's viewport, with touch, that can read the clipboard."""
    context = browser.new_context(base_url=server, viewport=PHONE, has_touch=True,
                                  is_mobile=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.console_errors = []
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    yield page
    context.close()


@pytest.mark.parametrize("path", ["declaration/article-5/", "fr/declaration/article-13/",
                                  "essay/", "fr/declaration/preamble/"])
def test_every_control_is_at_least_24_px_and_on_screen(phone, server, path):
    phone.goto(server + path)
    controls = phone.evaluate(_MEASURE, CONTROLS)
    assert len(controls) > 10
    small = [c for c in controls if c["width"] < TARGET or c["height"] < TARGET]
    off_screen = [c for c in controls if c["x"] < 0 or c["right"] > PHONE["width"]]
    assert small == [] and off_screen == [], (small[:5], off_screen[:5])
    sizes = {}
    for control in controls:
        kind = control["what"].split()[0]
        width, height = sizes.get(kind, (999, 999))
        sizes[kind] = (min(width, round(control["width"])), min(height, round(control["height"])))
    print(f"\nsmallest targets on {path} (px): {sizes}")


@pytest.mark.parametrize("prefix, citation", [
    ("", "art. 6(2)"), ("fr/", "art. 6, par. 2")])
def test_the_copy_link_shows_without_hover_and_copies_on_a_tap(phone, server, prefix, citation):
    phone.goto(server + prefix + "declaration/article-6/")
    link = phone.locator("#art-6-2 > a.paragraph-link")
    assert float(link.evaluate("e => getComputedStyle(e).opacity")) >= 0.5
    box = link.bounding_box()
    assert box["x"] >= 0 and box["width"] >= TARGET and box["height"] >= TARGET
    link.tap()
    phone.wait_for_url(re.compile(r"#art-6-2$"))
    copied = phone.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(("Draft declaration", "Projet de déclaration"))
    edition = edition_citation(latest_date(ROOT / "editions"), prefix.rstrip("/") or "en")
    assert f", {citation} ({edition}), {server}{prefix}declaration/article-6/#art-6-2" in copied
    assert phone.locator(".copy-status").inner_text() != ""


@pytest.mark.parametrize("path", ["declaration/article-6/", "fr/essay/"])
def test_the_first_40_tab_stops_are_visible_and_on_screen(phone, server, path):
    phone.goto(server + path)
    stops = []
    for number in range(1, 41):
        phone.keyboard.press("Tab")
        stops.append({"number": number, **phone.evaluate(_FOCUSED)})
    # Past the last control, focus leaves the page for the browser's own controls.
    stops = [stop for stop in stops if stop["page"]]
    assert len(stops) >= 30
    hidden = [stop for stop in stops if not stop["shown"] or not stop["width"]
              or stop["x"] < 0 or stop["right"] > PHONE["width"]
              or stop["y"] < 0 or stop["bottom"] > PHONE["height"] or stop["drawer"]]
    assert hidden == [], hidden


def test_points_stand_under_their_paragraph_and_a_link_to_one_names_it(phone, server):
    phone.goto(server + "declaration/article-5/")
    left = phone.evaluate("id => document.getElementById(id).getBoundingClientRect().left",
                          "art-5-text")
    for point in ("art-5-a", "art-5-n"):
        indent = phone.evaluate("id => document.getElementById(id).getBoundingClientRect().left",
                                point) - left
        assert indent >= 16, (point, indent)
    phone.goto(server + "fr/declaration/article-13/#art-13-8-b")
    paragraph = phone.locator("#art-13-8")
    point = phone.locator("#art-13-8-b")
    assert point.bounding_box()["x"] - paragraph.bounding_box()["x"] >= 16
    named = point.evaluate("e => getComputedStyle(e, '::before').content")
    assert named == '"art. 13, par. 8, al. b)"'
    assert point.evaluate("e => { const r = e.getBoundingClientRect();"
                          " return r.top >= 0 && r.bottom <= innerHeight; }")


@pytest.mark.parametrize("path", ["declaration/article-13/", "fr/essay/"])
def test_an_editorial_explanation_shows_on_tap_and_on_focus(phone, server, path):
    phone.goto(server + path)
    mark = phone.locator("[data-explanation]").first
    explanation = mark.get_attribute("data-explanation")
    assert explanation and mark.get_attribute("title") is None
    mark.tap()
    assert mark.evaluate("e => getComputedStyle(e, '::after').content") == f'"{explanation}"'
    phone.locator("body").tap(position={"x": 5, "y": 300})
    mark.focus()
    assert mark.evaluate("e => getComputedStyle(e, '::after').content") == f'"{explanation}"'


@pytest.mark.parametrize("javascript", [True, False])
def test_an_editorial_explanation_is_printed(browser, server, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(server + "declaration/article-13/")
    page.emulate_media(media="print")
    mark = page.locator("#art-13-6 .sic").first
    printed = mark.evaluate("e => getComputedStyle(e, '::after').content")
    assert printed.startswith('" (Missing “to” before “exercise”'), printed
    context.close()


@pytest.mark.parametrize("path", ["fr/no-such-page/", "fr/declaration/article-99/"])
def test_a_missing_french_url_shows_a_404_page_french_throughout(phone, server, path):
    phone.goto(server + path)
    phone.wait_for_url(re.compile(r"/fr/404\.html$"))
    assert phone.evaluate("document.documentElement.lang") == "fr"
    assert phone.locator("h1:visible").all_inner_texts() == ["Page introuvable"]
    assert phone.locator("input.md-search__input").get_attribute("placeholder") == "Rechercher"
    assert "Sources : voir À propos" in phone.locator(".md-footer").inner_text()
    phone.click("label.md-header__button[for=__drawer]")
    menu = phone.locator(".md-sidebar--primary").inner_text()
    assert "Accueil" in menu and "Préambule" in menu and "Home" not in menu
    body = phone.locator("body").inner_text()
    for english in ("Page not found", "Search", "Sources: see About", "Preamble"):
        assert english not in body, english
    assert phone.console_errors == []


@pytest.mark.parametrize("scheme, body", [("dark", "slate"), ("light", "default")])
@pytest.mark.parametrize("template", ["home", "article", "essay", "parallel", "404"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_scheme_follows_the_system_and_axe_finds_no_violation(browser, server, scheme, body,
                                                                   template, language):
    context = browser.new_context(color_scheme=scheme, viewport=PHONE)
    page = context.new_page()
    page.goto(server + PREFIX[language] + TEMPLATES[template])
    assert page.evaluate("document.body.dataset.mdColorScheme") == body
    assert axe_violations(page) == []
    context.close()


def test_the_palette_toggle_overrides_the_system_and_is_remembered(browser, server):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(server + "fr/declaration/article-6/")
    toggle = page.locator("label.md-header__button[for^=__palette]:visible")
    assert toggle.get_attribute("title") == "Passer au thème sombre"
    toggle.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.goto(server + "fr/declaration/article-7/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.goto(server + "essay/")  # the other language's site keeps the choice
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    context.close()


def test_the_logo_stands_out_and_the_skip_link_does_not_cover_it(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(server + "declaration/article-6/")
    logo = page.locator(".md-header__button.md-logo img")
    assert logo.get_attribute("src").endswith("assets/logo.svg")
    assert logo.bounding_box()["height"] >= 24
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.wait_for_timeout(300)  # its slide-in
    a, b = skip.bounding_box(), logo.bounding_box()
    assert a["y"] >= b["y"] + b["height"] or a["x"] >= b["x"] + b["width"], (a, b)
    context.close()
