"""One site for the reader's saved choices, across both languages.

Material keeps what a reader chooses (the light or dark scheme) in the browser's
storage under a scope, by default each page's ``base_url``: the language's home
page. The French pages' base is ``fr/``, so a choice made on a French page would
not hold on an English one. The scope here is the path of ``site_url``, the root
of both languages.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    path = urlsplit(config.site_url or "/").path or "/"
    config.extra["scope"] = path if path.endswith("/") else path + "/"
    return config
