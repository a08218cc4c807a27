"""The year (or period) a task list is for: from its title, its 文号 or its notice date.

A title may name one year (2021年…, …（2021）), a period (2022—2023年, “十四五”) or none; a
notice without a year in its title still carries one in its 文号 (豫知〔2021〕35号) or in the date
it was signed (2021年4月10日). ``period`` is "2021" for one year and "2022—2023" for a range.
"""
from __future__ import annotations

import re

_DASHES = "—–―－\\-~～至到"
_RANGE = re.compile(rf"(20\d{{2}})\s*年?\s*[{_DASHES}]+\s*(20\d{{2}})\s*年?")
_FIVE_YEAR = {"十四五": (2021, 2025), "第十四个五年": (2021, 2025), "十五五": (2026, 2030),
              "第十五个五年": (2026, 2030), "十三五": (2016, 2020), "第十三个五年": (2016, 2020)}
_YEAR = re.compile(r"(20\d{2})\s*年|[（(]\s*(20\d{2})\s*[）)]")
_DOC_NO_YEAR = re.compile(r"[〔\[【［﹝(（]\s*(20\d{2})\s*[〕\]】］﹞)）]\s*\d+\s*号")
_DOC_NO = re.compile(r"[\u4e00-\u9fff]{1,8}\s*[〔\[【［﹝]\s*20\d{2}\s*[〕\]】］﹞]\s*\d+\s*号")
_NOTICE_DATE = re.compile(r"^\s*[（(]?\s*(20\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]?\s*$")


def year_in(text: str) -> int | None:
    """The first year (20xx) written in ``text`` (2021年, （2021）)."""
    match = _YEAR.search(text or "")
    return int(next(g for g in match.groups() if g)) if match else None


def period_in(text: str) -> tuple[int, str] | None:
    """(first year, "2022—2023") when ``text`` names a period of years, else None.

    A five-year plan's name ("十四五") names its period unless the text also names one year
    inside it ("2021年…“十四五”规划实施推进计划" is a list for 2021).
    """
    text = text or ""
    match = _RANGE.search(text)
    if match and int(match[1]) < int(match[2]) <= int(match[1]) + 15:
        return int(match[1]), f"{match[1]}—{match[2]}"
    for name, (start, end) in _FIVE_YEAR.items():
        if name in text:
            year = year_in(text)
            if year and start <= year <= end:
                return None
            return start, f"{start}—{end}"
    return None


def doc_no_in(text: str) -> str:
    """The first document number (豫知〔2021〕35号) in ``text``, or ""."""
    match = _DOC_NO.search(text or "")
    return re.sub(r"\s+", "", match.group(0)) if match else ""


def plan_period(title: str, *, doc_no: str = "", lines: list[str] = ()) -> tuple[int | None, str]:
    """(year, period) of a list: the title first, then its 文号, then a signing date.

    ``lines`` are the document's other lines (the notice around the list). Returns
    (None, "") when nothing names a year; the caller may still find one in the deadlines.
    """
    found = period_in(title)
    if found:
        return found
    year = year_in(title)
    if year:
        return year, str(year)
    for text in [doc_no, *lines]:
        match = _DOC_NO_YEAR.search(text or "")
        if match:
            return int(match[1]), match[1]
    for line in lines:
        match = _NOTICE_DATE.match(line or "")
        if match:
            return int(match[1]), match[1]
    return None, ""


def period_end(period: str, year: int) -> int:
    """The last year of ``period`` ("2022—2023" → 2023; "2021" → 2021)."""
    years = re.findall(r"20\d{2}", period or "")
    return int(years[-1]) if years else int(year)
