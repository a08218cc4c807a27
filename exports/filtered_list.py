"""The 举措进展清单: the measures as filtered in the window (e.g. every red measure), each with
its latest entry, as an Excel sheet or a PDF for the leader; the filter is written in the
title. The rows and their order come from models.queries (the same SQL the table runs), read
through the ledger handed in, so an "as of" view (a reporting round) prints 截至 its cut-off.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from models import queries
from models.pace import LIGHT_LABELS, LIGHT_TINTS
from models.rounds import as_of_phrase
from models.status import STATUS_COLOURS

LIST_NAME = "举措进展清单"
COLUMNS = (("编号", 7), ("落实举措", 46), ("状态", 8), ("完成进度", 9), ("序时进度", 9),
           ("灯", 7), ("完成时限", 12), ("最近进展", 50), ("存在问题", 22))


@dataclass
class ListLine:
    """One measure of the list as printed."""
    code: str
    text: str
    status: str
    progress: str
    expected: str
    light: str | None
    deadline: str
    latest: str
    problems: str


def list_title(ledger, flt, *, unit: str | None = None) -> str:
    """``洛阳市2021年举措进展清单（红灯 · 状态：推进中）``."""
    unit = ledger.check_unit(unit)
    task = ""
    if flt is not None and flt.task_no is not None:
        task = next((t.content for s in ledger.plan().sections for t in s.tasks
                     if t.no == flt.task_no), "")
    return (f"{unit}{ledger.plan().year}年{LIST_NAME}"
            f"（{queries.describe_filter(flt, task_content=task)}）")


def list_lines(ledger, flt=None, *, unit: str | None = None, order: str = "id",
               descending: bool = False) -> list[ListLine]:
    """The measures passing ``flt`` in the window's order, with their latest entry."""
    unit = ledger.check_unit(unit)
    codes = queries.measure_codes(ledger, flt, unit=unit, order=order, descending=descending)
    rows = queries.measure_rows(ledger, codes, unit=unit)
    latest = queries.latest_entries(ledger, codes, unit=unit)
    lines = []
    for code in codes:
        row = rows[code]
        entry = latest.get(code)
        lines.append(ListLine(
            code=code, text=row.text, status=row.status,
            progress="" if row.progress is None else f"{row.progress:g}%",
            expected="" if row.status == "不涉及" else f"{row.expected:.0f}%", light=row.light,
            deadline=(row.deadline or "") + ("" if row.deadline_source == "measure" else "（报送截止）"),
            latest=f"{entry.date}：{entry.text}" if entry else "", problems=row.problems))
    return lines


def _as_of(ledger) -> str:
    cutoff = getattr(ledger, "cutoff", None)
    item = getattr(ledger, "round", None)
    day = cutoff or ledger.today().isoformat()
    return (f"{item.name}，" if item else "") + as_of_phrase(day)


