"""legaltext.content_safety refuses active content, whatever Markdown or HTML it comes in."""

from __future__ import annotations

import pytest

from legaltext.errors import ContentError
from tests.markdown_helpers import render


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
    with pytest.raises(ContentError) as error:
        render(source)
    assert message in str(error.value)
    assert "Fix:" in str(error.value)
    assert error.value.line == 1 or error.value.line is not None


@pytest.mark.parametrize("source", [
    "Plain *text* with [a link](https://example.org/) and <abbr title=\"x\">UN</abbr>.\n",
    "An editorial mark *[sic]*{: .sic title=\"as printed\" }.\n",
])
def test_ordinary_content_passes(source):
    render(source)
