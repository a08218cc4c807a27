"""The plan as data: the shape every task-list reader produces and the ledger stores.

A plan definition is a plain dict (it is what resources/plans/*.json hold):

    {"year", "period"?, "title", "subject", "issuer", "doc_no", "deadline", "recipient",
     "annex_title", "units": [{"name", "kind"}], "units_source"?,
     "rounds"?: [{"name", "cutoff", "due"}],
     "responsibility_inherits"?, "reading"?,
     "sections": [{"title", "tasks": [{"no", "content", "measures":
                   [{"text", "responsibility", "deadline"?, "deadline_text"?, "target"?,
                     "number"?, "extra"?: [[column, text], …]}]}]}]}

``responsibility`` is the unit text as written (责任地市 cell, or 牵头单位：…；配合单位：…
composed from two columns, or the bracket after a running-text item). In a table an empty
string means "same as the row above" because the original merges that cell vertically;
``responsibility_inherits`` False (running text) means an empty one names nobody.
``deadline`` is the date the 完成时限 names (absent when it names none), ``deadline_text`` the
完成时限 as written. ``period`` is "2021" or "2022—2023". ``reading`` says how a file was read
(layout, columns, columns kept as text); it is shown in the preview and not stored.
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
    from ..errors import InvalidInput
    from ..inputs import load_json
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_JSON_BYTES + 1)
        plan = load_json(raw, what=f"任务清单文件 {Path(path).name} ", max_bytes=MAX_JSON_BYTES)
    except OSError as exc:
        raise PlanFormatError(f"无法读取任务清单文件 {path}：{exc.strerror or exc}") from None
    except InvalidInput as exc:
        raise PlanFormatError(str(exc)) from None
    if not isinstance(plan, dict):
        raise PlanFormatError(f"{path} 不是任务清单（JSON 顶层应为对象）")
    _check_shape(plan, str(Path(path).name))
    if "units" not in plan:
        units_list = plan.get("units_list", BUILTIN_UNITS)
        # Only a list shipped with the program: a file must not make us read another path.
        if (not isinstance(units_list, str) or Path(units_list).name != units_list
                or not resource_path("units", units_list).is_file()):
            raise PlanFormatError(f"{Path(path).name}：单位名单“{units_list}”不是程序自带的名单")
        plan["units"] = load_units(units_list)
        plan.setdefault("units_source", Path(plan.get("units_list", BUILTIN_UNITS)).stem)
    validate_plan(plan, source=str(path))
    return plan


# What one plan may hold: a hostile or broken file is refused, not stored.
MAX_JSON_BYTES = 20 * 1024 * 1024
MAX_TASKS, MAX_MEASURES = 2000, 5000
MAX_TEXT, MAX_UNIT_TEXT, MAX_SHORT = 5000, 2000, 200
MAX_EXTRA_COLUMNS = 20


def _check_shape(plan: dict, source: str) -> None:
    """Every level of a plan file is the kind of value it must be (a list of objects, text…),
    so that checking and storing it never trips over a number where a list should be."""
    def fail(where: str, wanted: str):
        raise PlanFormatError(f"{source}：{where} 应为{wanted}")
    for key in ("title", "subject", "issuer", "doc_no", "deadline", "recipient", "annex_title",
                "period", "source"):
        if key in plan and plan[key] is not None and not isinstance(plan[key], str):
            fail(f"“{key}”", "文字")
    if "year" in plan and (type(plan["year"]) is not int):
        fail("方案年度“year”", "整数（如 2021）")
    sections = plan.get("sections")
    if not isinstance(sections, list) or not all(isinstance(s, dict) for s in sections):
        fail("“sections”", "部分的列表")
    units = plan.get("units", [])
    if not isinstance(units, list) or not all(
            isinstance(u, dict) and isinstance(u.get("name"), str) for u in units):
        fail("单位名单“units”", "带 name 的对象列表")
    for s_index, section in enumerate(sections, 1):
        if not isinstance(section.get("title", ""), str):
            fail(f"第{s_index}个部分的标题", "文字")
        tasks = section.get("tasks", [])
        if not isinstance(tasks, list) or not all(isinstance(t, dict) for t in tasks):
            fail(f"第{s_index}个部分的“tasks”", "任务的列表")
        for task in tasks:
            if not isinstance(task.get("content", ""), str):
                fail(f"任务 {task.get('no')!r} 的内容", "文字")
            measures = task.get("measures", [])
            if not isinstance(measures, list) or not all(isinstance(m, dict) for m in measures):
                fail(f"任务 {task.get('no')!r} 的“measures”", "举措的列表")
            for measure in measures:
                for key in ("responsibility", "deadline"):
                    if measure.get(key) is not None and not isinstance(measure[key], str):
                        fail(f"任务 {task.get('no')!r} 中举措的“{key}”", "文字")


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
    if not isinstance(plan["year"], int) or not 1990 <= plan["year"] <= 2100:
        raise PlanFormatError(f"{source}：方案年度“{plan['year']}”无效")
    if not isinstance(plan.get("period", ""), str) or len(plan.get("period", "")) > 20:
        raise PlanFormatError(f"{source}：方案期间“{plan.get('period')}”无效")
    if len(plan.get("units") or []) > 2000:
        raise PlanFormatError(f"{source}：单位名单超过 2000 个")
    try:
        date.fromisoformat(str(plan.get("deadline") or f"{plan['year']}-12-31"))
    except ValueError:
        raise PlanFormatError(f"{source}：报送截止日期“{plan.get('deadline')}”不是 YYYY-MM-DD 格式") from None
    seen_numbers = set()
    count = 0
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
            if len(str(task.get("content", ""))) > MAX_TEXT:
                raise PlanFormatError(f"{source}：任务 {no} 的任务内容超过 {MAX_TEXT} 字")
            for m_index, measure in enumerate(task["measures"], 1):
                _check_measure(measure, f"{source}：举措 {no}.{m_index}")
                count += 1
                _check_divisions(plan, measure, f"{source}：举措 {no}.{m_index}")
    if not seen_numbers:
        raise PlanFormatError(f"{source}：没有任何任务")
    if plan.get("rounds") is not None:
        # Reporting rounds (报送轮次) travel with a plan file (models.rounds).
        from ..errors import InvalidInput
        from ..rounds import checked_rounds
        try:
            checked_rounds(plan["rounds"], source=source)
        except InvalidInput as exc:
            raise PlanFormatError(str(exc)) from None
    if len(seen_numbers) > MAX_TASKS or count > MAX_MEASURES:
        raise PlanFormatError(f"{source}：任务或举措过多（最多 {MAX_TASKS} 项任务、{MAX_MEASURES} 条举措）")
    first = plan["sections"][0]["tasks"][0]["measures"][0] if plan["sections"][0].get("tasks") else None
    if (plan.get("responsibility_inherits", True) and first is not None
            and not str(first.get("responsibility", "")).strip()):
        raise PlanFormatError(f"{source}：第一条举措的责任地市为空，无法沿用上一行")


def _check_measure(measure: dict, where: str) -> None:
    text = measure.get("text")
    if not isinstance(text, str) or not text.strip():
        raise PlanFormatError(f"{where} 内容为空")
    limits = (("text", MAX_TEXT, "内容"), ("responsibility", MAX_UNIT_TEXT, "责任单位"),
              ("target", MAX_UNIT_TEXT, "任务目标"), ("deadline_text", MAX_SHORT, "完成时限"),
              ("number", MAX_SHORT, "编号"))
    for key, limit, label in limits:
        value = measure.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise PlanFormatError(f"{where} 的{label}不是文字")
        if len(value) > limit:
            raise PlanFormatError(f"{where} 的{label}超过 {limit} 字")
    if measure.get("deadline") is not None:
        try:
            date.fromisoformat(str(measure["deadline"]))
        except ValueError:
            raise PlanFormatError(f"{where} 的完成时限“{measure['deadline']}”不是 YYYY-MM-DD 格式") from None
    extra = measure.get("extra") or []
    if not isinstance(extra, list) or len(extra) > MAX_EXTRA_COLUMNS or any(
            not isinstance(pair, (list, tuple)) or len(pair) != 2
            or not all(isinstance(x, str) and len(x) <= MAX_UNIT_TEXT for x in pair)
            for pair in extra):
        raise PlanFormatError(f"{where} 的其他列内容无效（最多 {MAX_EXTRA_COLUMNS} 列，每列 {MAX_UNIT_TEXT} 字）")
