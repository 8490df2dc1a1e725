"""Vietnamese alphabetical order, for every list a reader scans by name (units, movements, offices).

Python's default order compares code points, so "Ủy ban…" (U+1EE6) sorts after "Văn phòng…", and "Đắk Lắk"
after "Yên Bái". Vietnamese dictionaries and CLDR's Vietnamese collation order the letters
a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (f j w z, from foreign words, in their Latin
places); tone marks decide only between otherwise equal words, in the order ngang, huyền, hỏi, ngã, sắc,
nặng; letter case only after that. This is the three-level comparison of the Unicode Collation Algorithm,
written out for one language: a sort key of (letters, tones, case).

Written here rather than taken from PyICU: ICU needs a native build (or an 18 MB wheel with its own copy of
ICU) for the one thing the site needs from it, and the rule above is short and tested against CLDR's order.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_PRIMARY = {letter: index for index, letter in enumerate(LETTERS)}
# combining marks of the five tones, in dictionary order after the unmarked (ngang) tone
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

Key = tuple[tuple[tuple[int, int], ...], tuple[int, ...], tuple[int, ...]]


@lru_cache(maxsize=4096)
def sort_key(text: str) -> Key:
    """A key that sorts Vietnamese text alphabetically: `sorted(names, key=sort_key)`."""
    letters: list[tuple[int, int]] = []
    tones: list[int] = []
    cases: list[int] = []
    for base, marks in _clusters(unicodedata.normalize("NFD", text)):
        tone = next((_TONES[m] for m in marks if m in _TONES), 0)
        shaped = unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in _TONES))
        folded = shaped.casefold()
        if folded in _PRIMARY:
            letters.append((2, _PRIMARY[folded]))
        elif folded.isdigit():
            letters.append((1, int(unicodedata.digit(folded, 0))))
        elif folded.isalpha():
            letters.append((3, ord(folded)))  # a letter from another script: after the Vietnamese ones
        else:
            letters.append((0, ord(folded)))  # spaces and punctuation before digits and letters
        tones.append(tone)
        cases.append(0 if shaped == folded else 1)
    return tuple(letters), tuple(tones), tuple(cases)


def _clusters(decomposed: str) -> list[tuple[str, str]]:
    """Each base character with the combining marks that follow it."""
    out: list[tuple[str, str]] = []
    for char in decomposed:
        if unicodedata.combining(char) and out:
            base, marks = out[-1]
            out[-1] = (base, marks + char)
        else:
            out.append((char, ""))
    return out
