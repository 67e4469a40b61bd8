"""One stylesheet for every page (legaltext/stylesheet.py): Material's, without the
components the site never has and the rules for colours and a direction its pages do
not have, and the stylesheets mkdocs.yml lists in ``extra_css``, in that order.

It is written as ``assets/stylesheets/site.<digest>.css``, a name of its own that
changes with its content, and it is the one stylesheet the pages link to: ``extra_css``
names it in place of its parts, and overrides/main.html drops Material's two links.
Material's files and the parts are not copied to the site.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from legaltext.stylesheet import attribute_values, cached_site_stylesheet, hashed_name

MATERIAL = {"main": "assets/stylesheets/main.*.min.css",
            "palette": "assets/stylesheets/palette.*.min.css"}
OWN = "own_stylesheets"
# Beside mkdocs.yml, where Material's own plugins keep their caches; git ignores it.
CACHE = ".cache/stylesheet"


def _material_file(files: Files, pattern: str) -> File:
    found = [file for file in files if fnmatch.fnmatch(file.src_uri, pattern)]
    if len(found) != 1:
        raise BuildError(f"The theme has {len(found)} files {pattern}, not one. Fix: check "
                         "that the theme is Material for MkDocs 9, as requirements.txt pins it.")
    return found[0]


def _direction(config: MkDocsConfig) -> str:
    # Material's default for both the site's languages is left to right.
    return config.theme.get("direction") or "ltr"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # mkdocs-static-i18n runs on_config again, on the same config, for each language:
    # the first run keeps the list that mkdocs.yml gives.
    config.extra.setdefault(OWN, list(config.extra_css))
    return config


# After mkdocs-static-i18n (-100), which rebuilds the collection for each language.
@event_priority(-110)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    main, palette = (_material_file(files, pattern) for pattern in MATERIAL.values())
    # Read from docs/: mkdocs-static-i18n leaves the shared assets out of the other
    # languages' collections, since the default language's build writes them.
    own = []
    for path in config.extra[OWN]:
        source = Path(config.docs_dir, path)
        if not source.is_file():
            raise BuildError(f"mkdocs.yml: extra_css lists {path}, which is not in docs/. "
                             "Fix: correct the path, or remove the line.")
        own.append(source.read_text("utf-8-sig"))
    css = cached_site_stylesheet(Path(config.config_file_path).parent / CACHE,
                                 main.content_string, palette.content_string,
                                 attribute_values(config.theme["palette"], _direction(config)),
                                 own)
    for path in (main.src_uri, main.src_uri + ".map", palette.src_uri, palette.src_uri + ".map",
                 *config.extra[OWN]):
        file = files.get_file_from_path(path)
        if file is not None:
            files.remove(file)
    stylesheet = File.generated(config, hashed_name("assets/stylesheets/site", css), content=css)
    files.append(stylesheet)
    config.extra_css = [stylesheet.src_uri]
    return files
