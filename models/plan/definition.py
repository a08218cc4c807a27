"""The plan as data: the shape every task-list reader produces and the ledger stores.

A plan definition is a plain dict (it is what resources/plans/*.json hold):

    {"year", "title", "subject", "issuer", "doc_no", "deadline", "recipient", "annex_title",
     "units": [{"name", "kind"}],
     "sections": [{"title", "tasks": [{"no", "content", "measures":
                                       [{"text", "responsibility", "deadline"?}]}]}]}

``responsibility`` is the 责任地市 cell as written; an empty string means "same as the row
above" because the original merges that cell vertically.
"""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from ..errors import PlanFormatError
from ..paths import resource_path

BUILTIN_PLAN = "henan-ip-2021.json"
BUILTIN_UNITS = "henan-2021.json"

_SUBJECT_RE = re.compile(r"^(?:\S{1,4}?[省市区])?(?P<subject>.+?)(?:年度)?(?:实施方案|工作方案|方案)")


def subject_from_title(title: str) -> str:
    """The work the plan is about, as used in report titles.

    "河南省推动知识产权高质量发展年度实施方案（2021）" → "推动知识产权高质量发展".
    """
    match = _SUBJECT_RE.match(title)
    return match.group("subject") if match else title


def load_units(name: str = BUILTIN_UNITS) -> list[dict]:
    """The bundled unit list ``name`` (resources/units), in its official order."""
    data = json.loads(resource_path("units", name).read_text(encoding="utf-8"))
    return [dict(u) for u in data["units"]]


def load_builtin_plan() -> dict:
    """The built-in 2021 Henan plan, with its unit list attached."""
    return load_plan_json(resource_path("plans", BUILTIN_PLAN))


def load_plan_json(path: Path) -> dict:
    """Read a plan definition saved as JSON and check it."""
    try:
        plan = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PlanFormatError(f"无法读取任务清单文件 {path}：{exc}") from None
    if not isinstance(plan, dict):
        raise PlanFormatError(f"{path} 不是任务清单（JSON 顶层应为对象）")
    if "units" not in plan:
        plan["units"] = load_units(plan.get("units_list", BUILTIN_UNITS))
    validate_plan(plan, source=str(path))
    return plan


def _check_divisions(plan: dict, measure: dict, where: str) -> None:
    """A provincial plan file may name, for a "--" measure, the divisions (处室) carrying it:
    each must be on the plan's unit list as a division."""
    names = measure.get("divisions")
    if names is None:
        return
    divisions = {u.get("name") for u in plan.get("units", [])
                 if isinstance(u, dict) and u.get("kind") == "division"}
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise PlanFormatError(f"{where} 的处室分工格式不对（应为处室名称的列表）")
    unknown = [n for n in names if n not in divisions]
    if unknown:
        raise PlanFormatError(f"{where} 分配给的“{unknown[0]}”不在单位名单的处室中")


def validate_plan(plan: dict, *, source: str = "任务清单") -> None:
    """Raise PlanFormatError naming the first thing that makes ``plan`` unusable."""
    for key in ("year", "title", "sections"):
        if not plan.get(key):
            raise PlanFormatError(f"{source}：缺少“{key}”")
    try:
        date.fromisoformat(str(plan.get("deadline") or f"{plan['year']}-12-31"))
    except ValueError:
        raise PlanFormatError(f"{source}：报送截止日期“{plan.get('deadline')}”不是 YYYY-MM-DD 格式") from None
    seen_numbers = set()
    for s_index, section in enumerate(plan["sections"], 1):
        if not section.get("title"):
            raise PlanFormatError(f"{source}：第{s_index}个部分没有标题")
        for task in section.get("tasks", []):
            no = task.get("no")
            if not isinstance(no, int) or no < 1:
                raise PlanFormatError(f"{source}：“{section['title']}”下有任务编号无效：{no!r}")
            if no in seen_numbers:
                raise PlanFormatError(f"{source}：任务编号 {no} 重复")
            seen_numbers.add(no)
            if not task.get("measures"):
                raise PlanFormatError(f"{source}：任务 {no} 没有落实举措")
            for m_index, measure in enumerate(task["measures"], 1):
                if not str(measure.get("text", "")).strip():
                    raise PlanFormatError(f"{source}：举措 {no}.{m_index} 内容为空")
                _check_divisions(plan, measure, f"{source}：举措 {no}.{m_index}")
    if not seen_numbers:
        raise PlanFormatError(f"{source}：没有任何任务")
    first = plan["sections"][0]["tasks"][0]["measures"][0] if plan["sections"][0].get("tasks") else None
    if first is not None and not str(first.get("responsibility", "")).strip():
        raise PlanFormatError(f"{source}：第一条举措的责任地市为空，无法沿用上一行")
