"""PyYAML's syntax errors, told to an office editor: in Vietnamese, at the line where the mistake was made.

PyYAML reports where it gave up, which is often a line or more after the mistake and always in English.
Each rule below recognises one common mistake from the error and the text, and returns the message and the
place to show; the first rule that applies wins, and a generic message is the last resort.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

Found = tuple[int, int, str] | None  # line, column (1-based), message
KEY_VALUE = re.compile(r"^(\s*(?:-\s+)?)([^\s:#\"'\[\]{}][^:#]*?):(\s+)(.*)$")


def _lines(text: str) -> list[str]:
    return text.splitlines()


def _mark(err: yaml.YAMLError, which: str) -> tuple[int, int] | None:
    mark = getattr(err, which, None)
    return (mark.line + 1, mark.column + 1) if mark else None


def _example(value: str) -> str:
    """A short value for an example: the start of `value`, then "..." if more follows."""
    words = value.split()
    if len(value) <= 40:
        return value
    head = []
    for word in words:
        head.append(word)
        if len(" ".join(head)) >= 12:
            break
    return " ".join(head) + " ..."


def control_character(err: yaml.YAMLError, text: str) -> Found:
    if not isinstance(err, yaml.reader.ReaderError):
        return None
    before = text[: err.position]
    line = before.count("\n") + 1
    column = err.position - (before.rfind("\n") + 1) + 1
    char = err.character
    code = f"U+{char if isinstance(char, int) else ord(char):04X}"
    return (
        line,
        column,
        (
            f"ký tự điều khiển {code} (thường có khi dán từ Word) không được dùng trong tệp dữ liệu; "
            "hãy xóa ký tự này hoặc thay bằng dấu cách."
        ),
    )


def tab(err: yaml.YAMLError, text: str) -> Found:
    problem = getattr(err, "problem", "") or ""
    if "'\\t'" not in problem and "\t" not in problem:
        return None
    line, column = _mark(err, "problem_mark") or (1, 1)
    return line, column, "ký tự TAB không được dùng để thụt lề trong YAML; hãy thay bằng dấu cách (2 dấu cách mỗi cấp)."


def unclosed_quote(err: yaml.YAMLError, text: str) -> Found:
    """A value that opens a quote and never closes it swallows the lines below: find where it opened."""
    last = (_mark(err, "problem_mark") or (len(_lines(text)), 1))[0]
    for number, line in enumerate(_lines(text)[:last], 1):
        match = re.match(r"^(\s*(?:-\s+)?[^\s:#\"']+:\s+|\s*-\s+)([\"'])", line)
        if not match:
            continue
        quote, rest = match.group(2), line[match.end() :]
        closed = re.search(r'(?<!\\)"\s*(#.*)?$', rest) if quote == '"' else re.search(r"'\s*(#.*)?$", rest)
        if not closed:
            name = "dấu ngoặc kép" if quote == '"' else "dấu nháy đơn"
            return (
                number,
                match.end(1) + 1,
                (f"{name} {quote} mở ở dòng này nhưng chưa đóng; hãy thêm dấu {quote} ở cuối giá trị."),
            )
    return None


def two_documents(err: yaml.YAMLError, text: str) -> Found:
    if "expected a single document" not in str(err):
        return None
    line, column = _mark(err, "problem_mark") or (1, 1)
    return line, column, "tệp chứa nhiều hơn một tài liệu YAML (dòng ---); mỗi tệp chỉ ghi một bản ghi."


def alias(err: yaml.YAMLError, text: str) -> Found:
    """`launched_by: *Bộ Tư pháp*`: YAML reads a leading * as a reference to an anchor."""
    if "alias" not in str(err):
        return None
    where = _mark(err, "context_mark") or _mark(err, "problem_mark")
    if where is None:
        return None
    match = KEY_VALUE.match(_lines(text)[where[0] - 1])
    if not match:
        return None
    key, value = match.group(2), match.group(4)
    return (
        where[0],
        len(match.group(1)) + len(key) + len(match.group(3)) + 2,
        (
            "lỗi cú pháp YAML: giá trị bắt đầu bằng dấu * (YAML hiểu là tham chiếu); "
            f'hãy đặt cả giá trị trong ngoặc kép, ví dụ: {key}: "{_example(value)}"'
        ),
    )


def unclosed_bracket(err: yaml.YAMLError, text: str) -> Found:
    context = getattr(err, "context", "") or ""
    if "flow sequence" not in context and "flow mapping" not in context:
        return None
    where = _mark(err, "context_mark")
    if where is None:
        return None
    line = _lines(text)[where[0] - 1]
    opening, closing = ("[", "]") if "sequence" in context else ("{", "}")
    kind = "dấu ngoặc vuông" if opening == "[" else "dấu ngoặc nhọn"
    match = KEY_VALUE.match(line)
    example = f", ví dụ: {match.group(2)}: {match.group(4).rstrip()}{closing}" if match else ""
    return (
        where[0],
        where[1],
        (
            f"lỗi cú pháp YAML: {kind} {opening} mở ở dòng này nhưng chưa đóng; hãy thêm dấu {closing} ở cuối danh sách"
            f"{example}"
        ),
    )


def bracketed_text(err: yaml.YAMLError, text: str) -> Found:
    """`title: [Dự thảo] về ...`: a value that starts with [ is read as a list, and the words after it break it."""
    where = _mark(err, "problem_mark")
    if where is None or "expected <block end>" not in (getattr(err, "problem", "") or ""):
        return None
    match = KEY_VALUE.match(_lines(text)[where[0] - 1])
    if not match or not match.group(4).startswith(("[", "{")) or match.group(4).rstrip().endswith(("]", "}")):
        return None
    key, value = match.group(2), match.group(4)
    column = len(match.group(1)) + len(key) + len(match.group(3)) + 2
    return (
        where[0],
        column,
        (
            f"lỗi cú pháp YAML: giá trị bắt đầu bằng dấu {value[0]} nên bị đọc là một danh sách; "
            f'hãy đặt cả giá trị trong ngoặc kép, ví dụ: {key}: "{_example(value)}"'
        ),
    )


def no_colon(err: yaml.YAMLError, text: str) -> Found:
    """ "could not find expected ':'": a missing space after the colon, or a line that is not `name: value`."""
    if "could not find expected ':'" not in (getattr(err, "problem", "") or ""):
        return None
    where = _mark(err, "context_mark")
    if where is None:
        return None
    line = _lines(text)[where[0] - 1]
    column = len(line) - len(line.lstrip()) + 1
    glued = re.match(r"^\s*(?:-\s+)?([^\s:#]+):(\S.*)$", line)
    if glued:
        key, value = glued.group(1), glued.group(2)
        return (
            where[0],
            column,
            (f'lỗi cú pháp YAML: thiếu dấu cách sau dấu hai chấm trong "{key}:{value}"; hãy viết {key}: {value}'),
        )
    return (
        where[0],
        column,
        (
            "lỗi cú pháp YAML: dòng này không có dạng 'tên: giá trị'. Nếu đây là phần tiếp theo của giá trị ở dòng "
            "trên, hãy thụt lề dòng này vào 2 dấu cách."
        ),
    )


def colon_in_value(err: yaml.YAMLError, text: str) -> Found:
    """ "mapping values are not allowed here": a ': ' inside an unquoted value, or a line indented too far."""
    if "mapping values are not allowed" not in (getattr(err, "problem", "") or ""):
        return None
    line_no, column = _mark(err, "problem_mark") or (1, 1)
    lines = _lines(text)
    line = lines[line_no - 1]
    indent = len(line) - len(line.lstrip())
    previous = next((lines[i] for i in range(line_no - 2, -1, -1) if lines[i].strip()), "")
    previous_indent = len(previous) - len(previous.lstrip())
    if KEY_VALUE.match(line) and KEY_VALUE.match(previous) and indent > previous_indent:
        return (
            line_no,
            indent + 1,
            (
                "lỗi cú pháp YAML: dòng này thụt lề sâu hơn trường ở dòng trên nên bị đọc thành phần tiếp theo của giá "
                "trị đó; hãy xóa dấu cách thừa ở đầu dòng."
            ),
        )
    return (
        line_no,
        column,
        (
            "lỗi cú pháp YAML: có dấu ': ' trong một giá trị chưa đặt trong ngoặc kép. "
            'Hãy viết giá trị trong ngoặc kép, ví dụ: title: "Nội dung: chi tiết", hoặc dùng khối >-.'
        ),
    )


def indentation(err: yaml.YAMLError, text: str) -> Found:
    problem = getattr(err, "problem", "") or ""
    if "expected <block end>" not in problem and "expected <block mapping start>" not in problem:
        return None
    line, column = _mark(err, "problem_mark") or (1, 1)
    start = _mark(err, "context_mark")
    since = f" (khối bắt đầu ở dòng {start[0]})" if start else ""
    return (
        line,
        column,
        (
            f'lỗi cú pháp YAML: thụt lề không khớp{since}. Thường do thụt lề sai, hoặc một dấu ngoặc kép " '
            "mở ở dòng trên mà chưa đóng."
        ),
    )


RULES: list[Callable[[yaml.YAMLError, str], Found]] = [
    control_character,
    tab,
    unclosed_quote,
    two_documents,
    alias,
    unclosed_bracket,
    bracketed_text,
    no_colon,
    colon_in_value,
    indentation,
]


def explain(err: yaml.YAMLError, text: str) -> tuple[int, int, str]:
    for rule in RULES:
        found = rule(err, text)
        if found:
            return found
    line, column = _mark(err, "problem_mark") or _mark(err, "context_mark") or (1, 1)
    problem = getattr(err, "problem", None) or str(err).splitlines()[0]
    context = getattr(err, "context", None)
    detail = f"{problem} ({context})" if context else problem
    return line, column, f"lỗi cú pháp YAML: {detail}. Kiểm tra thụt lề và dấu ngoặc kép ở dòng này hoặc dòng trên."


def nesting_too_deep(text: str, limit: int = 100) -> tuple[int, int] | None:
    """Where brackets nest deeper than `limit` (PyYAML's composer recurses and would crash): the outer one."""
    depth, start = 0, None
    for index, char in enumerate(text):
        if char in "[{":
            if depth == 0:
                start = index
            depth += 1
            if depth > limit and start is not None:
                before = text[:start]
                return before.count("\n") + 1, start - (before.rfind("\n") + 1) + 1
        elif char in "]}" and depth:
            depth -= 1
    return None
