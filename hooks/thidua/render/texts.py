"""Texts split around the quotes of editorial notes, so that each note is shown beside its wording."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from thidua.records.models import EditorialNote


@dataclass(frozen=True)
class Segment:
    """A run of text; `note` is the number of the editorial note quoting it, if any."""

    text: str
    note: int | None = None


@dataclass
class Texts:
    """Splits texts around the quotes of editorial notes, so that pages show each note beside its wording."""

    notes: tuple[EditorialNote, ...]
    first: int = 1
    shown: set[int] = field(default_factory=set)

    def segments(self, text: str) -> list[Segment]:
        text = re.sub(r"\s+", " ", text).strip()
        out = [Segment(text)]
        for number, note in enumerate(self.notes, self.first):
            split: list[Segment] = []
            for seg in out:
                if seg.note is not None or note.quote not in seg.text:
                    split.append(seg)
                    continue
                before, _, after = seg.text.partition(note.quote)
                split += [Segment(before), Segment(note.quote, number), Segment(after)]
            out = split
        return [s for s in out if s.text]

    def notes_for(self, text: str) -> list[tuple[int, EditorialNote]]:
        """Notes quoting `text` that have not been shown yet on this page (each is shown once)."""
        found = []
        for number, note in enumerate(self.notes, self.first):
            if number not in self.shown and note.quote in re.sub(r"\s+", " ", text):
                self.shown.add(number)
                found.append((number, note))
        return found
