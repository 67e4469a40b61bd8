"""Build the site with MkDocs and with ProperDocs, and show where the two sites differ.

ProperDocs is the maintained continuation of MkDocs 1.x (see the README, "Platform").
Both builds must make the same site: the same files, with the same content, except
what names the generator or the moment of the build:

- the ``<meta name="generator">`` tag of each page, which names MkDocs or ProperDocs
  and their versions;
- the ``<lastmod>`` dates of the sitemap, the day of each build;
- the gzip header of ``sitemap.xml.gz``, which records when it was written (the
  compressed content is compared);
- nothing else: the data files' generation date comes from SOURCE_DATE_EPOCH,
  which this command sets for both builds.

``python -m tools.compare_builds`` builds both into temporary folders and compares
them; ``python -m tools.compare_builds SITE_A SITE_B`` compares two built sites.
It prints each difference and exits 1 if there is one.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILDERS = {"MkDocs": "mkdocs", "ProperDocs": "properdocs"}
# What legitimately differs between the two builds, made the same before comparing.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")
SHOWN = 5  # differences shown per file


def normalised(path: Path) -> bytes:
    content = path.read_bytes()
    if path.suffix == ".gz":
        content = gzip.decompress(content)
    content = GENERATOR.sub(b'<meta name="generator" content="">', content)
    return LASTMOD.sub(b"<lastmod></lastmod>", content)


def files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def differences(first: Path, second: Path) -> list[str]:
    """What differs between two built sites, once the generator and dates are set aside."""
    found = []
    names_first, names_second = files(first), files(second)
    found += [f"{name}: only in {first}" for name in sorted(names_first - names_second)]
    found += [f"{name}: only in {second}" for name in sorted(names_second - names_first)]
    for name in sorted(names_first & names_second):
        one, other = normalised(first / name), normalised(second / name)
        if one == other:
            continue
        lines = list(difflib.unified_diff(
            one.decode("utf-8", "replace").splitlines(), other.decode("utf-8", "replace")
            .splitlines(), lineterm="", n=0))
        changed = [line[:200] for line in lines if line[:1] in "+-"
                   and not line.startswith(("+++", "---"))]
        found.append(f"{name}:\n    " + "\n    ".join(changed[:2 * SHOWN]))
    return found


def build(command: str, destination: Path) -> None:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", command, "build", "--strict", "--clean", "--config-file",
         "mkdocs.yml", "--site-dir", str(destination)],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
             "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", str(int(time.time())))})
    if result.returncode:
        raise SystemExit(f"{command} build failed:\n{result.stderr[-3000:]}")
    print(f"{command} build: {time.perf_counter() - started:.1f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="*", type=Path, help="two built sites (default: build both)")
    arguments = parser.parse_args(argv)
    if arguments.sites and len(arguments.sites) != 2:
        parser.error("give two site folders, or none")
    with tempfile.TemporaryDirectory(prefix="compare-builds-") as folder:
        if arguments.sites:
            first, second = arguments.sites
        else:
            os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))
            first, second = (Path(folder) / name for name in BUILDERS)
            for (name, command), site in zip(BUILDERS.items(), (first, second)):
                build(command, site)
        found = differences(first, second)
        count = len(files(first))
    if found:
        print(f"The two builds differ in {len(found)} files:\n")
        print("\n".join(found))
        return 1
    print(f"The two builds are the same: {count} files, apart from the generator tag and "
          "the sitemap's dates.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
