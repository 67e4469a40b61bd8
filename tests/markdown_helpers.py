"""Render Markdown strings with the site's extensions, as Python-Markdown's own tests do."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from legaltext.errors import ContentError

SITE_EXTENSIONS = ["attr_list", "footnotes", "admonition", "toc",
                   "legaltext.paragraph_ids", "legaltext.footnote_numbers",
                   "legaltext.french_typography", "legaltext.content_safety"]
COUNTED = {"preamble": "pp", "summary": "summary", "essay": "p"}


def render(source: str, language: str = "en", **configs) -> str:
    """HTML of ``source`` rendered with the site's extensions in ``language``."""
    extension_configs = {
        "legaltext.paragraph_ids": {"counted_sections": COUNTED, "language": language},
        "legaltext.footnote_numbers": {"language": language},
        "legaltext.french_typography": {"language": language},
    }
    for name, values in configs.items():
        extension_configs.setdefault(f"legaltext.{name}", {}).update(values)
    return markdown.markdown(source, extensions=SITE_EXTENSIONS,
                             extension_configs=extension_configs)


def soup(source: str, language: str = "en", **configs) -> BeautifulSoup:
    return BeautifulSoup(render(source, language, **configs), "html.parser")


def ids(source: str, language: str = "en", **configs) -> list[str]:
    return [element["id"] for element in soup(source, language, **configs).find_all(id=True)]


def assert_refused(source: str, message: str, **configs) -> ContentError:
    """Rendering ``source`` fails with ``message``, a line and a fix."""
    with pytest.raises(ContentError) as error:
        render(source, **configs)
    assert message in str(error.value)
    assert "Fix:" in str(error.value)
    assert error.value.line is not None
    return error.value
