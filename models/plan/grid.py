"""A task-list table, whatever file it came from, turned into a plan definition.

The .xlsx and .docx readers reduce their table to a grid of cells that knows which cells
continue a merge (from above or from the left); everything about the annex layout — title
rows, header variants, section rows, tasks and responsibility merged down — is decided here,
once. The whole table is read before anything is returned, and a row that cannot be placed
stops the import with a message naming the sheet/table, the row and the problem.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NoReturn

from ..errors import PlanFormatError
from .definition import load_units, subject_from_title, validate_plan
from .scope import inherit_responsibility, resolve_scope

DOWN, LEFT = "down", "left"   # a cell covered by a merge starting above / to the left

# Header words seen in provincial task lists, by role (compared without spaces).
ROLE_WORDS = {
    "no": ("序号", "编号", "序"),
    "task": ("任务内容", "重点任务", "主要任务", "工作任务", "任务名称", "重点工作", "任务"),
    "measure": ("落实举措", "工作措施", "具体措施", "主要措施", "工作举措", "具体举措", "主要举措",
                "落实措施", "措施", "举措"),
    "resp": ("责任地市", "责任单位", "牵头单位", "责任部门", "牵头部门", "责任主体", "责任市县",
             "责任地区"),
    "deadline": ("完成时限", "完成时间", "时间节点", "完成期限", "时限要求", "时限"),
}
HEADER_SCAN_ROWS = 30

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_CN_NUM = "[一二三四五六七八九十]+"
_SECTION_RE = re.compile(rf"^\s*(?:{_CN_NUM}\s*[、.．]|[（(]\s*{_CN_NUM}\s*[）)]|第{_CN_NUM}部分)")
_TASK_NO_RE = re.compile(r"^\s*(?:(?P<a>\d{1,3})\s*[.．、,，]|[（(]\s*(?P<b>\d{1,3})\s*[）)]"
                         r"|(?P<c>\d{1,3})\s*[)）]"
                         rf"|[（(]\s*(?P<d>{_CN_NUM})\s*[）)]|(?P<e>{_CN_NUM})\s*、)\s*(?P<rest>.*)$", re.S)
_NOTE_RE = re.compile(r"^\s*(?:注|备注|说明|附注)\s*[:：]?")
# Lines under a table: who filled it in, phone, seal. Never a task.
_FOOTER_RE = re.compile(r"填报(?:单位|人|日期)|联系(?:人|电话)|制表人|审核人|负责人[:：]|（盖章）")
_YEAR_RE = re.compile(r"(20\d{2})\s*年|（\s*(20\d{2})\s*）|\((20\d{2})\)")
_SPACE_RE = re.compile(r"[ \t\u3000\xa0]+")


@dataclass
class Cell:
    """One grid position: its text, or the merge it continues."""
    text: str = ""
    value: object = None          # the raw value (a date for date cells), when known
    cont: str | None = None       # DOWN / LEFT when the cell continues a merge


@dataclass
class GridRow:
    """A table row and where it is, for messages."""
    where: str                    # 工作表“Sheet1”第5行 / 第1个表格第5行
    cells: list[Cell]


@dataclass
class Header:
    """The header row found, and the column of each role (no/task/measure/resp/deadline)."""
    index: int                    # row index in the grid
    columns: dict[str, int] = field(default_factory=dict)


def normalize_header(text: str) -> str:
    """Header text compared without spaces, line breaks or a trailing colon."""
    return re.sub(r"[\s\u3000:：]", "", text or "")


def _role_of(text: str) -> str | None:
    key = normalize_header(text)
    if not key:
        return None
    for role, words in ROLE_WORDS.items():
        if key in words:
            return role
    for role, words in ROLE_WORDS.items():
        if any(key.startswith(w) for w in words if len(w) >= 2):
            return role
    return None


def find_header(rows: list[GridRow]) -> Header | None:
    """The first row (within the first rows) naming a task column and a measure column."""
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        columns: dict[str, int] = {}
        for col, cell in enumerate(row.cells):
            if cell.cont:
                continue
            role = _role_of(cell.text)
            if role and role not in columns:
                columns[role] = col
        if "task" in columns and "measure" in columns:
            _refine_two_row_header(rows, index, columns)
            return Header(index=index, columns=columns)
    return None


def _refine_two_row_header(rows: list[GridRow], index: int, columns: dict[str, int]) -> None:
    """责任单位 split below into 牵头单位 | 配合单位: report the 牵头 column."""
    if index + 1 >= len(rows):
        return
    below = rows[index + 1].cells
    texts = [normalize_header(c.text) for c in below if not c.cont and c.text.strip()]
    if not texts or not all(_role_of(t) or t.startswith(("配合", "协办", "参与")) for t in texts):
        return
    for col, cell in enumerate(below):
        if not cell.cont and _role_of(cell.text) == "resp":
            columns["resp"] = col
    columns["_skip"] = index + 1


def cn_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, "3" → 3; None for anything else."""
    text = (text or "").strip().strip("、.．()（）")
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    value = 0
    for ch in text:
        value = value * 10 + _CN_DIGITS[ch]
    return value


