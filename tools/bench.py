"""`make bench`: the site's performance figures, measured now, printed for the README.

1. Build time of the whole site (both languages), and its ratio to a plain build of
   the same Markdown with the same theme and plugins but without our Markdown
   extensions and hooks, in the same run (median of several alternating builds).
2. The same on a generated site of 300 articles per language, to show how build
   time grows with the text.
3. First-load bytes of an article page, as GitHub Pages serves it (gzip): HTML,
   CSS, JavaScript and fonts, counted from the requests Chromium makes.
4. Lighthouse 12 (mobile preset, the system Chromium) on the home page, an
   article, the essay and the full text, in both languages, the site served
   compressed under its site_url path as GitHub Pages serves it.

The figures are printed, not judged: the bench does not fail on a slow result.
Lighthouse is installed with npm into a cache folder the first time.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from tools.browser import LAUNCH_ARGS, playwright_chromium, system_chromium
from tools.pages_server import serve, site_prefix
from tools.project import copy_sources

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = "lighthouse@12"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "solidarity-bench"
PAGES = {"home": "", "article": "declaration/article-6/", "essay": "essay/",
         "full text": "declaration/full-text/"}
LANGUAGE_PREFIXES = {"en": "", "fr": "fr/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUILT_IN = re.compile(r"Documentation built in (?P<seconds>[0-9.]+) seconds")
FIRST_LOAD_TYPES = {"document": "HTML", "stylesheet": "CSS", "script": "JS", "font": "fonts"}
ARTICLES = 13


# --- Build time -------------------------------------------------------------------------------

def _plain_config(config: dict) -> dict:
    """The same site without our Markdown extensions and hooks."""
    plain = {key: value for key, value in config.items() if key != "hooks"}
    plain["markdown_extensions"] = [
        extension for extension in config["markdown_extensions"]
        if not (extension if isinstance(extension, str) else next(iter(extension))
                ).startswith("legaltext.")]
    plain["strict"] = False  # links to ids that only our extensions make would stop it
    return plain


def _build(project: Path, config_file: str) -> tuple[float, float]:
    """One build: (wall-clock seconds, seconds MkDocs reports for the build itself)."""
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--clean", "--config-file", config_file,
         "--site-dir", str(site)],
        cwd=project, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    wall = time.perf_counter() - started
    shutil.rmtree(site, ignore_errors=True)
    if result.returncode:
        raise SystemExit(f"build failed ({config_file} in {project}):\n{result.stderr[-3000:]}")
    reported = BUILT_IN.findall(result.stderr)
    return wall, float(reported[-1]) if reported else float("nan")


def build_times(project: Path, runs: int) -> dict:
    """Median build times of our build and of the plain build, alternating."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    (project / "mkdocs.plain.yml").write_text(
        yaml.safe_dump(_plain_config(config), allow_unicode=True, sort_keys=False), "utf-8")
    ours, plain = [], []
    _build(project, "mkdocs.yml")  # warm the file cache and the bytecode
    for _ in range(runs):
        ours.append(_build(project, "mkdocs.yml"))
        plain.append(_build(project, "mkdocs.plain.yml"))
    (project / "mkdocs.plain.yml").unlink()
    median = {name: [statistics.median(run[i] for run in runs_) for i in (0, 1)]
              for name, runs_ in (("ours", ours), ("plain", plain))}
    return {
        "ours_wall": median["ours"][0], "plain_wall": median["plain"][0],
        "ours_build": median["ours"][1], "plain_build": median["plain"][1],
        "ratio_build": median["ours"][1] / median["plain"][1],
        "ratio_wall": median["ours"][0] / median["plain"][0],
    }


FOOTNOTE = re.compile(r"\[\^([0-9]+)\]")
ARTICLE_ID = re.compile(r"\bart-([0-9]+)\b")


def generate_articles(project: Path, count: int) -> None:
    """Make the declaration of ``project`` hold ``count`` articles per language: article N
    repeats the text of article ((N - 1) mod 13) + 1, with its own ids and footnote numbers."""
    config_path = project / "mkdocs.yml"
    config_text = config_path.read_text("utf-8")
    for language in LANGUAGE_PREFIXES:
        folder = project / "docs" / language / "declaration"
        originals = {n: (folder / f"article-{n}.md").read_text("utf-8")
                     for n in range(1, ARTICLES + 1)}
        numbers = iter(range(1, 100_000))
        for path in [folder / "preamble.md", *(folder / f"article-{n}.md"
                                                for n in range(1, count + 1))]:
            if path.name == "preamble.md":
                text = path.read_text("utf-8")
            else:
                n = int(path.stem.split("-")[1])
                text = ARTICLE_ID.sub(f"art-{n}", originals[(n - 1) % ARTICLES + 1])
                text = re.sub(r"^title: .*$", f"title: Article {n}", text, count=1, flags=re.M)
                text = re.sub(r"^# .*\{#", f"# Article {n} {{#", text, count=1, flags=re.M)
            renumbered: dict[str, str] = {}
            for label in FOOTNOTE.findall(text):
                if label not in renumbered:
                    renumbered[label] = str(next(numbers))
            path.write_text(FOOTNOTE.sub(lambda m: f"[^{renumbered[m.group(1)]}]", text), "utf-8")
        full_text = folder / "full-text.md"
        lines = [line for line in full_text.read_text("utf-8").splitlines()
                 if not re.match(r"<!-- include article-[0-9]+\.md -->", line)]
        lines += [f"<!-- include article-{n}.md -->" for n in range(1, count + 1)]
        full_text.write_text("\n".join(lines) + "\n", "utf-8")
    nav = "".join(f"      - Article {n}: declaration/article-{n}.md\n"
                  for n in range(ARTICLES + 1, count + 1))
    anchor = "      - Article 13: declaration/article-13.md\n"
    if anchor not in config_text:
        raise SystemExit("mkdocs.yml: the nav no longer lists Article 13 as the bench expects.")
    config_path.write_text(config_text.replace(anchor, anchor + nav), "utf-8")


