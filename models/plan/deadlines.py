"""A 完成时限 as an office writes it → the date it names, or None.

Lists write deadlines in words: 2021年6月底前, 9月30日前, 上半年, 三季度末, 年内有阶段性成果,
2022—2023年; and also give none: 长期坚持, 持续推进, 每季度, 常态化. The text is always kept as
written (``deadline_text``); the date is what the ledger can count days to. A text naming
several dates (启动…完成) gives the latest, the date by which all of it is due.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime

MAX_DEADLINE_TEXT = 200

_FULLWIDTH = str.maketrans("０１２３４５６７８９．／－", "0123456789./-")
_CN_MONTHS = {"十二": 12, "十一": 11, "十": 10, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_MONTH = re.compile(r"(?<![\d一二三四五六七八九十])(十[一二]|[一二三四五六七八九十])\s*月")

_FULL_DATE = re.compile(r"(20\d{2})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?")
_YEAR_MONTH = re.compile(r"(20\d{2})\s*[年./-]\s*(\d{1,2})\s*月?(?:份)?")
_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MONTH = re.compile(r"(?<![\d年.])(\d{1,2})\s*月")
# "2022年" alone is the year's end, but not "2022年起" / "2022年以来" (a start).
_YEAR_END = re.compile(r"(20\d{2})\s*年(?:底|末|年底|内|全年)?(?!\s*(?:起|开始|以来|\d))")
_QUARTERS = {"一季度": 3, "第一季度": 3, "二季度": 6, "第二季度": 6, "三季度": 9, "第三季度": 9,
             "四季度": 12, "第四季度": 12, "上半年": 6, "下半年": 12, "年底": 12, "年内": 12,
             "年末": 12, "全年": 12, "年中": 6}


def _month_end(year: int, month: int) -> date | None:
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def _arabic_months(text: str) -> str:
    """六月底 → 6月底, 十二月 → 12月 (an office may write months in Chinese numerals)."""
    return _CN_MONTH.sub(lambda m: f"{_CN_MONTHS[m.group(1)]}月", text)


def parse_deadline(value, year: int) -> str | None:
    """A 完成时限 cell as YYYY-MM-DD (the latest date it names), or None when it names none.

    "2021年6月底前" → 2021-06-30; "9月30日前" → {year}-09-30; "上半年" → {year}-06-30;
    "年内有阶段性成果" → {year}-12-31; "长期坚持", "持续推进", "每季度" → None. ``year`` is the
    plan's (first) year, used where the text gives a month without one.
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = _arabic_months(str(value or "").translate(_FULLWIDTH))
    if not text.strip():
        return None
    found: list[date] = []
    rest = text
    for m in _FULL_DATE.finditer(rest):
        try:
            found.append(date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            pass
    rest = _FULL_DATE.sub(" ", rest)
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
    if "每" not in rest:        # 每季度, 每半年: a rhythm, not a deadline
        for word, month in _QUARTERS.items():
            if word in rest:
                found.append(_month_end(year, month))
    return max(found).isoformat() if found else None


def deadline_text_of(value) -> str:
    """The 完成时限 as written, one line (a date cell as YYYY年M月D日)."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    return re.sub(r"\s+", " ", str(value or "")).strip()[:MAX_DEADLINE_TEXT]


_DEADLINE_WORDS = re.compile(r"(?:20\d{2}\s*年|\d{1,2}\s*月|[一二三四五六七八九十]{1,2}\s*月|季度|"
                             r"上半年|下半年|年底|年内|年末|全年|长期|持续|常态化|每[年月季周]|"
                             r"前完成|底前|之前)")


def looks_like_deadline(text: str) -> bool:
    """Whether a clause in a bracket is a 完成时限 (2022年6月底前完成, 长期坚持), not a unit."""
    return bool(_DEADLINE_WORDS.search(text or "")) and not re.search(
        r"(?:局|委|办|厅|政府|单位|部门)(?:牵头|负责|配合)?$", text or "")


def single_year(texts) -> int | None:
    """The one year that every dated 完成时限 in ``texts`` names (a list whose title gives no
    year); None when none is dated or they name several years."""
    years = set()
    for text in texts:
        found = parse_deadline(text or "", 1900)
        if found and not found.startswith("1900"):
            years.add(int(found[:4]))
    return years.pop() if len(years) == 1 else None
