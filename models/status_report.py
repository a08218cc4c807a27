"""The managers' 进度报告, composed once: the PDF (exports/pdf_status.py) and the window's print
preview and printing (ui/report_preview.py) render this same content, so the three never
differ in title, parts or length.

What a manager reads: where the unit stands (counts and shares, days left, how much is late),
completion per section, what each measure 推进中 has done lately (its latest entries), what
has not started, what is done without evidence, and the indicators against their targets.
Every measure appears once, with its warnings (逾期, 临期, 超过30天未更新, 待确认是否涉及) beside it.
Plain Python: no Qt, no ReportLab.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .deadlines import DUE_SOON, LATE, STALE_DAYS
from .pace import GREEN, LIGHT_LABELS, NO_LIGHT, RED, YELLOW
from .status import DONE, IN_PROGRESS, NOT_INVOLVED, NOT_STARTED, STATUS_COLOURS
from .summary import Summary, summarize
from .wording import UNCONFIRMED, chinese_date, entry_line, printable

LATEST_ENTRIES = 3          # entries shown per measure 推进中, newest first
ENTRY_CHARACTERS = 300      # a longer entry is cut (…): the report is read at a glance
STALE = f"超过{STALE_DAYS}天未更新"
NO_EVIDENCE = "无佐证材料"


def status_title(unit: str, plan) -> str:
    """`{单位}{年度}年{工作}进度报告`."""
    return f"{unit}{plan.year}年{plan.subject}进度报告"


@dataclass
class ReportTable:
    """A table of the report. ``bars``: per row a share (0–1) drawn as a bar in the column
    ``bar_column`` in ``bar_colours[row]``; ``lines``: cells that hold several lines."""
    columns: tuple[str, ...]
    widths_mm: tuple[float, ...]
    rows: list[tuple[str, ...]]
    bars: list[float] = field(default_factory=list)
    bar_colours: list[str] = field(default_factory=list)
    bar_column: int = -1
    centred: tuple[int, ...] = ()


@dataclass
class ReportPart:
    """A numbered part: heading, paragraphs, then a table (or ``empty`` when it has no rows)."""
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    table: ReportTable | None = None
    empty: str = "无。"


@dataclass
class StatusReport:
    """Everything the 进度报告 prints, in order."""
    title: str
    facts: list[tuple[str, str]]            # (label, value): 单位, 方案, 统计日期, 报送截止
    parts: list[ReportPart]
    summary: Summary

    def all_text(self) -> str:
        """Every character printed (for the font coverage check)."""
        out = [self.title, *(a + b for a, b in self.facts)]
        for part in self.parts:
            out += [part.heading, part.empty, *part.paragraphs]
            if part.table:
                out += list(part.table.columns)
                out += [cell for row in part.table.rows for cell in row]
        return "\n".join(out)


def build_status_report(ledger, *, unit: str | None = None, on: date | None = None) -> StatusReport:
    """Read the ledger once and compose the 进度报告 of ``unit`` (default the ledger's)."""
    summary = summarize(ledger, unit=unit, on=on)
    unit = summary.unit
    plan = ledger.plan()
    entries = ledger.entries_by_measure(unit=unit)
    deadline = date.fromisoformat(summary.deadline)
    if summary.days_left >= 0:
        left = f"{chinese_date(deadline)}，还有{summary.days_left}天"
    else:
        left = f"{chinese_date(deadline)}，已超过{-summary.days_left}天"
    # A report for a round (or 截至 a chosen day, Ledger.as_of) is judged on its cut-off.
    when = ("截至日期" if summary.cutoff else "统计日期", chinese_date(summary.on)
            + (f"（{summary.round_name}）" if summary.round_name else ""))
    facts = [("单位", unit), ("方案", plan.title + (f"（{plan.doc_no}）" if plan.doc_no else "")),
             when, ("报送截止", left)]
    pace = ledger.pace()

    flags = _flags(summary)
    parts = []
    statuses = (DONE, IN_PROGRESS, NOT_STARTED, NOT_INVOLVED)
    counts = [summary.counts.get(s, 0) for s in statuses]
    overview = ReportTable(
        columns=("状态", "项数", "占比", ""), widths_mm=(24, 18, 22, 110),
        rows=[(s, f"{n}项", "—" if s == NOT_INVOLVED else f"{summary.share(s) * 100:.1f}%", "")
              for s, n in zip(statuses, counts)],
        bars=[n / max(1, max(counts)) for n in counts],
        bar_colours=[STATUS_COLOURS[s] for s in statuses], bar_column=3, centred=(1, 2))
    attention = [f"逾期{len(summary.late)}项", f"临期（{pace.reminder_days}天内到期）{len(summary.due_soon)}项",
                 f"{STALE}{len(summary.stale)}项",
                 f"已完成但无佐证材料{len(summary.done_without_evidence)}项"]
    if summary.unconfirmed:
        attention.append(f"{UNCONFIRMED}{len(summary.unconfirmed)}项")
    parts.append(ReportPart("一、总体情况", [summary.sentence(), "需关注：" + "，".join(attention) + "。"],
                            overview))

    # 序时进度: the lights, then the red and yellow measures with both figures.
    counts_text = "，".join(f"{LIGHT_LABELS[light]}{summary.lights.get(light, 0)}项"
                           for light in (RED, YELLOW, GREEN, NO_LIGHT))
    lit = summary.red + summary.yellow
    parts.append(ReportPart("二、序时进度", [
        f"{counts_text}。完成进度落后序时进度{pace.yellow:g}个百分点及以上为黄灯，落后超过"
        f"{pace.red:g}个百分点或已逾期为红灯；“推进中”而未填完成进度的举措无灯。"],
        ReportTable(columns=("灯", "举措", "落实举措", "完成进度", "序时进度", "完成时限"),
                    widths_mm=(12, 12, 86, 20, 20, 24),
                    rows=[(LIGHT_LABELS[row.light], row.code, printable(row.text),
                           "未填" if row.progress is None else f"{row.progress:g}%",
                           f"{row.expected:.0f}%", chinese_date(row.deadline) or "—")
                          for row in lit], centred=(0, 1, 3, 4, 5)),
        empty="没有红灯、黄灯举措。"))

    sections = [s for s in summary.sections if s.total]
    parts.append(ReportPart("三、各部分完成情况", [], ReportTable(
        columns=("部分", "已完成/承担", "完成率", ""), widths_mm=(70, 22, 16, 66),
        rows=[(printable(s.title), f"{s.done}/{s.total}", f"{s.share * 100:.0f}%", "")
              for s in sections],
        bars=[s.share for s in sections], bar_colours=[STATUS_COLOURS[DONE]] * len(sections),
        bar_column=3, centred=(1, 2)), empty="本单位没有需填报的举措。"))

    in_progress = [r for r in summary.rows if r.status == IN_PROGRESS]
    rows = []
    for row in in_progress:
        latest = list(reversed(entries.get(row.code, [])))[:LATEST_ENTRIES]
        lines = [printable(row.text)] + [f"· {_clip(entry_line(e))}" for e in latest]
        more = len(entries.get(row.code, [])) - len(latest)
        if not latest:
            lines.append("· 尚无进展记录")
        elif more > 0:
            lines.append(f"· 另有更早的进展{more}条")
        rows.append((row.code, "\n".join(lines), chinese_date(row.deadline) or "—",
                     "、".join(flags.get(row.code, [])) or "—"))
    parts.append(ReportPart(f"四、推进中举措及最新进展（{len(in_progress)}项）", [], ReportTable(
        columns=("举措", "落实举措与最新进展", "完成时限", "提示"), widths_mm=(12, 114, 24, 24),
        rows=rows, centred=(0, 2))))

    not_started = [r for r in summary.rows if r.status == NOT_STARTED]
    parts.append(ReportPart(f"五、未启动举措（{len(not_started)}项）", [],
                            _measure_table(not_started, flags)))
    done_bare = summary.done_without_evidence
    parts.append(ReportPart(f"六、已完成但无佐证材料（{len(done_bare)}项）", [],
                            _measure_table(done_bare, flags)))

    if summary.indicators:
        verdict = {True: "已达到", False: "未达到", None: "—"}
        indicator_rows = [(item.measure_code, printable(item.measure_text), item.indicator.raw,
                           "未填报" if item.indicator.value is None
                           else f"{_number(item.indicator.value)}{item.indicator.quantity_unit}",
                           verdict[item.met]) for item in summary.indicators]
        parts.append(ReportPart("七、量化指标", [
            "全省目标为全省合计的目标，本单位完成值为本单位填报的数字；“情况”一栏按本单位数字与目标比较，仅供参考。"],
            ReportTable(columns=("举措", "落实举措", "全省目标", "本单位完成值", "情况"),
                        widths_mm=(12, 96, 24, 26, 16), rows=indicator_rows, centred=(0, 2, 3, 4))))
    else:
        parts.append(ReportPart("七、量化指标", [], None, empty="本单位承担的举措没有量化指标。"))
    return StatusReport(status_title(unit, plan), facts, parts, summary)


def _flags(summary: Summary) -> dict[str, list[str]]:
    flags: dict[str, list[str]] = {}
    for rows, flag in ((summary.late, LATE), (summary.due_soon, DUE_SOON),
                       (summary.stale, STALE), (summary.unconfirmed, UNCONFIRMED),
                       (summary.done_without_evidence, NO_EVIDENCE)):
        for row in rows:
            flags.setdefault(row.code, []).append(flag)
    return flags


def _measure_table(rows, flags) -> ReportTable:
    out = []
    for row in rows:
        updated = max([s[:10] for s in (row.updated_at, row.last_entry_date) if s], default="")
        out.append((row.code, printable(row.text), chinese_date(row.deadline) or "—",
                    chinese_date(updated) if updated else "从未",
                    "、".join(f for f in flags.get(row.code, []) if f != NO_EVIDENCE) or "—"))
    return ReportTable(columns=("举措", "落实举措", "完成时限", "最近更新", "提示"),
                       widths_mm=(12, 90, 24, 24, 24), rows=out, centred=(0, 2, 3))


def _clip(text: str) -> str:
    return text if len(text) <= ENTRY_CHARACTERS else text[:ENTRY_CHARACTERS] + "…"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
