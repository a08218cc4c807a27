"""The province's consolidated workbook (全省汇总表).

Sheet 全省汇总: the measures × units matrix of status with colour fills, a row of completion
shares, then the indicator totals (each unit's figure, the provincial total as a number, the
target, whether it is met) and the late units. Sheet 分任务完成情况: units × tasks (done/carried).
Sheet 报送情况: who handed in and when. Then one sheet per unit that handed in, in the
完成情况表 layout (exports.xlsx_progress).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from models.province.consolidate import MEAN, Consolidation, consolidate
from models.province.submissions import current_submissions, units_with_assignments
from models.status import DONE, IN_PROGRESS, NOT_INVOLVED, NOT_STARTED

from .xlsx_style import (BODY_FONT, HEAD_FONT, SECTION_FONT, TITLE_FONT, WRAP_CENTER,
                         WRAP_LEFT_MIDDLE, WRAP_TOP_LEFT, check_cancel, chinese_date, merge,
                         print_setup, put_number, put_text, save_atomically, set_widths)

STATUS_FILLS = {
    DONE: PatternFill("solid", fgColor="C6EFCE"),
    IN_PROGRESS: PatternFill("solid", fgColor="FFEB9C"),
    NOT_STARTED: PatternFill("solid", fgColor="FFC7CE"),
    NOT_INVOLVED: PatternFill("solid", fgColor="D9D9D9"),
}
NOT_APPLICABLE = "—"
SUMMARY_SHEET, TASK_SHEET, SUBMISSION_SHEET = "全省汇总", "分任务完成情况", "报送情况"
INDICATOR_HEADING = "量化指标汇总"
LATE_HEADING = "逾期情况"
# Matrix columns before the units: 编号 | 任务 | 落实举措; after them: 已完成单位数.
LEAD_COLUMNS = 3
SMALL_FONT = Font(name=BODY_FONT.name, size=9)
UNIT_HEAD = Alignment(wrap_text=True, vertical="center", horizontal="center")


def write_consolidated_workbook(ledger, out_path: Path, *, on: date | None = None,
                                progress: Callable[[int, int], None] | None = None,
                                cancelled: Callable[[], bool] | None = None,
                                round_name: str | None = None) -> Path:
    """Write the consolidated workbook of the provincial ledger to ``out_path``.

    For a reporting round (``round_name``) the matrix, figures and hand-ins are those of each
    unit's package of that round (models.province.consolidate); a unit's own sheet is added
    when its current data is that package (read 截至 the round's cut-off), since the ledger
    keeps only the latest package's entries.

    Saved under a temporary name and renamed when complete; a cancelled export raises
    models.errors.Cancelled and leaves nothing behind.
    """
    from .xlsx_progress import write_progress_sheet

    view = consolidate(ledger, on=on, round_name=round_name)
    wb = Workbook()
    summary_ws = wb.active
    summary_ws.title = SUMMARY_SHEET
    write_summary_sheet(summary_ws, view)
    write_task_sheet(wb.create_sheet(TASK_SHEET), view)
    write_submission_sheet(wb.create_sheet(SUBMISSION_SHEET), view)
    current = current_submissions(ledger)
    reported = units_with_assignments(ledger)
    units = [u for u in view.units if u.submitted_at or u.unit in reported]
    sheets_from = ledger
    if view.round is not None:
        sheets_from = ledger.as_of(view.round.cutoff)
        # The ledger holds the latest package's entries: a unit's sheet only when that
        # package is this round's (by row, not by time: two may be made in one second).
        of_round = current_submissions(ledger, round_name=view.round.name)
        units = [u for u in units if u.unit in of_round and current.get(u.unit)
                 and current[u.unit].id == of_round[u.unit].id]
    for index, line in enumerate(units, 1):
        check_cancel(cancelled)
        made = (line.submitted_at or "")[:10]
        sub = current.get(line.unit)
        ws = wb.create_sheet(_sheet_name(line.unit))
        write_progress_sheet(ws, sheets_from, unit=line.unit,
                             filled_by=sub.contact_person if sub else "",
                             fill_date=date.fromisoformat(made) if made else None)
        if progress:
            progress(index, len(units))
    wb.properties.title = f"{view.plan_year}年任务完成情况全省汇总表" + (
        f"（{view.round.name}）" if view.round is not None else "")
    wb.properties.creator = "TaskLedger"
    wb.active = 0
    check_cancel(cancelled)
    return save_atomically(wb, out_path)


def write_summary_sheet(ws, view: Consolidation) -> dict[str, int]:
    """Fill the 全省汇总 sheet; return where its blocks start (row numbers)."""
    units = view.units
    ncols = LEAD_COLUMNS + len(units) + 1
    set_widths(ws, [6, 16, 30] + [5.2] * len(units) + [9])
    title = f"{view.plan_year}年推动知识产权高质量发展任务完成情况全省汇总表"
    if view.round is not None:
        from models.rounds import as_of_phrase
        title += f"（{view.round.name}，{as_of_phrase(view.round.cutoff)}）"
    put_text(ws.cell(1, 1), title, font=TITLE_FONT, alignment=WRAP_CENTER, border=False)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.row_dimensions[1].height = 30
    put_text(ws.cell(2, 1), f"方案：{view.plan_title}　报送截止：{chinese_date(view.deadline)}　"
                            + ("截至" if view.round is not None else "汇总日期：")
                            + f"{chinese_date(view.on.isoformat())}　"
                            f"已报送：{len(view.submitted)}/{len(units)} 个单位",
             alignment=WRAP_LEFT_MIDDLE, border=False)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncols)

    header = 3
    for col, text in enumerate(("编号", "任务", "落实举措"), 1):
        put_text(ws.cell(header, col), text, font=HEAD_FONT, alignment=WRAP_CENTER)
    for k, line in enumerate(units):
        put_text(ws.cell(header, LEAD_COLUMNS + 1 + k), line.unit, font=HEAD_FONT, alignment=UNIT_HEAD)
    put_text(ws.cell(header, ncols), "已完成单位数", font=HEAD_FONT, alignment=WRAP_CENTER)
    ws.row_dimensions[header].height = 48

    row = header + 1
    task_rows: dict[int, list[int]] = {}
    for measure in view.measures:
        task_rows.setdefault(measure.task_no, [row, row])[1] = row
        put_text(ws.cell(row, 1), measure.code, alignment=WRAP_CENTER)
        put_text(ws.cell(row, 2), f"{measure.task_no}. {measure.task_content}", font=SMALL_FONT)
        put_text(ws.cell(row, 3), measure.text, font=SMALL_FONT)
        done = 0
        for k, line in enumerate(units):
            status = line.statuses.get(measure.code)
            cell = ws.cell(row, LEAD_COLUMNS + 1 + k)
            if view.is_province and line.submitted_at is None:
                # Nothing handed in yet: an empty column reads right, a red 未启动 would not.
                put_text(cell, "" if status else NOT_APPLICABLE, font=SMALL_FONT,
                         alignment=WRAP_CENTER)
                continue
            put_text(cell, status or NOT_APPLICABLE, font=SMALL_FONT, alignment=WRAP_CENTER)
            if status:
                cell.fill = STATUS_FILLS[status]
            done += status == DONE
        put_number(ws.cell(row, ncols), done)
        ws.row_dimensions[row].height = 36
        row += 1
    last_matrix = row - 1
    for task_no, (first, last) in task_rows.items():
        merge(ws, first, 2, last, 2)

    put_text(ws.cell(row, 1), "完成率", font=HEAD_FONT, alignment=WRAP_CENTER)
    merge(ws, row, 1, row, LEAD_COLUMNS)
    for k, line in enumerate(units):
        blank = view.is_province and line.submitted_at is None
        put_number(ws.cell(row, LEAD_COLUMNS + 1 + k), None if blank else round(line.share_done, 4),
                   number_format="0%", font=SMALL_FONT)
    share_row = row
    row += 1
    put_text(ws.cell(row, 1), "报送日期", font=HEAD_FONT, alignment=WRAP_CENTER)
    merge(ws, row, 1, row, LEAD_COLUMNS)
    for k, line in enumerate(units):
        made = line.submitted_at[5:10].replace("-", "/") if line.submitted_at else "未报送"
        put_text(ws.cell(row, LEAD_COLUMNS + 1 + k), made, font=SMALL_FONT, alignment=WRAP_CENTER)
    ws.freeze_panes = ws.cell(header + 1, LEAD_COLUMNS + 1)

    indicator_row = row + 2
    row = _indicator_block(ws, view, indicator_row, ncols)
    late_row = row + 1
    row = _late_block(ws, view, late_row, ncols)
    print_setup(ws, title_rows=f"{header}:{header}")
    ws.print_area = f"A1:{get_column_letter(ncols)}{row - 1}"
    return {"header": header, "first_measure": header + 1, "last_measure": last_matrix,
            "share": share_row, "indicators": indicator_row, "late": late_row}


def _indicator_block(ws, view: Consolidation, row: int, ncols: int) -> int:
    """Indicator totals: per-unit figures under the unit columns; totals in the last column."""
    units = view.units
    put_text(ws.cell(row, 1), INDICATOR_HEADING, font=SECTION_FONT, alignment=WRAP_LEFT_MIDDLE)
    merge(ws, row, 1, row, ncols)
    row += 1
    for col, text in enumerate(("编号", "指标（全省目标）", "落实举措"), 1):
        put_text(ws.cell(row, col), text, font=HEAD_FONT, alignment=WRAP_CENTER)
    for k, line in enumerate(units):
        put_text(ws.cell(row, LEAD_COLUMNS + 1 + k), line.unit, font=HEAD_FONT, alignment=UNIT_HEAD)
    put_text(ws.cell(row, ncols), "全省合计", font=HEAD_FONT, alignment=WRAP_CENTER)
    ws.row_dimensions[row].height = 48
    row += 1
    for item in view.indicators:
        how = "（平均）" if item.aggregate == MEAN else ""
        met = {True: "已达到", False: "未达到", None: "未填报"}[item.met]
        put_text(ws.cell(row, 1), item.measure_code, alignment=WRAP_CENTER)
        put_text(ws.cell(row, 2), f"目标 {item.target}{how}；{met}", font=SMALL_FONT)
        put_text(ws.cell(row, 3), item.measure_text, font=SMALL_FONT)
        for k, line in enumerate(units):
            put_number(ws.cell(row, LEAD_COLUMNS + 1 + k), item.by_unit.get(line.unit),
                       number_format="General", font=SMALL_FONT)
        total = item.total
        put_number(ws.cell(row, ncols), round(total, 6) if total is not None else None,
                   number_format="0.0" if item.aggregate == MEAN else "General")
        ws.row_dimensions[row].height = 36
        row += 1
    return row


def _late_block(ws, view: Consolidation, row: int, ncols: int) -> int:
    put_text(ws.cell(row, 1), LATE_HEADING, font=SECTION_FONT, alignment=WRAP_LEFT_MIDDLE)
    merge(ws, row, 1, row, ncols)
    row += 1
    late = view.late_units
    if not late:
        put_text(ws.cell(row, 1), "无逾期单位", alignment=WRAP_LEFT_MIDDLE)
        merge(ws, row, 1, row, ncols)
        return row + 1
    for line in late:
        put_text(ws.cell(row, 1), line.unit, alignment=WRAP_CENTER)
        merge(ws, row, 1, row, 2)
        parts = []
        if line.late:
            parts.append(f"逾期举措 {len(line.late)} 项：{'、'.join(line.late)}")
        if line.submitted_at is None:
            parts.append("截止日期已过，尚未报送")
        put_text(ws.cell(row, 3), "；".join(parts), font=SMALL_FONT)
        merge(ws, row, 3, row, ncols)
        row += 1
    return row


def write_task_sheet(ws, view: Consolidation) -> None:
    """Sheet 分任务完成情况: units × tasks, "已完成/承担" per cell, coloured by share."""
    tasks = view.tasks
    set_widths(ws, [14] + [7.5] * len(tasks))
    put_text(ws.cell(1, 1), "单位", font=HEAD_FONT, alignment=WRAP_CENTER)
    for c, (no, content, _) in enumerate(tasks, 2):
        put_text(ws.cell(1, c), f"任务{no}", font=HEAD_FONT, alignment=WRAP_CENTER)
    for r, line in enumerate(view.units, 2):
        put_text(ws.cell(r, 1), line.unit, alignment=WRAP_CENTER)
        for c, (no, _, _) in enumerate(tasks, 2):
            cell = ws.cell(r, c)
            tp = line.tasks.get(no)
            if view.is_province and line.submitted_at is None:
                put_text(cell, "", alignment=WRAP_CENTER)
            elif tp is None or not tp.carried:
                put_text(cell, NOT_APPLICABLE, alignment=WRAP_CENTER)
                if tp is not None:
                    cell.fill = STATUS_FILLS[NOT_INVOLVED]
            else:
                put_text(cell, f"{tp.done}/{tp.carried}", alignment=WRAP_CENTER)
                cell.fill = STATUS_FILLS[DONE if tp.done == tp.carried else
                                         IN_PROGRESS if tp.done or tp.in_progress else NOT_STARTED]
    note_row = len(view.units) + 3
    put_text(ws.cell(note_row, 1), "任务：" + "；".join(f"{no}. {content}" for no, content, _ in tasks),
             alignment=WRAP_TOP_LEFT, border=False)
    ws.merge_cells(start_row=note_row, start_column=1, end_row=note_row, end_column=len(tasks) + 1)
    ws.row_dimensions[note_row].height = 150
    ws.freeze_panes = "B2"
    print_setup(ws, title_rows="1:1")


def write_submission_sheet(ws, view: Consolidation) -> None:
    """Sheet 报送情况: one row per unit with submission time, counts and completion share."""
    columns = (("单位", 14), ("报送状态", 10), ("材料包制作时间", 20), ("导入时间", 20),
               ("已完成", 8), ("推进中", 8), ("未启动", 8), ("不涉及", 8), ("完成率", 8),
               ("逾期举措", 8))
    set_widths(ws, [w for _, w in columns])
    for col, (text, _) in enumerate(columns, 1):
        put_text(ws.cell(1, col), text, font=HEAD_FONT, alignment=WRAP_CENTER)
    for r, line in enumerate(view.units, 2):
        put_text(ws.cell(r, 1), line.unit, alignment=WRAP_CENTER)
        state = ("省局直接填报" if line.recorded_directly
                 else "逾期报送" if line.handed_in_late
                 else "已报送" if line.submitted_at else "未报送")
        put_text(ws.cell(r, 2), state, alignment=WRAP_CENTER)
        put_text(ws.cell(r, 3), (line.submitted_at or "")[:19].replace("T", " "), alignment=WRAP_CENTER)
        put_text(ws.cell(r, 4), (line.imported_at or "")[:19].replace("T", " "), alignment=WRAP_CENTER)
        for c, status in enumerate((DONE, IN_PROGRESS, NOT_STARTED, NOT_INVOLVED), 5):
            put_number(ws.cell(r, c), line.counts.get(status, 0))
        put_number(ws.cell(r, 9), round(line.share_done, 4), number_format="0.0%")
        put_number(ws.cell(r, 10), len(line.late))
        if not line.submitted_at:
            ws.cell(r, 2).fill = STATUS_FILLS[NOT_STARTED]
    ws.freeze_panes = "B2"
    print_setup(ws, title_rows="1:1", landscape=False)


def _sheet_name(unit: str) -> str:
    bad = '[]:*?/\\'
    return "".join("_" if ch in bad else ch for ch in unit)[:31] or "单位"
