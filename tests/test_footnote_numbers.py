"""legaltext.footnote_numbers on Markdown strings: original numbers, Ibid., every error."""

from __future__ import annotations

import pytest

from tests.markdown_helpers import assert_refused, soup

ARTICLE_5 = """\
# Article 5 {#art-5}

(f) without any external interference;[^10]

[^10]: See A/HRC/21/66. (2012) Final paper on human rights and international solidarity. para. 22(e).
"""

ARTICLE_6 = """\
# Article 6 {#art-6}

1\\. in which all human rights and fundamental freedoms may be fully realized.[^11]

[^11]: Ibid. para. 7.
"""
DOCUMENTS = {"declaration": {"10": {
    "text": "See A/HRC/21/66. (2012) Final paper on human rights and international solidarity. "
            "para. 22(e).",
    "path": "declaration/article-5.md"}}}
ON_ARTICLE_6 = {"documents": DOCUMENTS, "page": "declaration/article-6.md"}


def test_markers_and_list_show_the_original_numbers():
    html = soup(ARTICLE_5)
    marker = html.find("a", class_="footnote-ref")
    assert marker.text == "10"
    assert marker["href"] == "#fn:10"
    assert html.find("sup")["id"] == "fnref:10"
    items = html.find("div", class_="footnote").find("ol")
    assert items["start"] == "10"
    assert items.find("li")["value"] == "10"
    assert items.find("li")["id"] == "fn:10"


def test_several_footnotes_keep_their_numbers_with_gaps():
    source = "Text.[^3] More.[^5]\n\n[^3]: Three.\n[^5]: Five.\n"
    html = soup(source)
    assert [a.text for a in html.find_all("a", class_="footnote-ref")] == ["3", "5"]
    assert [li["value"] for li in html.find_all("li")] == ["3", "5"]


@pytest.mark.parametrize("language, title", [
    ("en", "Back to the reference to footnote 10 in the text"),
    ("fr", "Revenir à l’appel de la note 10 dans le texte"),
])
def test_back_links_have_titles_in_the_page_language(language, title):
    backref = soup(ARTICLE_5, language).find("a", class_="footnote-backref")
    assert backref["href"] == "#fnref:10"
    assert backref["title"] == title


def test_ibid_on_another_page_links_to_its_antecedent_with_an_editorial_expansion():
    item = soup(ARTICLE_6, footnote_numbers=ON_ARTICLE_6).find(id="fn:11")
    assert item.text.strip().startswith("Ibid. para. 7.")
    expansion = item.find(class_="editorial")
    assert expansion.find("a")["href"] == "article-5.md#fn:10"
    assert "footnote 10" in expansion.text
    assert "A/HRC/21/66" in expansion.text


def test_ibid_after_its_antecedent_on_the_same_page_stays_as_printed():
    source = "A.[^1] B.[^2]\n\n[^1]: Millennium Declaration, para. 6.\n[^2]: Ibid., para. 2.\n"
    html = soup(source)
    assert html.find(class_="editorial") is None
    assert html.find(id="fn:2").text.strip().startswith("Ibid., para. 2.")


def test_french_ibid_expansion_is_in_french():
    expansion = soup(ARTICLE_6.replace("Ibid. para.", "Ibid., par."), "fr",
                     footnote_numbers=ON_ARTICLE_6).find(class_="editorial")
    assert "renvoie à la note\u00a010" in expansion.text or "renvoie à la note 10" in expansion.text


@pytest.mark.parametrize("source, message", [
    ("Text.[^9]\n", "footnote [^9], which is not defined"),
    ("Text.[^1]\n\n[^1]: One.\n[^2]: Two.\n", "[^2] is defined but never referenced"),
    ("Text.[^1]\n\n[^1]: One.\n[^1]: Again.\n", "[^1] is defined twice"),
    ("A.[^4] B.[^3]\n\n[^3]: Three.\n[^4]: Four.\n", "out of order"),
    ("A.[^x]\n\n[^x]: Letter.\n", "not labelled with a number"),
    ("A.[^11]\n\n[^11]: Ibid. para. 7.\n", "refers to, is not in this document"),
])
def test_errors_name_the_footnote_the_line_and_the_fix(source, message):
    assert_refused(source, message)