# --- Page weight and Lighthouse ---------------------------------------------------------------

def first_load_bytes(base_url: str, path: str, chromium: str) -> dict[str, int]:
    """Bytes on the wire (gzip) of a first visit, by kind of resource; the search
    worker's script counts as JS, the search index and the icon as "other"."""
    from playwright.sync_api import sync_playwright

    sizes: dict[str, int] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
        page = browser.new_page()
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        for response in responses:
            kind = FIRST_LOAD_TYPES.get(response.request.resource_type, "other")
            if response.url.endswith(".js"):
                kind = "JS"  # including the search worker and its language scripts
            # Content-Length is what went over the wire: the server compresses text files.
            length = int(response.all_headers().get("content-length", 0))
            sizes[kind] = sizes.get(kind, 0) + length
        browser.close()
    return sizes


def lighthouse_command() -> list[str]:
    """The Lighthouse CLI, installed with npm into the cache folder if need be."""
    folder = CACHE / "lighthouse12"
    cli = folder / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.is_file():
        if not shutil.which("npm"):
            raise SystemExit("Lighthouse needs Node.js 18–22 and npm: install them, or run "
                             "`python -m tools.bench --no-lighthouse`.")
        print(f"Installing {LIGHTHOUSE} into {folder} …", flush=True)
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(folder), "--no-audit", "--no-fund",
                        "--silent", LIGHTHOUSE], check=True)
    return ["node", str(cli)]


def lighthouse(command: list[str], url: str, chromium: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as folder:
        report = Path(folder) / "report.json"
        flags = " ".join(LAUNCH_ARGS)
        result = subprocess.run(
            [*command, url, "--output=json", f"--output-path={report}", "--quiet",
             f"--chrome-flags={flags}", f"--only-categories={','.join(CATEGORIES)}"],
            capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium},
            timeout=300)
        if result.returncode or not report.is_file():
            raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        data = json.loads(report.read_text("utf-8"))
    scores = {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}
    scores["failed"] = [audit["id"] for audit in data["audits"].values()
                        if audit.get("scoreDisplayMode") == "binary" and audit.get("score") == 0]
    return scores


# --- Main ---------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds of each kind (median)")
    parser.add_argument("--scale", type=int, default=300, help="articles per language, or 0")
    parser.add_argument("--no-lighthouse", action="store_true")
    arguments = parser.parse_args(argv)
    chromium = system_chromium() or playwright_chromium()
    print(f"make bench, {datetime.date.today().isoformat()}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs", flush=True)

    with tempfile.TemporaryDirectory(prefix="bench-project-") as folder:
        project = copy_sources(Path(folder))
        times = build_times(project, arguments.runs)
    print("\nBuild time, whole site, both languages (median of "
          f"{arguments.runs}; MkDocs' own figure, then wall clock with Python's start-up):")
    print(f"  ours  {times['ours_build']:.2f} s   ({times['ours_wall']:.2f} s)")
    print(f"  plain {times['plain_build']:.2f} s   ({times['plain_wall']:.2f} s)")
    print(f"  ratio {times['ratio_build']:.2f}     ({times['ratio_wall']:.2f})   goal < 1.15")

    if arguments.scale:
        with tempfile.TemporaryDirectory(prefix="bench-scale-") as folder:
            project = copy_sources(Path(folder))
            generate_articles(project, arguments.scale)
            scaled = build_times(project, max(1, arguments.runs // 2))
        print(f"\nBuild time, generated site of {arguments.scale} articles per language:")
        print(f"  ours  {scaled['ours_build']:.2f} s   ({scaled['ours_wall']:.2f} s)")
        print(f"  plain {scaled['plain_build']:.2f} s   ({scaled['plain_wall']:.2f} s)")
        print(f"  ratio {scaled['ratio_build']:.2f}     ({scaled['ratio_wall']:.2f})")

    if not chromium:
        print("\nNo Chromium: page weight and Lighthouse skipped.")
        return 0
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    prefix = site_prefix(config["site_url"])
    with tempfile.TemporaryDirectory(prefix="bench-built-") as site:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site],
            cwd=ROOT, capture_output=True, text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        if result.returncode:
            raise SystemExit(f"strict build failed:\n{result.stderr[-3000:]}")
        with serve(Path(site), prefix, compress=True) as base_url:
            sizes = first_load_bytes(base_url, PAGES["article"], chromium)
            counted = sum(sizes.get(kind, 0) for kind in FIRST_LOAD_TYPES.values())
            print(f"\nFirst load of {PAGES['article']}, gzip: "
                  + ", ".join(f"{kind} {sizes.get(kind, 0) / 1024:.1f} KB"
                              for kind in FIRST_LOAD_TYPES.values())
                  + f"; total {counted / 1024:.1f} KB (goal < 70 KB); "
                  f"not counted: other (search index…) {sizes.get('other', 0) / 1024:.1f} KB")
            if arguments.no_lighthouse:
                return 0
            command = lighthouse_command()
            print("\nLighthouse 12, mobile: performance / accessibility / best practices / SEO")
            for language, language_prefix in LANGUAGE_PREFIXES.items():
                for name, path in PAGES.items():
                    scores = lighthouse(command, base_url + language_prefix + path, chromium)
                    below = f"   failed: {', '.join(scores['failed'])}" if scores["failed"] else ""
                    print(f"  {language} {name:<10} " + " / ".join(
                        f"{scores[category]:>3}" for category in CATEGORIES) + below, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
