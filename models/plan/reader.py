"""Read a task list from a file, choosing the reader by its type.

Every reader checks the whole file before returning; nothing is written here.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import PlanFormatError
from .definition import load_plan_json

READERS_BY_SUFFIX = {".json": "json", ".txt": "text", ".xlsx": "excel", ".docx": "word"}
MAX_TEXT_BYTES = 5 * 1024 * 1024
MAX_FILE_BYTES = 100 * 1024 * 1024


def read_plan_file(path: Path) -> dict:
    """A checked plan definition from ``path`` (.json, .txt, .xlsx, .docx).

    The whole file is read and checked before anything is returned; a file that is not a
    task list, is damaged or password-protected, or has a row that cannot be placed raises
    PlanFormatError naming the sheet/table, the row and the problem.
    """
    path = Path(path)
    if not path.is_file():
        raise PlanFormatError(f"找不到任务清单文件：{path}")
    suffix = path.suffix.lower()
    if path.stat().st_size > MAX_FILE_BYTES:
        raise PlanFormatError(f"{path.name}：文件过大（超过 {MAX_FILE_BYTES // 1024 // 1024} MB），不像任务清单")
    if suffix == ".json":
        return load_plan_json(path)
    if suffix == ".txt":
        return read_plan_text_file(path)
    if suffix in (".xlsx", ".xlsm"):
        from .xlsx import read_plan_xlsx
        return read_plan_xlsx(path)
    if suffix == ".docx":
        from .docx import read_plan_docx
        return read_plan_docx(path)
    if suffix in (".xls", ".doc", ".wps", ".et"):
        raise PlanFormatError(f"{path.name}：旧版 Office/WPS 格式（{suffix}）无法直接读取，"
                              "请在 WPS/Office 中另存为 .xlsx 或 .docx 再导入")
    raise PlanFormatError(f"{path.name}：不支持的任务清单格式“{suffix or '无扩展名'}”"
                          "（支持 .json、.txt、.xlsx、.docx）")


def read_plan_text_file(path: Path) -> dict:
    """A .txt task list: the notice saved as text with its annex table (tab-led cells, as the
    built-in plan's seed), or a list written as running text (一、（一）1.… with units)."""
    if path.stat().st_size > MAX_TEXT_BYTES:
        raise PlanFormatError(f"{path.name}：文本文件过大（超过 {MAX_TEXT_BYTES // 1024 // 1024} MB），"
                              "不像任务清单")
    raw = path.read_bytes()
    if b"\0" in raw[:8192]:
        raise PlanFormatError(f"{path.name}：不是文本文件")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise PlanFormatError(f"{path.name}：不是 UTF-8 或 GBK 文本文件")
    from .text import is_notice_with_annex_table, parse_plan_text
    if is_notice_with_annex_table(text):
        return parse_plan_text(text, source=path.name)
    from .running_text import plan_from_running_text
    lines = [(f"第{n}行", line) for n, line in enumerate(text.splitlines(), 1)]
    plan = plan_from_running_text(lines, source=path.name)
    if plan is None:
        raise PlanFormatError(f"{path.name}：不是任务清单：没有“附件”任务清单表格，"
                              "也没有注明责任单位的条目（如“1.……（市知识产权局负责）”）")
    return plan
