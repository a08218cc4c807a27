"""A task-list table, whatever file it came from, turned into a plan definition.

The .xlsx and .docx readers reduce their table to a grid of cells that knows which cells
continue a merge (from above or from the left); everything about the layout — title rows,
the header (headers.py), section rows, tasks and cells merged down — is decided here, once.

Two layouts: a two-level table (a task column and a measure column: a task spans several
measure rows) and a one-level table (序号 | 重点工作任务 | 责任单位: each row is a task with
one measure). Unit columns are the single 责任单位 column, or 牵头单位 and 配合单位 side by side;
完成时限, 任务目标 and the office's 序号 are kept on each measure, and so is the text of any
column the header does not explain. The whole table is read before anything is returned, and
a row that cannot be placed stops the import with a message naming the sheet/table, the row
and the problem.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NoReturn

from ..errors import PlanFormatError
from .deadlines import deadline_text_of, parse_deadline, single_year
from .definition import subject_from_title, validate_plan
from .headers import Header, find_header, normalize_header
from .numbering import cn_number, split_number
from .unit_lists import attach_units, default_unit_list
from .year import doc_no_in, period_end, plan_period, year_in

__all__ = ["DOWN", "LEFT", "Cell", "GridRow", "Header", "find_header", "plan_from_grid",
           "cn_number", "split_task_number", "clean_cell_text", "parse_deadline", "year_in",
           "normalize_header", "no_column_numbers_tasks", "subject_from_list_title"]

DOWN, LEFT = "down", "left"   # a cell covered by a merge starting above / to the left
IMPLIED_SECTION = "\0implied"  # a list without section rows: one section, named after the list

_CN_NUM = "[一二三四五六七八九十]+"
_SECTION_RE = re.compile(rf"^\s*(?:{_CN_NUM}\s*[、.．]|[（(]\s*{_CN_NUM}\s*[）)]|第{_CN_NUM}部分)")
_TASK_NO_RE = re.compile(r"^\s*(?:(?P<a>\d{1,3})\s*(?:[．、,，]|\.(?!\d))|[（(]\s*(?P<b>\d{1,3})\s*[）)]"
                         r"|(?P<c>\d{1,3})\s*[)）]"
                         rf"|[（(]\s*(?P<d>{_CN_NUM})\s*[）)]|(?P<e>{_CN_NUM})\s*、)\s*(?P<rest>.*)$", re.S)
_NOTE_RE = re.compile(r"^\s*(?:注|备注|说明|附注)\s*[:：]?")
# Lines under a table: who filled it in, phone, seal. Never a task.
_FOOTER_RE = re.compile(r"填报(?:单位|人|日期)|联系(?:人|电话)|制表人|审核人|负责人[:：]|（盖章）")
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


def split_task_number(text: str) -> tuple[int | None, str]:
    """"8.推进知识产权…" → (8, "推进知识产权…"); text without a leading number → (None, text)."""
    match = _TASK_NO_RE.match(text or "")
    if not match or not match["rest"].strip():
        return None, (text or "").strip()
    number = match["a"] or match["b"] or match["c"]
    return (int(number) if number else cn_number(match["d"] or match["e"])), match["rest"].strip()


def clean_cell_text(text: str) -> str:
    """Cell text with runs of spaces collapsed and each line trimmed (line breaks kept)."""
    lines = [_SPACE_RE.sub(" ", line).strip() for line in str(text or "").splitlines()]
    return "\n".join(line for line in lines if line)


def _one_line(text: str) -> str:
    # A Word/Excel cell often lists units one per line; the list reads them as 、-separated.
    return "、".join(part for part in clean_cell_text(text).split("\n") if part)


# ---- plan title and year -------------------------------------------------------------------
_SUBJECT_TAIL = re.compile(r"(?:年度)?(?:工作)?(?:重点)?(?:工作)?任务(?:清单|分解表|分工表|台账|表|分解|分工)?$|"
                           r"(?:工作)?(?:要点|清单)$|(?:责任)?(?:分解|分工)(?:方案|表)?$")


def subject_from_list_title(title: str) -> str:
    """"2022年河南省推动知识产权高质量发展任务清单" → "推动知识产权高质量发展"."""
    if "方案" in title and "分工方案" not in title:
        return subject_from_title(re.sub(r"^\s*20\d{2}\s*(?:[—–\-~～至]\s*20\d{2}\s*)?年(?:度)?", "", title))
    text = re.sub(r"^\s*(?:附件\s*\d*\s*[:：]?)?\s*20\d{2}\s*(?:[—–\-~～至]\s*20\d{2}\s*)?年(?:度)?",
                  "", title.strip())
    text = re.sub(r"^[\u4e00-\u9fff]{1,3}省(?!级)", "", text)
    text = _SUBJECT_TAIL.sub("", text).strip()
    return text or title


def plan_from_grid(rows: list[GridRow], header: Header, *, source: str,
                   title_lines: list[str], meta: dict | None = None,
                   context_lines: list[str] = ()) -> dict:
    """The plan definition held by ``rows`` below ``header`` (a checked dict, see definition.py).

    ``title_lines`` are the texts above the table (the title, a 文号, a date); ``context_lines``
    the rest of the document (a notice's 文号 and date); ``meta`` overrides plan facts known
    from elsewhere (the notice text, our own export's properties).
    """
    meta = dict(meta or {})
    title_line = _pick_title(title_lines)
    lines = [*title_lines, *context_lines]
    doc_no = meta.get("doc_no") or next((doc_no_in(x) for x in lines if doc_no_in(x)), "")
    year, period = (int(meta["year"]), str(meta.get("period") or meta["year"])) if meta.get("year") \
        else plan_period(meta.get("title") or title_line, doc_no=doc_no, lines=lines)
    if not year:
        for line in title_lines:
            year, period = plan_period(line)
            if year:
                break

    reading = _Reading(header, source=source,
                       numbers_tasks=no_column_numbers_tasks(rows, header))
    for index in range(header.index + 1, len(rows)):
        reading.take(rows[index])
    sections = reading.finish()
    year, period = settle_year(year, period, (m.get("_deadline") for m in measures_of(sections)),
                               source)
    _resolve_deadlines(sections, year)

    title = meta.get("title") or title_line or f"{year}年任务清单"
    for section in sections:
        if section["title"] == IMPLIED_SECTION:
            section["title"] = meta.get("annex_title") or title_line or title
    return assemble_plan(sections, year=year, period=period, title=title, doc_no=doc_no,
                         meta=meta, source=source, annex_title=title_line,
                         reading=reading.report())


def settle_year(year: int | None, period: str, deadline_texts, source: str) -> tuple[int, str]:
    """The plan's year and period: as found in the title, 文号 or date, else the one year
    every dated 完成时限 names; refused when neither gives one."""
    if not year:
        year = single_year(deadline_texts)
        period = str(year) if year else ""
    if not year:
        raise PlanFormatError(f"{source}：无法确定方案年度：标题、文号和成文日期中都没有年份"
                              "（如“2022年…任务清单”或“〔2022〕”）")
    return int(year), period


def assemble_plan(sections: list[dict], *, year: int, period: str, title: str, doc_no: str,
                  meta: dict, source: str, reading: dict, annex_title: str = "",
                  **extra) -> dict:
    """The checked plan definition a reader (table or running text) found, with its units:
    those ``meta`` names (a file's own list), else the built-in list for its year."""
    plan = {
        "year": year,
        "period": period or str(year),
        "title": title,
        "subject": meta.get("subject") or subject_from_list_title(title),
        "issuer": meta.get("issuer", ""),
        "doc_no": doc_no,
        "deadline": meta.get("deadline") or f"{period_end(period, year)}-12-31",
        "recipient": meta.get("recipient", ""),
        "annex_title": meta.get("annex_title") or annex_title or title,
        "sections": sections,
        "source": source,
        **extra,
        "reading": reading,
    }
    if meta.get("units"):
        attach_units(plan, meta["units"], meta.get("units_source") or "file:" + source)
    else:
        attach_units(plan, *default_unit_list(plan))
    validate_plan(plan, source=source)
    return plan


def measures_of(sections: list[dict]):
    """Every measure of ``sections``, in order."""
    for section in sections:
        for task in section["tasks"]:
            yield from task["measures"]


# ---- the kinds of row under the header -------------------------------------------------------
# A row is tested in this order: blank, repeated header, footer, section (or a note under the
# table), continuation of the measure above, a row that opens a task, a further measure.
class _RowView:
    """A grid row seen through the header's columns."""

    def __init__(self, row: GridRow, header: Header):
        self.row, self.header, self.cols = row, header, header.columns
        # The cells that start something and hold text: what the row says.
        self.origins = [(col, c) for col, c in enumerate(row.cells) if not c.cont and c.text.strip()]

    def cell(self, role: str) -> Cell:
        """The row's cell in the column of ``role``; an empty cell when the row is short."""
        col = self.cols.get(role)
        return self.at(col)

    def at(self, col: int | None) -> Cell:
        """The row's cell in column ``col`` (an empty cell when there is none)."""
        if col is None or col >= len(self.row.cells):
            return Cell()
        return self.row.cells[col]

    @property
    def text_cell(self) -> Cell:
        """The measure's cell (the task's in a one-level table)."""
        return self.at(self.header.text_column)

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
    labels = view.header.labels
    for role in ("task", "measure"):
        col = view.cols.get(role)
        if col is None:
            continue
        if col >= len(view.row.cells) or normalize_header(view.row.cells[col].text) != labels.get(col):
            return False
    return True


def _is_footer(view: _RowView) -> bool:
    """填报人、联系电话… on a line of its own under the table (one cell or a few labels)."""
    texts = [c.text.strip() for _, c in view.origins]
    return any(_FOOTER_RE.search(t) for t in texts) and all(
        _FOOTER_RE.search(t) or t.endswith(("：", ":")) for t in texts)


def _section_title(view: _RowView) -> str | None:
    """The section title if the row is a section row (一、… across the table), else None."""
    row, origins, cols = view.row, view.origins, view.cols
    measure_col = view.header.text_column
    spans = any(c.cont == LEFT for c in row.cells)
    no_col = cols.get("no")
    if len(origins) == 2 and no_col is not None and origins[0][0] == no_col:
        # 序号 "一" + the title merged across the rest of the row, or standing in the task
        # column of a row without a measure
        number, (col, title_cell) = origins[0][1].text.strip(), origins[1]
        measure_cell = view.at(measure_col)
        chinese = re.fullmatch(rf"{_CN_NUM}\s*[、.．]?", number) is not None
        bare = col != measure_col and not measure_cell.cont and not measure_cell.text.strip()
        if not (spans or (chinese and (bare or not view.header.two_level))):
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
    if _SECTION_RE.match(text) and (col != measure_col or not view.header.two_level):
        measure_cell = view.at(measure_col)
        if not measure_cell.cont and (col != measure_col or _lone_heading(view)):
            return text
    return None


def _lone_heading(view: _RowView) -> bool:
    """一、… alone in the text column of a one-level table, nothing else on the row."""
    return len(view.origins) == 1 and not view.numbered


def _is_note(section_title: str) -> bool:
    """注：… / 备注：… — a note, when it comes after the measures."""
    return _NOTE_RE.match(section_title) is not None


def _is_continuation(view: _RowView) -> bool:
    """The measure above goes on over this row (a long text split for print)."""
    return view.text_cell.cont == DOWN


class _Carry:
    """A column whose value carries down over merged cells (完成时限, 任务目标, 牵头单位…)."""

    def __init__(self, empty_carries: bool):
        self.value = None
        self.empty_carries = empty_carries

    def take(self, cell: Cell):
        """The cell's value for this row: its own, or the one above where merged."""
        if cell.cont == DOWN:
            return self.value
        has = cell.value is not None or bool(cell.text.strip())
        if has:
            self.value = cell.value if cell.value is not None else clean_cell_text(cell.text)
        elif not self.empty_carries:
            self.value = None
        return self.value


class _Reading:
    """The plan so far, while the table is read top to bottom one row at a time."""

    def __init__(self, header: Header, *, source: str, numbers_tasks: bool):
        self.header = header
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
        self.lead = _Carry(empty_carries=True)
        self.assisting = _Carry(empty_carries=False)
        self.deadline = _Carry(empty_carries=False)
        self.target = _Carry(empty_carries=False)
        self.extra = {col: _Carry(empty_carries=False) for col in header.extra}
        self.skipped: list[str] = []

    def fail(self, row: GridRow, problem: str) -> NoReturn:
        """Stop the import: the file, the row and the problem."""
        raise PlanFormatError(f"{self.source}：{row.where}：{problem}")

    def report(self) -> dict:
        """How the table was read, for the preview: layout, columns, columns kept as text."""
        labels = self.header.labels
        return {
            "layout": "two-level" if self.header.two_level else "one-level",
            "columns": [[labels.get(col, ""), role] for role, col in
                        sorted(self.cols.items(), key=lambda item: item[1])],
            "unknown_columns": [labels[col] for col in sorted(self.header.extra)],
            "skipped": self.skipped,
        }

    def take(self, row: GridRow) -> None:
        """Place one row: classify it, then let the handler of its kind place it."""
        view = _RowView(row, self.header)
        if _is_blank(view) or _is_repeated_header(view) or _is_footer(view):
            return
        section_title = _section_title(view)
        if section_title is not None:
            if not (_is_note(section_title) and self.measure_count):
                self.open_section(section_title, row)
            else:
                self.skipped.append(section_title)
            return
        if not self.header.two_level:
            self.take_one_level(view)
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

    def take_one_level(self, view: _RowView) -> None:
        """序号 | 重点工作任务 | 责任单位: the row is a task with one measure, the same text."""
        if _is_continuation(view):
            return
        cell = view.text_cell
        text = "" if cell.cont else clean_cell_text(cell.text)
        if not text:
            if len(view.origins) == 1 and _is_note(clean_cell_text(view.origins[0][1].text)):
                self.skipped.append(clean_cell_text(view.origins[0][1].text))
                return
            label = self.header.labels.get(self.header.text_column, "任务")
            self.fail(view.row, f"“{label}”为空，无法确定这一行的任务")
        self.open_task(view, text)
        self.add_measure(view, opens_task=True)

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
                self.implicit = {"title": IMPLIED_SECTION, "tasks": []}
                self.implicit_where = view.row.where
            self.implicit["tasks"].append(self.task)

    def add_measure(self, view: _RowView, *, opens_task: bool) -> None:
        """The row's measure with its units, 完成时限, 任务目标, number and kept columns."""
        measure_cell = view.text_cell
        if measure_cell.cont == LEFT:
            self.fail(view.row, "任务内容与落实举措合并在一个单元格里，无法区分举措")
        written = "" if measure_cell.cont else clean_cell_text(measure_cell.text)
        if not written:
            if opens_task:
                self.fail(view.row, f"任务 {self.task['no']} 没有落实举措")
            self.fail(view.row, "落实举措为空，无法确定这一行属于哪条举措")
        number, text = split_number(written) if self.header.two_level else ("", written)
        if not self.header.two_level:
            number, text = split_number(written)
            self.task["content"] = split_task_number(written)[1]
        text = text or written
        if view.numbered and (not self.numbers_tasks or not self.header.two_level):
            number = clean_cell_text(view.cell("no").text) or number
        responsibility = self.unit_text(view)
        if self.measure_count == 0 and not responsibility:
            self.fail(view.row, "第一条举措的责任地市为空，无法沿用上一行"
                      if "resp" in self.cols else "第一条举措的责任单位为空，无法沿用上一行")
        measure = {"text": text, "responsibility": responsibility}
        if number:
            measure["number"] = number
        if "deadline" in self.cols:
            # Kept raw until the year is known (it may come from the deadlines themselves).
            value = self.deadline.take(view.cell("deadline"))
            if value is not None:
                measure["_deadline"] = value
        if "target" in self.cols:
            target = self.target.take(view.cell("target"))
            if target:
                measure["target"] = str(target)
        extra = []
        for col, carry in self.extra.items():
            value = carry.take(view.at(col))
            if value not in (None, ""):
                extra.append([self.header.extra[col], deadline_text_of(value)
                              if not isinstance(value, str) else value])
        if extra:
            measure["extra"] = extra
        self.task["measures"].append(measure)
        self.measure_count += 1

    def unit_text(self, view: _RowView) -> str:
        """The row's 责任单位 as one text: the cell, or 牵头单位：…；配合单位：… composed."""
        if "resp" in self.cols:
            cell = view.cell("resp")
            return "" if cell.cont else _one_line(cell.text)
        if "lead" not in self.cols and "assisting" not in self.cols:
            return ""
        lead = self.lead.take(view.cell("lead")) if "lead" in self.cols else None
        assisting = self.assisting.take(view.cell("assisting")) if "assisting" in self.cols else None
        parts = []
        if lead:
            parts.append(f"牵头单位：{_one_line(str(lead))}")
        if assisting:
            parts.append(f"{_assisting_label(self.header)}：{_one_line(str(assisting))}")
        return "；".join(parts)

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
            self.skipped.append(sections.pop()["title"])   # a line under the table is no section
        if self.implicit is not None:
            if sections:
                raise PlanFormatError(f"{self.source}：{self.implicit_where}：任务出现在第一个部分标题"
                                      f"（{self.first_section_where}）之前")
            sections = [self.implicit]
        if not self.measure_count:
            raise PlanFormatError(f"{self.source}：表头下没有任何任务和落实举措")
        return sections


def _assisting_label(header: Header) -> str:
    label = header.labels.get(header.columns.get("assisting"), "")
    for word in ("责任单位", "协办单位", "参与单位", "协同单位", "协助单位"):
        if label.startswith(word[:2]):
            return word
    return "配合单位"


def _resolve_deadlines(sections: list[dict], year: int) -> None:
    """Parse the 完成时限 cells now that the year is known; keep the text as written."""
    for section in sections:
        for task in section["tasks"]:
            for m in task["measures"]:
                if "_deadline" not in m:
                    continue
                raw = m.pop("_deadline")
                m["deadline_text"] = deadline_text_of(raw)
                found = parse_deadline(raw, year)
                if found:
                    m["deadline"] = found


def no_column_numbers_tasks(rows: list[GridRow], header: Header) -> bool:
    """Whether the 序号 column numbers tasks (True) or rows/measures (False).

    It numbers rows when a 序号 is written on a row whose task cell continues the merge from
    above, or on consecutive rows that repeat the same task text (a flat table).
    """
    no_col, task_col = header.columns.get("no"), header.columns.get("task")
    if no_col is None or task_col is None:
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
    lines = [x for x in lines if not re.fullmatch(r"附\s*件\s*\d*\s*[:：]?", x)
             and not doc_no_in(x) == x and not re.fullmatch(r"[（(]?\s*20\d{2}\s*年\s*\d{1,2}\s*月"
                                                            r"\s*\d{1,2}\s*日\s*[）)]?", x)]
    for line in lines:
        if any(w in line for w in ("清单", "任务", "方案", "分工", "台账", "要点", "计划", "分解")):
            return line
    return lines[0] if lines else ""
