"""The 任务完成情况表 workbook the province receives (FORMATS.md, "Excel").

Sheet 1 is the progress table in the layout of the province's task list; sheet 2 lists the
numeric targets with the unit's figures, sheet 3 the numbered evidence. Every text a user
typed is written as text; every count is a number, never a formula.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from models.deadlines import today
from models.fingerprint import footer_text, ledger_fingerprint
from models.status import STATUSES
from models.summary import EvidenceNumber, Summary, evidence_numbers, summarize
from models.wording import entry_line, measure_remarks, time_facts

from .text_width import (LINE_FACTOR, MAX_ROW_HEIGHT_PT, ROW_PADDING_PT, column_pixels, height_for,
                         line_count)
from .xlsx_style import (WRAP_TOP_CENTER, BODY_FONT, BODY_SIZE, HEAD_FONT, HEAD_SIZE, SECTION_FONT, TITLE_FONT,
                         WRAP_CENTER, WRAP_LEFT_MIDDLE, WRAP_TOP_LEFT, check_cancel,
                         chinese_date, merge, print_setup, put_number, put_text,
                         save_atomically, set_widths)

# (header, width in Excel character units). The widths add up to what fits A4 landscape at a
# readable scale once the sheet is fitted to one page wide.
PROGRESS_COLUMNS = (("序号", 5), ("任务内容", 18), ("落实举措", 34), ("责任地市", 11),
                    ("完成情况", 8), ("工作进展", 38), ("佐证材料", 22), ("存在问题", 16),
                    ("下一步打算", 16), ("备注", 10))
INDICATOR_COLUMNS = (("指标", 40), ("所属举措", 9), ("全省目标", 12), ("本单位完成值", 13),
                     ("计量单位", 9), ("说明", 60))
EVIDENCE_COLUMNS = (("编号", 12), ("所属举措", 9), ("文件名", 44), ("说明", 30),
                    ("材料日期", 16), ("大小", 12), ("SHA-256", 74))

SHEET_TITLES = ("完成情况表", "量化指标", "佐证材料清单")
TITLE_ROW, INFO_ROW, HEADER_ROW = 1, 2, 3
STATUS_COLUMN = 5
TALL_BLOCK_PT = 400     # about a page of rows at the usual fit-to-width scale
_COLS = {name: index for index, (name, _) in enumerate(PROGRESS_COLUMNS, 1)}
_WIDTHS = [width for _, width in PROGRESS_COLUMNS]
_CLAUSE_SPLIT = re.compile(r"[，。；;,]")


@dataclass
class SheetResult:
    """What write_progress_sheet put where (rows are 1-based)."""
    title: str
    first_data_row: int
    last_data_row: int
    measure_rows: int
    summary_row: int


def progress_title(ledger, unit: str) -> str:
    """``{单位}{年度}年{事项}任务完成情况表`` from the current plan; a report 截至 a cut-off
    (Ledger.as_of, a reporting round) says so: ``…任务完成情况表（截至2021年9月30日）``."""
    plan = ledger.plan()
    title = f"{unit}{plan.year}年{plan.subject}任务完成情况表"
    cutoff = getattr(ledger, "cutoff", None)
    if cutoff:
        from models.rounds import as_of_phrase
        item = getattr(ledger, "round", None)
        title += f"（{item.name + '，' if item else ''}{as_of_phrase(cutoff)}）"
    return title


def write_progress_workbook(ledger, out_path: Path, *, unit: str | None = None,
                            filled_by: str = "", fill_date: date | None = None,
                            progress: Callable[[int, int], None] | None = None,
                            cancelled: Callable[[], bool] | None = None,
                            fingerprint: str | None = None) -> Path:
    """Write the three-sheet 完成情况表 for ``unit`` (default the ledger's own) to ``out_path``.

    The file appears under its name only when complete (temporary file, then rename); a
    cancelled export raises models.errors.Cancelled and leaves nothing behind. Every sheet's
    footer carries the ``fingerprint`` (models.fingerprint; computed when None).
    """
    unit = ledger.check_unit(unit)
    summary = summarize(ledger, unit=unit)
    numbers = evidence_numbers(ledger, unit=unit)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_TITLES[0]
    result = write_progress_sheet(ws, ledger, unit=unit, filled_by=filled_by,
                                  fill_date=fill_date, summary=summary, numbers=numbers,
                                  progress=progress, cancelled=cancelled)
    write_indicator_sheet(wb.create_sheet(SHEET_TITLES[1]), ledger, unit=unit, summary=summary)
    write_evidence_sheet(wb.create_sheet(SHEET_TITLES[2]), ledger, unit=unit, numbers=numbers)
    footer = footer_text(fingerprint or ledger_fingerprint(ledger, unit=unit))
    for sheet in wb.worksheets:
        sheet.oddFooter.left.text = footer
        sheet.oddFooter.left.size = 9
    wb.properties.title = result.title
    wb.properties.creator = "TaskLedger"
    wb.active = 0
    check_cancel(cancelled)
    return save_atomically(wb, out_path)


def write_progress_sheet(ws: Worksheet, ledger, *, unit: str | None = None,
                         filled_by: str = "", fill_date: date | None = None,
                         summary: Summary | None = None,
                         numbers: list[EvidenceNumber] | None = None,
                         progress: Callable[[int, int], None] | None = None,
                         cancelled: Callable[[], bool] | None = None) -> SheetResult:
    """Fill one worksheet with ``unit``'s progress table (title, 填报 line, header, rows,
    summary sentence, drop-down, print setup). Works on any openpyxl worksheet, so a
    provincial workbook can hold one such sheet per unit.

    ``summary`` and ``numbers`` may be passed in when the caller already computed them.
    """
    unit = ledger.check_unit(unit)
    summary = summary if summary is not None else summarize(ledger, unit=unit)
    numbers = numbers if numbers is not None else evidence_numbers(ledger, unit=unit)
    evidence_by_measure: dict[str, list[str]] = {}
    for item in numbers:
        evidence_by_measure.setdefault(item.measure_code, []).append(item.package_name)
    ncols = len(PROGRESS_COLUMNS)
    set_widths(ws, _WIDTHS)

    title = progress_title(ledger, unit)
    put_text(ws.cell(TITLE_ROW, 1), title, font=TITLE_FONT, alignment=WRAP_CENTER, border=False)
    ws.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=ncols)
    ws.row_dimensions[TITLE_ROW].height = 40

    info = _info_line(ledger, unit, filled_by, fill_date)
    put_text(ws.cell(INFO_ROW, 1), info, alignment=WRAP_LEFT_MIDDLE, border=False)
    ws.merge_cells(start_row=INFO_ROW, start_column=1, end_row=INFO_ROW, end_column=ncols)
    ws.row_dimensions[INFO_ROW].height = max(24, height_for(info, sum(_WIDTHS), BODY_SIZE))

    for col, (name, _) in enumerate(PROGRESS_COLUMNS, 1):
        put_text(ws.cell(HEADER_ROW, col), name, font=HEAD_FONT, alignment=WRAP_CENTER)
    ws.row_dimensions[HEADER_ROW].height = max(
        height_for(name, width, HEAD_SIZE) for name, width in PROGRESS_COLUMNS)

    rows = summary.rows
    row_no = HEADER_ROW + 1
    first_data_row = row_no
    status_cells: list[int] = []
    section = None
    task_start, task_no, task_content = None, None, ""
    heights: dict[int, float] = {}

    def close_task(end_row: int) -> None:
        if task_start is None:
            return
        merge(ws, task_start, 1, end_row, 1)
        merge(ws, task_start, 2, end_row, 2)
        _fit_merged(heights, task_start, end_row, height_for(task_content, _WIDTHS[1], BODY_SIZE))
        if sum(heights.get(r, 0) for r in range(task_start, end_row + 1)) > TALL_BLOCK_PT:
            # Centred in a block longer than a page, the task would print pages away from its
            # first measure; start it at the top instead.
            ws.cell(task_start, 1).alignment = WRAP_TOP_CENTER
            ws.cell(task_start, 2).alignment = WRAP_TOP_LEFT

    for done, row in enumerate(rows, 1):
        check_cancel(cancelled)
        if row.section != section:
            close_task(row_no - 1)
            task_start, task_no = None, None
            section = row.section
            put_text(ws.cell(row_no, 1), section, font=SECTION_FONT, alignment=WRAP_LEFT_MIDDLE)
            merge(ws, row_no, 1, row_no, ncols)
            heights[row_no] = height_for(section, sum(_WIDTHS), BODY_SIZE)
            row_no += 1
        if row.task_no != task_no:
            close_task(row_no - 1)
            task_start, task_no, task_content = row_no, row.task_no, row.task_content
            put_number(ws.cell(row_no, 1), row.task_no, font=BODY_FONT, alignment=WRAP_CENTER)
            put_text(ws.cell(row_no, 2), row.task_content, alignment=WRAP_LEFT_MIDDLE)

        detail = ledger.measure(row.code, unit=unit)
        progress_text = "\n".join(entry_line(e) for e in detail.entries)
        remark = [f"举措{row.code}"] + measure_remarks(row) + time_facts(row, detail.milestones)
        values = {
            "落实举措": row.text,
            "责任地市": row.responsibility,
            "工作进展": progress_text,
            "佐证材料": "\n".join(evidence_by_measure.get(row.code, [])),
            "存在问题": row.problems,
            "下一步打算": row.next_steps,
            "备注": "\n".join(remark),
        }
        status_cells.append(row_no)
        row_no += _measure_rows(ws, row_no, values, row.status, heights)
        if progress:
            progress(done, len(rows))
    close_task(row_no - 1)
    last_data_row = row_no - 1

    for index, height in heights.items():
        ws.row_dimensions[index].height = min(height, MAX_ROW_HEIGHT_PT)

    _status_dropdown(ws, status_cells)

    summary_row = row_no + 1
    sentence = summary.sentence()
    put_text(ws.cell(summary_row, 1), sentence, alignment=WRAP_LEFT_MIDDLE, border=False)
    ws.merge_cells(start_row=summary_row, start_column=1, end_row=summary_row, end_column=ncols)
    ws.row_dimensions[summary_row].height = height_for(sentence, sum(_WIDTHS), BODY_SIZE) + 4

    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    print_setup(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    ws.print_area = f"A1:{get_column_letter(ncols)}{summary_row}"
    return SheetResult(title=title, first_data_row=first_data_row, last_data_row=last_data_row,
                       measure_rows=len(rows), summary_row=summary_row)


def _measure_rows(ws: Worksheet, first: int, values: dict[str, str], status: str,
                  heights: dict[int, float]) -> int:
    """Write one measure; return the rows it took.

    Normally one row. A text too long for Excel's tallest row (409 pt) would be cut off on
    paper, so it continues on extra rows of the same measure: the long columns carry their
    text on in order, every other column is merged down over those rows.
    """
    limit = MAX_ROW_HEIGHT_PT - 9
    chunks = {name: _chunks(text, _WIDTHS[_COLS[name] - 1], limit)
              for name, text in values.items()}
    count = max(len(c) for c in chunks.values())
    for name, parts in chunks.items():
        col = _COLS[name]
        if len(parts) == 1 and count > 1:
            put_text(ws.cell(first, col), parts[0])
            merge(ws, first, col, first + count - 1, col)
            continue
        for offset in range(count):
            put_text(ws.cell(first + offset, col), parts[offset] if offset < len(parts) else "")
    # Over several rows (maybe pages) a centred status would land mid-way, on a page break.
    put_text(ws.cell(first, STATUS_COLUMN), status,
             alignment=WRAP_CENTER if count == 1 else WRAP_TOP_CENTER)
    if count > 1:
        merge(ws, first, STATUS_COLUMN, first + count - 1, STATUS_COLUMN)
    for offset in range(count):
        heights[first + offset] = max(
            [height_for(status, _WIDTHS[STATUS_COLUMN - 1], BODY_SIZE)] +
            [height_for(parts[offset], _WIDTHS[_COLS[name] - 1], BODY_SIZE)
             for name, parts in chunks.items() if offset < len(parts) and (len(parts) > 1 or count == 1)])
    for name, parts in chunks.items():
        if len(parts) == 1 and count > 1:
            _fit_merged(heights, first, first + count - 1,
                        height_for(parts[0], _WIDTHS[_COLS[name] - 1], BODY_SIZE))
    return count


def _chunks(text: str, width: float, limit: float) -> list[str]:
    """``text`` cut at line breaks (or, for one huge paragraph, inside it) into pieces that
    each fit a row of at most ``limit`` points."""
    if height_for(text, width, BODY_SIZE) <= limit:
        return [text]
    pixels = column_pixels(width)
    most = max(1, int((limit - ROW_PADDING_PT) / (BODY_SIZE * LINE_FACTOR)))
    pieces: list[tuple[str, int]] = []          # (paragraph or part of one, its line count)
    for paragraph in text.split("\n"):
        while line_count(paragraph, pixels, BODY_SIZE, limit=most + 1) > most:
            low, high = 1, len(paragraph)          # longest prefix that still fits
            while low < high:
                mid = (low + high + 1) // 2
                if line_count(paragraph[:mid], pixels, BODY_SIZE, limit=most + 1) <= most:
                    low = mid
                else:
                    high = mid - 1
            pieces.append((paragraph[:low], most))
            paragraph = paragraph[low:]
        pieces.append((paragraph, line_count(paragraph, pixels, BODY_SIZE)))
    # Paragraphs wrap independently, so a chunk's line count is the sum of its pieces'.
    chunks: list[str] = []
    current: list[str] = []
    used = 0
    for piece, lines in pieces:
        if current and used + lines > most:
            chunks.append("\n".join(current))
            current, used = [], 0
        current.append(piece)
        used += lines
    chunks.append("\n".join(current))
    return chunks


def _info_line(ledger, unit: str, filled_by: str, fill_date: date | None) -> str:
    own = unit == ledger.unit
    full_name = (ledger.setting("unit_full_name") if own else "") or unit
    person = filled_by or ((ledger.setting("contact_person") or ledger.user) if own else "")
    phone = ledger.setting("contact_phone") if own else ""
    when = chinese_date((fill_date or today()).isoformat())
    gap = "\u3000" * 3
    return (f"填报单位（盖章）：{full_name}{gap}填报人：{person or gap}{gap}"
            f"联系电话：{phone or gap}{gap}填报日期：{when}")


def _fit_merged(heights: dict[int, float], first: int, last: int, needed: float) -> None:
    """Grow the rows under a merged cell until together they show its text in full."""
    have = sum(heights.get(r, 0) for r in range(first, last + 1))
    if needed <= have:
        return
    extra = (needed - have) / (last - first + 1)
    for r in range(first, last + 1):
        heights[r] = heights.get(r, 0) + extra


def _status_dropdown(ws: Worksheet, rows: list[int]) -> None:
    if not rows:
        return
    dv = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True,
                        showErrorMessage=True, errorTitle="完成情况",
                        error="请从下拉列表中选择：" + "、".join(STATUSES),
                        promptTitle="完成情况", prompt="、".join(STATUSES), showInputMessage=True)
    letter = get_column_letter(STATUS_COLUMN)
    start = prev = rows[0]
    for r in [*rows[1:], None]:
        if r is not None and r == prev + 1:
            prev = r
            continue
        dv.add(f"{letter}{start}:{letter}{prev}" if prev != start else f"{letter}{start}")
        if r is not None:
            start = prev = r
    ws.add_data_validation(dv)


def _header(ws: Worksheet, columns) -> None:
    set_widths(ws, [w for _, w in columns])
    for col, (name, _) in enumerate(columns, 1):
        put_text(ws.cell(1, col), name, font=HEAD_FONT, alignment=WRAP_CENTER)
    ws.row_dimensions[1].height = max(height_for(n, w, HEAD_SIZE) for n, w in columns)
    ws.freeze_panes = "A2"
    print_setup(ws, title_rows="1:1")


def _empty_row(ws: Worksheet, ncols: int, text: str) -> None:
    put_text(ws.cell(2, 1), text, alignment=WRAP_CENTER)
    merge(ws, 2, 1, 2, ncols)
    ws.row_dimensions[2].height = 24


def _clause(text: str, raw: str) -> str:
    for part in _CLAUSE_SPLIT.split(text):
        if raw in part:
            return part.strip()
    return text


def write_indicator_sheet(ws: Worksheet, ledger, *, unit: str | None = None,
                          summary: Summary | None = None) -> int:
    """Sheet 量化指标: one row per numeric target of a measure the unit carries; returns rows."""
    unit = ledger.check_unit(unit)
    summary = summary if summary is not None else summarize(ledger, unit=unit)
    _header(ws, INDICATOR_COLUMNS)
    widths = [w for _, w in INDICATOR_COLUMNS]
    if not summary.indicators:
        _empty_row(ws, len(INDICATOR_COLUMNS), "本单位承担的举措中没有量化指标")
        return 0
    for r, item in enumerate(summary.indicators, 2):
        ind = item.indicator
        texts = [_clause(item.measure_text, ind.raw), item.measure_code, ind.target]
        for col, text in enumerate(texts, 1):
            put_text(ws.cell(r, col), text, alignment=WRAP_TOP_LEFT if col == 1 else WRAP_CENTER)
        put_number(ws.cell(r, 4), ind.value, number_format="General")
        put_text(ws.cell(r, 5), ind.quantity_unit, alignment=WRAP_CENTER)
        put_text(ws.cell(r, 6), item.measure_text)
        ws.row_dimensions[r].height = min(MAX_ROW_HEIGHT_PT, max(
            height_for(text, widths[col], BODY_SIZE)
            for col, text in enumerate([*texts, str(ind.value or ""), ind.quantity_unit, item.measure_text])))
    return len(summary.indicators)


def write_evidence_sheet(ws: Worksheet, ledger, *, unit: str | None = None,
                         numbers: list[EvidenceNumber] | None = None) -> int:
    """Sheet 佐证材料清单: every numbered evidence file of the unit; returns rows."""
    unit = ledger.check_unit(unit)
    numbers = numbers if numbers is not None else evidence_numbers(ledger, unit=unit)
    _header(ws, EVIDENCE_COLUMNS)
    widths = [w for _, w in EVIDENCE_COLUMNS]
    if not numbers:
        _empty_row(ws, len(EVIDENCE_COLUMNS), "暂无佐证材料")
        return 0
    for r, item in enumerate(numbers, 2):
        ev = item.evidence
        texts = [item.label, item.measure_code, item.package_name, ev.note,
                 chinese_date(ev.evidence_date)]
        for col, text in enumerate(texts, 1):
            put_text(ws.cell(r, col), text,
                     alignment=WRAP_CENTER if col in (1, 2, 5) else WRAP_TOP_LEFT)
        put_number(ws.cell(r, 6), ev.size, number_format='#,##0"字节"')
        put_text(ws.cell(r, 7), ev.sha256)
        ws.row_dimensions[r].height = min(MAX_ROW_HEIGHT_PT, max(
            height_for(text, widths[col], BODY_SIZE)
            for col, text in enumerate([*texts, f"{ev.size:,}字节", ev.sha256])))
    return len(numbers)
