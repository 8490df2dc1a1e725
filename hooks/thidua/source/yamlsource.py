"""Read one YAML data file into plain Python values, remembering where every value stands.

YAML 1.1 (what PyYAML implements) turns `no` into false, `2023-04-27` into a date and `079` into 79.
Editors do not expect that, so every scalar is read as text (PyYAML's BaseLoader resolver) and the
schema decides later what a field's type is (see `schema.coerce`). Duplicate keys, which PyYAML would
silently overwrite, are reported.

Nothing an editor types may vanish or exhaust the machine: anchors and aliases (`&x`, `*x`: an "alias bomb"
of nested aliases expands to billions of values) and explicit tags (`!x`) are refused, files and values
larger than any real record are refused before they are parsed, and a comment that ends an unquoted value
(`what: kế hoạch #2`) is remembered so that the schema check can tell free text that lost its end
(`schema.comment_problems`).
"""

from __future__ import annotations

import re
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
    text: str = ""  # the file's text, to place a mistake found inside a long value at its own line
    # a comment right after an unquoted value: its path -> line, column of the '#', the comment
    comments: dict[Path_, tuple[int, int, str]] = field(default_factory=dict)
    _lines: list[str] | None = field(default=None, repr=False, compare=False)

    def line(self, number: int) -> str:
        """Line `number` (1-based) of the file, "" past its end."""
        if self._lines is None:
            self._lines = self.text.splitlines()
        return self._lines[number - 1] if 0 < number <= len(self._lines) else ""

    def forget_lines(self) -> None:
        self._lines = None

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

    def problem_in(self, path: Path_, value: str, offset: int, message: str) -> Problem:
        """A problem at character `offset` of the text `value` found at `path`: at the line and column where
        that character stands in the file, also inside a paragraph that spans several lines (`>-`, `|` or a
        plain value continued on the next lines); at the value's start if it cannot be told."""
        line, column = self.where(path)
        found = locate(self.text, line, column, value, offset)
        if found:
            line, column = found
        return Problem(self.file, line, column, message, field_name(path))


def locate(text: str, line: int, column: int, value: str, offset: int) -> tuple[int, int] | None:
    """Where `value[offset]` stands in `text`, given that `value` starts at `line`:`column`: the words before
    it are found one after another from the value's start (a line break and the indentation after it are one
    space in the value). None if a word is not found, e.g. in a quoted value with escapes."""
    if not text or not 0 <= offset <= len(value):
        return None
    parts = text.split("\n", line - 1)
    if len(parts) < line:
        return None
    pos = len(text) - len(parts[-1]) + column - 1
    for word in value[:offset].split():
        found = text.find(word, pos)
        if found == -1:
            return None
        pos = found + len(word)
    head = value[offset:].split(maxsplit=1)
    if head and (offset == 0 or value[offset - 1].isspace()):
        found = text.find(head[0], pos)
        if found == -1:
            return None
        pos = found
    before = text[:pos]
    return before.count("\n") + 1, pos - (before.rfind("\n") + 1) + 1


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


MAX_FILE_BYTES = 1_000_000  # the largest real record (a plan) is about 30 KB
MAX_VALUE_CHARS = 100_000  # the whole text of the longest real plan is about 17 000 characters
ANCHORS_TOLD = 3  # anchors, aliases and tags told one by one; the others are counted
# Spaces that look like spaces but are not YAML indentation: pasted from Word (no-break space) or web pages.
_ODD_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_ODD_INDENT = re.compile(f"^ *([{_ODD_SPACES}])[ {_ODD_SPACES}]*\\S", re.MULTILINE)
_COMMENT_AFTER = re.compile(r"\s+#")
# Bytes that only the Vietnamese Windows code page (1258) gives letters: Ă ă Đ đ Ơ ơ Ư ư and the tone marks.
_CP1258_ONLY = re.compile(rb"[\xc3\xe3\xd0\xf0\xd5\xf5\xdd\xfd\xcc\xec\xde\xd2\xf2]")


