"""Defence in depth: every built page carries a Content-Security-Policy that lets only the
site's own files run and load, and every page of both languages runs under it in Chromium
with no violation, no dialog and no request to another host."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html

from tests.conftest import LANGUAGES, source_pages
from legaltext.documents import page_url

POLICY = "Content-Security-Policy"
# Recorded from the start of every document, before any script of the page runs.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""
MISSING = "no-such-page/"


def every_page() -> list[str]:
    """The site-relative URL of every page of both languages, and of each 404 page."""
    return [("" if language == "en" else f"{language}/") + url
            for language in LANGUAGES
            for url in [*map(page_url, source_pages(language)), MISSING]]


def built_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if "assets" not in path.parts)


def test_every_built_page_has_the_policy_and_no_inline_script(site):
    for path in built_pages(site):
        head = lxml_html.parse(str(path)).getroot().head
        policies = head.xpath(f"meta[@http-equiv='{POLICY}']/@content")
        assert len(policies) == 1, path
        directives = dict(part.strip().split(" ", 1) for part in policies[0].split(";"))
        assert directives["default-src"] == "'self'", path
        assert directives["script-src"] == "'self'", path  # no inline script, no handler
        inline = [script for script in head.getroottree().iter("script")
                  if not script.get("src") and script.get("type") != "application/json"]
        assert inline == [], f"{path}: inline script, which the policy refuses"


@pytest.fixture
def guarded(page):
    """The conftest page (requests and console errors recorded, other hosts refused), also
    recording policy violations and dialogs."""
    page.add_init_script(RECORD_VIOLATIONS)
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    return page


def _origin(url: str) -> str:
    return "{0.scheme}://{0.netloc}/".format(urlsplit(url))


@pytest.mark.browser
def test_every_page_runs_with_no_violation_dialog_or_outside_request(guarded, server):
    pages = every_page()
    violations = {}
    for path in pages:
        response = guarded.goto(server + path, wait_until="load")
        assert response.status == (404 if path.endswith(MISSING) else 200), path
        found = guarded.evaluate("window.__violations")
        if found:
            violations[path] = found
    assert violations == {}
    assert guarded.dialogs == []
    assert [error for error in guarded.console_errors if "Content Security Policy" in error] == []
    assert len(guarded.requests) > len(pages)
    assert all(url.startswith(_origin(server)) for url in guarded.requests), [
        url for url in guarded.requests if not url.startswith(_origin(server))]


@pytest.mark.browser
@pytest.mark.parametrize("path, query", [("declaration/article-6/", "solidarity"),
                                         ("fr/declaration/article-6/", "solidarité")])
def test_search_and_its_worker_run_under_the_policy(guarded, server, path, query):
    guarded.goto(server + path)
    guarded.keyboard.press("/")
    guarded.locator(".md-search__input").press_sequentially(query)
    guarded.wait_for_selector(".md-search-result__item")
    assert guarded.evaluate("window.__violations") == []


@pytest.mark.browser
def test_the_policy_stops_an_injected_handler_and_a_request_to_another_host(guarded, server):
    """What the source checks would let through by mistake still does not run: the page
    refuses an inline event handler and an image from another host."""
    guarded.goto(server + "declaration/article-6/")
    guarded.evaluate("""document.body.insertAdjacentHTML("beforeend",
        '<img src="missing.png" onerror="alert(1)"><img src="https://example.org/pixel.png">')""")
    guarded.wait_for_function("window.__violations.length >= 2")
    violations = guarded.evaluate("window.__violations")
    assert any(entry.startswith("script-src") for entry in violations), violations
    assert "img-src https://example.org/pixel.png" in violations
    assert guarded.dialogs == []
    assert not any("example.org" in url for url in guarded.requests)
