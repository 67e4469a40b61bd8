"""What rendering each page recorded, kept for the pages composed of other pages.

The full text (``assembled: true``) is made of the preamble and article pages, and
the parallel view (``parallel: full-text.md``) of the full text in every language.
Each unit is rendered once per language, on its own page: while it renders a page
that a composed page includes, ``legaltext.paragraph_ids`` records the page's blocks
(``legaltext.composition``), and hooks/machine_readable.py its units' data records
(on the page). hooks/full_text.py and hooks/parallel_view.py compose from them.

Order, not re-rendering, makes this work:

- within a language's build, the composed pages are rendered last (``on_files``
  moves them to the end of the collection, the full text before the parallel view),
  so that the pages they include are already rendered;
- mkdocs-static-i18n builds English first, then French, in the same process and
  with the same config; the French build reads what the English build recorded.
  The English parallel view, which needs the French blocks, is written when the
  French build has finished (hooks/parallel_view.py, ``on_post_build``).

The records of one run of the build (a ``Run``, keyed by language and page) live on
the run's config object: MkDocs makes a new one for each ``mkdocs build`` and each
rebuild of ``mkdocs serve``, and mkdocs-static-i18n passes the same one to every
language's build. No module holds any: MkDocs keeps hook modules for the whole
process. The English build's ``on_pre_build`` also starts the run afresh, and each
language's build clears that language's records, so no build sees what an earlier
build of its language left.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from legaltext.assembly import INCLUDE
from legaltext.composition import Rendered, Run
from legaltext.documents import split_front_matter
from legaltext.errors import ContentError
from page_language import building_language, page_language, page_path

EXTENSION = "legaltext.paragraph_ids"
# The front-matter keys of composed pages, in the order they are rendered.
COMPOSED = ("assembled", "parallel")
RUN_ATTRIBUTE = "legaltext_run"


def run(config: MkDocsConfig) -> Run:
    """The records of the run of the build that ``config`` belongs to."""
    if getattr(config, RUN_ATTRIBUTE, None) is None:
        setattr(config, RUN_ATTRIBUTE, Run())
    return getattr(config, RUN_ATTRIBUTE)


class _CompiledTemplates(BytecodeCache):
    """The templates as one language's build compiled them, for the next language's: each
    build has its own environment, but the same template files compile to the same code
    (Jinja checks each file's source against what was compiled)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def _sharing_compiled(env: Environment, config: MkDocsConfig) -> Environment:
    env.bytecode_cache = run(config).once("compiled templates", _CompiledTemplates)
    return env


def templates(config: MkDocsConfig) -> Environment:
    """The theme's templates, for the hooks' own partials: one environment per language's
    build (``theme.get_env()`` makes a new one, and compiles again, at each call)."""
    return run(config).once(("templates", building_language(config)),
                            lambda: _sharing_compiled(config.theme.get_env(), config))


def rendered(config: MkDocsConfig, language: str) -> Rendered:
    """What the current run has rendered in ``language`` so far."""
    return run(config).language(language)


def _composed_key(text: str) -> str | None:
    """The composing key of a page's front matter (assembled, parallel), read cheaply."""
    if not text.startswith("---") or not any(f"\n{key}:" in text for key in COMPOSED):
        return None
    try:
        meta, _body = split_front_matter(text)
    except (ContentError, yaml.YAMLError):
        return None  # hooks/source_validation.py names the file and the fix
    return next((key for key in COMPOSED if meta.get(key)), None)


def on_pre_build(config: MkDocsConfig) -> None:
    run(config).start(building_language(config))


# Before any page or template is rendered with the build's environment.
@event_priority(100)
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return _sharing_compiled(env, config)


# After mkdocs-static-i18n (-100) has chosen the language's files.
@event_priority(-120)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = rendered(config, building_language(config))
    composed: dict[str, list] = {key: [] for key in COMPOSED}
    for file in files.documentation_pages():
        text = Path(file.abs_src_path).read_text(encoding="utf-8-sig", errors="replace")
        key = _composed_key(text)
        if key is None:
            continue
        composed[key].append(file)
        path = file.src_uri.split("/", 1)[1]  # inside the language folder
        language.composed[path] = key
        if key == "parallel":
            language.views[path] = file.url
        folder = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
        language.parts |= {folder + match.group("name") for line in text.splitlines()
                           if (match := INCLUDE.match(line))}
    for key in COMPOSED:  # rendered last: the full text, then the parallel view
        for file in composed[key]:
            files.remove(file)
            files.append(file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    path = page_path(page, config)
    language = rendered(config, page_language(page))
    blocks = ()  # not recorded
    if path in language.parts or path in language.composed:
        blocks = language.blocks[path] = []
    config.mdx_configs.setdefault(EXTENSION, {})["blocks"] = blocks
    return markdown


# After every page of the language is written, before mkdocs-static-i18n (-100) builds the
# next language.
@event_priority(-90)
def on_post_build(config: MkDocsConfig) -> None:
    rendered(config, building_language(config)).keep_parallel_forms()
