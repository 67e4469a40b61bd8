"""The site's one stylesheet: Material's, without the components the site never has and
the rules for colours and a direction its pages never have; then the site's own.

One file is one request and compresses better than seven. Everything is done on parsed
CSS (tinycss2), rule by rule and selector by selector:

- **Components.** A selector is dropped when one of its compound selectors (not an
  argument of ``:not()``, ``:is()`` or another function) requires a class of a
  component in DROPPED_COMPONENTS. Such a selector matches nothing on a page
  without that component, so dropping it changes nothing the reader sees. A rule whose
  selectors are all dropped goes, and so does a ``@media`` or ``@supports`` block left
  empty. Every component listed is one the site's configuration cannot produce; the
  tests check that no page, before or after Material's script has run, has any of them.
- **Attribute values.** Material's palette.css styles every scheme, primary and accent
  colour, and its main.css both directions of text. Only the rules for the values the
  site's pages can have are kept: the colours of the site's toggle, and its direction
  (English and French are written left to right). A selector that requires another
  value (``[data-md-color-primary=pink]``, ``[dir=rtl]``) matches nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path

import tinycss2
from tinycss2.ast import LiteralToken, Node, QualifiedRule, SquareBracketsBlock

from legaltext.build_cache import cached

# Components of Material's stylesheet that the site never has, with the reason. A class
# belongs to a component if it is one of the names listed, or one of them followed by
# "__" (an element) or "--" (a modifier). Elements are not listed: Material's own
# search results use <details> and <summary>, which pymdownx.details would make.
DROPPED_COMPONENTS: Mapping[str, tuple[str, ...]] = {
    # Markdown extensions that mkdocs.yml does not enable; content safety refuses the
    # classes and elements they would make (legaltext/content_safety.py).
    "content tabs (pymdownx.tabbed)": ("tabbed-set", "tabbed-labels", "tabbed-content",
                                       "tabbed-block", "tabbed-control", "tabbed-button"),
    "keyboard keys (pymdownx.keys)": ("keys",),
    "critic marks (pymdownx.critic)": ("critic",),
    "mathematics (pymdownx.arithmatex)": ("arithmatex", "katex-html"),
    "task lists (pymdownx.tasklist)": ("task-list-item", "task-list-control",
                                       "task-list-indicator"),
    "emoji (pymdownx.emoji)": ("twemoji", "emojione", "gemoji"),
    "diagrams (Mermaid fences)": ("mermaid",),
    "grids and cards (md_in_html)": ("grid", "cards", "card"),
    "buttons (a class of the sources)": ("md-button",),
    "code annotations (content.code.annotate)": ("md-annotation", "md-annotation-list"),
    # Theme features and settings the site does not use.
    "navigation tabs (navigation.tabs)": ("md-tabs", "md-header--lifted", "md-nav--lifted"),
    "table of contents in the navigation (toc.integrate)": ("md-nav--integrated",),
    "navigation path (navigation.path)": ("md-path",),
    "progress bar (navigation.instant.progress)": ("md-progress",),
    "repository facts (overrides/partials/source.html is empty)": ("md-source",),
    "page dates and contributors (git plugins)": ("md-source-file",),
    "version selector (extra.version)": ("md-version",),
    "cookie consent (extra.consent)": ("md-consent",),
    "feedback widget (extra.analytics)": ("md-feedback",),
    "announcement bar (block announce)": ("md-banner",),
    "social links (extra.social)": ("md-social",),
    "blog (blog plugin)": ("md-post", "md-author", "md-pagination", "md-draft", "md-pin",
                           "md-profile", "md-meta", "md-content--post", "md-sidebar--post"),
    "tags (tags plugin)": ("md-tag", "md-tags", "md-tag-icon", "md-tag-shadow"),
    "comments (Giscus)": ("giscus",),
}
PALETTE_DEFAULTS = {"scheme": "default", "primary": "indigo", "accent": "indigo"}
# Attributes and the values they can have on the pages (see attribute_values).
# Sorted tuples, not sets: their repr is part of the stylesheet's cache key
# (cached_site_stylesheet), and a set's order changes with each process's hash seed.
Values = tuple[tuple[str, tuple[str, ...]], ...]
# At-rules that hold rules, whose rules are trimmed like the stylesheet's own.
_GROUPING_RULES = frozenset({"media", "supports", "container", "layer"})
_COMBINATORS = frozenset({">", "+", "~"})


def _classes(components: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    return frozenset(name for names in components.values() for name in names)


def in_components(class_name: str, classes: frozenset[str]) -> bool:
    """Whether a class belongs to one of the components named by ``classes``."""
    without_modifier = class_name.split("--")[0]
    return not classes.isdisjoint({class_name, without_modifier, without_modifier.split("__")[0]})


def dropped_classes(classes: Iterable[str],
                    components: Mapping[str, tuple[str, ...]] = DROPPED_COMPONENTS) -> set[str]:
    """The classes of a page that belong to the components: none, on every page."""
    names = _classes(components)
    return {name for name in classes if in_components(name, names)}


def selector_list(prelude: list[Node]) -> list[list[Node]]:
    """A rule's selector list, split at its top-level commas."""
    selectors: list[list[Node]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def required(selector: list[Node]) -> tuple[set[str], set[str], list[SquareBracketsBlock]]:
    """The classes, the element names and the attribute selectors that a selector requires
    of its elements: those of its compound selectors, not those in a function's
    arguments (``:not(.a)`` does not require ``.a``)."""
    classes: set[str] = set()
    elements: set[str] = set()
    attributes: list[SquareBracketsBlock] = []
    previous = None
    for token in selector:
        if token.type == "ident":
            if previous is not None and previous.type == "literal" and previous.value == ".":
                classes.add(token.value)
            elif previous is None or previous.type == "whitespace" or (
                    previous.type == "literal" and previous.value in _COMBINATORS):
                elements.add(token.value.lower())
        elif token.type == "[] block":
            attributes.append(token)
        previous = token
    return classes, elements, attributes


def _attribute_value(block: SquareBracketsBlock) -> tuple[str, str] | None:
    """``[name=value]`` as (name, value); None for another kind of attribute selector."""
    tokens = [token for token in block.content if token.type != "whitespace"]
    if len(tokens) == 3 and tokens[0].type == "ident" and tokens[1] == "=" \
            and tokens[2].type in ("ident", "string"):
        return tokens[0].value, tokens[2].value
    return None


def _filter(rules: list[Node], keep) -> list[Node]:
    """The rules whose selectors ``keep`` accepts, inside grouping at-rules too; a rule
    or a group left with nothing goes."""
    kept: list[Node] = []
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            selectors = [selector for selector in selector_list(rule.prelude) if keep(selector)]
            if not selectors:
                continue
            prelude: list[Node] = []
            for selector in selectors:
                prelude += [LiteralToken(0, 0, ",")] * bool(prelude) + selector
            rule.prelude = prelude
        elif rule.type == "at-rule" and rule.lower_at_keyword == "charset":
            continue  # the site stylesheet declares its encoding once, first
        elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPING_RULES \
                and rule.content is not None:
            inner = _filter(tinycss2.parse_rule_list(rule.content, True, True), keep)
            if not inner:
                continue
            rule.content = inner
        kept.append(rule)
    return kept


def _parse(css: str) -> list[Node]:
    return tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)


