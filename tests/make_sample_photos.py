"""Tạo ảnh minh họa (không phải ảnh chụp thật) cho dữ liệu mẫu điển hình tiên tiến.

Chạy:  .venv/bin/python tests/make_sample_photos.py   (từ thư mục dự án)

Ảnh là hình trừu tượng (dải màu, hình khối, chữ "Ảnh minh họa"), lưu vào data/profiles/photos/.
Mọi ảnh JPEG đều được gắn siêu dữ liệu EXIF giả như ảnh chụp bằng máy ảnh thật: hãng và kiểu máy
(Make/Model), số sê-ri thân máy (BodySerialNumber, thẻ 0xA431), ngày chụp (DateTimeOriginal) và tọa độ
GPS (GPS IFD). Một ảnh dọc mang thẻ Orientation = 6: điểm ảnh được lưu nằm ngang, phải xoay 90° theo
chiều kim đồng hồ mới hiện đúng. Bước dựng trang phải xóa toàn bộ siêu dữ liệu này (và xoay ảnh đó);
các ảnh ở đây là dữ liệu đầu vào để kiểm thử việc ấy. Một ảnh PNG không có EXIF.

Kết quả tất định: cùng phiên bản Pillow thì chạy lại cho ra đúng các byte cũ.
"""

from __future__ import annotations

import hashlib
import math
import pathlib
import random

from PIL import Image, ImageDraw, ImageFont

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "profiles" / "photos"

LANDSCAPE = (1600, 1067)
PORTRAIT = (1200, 1600)

# Thẻ EXIF
MAKE, MODEL, ORIENTATION, DATETIME, SOFTWARE = 0x010F, 0x0110, 0x0112, 0x0132, 0x0131
EXIF_IFD, GPS_IFD = 0x8769, 0x8825
DATETIME_ORIGINAL, BODY_SERIAL = 0x9003, 0xA431
GPS_VERSION, GPS_LAT_REF, GPS_LAT, GPS_LON_REF, GPS_LON = 0x0000, 0x0001, 0x0002, 0x0003, 0x0004

CAMERAS = [
    ("Canon", "Canon EOS 90D"),
    ("NIKON CORPORATION", "NIKON D7500"),
    ("SONY", "ILCE-6400"),
    ("FUJIFILM", "X-T30"),
    ("samsung", "SM-A546E"),
]

