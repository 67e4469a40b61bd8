"""Pages made of other pages: ``<!-- include article-6.md -->``.

The full text of the declaration lists the pages it is made of, one include line
each, in reading order. Markdown passes the line through as an HTML comment; the
composed page puts the included page's rendered blocks in its place, its headings
one level down (``legaltext.composition``).
"""

from __future__ import annotations

import re

INCLUDE = re.compile(r"^<!-- include (?P<name>[\w.-]+\.md) -->\s*$")
