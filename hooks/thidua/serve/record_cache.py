"""`make serve`: each file's checked record, kept while the file's bytes stay the same."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class RecordCache:
    """Each file's checked record, kept while the file's bytes stay the same: `make serve` re-reads only the
    files an edit touched. Checks across records (references, photos) still run every time."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], tuple[bytes, Any]] = {}

    def get(self, folder: str, name: str, raw: bytes, load: Callable[[], T]) -> T:
        digest = hashlib.blake2b(raw, digest_size=16).digest()
        entry = self._entries.get((folder, name))
        if entry is None or entry[0] != digest:
            entry = self._entries[(folder, name)] = (digest, load())
        return entry[1]
