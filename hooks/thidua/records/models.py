"""Typed records built from validated data. Field names follow the YAML files and their schemas."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from thidua.derive.dates import PartialDate, parse_date


@dataclass(frozen=True)
class EditorialNote:
    quote: str
    note: str


@dataclass(frozen=True)
class Body:
    id: str
    name: str
    printed_name: str
    level: str
    parent: str | None = None
    province: str | None = None
    start: PartialDate | None = None
    until: PartialDate | None = None
    successor: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Movement:
    id: str
    name: str
    from_year: int | None = None
    to_year: int | None = None
    launched_by: str | None = None
    scope: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class Commemoration:
    id: str
    name: str
    day: int
    month: int
    scope: str
    lunar: bool = False
    base_year: int | None = None
    count: str = "nam"
    year_only: bool = False
    province: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class LegalDoc:
    id: str
    kind: str
    issuer: str
    title: str
    number: str | None = None
    date: PartialDate | None = None
    note: str | None = None

    @property
    def named(self) -> bool:
        """Whether the title is the document's name ("Luật Thi đua, Khen thưởng năm 2003": laws, congress
        resolutions), not an excerpt that follows the kind and number ("về tiếp tục đổi mới ...")."""
        return self.title.casefold().startswith(self.kind.casefold() + " ")

    @property
    def label(self) -> str:
        """How a plan cites it: "Chỉ thị số 34-CT/TW", "Luật Thi đua, Khen thưởng năm 2003"."""
        if self.number:
            return f"{self.kind} số {self.number}"
        return self.title if self.named else self.kind

    @property
    def full_title(self) -> str:
        """Kind, number and excerpt, the kind said once: "Chỉ thị 34-CT/TW về tiếp tục đổi mới ...",
        "Luật Thi đua, khen thưởng năm 2022 (...) (số 06/2022/QH15)"."""
        if self.named:
            return self.title + (f" (số {self.number})" if self.number else "")
        return " ".join(part for part in (self.kind, self.number, self.title) if part)


@dataclass
class Node:
    """A part of a plan's body: a mục, khoản, điểm, a bullet, or a paragraph."""

    label: str | None = None
    title: str | None = None
    text: str | None = None
    movement: str | None = None
    phase: str | None = None
    unit: str | None = None
    calendar: str | None = None
    topic: str | None = None
    children: list[Node] = field(default_factory=list)
    path: tuple[Any, ...] = ()
    anchor: str = ""


@dataclass(frozen=True)
class Phase:
    id: str
    name: str
    start: dt.date
    end: dt.date
    commemorations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Deadline:
    date: PartialDate
    what: str
    who: str


@dataclass(frozen=True)
class Signer:
    title: str
    name: str
    prefix: str | None = None
    on_behalf_of: str | None = None


@dataclass(frozen=True)
class RecipientGroup:
    items: tuple[str, ...]
    group: str | None = None


@dataclass(frozen=True)
class Attachment:
    title: str
    note: str | None = None


