"""legaltext.content_safety refuses active content, whatever Markdown or HTML it comes in."""

from __future__ import annotations

import pytest

from tests.markdown_helpers import assert_refused, render


@pytest.mark.parametrize("source, message", [
    ("Text\n\n<script>alert(1)</script>\n", "<script>"),
    ('Text <span onclick="alert(1)">x</span>\n', "onclick="),
    ("Paragraph.\n{: onmouseover=\"alert(1)\" }\n", "onmouseover="),
    ("[click](javascript:alert(1))\n", "javascript: URL"),
    ('<a href=" JavaScript:alert(1)">x</a>\n', "javascript: URL"),
    ('<iframe src="https://example.org"></iframe>\n', "<iframe>"),
    ('<div markdown="1">\n<object data="x.swf"></object>\n</div>\n', "<object>"),
])
def test_active_content_stops_the_build_with_the_line(source, message):
    assert_refused(source, message)


@pytest.mark.parametrize("source", [
    "Plain *text* with [a link](https://example.org/) and <abbr title=\"x\">UN</abbr>.\n",
    "An editorial mark *[sic]*{: .sic title=\"as printed\" }.\n",
])
def test_ordinary_content_passes(source):
    render(source)
