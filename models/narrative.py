"""The 工作情况报告's own words: its parts, their drafts from the ledger, and what is printed.

A report has text parts (开头, 总体情况, 主要做法和成效, 存在问题, 下一步工作打算) and one-line
parts (主送机关, 落款, 成文日期). Each is drafted from the measures and entries on request;
the clerk edits the draft in the window and the ledger keeps the edited text
(``Ledger.save_narrative``). A part the clerk has not edited follows the data: the report
prints its current draft. The PDF and the Word report print :func:`report_text`.

Text parts are plain text, one paragraph per line; a line that starts like a heading
(一、 or （一）) is printed as one (:func:`heading_level`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .deadlines import today
from .errors import InvalidInput
from .status import DONE, IN_PROGRESS, NOT_INVOLVED
from .wording import chinese_date, printable, with_tag


@dataclass(frozen=True)
class NarrativePart:
    """One part of the report: ``kind`` "text" (paragraphs), "line" or "date"."""
    key: str
    label: str
    kind: str
    heading: str = ""          # the report's heading above a text part ("" for none)


PARTS = (
    NarrativePart("opening", "开头", "text"),
    NarrativePart("overview", "总体情况", "text", "一、总体情况"),
    NarrativePart("practices", "主要做法和成效", "text", "二、主要做法和成效"),
    NarrativePart("problems", "存在问题", "text", "三、存在问题"),
    NarrativePart("plans", "下一步工作打算", "text", "四、下一步工作打算"),
    NarrativePart("addressee", "主送机关", "line"),
    NarrativePart("signature", "落款（发文机关署名）", "line"),
    NarrativePart("date", "成文日期", "date"),
)
PART_KEYS = tuple(p.key for p in PARTS)
BY_KEY = {p.key: p for p in PARTS}
TEXT_PARTS = tuple(p for p in PARTS if p.kind == "text")

TEXT_LIMIT = 200_000        # characters of one text part (about 120 pages of 公文)
LINE_LIMIT = 100            # characters of 主送机关 / 落款

NO_PROGRESS = "暂无进展记录。"
NOTHING = "暂无。"

_H1 = re.compile(r"^[一二三四五六七八九十]+、")
_H2 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_SECTION_NUMBER = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*")
_CHINESE_NUMBERS = "一二三四五六七八九十"


def heading_level(line: str) -> int:
    """1 for a line starting 一、, 2 for （一）, 0 for a body paragraph."""
    line = line.lstrip()
    if _H1.match(line):
        return 1
    if _H2.match(line):
        return 2
    return 0


def paragraphs(text: str) -> list[str]:
    """The non-empty lines of a text part, each one paragraph (surrounding spaces dropped)."""
    return [line.strip() for line in printable(text).split("\n") if line.strip()]


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (enough for section counts)."""
    if n <= 10:
        return _CHINESE_NUMBERS[n - 1]
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _CHINESE_NUMBERS[tens - 1]) + "十"
            + (_CHINESE_NUMBERS[ones - 1] if ones else ""))


def check_part(key: str, text: str | None) -> str:
    """``text`` cleaned for storing as part ``key``; InvalidInput naming the part otherwise.

    Control characters are dropped (they cannot be printed); "" means "no text of mine:
    follow the data".
    """
    part = BY_KEY.get(key)
    if part is None:
        raise InvalidInput(f"报告正文没有“{key}”这一部分（可用：{'、'.join(PART_KEYS)}）")
    value = printable(text).strip()
    if part.kind == "text":
        if len(value) > TEXT_LIMIT:
            raise InvalidInput(f"报告正文“{part.label}”太长（{len(value)} 个字，最多 {TEXT_LIMIT} 个）")
        return value
    if "\n" in value:
        raise InvalidInput(f"“{part.label}”只能写一行")
    if part.kind == "line":
        if len(value) > LINE_LIMIT:
            raise InvalidInput(f"“{part.label}”太长（{len(value)} 个字，最多 {LINE_LIMIT} 个）")
        return value
    if not value:
        return ""
    from .ledger import parse_date
    return parse_date(value, what="成文日期")


@dataclass
class ReportText:
    """What the report prints for each part, and which parts are the clerk's own words."""
    texts: dict[str, str]
    edited: set[str] = field(default_factory=set)
    on: date = field(default_factory=today)     # the 成文日期 (also the date counts are "截至")
    drafts: dict[str, str] = field(default_factory=dict)


