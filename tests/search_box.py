"""Material's search box, driven as a reader drives it (tests in Chromium)."""

from __future__ import annotations

# The results a reader sees, in order: every result link outside the folded "more" lists,
# but a page's heading that only names the page of the results under it (no text of its own).
_VISIBLE_RESULTS = """() => [...document.querySelectorAll("a.md-search-result__link")]
  .filter(link => !link.closest("details"))
  .filter(link => {
    const article = link.querySelector("article");
    const heading = article.querySelector("h1, h2");
    return heading.tagName === "H2" || article.textContent.trim() !== heading.textContent.trim();
  })
  .map(link => link.href)"""
# True once the result list has stayed the same for two polls: the answer to the last key.
_SETTLED = """() => {
  const list = document.querySelector(".md-search-result__list");
  const html = list ? list.innerHTML : "";
  const settled = html !== "" && html === window.__lastResults;
  window.__lastResults = html;
  return settled;
}"""


def search(page, query: str) -> list[str]:
    """Type ``query`` into the search box, key by key; return the URLs of the results a
    reader sees, best first."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=15)
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_function(_SETTLED, polling=150)
    return page.evaluate(_VISIBLE_RESULTS)
