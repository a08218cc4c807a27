"""The 工作情况报告's content, once: title, 主送, the clerk's text (or its draft), 附件 list,
signature, 附件1 (the 完成情况表) and 附件2 (佐证材料清单), as plain data.

exports/pdf_report.py (GB/T 9704 PDF) and exports/docx_report.py (the same report as an
editable Word file) both render a :class:`WorkReport`; neither composes text of its own, so
the two never differ in a word. Reads models only; imports neither ReportLab nor python-docx.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from models.narrative import (NO_PROGRESS, NOTHING, TEXT_PARTS, heading_level, paragraphs,
                              report_text, resolve_date)
from models.summary import EvidenceNumber, Summary, evidence_numbers, summarize
from models.wording import chinese_date, entry_line, measure_remarks, printable, time_facts

from .pdf_common import CancelCheck, Progress, check_cancel

ANNEX1_COLUMNS = ("序号", "任务内容", "落实举措", "责任地市", "完成情况", "工作进展", "佐证材料",
                  "存在问题", "下一步打算", "备注")
# 工作进展 gets the room: it holds every dated entry and is what the province reads.
ANNEX1_WIDTHS_MM = (9, 22, 34, 15, 14, 69, 22, 15, 15, 10)            # = 225 mm
ANNEX2_COLUMNS = ("编号", "所属举措", "文件名", "说明", "材料日期")
ANNEX2_WIDTHS_MM = (24, 17, 57, 36, 22)                                # = 156 mm
ANNEX2_TITLE = "佐证材料清单"
CLOSING = "特此报告。"
NO_EVIDENCE = "本单位尚未上传佐证材料。"

BODY, H1, H2, ADDRESSEE = "body", "h1", "h2", "addressee"
_STYLE_OF_LEVEL = {0: BODY, 1: H1, 2: H2}


def report_title(unit_full_name: str, plan) -> str:
    """`{单位全称}关于{年度}年{工作}工作情况的报告`."""
    return f"{unit_full_name}关于{plan.year}年{plan.subject}工作情况的报告"


def annex1_title(unit: str, plan) -> str:
    """`{单位}{年度}年{工作}任务完成情况表` — the same title the Excel sheet carries."""
    return f"{unit}{plan.year}年{plan.subject}任务完成情况表"


@dataclass
class Para:
    """One paragraph of the main text: ``style`` body, h1 (一、 黑体), h2 (（一） 楷体) or
    addressee; ``outline`` names a bookmark (the 一、… headings)."""
    text: str
    style: str = BODY
    outline: str = ""


@dataclass
class SectionRow:
    """A section row of 附件1, merged across the table."""
    title: str


@dataclass
class MeasureLine:
    """One measure's row of 附件1. ``cells`` follow ANNEX1_COLUMNS; 序号 and 任务内容 are
    filled on a task's first row only (``task_rows`` rows share them, merged down)."""
    cells: tuple[str, ...]
    code: str
    first_of_task: bool
    task_rows: int


@dataclass
class WorkReport:
    """Everything the 工作情况报告 prints, in order."""
    unit: str
    unit_full: str
    plan: object
    on: date
    title: str
    subtitle: str                       # "（2021年第三季度，截至2021年9月30日）" or ""
    addressee: str                      # with its closing ：
    body: list[Para]                    # the opening through 特此报告。
    annex_titles: list[str]
    signature: str
    date_text: str
    contact: str                        # "（联系人：…，联系电话：…）" or ""
    annex1_title: str
    annex1_rows: list                   # SectionRow | MeasureLine
    summary_sentence: str
    annex2_rows: list[tuple[str, ...]]
    notes: list[str] = field(default_factory=list)
    title_words: list[str] = field(default_factory=list)    # unit names, for title breaking
    summary: Summary | None = None

    def all_text(self) -> str:
        """Every character the report prints (for the font coverage check)."""
        parts = [self.title, self.subtitle, self.addressee, self.signature, self.date_text, self.contact,
                 self.annex1_title, self.summary_sentence, ANNEX2_TITLE,
                 *ANNEX1_COLUMNS, *ANNEX2_COLUMNS, *self.annex_titles]
        parts += [p.text for p in self.body]
        for row in self.annex1_rows:
            parts += [row.title] if isinstance(row, SectionRow) else list(row.cells)
        for cells in self.annex2_rows:
            parts += list(cells)
        return "\n".join(parts)


