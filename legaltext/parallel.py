"""Two languages of one document side by side, aligned by id: the parallel view.

Each language's column is its composed page's blocks (``legaltext.composition``)
in their parallel form, where ids and in-document links carry the language
(``art-6-2`` becomes ``en-art-6-2``), so that both columns live on one page
without an id twice. ``aligned`` lays the columns out in rows: a heading, a citable
paragraph (aligned by its id), an editorial note (aligned by its position in its
section), and the footnotes. ``cell_html`` points each copy-link at the paragraph
on its own language's page, where it is cited.
"""

from __future__ import annotations

from legaltext.composition import PAGE_LINK, Block, Placed, footnote_list
from legaltext.errors import ContentError


def column(placed: list[Placed], footnotes: list[tuple[str, str, str]],
           page: str) -> list[tuple[str, str, Placed]]:
    """A language's cells (key, kind, block): the blocks of the composed page ``page`` but
    its title, then its footnotes."""
    cells = [(item.block.key, item.block.kind, item) for item in placed
             if not (item.block.kind == "heading" and item.block.level == 1 and not item.demoted)]
    if footnotes:
        notes = footnote_list(footnotes, form=2)
        cells.append(("footnotes", "footnotes",
                      Placed(Block("footnotes", "footnotes", notes, notes), page, False)))
    return cells


def aligned(columns: dict[str, list[tuple]], languages: list[str]) -> list[dict]:
    """Rows of blocks with the same key, in the first language's order; a block that only
    another language has comes right after the block that precedes it there.

    Linear in the number of blocks: each block is attached after its predecessor, and
    the rows are read by walking from each block to what was attached after it.
    """
    kinds: dict[str, str] = {}
    after: dict[str | None, list[str]] = {}  # key -> keys placed right after it, in order
    for language in languages:
        previous = None
        for key, kind, _cell in columns[language]:
            if key not in kinds:
                kinds[key] = kind
                # Before what the previous languages placed there, as it directly follows.
                after.setdefault(previous, []).insert(0, key)
            elif kinds[key] != kind:
                raise ContentError(f"“{key}” is a {kinds[key]} in one language and a "
                                   f"{kind} in {language}.",
                                   "give both languages the same structure.")
            previous = key
    order: list[str] = []
    pending = list(reversed(after.get(None, [])))
    while pending:
        key = pending.pop()
        order.append(key)
        pending.extend(reversed(after.get(key, [])))
    cells = {language: {key: cell for key, _kind, cell in columns[language]}
             for language in languages}
    return [{"key": key, "kind": kinds[key],
             "cells": {language: cells[language].get(key) for language in languages}}
            for key in order]


def cell_html(block_html: str, page_url: str) -> str:
    """A cell's HTML with its copy-link leading to ``page_url`` (the unit's own page,
    relative to the parallel view) and the unit's id."""
    return block_html.replace(f'href="{PAGE_LINK}', f'href="{page_url}#')
