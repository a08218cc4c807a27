"""Draw the application icon: a bound ledger with 台账 on it, on a seal-red tile.

Run once; the PNG and ICO it writes (resources/icons/) are committed resources, so a build
needs neither Pillow's fonts nor this script. Needs a CJK font (文泉驿微米黑 by default).

    .venv/bin/python tools/make_icon.py [--font PATH]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
RED, DARK_RED, PAPER, INK = "#C62828", "#8E1B1B", "#FFF8E7", "#B71C1C"
S = 1024  # drawn large, scaled down with a good filter


def draw(font_path: Path, *, with_text: bool = True) -> Image.Image:
    img = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((24, 24, S - 24, S - 24), radius=190, fill=RED)
    # The ledger: a cream page with a dark binding strip and three rings.
    page = (190, 150, 860, 880)
    d.rounded_rectangle((page[0] + 26, page[1] + 26, page[2] + 26, page[3] + 26), radius=40,
                        fill=(0, 0, 0, 70))
    d.rounded_rectangle(page, radius=40, fill=PAPER)
    d.rounded_rectangle((page[0], page[1], page[0] + 120, page[3]), radius=40, fill=DARK_RED)
    d.rectangle((page[0] + 80, page[1], page[0] + 120, page[3]), fill=DARK_RED)
    for y in (300, 515, 730):
        d.ellipse((page[0] + 38, y - 22, page[0] + 82, y + 22), fill=PAPER)
    left = page[0] + 170
    if with_text:
        font = ImageFont.truetype(str(font_path), 300, index=0)
        d.text(((left + page[2]) // 2, 380), "台账", font=font, fill=INK, anchor="mm",
               stroke_width=10, stroke_fill=INK)
        rows = (610, 720, 830 - 20)
    else:  # small sizes: ruled lines read better than characters of three pixels
        rows = (300, 420, 540, 660, 780)
    for y in rows:
        d.line((left, y, page[2] - 60, y), fill="#D7B9A8", width=26 if not with_text else 22)
    # A tick on the first line: work recorded.
    tick_y = rows[0] if with_text else rows[1]
    d.line([(left + 10, tick_y - 40), (left + 60, tick_y + 10), (left + 150, tick_y - 90)],
           fill="#2E7D32", width=42 if not with_text else 34, joint="curve")
    return img


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--font", type=Path, default=FONT)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    big, small = draw(args.font), draw(args.font, with_text=False)
    sizes = [16, 24, 32, 48, 64, 128, 256]
    frames = {n: (big if n >= 48 else small).resize((n, n), Image.LANCZOS) for n in sizes}
    frames[256].save(OUT / "taskledger.png", optimize=True)
    big.resize((512, 512), Image.LANCZOS).save(OUT / "taskledger-512.png", optimize=True)
    frames[32].save(OUT / "taskledger-32.png", optimize=True)
    frames[256].save(OUT / "taskledger.ico", sizes=[(n, n) for n in sizes],
                     append_images=[frames[n] for n in sizes[:-1]])
    print("wrote", ", ".join(p.name for p in sorted(OUT.iterdir())))


if __name__ == "__main__":
    main()