def _encoding(raw: bytes) -> tuple[str, str, str] | None:
    """The encoding of a file that is not UTF-8: its name, how VS Code names it, and how Windows calls it."""
    for bom, name in (
        (b"\xff\xfe\x00\x00", "UTF-32 LE"),
        (b"\x00\x00\xfe\xff", "UTF-32 BE"),
        (b"\xff\xfe", "UTF-16 LE"),
        (b"\xfe\xff", "UTF-16 BE"),
    ):
        if raw.startswith(bom):
            return name[:6], name, "Unicode"
    sample = raw[:4000]
    if sample and sample.count(0) * 4 >= len(sample):  # text of two bytes a letter, without a byte-order mark
        odd_zeros = sample[1::2].count(0)
        return "UTF-16", ("UTF-16 LE" if odd_zeros >= sample[0::2].count(0) else "UTF-16 BE"), "Unicode"
    if _CP1258_ONLY.search(raw):
        return "Windows-1258", "Vietnamese (Windows 1258)", "ANSI"
    return None


def _decode(raw: bytes, name: str) -> tuple[str | None, list[Problem]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a byte-order mark from Windows editors carries no meaning: drop it
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        found = _encoding(raw)
        if found and found[2] == "Unicode":
            line, column = 1, 1
        else:
            before = raw[: err.start]
            line = before.count(b"\n") + 1
            column = err.start - (before.rfind(b"\n") + 1) + 1
        if found:
            encoding, vscode, windows = found
            msg = (
                f'tệp được lưu bằng bảng mã {encoding} (Windows gọi là "{windows}"), không phải UTF-8 nên không đọc '
                f"được. Trong VS Code: bấm vào tên bảng mã ở thanh dưới cùng → Reopen with Encoding → {vscode}, xem "
                "chữ có dấu đã hiện đúng, rồi bấm lại → Save with Encoding → UTF-8 (Notepad: File → Save As, mục "
                "Encoding chọn UTF-8)."
            )
        else:
            bad = raw[err.start : err.start + 1].hex().upper()
            msg = (
                f"tệp không phải mã UTF-8 (byte 0x{bad} không hợp lệ; có thể tệp được lưu bằng bảng mã cũ như "
                "Windows-1252 hay TCVN3). Hãy lưu lại tệp với bảng mã UTF-8 (trong VS Code: Save with Encoding → "
                "UTF-8) và kiểm tra chữ có dấu."
            )
        return None, [Problem(name, line, column, msg)]
    return unicodedata.normalize("NFC", text), []


def size_problem(size: int, name: str) -> Problem | None:
    """A file larger than any real record: refused before it is read or parsed."""
    if size <= MAX_FILE_BYTES:
        return None
    megabytes = f"{size / 1e6:.1f}".replace(".", ",")
    return Problem(
        name,
        1,
        1,
        f"tệp quá lớn ({megabytes} MB; mỗi tệp dữ liệu tối đa {MAX_FILE_BYTES // 1_000_000} MB, kế hoạch dài nhất "
        "chỉ khoảng 30 KB). Có lẽ đã dán nhầm nội dung; hãy kiểm tra lại tệp, hoặc tách thành nhiều bản ghi.",
    )


def _odd_indentation(text: str, name: str) -> list[Problem]:
    """Lines indented with no-break or other look-alike spaces: YAML reads them as text, not indentation."""
    problems = []
    for match in _ODD_INDENT.finditer(text):
        before = text[: match.start(1)]
        line = before.count("\n") + 1
        column = match.start(1) - (before.rfind("\n") + 1) + 1
        code = f"U+{ord(match.group(1)):04X}"
        problems.append(
            Problem(
                name,
                line,
                column,
                f"dòng này thụt lề bằng dấu cách không ngắt ({code}, thường có khi dán từ Word hoặc trang web), YAML "
                "không coi đó là thụt lề. Hãy xóa các dấu cách ở đầu dòng rồi gõ lại bằng phím cách (2 dấu cách mỗi "
                "cấp).",
            )
        )
        if len(problems) == 20:
            break
    return problems


def _refused(text: str, name: str) -> list[Problem]:
    """Anchors (`&x`), aliases (`*x`) and explicit tags (`!x`, `!!str`): YAML drops them from the value, and
    nested aliases can expand to billions of values. The first few are told where they stand, then how many
    more (an alias bomb holds thousands). Looked for only when the text has &, * or !, in the parser's events,
    which are not expanded: linear in the size of the file."""
    found = []
    for event in yaml.parse(text, Loader=FAST_LOADER):
        if getattr(event, "anchor", None) is not None:
            found.append((event.start_mark, "*" if isinstance(event, yaml.AliasEvent) else "&", event.anchor))
        elif getattr(event, "tag", None) is not None:
            found.append((event.start_mark, "!", event.tag))
    lines = text.splitlines()
    problems = []
    for mark, sign, name_ in found[:ANCHORS_TOLD]:
        line = lines[mark.line] if mark.line < len(lines) else ""
        if sign == "!":
            message = (
                "giá trị bắt đầu bằng dấu ! (YAML hiểu là thẻ kiểu, và bỏ phần đó khỏi giá trị); hãy đặt cả giá trị "
                f"trong ngoặc kép{yamlerrors.quoted_fix(line, mark.column)}"
            )
        else:
            message = (
                f"tệp dữ liệu không dùng neo và tham chiếu của YAML ({sign}{name_}); hãy chép lại đầy đủ nội dung "
                "cần lặp lại."
            )
            if line[mark.column :].strip() != f"&{name_}":  # not the anchor of the block below: may be typed text
                fix = yamlerrors.quoted_fix(line, mark.column)
                message += f" Nếu dấu {sign} là chữ của giá trị, hãy đặt cả giá trị trong ngoặc kép{fix}"
        problems.append(Problem(name, mark.line + 1, mark.column + 1, message))
    if len(found) > ANCHORS_TOLD:
        last = problems[-1]
        more = f"{last.message} Tệp còn {len(found) - ANCHORS_TOLD} chỗ khác dùng &, * hoặc !; hãy bỏ hết."
        problems[-1] = Problem(last.file, last.line, last.column, more)
    return problems


def parse(raw: bytes, name: str) -> tuple[Source | None, list[Problem]]:
    """Parse the bytes of a data file; `name` is how the file is named in messages (relative to the project)."""
    too_big = size_problem(len(raw), name)
    if too_big:
        return None, [too_big]
    text, problems = _decode(raw, name)
    if text is None:
        return None, problems
    odd = _odd_indentation(text, name) if any(c in text for c in _ODD_SPACES) else []
    if odd:
        return None, odd
    try:
        node = yaml.compose(text, Loader=FAST_LOADER)
        if node is None:
            return None, [
                Problem(name, 1, 1, "tệp trống; hãy điền dữ liệu theo mẫu trong Hướng dẫn biên tập (data/README.md).")
            ]
        # composed nodes share what an alias points to: expanding them (_build) is where a bomb would explode
        refused = _refused(text, name) if "&" in text or "*" in text or "!" in text else []
        if refused:
            return None, refused
        source = Source(name, None, text=text)
        source.data = _build(node, (), source, problems)
        source.forget_lines()
    except yaml.YAMLError as fast_error:
        return None, [Problem(name, *yamlerrors.explain_text(fast_error, text))]
    except RecursionError:
        return None, [Problem(name, *yamlerrors.too_deep(text))]
    if not isinstance(source.data, dict):
        problems.append(source.problem((), "tệp phải là một bảng các trường dạng 'tên: giá trị'."))
    return source, problems


def _number(n: int) -> str:
    """12345 -> "12.345", as Vietnamese writes it."""
    return f"{n:,}".replace(",", ".")


def _build(node: yaml.Node, path: Path_, source: Source, problems: list[Problem]) -> Any:
    start = (node.start_mark.line + 1, node.start_mark.column + 1)
    source.positions[path] = start
    if isinstance(node, yaml.ScalarNode):
        if len(node.value) > MAX_VALUE_CHARS:
            problems.append(
                Problem(
                    source.file,
                    *start,
                    f"giá trị dài {_number(len(node.value))} ký tự, vượt giới hạn {_number(MAX_VALUE_CHARS)} ký tự "
                    "của một giá trị (cả kế hoạch dài nhất chỉ khoảng 17.000 ký tự). Có lẽ đã dán nhầm; hãy kiểm tra "
                    "lại.",
                    field_name(path),
                )
            )
        if not node.style and "#" in source.text:  # plain (libyaml says "", PyYAML None)
            end = node.end_mark
            rest = source.line(end.line + 1)[end.column :]
            comment = _COMMENT_AFTER.match(rest)
            if comment:
                source.comments[path] = (end.line + 1, end.column + comment.end(), rest[comment.end() - 1 :].strip())
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
