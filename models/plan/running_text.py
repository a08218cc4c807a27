"""A task list published as running text (.docx paragraphs or a .txt file).

Offices often publish the list as numbered paragraphs, not a table:

    一、加快建设知识产权强市
    （一）强化知识产权创造。
    1.实施高价值专利培育工程……（市知识产权局负责）
    2.推进商标品牌建设……〔牵头单位：市市场监管局，责任单位：各县（市、区）人民政府〕
    3.努力实现地区生产总值增长6.2%左右。
    牵头单位：区发改局
    责任单位：立山经济开发区，全区经济运行各专班

Numbering is 一、 → （一） → 1. → （1） (numbering.py). An item "carries units" when it ends
with a bracket of units or is followed by lines such as 责任单位：… ; 完成时限：… and 工作目标：…
lines go with the item above. The items are arranged as a tree by their level; the leaves
under (or beside) items that carry units are the measures, their parent heading is the task
and the heading above that the section. A heading under which no item names a unit
(一、总体要求, 三、保障措施) is not a task: it is passed over and listed in the preview.
Measures without a unit of their own take their heading's; one with none at all is read as
the issuing office's own (and shown as a doubt), never guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import PlanFormatError
from .deadlines import deadline_text_of, parse_deadline
from .grid import assemble_plan, measures_of, settle_year
from .numbering import numbered
from .units import _CLOSE, _OPEN, is_unitlike, parse_unit_text
from .year import doc_no_in, plan_period

MAX_LINES = 50_000
MAX_LINE = 20_000

_UNIT_LINE = re.compile(r"^\s*[（(〔【]?\s*(牵头单位|牵头部门|主办单位|主责单位|责任单位|责任部门|配合单位|"
                        r"配合部门|协办单位|参与单位|协同单位|责任处室|牵头处室|实施单位|承办单位|"
                        r"执行单位|执行部门)\s*[:：]\s*(?P<text>.*?)\s*[）)〕】]?\s*$")
_DEADLINE_LINE = re.compile(r"^\s*[（(]?\s*(?:完成时限|完成时间|时间节点|时限要求|完成期限|时间安排)\s*[:：]"
                            r"\s*(?P<text>.*?)\s*[）)]?\s*$")
_TARGET_LINE = re.compile(r"^\s*[（(]?\s*(?:工作目标|任务目标|预期成果|预期目标|目标任务|目标要求)\s*[:：]"
                          r"\s*(?P<text>.*?)\s*[）)]?\s*$")
_TITLE_WORDS = ("清单", "任务", "方案", "分工", "台账", "要点", "计划", "分解")


@dataclass
class _Item:
    level: int
    label: str
    text: str
    where: str
    more: list[str] = field(default_factory=list)      # paragraphs that continue it
    unit_lines: list[str] = field(default_factory=list)
    units: str = ""                                     # the bracket after the text
    deadline: str = ""
    target: str = ""
    parent: "_Item | None" = None
    children: list["_Item"] = field(default_factory=list)

    @property
    def unit_text(self) -> str:
        """Its own units: the bracket and the 责任单位 lines, as one text."""
        return "；".join(x for x in [self.units, *self.unit_lines] if x)

    @property
    def heading(self) -> str:
        """As a heading: the first line, without its units."""
        return self.text


def trailing_units(text: str) -> tuple[str, str] | None:
    """(text before, units) when ``text`` ends with a bracket of units, else None."""
    body = text.rstrip().rstrip("。；;，,")
    tail = ""
    if not body or body[-1] not in _CLOSE:
        return None
    depth = 0
    for index in range(len(body) - 1, -1, -1):
        ch = body[index]
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN:
            depth -= 1
            if depth == 0:
                inner = body[index + 1:-1]
                if not reads_as_units(inner):
                    return None
                before = body[:index].rstrip()
                return before + tail, inner.strip()
    return None


def reads_as_units(text: str) -> bool:
    """Whether a bracket's content names units (not 试行, not 2021—2035年, not an aside)."""
    read = parse_unit_text(text)
    if not read.parts:
        return False
    if read.roles_given or re.search(r"负责|牵头|配合|按职责", text):
        return True
    return all(is_unitlike(p.name) for p in read.parts) and not read.notes


def _attach_line(item: _Item | None, line: str) -> bool:
    """A 责任单位/完成时限/工作目标 line: attach it to ``item``; False when it is none of these."""
    if item is None:
        return False
    match = _UNIT_LINE.match(line)
    if match:
        label = match.group(1)
        item.unit_lines.append(f"{label}：{match.group('text')}")
        return True
    match = _DEADLINE_LINE.match(line)
    if match:
        item.deadline = deadline_text_of(match.group("text"))
        return True
    match = _TARGET_LINE.match(line)
    if match:
        item.target = match.group("text")
        return True
    return False


def read_items(lines: list[tuple[str, str]]) -> tuple[list[_Item], list[str]]:
    """The numbered items of ``lines`` ((where, text) pairs) and the lines before the first."""
    items: list[_Item] = []
    head: list[str] = []
    current: _Item | None = None
    for where, raw in lines:
        line = re.sub(r"[ \t\u3000\xa0]+", " ", raw).strip()
        if not line:
            continue
        if _attach_line(current, line):
            continue
        found = numbered(line)
        if found:
            level, label, _value, rest = found
            current = _Item(level=level, label=label, text=rest, where=where)
            items.append(current)
            continue
        if current is None:
            head.append(line)
        else:
            current.more.append(line)
    for item in items:
        # The units close the item: after its text, or after its last paragraph.
        last = item.more[-1] if item.more else item.text
        found = trailing_units(last)
        if found:
            rest, item.units = found
            if item.more:
                item.more[-1] = rest
            else:
                item.text = rest
    return items, head


