"""Search relevance: queries written as readers write them, typed into the real search box
in Chromium, each with the paragraph the reader looks for (tests/search_relevance.yml).

Prints success at 1 and at 3 per language (run with ``-s`` to see them) and fails when they
fall below what the site achieves today.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import yaml

from tests.conftest import LANGUAGES, ROOT
from tests.search_box import search

QUERIES = yaml.safe_load((ROOT / "tests" / "search_relevance.yml").read_text("utf-8"))
PREFIX = {"en": "", "fr": "fr/"}
# The share of queries whose paragraph is the first result, and among the first three.
FLOOR = {"en": (0.9, 1.0), "fr": (0.8, 1.0)}


def test_every_language_has_at_least_15_queries_with_a_paragraph_each():
    for language in LANGUAGES:
        assert len(QUERIES[language]) >= 15, language
        assert all(len(pair) == 2 and pair[1] for pair in QUERIES[language]), language


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_the_paragraph_a_reader_looks_for(page, server, language):
    page.goto(server + PREFIX[language] + "declaration/")
    ranks = {}
    for query, expected in QUERIES[language]:
        results = [urlsplit(url).fragment for url in search(page, query)]
        ranks[query] = results.index(expected) + 1 if expected in results else None
        assert all(url.startswith(server + PREFIX[language]) for url in
                   page.evaluate("() => [...document.querySelectorAll('a.md-search-result__link')]"
                                 ".map(a => a.href)")), query
    total = len(ranks)
    at_1 = sum(rank == 1 for rank in ranks.values()) / total
    at_3 = sum(rank is not None and rank <= 3 for rank in ranks.values()) / total
    missed = {query: rank for query, rank in ranks.items() if rank != 1}
    print(f"\nsearch relevance ({language}, {total} queries): success@1 {at_1:.0%}, "
          f"success@3 {at_3:.0%}; not first: {missed}")
    assert at_1 >= FLOOR[language][0] and at_3 >= FLOOR[language][1], missed
    assert page.console_errors == []
