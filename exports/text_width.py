"""How much room Chinese text takes in a spreadsheet cell, so rows can be sized for print.

Excel and WPS do not grow a row that holds wrapped text in a merged cell, and LibreOffice
only estimates; a row that is too short cuts text off on paper. We size rows ourselves from
the text: CJK and full-width characters take one em, others about half an em (true of 仿宋
and 黑体, whose Latin glyphs are half-width), and a column of width ``w`` is about ``w * 7``
pixels at 96 dpi (padding included) when the workbook's default font is Calibri 11 (openpyxl's default).
"""
from __future__ import annotations

import functools
import math
import unicodedata

PX_PER_PT = 96 / 72
MAX_ROW_HEIGHT_PT = 409          # Excel's limit for one row
_CELL_PADDING_PX = 8             # left + right inner margin, plus a little slack for rounding
_SAFETY = 1.06                   # fonts differ between PCs (SimFang vs. a fallback): leave room
LINE_FACTOR = 1.32               # line pitch of CJK fonts relative to their size
ROW_PADDING_PT = 5


@functools.lru_cache(maxsize=8192)
def char_em(ch: str) -> float:
    """Width of one character in ems: 1 for CJK/full-width, about 0.5 otherwise."""
    if unicodedata.east_asian_width(ch) in "WFA" and ord(ch) > 0x2000:
        return 1.0
    if unicodedata.combining(ch):
        return 0.0
    return 0.55


def column_pixels(width_chars: float) -> float:
    """Pixel width of a column whose width is ``width_chars`` (Excel's unit)."""
    return math.floor(width_chars * 7)


def line_count(text: str, width_px: float, size_pt: float, *, limit: int | None = None) -> int:
    """Lines ``text`` wraps into in a cell ``width_px`` wide, at font size ``size_pt``.

    Greedy wrapping: CJK breaks anywhere; a run of Latin letters/digits moves to the next line
    whole unless it is longer than a line (then it breaks like Excel does). Counting stops
    once ``limit`` lines are reached (a row cannot grow past Excel's maximum anyway).
    """
    usable = max(width_px - _CELL_PADDING_PX, size_pt * PX_PER_PT)
    em_px = size_pt * PX_PER_PT * _SAFETY
    total = 0
    for paragraph in str(text or "").split("\n"):
        if limit is not None and total >= limit:
            return total
        paragraph = paragraph.rstrip("\r")
        if limit is not None:
            # no line holds fewer than one em per character: enough text for ``limit`` lines
            paragraph = paragraph[:int((limit - total + 1) * usable / (em_px * 0.5)) + 1]
        total += _paragraph_lines(paragraph, usable, em_px)
    return max(total, 1)


def _paragraph_lines(paragraph: str, usable: float, em_px: float) -> int:
    if len(paragraph) * em_px <= usable:     # even all-CJK it fits: skip the walk
        return 1
    if sum(map(char_em, paragraph)) * em_px <= usable:
        return 1
    lines, used = 1, 0.0
    for token in _tokens(paragraph):
        width = sum(char_em(ch) for ch in token) * em_px
        if used + width <= usable:
            used += width
            continue
        if len(token) > 1 and width <= usable:
            lines += 1
            used = width
            continue
        for ch in token:
            w = char_em(ch) * em_px
            if used + w > usable and used > 0:
                lines += 1
                used = 0.0
            used += w
    return lines


def _tokens(paragraph: str):
    """Latin words stay together; every other character is a token of its own."""
    word = ""
    for ch in paragraph:
        if ch.isascii() and (ch.isalnum() or ch in "._-/%:@"):
            word += ch
            continue
        if word:
            yield word
            word = ""
        yield ch
    if word:
        yield word


def row_height(lines: int, size_pt: float) -> float:
    """Row height in points for ``lines`` lines of text at ``size_pt``."""
    return round(lines * size_pt * LINE_FACTOR + ROW_PADDING_PT, 1)


def height_for(text: str, width_chars: float, size_pt: float) -> float:
    """Row height (points) a cell of ``width_chars`` needs to show ``text`` in full."""
    most = math.ceil((MAX_ROW_HEIGHT_PT - ROW_PADDING_PT) / (size_pt * LINE_FACTOR)) + 1
    return row_height(line_count(text, column_pixels(width_chars), size_pt, limit=most), size_pt)
