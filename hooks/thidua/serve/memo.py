"""Results kept between the rebuilds of `make serve`, each with the values it was computed from.

A page or feed is made again only when one of its values changed. Comparing is cheap because the records
of files an edit did not touch are the very same objects from one rebuild to the next
(`repository.RecordCache`): equality stops at identity. Values without an `__eq__` of their own compare by
identity, so at worst something is made again for nothing, never shown stale. `mkdocs build` uses no memo.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class Memo:
    def __init__(self) -> None:
        self._kept: dict[str, tuple[Any, Any]] = {}

    def reuse(self, key: str, inputs: object, make: Callable[[], T]) -> T:
        """What `make()` returned for `key` last time if `inputs` are equal to that time's, else `make()`."""
        kept = self._kept.get(key)
        if kept is not None and kept[0] == inputs:
            return kept[1]
        value = make()
        self._kept[key] = (inputs, value)
        return value


def reuse(memo: Memo | None, key: str, inputs: object, make: Callable[[], T]) -> T:
    return make() if memo is None else memo.reuse(key, inputs, make)
