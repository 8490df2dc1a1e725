"""The kinds of record under data/: folder, JSON Schema, builder, and what one record is called."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from thidua.records import models

# folder under data/, schema name, builder, human name of one record
KINDS: list[tuple[str, str, Callable[..., Any], str]] = [
    ("bodies", "body", models.body_from, "cơ quan"),
    ("movements", "movement", models.movement_from, "phong trào"),
    ("commemorations", "commemoration", models.commemoration_from, "ngày kỷ niệm"),
    ("legal", "legal", models.legal_from, "văn bản"),
    ("calendars", "calendar", models.calendar_from, "lịch tuyên truyền"),
    ("plans", "plan", models.plan_from, "kế hoạch"),
    ("profiles", "profile", models.profile_from, "điển hình"),
]
WITH_FILE = {"calendars", "plans", "profiles"}
LABELS = {folder: label for folder, _, _, label in KINDS}
SCHEMAS = {folder: schema for folder, schema, _, _ in KINDS}
