"""PyYAML's syntax errors, told to an office editor: in Vietnamese, at the line where the mistake was made.

PyYAML reports where it gave up, which is often a line or more after the mistake and always in English.
Each rule below recognises one common mistake from the error and the text, and returns the message and the
place to show; the first rule that applies wins, and a generic message is the last resort.
"""

from __future__ import annotations

import json
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


def quoted_fix(line: str, column: int) -> str:
    """ ", ví dụ: key: "value"" for the value that starts at `column` (0-based) of `line`, or "." if the line is
    not a field or a list item. Ends a sentence of advice to quote a value."""
    value = line[column:].strip()
    head = line[:column].rstrip()
    if not value:
        return "."
    quoted = json.dumps(_example(value), ensure_ascii=False)
    if head.endswith(":"):
        key = head.lstrip(" -")
        return f", ví dụ: {key} {quoted}"
    if head.strip() == "-" or head.endswith(" -"):
        return f", ví dụ: - {quoted}"
    return "."


def dash_without_space(err: yaml.YAMLError, text: str) -> Found:
    """`-Nội dung`: a list item without a space after its dash is read as text that starts with "-"."""
    lines = _lines(text)
    last = min((_mark(err, "problem_mark") or (len(lines), 1))[0], len(lines))
    for number in range(last, max(0, last - 20), -1):  # the nearest such line at or above the error
        match = _GLUED_DASH.match(lines[number - 1])
        if match:
            item = match.group(2)
            return (
                number,
                len(match.group(1)) + 1,
                f'thiếu dấu cách sau dấu gạch đầu dòng trong "-{_example(item)}"; mỗi mục của danh sách viết '
                f'"- " rồi đến nội dung: - {_example(item)}',
            )
    return None


_GLUED_DASH = re.compile(r"^(\s*)-(?![-\s\d])(\S.*)$")


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
        # closed at the end of the line, or closed earlier with more text after it (told by text_after_quotes)
        closed = re.search(r'(?<!\\)"', rest) if quote == '"' else re.search(r"'", rest)
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


def ampersand(err: yaml.YAMLError, text: str) -> Found:
    """`launched_by: &Bộ Tư pháp`: a leading & or * followed by a letter YAML does not allow in a name."""
    if "expected alphabetic or numeric character" not in (getattr(err, "problem", "") or ""):
        return None
    where = _mark(err, "context_mark") or _mark(err, "problem_mark")
    if where is None:
        return None
    line = _lines(text)[where[0] - 1]
    match = KEY_VALUE.match(line)
    if not match or not match.group(4).startswith(("&", "*")):
        return None
    column = len(match.group(1)) + len(match.group(2)) + len(match.group(3)) + 2
    sign = match.group(4)[0]
    meaning = "neo" if sign == "&" else "tham chiếu"
    return (
        where[0],
        column,
        f"lỗi cú pháp YAML: giá trị bắt đầu bằng dấu {sign} (YAML hiểu là {meaning}); hãy đặt cả giá trị trong "
        f"ngoặc kép{quoted_fix(line, column - 1)}",
    )


def text_after_quotes(err: yaml.YAMLError, text: str) -> Found:
    """`name: "Cán bộ" giỏi`: a value that starts with a quote ends at the closing quote; more text after it
    on the line is an error."""
    where = _mark(err, "problem_mark")
    if where is None or where[0] > len(_lines(text)):
        return None
    line = _lines(text)[where[0] - 1]
    match = re.match(r"""^(\s*(?:-\s+)?(?:[^\s:#"'][^:#]*?:\s+)?)(["'])(.*?)\2\s+([^\s#].*)$""", line)
    if not match:
        return None
    column = len(match.group(1))
    return (
        where[0],
        column + 1,
        "lỗi cú pháp YAML: giá trị bắt đầu bằng dấu ngoặc thì kết thúc ở dấu ngoặc đóng, phần chữ phía sau "
        f'("{_example(match.group(4))}") nằm ngoài ngoặc. Hãy đặt cả giá trị trong một cặp ngoặc'
        f"{quoted_fix(line, column)}",
    )