# (tệp, hướng, hai màu dải, ngày chụp, (vĩ độ, kinh độ), orientation)
# Tọa độ là điểm gần trụ sở đơn vị trong tỉnh tương ứng (giả, chỉ để kiểm thử việc xóa GPS).
PHOTOS = [
    (
        "phong-hanh-chinh-tu-phap-an-giang-1.jpg",
        "L",
        ("#0b5394", "#9fc5e8"),
        "2023:08:28 08:15:02",
        (10.3864, 105.4352),
        None,
    ),
    (
        "phong-hanh-chinh-tu-phap-an-giang-2.jpg",
        "P",
        ("#134f5c", "#a2c4c9"),
        "2023:10:12 14:40:31",
        (10.3871, 105.4360),
        None,
    ),
    (
        "tro-giup-phap-ly-an-giang-luu-dong.jpg",
        "L",
        ("#7f6000", "#ffe599"),
        "2024:03:19 09:05:44",
        (10.5236, 105.1258),
        None,
    ),
    (
        "tro-giup-phap-ly-an-giang-tap-huan.jpg",
        "L",
        ("#38761d", "#b6d7a8"),
        "2024:11:09 07:58:10",
        (10.3902, 105.4331),
        None,
    ),
    ("phong-cong-chung-so-1-an-giang.png", "L", ("#351c75", "#b4a7d6"), None, None, None),
    (
        "phong-tu-phap-cho-moi-hoa-giai.jpg",
        "L",
        ("#990000", "#ea9999"),
        "2021:09:24 16:20:05",
        (10.5507, 105.4025),
        None,
    ),
    (
        "van-phong-so-tu-phap-an-giang.jpg",
        "L",
        ("#274e13", "#d9ead3"),
        "2024:06:11 10:02:59",
        (10.3866, 105.4349),
        None,
    ),
    ("phong-tu-phap-hiep-hoa.jpg", "L", ("#0c343d", "#76a5af"), "2025:04:08 15:12:37", (21.3563, 105.9704), None),
    ("pbgdpl-bac-kan-phien-cho.jpg", "L", ("#783f04", "#f9cb9c"), "2022:09:17 06:45:20", (22.4101, 105.6296), None),
    ("tro-giup-phap-ly-dak-lak.jpg", "L", ("#20124d", "#8e7cc3"), "2025:05:21 08:30:00", (12.6675, 108.0378), None),
    ("lu-thi-thanh-truc.jpg", "P", ("#4c1130", "#d5a6bd"), "2023:07:03 09:41:16", (10.7058, 105.1166), None),
    ("chau-van-khai-minh.jpg", "P", ("#073763", "#6fa8dc"), "2021:11:30 13:27:48", (10.3869, 105.4378), None),
    ("mac-thi-dieu-hien.jpg", "P", ("#5b0f00", "#e6b8af"), "2024:12:16 10:10:10", (10.5512, 105.4031), None),
    ("tu-quang-vinh-loc.jpg", "L", ("#1c4587", "#c9daf8"), "2025:02:27 11:03:22", (10.3860, 105.4355), None),
    ("diep-quoc-khoa-nam-1.jpg", "L", ("#274e13", "#93c47d"), "2024:08:22 08:00:45", (10.5540, 104.9440), None),
    ("diep-quoc-khoa-nam-2.jpg", "P", ("#7f6000", "#f6b26b"), "2024:04:13 17:35:09", (10.4152, 104.9998), None),
    ("kha-thi-phuong-dung.jpg", "P", ("#741b47", "#ead1dc"), "2024:11:09 09:15:00", (21.2731, 106.1946), 6),
    ("nong-van-thach-lam.jpg", "L", ("#0b5394", "#cfe2f3"), "2022:05:30 07:20:14", (22.4043, 105.6243), None),
]


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "DejaVuSans-Bold.ttf",
    ):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def hex_rgb(h: str) -> tuple[int, int, int]:
    return tuple(int(h[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def draw(size: tuple[int, int], colors: tuple[str, str], seed: str) -> Image.Image:
    w, h = size
    rng = random.Random(int(hashlib.sha256(seed.encode()).hexdigest()[:16], 16))
    a, b = hex_rgb(colors[0]), hex_rgb(colors[1])
    # Dải màu chéo: dựng từ một dải 1 chiều rồi phóng to, nhanh và tất định.
    strip = Image.new("RGB", (256, 1))
    for i in range(256):
        t = i / 255
        strip.putpixel((i, 0), tuple(round(a[k] + (b[k] - a[k]) * t) for k in range(3)))
    diag = int(math.hypot(w, h)) + 2
    grad = strip.resize((diag, diag), Image.BILINEAR).rotate(rng.choice((25, 35, -30, 140, 210)))
    left, top = (diag - w) // 2, (diag - h) // 2
    img = grad.crop((left, top, left + w, top + h))

    over = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(over)
    for _ in range(7):
        r = rng.randint(min(w, h) // 10, min(w, h) // 3)
        x, y = rng.randint(-r // 2, w), rng.randint(-r // 2, h)
        fill = (255, 255, 255, rng.randint(28, 70)) if rng.random() < 0.6 else a + (rng.randint(40, 90),)
        if rng.random() < 0.5:
            d.ellipse((x - r, y - r, x + r, y + r), fill=fill)
        else:
            d.rounded_rectangle((x - r, y - r // 2, x + r, y + r // 2), radius=r // 5, fill=fill)
    for i in range(5):  # vài đường kẻ mảnh
        y = h * (i + 1) // 6 + rng.randint(-20, 20)
        d.line((0, y, w, y + rng.randint(-120, 120)), fill=(255, 255, 255, 45), width=3)
    img = Image.alpha_composite(img.convert("RGBA"), over).convert("RGB")

    d = ImageDraw.Draw(img)
    f1, f2 = font(w // 11), font(w // 40)
    text = "Ảnh minh họa"
    tw = d.textlength(text, font=f1)
    x, y = (w - tw) / 2, h * 0.42
    d.text((x + 4, y + 4), text, font=f1, fill=(0, 0, 0))
    d.text((x, y), text, font=f1, fill=(255, 255, 255))
    sub = "Dữ liệu mẫu · không phải ảnh chụp thật"
    d.text(((w - d.textlength(sub, font=f2)) / 2, y + w // 11 + 30), sub, font=f2, fill=(255, 255, 255))
    # mũi tên "lên trên" ở góc trái: giúp nhìn ra ảnh có bị xoay sai hay không
    s = w // 16
    d.polygon([(s, s // 2), (s // 2, s * 3 // 2), (s * 3 // 2, s * 3 // 2)], fill=(255, 255, 255))
    d.rectangle((s - s // 6, s * 3 // 2, s + s // 6, s * 5 // 2), fill=(255, 255, 255))
    return img


def dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    deg = int(value)
    minutes = int((value - deg) * 60)
    seconds = round(((value - deg) * 60 - minutes) * 60, 2)
    return (float(deg), float(minutes), seconds)


def exif_for(index: int, taken: str, gps: tuple[float, float], orientation: int | None) -> Image.Exif:
    make, model = CAMERAS[index % len(CAMERAS)]
    ex = Image.Exif()
    ex[MAKE] = make
    ex[MODEL] = model
    ex[SOFTWARE] = "make_sample_photos.py"
    ex[DATETIME] = taken
    if orientation:
        ex[ORIENTATION] = orientation
    sub = ex.get_ifd(EXIF_IFD)
    sub[DATETIME_ORIGINAL] = taken
    sub[BODY_SERIAL] = f"SN{2024_0000 + index * 7919:010d}"
    g = ex.get_ifd(GPS_IFD)
    lat, lon = gps
    g[GPS_VERSION] = b"\x02\x03\x00\x00"
    g[GPS_LAT_REF] = "N" if lat >= 0 else "S"
    g[GPS_LAT] = dms(lat)
    g[GPS_LON_REF] = "E" if lon >= 0 else "W"
    g[GPS_LON] = dms(lon)
    return ex


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for i, (name, orient, colors, taken, gps, orientation) in enumerate(PHOTOS):
        size = LANDSCAPE if orient == "L" else PORTRAIT
        img = draw(size, colors, name)
        path = OUT / name
        if name.endswith(".png"):
            img = img.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
            img.save(path, optimize=True)
        else:
            if orientation == 6:
                # Lưu điểm ảnh nằm ngang (xoay 90° ngược chiều kim đồng hồ); thẻ 6 bảo trình xem xoay lại.
                img = img.transpose(Image.Transpose.ROTATE_90)
            img.save(path, "JPEG", quality=80, optimize=True, exif=exif_for(i, taken, gps, orientation))
        print(f"{path.relative_to(ROOT)}  {img.size[0]}x{img.size[1]}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
