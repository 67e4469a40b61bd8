"""What the editions cost the site build: paired builds with and without them.

    python -m tools.bench_editions [--pairs 7] [--editions 2]

In a scratch copy of the sources, the site is built alternately with the
editions hook (hooks/editions.py: amended marks, data histories, the editions'
pages and histories) and without it, the same sources otherwise, in pairs whose
order alternates (with/without, then without/with) so that a drift of the
machine's load falls on both. With ``--editions 2`` (the default) the copy
gets, besides the repository's editions, a synthetic later edition in which one
unit per language is changed, so that the histories, diffs and marks are
measured too. Each build is a separate ``mkdocs build`` process; its CPU time
(user + system, which other processes on the machine disturb less than wall
time) and wall time are recorded. The figures are printed, not judged.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from legaltext.editions import dump
from legaltext.machine_readable import fingerprint
from tools.project import copy_sources

HOOK = "hooks/editions.py"


def _without_editions(project: Path) -> Path:
    config = (project / "mkdocs.yml").read_text("utf-8")
    lines = [line for line in config.splitlines(keepends=True) if HOOK not in line]
    path = project / "mkdocs-without-editions.yml"
    path.write_text("".join(lines), "utf-8")
    return path


def _later_edition(project: Path) -> None:
    """A copy of the latest edition, a week later, with one unit changed per language."""
    folder = project / "editions"
    latest = json.loads(sorted(folder.glob("*.json"))[-1].read_text("utf-8"))
    later = copy.deepcopy(latest)
    year, month, day = (int(part) for part in latest["date"].split("-"))
    later["date"] = f"{year + 1}-{month:02d}-{day:02d}"
    later["changes"] = []
    for language, pages in later["languages"].items():
        page, unit = next((page, unit) for page in pages for unit in page["units"]
                          if unit["kind"] == "paragraph")
        unit["text"] += " (bench)"
        unit["fingerprint"] = fingerprint(unit["text"])
        later["changes"].append({"id": unit["id"], "language": language, "page": page["path"],
                                 "change": "changed", "kind": "editorial", "reason": "Bench."})
    (folder / f"{later['date']}.json").write_text(dump(later), "utf-8")


def _build(project: Path, config: Path) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one strict build."""
    with tempfile.TemporaryDirectory(prefix="bench-editions-") as site:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config),
             "--site-dir", site], cwd=project, capture_output=True, text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise SystemExit(f"build failed ({config.name}):\n{result.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=7)
    parser.add_argument("--editions", type=int, choices=(1, 2), default=2)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-editions-project-") as folder:
        project = copy_sources(Path(folder))
        if options.editions == 2:
            _later_edition(project)
        count = len(list((project / "editions").glob("*.json")))
        configs = {"with": project / "mkdocs.yml", "without": _without_editions(project)}
        _build(project, configs["with"])  # warm the caches once, unmeasured
        runs: dict[str, list[tuple[float, float]]] = {"with": [], "without": []}
        for pair in range(options.pairs):
            order = ("with", "without") if pair % 2 == 0 else ("without", "with")
            for name in order:
                runs[name].append(_build(project, configs[name]))
    print(f"Site build with and without the editions ({count} editions), "
          f"{options.pairs} alternating pairs of strict builds:")
    for measure, index in (("CPU", 0), ("wall", 1)):
        with_, without = ([run[index] for run in runs[name]] for name in ("with", "without"))
        ratios = [a / b for a, b in zip(with_, without)]
        print(f"  {measure:>4}: median {statistics.median(with_):.2f} s with, "
              f"{statistics.median(without):.2f} s without; median of the pairs' ratios "
              f"{statistics.median(ratios):.3f} (+{(statistics.median(ratios) - 1) * 100:.1f} %)")
    print("  pairs (CPU s, with/without): " + ", ".join(
        f"{a[0]:.2f}/{b[0]:.2f}" for a, b in zip(runs["with"], runs["without"])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