def trimmed(css: str, components: Mapping[str, tuple[str, ...]], values: Values) -> str:
    """The stylesheet without the selectors that require a class of the components, or
    another value of one of the attributes (one parse for both)."""
    without, has_values = _without(components), _has_values(values)
    return tinycss2.serialize(_filter(_parse(css), lambda selector: without(selector)
                                      and has_values(selector)))


def _without(components: Mapping[str, tuple[str, ...]]):
    classes = _classes(components)

    def keep(selector: list[Node]) -> bool:
        return not any(in_components(name, classes) for name in required(selector)[0])

    return keep


def attribute_values(palette: Mapping | Iterable[Mapping], direction: str) -> Values:
    """The values that the attributes Material's rules test can have on the site's pages:
    the scheme, primary and accent colour of each option of mkdocs.yml's theme.palette
    (one option, or a list; with Material's defaults, as its templates write them), and
    the direction of the text."""
    if isinstance(palette, Mapping):
        palette = [palette]
    values = {f"data-md-color-{attribute}": tuple(sorted({
        str(option.get(attribute) or default).replace(" ", "-") for option in palette}))
        for attribute, default in PALETTE_DEFAULTS.items()}
    return tuple(sorted({**values, "dir": (direction,)}.items()))


def _has_values(values: Values):
    allowed = dict(values)

    def keep(selector: list[Node]) -> bool:
        for block in required(selector)[2]:
            name, value = _attribute_value(block) or ("", "")
            if name in allowed and value not in allowed[name]:
                return False
        return True

    return keep


def minified(css: str) -> str:
    """One of the site's own stylesheets as the site's one stylesheet holds it: without
    comments, and with white space between tokens kept to one space."""
    tokens = tinycss2.parse_component_value_list(css, skip_comments=True)
    return tinycss2.serialize(_collapsed(tokens)).strip()


def _collapsed(tokens: list[Node]) -> list[Node]:
    collapsed: list[Node] = []
    for token in tokens:
        if token.type == "whitespace":
            if collapsed and collapsed[-1].type != "whitespace":
                token.value = " "
                collapsed.append(token)
            continue
        if hasattr(token, "content") and isinstance(token.content, list):
            token.content = _collapsed(token.content)
        elif hasattr(token, "arguments"):
            token.arguments = _collapsed(token.arguments)
        collapsed.append(token)
    return collapsed


def material(main_css: str, palette_css: str, values: Values) -> str:
    """Material's stylesheet and palette, without the components and for the attribute
    values."""
    return "\n".join(trimmed(css, DROPPED_COMPONENTS, values) for css in (main_css, palette_css))


def site_stylesheet(main_css: str, palette_css: str, values: Values, own: Iterable[str]) -> str:
    """The site's one stylesheet, in the order of the cascade: Material's, its palette,
    then the site's own stylesheets, in their order (their print rules are in their own
    ``@media print``: Chromium fetches a stylesheet linked for print too)."""
    parts = [material(main_css, palette_css, values), *(minified(css) for css in own)]
    return '@charset "UTF-8";\n' + "\n".join(parts) + "\n"


def cached_site_stylesheet(cache: Path, main_css: str, palette_css: str, values: Values,
                           own: Iterable[str]) -> str:
    """``site_stylesheet``, kept in the folder ``cache`` under a digest of everything it is
    made from, this module's code included (legaltext.build_cache). Parsing Material's
    stylesheet takes about a quarter of a second, in every language's build and every
    rebuild of the preview, for the same result until Material, the palette or a
    stylesheet of the site changes."""
    own = list(own)
    parts = [Path(__file__).read_text("utf-8"), main_css, palette_css, repr(values), *own]
    [css] = cached(cache, parts, (".css",), lambda: (
        site_stylesheet(main_css, palette_css, values, own).encode("utf-8"),))
    return css.decode("utf-8")


def hashed_name(stem: str, css: str) -> str:
    """``stem.<digest>.css``: a new name whenever the content changes, so that a browser
    never keeps an old copy."""
    return f"{stem}.{hashlib.sha256(css.encode('utf-8')).hexdigest()[:8]}.css"