def list_among_fields(err: yaml.YAMLError, text: str) -> Found:
    """A "- item" line inside a block of `name: value` fields (or right under a field that has a value)."""
    problem = getattr(err, "problem", "") or ""
    if "found '-'" not in problem and "<block sequence start>" not in problem:
        return None
    where = _mark(err, "problem_mark")
    start = _mark(err, "context_mark")
    if where is None:
        return None
    lines = _lines(text)
    indent = where[1] - 1
    for number in range(where[0] - 1, 0, -1):  # a sibling item further in: this one lost its indentation
        above = lines[number - 1]
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        item = re.match(r"^(\s*)-\s", above)
        if item and len(item.group(1)) > indent:
            return (
                where[0],
                where[1],
                f"lỗi cú pháp YAML: mục danh sách này thụt lề ít hơn mục ở dòng {number} (cột "
                f"{len(item.group(1)) + 1}); hãy thụt lề cho thẳng cột với các mục khác của danh sách.",
            )
        break
    since = f" (khối bắt đầu ở dòng {start[0]})" if start else ""
    return (
        where[0],
        where[1],
        f"lỗi cú pháp YAML: có một mục danh sách ('- ') xen giữa các trường 'tên: giá trị'{since}. Nếu đây là danh "
        "sách của trường ở dòng trên, hãy để trống sau dấu hai chấm của trường đó và viết mỗi mục một dòng, thụt lề "
        "vào 2 dấu cách, bắt đầu bằng '- '; nếu không, hãy xóa dấu '- ' hoặc sửa thụt lề cho thẳng các trường.",
    )


def dedented_field(err: yaml.YAMLError, text: str) -> Found:
    """A field indented less than the fields just above it, and in line with no field further out: most often
    a field of the list item above that lost its indentation."""
    problem = getattr(err, "problem", "") or ""
    if "expected <block end>" not in problem:
        return None
    where = _mark(err, "problem_mark")
    if where is None:
        return None
    lines = _lines(text)
    line = lines[where[0] - 1]
    match = KEY_VALUE.match(line) or re.match(r"^(\s*)([^\s:#\"'\-][^:#]*?):()()$", line)
    if not match or match.group(1).strip():
        return None
    indent = len(match.group(1))
    for number in range(where[0] - 1, 0, -1):
        above = lines[number - 1]
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        item = re.match(r"^(\s*-\s+)\S", above)
        column = len(item.group(1)) if item else len(above) - len(above.lstrip())
        if column <= indent:
            return None
        key = match.group(2)
        return (
            where[0],
            indent + 1,
            f"lỗi cú pháp YAML: trường '{key}' thụt lề ít hơn trường ở dòng {number} (cột {column + 1}) nhưng không "
            f"thẳng cột với trường nào ở ngoài. Nếu '{key}' thuộc cùng mục với dòng {number}, hãy thụt lề dòng này "
            f"vào cột {column + 1}.",
        )
    return None


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
    dash_without_space,
    two_documents,
    alias,
    ampersand,
    text_after_quotes,
    unclosed_bracket,
    bracketed_text,
    no_colon,
    colon_in_value,
    list_among_fields,
    dedented_field,
    indentation,
]


