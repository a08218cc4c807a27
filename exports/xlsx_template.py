"""Write the unit's progress into a copy of the workbook the province sent.

Rows are matched to measures by task number and measure text compared without spaces and
punctuation — never by position or similarity. A row that does not match exactly is listed in
the report and left as it was; so is a measure of the unit that no row carries. Progress
columns the sheet lacks (完成情况, 工作进展, 佐证材料, 存在问题, 下一步打算) are added to the
right of the table; every other cell, style, merge and sheet stays as the province made it.
(openpyxl does not carry pictures, charts or shapes over: a template holding them is refused.)
"""
from __future__ import annotations

import unicodedata
import zipfile
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from openpyxl.cell.cell import MergedCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from models.errors import LedgerError, PlanFormatError
from models.plan.grid import (cn_number, find_header, no_column_numbers_tasks, normalize_header,
                              split_task_number)
from models.plan.numbering import split_number
from models.plan.xlsx import check_office_zip, sheet_grid
from models.status import STATUSES
from models.summary import evidence_numbers
from models.wording import entry_line

from .text_width import MAX_ROW_HEIGHT_PT, height_for
from .xlsx_style import (BODY_FONT, THIN_BORDER, WRAP_TOP_LEFT, check_cancel,
                         clean_text, FORMULA_LEADS, save_atomically)

# Progress columns by the names provinces give them; the first name is the one we add.
PROGRESS_FIELDS = {
    "status": ("完成情况", "完成状态", "进展状态", "是否完成", "完成进度"),
    "progress": ("工作进展", "进展情况", "推进情况", "落实情况", "工作完成情况", "工作开展情况",
                 "完成情况说明"),
    "evidence": ("佐证材料", "佐证材料名称", "支撑材料", "证明材料", "佐证"),
    "problems": ("存在问题", "存在的问题", "问题"),
    "next_steps": ("下一步打算", "下步打算", "下一步工作打算", "下一步计划", "下步工作打算"),
}
NEW_COLUMN_WIDTHS = {"status": 10, "progress": 40, "evidence": 22, "problems": 18, "next_steps": 18}


class TemplateError(LedgerError):
    """The province's workbook cannot be filled (no task-list table, nothing matches…)."""


@dataclass
class UnmatchedRow:
    """A row of the province's table that matched no measure (left untouched)."""
    where: str
    text: str
    reason: str


