"""The site's own fonts, with every Vietnamese letter, served from the site itself (no third-party request).

The system fonts a page would otherwise fall back to lack letters such as ấ, ề, ộ (Liberation 1.07 on Debian),
so one word would mix two fonts. The fonts come from Fontsource's npm packages, pinned in package.json and
package-lock.json (`npm ci`, run by `make site`, `make serve` and `make test`): a well-kept packaging of the
Google Fonts families with their licences (SIL OFL 1.1, published beside the files), split into subsets by
`unicode-range` so that a browser downloads only the Latin and Vietnamese files a page uses.

- Roboto, the text font Material for MkDocs is designed around, for the reading pages;
- Tinos, metric-compatible with Times New Roman (which Nghị định 30/2020 asks for), for the official form.
"""

from __future__ import annotations

import re
from pathlib import Path

from thidua.publish.pages import Asset

FOLDER = "assets/fonts"
STYLES = ("400", "400-italic", "700", "700-italic")  # regular, italic, bold, bold italic
FAMILIES = ("roboto", "tinos")  # npm packages @fontsource/<name>
_URL = re.compile(r"url\(\./files/([^)]+)\)")


class FontsMissing(Exception):
    """The font packages are not installed (node_modules/ is created by `npm ci`)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"Thiếu tệp phông chữ {path}. Phông chữ được cài bằng npm theo package-lock.json: chạy `make site` "
            "(lệnh này tự chạy `npm ci`) trong thư mục dự án rồi dựng lại."
        )


def font_assets(node_modules: Path) -> list[Asset]:
    """One stylesheet per family (the package's own @font-face rules for `STYLES`, with their font files
    beside it in a folder of the family's name), the font files, and each family's licence."""
    out: list[Asset] = []
    for family in FAMILIES:
        package = node_modules / "@fontsource" / family
        sheets = [package / f"{style}.css" for style in STYLES]
        css = "\n".join(_read(p) for p in sheets)
        out.append(Asset(f"{FOLDER}/{family}.css", content=_URL.sub(rf"url({family}/\1)", css).encode("utf-8")))
        sources = {f"{FOLDER}/{family}/{name}": package / "files" / name for name in sorted(set(_URL.findall(css)))}
        sources[f"{FOLDER}/{family}/LICENSE.txt"] = package / "LICENSE"
        for path, source in sources.items():
            if not source.is_file():
                raise FontsMissing(source)
            out.append(Asset(path, source=str(source)))
    return out


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FontsMissing(path) from None