# Every problem PyYAML's (and libyaml's) scanner, parser and composer can report, in Vietnamese: no English
# text reaches an editor. Matched by the start of the problem; %r parts of the English are not needed.
TRANSLATIONS: list[tuple[str, str]] = [
    (
        "sequence entries are not allowed here",
        "có một mục danh sách ('- ') ở chỗ không được có danh sách. Nếu đây là danh sách của trường ở dòng trên, "
        "hãy để trống sau dấu hai chấm của trường đó và viết mỗi mục một dòng, thụt lề vào 2 dấu cách, bắt đầu "
        "bằng '- '",
    ),
    (
        "mapping keys are not allowed here",
        "dấu '? ' ở đầu giá trị có nghĩa riêng trong YAML; hãy đặt cả giá trị trong ngoặc kép",
    ),
    (
        "mapping values are not allowed",
        "có dấu ': ' trong một giá trị chưa đặt trong ngoặc kép; hãy đặt cả giá trị trong ngoặc kép",
    ),
    (
        "found character",
        "giá trị bắt đầu bằng một ký tự có nghĩa riêng trong YAML (như @ hoặc `); hãy đặt cả giá trị trong ngoặc kép",
    ),
    (
        "found undefined alias",
        "giá trị bắt đầu bằng dấu * (YAML hiểu là tham chiếu); hãy đặt cả giá trị trong ngoặc kép",
    ),
    (
        "found duplicate anchor",
        "tệp dữ liệu không dùng neo (&tên) của YAML; hãy xóa dấu & hoặc đặt cả giá trị trong ngoặc kép",
    ),
    (
        "found unknown escape character",
        'trong ngoặc kép, dấu \\ phải đi kèm ký tự hợp lệ (\\n, \\", \\\\); nếu cần dấu \\ thường, '
        "hãy đặt giá trị trong dấu nháy đơn '...' thay cho ngoặc kép",
    ),
    ("expected escape sequence", "mã \\x, \\u trong ngoặc kép không đúng; hãy đặt giá trị trong dấu nháy đơn '...'"),
    (
        "found unexpected end of stream",
        'tệp kết thúc khi một giá trị chưa đóng; hãy kiểm tra dấu ngoặc kép " và dấu ngoặc',
    ),
    ("found unexpected document separator", "dòng --- hoặc ... nằm giữa một giá trị trong ngoặc kép; hãy xóa dòng đó"),
    (
        "expected a comment or a line break",
        "sau giá trị trong ngoặc kép (hoặc sau >-, |) còn chữ trên cùng dòng; hãy đặt cả giá trị trong ngoặc kép, "
        "hoặc đưa nội dung xuống dòng dưới",
    ),
    ("expected ',' or ']'", "trong danh sách [ ] các mục cách nhau bằng dấu phẩy và danh sách phải đóng bằng ]"),
    ("expected ',' or '}'", "trong bảng { } các trường cách nhau bằng dấu phẩy và bảng phải đóng bằng }"),
    ("expected the node content", "thiếu giá trị ở đây"),
    (
        "expected chomping or indentation indicators",
        "sau dấu > hoặc | chỉ được viết - rồi xuống dòng; hãy đưa nội dung xuống dòng dưới, thụt lề vào 2 dấu cách",
    ),
    (
        "expected indentation indicator",
        "sau dấu > hoặc | chỉ được viết - rồi xuống dòng; hãy đưa nội dung xuống dòng dưới, thụt lề vào 2 dấu cách",
    ),
    (
        "expected alphabetic or numeric character",
        "sau dấu & hoặc * phải có tên; nếu đó là chữ của giá trị, hãy đặt cả giá trị trong ngoặc kép",
    ),
    ("expected '<document start>'", "sau dòng ... (kết thúc tài liệu) còn nội dung; hãy xóa dòng ..."),
    ("expected a single document", "tệp chứa nhiều hơn một tài liệu YAML (dòng ---); mỗi tệp chỉ ghi một bản ghi"),
    (
        "expected <block end>",
        'thụt lề không khớp; thường do thụt lề sai, hoặc một dấu ngoặc kép " mở ở dòng trên mà chưa đóng',
    ),
    ("expected <block mapping start>", "thụt lề không khớp; hãy kiểm tra thụt lề của dòng này và dòng trên"),
    ("could not find expected ':'", "dòng này không có dạng 'tên: giá trị'"),
    ("invalid indentation", "thụt lề sai hoặc dấu ngoặc [ hay { chưa đóng"),
    ("found a tab character", "ký tự TAB không được dùng để thụt lề; hãy thay bằng dấu cách"),
    ("did not find expected", "thiếu dấu đóng hoặc thụt lề sai; hãy kiểm tra dấu ngoặc kép, dấu ngoặc và thụt lề"),
    ("found incompatible YAML document", "dòng bắt đầu bằng %YAML có nghĩa riêng trong YAML; hãy xóa dòng đó"),
    ("found duplicate YAML directive", "dòng bắt đầu bằng % có nghĩa riêng trong YAML; hãy xóa dòng đó"),
    ("duplicate tag handle", "dòng bắt đầu bằng % có nghĩa riêng trong YAML; hãy xóa dòng đó"),
    (
        "found undefined tag handle",
        "giá trị bắt đầu bằng dấu ! (YAML hiểu là thẻ kiểu); hãy đặt cả giá trị trong ngoặc kép",
    ),
    (
        "found non-specific tag",
        "giá trị bắt đầu bằng dấu ! (YAML hiểu là thẻ kiểu); hãy đặt cả giá trị trong ngoặc kép",
    ),
    ("expected '!'", "giá trị bắt đầu bằng dấu ! (YAML hiểu là thẻ kiểu); hãy đặt cả giá trị trong ngoặc kép"),
    ("expected '>'", "giá trị bắt đầu bằng dấu ! (YAML hiểu là thẻ kiểu); hãy đặt cả giá trị trong ngoặc kép"),
    ("expected URI", "giá trị bắt đầu bằng dấu ! (YAML hiểu là thẻ kiểu); hãy đặt cả giá trị trong ngoặc kép"),
    ("expected a digit", "dòng bắt đầu bằng % có nghĩa riêng trong YAML; hãy xóa dòng đó"),
    ("expected ' '", "dòng bắt đầu bằng % có nghĩa riêng trong YAML; hãy xóa dòng đó"),
    ("found duplicate key", "trường bị ghi hai lần; hãy xóa một lần"),
    ("control characters are not allowed", "có ký tự điều khiển (thường do dán từ Word); hãy xóa ký tự đó"),
    ("unacceptable character", "có ký tự điều khiển (thường do dán từ Word); hãy xóa ký tự đó"),
]


