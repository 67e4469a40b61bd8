"""Fidelity: the published English text is the source's text, word for word and in order.

Words and punctuation are compared after normalising what the PDF extraction
broke: line-end hyphenation, whitespace, the shape of quotation marks and glued
footnote markers (digits are not compared here; footnote numbers are checked
separately, each at its place). A hyphen, comma or full stop added, lost or
moved is a difference like a changed word: "gender based" is not "gender-based". Editorial additions (notes, [sic], Ibid. expansions, paragraph
numbers) are left out of the published side: they are marked, so they are
recognised. What is left must be identical: nothing added, lost, changed or moved.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT, built_page

SOURCES = ROOT / "sources"
MAP = yaml.safe_load((Path(__file__).parent / "fidelity.yml").read_text("utf-8"))
COMPOUNDS = {word.lower() for word in MAP["compounds"]}
# A token is a word (its letters) or one punctuation mark.
TOKEN = re.compile(r"[^\W\d_]+|[^\w\s]")
# Quotation marks differ in shape between the extraction and the pages, not in meaning.
SAME_MARK = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})
EDITORIAL = [".editorial", ".sic", ".admonition", ".paragraph-number", ".headerlink",
             ".translation-notice", ".footnote-backref"]


def join_lines(lines: list[str]) -> str:
    """Join extracted lines, undoing line-end hyphenation except in real compounds."""
    text = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if text.endswith("-"):
            fragment = re.split(r"[\s—–-]", text[:-1])[-1]
            following = line.split()[0]
            keep = f"{fragment}-{following}".lower().rstrip(".,;:") in COMPOUNDS
            text = (text if keep else text[:-1]) + line
        else:
            text += " " + line
    return text


def words(text: str) -> list[str]:
    """The words and punctuation marks of a text, in order."""
    return TOKEN.findall(text.translate(SAME_MARK))


def published_text(html_file: Path) -> tuple[str, dict[str, str]]:
    """(body text, {footnote number: text}) of a built page, editorial additions removed."""
    content = BeautifulSoup(html_file.read_text("utf-8"), "html.parser").select_one(
        "article.md-content__inner")
    for selector in EDITORIAL:
        for element in content.select(selector):
            element.decompose()
    footnotes = {}
    block = content.select_one("div.footnote")
    if block:
        for item in block.select("li[id^='fn:']"):
            footnotes[item["id"][3:]] = item.get_text(" ")
        block.decompose()
    for marker in content.select("sup[id^='fnref']"):
        marker.decompose()
    return content.get_text(" "), footnotes


def assert_same_words(seed: list[str], published: list[str], what: str) -> None:
    if seed == published:
        return
    differences = []
    matcher = difflib.SequenceMatcher(a=seed, b=published, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            context = " ".join(seed[max(0, a1 - 6):a1])
            differences.append(f"{tag}: seed {seed[a1:a2]} → page {published[b1:b2]} after “{context}”")
    pytest.fail(f"{what}: the published words differ from the seed:\n" + "\n".join(differences))


def seed_lines(name: str) -> list[str]:
    return (SOURCES / name).read_text("utf-8").splitlines()


def test_declaration_body_is_the_seed_word_for_word(site):
    spec = MAP["declaration"]
    lines = seed_lines(spec["seed"])
    body = [line for number, line in enumerate(lines, start=1)
            if number >= spec["skip_before"] and number not in spec["footnote_lines"]]
    published, _footnotes = published_text(built_page(site, spec["page"], "en"))
    assert_same_words(words(join_lines(body)), words(published), "declaration")


def test_declaration_footnotes_are_the_seed_word_for_word_with_their_numbers(site):
    spec = MAP["declaration"]
    lines = seed_lines(spec["seed"])
    printed = join_lines([lines[number - 1] for number in spec["footnote_lines"]])
    # Each printed footnote starts with its number: split the run into notes.
    notes = dict(re.findall(r"(?:^|\s)(\d{1,2}) (.*?)(?=\s\d{1,2} [A-Z]|$)", printed))
    _body, published = published_text(built_page(site, spec["page"], "en"))
    assert sorted(published, key=int) == [str(n) for n in range(1, 13)]
    assert sorted(notes, key=int) == sorted(published, key=int)
    for number, text in notes.items():
        assert_same_words(words(text), words(published[number]), f"footnote {number}")


def test_essay_is_the_seed_in_its_reading_order_word_for_word(site):
    spec = MAP["essay"]
    lines = seed_lines(spec["seed"])
    ordered = [line for first, last in spec["reading_order"] for line in lines[first - 1:last]]
    published, footnotes = published_text(built_page(site, spec["page"], "en"))
    assert footnotes == {}
    assert_same_words(words(join_lines(ordered)), words(published), "essay")


def test_the_essay_reading_order_uses_every_line_of_the_seed_once():
    spec = MAP["essay"]
    lines = seed_lines(spec["seed"])
    used = [n for first, last in spec["reading_order"] for n in range(first, last + 1)]
    assert len(used) == len(set(used)), "a line is used twice"
    unused = [n for n in range(1, len(lines) + 1) if n not in used and lines[n - 1].strip()]
    assert unused == [], f"seed lines left out of the reading order: {unused}"


def test_the_comparison_catches_an_added_hyphen():
    with pytest.raises(pytest.fail.Exception, match="insert: seed \\[\\] → page \\['-'\\]"):
        assert_same_words(words("gender based discrimination"), words("gender-based discrimination"),
                          "sample")


def test_the_comparison_catches_a_changed_punctuation_mark():
    with pytest.raises(pytest.fail.Exception, match="replace: seed \\[';'\\]"):
        assert_same_words(words("peace; security"), words("peace, security"), "sample")


def test_the_comparison_ignores_the_shape_of_quotation_marks():
    assert_same_words(words('the "right" and \'duty\''), words("the “right” and ‘duty’"), "sample")


def test_the_comparison_catches_a_changed_word():
    with pytest.raises(pytest.fail.Exception, match="replace: seed \\['and'\\]"):
        assert_same_words(["peace", "and", "security"], ["peace", "or", "security"], "sample")


def test_the_french_summary_is_the_original_word_for_word(site):
    spec = MAP["summary"]
    lines = seed_lines(spec["seed"])
    page = BeautifulSoup(built_page(site, spec["page"], spec["language"]).read_text("utf-8"),
                         "html.parser")
    for paragraph_id, (first, last) in spec["paragraphs"].items():
        element = page.find(id=paragraph_id)
        for selector in EDITORIAL:
            for mark in element.select(selector):
                mark.decompose()
        assert_same_words(words(join_lines(lines[first - 1:last])), words(element.get_text(" ")),
                          paragraph_id)
