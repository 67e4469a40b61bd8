"""A 404 page per language.

MkDocs renders the theme's ``404.html`` into the root of ``site_dir`` in every
build, and mkdocs-static-i18n builds each language into the same ``site_dir``,
so the last language built would own the root 404 page. The root page belongs
to the default language's build (it holds both languages and picks one at run
time: see overrides/404.html); each other language renders its own page to
``<language>/404.html`` instead, from ``overrides/<language>/404.html``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from page_language import LANGUAGES

DEFAULT_LANGUAGE = "en"


def not_found_template(language: str) -> str:
    """The template, and the output path, of a language's 404 page."""
    if language not in LANGUAGES:
        raise ValueError(f"no 404 page for the language {language!r}")
    return "404.html" if language == DEFAULT_LANGUAGE else f"{language}/404.html"


def on_pre_build(config: MkDocsConfig) -> None:
    templates = config.theme.static_templates
    templates.difference_update(not_found_template(language) for language in LANGUAGES)
    templates.add(not_found_template(config.theme["language"]))


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == "404.html" or template_name not in {
            not_found_template(language) for language in LANGUAGES}:
        return context
    # MkDocs gives its root 404.html absolute links, since a host serves it at any
    # depth; it does not recognise fr/404.html as an error page, so do the same here.
    context["base_url"] = urlsplit(config.site_url or "/").path
    return context
