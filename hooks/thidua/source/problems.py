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


class DataError(Exception):
    """Raised when the data cannot be published; carries every problem found, sorted."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        lines = [p.format() for p in self.problems]
        count = len(self.problems)
        lines.append(f"{count} lỗi trong dữ liệu; chưa xuất bản gì. Sửa các lỗi trên rồi chạy lại.")
        return "\n".join(lines)