def _tree(items: list[_Item]) -> None:
    stack: list[_Item] = []
    for item in items:
        while stack and stack[-1].level >= item.level:
            stack.pop()
        if stack:
            item.parent = stack[-1]
            stack[-1].children.append(item)
        stack.append(item)


def _ancestors(item: _Item):
    node = item.parent
    while node is not None:
        yield node
        node = node.parent


def _inherited(item: _Item, attr: str) -> str:
    for node in (item, *_ancestors(item)):
        value = node.unit_text if attr == "units" else getattr(node, attr)
        if value:
            return value
    return ""


def _is_measure(item: _Item) -> bool:
    """A leaf under, at or beside an item that names units."""
    if item.children:
        return False
    if item.unit_text or any(a.unit_text for a in _ancestors(item)):
        return True
    siblings = item.parent.children if item.parent else []
    return any(s.unit_text and not s.children for s in siblings)


def plan_from_running_text(lines: list[tuple[str, str]], *, source: str,
                           meta: dict | None = None) -> dict | None:
    """The plan held by running text, or None when no item in it names a unit."""
    if len(lines) > MAX_LINES:
        raise PlanFormatError(f"{source}：文字过长（超过 {MAX_LINES} 行/段），不像任务清单")
    for where, text in lines:
        if len(text) > MAX_LINE:
            raise PlanFormatError(f"{source}：{where}：一段文字超过 {MAX_LINE} 字，不像任务清单")
    meta = dict(meta or {})
    items, head = read_items(lines)
    if not any(item.unit_text for item in items):
        return None
    _tree(items)
    measures = [item for item in items if _is_measure(item)]
    deep = any(m.parent is not None and m.parent.parent is not None for m in measures)

    sections: list[dict] = []
    tasks_by_item: dict[int, dict] = {}
    sections_by_item: dict[int, dict] = {}
    implied: dict | None = None
    used: set[int] = set()
    task_no = 0
    for m in measures:
        parent = m.parent
        if parent is not None and (parent.parent is not None or not deep):
            task_item, section_item = parent, parent.parent
        else:
            task_item, section_item = m, parent
        if section_item is None:
            if implied is None or (sections and sections[-1] is not implied):
                implied = {"title": "", "tasks": []}
                sections.append(implied)
            section = implied
        else:
            section = sections_by_item.get(id(section_item))
            if section is None:
                section = {"title": _section_title(section_item), "tasks": []}
                sections_by_item[id(section_item)] = section
                sections.append(section)
                used.add(id(section_item))
            implied = None
        task = tasks_by_item.get(id(task_item))
        if task is None:
            task_no += 1
            task = {"no": task_no, "content": task_item.heading, "measures": []}
            tasks_by_item[id(task_item)] = task
            section["tasks"].append(task)
            used.add(id(task_item))
        used.add(id(m))
        task["measures"].append(_measure(m))
    skipped = [f"{item.label}{item.heading}" for item in items
               if id(item) not in used and not _covered(item, used)]

    title = meta.get("title") or _pick_title(head)
    doc_no = meta.get("doc_no") or next((doc_no_in(x) for x in head if doc_no_in(x)), "")
    all_text = [text for _, text in lines]
    year, period = plan_period(title, doc_no=doc_no, lines=all_text)
    year, period = settle_year(year, period, (m.get("deadline_text") for m in measures_of(sections)),
                               source)
    for section in sections:
        section["title"] = section["title"] or title or f"{year}年任务清单"
    for measure in measures_of(sections):
        found = parse_deadline(measure.get("deadline_text", ""), year)
        if found:
            measure["deadline"] = found
    return assemble_plan(sections, year=year, period=period, title=title or f"{year}年任务清单",
                         doc_no=doc_no, meta=meta, source=source, responsibility_inherits=False,
                         reading={"layout": "running-text", "columns": [], "unknown_columns": [],
                                  "skipped": skipped})


def _covered(item: _Item, used: set[int]) -> bool:
    """A sub-point already inside a measure's text (never listed as passed over)."""
    return any(id(a) in used for a in _ancestors(item)) and not item.children


def _section_title(item: _Item) -> str:
    parts = [f"{a.label}{a.heading}" for a in reversed(list(_ancestors(item)))]
    parts.append(f"{item.label}{item.heading}")
    return "　".join(parts)


def _measure(item: _Item) -> dict:
    text = "\n".join([item.text, *[x for x in item.more if x]]).strip() or item.text
    units = _inherited(item, "units")
    measure = {"text": text, "responsibility": units, "number": item.label}
    deadline = _inherited(item, "deadline") or parse_unit_text(units).deadline_text
    if deadline:
        measure["deadline_text"] = deadline_text_of(deadline)
    target = _inherited(item, "target")
    if target:
        measure["target"] = target
    return measure


def _pick_title(head: list[str]) -> str:
    candidates = [x for x in head if len(x) <= 80 and not x.endswith(("：", ":"))
                  and not doc_no_in(x) == x and not re.fullmatch(r"附\s*件\s*\d*\s*[:：]?", x)
                  and not re.fullmatch(r"[（(]?\s*20\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]?", x)]
    for pattern in (r"关于印发[《<](?P<title>[^》>]+)[》>]", r"现将[《<](?P<title>[^》>]+)[》>]",
                    r"关于印发(?P<title>.+?)的通知"):
        for line in head:
            found = re.search(pattern, line)
            if found:
                return found.group("title")
    for line in candidates:
        if any(w in line for w in _TITLE_WORDS):
            return line
    return candidates[0] if candidates else ""
