"""Anniversaries: the count for a year, and a lint for the counts and date ranges typed into texts.

Hand-written plans often carry "93 năm ... (03/2/1930-30/2/2023)": a day that does not exist, days and
months that disagree, or a count that is not the difference of the years. The lint finds these in any
text; the count helpers compute the right wording from the commemorations registry.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

_DATE = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
_DASH = r"\s*[-–—]\s*"
# "93 năm Ngày thành lập ... (03/02/1930 - 03/02/2023)"; the words between may not hold a parenthesis.
FULL_RANGE = re.compile(rf"(?:(\d+)\s+(năm|ngày)\s+([^()]{{0,160}}?)\s*)?\(\s*{_DATE}{_DASH}{_DATE}\s*\)")
# "54 năm thực hiện Di chúc của Chủ tịch Hồ Chí Minh (1969 - 2023)"
YEAR_RANGE = re.compile(rf"(\d+)\s+năm\s+([^()\s][^()]{{0,159}}?)\s*\(\s*(\d{{4}}){_DASH}(\d{{4}})\s*\)")


@dataclass(frozen=True)
class Finding:
    """A suspicious anniversary phrase: where it stands in the text and what is wrong with it."""

    start: int
    end: int
    phrase: str
    reasons: tuple[str, ...]

    @property
    def message(self) -> str:
        return f'kỷ niệm "{self.phrase}": ' + "; ".join(self.reasons) + "."


def _date_problem(day: int, month: int, year: int) -> str | None:
    if not 1 <= month <= 12:
        return f"tháng {month} không tồn tại trong {day}/{month}/{year}"
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return f"ngày {day}/{month}/{year} không tồn tại (tháng {month} năm {year} có {last} ngày)"
    return None


def lint(text: str) -> list[Finding]:
    """Every anniversary phrase in `text` whose dates or count are wrong."""
    if "(" not in text:  # both patterns end in a bracketed range: most texts are done here
        return []
    findings = []
    for m in FULL_RANGE.finditer(text):
        count, unit = m.group(1), m.group(2)
        d1, m1, y1, d2, m2, y2 = (int(g) for g in m.groups()[3:9])
        reasons = [r for r in (_date_problem(d1, m1, y1), _date_problem(d2, m2, y2)) if r]
        if (d1, m1) != (d2, m2):
            reasons.append(f"ngày, tháng ở hai đầu không khớp ({d1}/{m1} và {d2}/{m2})")
        if count is not None:
            n, years = int(count), y2 - y1
            if unit == "năm" and n != years:
                reasons.append(f"{y2} − {y1} = {years} năm, không phải {n} năm")
            elif unit == "ngày" and n == years:
                reasons.append(f'ghi "{n} ngày" nhưng khoảng thời gian là {years} năm')
        if reasons:
            findings.append(Finding(m.start(), m.end(), m.group(0), tuple(reasons)))
    for m in YEAR_RANGE.finditer(text):
        n, y1, y2 = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if n != y2 - y1:
            reason = f"{y2} − {y1} = {y2 - y1} năm, không phải {n} năm"
            findings.append(Finding(m.start(), m.end(), m.group(0), (reason,)))
    return findings


def count(base_year: int, year: int, *, editions: bool = False) -> int:
    """The anniversary count in `year`: years since the event, or the edition number (lần thứ N)."""
    return year - base_year + (1 if editions else 0)


def is_round(n: int) -> bool:
    """Round anniversaries (năm tròn, năm chẵn: multiples of 5 and 10) get larger celebrations."""
    return n > 0 and n % 5 == 0