def build_work_report(ledger, *, unit: str | None = None, on: date | None = None,
                      progress: Progress = None, cancelled: CancelCheck = None,
                      steps: int = 0) -> WorkReport:
    """Read the ledger once and compose the report of ``unit`` (default the ledger's).

    ``on`` is the 成文日期 (default: the one the clerk saved, else today). ``progress(done,
    total)`` is called once per measure read, with ``total`` = measures + ``steps`` (the
    caller's own work after this).
    """
    unit = ledger.check_unit(unit)
    plan = ledger.plan()
    on = resolve_date(ledger, unit=unit, on=on)
    check_cancel(cancelled)
    # A report for a round (Ledger.as_of) counts 截至 its cut-off and says so under its title.
    cutoff = getattr(ledger, "cutoff", None)
    as_of = ledger.today() if cutoff else on
    round_ = getattr(ledger, "round", None)
    subtitle = (f"（{round_.name + '，' if round_ else ''}截至{chinese_date(as_of)}）"
                if cutoff else "")
    summary = summarize(ledger, unit=unit, on=as_of)
    rows = summary.rows
    entries = ledger.entries_by_measure(unit=unit)
    steps_by_measure: dict[str, list] = {}
    for step in ledger.milestones(unit=unit):
        steps_by_measure.setdefault(step.measure_code, []).append(step)
    numbers = evidence_numbers(ledger, unit=unit)
    check_cancel(cancelled)
    text = report_text(ledger, unit=unit, on=on, rows=rows, entries=entries, summary=summary)
    texts = text.texts

    own = unit == ledger.unit
    unit_full = printable((ledger.setting("unit_full_name") if own else "") or unit)
    addressee = printable(texts["addressee"]).strip().rstrip("：:")
    signature = printable(texts["signature"]).strip() or unit_full
    person = ledger.setting("contact_person") if own else ""
    phone = ledger.setting("contact_phone") if own else ""
    bits = [f"联系人：{person}" if person else "", f"联系电话：{phone}" if phone else ""]
    contact = "（" + "，".join(b for b in bits if b) + "）" if person or phone else ""

    body = _paras(texts["opening"])
    notes = []
    for part in TEXT_PARTS:
        if not part.heading:
            continue
        body.append(Para(part.heading, H1, outline=part.heading))
        body += _paras(texts[part.key])
        if part.key in text.edited:
            continue
        if part.key == "practices" and NO_PROGRESS in texts[part.key]:
            notes.append("提示：台账中还没有任何进展记录，报告“二、主要做法和成效”部分为空")
        elif texts[part.key] == NOTHING:
            notes.append(f"提示：各举措均未填写相应内容，报告“{part.heading}”部分写为“暂无。”")
    body.append(Para(CLOSING))

    annex1 = annex1_title(unit, plan)
    evidence_by_measure: dict[str, list[EvidenceNumber]] = {}
    for number in numbers:
        evidence_by_measure.setdefault(number.measure_code, []).append(number)
    annex1_rows: list = []
    total = len(rows) + steps
    section = None
    task_rows: dict[tuple[str, int], int] = {}
    for row in rows:
        task_rows[(row.section, row.task_no)] = task_rows.get((row.section, row.task_no), 0) + 1
    seen_tasks = set()
    for index, row in enumerate(rows, 1):
        check_cancel(cancelled)
        if row.section != section:
            section = row.section
            annex1_rows.append(SectionRow(printable(section)))
        key = (row.section, row.task_no)
        first = key not in seen_tasks
        seen_tasks.add(key)
        cells = (
            str(row.task_no) if first else "",
            printable(row.task_content) if first else "",
            f"{row.code}　{printable(row.text)}",
            printable(row.responsibility),
            row.status,
            "\n".join(entry_line(e) for e in entries.get(row.code, [])),
            "\n".join(printable(n.package_name) for n in evidence_by_measure.get(row.code, [])),
            printable(row.problems),
            printable(row.next_steps),
            "\n".join(measure_remarks(row) + time_facts(row, steps_by_measure.get(row.code, []))),
        )
        annex1_rows.append(MeasureLine(cells, row.code, first, task_rows[key]))
        if progress:
            progress(index, total)

    annex2_rows = [(n.label, n.measure_code, printable(n.package_name),
                    printable(n.evidence.note), chinese_date(n.evidence.evidence_date))
                   for n in numbers]
    title_words = [u.name for u in ledger.units()] + [unit_full, unit]
    return WorkReport(
        unit=unit, unit_full=unit_full, plan=plan, on=on,
        title=report_title(unit_full, plan), subtitle=subtitle, addressee=addressee + "：",
        body=body,
        annex_titles=[annex1, ANNEX2_TITLE], signature=signature,
        date_text=chinese_date(on), contact=contact, annex1_title=annex1,
        annex1_rows=annex1_rows, summary_sentence=summary.sentence(), annex2_rows=annex2_rows,
        notes=notes, title_words=title_words, summary=summary)


def _paras(text: str) -> list[Para]:
    """A text part's lines as paragraphs; a line that starts 一、 or （一） is a heading."""
    return [Para(line, _STYLE_OF_LEVEL[heading_level(line)]) for line in paragraphs(text)]