@dataclass
class TemplateReport:
    """What fill_province_template did."""
    out_path: Path
    sheet: str
    filled: list[tuple[str, str]] = field(default_factory=list)     # (where, measure id)
    skipped: list[tuple[str, str]] = field(default_factory=list)    # rows of measures the unit does not report on
    unmatched: list[UnmatchedRow] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)                # the unit's measures no row carries
    added_columns: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report as lines of Chinese for the CLI and the window."""
        out = [f"已填写工作表“{self.sheet}”中的 {len(self.filled)} 行举措：{self.out_path}"]
        if self.added_columns:
            out.append(f"新增列：{'、'.join(self.added_columns)}")
        if self.skipped:
            out.append(f"本单位无需填报的举措行 {len(self.skipped)} 行，保持原样")
        for item in self.unmatched:
            out.append(f"未能匹配：{item.where}：{item.reason}（“{item.text[:30]}”）")
        if self.missing:
            out.append(f"表中找不到本单位的举措：{'、'.join(self.missing)}")
        return out


_PUNCT_CATEGORIES = ("P", "S", "Z", "C")


def normalize_text(text: str) -> str:
    """Text compared without spaces, line breaks, punctuation or symbols; full-width folded."""
    text = unicodedata.normalize("NFKC", str(text or ""))
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in _PUNCT_CATEGORIES)


def _field_of(header_text: str) -> str | None:
    key = normalize_header(header_text)
    for name, words in PROGRESS_FIELDS.items():
        if key in words:
            return name
    return None


def fill_province_template(ledger, template_path: Path, out_path: Path, *,
                           unit: str | None = None,
                           progress: Callable[[int, int], None] | None = None,
                           cancelled: Callable[[], bool] | None = None) -> TemplateReport:
    """Copy the province's workbook to ``out_path`` with ``unit``'s progress filled in.

    Returns a TemplateReport listing filled rows, rows that did not match (left untouched),
    the unit's measures no row carries, and columns added. The template itself is never
    written; ``out_path`` appears only when complete.
    """
    template_path, out_path = Path(template_path), Path(out_path)
    unit = ledger.check_unit(unit)
    if out_path.resolve() == template_path.resolve():
        raise TemplateError("输出文件不能与省里发来的原表相同（原表保持不变，请另选保存位置）")
    try:
        check_office_zip(template_path, member="xl/workbook.xml", kind="Excel 工作簿",
                         old_suffix=".xls")
    except PlanFormatError as exc:
        raise TemplateError(str(exc)) from None
    _refuse_drawings(template_path)
    from openpyxl import load_workbook
    try:
        # Written as .xlsx: macros of an .xlsm are not carried into the copy.
        wb = load_workbook(template_path)
    except Exception as exc:
        raise TemplateError(f"{template_path.name}：无法读取工作簿（{type(exc).__name__}: {exc}）") from None

    ws, grid, header = _pick_sheet(wb, unit, template_path.name)
    report = TemplateReport(out_path=out_path, sheet=ws.title)
    columns = _progress_columns(ws, grid, header, report)

    plan = ledger.plan()
    rows_by_id = {r.code: r for r in ledger.measures(unit=unit)}
    by_task = {t.no: t for s in plan.sections for t in s.tasks}
    numbers: dict[str, list[str]] = {}
    for item in evidence_numbers(ledger, unit=unit):
        numbers.setdefault(item.measure_code, []).append(item.package_name)

    cols = dict(header.columns)
    # a one-level list (序号 | 重点工作任务 | 责任单位): the task's text is its measure's too
    cols.setdefault("task", header.text_column)
    cols.setdefault("measure", header.text_column)
    use_no_column = no_column_numbers_tasks(grid, header)
    last_row = header.index                  # the last header row (of one or two)
    current_task = None
    seen: set[str] = set()
    data_rows = grid[last_row + 1:]
    status_rows: list[int] = []
    for done, grow in enumerate(data_rows, 1):
        check_cancel(cancelled)
        r = last_row + 1 + done   # 1-based sheet row
        cells = grow.cells
        task_cell = cells[cols["task"]] if cols["task"] < len(cells) else None
        measure_cell = cells[cols["measure"]] if cols["measure"] < len(cells) else None
        starts_task = task_cell is not None and not task_cell.cont and bool(task_cell.text.strip())
        if measure_cell is None or measure_cell.cont or not measure_cell.text.strip():
            if starts_task:
                current_task = None     # a section row (or a note) ends the task above
            continue
        text = measure_cell.text.strip()
        if starts_task:
            current_task = _task_of(grow, cols, use_no_column)
        measure_id, reason = _match(current_task, text, by_task, plan)
        if measure_id is None:
            report.unmatched.append(UnmatchedRow(grow.where, text, reason))
            continue
        if measure_id in seen:
            report.unmatched.append(UnmatchedRow(grow.where, text, f"与上方某行同为举措 {measure_id}，重复"))
            continue
        seen.add(measure_id)
        row = rows_by_id.get(measure_id)
        if row is None:
            report.skipped.append((grow.where, measure_id))
            continue
        detail = ledger.measure(measure_id, unit=unit)
        values = {
            "status": row.status,
            "progress": "\n".join(entry_line(e) for e in detail.entries),
            "evidence": "\n".join(numbers.get(measure_id, [])),
            "problems": row.problems,
            "next_steps": row.next_steps,
        }
        style_from = ws.cell(r, cols["measure"] + 1)
        for name, col in columns.items():
            target = ws.cell(r, col)
            if isinstance(target, MergedCell):
                report.unmatched.append(UnmatchedRow(grow.where, text, f"“{PROGRESS_FIELDS[name][0]}”单元格是合并单元格，未填写"))
                continue
            _write(target, values[name], style_from)
        status_rows.append(r)
        _grow_row(ws, r, columns, values)
        report.filled.append((grow.where, measure_id))
        if progress:
            progress(done, len(data_rows))

    _frame_added_columns(ws, grid, header, columns, report)
    report.missing = [mid for mid in rows_by_id if mid not in seen]
    if not report.filled:
        raise TemplateError(f"{template_path.name}：工作表“{ws.title}”中没有一行能与本单位的举措对应"
                            f"（按任务序号和举措原文匹配），未生成文件")
    _dropdown(ws, columns["status"], status_rows)
    check_cancel(cancelled)
    save_atomically(wb, out_path)
    return report


def _frame_added_columns(ws, grid, header, columns: dict[str, int], report: TemplateReport) -> None:
    """Give the columns we added the table's cell borders down to its last row, so the copy
    prints as one table."""
    added = [col for name, col in columns.items() if PROGRESS_FIELDS[name][0] in report.added_columns]
    first = header.index + 2
    last = max((i + 1 for i, row in enumerate(grid) if any(c.text.strip() or c.cont for c in row.cells)),
               default=first)
    measure_col = header.text_column + 1
    for r in range(first, last + 1):
        source = ws.cell(r, measure_col)
        for col in added:
            cell = ws.cell(r, col)
            if not isinstance(cell, MergedCell) and not cell.has_style:
                cell.border = copy(source.border) if source.has_style else THIN_BORDER


def _refuse_drawings(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        if any(n.startswith(("xl/drawings/", "xl/charts/", "xl/media/")) for n in archive.namelist()):
            raise TemplateError(f"{path.name}：工作簿中有图片、图表或图形，填写后会丢失，未处理。"
                                "请删除它们后再试，或改用 export xlsx 生成本单位的完成情况表")


def _pick_sheet(wb, unit: str, name: str):
    found = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        grid = sheet_grid(ws)
        header = find_header(grid)
        if header is not None:
            found.append((ws, grid, header))
    if not found:
        raise TemplateError(f"{name}：找不到任务清单表格（需要“任务内容/重点任务”和“落实举措/工作措施”"
                            "两列的表头）")
    for item in found:
        if unit in item[0].title:
            return item
    return found[0]


def _progress_columns(ws, grid, header, report: TemplateReport) -> dict[str, int]:
    """1-based column of each progress field, adding the missing ones after the table."""
    head_rows = list(header.rows)
    columns: dict[str, int] = {}
    last_col = 0
    for index in head_rows:
        for col, cell in enumerate(grid[index].cells, 1):
            if cell.text.strip() or cell.cont:
                last_col = max(last_col, col)
            name = _field_of(cell.text) if not cell.cont else None
            if name and name not in columns:
                columns[name] = col
    header_row = header.rows[0] + 1
    style_from = ws.cell(header_row, max(last_col, 1))
    for name in PROGRESS_FIELDS:
        if name in columns:
            continue
        last_col += 1
        columns[name] = last_col
        cell = ws.cell(header_row, last_col)
        cell.value = PROGRESS_FIELDS[name][0]
        _copy_style(style_from, cell)
        if len(head_rows) == 2:
            ws.cell(header_row + 1, last_col).border = copy(style_from.border)
            ws.merge_cells(start_row=header_row, start_column=last_col,
                           end_row=header_row + 1, end_column=last_col)
        ws.column_dimensions[get_column_letter(last_col)].width = NEW_COLUMN_WIDTHS[name]
        report.added_columns.append(PROGRESS_FIELDS[name][0])
    return columns


def _copy_style(source, target) -> None:
    if source.has_style:
        target.font = copy(source.font)
        target.border = copy(source.border)
        target.fill = copy(source.fill)
        target.alignment = copy(source.alignment)
    else:
        target.font = BODY_FONT
        target.border = THIN_BORDER
        target.alignment = WRAP_TOP_LEFT


def _write(cell, value: str, style_from) -> None:
    text = clean_text(value)
    if not cell.has_style:
        _copy_style(style_from, cell)
        cell.alignment = copy(WRAP_TOP_LEFT)
    cell.value = text or None
    if text:
        cell.data_type = "s"
        cell.quotePrefix = text.startswith(FORMULA_LEADS)


def _grow_row(ws, r: int, columns: dict[str, int], values: dict[str, str]) -> None:
    need = 0.0
    for name, col in columns.items():
        width = ws.column_dimensions[get_column_letter(col)].width or 13
        need = max(need, height_for(values[name], width, 11))
    current = ws.row_dimensions[r].height or 15
    if need > current:
        ws.row_dimensions[r].height = min(need, MAX_ROW_HEIGHT_PT)


def _dropdown(ws, col: int, rows: list[int]) -> None:
    if not rows:
        return
    dv = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True)
    letter = get_column_letter(col)
    for r in rows:
        dv.add(f"{letter}{r}")
    ws.add_data_validation(dv)


def _task_of(grow, cols, use_no_column: bool):
    """(task number or None, normalized task content) of a row that starts a task."""
    cells = grow.cells
    text = cells[cols["task"]].text
    number, content = split_task_number(text)
    no_col = cols.get("no")
    if use_no_column and no_col is not None and no_col < len(cells) and not cells[no_col].cont \
            and cells[no_col].text.strip():
        explicit = cn_number(cells[no_col].text)
        if explicit is not None:
            number = explicit
    return number, normalize_text(content)


def _match(current_task, text: str, by_task, plan) -> tuple[str | None, str]:
    # The plan keeps the list's own numbering apart ("（1）加强…" is number "（1）", text "加强…").
    keys = {normalize_text(text), normalize_text(split_number(text)[1])}
    return _match_keys(current_task, keys, by_task, plan)


def _match_keys(current_task, keys: set[str], by_task, plan) -> tuple[str | None, str]:
    if current_task is None:
        hits = [m.code for m in plan.measures() if normalize_text(m.text) in keys]
        if len(hits) == 1:
            return hits[0], ""
        return None, "找不到所属任务，且举措原文不能唯一对应"
    number, task_key = current_task
    task = by_task.get(number) if number is not None else None
    if task is None and task_key:
        same = [t for t in by_task.values() if normalize_text(t.content) == task_key]
        task = same[0] if len(same) == 1 else None
    if task is None:
        return None, f"方案中没有任务 {number}" if number is not None else "任务内容与方案不一致"
    if number is not None and task_key and normalize_text(task.content) != task_key:
        return None, f"任务 {number} 的任务内容与方案不一致"
    hits = [m.code for m in task.measures if normalize_text(m.text) in keys]
    if len(hits) == 1:
        return hits[0], ""
    return None, f"任务 {task.no} 下没有原文相同的举措"
