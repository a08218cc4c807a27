"""The unit list a plan carries: a built-in list, a list file the office keeps, or the names
the document itself uses.

Units belong to the plan. A provincial list of 2021 names 17 省辖市, 济源示范区 and 10 省直管县;
later years' lists differ; a city's list names its departments, districts or 街道. A task list
is read with one of:

- a built-in list (resources/units/*.json, each citing where it came from in its note),
  chosen by default for the plan's year when the document uses that province's names;
- a one-column .txt/.xlsx the office keeps (an optional second column gives the kind);
- the document's own names, each given a kind guessed from its name (…局 a department,
  …区/县 a district, …街道 a street), when neither of the above applies.

Names the document uses that the chosen list lacks join it as units of kind "other": they
report on what names them, and never count as "every unit".
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import PlanFormatError
from ..paths import resource_path
from .units import KIND_LABELS, MAX_NAME, normalize_name, parse_unit_text, guess_kind

DOCUMENT = "document"          # units_source: the document's own names
FILE_PREFIX = "file:"          # units_source: a list file ("file:名单.xlsx")
MAX_LIST_BYTES = 2 * 1024 * 1024
MAX_UNITS = 2000
_KIND_BY_LABEL = {label: kind for kind, label in KIND_LABELS.items()}
_KIND_BY_LABEL.update({"地市": "city", "市": "city", "县": "district", "区": "district",
                       "县区": "district", "县（市）": "district", "部门": "department",
                       "单位": "department", "街道": "street", "乡镇": "street", "园区": "park",
                       "开发区": "park", "处": "division"})
_HEADER_WORDS = {"单位", "单位名称", "名称", "责任单位", "单位名单", "名单"}


@dataclass(frozen=True)
class UnitListInfo:
    """A built-in unit list: its id (file name), what it is, its year and where it came from."""
    id: str
    title: str
    year: int
    note: str
    count: int


def builtin_lists() -> list[UnitListInfo]:
    """The bundled unit lists, oldest year first."""
    found = []
    folder = resource_path("units")
    for path in sorted(Path(folder).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        found.append(UnitListInfo(id=path.stem, title=data.get("title") or path.stem,
                                  year=int(data.get("year") or 0), note=data.get("note", ""),
                                  count=len(data.get("units", []))))
    return sorted(found, key=lambda info: (info.year, info.id))


def load_builtin(list_id: str) -> list[dict]:
    """The units of built-in list ``list_id`` (e.g. "henan-2021"), in official order."""
    path = resource_path("units", f"{list_id}.json")
    if not Path(path).is_file():
        names = "、".join(info.id for info in builtin_lists())
        raise PlanFormatError(f"没有名为“{list_id}”的内置单位名单（可选：{names}）")
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [{"name": u["name"], "kind": u["kind"]} for u in data["units"]]


def builtin_for_year(year: int) -> str:
    """The built-in list in force in ``year``: the latest one not newer than it."""
    lists = builtin_lists()
    chosen = lists[0]
    for info in lists:
        if info.year <= int(year):
            chosen = info
    return chosen.id


def read_unit_list_file(path: Path) -> list[dict]:
    """A unit list from a one-column .txt or .xlsx (a second column may give the kind).

    A 序号 column in front and a header row (单位名称) are passed over. Refuses, naming the line,
    a file that is too big, has too many names, or a name that cannot be one.
    """
    path = Path(path)
    if not path.is_file():
        raise PlanFormatError(f"找不到单位名单文件：{path}")
    if path.stat().st_size > MAX_LIST_BYTES:
        raise PlanFormatError(f"{path.name}：单位名单文件过大（超过 {MAX_LIST_BYTES // 1024 // 1024} MB）")
    suffix = path.suffix.lower()
    if suffix in (".txt", ".csv"):
        rows = _text_rows(path)
    elif suffix in (".xlsx", ".xlsm"):
        rows = _sheet_rows(path)
    else:
        raise PlanFormatError(f"{path.name}：单位名单应为 .txt 或 .xlsx 文件（每行一个单位名称）")
    units: list[dict] = []
    seen: set[str] = set()
    for where, cells in rows:
        cells = [normalize_name(c) for c in cells if normalize_name(c)]
        if cells and re.fullmatch(r"\d+", cells[0]):
            cells = cells[1:]          # a 序号 column
        if not cells or (not units and any(c in _HEADER_WORDS or c in ("序号", "类别", "类型")
                                             for c in cells)):
            continue
        name = cells[0]
        if len(name) > MAX_NAME:
            raise PlanFormatError(f"{path.name}：{where}：“{name[:20]}…”过长，不像单位名称"
                                  f"（最多 {MAX_NAME} 字）")
        kind = _kind_of_label(cells[1]) if len(cells) > 1 else None
        if name in seen:
            continue
        seen.add(name)
        units.append({"name": name, "kind": kind or guess_kind(name)})
        if len(units) > MAX_UNITS:
            raise PlanFormatError(f"{path.name}：单位名单超过 {MAX_UNITS} 个，请检查文件")
    if not units:
        raise PlanFormatError(f"{path.name}：单位名单中没有任何单位名称")
    return units


def _kind_of_label(label: str) -> str | None:
    label = normalize_name(label)
    if label in KIND_LABELS:
        return label
    return _KIND_BY_LABEL.get(label)


def _text_rows(path: Path) -> list[tuple[str, list[str]]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise PlanFormatError(f"{path.name}：无法识别文本编码（请存为 UTF-8 或 GBK）")
    if "\0" in text:
        raise PlanFormatError(f"{path.name}：不是文本文件")
    return [(f"第{n}行", re.split(r"[\t,，]", line)) for n, line in enumerate(text.splitlines(), 1)
            if line.strip()]


def _sheet_rows(path: Path) -> list[tuple[str, list[str]]]:
    from .xlsx import check_office_zip
    check_office_zip(path, member="xl/workbook.xml", kind="Excel 工作簿", old_suffix=".xls")
    from openpyxl import load_workbook
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise PlanFormatError(f"{path.name}：无法读取工作簿（{type(exc).__name__}）") from None
    try:
        ws = wb.worksheets[0]
        rows = []
        for index, row in enumerate(ws.iter_rows(max_col=3, values_only=True), 1):
            if index > MAX_UNITS + 50:
                raise PlanFormatError(f"{path.name}：单位名单超过 {MAX_UNITS} 个，请检查文件")
            cells = ["" if v is None else str(v) for v in row]
            if any(c.strip() for c in cells):
                rows.append((f"工作表“{ws.title}”第{index}行", cells))
        return rows
    finally:
        wb.close()


# ---- the list a plan is read with ----------------------------------------------------------
def plan_unit_texts(plan: dict) -> list[str]:
    """Every unit text of the plan's measures (responsibility cells as written)."""
    return [m.get("responsibility") or "" for s in plan.get("sections", [])
            for t in s.get("tasks", []) for m in t.get("measures", [])]


