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


@dataclass(eq=False)
class NoteNumbers:
    """The numbers of the editorial notes on one page, given in the order a reader meets their marks: [1], [2],
    [3] down the page, whichever record (a plan, its calendar) each note belongs to. Numbers are given as the
    page's templates print the texts, so they follow the page's own order."""

    _numbers: dict[tuple[int, int], int] = field(default_factory=dict)
    _texts: list[Texts] = field(default_factory=list)

    def add(self, texts: Texts) -> None:
        self._texts.append(texts)

    def number(self, texts: Texts, index: int) -> int:
        """The number of `texts.notes[index]`: the next free one the first time its mark is met."""
        return self._numbers.setdefault((id(texts), index), len(self._numbers) + 1)

    def listed(self) -> list[tuple[int, EditorialNote]]:
        """Every note of the page by number, for a list of notes at its end: those whose quote the page did not
        print (none, in valid data) are numbered after the others."""
        every = [(texts, index) for texts in self._texts for index in range(len(texts.notes))]
        return sorted((self.number(texts, index), texts.notes[index]) for texts, index in every)


@dataclass
class Texts:
    """Splits texts around the quotes of editorial notes, so that pages show each note beside its wording.
    Texts of one page share one `NoteNumbers`."""

    notes: tuple[EditorialNote, ...]
    numbering: NoteNumbers = field(default_factory=NoteNumbers, compare=False, repr=False)
    shown: set[int] = field(default_factory=set, compare=False, repr=False)  # state of one rendering

    def __post_init__(self) -> None:
        self.numbering.add(self)

    def segments(self, text: str) -> list[Segment]:
        text = re.sub(r"\s+", " ", text).strip()
        out: list[tuple[str, int | None]] = [(text, None)]
        for index, note in enumerate(self.notes):
            split: list[tuple[str, int | None]] = []
            for run, quoted in out:
                if quoted is not None or note.quote not in run:
                    split.append((run, quoted))
                    continue
                before, _, after = run.partition(note.quote)
                split += [(before, None), (note.quote, index), (after, None)]
            out = split
        # numbered in reading order, also within one text
        return [Segment(run, None if i is None else self.numbering.number(self, i)) for run, i in out if run]

    def notes_for(self, text: str) -> list[tuple[int, EditorialNote]]:
        """Notes quoting `text` that have not been shown yet on this page (each is shown once)."""
        text = re.sub(r"\s+", " ", text)
        found = []
        for index, note in enumerate(self.notes):
            if index not in self.shown and note.quote in text:
                self.shown.add(index)
                found.append((self.numbering.number(self, index), note))
        return sorted(found, key=lambda pair: pair[0])
