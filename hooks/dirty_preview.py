"""`mkdocs serve --dirty --strict`: the preview rebuilds only the edited pages, as strictly as CI.

With ``--dirty``, MkDocs warns at every build that a dirty build is being performed,
and ``--strict`` counts that warning as a failure, so the two could not be combined.
This hook drops that one notice, in dirty builds only; every other warning still
stops the build, as in CI. What a dirty rebuild leaves as it was: the pages not
edited, the full text and the parallel view (unless edited themselves), and the data
files; restart the preview, or run ``make site``, to rebuild them. The terminology of
an edited French page is checked against its English page only when that page is
rebuilt too (hooks/terminology.py compares what the same build rendered).
"""

from __future__ import annotations

import logging

DIRTY_NOTICE = "A 'dirty' build is being performed"


class _DropDirtyNotice(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(DIRTY_NOTICE)


def on_startup(command: str, dirty: bool) -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    if dirty and not any(isinstance(f, _DropDirtyNotice) for f in logger.filters):
        logger.addFilter(_DropDirtyNotice())
