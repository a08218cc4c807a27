"""The house look of every workbook we write, and the rules for putting user text in cells.

Fonts are named as Chinese Windows and WPS have them (仿宋 body, 黑体 headings); a PC without
them substitutes, which is why row heights are computed with room to spare (text_width).
"""
from __future__ import annotations

import re
import weakref
from copy import copy
from pathlib import Path
from typing import Callable

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .atomic import atomic_output
from models.errors import Cancelled
from models.wording import chinese_date  # noqa: F401  (one date style for every document)

BODY_FONT_NAME = "仿宋"
HEAD_FONT_NAME = "黑体"
BODY_SIZE = 11
HEAD_SIZE = 11
TITLE_SIZE = 18

BODY_FONT = Font(name=BODY_FONT_NAME, size=BODY_SIZE)
HEAD_FONT = Font(name=HEAD_FONT_NAME, size=HEAD_SIZE)
SECTION_FONT = Font(name=HEAD_FONT_NAME, size=BODY_SIZE)
TITLE_FONT = Font(name=HEAD_FONT_NAME, size=TITLE_SIZE)

_THIN = Side(style="thin", color="000000")
THIN_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)

WRAP_TOP_LEFT = Alignment(wrap_text=True, vertical="top", horizontal="left")
WRAP_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
WRAP_TOP_CENTER = Alignment(wrap_text=True, vertical="top", horizontal="center")
WRAP_LEFT_MIDDLE = Alignment(wrap_text=True, vertical="center", horizontal="left")

# A cell whose text starts with one of these is read as a formula (or DDE/CSV injection) by
# some spreadsheet; such text is always stored as a string with the quote prefix set.
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_CHARS = 32767
_NOT_XML = re.compile("[\ufffe\uffff\ud800-\udfff]")


def clean_text(value) -> str:
    """``value`` as cell text: control characters Excel rejects removed, length capped."""
    text = "" if value is None else str(value)
    # Also what lxml refuses that openpyxl's list lacks (U+FFFE, U+FFFF, lone surrogates):
    # one such character in an old note must never stop the whole workbook.
    text = _NOT_XML.sub("", ILLEGAL_CHARACTERS_RE.sub("", text))
    if len(text) > MAX_CELL_CHARS:
        text = text[:MAX_CELL_CHARS - 1] + "…"
    return text


# Per workbook: (font, alignment, border, quote prefix) → the style array openpyxl built for it.
# Assigning font/alignment/border one by one hashes every style object for every cell, which
# dominated the export time of a ledger with thousands of evidence rows.
_STYLE_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def put_text(cell, value, *, font: Font = BODY_FONT, alignment: Alignment = WRAP_TOP_LEFT,
             border: bool = True) -> None:
    """Write user text so that it stays text, whatever it starts with."""
    text = clean_text(value)
    cell.value = text if text else None
    quote = bool(text) and text.startswith(FORMULA_LEADS)
    if text:
        # openpyxl turns a leading "=" into a formula; force a string and mark it as typed text.
        cell.data_type = "s"
    _style(cell, font, alignment, border, quote)


def _style(cell, font: Font, alignment: Alignment, border: bool, quote: bool,
           number_format: str | None = None) -> None:
    wb = cell.parent.parent
    cache = _STYLE_CACHE.setdefault(wb, {}) if not cell.has_style else None
    # Keyed by identity (hashing openpyxl style objects is the slow part); the entry keeps the
    # objects alive so an id is never reused for another font while it is cached.
    key = (id(font), id(alignment), border, quote, number_format)
    if cache is not None and key in cache:
        cell._style = copy(cache[key][2])
        return
    cell.font = font
    cell.alignment = alignment
    if border:
        cell.border = THIN_BORDER
    if quote:
        cell.quotePrefix = True
    if number_format:
        cell.number_format = number_format
    if cache is not None:
        cache[key] = (font, alignment, copy(cell._style))


def put_number(cell, value, *, number_format: str | None = None, font: Font = BODY_FONT,
               alignment: Alignment = WRAP_CENTER) -> None:
    """Write a number (never a formula); None leaves the cell empty but styled."""
    cell.value = value
    _style(cell, font, alignment, True, False, number_format)


def merge(ws: Worksheet, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
    """Merge a block and put a thin border on every cell of it.

    Excel draws a merged cell's outline from the border of each covered cell; styling only the
    top-left one leaves gaps on paper.
    """
    start = ws.cell(row=first_row, column=first_col)
    if first_row != last_row or first_col != last_col:
        # openpyxl's merge copies the start cell's border onto the block's edges cell by cell
        # (slow on tall blocks) and we overwrite it anyway: merge with no border on the start.
        saved = copy(start._style)
        start._style.borderId = 0
        ws.merge_cells(start_row=first_row, start_column=first_col,
                       end_row=last_row, end_column=last_col)
        start._style = saved
    start.border = THIN_BORDER
    covered = _border_only_style(ws.parent)
    for row in range(first_row, last_row + 1):
        for col in range(first_col, last_col + 1):
            cell = ws.cell(row=row, column=col)
            if cell is start:
                continue
            if cell.has_style:
                cell.border = THIN_BORDER
            else:
                cell._style = copy(covered)


def _border_only_style(wb):
    """The style array of a cell that has only the thin border (cached per workbook)."""
    cache = _STYLE_CACHE.setdefault(wb, {})
    if "border-only" not in cache:
        from openpyxl.styles.cell_style import StyleArray
        array = StyleArray()
        array.borderId = wb._borders.add(THIN_BORDER)
        cache["border-only"] = array
    return cache["border-only"]


def set_widths(ws: Worksheet, widths: list[float]) -> None:
    """Column widths in Excel character units."""
    for index, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(index)].width = width


def print_setup(ws: Worksheet, *, title_rows: str | None, landscape: bool = True) -> None:
    """A4, one page wide, repeated header rows, page number footer ``— 1 —``."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.7
    ws.page_margins.footer = 0.3
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.center.text = "— &P —"
    ws.oddFooter.center.font = f"{BODY_FONT_NAME},常规"   # "name,style" as Chinese Excel writes it
    ws.oddFooter.center.size = 12


def save_atomically(wb, out_path: Path) -> Path:
    """Save the workbook so that a crash or a cancel never leaves half a file (exports.atomic)."""
    with atomic_output(out_path, suffix=".xlsx.tmp") as temp:
        wb.save(temp)
    return Path(out_path)


def check_cancel(cancelled: Callable[[], bool] | None) -> None:
    """Raise models.errors.Cancelled when the user asked to stop."""
    if cancelled is not None and cancelled():
        raise Cancelled("导出已取消，未生成文件")

