"""YAML in the project's hand-written style: two-space indents, list items under their key, keys in the
order of the schema, long texts folded (>-) at about 100 columns, labels and dates quoted. Records the line
of every key so that the review list can point at it. The text is read back and compared before it is
written: what is written is exactly the data."""

from __future__ import annotations

import json
import re

import yaml

from thidua.check.schema import field_order

WIDTH = 100
QUOTED_KEYS = {"label", "date", "start", "end", "number", "quote"}
# keys in the order of the schema, as the hand-written files have them
ORDERS = [
    ("body", field_order("plan")),
    ("document", field_order("plan")),
    ("entries", field_order("calendar")),
    ("children", field_order("plan", "node")),
    ("label", field_order("plan", "node")),
    ("title", field_order("plan", "node")),
    ("text", field_order("plan", "node")),
]


class Emitter:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.where: dict[tuple, int] = {}

    def mapping(self, data: dict, indent: int, path: tuple, first_prefix: str | None = None) -> None:
        for i, key in enumerate(_ordered(data)):
            value = data[key]
            prefix = first_prefix if (i == 0 and first_prefix is not None) else " " * indent
            self.where[path + (key,)] = len(self.lines) + 1
            self.value(f"{prefix}{_key(key)}:", value, indent, path + (key,), key)

    def value(self, head: str, value, indent: int, path: tuple, key) -> None:
        if isinstance(value, dict):
            if not value:
                self.lines.append(f"{head} {{}}")
                return
            self.lines.append(head)
            self.mapping(value, indent + 2, path)
        elif isinstance(value, list):
            if not value:
                self.lines.append(f"{head} []")
                return
            if all(isinstance(v, int) for v in value):
                self.lines.append(f"{head} [{', '.join(str(v) for v in value)}]")
                return
            self.lines.append(head)
            for j, item in enumerate(value):
                self.where[path + (j,)] = len(self.lines) + 1
                pad = " " * (indent + 2)
                if isinstance(item, dict):
                    self.mapping(item, indent + 4, path + (j,), first_prefix=f"{pad}- ")
                else:
                    self.scalar(f"{pad}-", item, indent + 4, key)
        else:
            self.scalar(head, value, indent + 2, key)

    def scalar(self, head: str, value, indent: int, key) -> None:
        if isinstance(value, bool):
            self.lines.append(f"{head} {'true' if value else 'false'}")
        elif isinstance(value, int):
            self.lines.append(f"{head} {value}")
        else:
            text = str(value)
            if key in QUOTED_KEYS or text == "":
                self.lines.append(f"{head} {json.dumps(text, ensure_ascii=False)}")
            elif len(head) + 1 + len(text) <= WIDTH and _plain_ok(text):
                self.lines.append(f"{head} {text}")
            elif len(head) + 1 + len(text) <= WIDTH:
                self.lines.append(f"{head} {json.dumps(text, ensure_ascii=False)}")
            else:
                self.lines.append(f"{head} >-")
                self.lines.extend(" " * indent + line for line in _wrap(text, WIDTH - indent))


def _key(key) -> str:
    return json.dumps(key) if isinstance(key, str) and key.isdigit() else str(key)


def _ordered(data: dict) -> list:
    """A plan, a calendar or a body node in its schema's order; any other mapping as it was built."""
    keys = list(data)
    for marker, order in ORDERS:
        if marker in data and set(keys) <= set(order):
            return sorted(keys, key=order.index)
    return keys


def _plain_ok(text: str) -> bool:
    if text != text.strip() or re.search(r"[:#]\s|\s#|^[-?:,\[\]{}#&*!|>'\"%@`“]|:$", text):
        return False
    try:
        return yaml.safe_load(f"k: {text}") == {"k": text}
    except yaml.YAMLError:
        return False


def _wrap(text: str, width: int) -> list[str]:
    words = text.split(" ")
    lines, current = [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def dump(data: dict) -> tuple[str, dict[tuple, int]]:
    """The YAML text of `data` and the line (1-based) of each key and list item, by path."""
    emitter = Emitter()
    emitter.mapping(data, 0, ())
    text = "\n".join(emitter.lines) + "\n"
    if yaml.safe_load(text) != _plain(data):
        raise AssertionError("the YAML written does not read back as the data")  # a bug here, never the input
    return text, emitter.where


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
