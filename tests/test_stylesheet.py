"""The site's one stylesheet (legaltext/stylesheet.py, hooks/stylesheet.py): CSS in, CSS
out; then the built site, and every class its pages use, in Chromium too."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import tinycss2
import yaml
from bs4 import BeautifulSoup

from legaltext.stylesheet import (DROPPED_COMPONENTS, attribute_values, cached_site_stylesheet,
                                  dropped_classes, minified, required, selector_list,
                                  site_stylesheet, trimmed)
from tests.conftest import ROOT
from tests.test_reader import PREFIX
from tests.search_box import search

MATERIAL = Path(__import__("material").__file__).parent / "templates" / "assets" / "stylesheets"
COMPONENTS = {"tabs (test)": ("tabbed-set", "md-tabs")}


def _without(css: str) -> str:
    return trimmed(css, COMPONENTS, ())


# --- CSS in, CSS out ----------------------------------------------------------------------

def test_a_selector_that_requires_a_class_of_a_component_goes_and_the_rest_of_its_rule_stays():
    css = ".md-typeset .tabbed-set>label,.md-nav a{color:red}.md-tabs__link--active{top:0}"
    assert _without(css) == ".md-nav a{color:red}"


def test_a_class_in_a_function_argument_is_not_required():
    css = ".a:not(.tabbed-set){x:1}:is(.a,.tabbed-set) b{x:2}.a:has(.md-tabs){x:3}"
    assert _without(css) == css


def test_a_class_is_of_a_component_by_its_name_element_or_modifier_only():
    css = ".md-tabs-other{x:1}.md-tabsx{x:2}.tabbed-set__x{x:3}.tabbed-set--y{x:4}.md-tabs{x:5}"
    assert _without(css) == ".md-tabs-other{x:1}.md-tabsx{x:2}"
    assert dropped_classes({"md-tabs__item", "md-tabs-other", "md-nav"}, COMPONENTS) == {
        "md-tabs__item"}


def test_media_blocks_are_trimmed_and_go_when_empty_and_other_at_rules_stay():
    css = ("@charset \"utf-8\";@media print{.md-tabs{x:1}}@media screen{.md-tabs{x:1}.a{x:2}}"
           "@keyframes pulse{0%{x:1}}@page{margin:0}")
    assert _without(css) == "@media screen{.a{x:2}}@keyframes pulse{0%{x:1}}@page{margin:0}"


def test_only_the_rules_for_the_colours_and_direction_the_pages_can_have_are_kept():
    values = attribute_values([{"scheme": "slate"}, {"primary": "deep purple"}], "ltr")
    assert dict(values) == {"data-md-color-scheme": ("default", "slate"),
                            "data-md-color-primary": ("deep-purple", "indigo"),
                            "data-md-color-accent": ("indigo",), "dir": ("ltr",)}
    css = ("@media screen{[data-md-color-scheme=slate]{a:1}[data-md-color-scheme=slate]"
           "[data-md-color-primary=pink]{a:2}}[data-md-color-primary=deep-purple]{a:3}"
           "[data-md-color-accent=red],[data-md-color-accent=indigo]{a:4}"
           "[data-md-color-switching] *{a:5}[dir=rtl] .a{a:6}[dir=ltr] .a{a:7}[lang=fr]{a:8}")
    assert trimmed(css, {}, values) == (
        "@media screen{[data-md-color-scheme=slate]{a:1}}[data-md-color-primary=deep-purple]{a:3}"
        "[data-md-color-accent=indigo]{a:4}[data-md-color-switching] *{a:5}[dir=ltr] .a{a:7}"
        "[lang=fr]{a:8}")


def test_the_site_stylesheets_lose_their_comments_and_extra_space_not_their_meaning():
    css = '/* why */\n.a  >  .b,\n.c {\n  content: "  /* kept */  ";\n  margin: 0 auto;\n}\n'
    assert minified(css) == '.a > .b, .c {content: "  /* kept */  "; margin: 0 auto; }'


def test_every_component_has_a_reason_and_names_only_classes():
    for component, names in DROPPED_COMPONENTS.items():
        assert re.search(r"\(.+\)$", component), component
        assert all(re.fullmatch(r"[a-z][a-z0-9-]*(__[a-z0-9-]+)?(--[a-z0-9-]+)?", n) for n in names)


# --- The built site -----------------------------------------------------------------------

def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _stylesheet(site: Path) -> Path:
    [stylesheet] = (site / "assets" / "stylesheets").glob("site.*.css")
    return stylesheet


def test_every_page_links_the_one_stylesheet_and_its_name_changes_with_its_content(site: Path):
    stylesheet = _stylesheet(site)
    digest = hashlib.sha256(stylesheet.read_bytes()).hexdigest()[:8]
    assert stylesheet.name == f"site.{digest}.css"
    assert sorted(p.name for p in stylesheet.parent.iterdir()) == [stylesheet.name]
    for path in _pages(site):
        html = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        links = html.select('link[rel~="stylesheet"]')
        if path.parent.name == "search" or not html.select("body"):  # redirects: no style
            continue
        assert [link["href"].rsplit("/", 1)[-1] for link in links] == [stylesheet.name], path
        assert not html.select("style"), path


def _selectors(css: str) -> dict[tuple[str, str], tuple[set[str], set[str], set[str]]]:
    """Every selector with the at-rules around it, and the classes, elements and values of
    TESTED_ATTRIBUTES ("dir=ltr") it requires."""
    found = {}

    def walk(rules, context):
        for rule in rules:
            if rule.type == "qualified-rule":
                for selector in selector_list(rule.prelude):
                    classes, elements, attributes = required(selector)
                    values = {tinycss2.serialize(block.content).replace('"', "")
                              for block in attributes}
                    found[(context, tinycss2.serialize(selector).strip())] = (
                        classes, elements, {value for value in values
                                            if value.split("=")[0] in TESTED_ATTRIBUTES})
            elif rule.type == "at-rule" and rule.content is not None and \
                    rule.lower_at_keyword in ("media", "supports"):
                walk(tinycss2.parse_rule_list(rule.content, True, True),
                     context + "@" + tinycss2.serialize(rule.prelude).strip())

    walk(tinycss2.parse_stylesheet(css, True, True), "")
    return found


def _static_names(site: Path) -> tuple[set[str], set[str], set[str]]:
    classes, elements, values = set(), set(), set()
    for path in _pages(site):
        for element in BeautifulSoup(path.read_text("utf-8"), "html.parser").find_all(True):
            elements.add(element.name)
            classes.update(element.get("class", []))
            values.update(f"{name}={element[name]}" for name in TESTED_ATTRIBUTES
                          if element.has_attr(name))
    return classes, elements, values


# Attributes whose values the stylesheet keeps the rules of (legaltext.stylesheet.attribute_values).
TESTED_ATTRIBUTES = ("dir", "data-md-color-scheme", "data-md-color-primary", "data-md-color-accent")
_NAMES = """attributes => {
  const all = [...document.querySelectorAll("*")];
  return [[...new Set(all.flatMap(e => [...e.classList]))], [...new Set(all.map(e => e.localName))],
          [...new Set(all.flatMap(e => attributes.filter(a => e.hasAttribute(a))
                                                 .map(a => a + "=" + e.getAttribute(a))))]];
}"""


def _runtime_names(browser, server: str) -> tuple[set[str], set[str], set[str]]:
    """Classes and elements once Material's script has run, with its components opened:
    search and its results, the footnote tooltip, the drawer, the back-to-top button, the
    palette toggle, the language selector, and code blocks."""
    classes, elements, values = set(), set(), set()

    def record(page):
        names = page.evaluate(_NAMES, list(TESTED_ATTRIBUTES))
        classes.update(names[0])
        elements.update(names[1])
        values.update(names[2])

    for viewport in ({"width": 1280, "height": 800}, {"width": 390, "height": 844}):
        context = browser.new_context(viewport=viewport, color_scheme="light")
        page = context.new_page()
        for language in PREFIX.values():
            for path in ("declaration/article-6/", "data/", "", "no-such-page/"):
                page.goto(server + language + path)
                record(page)
            page.goto(server + language + "declaration/article-6/")
            if viewport["width"] > 1000:
                page.locator("a.footnote-ref").first.hover()
                page.wait_for_selector(".md-tooltip2--active, .md-tooltip--active")
                record(page)
                page.locator(".md-header__option .md-select").hover()
                record(page)
            else:
                page.locator("label.md-header__button[for=__drawer]").click()
                page.wait_for_timeout(300)
                record(page)
                page.keyboard.press("Escape")
                page.goto(server + language + "declaration/article-6/")
            page.goto(server + language + "declaration/full-text/")
            for y in (3000, 4000, 3800, 3600):  # down, then up: the button shows
                page.evaluate(f"window.scrollTo(0, {y})")
                page.wait_for_timeout(150)
            page.wait_for_selector(".md-top:not([hidden])")
            record(page)
            page.locator("label.md-header__button[for^=__palette]:visible").click()
            record(page)
            page.locator("label.md-header__button[for^=__palette]:visible").click()
            if viewport["width"] > 1000:  # a phone opens search with a button first
                search(page, "solidarity")
                record(page)
        context.close()
    return classes, elements, values


@pytest.mark.browser
def test_every_rule_a_page_can_use_is_kept_and_no_page_has_a_dropped_component(
        site: Path, browser, server: str):
    classes, elements, values = _static_names(site)
    runtime_classes, runtime_elements, runtime_values = _runtime_names(browser, server)
    assert {"md-search-result__item", "md-tooltip2", "md-top"} <= runtime_classes
    assert "data-md-color-scheme=slate" in runtime_values
    classes |= runtime_classes
    elements |= runtime_elements
    values |= runtime_values
    assert dropped_classes(classes) == set()
    assert {value for value in values if value.startswith("dir=")} == {"dir=ltr"}
    kept = _selectors(_stylesheet(site).read_text("utf-8"))
    main = _selectors(next(MATERIAL.glob("main.*.min.css")).read_text("utf-8"))
    main |= _selectors(next(MATERIAL.glob("palette.*.min.css")).read_text("utf-8"))
    usable = [selector for selector, (needs, tags, needed_values) in main.items()
              if needs <= classes and tags <= elements and needed_values <= values]
    assert len(usable) > 500  # not vacuous
    assert [selector for selector in usable if selector not in kept] == []


@pytest.mark.browser
def test_the_dark_scheme_and_print_have_their_rules(browser, server: str):
    backgrounds = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(server + "declaration/article-6/")
        backgrounds[scheme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
        if scheme == "light":
            page.emulate_media(media="print")
            assert page.locator(".md-header").is_hidden()
            assert page.locator(".print-context").is_visible()
        context.close()
    assert backgrounds["light"] == "rgb(255, 255, 255)"
    assert backgrounds["dark"] != backgrounds["light"]


def test_the_fixture_site_has_the_same_hooks_and_stylesheets():
    def load(path: Path) -> dict:
        return yaml.load(path.read_text("utf-8"), Loader=yaml.BaseLoader)

    config, fixture = load(ROOT / "mkdocs.yml"), load(ROOT / "tests/fixtures/site/mkdocs.yml")
    assert (fixture["hooks"], fixture["extra_css"]) == (config["hooks"], config["extra_css"])


def test_the_stylesheet_is_kept_for_the_next_build_until_what_it_is_made_of_changes(tmp_path):
    values = attribute_values({"scheme": "default", "primary": "indigo"}, "ltr")
    main, palette = ".md-typeset p{color:red}", ":root{--md-x:1}"
    made = cached_site_stylesheet(tmp_path, main, palette, values, ["a { color: blue }"])
    assert made == site_stylesheet(main, palette, values, ["a { color: blue }"])
    (kept,) = tmp_path.glob("*.css")
    kept.write_text("/* the kept copy */", "utf-8")  # what the next build reads
    assert cached_site_stylesheet(tmp_path, main, palette, values,
                                  ["a { color: blue }"]) == "/* the kept copy */"
    changed = cached_site_stylesheet(tmp_path, main, palette, values, ["a { color: green }"])
    assert "green" in changed and [path.read_text("utf-8") for path in
                                   tmp_path.glob("*.css")] == [changed]


def test_the_next_build_finds_the_kept_stylesheet_whatever_its_hash_seed(tmp_path):
    # Each build is a new process, with its own order for a set of strings: the cache key
    # must not depend on it, or every build makes the stylesheet again.
    program = (
        "import sys; from pathlib import Path; "
        "from legaltext.stylesheet import attribute_values, cached_site_stylesheet; "
        "values = attribute_values([{'scheme': s, 'primary': p, 'accent': a} for s, p, a in "
        "[('default', 'indigo', 'red'), ('slate', 'blue grey', 'deep orange'), "
        "('default', 'teal', 'amber')]], 'ltr'); "
        "print(cached_site_stylesheet(Path(sys.argv[1]), '.a{color:red}', ':root{--x:1}', "
        "values, []), end='')")
    for seed in ("1", "2", "3", "4"):
        made = subprocess.run([sys.executable, "-c", program, str(tmp_path)], check=True,
                              capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        if seed == "1":
            (kept,) = tmp_path.glob("*.css")
            kept.write_text("/* the kept copy */", "utf-8")
        else:
            assert made == "/* the kept copy */", f"hash seed {seed} made the stylesheet again"