def document_names(plan: dict) -> list[str]:
    """The unit names the document itself writes (not collectives or marks), in order."""
    names: list[str] = []
    for text in plan_unit_texts(plan):
        for part in parse_unit_text(text).parts:
            if part.kinds or part.mark or part.name in names:
                continue
            names.append(part.name)
    return names


def is_city_level(plan: dict) -> bool:
    """A city's (or county's) list, not a province's: its 市 names are county-level cities."""
    head = f"{plan.get('issuer', '')}{plan.get('title', '')}"
    return "省" not in head and bool(re.search(r"[市区县]", head))


def default_unit_list(plan: dict) -> tuple[list[dict], str]:
    """(units, source) a plan is read with when the office has not picked a list.

    A list naming 济源示范区, 省直管县 or a city of the built-in lists is a provincial list
    of that province: the built-in list of its year. Otherwise the document's own names.
    """
    texts = "、".join(plan_unit_texts(plan))
    list_id = builtin_for_year(int(plan.get("year") or 0))
    builtin = load_builtin(list_id)
    cities = {u["name"] for u in builtin if u["kind"] == "city"}
    marks = ("济源示范区", "省直管县", "各省辖市")
    if any(mark in texts for mark in marks) or cities & set(document_names(plan)):
        return builtin, list_id
    return [], DOCUMENT


def attach_units(plan: dict, units: list[dict], source: str) -> None:
    """Give ``plan`` the unit list ``units`` (from ``source``) plus the document's own names.

    With a list, names it lacks join as kind "other"; reading the document's own names
    (``source`` DOCUMENT), each gets the kind its name suggests.
    """
    chosen = [{"name": normalize_name(u["name"]), "kind": u.get("kind") or "other"}
              for u in units if normalize_name(u.get("name", ""))]
    known = {u["name"] for u in chosen}
    from .units import name_key
    keys = {name_key(u["name"]) for u in chosen}
    city_level = is_city_level(plan)
    for name in document_names(plan):
        if name in known or name_key(name) in keys:
            continue
        kind = guess_kind(name, city_level=city_level) if source == DOCUMENT else "other"
        chosen.append({"name": name, "kind": kind})
        known.add(name)
        keys.add(name_key(name))
    plan["units"] = chosen
    plan["units_source"] = source


def source_label(source: str) -> str:
    """What a units_source is, for the preview and messages."""
    if source == DOCUMENT:
        return "清单中出现的单位"
    if source.startswith(FILE_PREFIX):
        return f"名单文件 {source[len(FILE_PREFIX):]}"
    for info in builtin_lists():
        if info.id == source:
            return info.title
    return source


def apply_unit_choice(plan: dict, choice: str) -> None:
    """Read ``plan`` with the unit list ``choice``: a built-in list id (henan-2022), "document"
    (the document's own names), or the path of a one-column .txt/.xlsx list."""
    choice = (choice or "").strip()
    if choice == DOCUMENT:
        attach_units(plan, [], DOCUMENT)
        return
    if choice in {info.id for info in builtin_lists()}:
        attach_units(plan, load_builtin(choice), choice)
        return
    path = Path(choice)
    if path.suffix.lower() in (".txt", ".csv", ".xlsx", ".xlsm") or path.exists():
        attach_units(plan, read_unit_list_file(path), FILE_PREFIX + path.name)
        return
    names = "、".join(info.id for info in builtin_lists())
    raise PlanFormatError(f"单位名单“{choice}”既不是内置名单（{names}），也不是名单文件，"
                          f"也不是 {DOCUMENT}（清单中出现的单位）")
