"""Word files for the importer's tests, written as the XML a .docx holds (WordprocessingML in a ZIP): the
test decides every detail (automatic numbering definitions, typed labels, footnotes, tables, bold)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
# Word's automatic numbering as Vietnamese plans use it: I. / 1. / 1.1. / a) / - / +
LEVELS = [
    ("upperRoman", "%1."),
    ("decimal", "%2."),
    ("decimal", "%2.%3."),
    ("lowerLetter", "%4)"),
    ("bullet", "-"),
    ("bullet", "+"),
]


def run(text: str, bold: bool = False, italic: bool = False) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def footnote_ref(n: int) -> str:
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{n}"/></w:r>'


def para(*runs: str, num: tuple[int, int] | None = None, style: str | None = None) -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    body = "".join(r if r.startswith("<w:r") else run(r) for r in runs)
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{body}</w:p>"


def table(rows: list[list[str | list[str]]], borders: bool = True) -> str:
    nil = "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = f"<w:tbl><w:tblPr>{'' if borders else f'<w:tblBorders>{nil}</w:tblBorders>'}</w:tblPr>"
    for row in rows:
        cells = "".join(f"<w:tc>{''.join(c) if isinstance(c, list) else para(c)}</w:tc>" for c in row)
        out += f"<w:tr>{cells}</w:tr>"
    return out + "</w:tbl>"


def _numbering() -> str:
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{f}"/><w:lvlText w:val="{t}"/></w:lvl>'
        for i, (f, t) in enumerate(LEVELS)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {NS}>'
        f'<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )


def _styles() -> str:
    # a heading style that is bold and numbered by itself, as Word's "Heading 1" often is
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {NS}>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
        "</w:styles>"
    )


def _footnotes(notes: dict[int, str]) -> str:
    body = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    )
    for n, text in notes.items():
        body += (
            f'<w:footnote w:id="{n}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f"{run(' ' + text)}</w:p></w:footnote>"
        )
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {NS}>{body}</w:footnotes>'


def write_docx(path: Path, blocks: list[str], notes: dict[int, str] | None = None) -> Path:
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>'
        f"{''.join(blocks)}<w:sectPr/></w:body></w:document>"
    )
    part = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{part}.document.main+xml"/>'
        f'<Override PartName="/word/numbering.xml" ContentType="{part}.numbering+xml"/>'
        f'<Override PartName="/word/styles.xml" ContentType="{part}.styles+xml"/>'
        f'<Override PartName="/word/footnotes.xml" ContentType="{part}.footnotes+xml"/></Types>'
    )
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr(
            "_rels/.rels",
            f'{pkg}<Relationship Id="rId1" Type="{rel}/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        z.writestr(
            "word/_rels/document.xml.rels",
            f'{pkg}<Relationship Id="rId1" Type="{rel}/numbering" Target="numbering.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/footnotes" Target="footnotes.xml"/>'
            f'<Relationship Id="rId3" Type="{rel}/styles" Target="styles.xml"/></Relationships>',
        )
        z.writestr("word/document.xml", document)
        z.writestr("word/numbering.xml", _numbering())
        z.writestr("word/styles.xml", _styles())
        z.writestr("word/footnotes.xml", _footnotes(notes or {}))
    return path


def header(issuer_lines: list[str], number: str, place_date: str) -> str:
    left = [para(run(line, bold=i == len(issuer_lines) - 1)) for i, line in enumerate(issuer_lines)] + [para(number)]
    right = [
        para(run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)),
        para(run("Độc lập - Tự do - Hạnh phúc", bold=True)),
        para(run(place_date, italic=True)),
    ]
    return table([[left, right]], borders=False)


def closing(recipients: list[str], signer: list[str]) -> str:
    left = [para(run("Nơi nhận:", bold=True, italic=True))] + [para(f"- {r}") for r in recipients]
    right = [para(run(line, bold=True)) for line in signer[:-1]] + [para(""), para(run(signer[-1], bold=True))]
    return table([[left, right]], borders=False)
