"""What the importer borrows from the project's date code: the anniversary lint (the phrase to quote and
why it is wrong) and the month a commemoration falls in (lunar dates converted)."""

from __future__ import annotations

from thidua.derive import anniversary
from thidua.derive.occurrence import occurrence


def findings(text: str) -> list[tuple[str, str]]:
    out = []
    for f in anniversary.lint(text):
        quote = f.phrase if len(f.phrase) <= 80 else f.phrase[f.phrase.rfind("(") :]
        out.append((quote, "; ".join(f.reasons) + "."))
    return out


def month_of(commemoration, year: int) -> int:
    return occurrence(commemoration, year).date.month
