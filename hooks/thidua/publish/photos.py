"""Web versions of profile photos: several widths, WebP with a JPEG fallback, every metadata block removed.

Photos come from phones and cameras with EXIF blocks that can hold the place a photo was taken (GPS),
the camera's serial number and more. Only pixels are published: each rendition is encoded from a fresh
image with no EXIF, XMP, ICC or comment, after the EXIF orientation has been applied to the pixels.
Work is cached by the content hash of the source file, so an unchanged photo is never processed twice.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

WIDTHS = (480, 960, 1600)
FORMATS = (("webp", "WEBP", {"quality": 80, "method": 4}), ("jpg", "JPEG", {"quality": 82, "progressive": True}))


@dataclass(frozen=True)
class Rendition:
    name: str  # file name, unique by content: "<hash>-<width>.<ext>"
    width: int
    height: int
    format: str  # "webp" or "jpg"


@dataclass(frozen=True)
class Processed:
    digest: str
    width: int
    height: int
    renditions: tuple[Rendition, ...]

    def of(self, fmt: str) -> list[Rendition]:
        return [r for r in self.renditions if r.format == fmt]

    def srcset(self, fmt: str, base: str) -> str:
        return ", ".join(f"{base}{r.name} {r.width}w" for r in self.of(fmt))

    def fallback(self) -> Rendition:
        """The JPEG closest to 960 px wide, for browsers without WebP and for feeds."""
        return min(self.of("jpg"), key=lambda r: abs(r.width - 960))


def digest_of(source: Path) -> str:
    return hashlib.sha256(source.read_bytes()).hexdigest()[:20]


def process(source: Path, cache: Path) -> Processed:
    """Renditions of `source` in `cache` (created once per distinct file content)."""
    digest = digest_of(source)
    manifest = cache / f"{digest}.json"
    if manifest.is_file():
        cached = _load(manifest)
        if all((cache / r.name).is_file() for r in cached.renditions):
            return cached
    cache.mkdir(parents=True, exist_ok=True)
    with Image.open(source) as opened:
        image = ImageOps.exif_transpose(opened)  # turn the pixels as the camera meant, then forget the tag
        image = image.convert("RGB")
    width, height = image.size
    renditions = []
    for target in sorted({min(w, width) for w in WIDTHS}):
        size = (target, max(1, round(height * target / width)))
        resized = image.resize(size, Image.Resampling.LANCZOS) if size != image.size else image.copy()
        resized.info.clear()  # nothing of the source's metadata may travel with the pixels
        for ext, fmt, options in FORMATS:
            name = f"{digest}-{target}.{ext}"
            resized.save(cache / name, fmt, **options)
            renditions.append(Rendition(name, size[0], size[1], ext))
    result = Processed(digest, width, height, tuple(renditions))
    manifest.write_text(json.dumps(_dump(result)), encoding="utf-8")
    return result


def _dump(p: Processed) -> dict:
    return {"digest": p.digest, "width": p.width, "height": p.height, "renditions": [r.__dict__ for r in p.renditions]}


def _load(manifest: Path) -> Processed:
    d = json.loads(manifest.read_text(encoding="utf-8"))
    return Processed(d["digest"], d["width"], d["height"], tuple(Rendition(**r) for r in d["renditions"]))
