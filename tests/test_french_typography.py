"""legaltext.french_typography on strings and on Markdown."""

from __future__ import annotations

import pytest

from legaltext.french_typography import NBSP, NNBSP, apply_french_typography
from tests.markdown_helpers import render


@pytest.mark.parametrize("typed, expected", [
    ("Pourquoi ?", f"Pourquoi{NNBSP}?"),
    ("Pourquoi?", f"Pourquoi{NNBSP}?"),
    ("les droits ; les devoirs", f"les droits{NNBSP}; les devoirs"),
    ("Attention !", f"Attention{NNBSP}!"),
    ("comme suit : a)", f"comme suit{NBSP}: a)"),
    ("« la paix »", f"«{NBSP}la paix{NBSP}»"),
    ("«la paix»", f"«{NBSP}la paix{NBSP}»"),
    ("voir art. 6 et par. 2", f"voir art.{NBSP}6 et par.{NBSP}2"),
    ("2 000 personnes", f"2{NNBSP}000 personnes"),
    ("à 10:30", "à 10:30"),
    ("voir https://example.org/a?b=c;d et www.oecd.org", "voir https://example.org/a?b=c;d et www.oecd.org"),
    (f"déjà{NNBSP}; fait", f"déjà{NNBSP}; fait"),
])
def test_rules(typed, expected):
    assert apply_french_typography(typed) == expected


def test_french_pages_only():
    assert NNBSP in render("Pourquoi ?", "fr")
    assert NNBSP not in render("Why ?", "en")


def test_code_and_urls_are_left_alone():
    html = render("Voir `a ; b` et <https://example.org/?q=1>.", "fr")
    assert "<code>a ; b</code>" in html
    assert 'href="https://example.org/?q=1"' in html


def test_attributes_are_not_touched():
    html = render('[lien](https://example.org/ "Titre ?")', "fr")
    assert 'title="Titre ?"' in html
