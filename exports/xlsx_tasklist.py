"""The plan alone as the annex table (任务内容 | 落实举措 | 责任地市): a blank template the
province can fill for another year, and a file ``init --plan`` / ``import-plan`` read back.

Task cells are merged down over their measures and 责任地市 cells are merged where the
original merged them (an empty cell as written means "same as the row above"), so the sheet
looks like the Word annex. The plan's own facts (title, document number, deadline, unit list)
travel in the workbook's document properties so that reading it back gives the same plan.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from openpyxl import Workbook

from models.plan.xlsx import TASKLIST_IDENTIFIER

from .text_width import MAX_ROW_HEIGHT_PT, height_for
from .xlsx_style import (BODY_SIZE, HEAD_FONT, HEAD_SIZE, SECTION_FONT, TITLE_FONT, WRAP_CENTER,
                         WRAP_LEFT_MIDDLE, check_cancel, chinese_date, merge, print_setup,
                         put_text, save_atomically, set_widths)

TASKLIST_COLUMNS = (("任务内容", 28), ("落实举措", 66), ("责任地市", 22))
DEADLINE_COLUMN = ("完成时限", 16)
TITLE_ROW, HEADER_ROW = 1, 2


def write_tasklist(plan, out_path: Path, *, units: list | None = None,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> Path:
    """Write ``plan`` (a models.records.Plan, e.g. ``ledger.plan()``) as the annex table.

    ``units`` (the plan's unit list, e.g. ``ledger.units()``) is stored with the file so the
    plan read back knows the same units. Written to a temporary name, then renamed.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "任务清单"
    # A plan whose measures carry their own deadlines (an imported 完成时限 column) keeps them.
    own_deadline = any(m.deadline or m.deadline_text for m in plan.measures())
    columns = TASKLIST_COLUMNS + ((DEADLINE_COLUMN,) if own_deadline else ())
    widths = [w for _, w in columns]
    set_widths(ws, widths)
    ncols = len(columns)

    title = plan.annex_title or f"{plan.year}年{plan.subject}任务清单"
    put_text(ws.cell(TITLE_ROW, 1), title, font=TITLE_FONT, alignment=WRAP_CENTER, border=False)
    ws.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=ncols)
    ws.row_dimensions[TITLE_ROW].height = max(40, height_for(title, sum(widths), 18))
    for col, (name, _) in enumerate(columns, 1):
        put_text(ws.cell(HEADER_ROW, col), name, font=HEAD_FONT, alignment=WRAP_CENTER)
    ws.row_dimensions[HEADER_ROW].height = height_for("任务内容", widths[0], HEAD_SIZE) + 6

    total = sum(len(t.measures) for s in plan.sections for t in s.tasks)
    done = 0
    row = HEADER_ROW + 1
    for section in plan.sections:
        check_cancel(cancelled)
        put_text(ws.cell(row, 1), section.title, font=SECTION_FONT, alignment=WRAP_LEFT_MIDDLE)
        merge(ws, row, 1, row, ncols)
        ws.row_dimensions[row].height = height_for(section.title, sum(widths), BODY_SIZE)
        row += 1
        resp_start = None        # first row of the current 责任地市 run (within this section)
        for task in section.tasks:
            first = row
            task_text = f"{task.no}.{task.content}"
            put_text(ws.cell(row, 1), task_text, alignment=WRAP_LEFT_MIDDLE)
            heights = []
            for measure in task.measures:
                put_text(ws.cell(row, 2), measure.text)
                raw = (measure.responsibility_raw or "").strip()
                if raw or resp_start is None:
                    _close_run(ws, resp_start, row - 1)
                    resp_start = row
                    # An empty cell with nothing above it in this section cannot be merged:
                    # write the responsibility it stands for.
                    put_text(ws.cell(row, 3), raw or measure.responsibility, alignment=WRAP_CENTER)
                if own_deadline:
                    when = measure.deadline_text or chinese_date(measure.deadline or "")
                    put_text(ws.cell(row, 4), when, alignment=WRAP_CENTER)
                heights.append(max(height_for(measure.text, widths[1], BODY_SIZE),
                                   height_for(raw, widths[2], BODY_SIZE)))
                row += 1
                done += 1
                if progress:
                    progress(done, total)
            merge(ws, first, 1, row - 1, 1)
            need = height_for(task_text, widths[0], BODY_SIZE)
            extra = max(0.0, need - sum(heights)) / len(heights)
            for offset, height in enumerate(heights):
                ws.row_dimensions[first + offset].height = min(MAX_ROW_HEIGHT_PT, height + extra)
        _close_run(ws, resp_start, row - 1)
    _fit_resp_runs(ws, widths[2])

    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    print_setup(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", landscape=False)

    props = wb.properties
    props.title = plan.title
    props.subject = plan.subject
    props.creator = "TaskLedger"
    props.identifier = TASKLIST_IDENTIFIER
    props.description = json.dumps({
        "year": plan.year, "title": plan.title, "subject": plan.subject, "issuer": plan.issuer,
        "doc_no": plan.doc_no, "deadline": plan.deadline, "recipient": plan.recipient,
        "annex_title": plan.annex_title, "period": plan.period, "units_source": plan.units_source,
        "units": [{"name": u.name, "kind": u.kind} for u in (units or []) if u.kind != "other"],
    }, ensure_ascii=False)
    check_cancel(cancelled)
    return save_atomically(wb, out_path)


def _close_run(ws, start: int | None, end: int) -> None:
    if start is None or end < start:
        return
    merge(ws, start, 3, end, 3)


def _fit_resp_runs(ws, width: float) -> None:
    """A merged 责任地市 run must be tall enough together for its text."""
    for merged in list(ws.merged_cells.ranges):
        if merged.min_col != 3 or merged.max_col != 3 or merged.min_row == merged.max_row:
            continue
        text = ws.cell(merged.min_row, 3).value or ""
        need = height_for(text, width, BODY_SIZE)
        rows = range(merged.min_row, merged.max_row + 1)
        have = sum(ws.row_dimensions[r].height or 15 for r in rows)
        if need > have:
            extra = (need - have) / len(rows)
            for r in rows:
                ws.row_dimensions[r].height = (ws.row_dimensions[r].height or 15) + extra
