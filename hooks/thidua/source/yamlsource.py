"""Read one YAML data file into plain Python values, remembering where every value stands.

YAML 1.1 (what PyYAML implements) turns `no` into false, `2023-04-27` into a date and `079` into 79.
Editors do not expect that, so every scalar is read as text (PyYAML's BaseLoader resolver) and the
schema decides later what a field's type is (see `schema.coerce`). Duplicate keys, which PyYAML would
silently overwrite, are reported.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from thidua.source import yamlerrors
from thidua.source.problems import Problem

Path_ = tuple[str | int, ...]
_DEFAULT_TAGS = {
    yaml.ScalarNode: yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
}


class _FastLoader(getattr(yaml, "CBaseLoader", yaml.BaseLoader)):  # type: ignore[misc]
    """libyaml (bundled with PyYAML's wheels) parses about ten times faster than the pure-Python parser.
    BaseLoader has no implicit resolvers, so every untagged node gets its kind's default tag: said here
    directly instead of by the generic (Python) resolver, once per node."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return _DEFAULT_TAGS[kind]


FAST_LOADER = _FastLoader


@dataclass
class Source:
    """A parsed data file: its value tree and the position of each value (and key) in the file."""

    file: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path_, key: bool = False) -> tuple[int, int]:
        """Position of the value at `path` (or of its key), falling back to the nearest parent."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))

    def problem(self, path: Path_, message: str, key: bool = False) -> Problem:
        line, column = self.where(path, key)
        return Problem(self.file, line, column, message, field_name(path))


def field_name(path: Path_) -> str:
    """`('body', 2, 'children', 0, 'text')` -> `body[2].children[0].text`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def walk(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every value in the tree with its path, parents before children, in file order. A stack rather than
    nested generators: each value costs the same however deep it lies."""
    stack = [(path, value)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if isinstance(value, dict):
            stack.extend((path + (key,), item) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((path + (i,), value[i]) for i in range(len(value) - 1, -1, -1))


def _decode(raw: bytes, name: str) -> tuple[str | None, list[Problem]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a byte-order mark from Windows editors carries no meaning: drop it
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        column = err.start - (before.rfind(b"\n") + 1) + 1
        bad = raw[err.start : err.start + 1].hex().upper()
        msg = (
            f"tệp không phải mã UTF-8 (byte 0x{bad} không hợp lệ). "
            "Hãy lưu lại tệp với bảng mã UTF-8 (trong VS Code: Save with Encoding → UTF-8)."
        )
        return None, [Problem(name, line, column, msg)]
    return unicodedata.normalize("NFC", text), []


def parse(raw: bytes, name: str) -> tuple[Source | None, list[Problem]]:
    """Parse the bytes of a data file; `name` is how the file is named in messages (relative to the project)."""
    text, problems = _decode(raw, name)
    if text is None:
        return None, problems
    try:
        node = yaml.compose(text, Loader=FAST_LOADER)
        if node is None:
            return None, [
                Problem(name, 1, 1, "tệp trống; hãy điền dữ liệu theo mẫu trong Hướng dẫn biên tập (data/README.md).")
            ]
        source = Source(name, None)
        source.data = _build(node, (), source, problems)
    except yaml.YAMLError:
        try:  # explain with the pure-Python parser, whose errors the messages are written for
            yaml.compose(text, Loader=yaml.BaseLoader)
        except yaml.YAMLError as err:
            return None, [Problem(name, *yamlerrors.explain(err, text))]
        raise
    except RecursionError:
        line, column = yamlerrors.nesting_too_deep(text) or (1, 1)
        msg = "lỗi cú pháp YAML: các dấu ngoặc [ ] lồng nhau quá sâu; hãy kiểm tra lại giá trị này."
        return None, [Problem(name, line, column, msg)]
    if not isinstance(source.data, dict):
        problems.append(source.problem((), "tệp phải là một bảng các trường dạng 'tên: giá trị'."))
    return source, problems


def _build(node: yaml.Node, path: Path_, source: Source, problems: list[Problem]) -> Any:
    source.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, path + (i,), source, problems) for i, child in enumerate(node.value)]
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            problems.append(
                Problem(source.file, line, column, "tên trường phải là một chữ, ví dụ: title:", field_name(path))
            )
            continue
        key = key_node.value
        child = path + (key,)
        key_pos = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        if key in result:
            first = source.key_positions[child]
            problems.append(
                Problem(
                    source.file,
                    *key_pos,
                    f"trường bị ghi hai lần (lần đầu ở dòng {first[0]}); hãy xóa một lần.",
                    field_name(child),
                )
            )
            continue
        source.key_positions[child] = key_pos
        result[key] = _build(value_node, child, source, problems)
    return result
