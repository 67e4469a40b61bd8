"""Serve a built site as GitHub Pages does, for the browser tests and the bench.

- under the path of ``site_url`` (``/international-solidarity/``);
- a folder without its final slash is redirected to it, a folder serves its index.html;
- any missing path gets the root ``404.html`` with status 404, whatever its depth;
- with ``compress=True``, text files are sent gzip-compressed to clients that accept it.

``python -m tools.pages_server SITE_DIR [PREFIX]`` serves a site until interrupted.
"""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml",
                    "application/xml")


def _handler(root: Path, prefix: str, compress: bool) -> type[http.server.BaseHTTPRequestHandler]:
    class PagesHandler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
            pass

        def do_HEAD(self) -> None:  # noqa: N802 - the stdlib's name
            self._serve(body=False)

        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            self._serve(body=True)

        def _serve(self, body: bool) -> None:
            path = unquote(urlsplit(self.path).path)
            if not path.startswith(prefix):
                return self._send(root / "404.html", 404, body)
            relative = path[len(prefix):]
            target = (root / relative).resolve()
            if root not in (target, *target.parents):
                return self._send(root / "404.html", 404, body)
            if target.is_dir():
                if not path.endswith("/"):
                    self.send_response(301)
                    self.send_header("Location", path + "/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return None
                target = target / "index.html"
            if not target.is_file():
                return self._send(root / "404.html", 404, body)
            return self._send(target, 200, body)

        def _send(self, file: Path, status: int, body: bool) -> None:
            data = file.read_bytes()
            kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            self.send_response(status)
            self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
            if compress and kind.startswith(COMPRESSED_TYPES) and \
                    "gzip" in self.headers.get("Accept-Encoding", ""):
                data = gzip.compress(data, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            if body:
                self.wfile.write(data)

    return PagesHandler


@contextmanager
def serve(site: Path, prefix: str = "/", compress: bool = False) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 under ``prefix``; yield the site's base URL."""
    if not prefix.startswith("/") or not prefix.endswith("/"):
        raise ValueError(f"the prefix must start and end with '/': {prefix!r}")
    handler = _handler(Path(site).resolve(), prefix, compress)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def site_prefix(site_url: str) -> str:
    """The path under which GitHub Pages serves a site whose address is ``site_url``."""
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else Path("site")
    prefix = argv[1] if len(argv) > 1 else "/"
    with serve(site, prefix, compress=True) as url:
        print(f"Serving {site} at {url} (Ctrl-C to stop)")
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
