"""Check the sources before anything is built (legaltext.source_checks).

Files that do not belong in docs/, symbolic links, and every page of the language
being built that is not UTF-8, too large, holds a forbidden character, has bad
front matter or content that legaltext.content_safety refuses: all are reported
at once, each with its file, line and fix, and the build stops. MkDocs alone would
publish a stray file, ignore broken front matter, or stop with a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from legaltext.source_checks import docs_problems, page_problem
from page_language import LANGUAGES, building_language

SAFETY_EXTENSION = "legaltext.content_safety"


def _markdown_check(config: MkDocsConfig) -> Callable[[str], None]:
    """Render Markdown as the site does, without the document extensions (they need a
    page and a language), so that content_safety sees the HTML a page would have."""
    names = [name for name in config.markdown_extensions
             if not str(name).startswith("legaltext.") or name == SAFETY_EXTENSION]
    configs = {name: options for name, options in config.mdx_configs.items() if name in names}
    md = Markdown(extensions=names, extension_configs=configs)

    def check(markdown: str) -> None:
        md.reset()
        md.convert(markdown)

    return check


def on_pre_build(config: MkDocsConfig) -> None:
    language = building_language(config)
    docs = Path(config.docs_dir)
    folder = docs / language
    if not folder.is_dir():
        raise BuildError(f"docs/{language}/ does not exist. Fix: create it, with a page for "
                         "each English page.")
    problems = docs_problems(docs, sorted(LANGUAGES))
    check = _markdown_check(config)
    for path in sorted(folder.rglob("*.md")):
        if path.is_symlink() or not path.is_file():
            continue  # docs_problems names it
        error = page_problem(path.read_bytes(), check)
        if error:
            name = path.relative_to(docs.parent).as_posix()
            problems.append(f"{name}, {error}" if error.line else f"{name}: {error}")
    if problems:
        raise BuildError("\n".join(problems))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put back, as empty lines, the lines MkDocs took off the top (the front matter), so
    that the extensions' messages give the line in the file."""
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    body = markdown.lstrip("\n")
    start = source.find(body[:200]) if body else -1
    if start < 0:
        return markdown
    return "\n" * (source.count("\n", 0, start) - (len(markdown) - len(body))) + markdown
