"""Find the Chromium the browser tests drive, installing Playwright's own if there is none.

``python -m tools.browser`` prints the browser it found. A system Chromium is
preferred (CI installs Debian's); otherwise Playwright downloads its build,
which needs internet access.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

SYSTEM_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def system_chromium() -> str | None:
    """The path of a system Chromium or Chrome, from CHROMIUM_PATH or the PATH."""
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        if not Path(configured).is_file():
            raise SystemExit(f"CHROMIUM_PATH={configured} does not exist.")
        return configured
    for name in SYSTEM_BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def playwright_chromium() -> str | None:
    """The path of Playwright's own Chromium, if it has been installed."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        path = playwright.chromium.executable_path
    return path if Path(path).is_file() else None


def main() -> int:
    found = system_chromium() or playwright_chromium()
    if not found:
        print("No Chromium found: installing Playwright's Chromium (needs internet access).")
        subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=False)
        found = playwright_chromium()
    if not found:
        print("No Chromium could be found or installed. Install Chromium (e.g. "
              "`apt-get install chromium`) or set CHROMIUM_PATH, then run `make test` again.")
        return 1
    print(f"Browser tests will use {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
