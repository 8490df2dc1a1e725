"""One error contract for everything an editor can get wrong: file, line, column, field, message."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """A located problem in a data file. Line and column are 1-based."""

    file: str
    line: int
    column: int
    message: str
    field: str = ""

    def format(self) -> str:
        where = f"trường '{self.field}': " if self.field else ""
        return f"{self.file}:{self.line}:{self.column}: error: {where}{self.message}"


PER_FILE = 30  # problems told for one file: past that, one more line says how many were left out


def capped(problems: list[Problem]) -> list[Problem]:
    """At most PER_FILE problems of each file (a file of 60 000 wrong lines needs one fix, not 60 000 lines of
    messages, nor the minutes it takes to write them), and a last one telling how many more there are."""
    counts: dict[str, int] = {}
    out = []
    for problem in sorted(problems):
        counts[problem.file] = counts.get(problem.file, 0) + 1
        if counts[problem.file] <= PER_FILE:
            out.append(problem)
    for file, count in sorted(counts.items()):
        if count > PER_FILE:
            last = max(p for p in out if p.file == file)
            out.append(
                Problem(
                    file,
                    last.line,
                    last.column,
                    f"tệp này còn lỗi khác (chỉ báo {PER_FILE} lỗi đầu); sửa các lỗi trên rồi chạy lại để xem tiếp.",
                )
            )
    return out


class DataError(Exception):
    """Raised when the data cannot be published; carries every problem found, sorted."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(capped(problems))
        super().__init__(self.report())

    def report(self) -> str:
        lines = [p.format() for p in self.problems]
        count = len(self.problems)
        lines.append(f"{count} lỗi trong dữ liệu; chưa xuất bản gì. Sửa các lỗi trên rồi chạy lại.")
        return "\n".join(lines)


class BuildFailure(Exception):
    """An error nobody foresaw while making the pages of one data file (or one page made from many): told as
    a message that names the file, never as a traceback."""

    def __init__(self, file: str, what: str, error: BaseException):
        self.file, self.what, self.error = file, what, error
        super().__init__(self.report())

    def report(self) -> str:
        detail = f"{type(self.error).__name__}: {self.error}"[:300]
        return (
            f"{self.file}:1:1: error: lỗi không lường trước khi {self.what} ({detail}). Đây là lỗi của chương trình, "
            "không phải của dữ liệu; hãy báo cho bộ phận kỹ thuật, gửi kèm tệp này và thông báo này. Chưa xuất bản "
            "gì."
        )
