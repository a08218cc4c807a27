"""Read a task list sent as an Excel workbook (.xlsx).

The first visible sheet whose first rows hold a task-list header is read; merged cells become
"continues from above / from the left" so that grid.py sees the layout as the clerk does.
A workbook written by ``export tasklist`` carries the plan's facts (title, document number,
deadline…) in its document properties, so the round trip gives back the same plan.
"""
from __future__ import annotations

import json
import re
import zipfile
import zlib
from datetime import date, datetime, time
from pathlib import Path

from ..errors import PlanFormatError
from .grid import DOWN, LEFT, Cell, GridRow, find_header, plan_from_grid

# Our own task-list export marks its workbook with this identifier (core properties).
TASKLIST_IDENTIFIER = "taskledger-plan"
MAX_ROWS, MAX_COLS = 5000, 40
# A task list is a few hundred KB: these bound what a hostile file can make us unpack.
MAX_OFFICE_BYTES = 50 * 1024 * 1024          # the file itself
MAX_UNPACKED_BYTES = 300 * 1024 * 1024       # all its members, as they declare their sizes
MAX_MEMBERS = 5000
MAX_MERGED_CELLS = MAX_ROWS * MAX_COLS       # the cells one merged range may cover
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
    if path.stat().st_size > MAX_OFFICE_BYTES:
        raise PlanFormatError(f"{path.name}：文件过大（超过 {MAX_OFFICE_BYTES // 1024 // 1024} MB），"
                              "不像任务清单")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_MEMBERS:
                raise PlanFormatError(f"{path.name}：文件内含 {len(infos)} 个部件，超过上限 {MAX_MEMBERS}")
            unpacked = sum(info.file_size for info in infos)
            if unpacked > MAX_UNPACKED_BYTES:
                # Declared sizes bound what zipfile will read: a member cannot grow past its own.
                raise PlanFormatError(f"{path.name}：解压后超过 {MAX_UNPACKED_BYTES // 1024 // 1024} MB，"
                                      "不像任务清单（可能是压缩炸弹）")
            names = {info.filename for info in infos}
            bad = archive.testzip()
            if bad is None and member == "xl/workbook.xml":
                _check_sheets(path, archive)
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError, zlib.error) as exc:
        raise PlanFormatError(f"{path.name}：文件已损坏，无法解压（{exc}）") from None
    if member not in names:
        raise PlanFormatError(f"{path.name}：不是{kind}文件（缺少 {member}）")
    if bad is not None:
        raise PlanFormatError(f"{path.name}：文件已损坏（{bad} 校验失败）")


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')
_VALUE_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*\br="([A-Z]{1,3})(\d{1,7})"[^>]*>\s*<(?:\w+:)?(?:v|is)\b')


def _check_sheets(path: Path, archive: zipfile.ZipFile) -> None:
    """Before openpyxl loads anything: refuse a sheet whose merged range would make it build
    millions of cells (D1:XFD1048576 took 6.8 GB), and a sheet with more rows or columns of
    data than a task list may have (rows past the limit must not vanish in silence)."""
    for info in archive.infolist():
        if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
            continue
        data = archive.read(info)
        for match in _MERGE.finditer(data):
            c1, r1, c2, r2 = match.groups()
            rows = abs(int(r2) - int(r1)) + 1
            cols = abs(_column(c2) - _column(c1)) + 1
            if rows * cols > MAX_MERGED_CELLS:
                raise PlanFormatError(
                    f"{path.name}：合并单元格 {match.group(1).decode()}{int(r1)}:"
                    f"{match.group(3).decode()}{int(r2)} 覆盖 {rows * cols} 个单元格，"
                    f"超过上限 {MAX_MERGED_CELLS}，不像任务清单")
        last_row = last_col = 0
        for match in _VALUE_CELL.finditer(data):
            last_row = max(last_row, int(match.group(2)))
            last_col = max(last_col, _column(match.group(1)))
        if last_row > MAX_ROWS:
            raise PlanFormatError(f"{path.name}：工作表有 {last_row} 行内容，超过上限 {MAX_ROWS} 行；"
                                  "请分成几个文件或删去多余的行")
        if last_col > MAX_COLS:
            raise PlanFormatError(f"{path.name}：工作表有 {last_col} 列内容，超过上限 {MAX_COLS} 列")


def _column(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


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
