"""Tolerant comparison of Vietnamese names: case, quotes, emphasis marks, spacing and "giai đoạn ..."
tails do not matter; small wording differences give a similarity below 1 (a fuzzy match)."""

from __future__ import annotations

import difflib
import re
import unicodedata

from slugify import slugify


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(r"[“”\"'‘’*«»]", "", text)
    text = re.sub(r"\s*[-–—]\s*", " - ", text)
    text = re.sub(r"\s*,\s*", ", ", text)
    return re.sub(r"\s+", " ", text).strip(" .;:,")


def core(name: str) -> str:
    """A movement's name without its period ("giai đoạn 2021-2025")."""
    return re.sub(r"\s*,?\s*(giai đoạn|năm)\s+\d{4}(\s*-\s*\d{4})?$", "", norm(name)).strip()


def similarity(a: str, b: str) -> float:
    a, b = core(a), core(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ratio = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    short, long_ = sorted((a, b), key=len)
    if short in long_ and len(short) >= 0.55 * len(long_):
        ratio = max(ratio, 0.9)
    return ratio


def slug(text: str, limit: int = 60) -> str:
    """An ASCII id (đ → d): "Nghị định 98/2023/NĐ-CP" → "nghi-dinh-98-2023-nd-cp"."""
    value = slugify(text.replace("đ", "d").replace("Đ", "D"), max_length=limit, word_boundary=True)
    return value or "ban-ghi"
