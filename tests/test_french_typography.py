"""legaltext.french_typography on strings and on Markdown."""

from __future__ import annotations

import pytest

from legaltext.french_typography import NBSP, NNBSP, apply_french_typography
from tests.markdown_helpers import render, soup


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


def test_link_titles_get_french_typography_and_addresses_do_not():
    html = soup('[lien](https://example.org/?a=1;b "Titre ?")', "fr")
    link = html.find("a")
    assert link["title"] == f"Titre{NNBSP}?"
    assert link["href"] == "https://example.org/?a=1;b"


def test_the_explanation_of_an_editorial_mark_gets_french_typography():
    source = 'Texte *[sic]*{: .sic title="« sous couvert verbal » : tel qu’imprimé" }.'
    assert soup(source, "fr").find(class_="sic")["title"] == (
        f"«{NBSP}sous couvert verbal{NBSP}»{NBSP}: tel qu’imprimé")


def test_images_alt_text_gets_french_typography():
    assert soup("![Carte : le monde](carte.png)", "fr").find("img")["alt"] == f"Carte{NBSP}: le monde"


def test_attributes_that_readers_do_not_see_stay_as_typed():
    html = soup("# Article 6 {#art-6}\n\n1\\. Texte.\n", "fr")
    paragraph = html.find(id="art-6-1")
    assert paragraph["data-cite"] == "art. 6, par. 1"
    assert paragraph.find(class_="paragraph-link")["aria-label"].endswith("art. 6, par. 1")


def test_english_attributes_are_not_touched():
    html = soup('[link](https://example.org/ "Title ?")', "en")
    assert html.find("a")["title"] == "Title ?"
