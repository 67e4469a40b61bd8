"""The page head: absolute language alternates (hooks/source_validation.py makes sure
every page has its description).

Material writes one ``<link rel="alternate" hreflang>`` per entry of
``config.extra.alternate``, which mkdocs-static-i18n points, page by page, at
the same page in each language, as site-relative paths. Search engines want
absolute URLs: this hook makes each link absolute, from ``site_url``, once the
i18n plugin has set it for the page, and keeps the site-relative path as
``path`` for the language menu (overrides/partials/alternate.html). The i18n
plugin resets the list for every page, so nothing carries over.
"""

from __future__ import annotations

from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


@event_priority(-10)  # after mkdocs-static-i18n (50) has pointed the alternates at this page
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if not config.site_url:
        raise BuildError("mkdocs.yml: site_url is not set. Fix: set it to the public address; "
                         "canonical URLs and language alternates are built from it.")
    alternates = page.file.alternates
    # The i18n plugin sets the list as an attribute of config.extra (not as its
    # item), and templates read the attribute first.
    for alternate in config.extra.alternate:
        language = alternate["lang"]
        if language not in alternates:
            raise BuildError(f"docs/{page.file.src_uri}: there is no version of this page in "
                             f"the language {language!r}.")
        alternate["path"] = alternates[language].url
        alternate["link"] = urljoin(config.site_url, alternates[language].url)
    return context
