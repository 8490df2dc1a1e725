""" "Có phải ý bạn là ...?" for a record id that does not exist: only a suggestion that fixes a typing slip.

Ids are made of words joined by "-": an office ("so-tu-phap", "ubnd-tinh"), a place ("bac-giang"), a year, a
number, a subject. A string similarity alone would answer "so-tu-phap-an-giang" for "so-tu-phap-bac-giang"
(most letters agree), swapping one province for another. Here the ids are compared word by word, like with
like: words may be left out or added (an incomplete id; not both, which would replace a word by moving
words around: "dong-nai" and "lam-dong"), numbers may differ (a year, a document number), a
hyphen may be missing ("angiang"), and a word of four letters or more may have one letter too many, too few
or two swapped; any other change of a word (bac -> an, binh -> ninh, stp -> ubnd) is another place or office,
and no suggestion is made. Two equally close candidates give none either: better no answer than a wrong one.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

CUTOFF = 0.6  # overall similarity below which no suggestion is made
CLEAR_LEAD = 0.05  # the best candidate must be this much closer than the next one


def closest_id(ref: str, candidates: Iterable[str]) -> str | None:
    scored = sorted(
        ((SequenceMatcher(None, ref, c, autojunk=False).ratio(), c) for c in candidates if _slip(ref, c)),
        reverse=True,
    )
    scored = [item for item in scored if item[0] >= CUTOFF]
    if not scored or (len(scored) > 1 and scored[0][0] - scored[1][0] < CLEAR_LEAD):
        return None
    return scored[0][1]


def _slip(ref: str, candidate: str) -> bool:
    """True if `candidate` differs from `ref` only by slips (see the module's docstring)."""
    a, b = ref.split("-"), candidate.split("-")
    operations = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    if {"insert", "delete"} <= {op[0] for op in operations}:
        return False  # a word left out here and another added there: a word replaced ("dong-nai", "lam-dong")
    for tag, i1, i2, j1, j2 in operations:
        if tag in ("equal", "insert", "delete"):
            continue
        old, new = a[i1:i2], b[j1:j2]
        if all(word.isdigit() for word in old + new) or "".join(old) == "".join(new):
            continue
        if len(old) == len(new) and all(_misspelt(x, y) for x, y in zip(old, new, strict=True)):
            continue
        return False
    return True


def _misspelt(a: str, b: str) -> bool:
    """One letter added, dropped or two neighbours swapped, in a word long enough for that to be a slip."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    if abs(len(a) - len(b)) == 1:
        short, long_ = sorted((a, b), key=len)
        return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    return False
