"""Read a task list from a file, choosing the reader by its type.

Every reader checks the whole file before returning; nothing is written here.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import PlanFormatError
from .definition import load_plan_json

READERS_BY_SUFFIX = {".json": "json", ".txt": "text", ".xlsx": "excel", ".docx": "word"}


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
    if suffix == ".json":
        return load_plan_json(path)
    if suffix == ".txt":
        from .text import parse_plan_text
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise PlanFormatError(f"{path.name}：不是 UTF-8 文本文件") from None
        return parse_plan_text(text, source=path.name)
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
