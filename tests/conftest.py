"""Shared fixtures: one strict EN+FR build for the whole suite, a local server, a browser."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from legaltext.documents import language_pages, page_url
from tools.browser import LAUNCH_ARGS, playwright_chromium, system_chromium
from tools.pages_server import serve, site_prefix
from tools.project import FIXTURE, copy_sources

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGUAGES = ("en", "fr")
# Scratch builds (bad input, translations) make no PDFs; the shared site does.
os.environ["PDF_EDITIONS"] = "skip"


def build_site(destination: Path, config: Path = ROOT / "mkdocs.yml",
               cwd: Path = ROOT, pdfs: bool = False) -> subprocess.CompletedProcess:
    """Run a real, strict MkDocs build; return the finished process."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if pdfs:
        environment.pop("PDF_EDITIONS")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
         "--config-file", str(config), "--site-dir", str(destination)],
        cwd=cwd, capture_output=True, text=True, env=environment,
    )


# `make check` builds the site once and runs the content tests on it (tools/check.py).
BUILT_SITE = "CONTENT_CHECK_SITE"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In `make check`, only the tests of the content as built: not those that build
    fixture trees or open a browser."""
    if not os.environ.get(BUILT_SITE):
        return
    content = [item for item in items if "site" in getattr(item, "fixturenames", ())
               and not {"project", "browser", "server"} & set(item.fixturenames)]
    config.hook.pytest_deselected(items=[item for item in items if item not in content])
    items[:] = content


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site as published, PDFs included, built once, strictly, in both languages."""
    if os.environ.get(BUILT_SITE):
        return Path(os.environ[BUILT_SITE])
    destination = tmp_path_factory.mktemp("site")
    result = build_site(destination, pdfs=True)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return destination


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch copy of the frozen fixture site (tests/fixtures/site), to break: tests
    that edit text do not depend on the text editors change."""
    return copy_sources(tmp_path, FIXTURE)


def edit(project: Path, path: str, old: str, new: str) -> None:
    file = project / "docs" / path
    text = file.read_text("utf-8")
    assert old in text, f"the fixture text is not in {path}: {old!r}"
    file.write_text(text.replace(old, new, 1), "utf-8")


def source_pages(language: str = "en") -> list[str]:
    """Source paths of every page of one language, relative to its folder."""
    return language_pages(DOCS / language)


def built_page(site: Path, source: str, language: str) -> Path:
    """The HTML file built from ``source`` (e.g. ``declaration/article-6.md``)."""
    prefix = Path("fr") if language == "fr" else Path()
    return site / prefix / page_url(source) / "index.html"


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 as GitHub Pages serves it (under the site_url
    path, compressed, the root 404 page for what is missing); yields the base URL."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    with serve(site, site_prefix(config["site_url"]), compress=True) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium. Missing it is an error in CI and where REQUIRE_BROWSER is set."""
    executable = system_chromium() or playwright_chromium()
    if not executable:
        message = "no Chromium found: install one or set CHROMIUM_PATH (see README)"
        if os.environ.get("CI") or os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records every request and console error, allowing only 127.0.0.1."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(server))
    context = browser.new_context(base_url=server)
    page = context.new_page()
    page.requests = []
    page.console_errors = []
    page.on("console", lambda message: message.type == "error"
            and page.console_errors.append(message.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))

    def record(route):
        page.requests.append(route.request.url)
        if route.request.url.startswith(origin + "/"):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", record)
    yield page
    context.close()


def check(project: Path) -> tuple[int, str]:
    """Run `make check`'s command on a scratch project; return its exit code and output."""
    result = subprocess.run([sys.executable, "-m", "tools.check", str(project)], cwd=ROOT,
                            capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def assert_refused(project: Path, *expected: str) -> str:
    """`make check` fails on the project, publishes nothing, and says each expected text and
    a fix; return what it said."""
    code, output = check(project)
    assert code != 0, output
    assert not (project / "site").exists()
    for text in (*expected, "Fix:"):
        assert text in output, f"{text!r} not in:\n{output}"
    return output
