"""`make serve`: the live preview, which shows content errors in the browser instead of hanging.

MkDocs' own server stops answering while a rebuild fails (it waits for a build
that never finishes) and prints the error only in the terminal. This is the same
server (MkDocs' LiveReloadServer, the same build, the same options as
`mkdocs serve --strict`, and ``--dirty``), except that a failed build makes
every page answer with the errors, each with its file, line and fix, as
`make check` prints them; the page reloads by itself once the error is fixed.
"""

from __future__ import annotations

import argparse
import html
import logging
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer, _serve_url

from tools.check import problems

ROOT = Path(__file__).resolve().parent.parent
# Files beside mkdocs.yml that the build reads.
WATCHED = ["anchors.yml", "changelog.yml", "glossary.yml", "overrides"]
log = logging.getLogger("mkdocs.preview")

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Content error – preview</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font:1rem/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}}
li{{margin:.6rem 0;white-space:pre-wrap}}h1{{color:#b00020}}</style></head>
<body><main><h1>The preview cannot be built</h1>
<p>Each problem says which file, where, and how to fix it. This page reloads by itself
when the files are fixed.</p>
<ul class="content-errors">{items}</ul></main></body></html>
"""


class _Records(logging.Handler):
    """MkDocs' warnings and errors during one build, as its terminal shows them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname} - {record.getMessage()}")


def error_page(found: list[str]) -> bytes:
    items = "".join(f"<li>{html.escape(problem)}</li>" for problem in found)
    return PAGE.format(items=items).encode("utf-8")


class _OnlyBuildRecords(logging.Filter):
    """The server's own request log is not the build's: a request answered with the error
    page while a build runs must not count as one of its warnings (strict mode)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().endswith("code 500") or record.levelno < logging.WARNING


class PreviewServer(LiveReloadServer):
    """Answers every page request with the error page while the last build failed."""

    errors: list[str] | None = None

    def _serve_request(self, environ, start_response):
        if self.errors is None or environ["PATH_INFO"].startswith("/livereload/"):
            return super()._serve_request(environ, start_response)
        with self._epoch_cond:
            epoch = self._visible_epoch
        content = self._inject_js_into_html(error_page(self.errors), epoch)
        start_response("500 Content error", [("Content-Type", "text/html; charset=utf-8"),
                                             ("Content-Length", str(len(content)))])
        return [content]


def serve(config_file: Path, dev_addr: str | None, dirty: bool) -> None:
    site_dir = tempfile.mkdtemp(prefix="preview_")

    def get_config():
        return load_config(config_file=str(config_file), site_dir=site_dir, strict=True,
                           dev_addr=dev_addr)

    logging.getLogger("mkdocs.livereload").addFilter(_OnlyBuildRecords())
    config = get_config()
    config.plugins.on_startup(command="serve", dirty=dirty)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    serve_url = _serve_url(host, port, mount_path)
    server = PreviewServer(builder=lambda: None, host=host, port=port, root=site_dir,
                           mount_path=mount_path)

    def builder(config=None) -> None:
        records = _Records()
        logging.getLogger("mkdocs").addHandler(records)
        try:
            config = config or get_config()
            config.site_url = serve_url
            build(config, serve_url=serve_url, dirty=dirty)
            server.errors = None
        except (MkDocsException, SystemExit, Exception) as error:  # every failure is shown
            found = problems("\n".join(records.lines))
            said = str(error)
            if said and not said.startswith("Aborted with") and not any(
                    said in problem for problem in found):
                found += problems(f"ERROR - {error}") or [str(error)]
            server.errors = found or [f"The build failed: {error!r}"]
            log.error("The preview shows the content errors in the browser.")
        finally:
            logging.getLogger("mkdocs").removeHandler(records)

    server.builder = builder
    server.error_handler = lambda code: (Path(site_dir, f"{code}.html").read_bytes()
                                         if Path(site_dir, f"{code}.html").is_file() else None)
    try:
        builder(config)
        server.watch(config.docs_dir)
        server.watch(config.config_file_path)
        for name in WATCHED:
            if (config_file.parent / name).exists():
                server.watch(str(config_file.parent / name))
        config.plugins.on_serve(server, config=config, builder=builder)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-addr", "-a", default=None, help="IP:PORT (default 127.0.0.1:8000)")
    parser.add_argument("--dirty", action="store_true", help="rebuild only the changed files")
    parser.add_argument("--config-file", "-f", type=Path, default=ROOT / "mkdocs.yml")
    arguments = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    serve(arguments.config_file.resolve(), arguments.dev_addr, arguments.dirty)
    return 0


if __name__ == "__main__":
    sys.exit(main())
