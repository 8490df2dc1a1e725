"""The records of one data set, by folder: what the checks and the pages read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from thidua.records import models
from thidua.source.yamlsource import Source


@dataclass
class Repository:
    bodies: dict[str, models.Body] = field(default_factory=dict)
    movements: dict[str, models.Movement] = field(default_factory=dict)
    commemorations: dict[str, models.Commemoration] = field(default_factory=dict)
    legal: dict[str, models.LegalDoc] = field(default_factory=dict)
    calendars: dict[str, models.Calendar] = field(default_factory=dict)
    plans: dict[str, models.Plan] = field(default_factory=dict)
    profiles: dict[str, models.Profile] = field(default_factory=dict)
    sources: dict[tuple[str, str], Source] = field(default_factory=dict)
    # every record id that has a file, valid or not: a reference to an invalid record is not "missing"
    files: dict[str, set[str]] = field(default_factory=dict)
    # of the bytes of every file read, in order: two loads of one data set agree on it, and only they
    digest: str = ""

    def table(self, folder: str) -> dict[str, Any]:
        return getattr(self, folder)
