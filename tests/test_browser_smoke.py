"""The home page in each language loads in Chromium with no error and no outside request."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["", "fr/"])
def test_home_page_loads_without_errors_or_outside_requests(page, server, path):
    response = page.goto(server + path)
    page.wait_for_load_state("networkidle")
    assert response.status == 200
    assert page.console_errors == []
    assert page.requests, "the recorder saw no request at all"
    assert all(url.startswith("http://127.0.0.1:") for url in page.requests), page.requests
