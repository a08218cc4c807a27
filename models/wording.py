"""How every document words what the ledger holds: one date style, one way to write a
progress entry in a table cell, one wording for a measure's remarks, and the cleaning of
typed text before it goes into a file.

The 任务完成情况表 (xlsx), the 工作情况报告 (PDF and Word) and the 进度报告 all call these,
so a clerk never reads 2021-03-01 in one and 2021年3月1日 in another, or 未启动 in one and
待确认是否涉及 in the other.
"""
from __future__ import annotations

import re
from datetime import date

from .status import DONE, NOT_INVOLVED

UNCONFIRMED = "待确认是否涉及"       # a 相关地市 measure the unit has not yet confirmed
CONFIRMED_NOT_INVOLVED = "经确认不涉及"

_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
# C0 controls other than tab and line breaks, DEL, C1 controls, and the code points XML 1.0
# cannot carry (lone surrogates, U+FFFE/U+FFFF): invisible on paper, fatal in a .docx.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def chinese_date(value: date | str | None) -> str:
    """2021-03-05 (or a date) → 2021年3月5日: no zero padding, as official documents write
    dates. Text that is not a date is returned unchanged ("" for None)."""
    if value is None:
        return ""
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    match = _YMD.match(str(value)[:10])
    if not match:
        return str(value)
    y, m, d = (int(g) for g in match.groups())
    return f"{y}年{m}月{d}日"


def printable(text: str | None) -> str:
    """``text`` without control characters (a tab becomes a space, ``\\r\\n`` a line break).

    Everything else — < & " 〔〕, a leading = + - @ — is kept exactly as typed; only what
    cannot be printed or stored in a document file is dropped.
    """
    text = str(text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _UNPRINTABLE.sub("", text)


def entry_line(entry) -> str:
    """A progress entry in a table cell: ``2021年3月15日：召开专题会议``."""
    return f"{chinese_date(entry.date)}：{printable(entry.text)}"


def measure_remarks(row) -> list[str]:
    """The 备注 of a measure in every table (xlsx, PDF, Word): 经确认不涉及 / 待确认是否涉及,
    then what the task list says of it beyond its text (list_facts)."""
    remarks = []
    if row.status == NOT_INVOLVED:
        reason = getattr(row, "not_involved_reason", "")
        remarks.append(CONFIRMED_NOT_INVOLVED + (f"：{reason}" if reason else ""))
    elif row.pending:
        remarks.append(UNCONFIRMED)
    return remarks + list_facts(row)


ROLE_WORDS = {"lead": "牵头单位", "assisting": "配合单位"}


def list_facts(row) -> list[str]:
    """What the task list says of a measure beyond its text, as the outputs print it:
    本单位为牵头/配合单位 (where the list tells roles apart), its 完成时限 (the one the unit set
    itself first, then as the list wrote it), its 任务目标 and the office's own numbering."""
    facts = []
    if row.role in ROLE_WORDS:
        facts.append(f"本单位为{ROLE_WORDS[row.role]}")
    if getattr(row, "unit_deadline", None):
        day = date.fromisoformat(row.unit_deadline)
        facts.append(f"完成时限：{day.year}年{day.month}月{day.day}日（本单位确定"
                     + (f"；清单为{row.deadline_text}）" if row.deadline_text else "）"))
    elif row.deadline_text:
        facts.append(f"完成时限：{row.deadline_text}")
    elif row.own_deadline:
        day = date.fromisoformat(row.own_deadline)
        facts.append(f"完成时限：{day.year}年{day.month}月{day.day}日")
    if row.target:
        facts.append(f"任务目标：{row.target}")
    return facts


def time_facts(row, milestones=()) -> list[str]:
    """What the unit recorded of a measure's time, as the outputs print it (and the
    fingerprint covers): its 完成进度 while not done, and each milestone with its planned and
    done dates (``milestones``: models.schedule.Milestone)."""
    facts = []
    if row.recorded_progress is not None and row.status not in (DONE, NOT_INVOLVED):
        facts.append(f"完成进度{row.recorded_progress:g}%")
    steps = []
    for item in milestones:
        planned = date.fromisoformat(item.planned)
        text = f"{planned.month}月{planned.day}日前{item.text}"
        if item.done:
            done = date.fromisoformat(item.done)
            text += f"（{done.month}月{done.day}日完成）"
        else:
            text += "（未完成）"
        steps.append(text)
    if steps:
        facts.append("阶段节点：" + "；".join(steps))
    return facts


def with_tag(text: str, tag: str) -> str:
    """``text`` with a bracketed tag before its closing full stop: 加强培训（举措2.1）。

    A full stop (or ；) the clerk typed moves after the tag instead of before it."""
    body = printable(text).strip().rstrip("。；;.．，,、 ")
    return f"{body}（{tag}）。"