def translate(problem: str) -> str:
    """The Vietnamese for one of PyYAML's or libyaml's problems; a general hint for any other."""
    for english, vietnamese in TRANSLATIONS:
        if english in problem:
            return vietnamese
    return 'cấu trúc YAML không đọc được ở đây; hãy kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép "'


def explain(err: yaml.YAMLError, text: str) -> tuple[int, int, str]:
    for rule in RULES:
        found = rule(err, text)
        if found:
            return found
    line, column = _mark(err, "problem_mark") or _mark(err, "context_mark") or (1, 1)
    problem = getattr(err, "problem", None) or str(err).splitlines()[0]
    start = _mark(err, "context_mark")
    since = f" (khối bắt đầu ở dòng {start[0]})" if start and start[0] != line else ""
    return line, column, f"lỗi cú pháp YAML: {translate(problem)}{since}. Kiểm tra dòng này và dòng trên."


def explain_text(fast_error: yaml.YAMLError, text: str) -> tuple[int, int, str]:
    """The message for a file libyaml could not parse. The rules are written for the errors of PyYAML's
    pure-Python parser (bounded: it only reads files the size limit lets through), so the file is parsed again
    with it; should it accept what libyaml refused, libyaml's own error is told."""
    try:
        yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError as err:
        return explain(err, text)
    except RecursionError:
        return too_deep(text)
    return explain(fast_error, text)


def too_deep(text: str) -> tuple[int, int, str]:
    """Values nested deeper than a parser can follow: brackets, or indentation of very many levels."""
    brackets = nesting_too_deep(text)
    if brackets:
        return *brackets, "lỗi cú pháp YAML: các dấu ngoặc [ ] lồng nhau quá sâu; hãy kiểm tra lại giá trị này."
    deep = re.search(r"^ {200,}\S", text, re.MULTILINE)
    line = text[: deep.start()].count("\n") + 1 if deep else 1
    return line, 1, "lỗi cú pháp YAML: thụt lề quá nhiều cấp (các trường lồng nhau quá sâu); hãy kiểm tra lại thụt lề."


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
