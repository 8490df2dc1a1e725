"""Output that depends on the commit only: two builds of the same commit give the same bytes."""

from __future__ import annotations

import gzip


def gzip_bytes(data: bytes) -> bytes:
    """`data` gzipped with neither a timestamp nor a file name in the header (as `gzip -n` does)."""
    return gzip.compress(data, compresslevel=9, mtime=0)
