"""Refuse active content in Markdown sources.

Pages are edited through pull requests, so their content is untrusted input.
This extension stops the build on anything that would run or embed code in a
reader's browser: ``<script>``, ``<iframe>`` and other embedding elements, inline
event handlers (``onclick=`` …) and ``javascript:`` URLs, whether they come from
raw HTML or from Markdown (links, attr_list attributes).

The check runs twice: at priority 19, right after the inline patterns (20)
have stashed inline HTML and made links, so that it speaks before any other
extension stumbles on the content; and at priority 1, after attr_list (8) and
every other processor has set attributes.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from html.parser import HTMLParser

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from legaltext.errors import ContentError, SourceRecorder, find_line

PRIORITIES = {"content_safety_early": 19, "content_safety": 1}
FORBIDDEN_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet",
                      "base", "form", "meta", "link", "style"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"}
FIX = "remove it: pages may contain text, Markdown and plain HTML only."


def _problem(tag: str, attributes: list[tuple[str, str | None]]) -> tuple[str, str] | None:
    """Return (what is wrong, text to find in the source) for one element, or None."""
    tag = tag.lower()
    if tag in FORBIDDEN_ELEMENTS:
        return f"The page contains a <{tag}> element.", f"<{tag}"
    for name, value in attributes:
        name = name.lower()
        if name.startswith("on"):
            return f"The page contains an inline event handler ({name}=).", name
        compact = "".join((value or "").split()).lower()
        if name in URL_ATTRIBUTES and compact.startswith(("javascript:", "vbscript:", "data:text/html")):
            return f"The page contains a {compact.split(':')[0]}: URL.", compact.split(":")[0]
    return None


class _RawHtmlScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problem: tuple[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.problem = self.problem or _problem(tag, attrs)

    handle_startendtag = handle_starttag


class ContentSafetyTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: "ContentSafetyExtension") -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if isinstance(element.tag, str):
                self._refuse(_problem(element.tag, list(element.attrib.items())))
        for raw in self.md.htmlStash.rawHtmlBlocks:
            scanner = _RawHtmlScanner()
            scanner.feed(str(raw))
            scanner.close()
            self._refuse(scanner.problem)

    def _refuse(self, problem: tuple[str, str] | None) -> None:
        if problem:
            what, needle = problem
            raise ContentError(what, FIX, find_line(self.extension.source.lower(), needle))


class ContentSafetyExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {}
        self.source = ""
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(SourceRecorder(md, self), "content_safety_source", 37)
        for name, priority in PRIORITIES.items():
            md.treeprocessors.register(ContentSafetyTreeprocessor(md, self), name, priority)

    def reset(self) -> None:
        self.source = ""


def makeExtension(**kwargs) -> ContentSafetyExtension:  # pragma: no cover
    return ContentSafetyExtension(**kwargs)