def split_task_number(text: str) -> tuple[int | None, str]:
    """"8.推进知识产权…" → (8, "推进知识产权…"); text without a leading number → (None, text)."""
    match = _TASK_NO_RE.match(text or "")
    if not match:
        return None, (text or "").strip()
    number = match["a"] or match["b"] or match["c"]
    return (int(number) if number else cn_number(match["d"] or match["e"])), match["rest"].strip()


def clean_cell_text(text: str) -> str:
    """Cell text with runs of spaces collapsed and each line trimmed (line breaks kept)."""
    lines = [_SPACE_RE.sub(" ", line).strip() for line in str(text or "").splitlines()]
    return "\n".join(line for line in lines if line)


def _responsibility(text: str) -> str:
    # A Word/Excel cell often lists units one per line; the list reads them as 、-separated.
    return "、".join(part for part in clean_cell_text(text).split("\n") if part)


# ---- deadlines -----------------------------------------------------------------------------
_FULL_DATE = re.compile(r"(20\d{2})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?")
_YEAR_MONTH = re.compile(r"(20\d{2})\s*[年./-]\s*(\d{1,2})\s*月?")
_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MONTH = re.compile(r"(?<![\d年])(\d{1,2})\s*月")
_YEAR_END = re.compile(r"(20\d{2})\s*年(?:底|末|年底|内|全年)?")
_QUARTERS = {"一季度": 3, "第一季度": 3, "二季度": 6, "第二季度": 6, "三季度": 9, "第三季度": 9,
             "四季度": 12, "第四季度": 12, "上半年": 6, "下半年": 12, "年底": 12, "年内": 12,
             "年末": 12, "全年": 12}
_FULLWIDTH = str.maketrans("０１２３４５６７８９．／－", "0123456789./-")


