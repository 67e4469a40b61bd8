"""legaltext.paragraph_ids on Markdown strings: every row of the id scheme, and every error."""

from __future__ import annotations

import pytest

from legaltext.errors import ContentError
from tests.markdown_helpers import assert_refused, ids, render, soup

ARTICLE_6 = """\
# Article 6 {#art-6}

1\\. The right to international solidarity is a fundamental human right.

2\\. Everyone holds in common the birthright of human rights.
"""

ARTICLE_13 = """\
# Article 13 {#art-13}

7\\. States should respect remedies.

8\\. The right imposes negative obligations including:

(a) Not adopting free trade agreements;

(b) Not increasing or contributing to global warming;
"""

ARTICLE_5 = """\
# Article 5 {#art-5}

The right to international solidarity encompasses and bears upon:

(c) The right to development;

(i) The accountability of all States;

(i) The structural analysis;
{: #art-5-m }
"""


def test_article_heading_and_numbered_paragraphs():
    assert ids(ARTICLE_6) == ["art-6", "art-6-1", "art-6-2"]


def test_points_of_a_numbered_paragraph():
    assert ids(ARTICLE_13) == ["art-13", "art-13-7", "art-13-8", "art-13-8-a", "art-13-8-b"]


def test_points_of_an_article_and_its_unlabelled_opening():
    assert ids(ARTICLE_5) == ["art-5", "art-5-text", "art-5-c", "art-5-i", "art-5-m"]


def test_an_explicit_attr_list_id_is_kept_and_the_printed_label_too():
    point = soup(ARTICLE_5).find(id="art-5-m")
    assert point.find(class_="paragraph-label").text == "(i)"
    assert "The structural analysis" in point.text


def test_single_unlabelled_paragraph_of_an_article():
    assert ids("# Article 9 {#art-9}\n\nThe right entails an approach.\n") == ["art-9", "art-9-text"]


def test_french_points_are_read_without_opening_parenthesis():
    source = "# Article 13 {#art-13}\n\n8\\. Obligations :\n\na) Ne pas conclure ;\n"
    assert ids(source, "fr") == ["art-13", "art-13-8", "art-13-8-a"]


def test_counted_sections_number_by_position_until_the_next_heading_of_their_level():
    source = """\
# Preamble {#preamble}

*Recalling* the Charter,

*Recognizing* the solidarity,

## Summary {#summary}

First.

Second.

## Annex {#annex}

Not counted.
"""
    assert ids(source) == ["preamble", "pp-1", "pp-2", "summary", "summary-1", "summary-2", "annex"]


def test_essay_paragraphs_count_through_subsections_and_skip_the_explicit_standfirst():
    source = """\
# The Path {#essay}

The standfirst.
{: #standfirst }

## The mandate {#mandate}

One.

### a) Sub-point {#sub}

Two.
"""
    assert ids(source) == ["essay", "standfirst", "mandate", "p-1", "sub", "p-2"]


def test_paragraphs_in_notes_and_footnotes_are_not_citable():
    source = """\
# Article 9 {#art-9}

The right entails an approach.[^12]

!!! note editorial "Editorial note"

    Not a paragraph of the article.

[^12]: A footnote.
"""
    assert ids(source) == ["art-9", "art-9-text", "fnref:12", "fn:12"]


def test_the_label_stays_as_printed_and_the_link_is_a_plain_link():
    paragraph = soup(ARTICLE_6).find(id="art-6-2")
    assert paragraph.find(class_="paragraph-label").text == "2."
    link = paragraph.find("a", class_="paragraph-link")
    assert link["href"] == "#art-6-2"
    assert paragraph["data-cite"] == "art. 6(2)"
    assert paragraph.text.strip().startswith("2. Everyone holds")


@pytest.mark.parametrize("language, citation", [
    ("en", "art. 13(8)(b)"),
    ("fr", "art. 13, par. 8, al. b)"),
])
def test_citations_follow_the_language(language, citation):
    assert soup(ARTICLE_13, language).find(id="art-13-8-b")["data-cite"] == citation


def test_essay_paragraphs_show_their_number():
    link = soup("# E {#essay}\n\nOne.\n\nTwo.\n").find(id="p-2").find(class_="paragraph-number")
    assert link.text == "2"
    assert link["href"] == "#p-2"


def test_an_alias_keeps_a_retired_id_as_an_anchor_in_the_new_paragraph():
    html = soup(ARTICLE_6, paragraph_ids={"aliases": {"art-6-old": "art-6-2"}})
    assert html.find(id="art-6-old").find_parent(id="art-6-2") is not None


def test_units_are_recorded_with_their_final_html():
    units: list[dict] = []
    render(ARTICLE_13, paragraph_ids={"units": units})
    assert [unit["id"] for unit in units] == ["art-13", "art-13-7", "art-13-8", "art-13-8-a",
                                              "art-13-8-b"]
    point = units[-1]
    assert (point["kind"], point["label"], point["article"], point["paragraph"], point["point"]) \
        == ("paragraph_point", "(b)", "13", "8", "b")
    assert point["html"].startswith('<p class="citable point"') and "global warming" in point["html"]


@pytest.mark.parametrize("source, message", [
    ("# Article 5 {#art-5}\n\n(a) One;\n\n(a) Two;\n", "Duplicate id “art-5-a”"),
    ("# Article 6 {#art-6}\n\n1) Malformed label.\n", "cannot read the label"),
    ("# Article 6 {#art-6}\n\n(a Unclosed label.\n", "cannot read the label"),
    ("# Article 6 {#art-6}\n\n1\\. One.\n\nNo label after a numbered paragraph.\n", "has no label"),
    ("# Article 3 {#art-3}\n\nOpening.\n\nAnother opening.\n", "art-3-text"),
    ("## Conclusion\n\nText.\n", "has no explicit id"),
])
def test_errors_name_what_is_wrong_the_line_and_the_fix(source, message):
    assert_refused(source, message)


def test_an_alias_to_a_missing_id_is_refused():
    with pytest.raises(ContentError, match="not an id on this page"):
        render(ARTICLE_6, paragraph_ids={"aliases": {"art-6-old": "art-6-9"}})