def draft_narrative(ledger, *, unit: str | None = None, on: date | None = None,
                    rows=None, entries=None, summary=None) -> dict[str, str]:
    """Every part drafted from the ledger (plain Python, no Qt): counts and shares, the work
    done per section from the progress entries, the problems and next steps the clerk wrote
    per measure (identical ones merged), the addressee, signature and date from the settings.

    ``rows``, ``entries`` (code → entries) and ``summary`` may be passed in by a caller that
    already read them.
    """
    from .summary import summarize

    unit = ledger.check_unit(unit)
    on = on or today()
    plan = ledger.plan()
    # A ledger viewed "as of" a cut-off (Ledger.as_of: a reporting round) reports 截至 that
    # day; otherwise the counts stand on the 成文日期.
    cutoff = getattr(ledger, "cutoff", None)
    as_of = ledger.today() if cutoff else on
    summary = summary if summary is not None else summarize(ledger, unit=unit, on=as_of)
    rows = rows if rows is not None else summary.rows
    entries = entries if entries is not None else ledger.entries_by_measure(unit=unit)
    own = unit == ledger.unit
    drafts = {}

    citation = f"《{plan.title}》" + (f"（{plan.doc_no}）" if plan.doc_no else "")
    period = f"截至{chinese_date(as_of)}的" if cutoff else ""
    drafts["opening"] = (f"按照{citation}要求，{unit}认真抓好各项任务落实。"
                         f"现将{period}{plan.year}年{plan.subject}工作情况报告如下：")

    overview = [f"截至{chinese_date(as_of)}，{unit}{summary.sentence()}"]
    if summary.indicators:
        parts = []
        for item in summary.indicators:
            ind = item.indicator
            value = ("尚未填报完成值" if ind.value is None
                     else f"本单位完成{_number(ind.value)}{ind.quantity_unit}")
            parts.append(f"举措{item.measure_code}（全省目标{ind.raw}），{value}")
        overview.append("量化指标方面：" + "；".join(parts) + "。")
    drafts["overview"] = "\n".join(overview)

    lines = []
    sections: dict[str, list] = {}
    for row in rows:
        sections.setdefault(row.section, []).append(row)
    section_no = 0
    for title, items in sections.items():
        shown = [r for r in items if entries.get(r.code) or r.status in (DONE, IN_PROGRESS)]
        if not shown:
            continue
        section_no += 1
        lines.append(f"（{chinese_number(section_no)}）{_SECTION_NUMBER.sub('', title)}")
        for k, row in enumerate(shown, 1):
            lines.append(f"{k}.{printable(row.text).rstrip('。；;')}（举措{row.code}，{row.status}）")
            for entry in entries.get(row.code, []):
                # A line break the clerk typed starts a new paragraph.
                lines += paragraphs(_entry_prose(entry, plan.year))
    if not any(entries.get(r.code) for r in rows):
        lines.append(NO_PROGRESS)
    drafts["practices"] = "\n".join(lines)

    drafts["problems"] = _grouped(rows, "problems")
    drafts["plans"] = _grouped(rows, "next_steps")
    addressee = (ledger.setting("addressee") if own else "") or plan.issuer or ""
    drafts["addressee"] = addressee.strip().rstrip("：:")
    drafts["signature"] = (ledger.setting("unit_full_name") if own else "") or unit
    drafts["date"] = on.isoformat()
    return drafts


def _entry_prose(entry, year: int) -> str:
    """A progress entry in running text: 3月15日，… (the year only when it is another)."""
    day = date.fromisoformat(entry.date)
    stamp = f"{day.month}月{day.day}日" if day.year == year else chinese_date(day)
    return f"{stamp}，{printable(entry.text)}"


def _grouped(rows, attr: str) -> str:
    """Numbered paragraphs of the clerk's problems / next steps; identical texts merged."""
    groups: dict[str, list[str]] = {}
    for row in rows:
        text = printable(getattr(row, attr)).strip()
        if text and row.status != NOT_INVOLVED:
            groups.setdefault(text, []).append(row.code)
    if not groups:
        return NOTHING
    return "\n".join(with_tag(f"{k}.{text}", f"举措{'、'.join(codes)}")
                     for k, (text, codes) in enumerate(groups.items(), 1))


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def resolve_date(ledger, *, unit: str | None = None, on: date | None = None) -> date:
    """The report's 成文日期: ``on`` when given, else the one the clerk saved, else today."""
    if on is not None:
        return on
    stored = ledger.narrative(unit=unit).get("date")
    return date.fromisoformat(stored.text) if stored else today()


def report_text(ledger, *, unit: str | None = None, on: date | None = None,
                **read) -> ReportText:
    """What the report of ``unit`` prints: the clerk's text where there is one, the current
    draft elsewhere. ``on`` (the 成文日期) wins over the stored date, which wins over today.
    ``read`` passes rows/entries/summary already read on to :func:`draft_narrative`."""
    unit = ledger.check_unit(unit)
    stored = ledger.narrative(unit=unit)
    on = resolve_date(ledger, unit=unit, on=on)
    drafts = draft_narrative(ledger, unit=unit, on=on, **read)
    texts = {key: stored[key].text if key in stored else drafts[key] for key in PART_KEYS}
    texts["date"] = on.isoformat()
    return ReportText(texts=texts, edited=set(stored), on=on,
                      drafts=drafts)