def _month_end(year: int, month: int) -> date | None:
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_deadline(value, year: int) -> str | None:
    """A 完成时限 cell as YYYY-MM-DD (the latest date it names), or None when it names none.

    "2021年6月底" → 2021-06-30; "9月30日前" → {year}-09-30; "上半年" → {year}-06-30;
    "长期坚持" → None.
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value or "").translate(_FULLWIDTH)
    if not text.strip():
        return None
    found: list[date] = []
    rest = text
    for pattern in (_FULL_DATE,):
        for m in pattern.finditer(rest):
            try:
                found.append(date(int(m[1]), int(m[2]), int(m[3])))
            except ValueError:
                pass
        rest = pattern.sub(" ", rest)
    for m in _YEAR_MONTH.finditer(rest):
        if (d := _month_end(int(m[1]), int(m[2]))):
            found.append(d)
    rest = _YEAR_MONTH.sub(" ", rest)
    for m in _MONTH_DAY.finditer(rest):
        try:
            found.append(date(year, int(m[1]), int(m[2])))
        except ValueError:
            pass
    rest = _MONTH_DAY.sub(" ", rest)
    for m in _MONTH.finditer(rest):
        if (d := _month_end(year, int(m[1]))):
            found.append(d)
    rest = _MONTH.sub(" ", rest)
    for m in _YEAR_END.finditer(rest):
        found.append(date(int(m[1]), 12, 31))
    rest = _YEAR_END.sub(" ", rest)
    for word, month in _QUARTERS.items():
        if word in rest:
            found.append(_month_end(year, month))
    return max(found).isoformat() if found else None


# ---- plan title and year -------------------------------------------------------------------
_SUBJECT_TAIL = re.compile(r"(?:年度)?(?:工作)?(?:重点)?(?:工作)?任务(?:清单|分解表|分工表|台账|表)?$|"
                           r"(?:工作)?(?:要点|清单)$")


def subject_from_list_title(title: str) -> str:
    """"2022年河南省推动知识产权高质量发展任务清单" → "推动知识产权高质量发展"."""
    if "方案" in title:
        return subject_from_title(re.sub(r"^\s*20\d{2}\s*年(?:度)?", "", title))
    text = re.sub(r"^\s*(?:附件\s*\d*\s*[:：]?)?\s*20\d{2}\s*年(?:度)?", "", title.strip())
    text = re.sub(r"^[\u4e00-\u9fff]{1,3}省(?!级)", "", text)
    text = _SUBJECT_TAIL.sub("", text).strip()
    return text or title


def year_in(text: str) -> int | None:
    """The first year (20xx) written in ``text``."""
    match = _YEAR_RE.search(text or "")
    return int(next(g for g in match.groups() if g)) if match else None


# ---- the grid → the plan -------------------------------------------------------------------
def plan_from_grid(rows: list[GridRow], header: Header, *, source: str,
                   title_lines: list[str], meta: dict | None = None) -> dict:
    """The plan definition held by ``rows`` below ``header`` (a checked dict, see definition.py).

    ``title_lines`` are the texts above the table (used for the title and the year); ``meta``
    overrides plan facts known from elsewhere (the notice text, our own export's properties).
    """
    meta = dict(meta or {})
    title_line = _pick_title(title_lines)
    year = meta.get("year") or year_in(meta.get("title", "")) or year_in(title_line)
    for line in title_lines:
        year = year or year_in(line)

    reading = _Reading(header, source=source, numbers_tasks=no_column_numbers_tasks(rows, header))
    for index in range(header.index + 1, len(rows)):
        if index != header.columns.get("_skip"):   # the lower row of a two-row header
            reading.take(rows[index])
    sections = reading.finish()
    if not year:
        year = _year_from_deadlines(sections)
    if not year:
        raise PlanFormatError(f"{source}：无法确定方案年度：标题中应写明年份（如“2022年…任务清单”）")
    _resolve_deadlines(sections, int(year))

    title = meta.get("title") or title_line or f"{year}年任务清单"
    plan = {
        "year": int(year),
        "title": title,
        "subject": meta.get("subject") or subject_from_list_title(title),
        "issuer": meta.get("issuer", ""),
        "doc_no": meta.get("doc_no", ""),
        "deadline": meta.get("deadline") or f"{year}-12-31",
        "recipient": meta.get("recipient", ""),
        "annex_title": meta.get("annex_title") or title_line or title,
        "units": [dict(u) for u in (meta.get("units") or load_units())],
        "sections": sections,
        "source": source,
    }
    _add_named_units(plan)
    validate_plan(plan, source=source)
    return plan


# ---- the kinds of row under the header -------------------------------------------------------
# A row is tested in this order: blank, repeated header, footer, section (or a note under the
# table), continuation of the measure above, a row that opens a task, a further measure.
class _RowView:
    """A grid row seen through the header's columns."""

    def __init__(self, row: GridRow, cols: dict[str, int]):
        self.row, self.cols = row, cols
        # The cells that start something and hold text: what the row says.
        self.origins = [(col, c) for col, c in enumerate(row.cells) if not c.cont and c.text.strip()]

    def cell(self, role: str) -> Cell:
        """The row's cell in the column of ``role``; an empty cell when the row is short."""
        col = self.cols.get(role)
        if col is None or col >= len(self.row.cells):
            return Cell()
        return self.row.cells[col]

    @property
    def task_text(self) -> str:
        """The task cell's own text ("" when it continues a merge from above)."""
        task_cell = self.cell("task")
        return "" if task_cell.cont else clean_cell_text(task_cell.text)

    @property
    def numbered(self) -> bool:
        """Whether the row writes its own 序号."""
        no_cell = self.cell("no")
        return not no_cell.cont and bool(no_cell.text.strip())


def _is_blank(view: _RowView) -> bool:
    return not view.origins


def _is_repeated_header(view: _RowView) -> bool:
    """A table continued on the next page repeats its header."""
    for role in ("task", "measure"):
        col = view.cols[role]
        if col >= len(view.row.cells) or _role_of(view.row.cells[col].text) != role:
            return False
    return True


def _is_footer(view: _RowView) -> bool:
    """填报人、联系电话… on a line of its own under the table."""
    return len(view.origins) == 1 and _FOOTER_RE.search(view.origins[0][1].text) is not None


def _section_title(view: _RowView) -> str | None:
    """The section title if the row is a section row (一、… across the table), else None."""
    row, origins, cols = view.row, view.origins, view.cols
    measure_col = cols["measure"]
    spans = any(c.cont == LEFT for c in row.cells)
    no_col = cols.get("no")
    if len(origins) == 2 and no_col is not None and origins[0][0] == no_col:
        # 序号 "一" + the title merged across the rest of the row, or standing in the task
        # column of a row without a measure
        number, (col, title_cell) = origins[0][1].text.strip(), origins[1]
        measure_cell = row.cells[measure_col] if measure_col < len(row.cells) else Cell()
        chinese = re.fullmatch(rf"{_CN_NUM}\s*[、.．]?", number) is not None
        bare = col != measure_col and not measure_cell.cont and not measure_cell.text.strip()
        if not (spans or (chinese and bare)):
            return None
        title = clean_cell_text(title_cell.text).replace("\n", "")
        if cn_number(number) is not None and not _SECTION_RE.match(title):
            return f"{number.rstrip('、.．')}、{title}"
        return title
    if len(origins) != 1:
        return None
    col, only = origins[0]
    text = clean_cell_text(only.text).replace("\n", "")
    if spans and col <= measure_col:
        following = [c for c in row.cells[col + 1:]]
        if following and all(c.cont == LEFT or not c.text.strip() for c in following):
            covered = sum(1 for c in following if c.cont == LEFT)
            if covered >= 1 and (col < measure_col <= col + covered or _SECTION_RE.match(text)):
                return text
    if _SECTION_RE.match(text) and col != measure_col:
        measure_cell = row.cells[measure_col] if measure_col < len(row.cells) else Cell()
        if not measure_cell.cont:
            return text
    return None


def _is_note(section_title: str) -> bool:
    """注：… / 备注：… — a note, when it comes after the measures."""
    return _NOTE_RE.match(section_title) is not None


def _is_continuation(view: _RowView) -> bool:
    """The measure above goes on over this row (a long text split for print)."""
    return view.cell("measure").cont == DOWN


class _Reading:
    """The plan so far, while the table is read top to bottom one row at a time."""

    def __init__(self, header: Header, *, source: str, numbers_tasks: bool):
        self.cols = header.columns
        self.source = source
        self.numbers_tasks = numbers_tasks       # the 序号 column numbers tasks, not rows
        self.sections: list[dict] = []
        self.implicit: dict | None = None        # tasks seen before any section row
        self.implicit_where = ""
        self.first_section_where = ""
        self.task: dict | None = None
        self.tasks: list[tuple[dict, str]] = []  # every task, with where it starts
        self.from_no_column: list[int] = []      # indexes in tasks numbered from the 序号 column
        self.rows_numbered = False
        self.last_no = 0
        self.measure_count = 0

    def fail(self, row: GridRow, problem: str) -> NoReturn:
        """Stop the import: the file, the row and the problem."""
        raise PlanFormatError(f"{self.source}：{row.where}：{problem}")

    def take(self, row: GridRow) -> None:
        """Place one row: classify it, then let the handler of its kind place it."""
        view = _RowView(row, self.cols)
        if _is_blank(view) or _is_repeated_header(view) or _is_footer(view):
            return
        section_title = _section_title(view)
        if section_title is not None:
            if not (_is_note(section_title) and self.measure_count):
                self.open_section(section_title, row)
            return
        task_text = view.task_text
        if task_text and self.task is not None and split_task_number(task_text)[1] == self.task["content"]:
            task_text = ""     # a flat table repeats the task on every row: still the same task
            if view.numbered:
                self.rows_numbered = True    # …and then 序号 counts rows, not tasks
        if _is_continuation(view):
            if task_text:
                self.fail(row, "新任务的落实举措单元格与上一行合并，无法确定举措")
            return
        if task_text:
            self.open_task(view, task_text)
        elif self.task is None:
            self.fail(row, "这一行的举措不属于任何任务（上方没有任务内容）")
        self.add_measure(view, opens_task=bool(task_text))

    def open_section(self, title: str, row: GridRow) -> None:
        """一、… spanning the table: a new section; tasks below belong to it."""
        self.sections.append({"title": title, "tasks": []})
        self.first_section_where = self.first_section_where or row.where
        self.task = None

    def open_task(self, view: _RowView, task_text: str) -> None:
        """A row whose task cell starts a task: its number from the text, the 序号 or counting."""
        number, content = split_task_number(task_text)
        if self.numbers_tasks and view.numbered:
            no_text = view.cell("no").text.strip()
            number = cn_number(no_text)
            if number is None:
                self.fail(view.row, f"序号“{no_text}”不是编号")
            self.from_no_column.append(len(self.tasks))
        number = number or self.last_no + 1
        if not content:
            self.fail(view.row, f"任务 {number} 的任务内容为空")
        self.task = {"no": number, "content": content, "measures": []}
        self.tasks.append((self.task, view.row.where))
        self.last_no = number
        if self.sections:
            self.sections[-1]["tasks"].append(self.task)
        else:
            if self.implicit is None:
                self.implicit = {"title": "任务清单", "tasks": []}
                self.implicit_where = view.row.where
            self.implicit["tasks"].append(self.task)

    def add_measure(self, view: _RowView, *, opens_task: bool) -> None:
        """The row's measure, its 责任地市 and 完成时限, under the current task."""
        measure_cell = view.cell("measure")
        if measure_cell.cont == LEFT:
            self.fail(view.row, "任务内容与落实举措合并在一个单元格里，无法区分举措")
        text = "" if measure_cell.cont else clean_cell_text(measure_cell.text)
        if not text:
            if opens_task:
                self.fail(view.row, f"任务 {self.task['no']} 没有落实举措")
            self.fail(view.row, "落实举措为空，无法确定这一行属于哪条举措")
        resp_cell = view.cell("resp")
        responsibility = "" if resp_cell.cont else _responsibility(resp_cell.text)
        if self.measure_count == 0 and not responsibility:
            self.fail(view.row, "第一条举措的责任地市为空，无法沿用上一行")
        measure = {"text": text, "responsibility": responsibility}
        if "deadline" in self.cols:
            # Kept raw until the year is known (it may come from the deadlines themselves).
            d_cell = view.cell("deadline")
            if d_cell.cont == DOWN:
                measure["_deadline"] = (DOWN, None)
            elif d_cell.text.strip() or d_cell.value is not None:
                measure["_deadline"] = ("value", d_cell.value if d_cell.value is not None
                                        else d_cell.text)
        self.task["measures"].append(measure)
        self.measure_count += 1

    def finish(self) -> list[dict]:
        """The sections read, once every row is in: task numbers settled and checked."""
        if self.rows_numbered:
            # The 序号 column counted rows after all: number those tasks by counting on.
            previous = 0
            for index, (task, _where) in enumerate(self.tasks):
                if index in self.from_no_column:
                    task["no"] = previous + 1
                previous = task["no"]
        seen_numbers: dict[int, str] = {}
        for task, where in self.tasks:
            if task["no"] in seen_numbers:
                raise PlanFormatError(f"{self.source}：{where}：任务编号 {task['no']} 与"
                                      f"{seen_numbers[task['no']]}的任务重复")
            seen_numbers[task["no"]] = where
        sections = self.sections
        while sections and not sections[-1]["tasks"]:
            sections.pop()      # a line under the table (a summary, a note) is not a section
        if self.implicit is not None:
            if sections:
                raise PlanFormatError(f"{self.source}：{self.implicit_where}：任务出现在第一个部分标题"
                                      f"（{self.first_section_where}）之前")
            sections = [self.implicit]
        if not self.measure_count:
            raise PlanFormatError(f"{self.source}：表头下没有任何任务和落实举措")
        return sections


def _add_named_units(plan: dict) -> None:
    """Names in 责任地市/责任单位 cells that the unit list lacks (departments, new districts)
    join the list as units of kind "other", so such a unit can keep a ledger on the plan."""
    names = [u["name"] for u in plan["units"]]
    cells = [m["responsibility"] for s in plan["sections"] for t in s["tasks"] for m in t["measures"]]
    for text in inherit_responsibility(cells):
        _, unknown = resolve_scope(text, names)
        for name in unknown:
            if name not in names:
                names.append(name)
                plan["units"].append({"name": name, "kind": "other"})


def _resolve_deadlines(sections: list[dict], year: int) -> None:
    """Parse the 完成时限 cells now that the year is known; a merged cell carries down."""
    last = None
    for section in sections:
        for task in section["tasks"]:
            for m in task["measures"]:
                kind, raw = m.pop("_deadline", (None, None))
                if kind == "value":
                    last = parse_deadline(raw, year)
                elif kind is None:
                    last = None
                if last:
                    m["deadline"] = last


def _year_from_deadlines(sections: list[dict]) -> int | None:
    """The year every dated 完成时限 names, when the title names none."""
    years = set()
    for section in sections:
        for task in section["tasks"]:
            for m in task["measures"]:
                kind, raw = m.get("_deadline", (None, None))
                if kind == "value":
                    found = parse_deadline(raw, 1900)
                    if found and not found.startswith("1900"):
                        years.add(int(found[:4]))
    return years.pop() if len(years) == 1 else None


def no_column_numbers_tasks(rows: list[GridRow], header: Header) -> bool:
    """Whether the 序号 column numbers tasks (True) or rows/measures (False).

    It numbers rows when a 序号 is written on a row whose task cell continues the merge from
    above, or on consecutive rows that repeat the same task text (a flat table).
    """
    no_col, task_col = header.columns.get("no"), header.columns["task"]
    if no_col is None:
        return False
    previous_task = None
    for row in rows[header.index + 1:]:
        if max(no_col, task_col) >= len(row.cells):
            continue
        no_cell, task_cell = row.cells[no_col], row.cells[task_col]
        numbered = not no_cell.cont and bool(no_cell.text.strip())
        if numbered and task_cell.cont == DOWN:
            return False
        task_text = "" if task_cell.cont else clean_cell_text(task_cell.text)
        if numbered and task_text and task_text == previous_task:
            return False
        previous_task = task_text or previous_task
    return True


def _pick_title(lines: list[str]) -> str:
    lines = [clean_cell_text(x).replace("\n", "") for x in lines if x and x.strip()]
    lines = [x for x in lines if not re.fullmatch(r"附\s*件\s*\d*\s*[:：]?", x)]
    for line in lines:
        if any(w in line for w in ("清单", "任务", "方案", "分工", "台账", "要点")):
            return line
    return lines[0] if lines else ""
