"""Read a task list sent as an Excel workbook (.xlsx).

The first visible sheet whose first rows hold a task-list header is read; merged cells become
"continues from above / from the left" so that grid.py sees the layout as the clerk does.
A workbook written by ``export tasklist`` carries the plan's facts (title, document number,
deadline…) in its document properties, so the round trip gives back the same plan.
"""
from __future__ import annotations

import json
import zipfile
from datetime import date, datetime, time
from pathlib import Path

from ..errors import PlanFormatError
from .grid import DOWN, LEFT, Cell, GridRow, find_header, plan_from_grid

# Our own task-list export marks its workbook with this identifier (core properties).
TASKLIST_IDENTIFIER = "taskledger-plan"
MAX_ROWS, MAX_COLS = 5000, 40
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_office_zip(path: Path, *, member: str, kind: str, old_suffix: str) -> None:
    """Refuse, with a clear reason, a file that is not the Office Open XML file it claims to be.

    An encrypted (password-protected) .xlsx/.docx is an OLE compound file holding an
    "EncryptedPackage" stream; an old .xls/.doc is an OLE file without one.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
            if head == OLE_MAGIC:
                body = head + handle.read(8 * 1024 * 1024)
                if "EncryptedPackage".encode("utf-16-le") in body or b"EncryptionInfo" in body \
                        or "EncryptionInfo".encode("utf-16-le") in body:
                    raise PlanFormatError(f"{path.name}：文件受密码保护（已加密），无法读取。"
                                          f"请在 WPS/Office 中取消密码后另存为 {path.suffix} 再导入")
                raise PlanFormatError(f"{path.name}：这是旧版{kind}格式（{old_suffix}），"
                                      f"请在 WPS/Office 中另存为 {path.suffix} 再导入")
    except OSError as exc:
        raise PlanFormatError(f"{path.name}：无法打开文件（{exc.strerror or exc}）") from None
    if not zipfile.is_zipfile(path):
        raise PlanFormatError(f"{path.name}：文件已损坏或不是{kind}文件（{path.suffix}）")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            bad = archive.testzip()
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError) as exc:
        raise PlanFormatError(f"{path.name}：文件已损坏，无法解压（{exc}）") from None
    if member not in names:
        raise PlanFormatError(f"{path.name}：不是{kind}文件（缺少 {member}）")
    if bad is not None:
        raise PlanFormatError(f"{path.name}：文件已损坏（{bad} 校验失败）")


def read_plan_xlsx(path: Path) -> dict:
    """A checked plan definition from an .xlsx task list; PlanFormatError when it is not one."""
    path = Path(path)
    check_office_zip(path, member="xl/workbook.xml", kind="Excel 工作簿", old_suffix=".xls")
    from openpyxl import load_workbook
    try:
        wb = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise PlanFormatError(f"{path.name}：无法读取工作簿（{type(exc).__name__}: {exc}）") from None
    try:
        meta = _our_meta(wb)
        tried = []
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            tried.append(ws.title)
            rows = sheet_grid(ws)
            header = find_header(rows)
            if header is None:
                continue
            titles = [c.text for r in rows[:header.index] for c in r.cells if c.text.strip()
                      and not c.cont]
            return plan_from_grid(rows, header, source=f"{path.name}", title_lines=titles,
                                  meta=meta)
    finally:
        wb.close()
    raise PlanFormatError(
        f"{path.name}：不是任务清单：工作表（{'、'.join(tried) or '无'}）的前几行中找不到表头"
        "（需要“任务内容/重点任务”和“落实举措/工作措施”两列）")


def sheet_grid(ws) -> list[GridRow]:
    """The sheet as rows of cells, merges marked (continuation from above or from the left)."""
    max_row = min(ws.max_row or 0, MAX_ROWS)
    max_col = min(ws.max_column or 0, MAX_COLS)
    grid = [[Cell() for _ in range(max_col)] for _ in range(max_row)]
    for row in ws.iter_rows(min_row=1, max_row=max_row, max_col=max_col):
        for cell in row:
            value = cell.value
            if value is None or not hasattr(cell, "column") or cell.column > max_col:
                continue
            grid[cell.row - 1][cell.column - 1] = Cell(text=_text(value), value=_date_value(value))
    for merged in ws.merged_cells.ranges:
        for r in range(merged.min_row, min(merged.max_row, max_row) + 1):
            for c in range(merged.min_col, min(merged.max_col, max_col) + 1):
                if (r, c) == (merged.min_row, merged.min_col):
                    continue
                grid[r - 1][c - 1] = Cell(cont=LEFT if r == merged.min_row else DOWN)
    return [GridRow(where=f"工作表“{ws.title}”第{index}行", cells=cells)
            for index, cells in enumerate(grid, 1)]


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _date_value(value):
    return value if isinstance(value, (date, datetime)) else None


def _our_meta(wb) -> dict:
    props = wb.properties
    if (props.identifier or "") != TASKLIST_IDENTIFIER:
        return {}
    try:
        meta = json.loads(props.description or "{}")
    except json.JSONDecodeError:
        return {}
    if not isinstance(meta, dict):
        return {}
    keep = ("year", "period", "title", "subject", "issuer", "doc_no", "deadline", "recipient",
            "annex_title", "units_source")
    found = {k: meta[k] for k in keep if meta.get(k)}
    units = meta.get("units")
    if isinstance(units, list) and units and all(
            isinstance(u, dict) and isinstance(u.get("name"), str) and u["name"] for u in units):
        found["units"] = [{"name": u["name"], "kind": str(u.get("kind", "other"))} for u in units]
    return found
