"""Read one YAML data file into plain Python values, remembering where every value stands.

YAML 1.1 (what PyYAML implements) turns `no` into false, `2023-04-27` into a date and `079` into 79.
Editors do not expect that, so every scalar is read as text (PyYAML's BaseLoader resolver) and the
schema decides later what a field's type is (see `schema.coerce`). Duplicate keys, which PyYAML would
silently overwrite, are reported.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

Path_ = tuple[str | int, ...]


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


def _unclosed_quote(text: str, before_line: int) -> tuple[int, int] | None:
    """The first line before `before_line` whose value opens a double quote and never closes it."""
    for number, line in enumerate(text.splitlines()[:before_line], 1):
        match = re.match(r'^(\s*(?:-\s+)?[^\s:#"]+:\s+|\s*-\s+)"', line)
        if match and not re.search(r'(?<!\\)"\s*(#.*)?$', line[match.end() :]):
            return number, match.end()
    return None


def _syntax_problem(name: str, err: yaml.YAMLError, text: str) -> Problem:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = getattr(err, "problem", None) or str(err)
    quote = _unclosed_quote(text, line)
    if quote and ("found" in problem or "while scanning a quoted scalar" in str(err)):
        return Problem(name, *quote, 'dấu ngoặc kép " mở ở dòng này nhưng chưa đóng; hãy thêm dấu " ở cuối giá trị.')
    if "'\\t'" in problem or "\t" in problem:
        msg = "ký tự TAB không được dùng để thụt lề trong YAML; hãy thay bằng dấu cách (2 dấu cách mỗi cấp)."
    elif "mapping values are not allowed" in problem:
        msg = (
            "lỗi cú pháp YAML: có dấu ': ' trong một giá trị chưa đặt trong ngoặc kép. "
            'Hãy viết giá trị trong ngoặc kép, ví dụ: title: "Nội dung: chi tiết", hoặc dùng khối >-.'
        )
    elif "expected a single document" in problem:
        msg = "tệp chứa nhiều hơn một tài liệu YAML (dòng ---); mỗi tệp chỉ ghi một bản ghi."
    elif "expected <block end>" in problem or "expected <block mapping start>" in problem:
        start = getattr(err, "context_mark", None)
        since = f" (khối bắt đầu ở dòng {start.line + 1})" if start else ""
        msg = (
            f'lỗi cú pháp YAML: thụt lề không khớp{since}. Thường do thụt lề sai, hoặc một dấu ngoặc kép " '
            "mở ở dòng trên mà chưa đóng."
        )
    else:
        context = getattr(err, "context", None)
        detail = f"{problem} ({context})" if context else problem
        msg = f"lỗi cú pháp YAML: {detail}. Kiểm tra thụt lề và dấu ngoặc kép ở dòng này hoặc dòng trên."
    return Problem(name, line, column, msg)


def load(path: Path, name: str | None = None) -> tuple[Source | None, list[Problem]]:
    """Parse `path`; `name` is how the file is named in messages (a path relative to the project)."""
    name = name or str(path)
    text, problems = _decode(path.read_bytes(), name)
    if text is None:
        return None, problems
    try:
        node = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError as err:
        return None, [_syntax_problem(name, err, text)]
    if node is None:
        return None, [
            Problem(name, 1, 1, "tệp trống; hãy điền dữ liệu theo mẫu trong Hướng dẫn biên tập (data/README.md).")
        ]
    source = Source(name, None)
    source.data = _build(node, (), source, problems)
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