@dataclass
class Plan:
    id: str
    file: str
    year: int
    doc_type: str
    subject: str
    issuer: str
    body: list[Node]
    signer: Signer
    recipients: tuple[RecipientGroup, ...]
    number: str | None = None
    symbol: str | None = None
    place: str | None = None
    date: PartialDate | None = None
    theme: str | None = None
    legal_bases: tuple[str, ...] = ()
    cites: tuple[str, ...] = ()
    movements: tuple[str, ...] = ()
    commemorations: tuple[str, ...] = ()
    preamble: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()
    footnotes: dict[str, str] = field(default_factory=dict)
    phases: tuple[Phase, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    editorial_notes: tuple[EditorialNote, ...] = ()
    source: str | None = None
    draft: bool = False

    @property
    def number_line(self) -> str | None:
        """ "Số: 79/KH-STP"; a number left blank for hand-writing keeps its blank; numbers below 10 get a 0."""
        if self.symbol is None:
            return None
        if not self.number:
            return f"Số:\u2002\u2002\u2002\u2002/{self.symbol}"
        return f"Số: {int(self.number):02d}/{self.symbol}"

    @property
    def reference(self) -> str:
        """How readers cite it: "Kế hoạch số 79/KH-STP" or, without a number, "Kế hoạch năm 2023"."""
        if self.number:
            return f"Kế hoạch số {int(self.number):02d}/{self.symbol}"
        return f"Kế hoạch năm {self.year}"

    def walk(self) -> list[Node]:
        out: list[Node] = []

        def visit(nodes: list[Node]) -> None:
            for node in nodes:
                out.append(node)
                visit(node.children)

        visit(self.body)
        return out


@dataclass(frozen=True)
class Theme:
    text: str | None = None  # as printed; None when the wording is computed from `commemoration`
    commemoration: str | None = None
    movement: str | None = None


@dataclass(frozen=True)
class CalendarEntry:
    label: str
    themes: tuple[Theme, ...]
    contents: tuple[str, ...] = ()
    months: tuple[int, ...] = ()
    year_round: bool = False


@dataclass
class Calendar:
    id: str
    file: str
    title: str
    year: int
    issuer: str
    entries: tuple[CalendarEntry, ...]
    plan: str | None = None
    editorial_notes: tuple[EditorialNote, ...] = ()
    draft: bool = False


def _date(value: str | None) -> PartialDate | None:
    return PartialDate.parse(value) if value else None


def body_from(id_: str, d: dict) -> Body:
    return Body(
        id_,
        d["name"],
        d["printed_name"],
        d["level"],
        d.get("parent"),
        d.get("province"),
        _date(d.get("from")),
        _date(d.get("until")),
        d.get("successor"),
        d.get("note"),
    )


def movement_from(id_: str, d: dict) -> Movement:
    return Movement(id_, **d)


def commemoration_from(id_: str, d: dict) -> Commemoration:
    return Commemoration(id_, **d)


def legal_from(id_: str, d: dict) -> LegalDoc:
    return LegalDoc(id_, d["kind"], d["issuer"], d["title"], d.get("number"), _date(d.get("date")), d.get("note"))


def _node(d: dict, path: tuple[Any, ...]) -> Node:
    children = [_node(c, path + ("children", i)) for i, c in enumerate(d.get("children", []))]
    fields = {k: d.get(k) for k in ("label", "title", "text", "movement", "phase", "unit", "calendar", "topic")}
    return Node(**fields, children=children, path=path)


def _notes(d: dict) -> tuple[EditorialNote, ...]:
    return tuple(EditorialNote(**n) for n in d.get("editorial_notes", []))


def plan_from(id_: str, file: str, d: dict) -> Plan:
    doc = d["document"]
    return Plan(
        id=id_,
        file=file,
        year=d["year"],
        doc_type=doc["type"],
        subject=doc["subject"],
        issuer=doc["issuer"],
        number=doc.get("number"),
        symbol=doc.get("symbol"),
        place=doc.get("place"),
        date=_date(doc.get("date")),
        theme=d.get("theme"),
        legal_bases=tuple(d.get("legal_bases", [])),
        cites=tuple(d.get("cites", [])),
        movements=tuple(d.get("movements", [])),
        commemorations=tuple(d.get("commemorations", [])),
        preamble=tuple(d.get("preamble", [])),
        body=[_node(n, ("body", i)) for i, n in enumerate(d["body"])],
        closing=tuple(d.get("closing", [])),
        footnotes=dict(d.get("footnotes", {})),
        phases=tuple(
            Phase(p["id"], p["name"], parse_date(p["start"]), parse_date(p["end"]), tuple(p.get("commemorations", [])))
            for p in d.get("phases", [])
        ),
        deadlines=tuple(Deadline(PartialDate.parse(x["date"]), x["what"], x["who"]) for x in d.get("deadlines", [])),
        signer=Signer(**d["signer"]),
        recipients=tuple(RecipientGroup(tuple(g["items"]), g.get("group")) for g in d["recipients"]),
        attachments=tuple(Attachment(**a) for a in d.get("attachments", [])),
        editorial_notes=_notes(d),
        source=d.get("source"),
        draft=d.get("draft", False),
    )


def calendar_from(id_: str, file: str, d: dict) -> Calendar:
    entries = tuple(
        CalendarEntry(
            label=e["label"],
            themes=tuple(Theme(**t) for t in e["themes"]),
            contents=tuple(e.get("contents", [])),
            months=tuple(e.get("months", [])),
            year_round=e.get("year_round", False),
        )
        for e in d["entries"]
    )
    return Calendar(
        id_, file, d["title"], d["year"], d["issuer"], entries, d.get("plan"), _notes(d), d.get("draft", False)
    )


@dataclass(frozen=True)
class Award:
    kind: str  # danh-hieu | khen-thuong
    title: str
    giver: str
    decision: str
    date: dt.date

    @property
    def wording(self) -> str:
        """ "Bằng khen của Bộ trưởng Bộ Tư pháp"; a danh hiệu is named on its own."""
        if self.title in ("Bằng khen", "Giấy khen"):
            return f"{self.title} của {self.giver}"
        return self.title


@dataclass(frozen=True)
class Photo:
    file: str  # relative to data/profiles/
    alt: str
    caption: str | None = None


@dataclass(frozen=True)
class SourceLink:
    title: str
    url: str
    publisher: str | None = None
    date: dt.date | None = None


@dataclass
class Profile:
    id: str
    file: str
    kind: str
    name: str
    unit: str
    level: str
    published: dt.date
    stage: str
    story: str
    position: str | None = None
    year: int | None = None
    period: tuple[int, int] | None = None
    movements: tuple[str, ...] = ()
    plans: tuple[str, ...] = ()
    awards: tuple[Award, ...] = ()
    achievements: tuple[str, ...] = ()
    photos: tuple[Photo, ...] = ()
    sources: tuple[SourceLink, ...] = ()
    consent: bool | None = None
    illustrative: bool = False
    draft: bool = False

    @property
    def publishable(self) -> bool:
        """A draft never appears; a person appears only with their consent to publish."""
        return not self.draft and (self.kind == "tap-the" or self.consent is True)

    @property
    def years(self) -> tuple[int, ...]:
        """The years a profile is listed under: its year, or every year of its period."""
        if self.period:
            return tuple(range(self.period[0], self.period[1] + 1))
        return (self.year,) if self.year else ()

    @property
    def when(self) -> str:
        return f"giai đoạn {self.period[0]}–{self.period[1]}" if self.period else f"năm {self.year}"


def profile_from(id_: str, file: str, d: dict) -> Profile:
    period = d.get("period")
    return Profile(
        id=id_,
        file=file,
        kind=d["kind"],
        name=d["name"],
        unit=d["unit"],
        level=d["level"],
        published=parse_date(d["published"]),
        stage=d["stage"],
        story=d["story"],
        position=d.get("position"),
        year=d.get("year"),
        period=(period["from"], period["to"]) if period else None,
        movements=tuple(d.get("movements", [])),
        plans=tuple(d.get("plans", [])),
        awards=tuple(
            Award(a["kind"], a["title"], a["giver"], a["decision"], parse_date(a["date"])) for a in d.get("awards", [])
        ),
        achievements=tuple(d.get("achievements", [])),
        photos=tuple(Photo(p["file"], p["alt"], p.get("caption")) for p in d.get("photos", [])),
        sources=tuple(
            SourceLink(s["title"], s["url"], s.get("publisher"), parse_date(s["date"]) if s.get("date") else None)
            for s in d.get("sources", [])
        ),
        consent=d["consent"]["given"] if "consent" in d else None,
        illustrative=d.get("illustrative", False),
        draft=d.get("draft", False),
    )
