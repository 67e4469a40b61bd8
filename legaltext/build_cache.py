"""What a build makes and can keep for the next build: files in a folder (under the
project's ``.cache/``, which git ignores), named by a digest of everything they are made
from. While those parts are the same, the next build reads the files back instead of
making them again; when a part changes, the digest does, and the files are made anew.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path


def digest(parts: Iterable[str | bytes]) -> str:
    """A digest of the parts, each kept apart from the next."""
    digested = hashlib.sha256()
    for part in parts:
        digested.update((part.encode("utf-8") if isinstance(part, str) else part) + b"\0")
    return digested.hexdigest()


def cached(folder: Path, parts: Iterable[str | bytes], suffixes: tuple[str, ...],
           make: Callable[[], tuple[bytes, ...]]) -> tuple[bytes, ...]:
    """The contents ``make()`` returns, one per suffix, kept in ``folder`` as
    ``<digest of parts><suffix>``, and read back from there while the parts are the same.

    The folder holds one thing's files: writing new ones removes those of an earlier
    digest. Each file is written whole or not at all (two builds may run at once), and
    a folder that cannot be written only means no cache.
    """
    stem = digest(parts)
    paths = [folder / f"{stem}{suffix}" for suffix in suffixes]
    if all(path.is_file() for path in paths):
        return tuple(path.read_bytes() for path in paths)
    contents = make()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            if not old.name.startswith(stem):
                old.unlink()
        for path, content in zip(paths, contents, strict=True):
            # A name of this process's own: another build may be writing the same file.
            written = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            written.write_bytes(content)
            written.replace(path)
    except OSError:
        pass
    return contents