def write_filtered_xlsx(ledger, out_path: Path, *, measure_filter=None, unit: str | None = None,
                        order: str = "id", descending: bool = False,
                        progress: Callable[[int, int], None] | None = None,
                        cancelled: Callable[[], bool] | None = None) -> Path:
    """Write the filtered list (``measure_filter``: models.queries.MeasureFilter) as one sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    from .text_width import height_for
    from .xlsx_style import (BODY_SIZE, HEAD_FONT, TITLE_FONT, WRAP_CENTER, WRAP_LEFT_MIDDLE,
                             check_cancel, print_setup, put_text, save_atomically, set_widths)
    title = list_title(ledger, measure_filter, unit=unit)
    lines = list_lines(ledger, measure_filter, unit=unit, order=order, descending=descending)
    wb = Workbook()
    ws = wb.active
    ws.title = LIST_NAME
    widths = [w for _, w in COLUMNS]
    set_widths(ws, widths)
    ncols = len(COLUMNS)
    put_text(ws.cell(1, 1), title, font=TITLE_FONT, alignment=WRAP_CENTER, border=False)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.row_dimensions[1].height = max(40, height_for(title, sum(widths), 18))
    info = f"{_as_of(ledger)}　共 {len(lines)} 项"
    put_text(ws.cell(2, 1), info, alignment=WRAP_LEFT_MIDDLE, border=False)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncols)
    for col, (name, _) in enumerate(COLUMNS, 1):
        put_text(ws.cell(3, col), name, font=HEAD_FONT, alignment=WRAP_CENTER)
    for r, line in enumerate(lines, 4):
        check_cancel(cancelled)
        values = (line.code, line.text, line.status, line.progress, line.expected,
                  LIGHT_LABELS.get(line.light, "") if line.light else "", line.deadline,
                  line.latest, line.problems)
        for col, value in enumerate(values, 1):
            centre = col in (1, 3, 4, 5, 6, 7)
            put_text(ws.cell(r, col), value, alignment=WRAP_CENTER if centre else WRAP_LEFT_MIDDLE)
        if line.light:
            ws.cell(r, 6).fill = PatternFill("solid", fgColor=LIGHT_TINTS[line.light][1:])
        ws.row_dimensions[r].height = max(height_for(str(v), w, BODY_SIZE)
                                          for v, w in zip(values, widths))
        if progress:
            progress(r - 3, len(lines))
    ws.freeze_panes = "A4"
    print_setup(ws, title_rows="3:3")
    ws.print_area = f"A1:{get_column_letter(ncols)}{max(3, len(lines) + 3)}"
    wb.properties.title = title
    wb.properties.creator = "TaskLedger"
    check_cancel(cancelled)
    return save_atomically(wb, out_path)


def write_filtered_pdf(ledger, out_path: Path, *, measure_filter=None, unit: str | None = None,
                       order: str = "id", descending: bool = False, fonts=None,
                       progress: Callable[[int, int], None] | None = None,
                       cancelled: Callable[[], bool] | None = None):
    """Print the filtered list as an A4 landscape PDF; returns exports.pdf_common.PdfResult."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.enums import TA_CENTER, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

    from .pdf_common import (PdfResult, build_atomically, check_cancel, cjk_paragraph,
                             enable_chinese_line_breaking, progress_hook)
    from .pdf_fonts import HEITI, SONG, resolve_fonts

    enable_chinese_line_breaking()
    mm = 72 / 25.4
    page_w, page_h = 297 * mm, 210 * mm
    margin = 14 * mm
    fontset = resolve_fonts(fonts)
    title = list_title(ledger, measure_filter, unit=unit)
    lines = list_lines(ledger, measure_filter, unit=unit, order=order, descending=descending)
    check_cancel(cancelled)

    def style(name, role, size, leading, align=TA_LEFT):
        return ParagraphStyle(name, fontName=fontset.name(role), fontSize=size, leading=leading,
                              wordWrap="CJK", alignment=align)
    styles = {"title": style("title", HEITI, 16, 24, TA_CENTER),
              "info": style("info", SONG, 10, 15, TA_CENTER),
              "head": style("head", HEITI, 9, 12, TA_CENTER),
              "cell": style("cell", SONG, 9, 12),
              "centre": style("centre", SONG, 9, 12, TA_CENTER)}

    def para(text, name, role=SONG):
        return cjk_paragraph(fontset.markup(text, role), styles[name])

    widths_mm = (12, 62, 14, 16, 16, 11, 30, 78, 30)       # = 269 mm
    data = [[para(name, "head", HEITI) for name, _ in COLUMNS]]
    commands = [("FONTNAME", (0, 0), (-1, -1), fontset.name(SONG)),
                ("GRID", (0, 0), (-1, -1), 0.4, HexColor("#555555")),
                ("BACKGROUND", (0, 0), (-1, 0), HexColor("#e8e8e8")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    for r, line in enumerate(lines, 1):
        data.append([para(line.code, "centre"), para(line.text, "cell"),
                     para(line.status, "centre"), para(line.progress, "centre"),
                     para(line.expected, "centre"),
                     para(LIGHT_LABELS.get(line.light, "") if line.light else "", "centre"),
                     para(line.deadline, "centre"), para(line.latest, "cell"),
                     para(line.problems, "cell")])
        if line.light:
            commands.append(("BACKGROUND", (5, r), (5, r), HexColor(LIGHT_TINTS[line.light])))
        colour = STATUS_COLOURS.get(line.status)
        if colour:
            commands.append(("LINEBEFORE", (2, r), (2, r), 2, HexColor(colour)))
    table = Table(data, colWidths=[w * mm for w in widths_mm], repeatRows=1, splitByRow=1)
    table.setStyle(TableStyle(commands))
    story = [para(title, "title", HEITI), para(f"{_as_of(ledger)}　共 {len(lines)} 项", "info"),
             Spacer(1, 6)]
    story.append(table if lines else para("没有符合筛选条件的举措。", "info"))
    fontset.check("第 0123456789 页", SONG)
    footer_font = fontset.name(SONG)

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(footer_font, 8)
        canvas.drawRightString(page_w - margin, 8 * mm, f"第 {doc.page} 页")
        canvas.restoreState()

    def build(temp_name: str) -> int:
        doc = SimpleDocTemplate(temp_name, pagesize=(page_w, page_h), leftMargin=margin,
                                rightMargin=margin, topMargin=margin, bottomMargin=margin,
                                title=title, creator="TaskLedger 任务台账",
                                initialFontName=footer_font)
        doc.setProgressCallBack(progress_hook(progress, cancelled, start=0, span=100, total=100))
        doc.build(story, onFirstPage=footer, onLaterPages=footer)
        return doc.page

    pages = build_atomically(Path(out_path), build)
    if progress:
        progress(100, 100)
    return PdfResult(Path(out_path), pages, fontset.warnings(), fontset.describe())


def default_list_name(ledger, suffix: str, *, unit: str | None = None,
                      on: date | None = None) -> str:
    """``洛阳市2021年举措进展清单.xlsx``."""
    unit = ledger.check_unit(unit)
    return f"{unit}{ledger.plan().year}年{LIST_NAME}{suffix}"
