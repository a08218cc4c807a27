"""Read a task list from a file, choosing the reader by its type.

Every reader checks the whole file before returning; nothing is written here.
"""
from __future__ import annotations

from pathlib import Path

from .errors import PlanFormatError
from .plan_def import load_plan_json

READERS_BY_SUFFIX = {".json": "json", ".txt": "text"}


def read_plan_file(path: Path) -> dict:
    """A checked plan definition from ``path`` (.json, .txt; more formats register below)."""
    path = Path(path)
    if not path.is_file():
        raise PlanFormatError(f"找不到任务清单文件：{path}")
    suffix = path.suffix.lower()
    if suffix == ".json":
        return load_plan_json(path)
    if suffix == ".txt":
        from .plan_text import parse_plan_text
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise PlanFormatError(f"{path.name}：不是 UTF-8 文本文件") from None
        return parse_plan_text(text, source=path.name)
    raise PlanFormatError(f"{path.name}：不支持的任务清单格式“{suffix or '无扩展名'}”"
                          "（支持 .json、.txt）")
