"""The common form every reader produces: the document as a list of paragraphs and tables, in reading
order, with its footnotes. Structure parsing works on this alone, whatever the file's format."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Paragraph:
    """One paragraph as printed. `text` keeps *italic* and **bold** marks and [^n] footnote references."""

    text: str
    bold: bool | None = None  # the whole paragraph is bold; None when the format cannot tell (text, PDF)
    label: str | None = None  # Word's automatic numbering, resolved as printed ("I.", "1.1.", "a)", "-")
    lead: str | None = None  # a bold run at the start followed by plain text: a title before its text
    column: int = 0  # 1 for the right-hand column of a two-column layout (signer, national motto)
    guess: str | None = None  # why the reader joined or split lines here, when that was a guess


@dataclass
class Table:
    """A table: rows of cells, each cell a list of paragraph texts."""

    rows: list[list[list[str]]]


@dataclass
class Document:
    blocks: list[Paragraph | Table] = field(default_factory=list)
    footnotes: dict[str, str] = field(default_factory=dict)
    kind: str = "text"  # "docx", "text" or "pdf": said in the review list and the record's source
