"""Where the build's time goes: the CPU time of each hook, plugin and Markdown extension.

    python -m tools.bench_hooks [--articles 300] [--top 25]

Builds, in a scratch copy of the sources with ``--articles`` articles per language
(tools/bench.py generates them, and records their ids as an editor would), the site
once to warm the caches, then once more in this process with a clock around every
event handler of the hooks and plugins (mkdocs-static-i18n's ``on_post_build`` holds
the whole French build, its handlers included, so it is not a cost of its own) and
around the ``run`` of each treeprocessor, preprocessor and postprocessor of legaltext.
Prints, for each, its CPU time (``time.process_time``) and how many times it ran; the
build's total comes first. The figures are printed, not judged, and vary from run to
run as a build does.
"""

from __future__ import annotations

import argparse
import collections
import functools
import importlib
import inspect
import pkgutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

import legaltext

# Run in the scratch project: the build with clocks, as a child process of its own.
CHILD = "--in-project"


class Clocks:
    """CPU time and calls per name."""

    def __init__(self) -> None:
        self.seconds: collections.Counter[str] = collections.Counter()
        self.calls: collections.Counter[str] = collections.Counter()

    def around(self, name: str, function: Callable) -> Callable:
        @functools.wraps(function)
        def timed(*arguments, **keywords):
            start = time.process_time()
            try:
                return function(*arguments, **keywords)
            finally:
                self.seconds[name] += time.process_time() - start
                self.calls[name] += 1
        return timed


def _clock_handlers(clocks: Clocks) -> None:
    """Every event handler MkDocs registers from now on, hooks and plugins alike."""
    from mkdocs.plugins import PluginCollection

    register = PluginCollection._register_event

    def registered(self, event_name: str, method: Callable, **keywords) -> None:
        name = f"{getattr(method, '__module__', '?')}.{getattr(method, '__qualname__', method)}"
        register(self, event_name, clocks.around(name, method), **keywords)

    PluginCollection._register_event = registered


def _clock_extensions(clocks: Clocks) -> None:
    """The ``run`` of every processor class that legaltext defines."""
    kinds = (Treeprocessor, Preprocessor, Postprocessor)
    for module_info in pkgutil.iter_modules(legaltext.__path__):
        module = importlib.import_module(f"legaltext.{module_info.name}")
        for name, value in vars(module).items():
            if (inspect.isclass(value) and value.__module__ == module.__name__
                    and issubclass(value, kinds) and "run" in vars(value)):
                value.run = clocks.around(f"{module.__name__}.{name}.run", value.run)


def timed_build(top: int) -> None:
    """In the project folder: one build of the site, every handler clocked; print them."""
    from mkdocs.commands import build
    from mkdocs.config import load_config

    clocks = Clocks()
    _clock_handlers(clocks)
    _clock_extensions(clocks)
    with tempfile.TemporaryDirectory(prefix="bench-hooks-site-") as site:
        config = load_config("mkdocs.yml", site_dir=site)
        start = time.process_time()
        config.plugins.on_startup(command="build", dirty=False)
        build.build(config)
        total = time.process_time() - start
    print(f"  {total:7.2f} s  the whole build (EN+FR)")
    for name, seconds in clocks.seconds.most_common(top):
        print(f"  {seconds:7.3f} s  {clocks.calls[name]:5d}×  {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--top", type=int, default=25, help="how many handlers to print")
    parser.add_argument(CHILD, action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.in_project:
        timed_build(arguments.top)
        return 0

    from tools.bench import ENVIRONMENT, projects

    with tempfile.TemporaryDirectory(prefix="bench-hooks-") as folder:
        ours, _plain = projects(Path(folder), arguments.articles)
        command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir",
                   str(Path(folder) / "warm-up")]
        subprocess.run(command, cwd=ours, env=ENVIRONMENT, check=True)  # caches, bytecode
        print(f"CPU time of each handler, one build of {arguments.articles} articles per "
              "language:", flush=True)
        # The project's hooks, sources and caches; the packages from this repository, as
        # in every scratch build.
        subprocess.run([sys.executable, "-m", "tools.bench_hooks", CHILD, "--top",
                        str(arguments.top)], cwd=ours, env=ENVIRONMENT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
