"""Check the sources: before anything is built, and as each page is rendered.

Before the build (legaltext.source_checks): files that do not belong in docs/, symbolic
links, and every page of the language being built that is not UTF-8, too large, holds a
forbidden character or has bad front matter. All are reported at once, each with its file,
line and fix, and the build stops: MkDocs alone would publish a stray file, ignore broken
front matter, or stop with a traceback.

As each page is rendered, once: what legaltext.content_safety refuses in its Markdown and
HTML. The extension adds each page's first problem to a list this hook gives it, kept
with what the build rendered (hooks/rendered_pages.py), and the hook reports them all
together once every page is rendered (``on_env``), before any page is written.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from legaltext.errors import ContentError
from legaltext.source_checks import docs_problems, page_problem
from page_language import LANGUAGES, building_language, page_language
from rendered_pages import rendered

SAFETY_EXTENSION = "legaltext.content_safety"


def _named(name: str, error: ContentError) -> str:
    return f"{name}, {error}" if error.line else f"{name}: {error}"


def on_pre_build(config: MkDocsConfig) -> None:
    language = building_language(config)
    docs = Path(config.docs_dir)
    folder = docs / language
    if not folder.is_dir():
        raise BuildError(f"docs/{language}/ does not exist. Fix: create it, with a page for "
                         "each English page.")
    problems = docs_problems(docs, sorted(LANGUAGES))
    for path in sorted(folder.rglob("*.md")):
        if path.is_symlink() or not path.is_file():
            continue  # docs_problems names it
        error = page_problem(path.read_bytes())
        if error:
            problems.append(_named(path.relative_to(docs.parent).as_posix(), error))
    if problems:
        raise BuildError("\n".join(problems))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give content_safety this page's list of problems; put back, as empty lines, the
    lines MkDocs took off the top (the front matter), so that the extensions' messages
    give the line in the file."""
    problems: list[ContentError] = []
    rendered(config, page_language(page)).problems[f"docs/{page.file.src_uri}"] = problems
    config.mdx_configs.setdefault(SAFETY_EXTENSION, {})["problems"] = problems
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    body = markdown.lstrip("\n")
    start = source.find(body[:200]) if body else -1
    if start < 0:
        return markdown
    return "\n" * (source.count("\n", 0, start) - (len(markdown) - len(body))) + markdown


@event_priority(100)  # before any other hook uses what the pages hold
def on_env(env, config: MkDocsConfig, files: Files):
    problems = rendered(config, building_language(config)).problems
    found = [_named(name, errors[0]) for name, errors in sorted(problems.items()) if errors]
    if found:
        raise BuildError("\n".join(found))
    return env
