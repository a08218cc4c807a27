"""PDF 2: the 进度报告 for managers — one glance at where a unit stands (plain A4).

Unit, plan, date and days to the deadline; counts by status with a chart; completion by
section as a chart; lists of what is late (逾期), due within 7 days (临期), not started, done
without evidence and not updated for 30 days; indicators against their targets. All figures
come from models.summary.summarize, the same numbers the dashboard and the sheet show.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from models.deadlines import STALE_DAYS
from models.pace import GREEN, LIGHT_LABELS, LIGHT_TINTS, NO_LIGHT, RED, YELLOW
from models.status import DONE, IN_PROGRESS, NOT_INVOLVED, NOT_STARTED, STATUS_COLOURS
from models.summary import summarize

from .pdf_common import (CancelCheck, PdfResult, Progress, build_atomically, check_cancel,
                         chinese_date, cjk_paragraph, enable_chinese_line_breaking,
                         progress_hook)
from .pdf_fonts import HEITI, SONG, resolve_fonts

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
MARGIN = 18 * MM
BODY_W = PAGE_W - 2 * MARGIN
LIST_COLUMNS = ("举措", "落实举措", "状态", "完成时限", "最近更新")
LIST_WIDTHS_MM = (14, 104, 16, 20, 20)


def status_title(unit: str, plan) -> str:
    """`{单位}{年度}年{工作}进度报告`."""
    return f"{unit}{plan.year}年{plan.subject}进度报告"


def write_status_report(ledger, out_path, *, unit: str | None = None, fonts=None,
                        progress: Progress = None, cancelled: CancelCheck = None) -> PdfResult:
    """Write the managers' 进度报告 of ``unit`` (default the ledger's) to ``out_path``.

    Returns the page count and warnings (characters no font can draw). The file appears only
    once complete; ``cancelled()`` returning True stops with models.errors.Cancelled and no file.
    """
    from reportlab.lib.enums import TA_CENTER, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    enable_chinese_line_breaking()
    unit = ledger.check_unit(unit)
    fontset = resolve_fonts(fonts)
    check_cancel(cancelled)
    summary = summarize(ledger, unit=unit)
    plan = ledger.plan()
    if progress:
        progress(10, 100)

    def style(name, role, size, leading, **kw):
        return ParagraphStyle(name, fontName=fontset.name(role), fontSize=size, leading=leading,
                              wordWrap="CJK", alignment=kw.pop("alignment", TA_LEFT), **kw)

    styles = {
        "title": style("title", HEITI, 18, 26, alignment=TA_CENTER),
        "h": style("h", HEITI, 13, 20, spaceBefore=10, spaceAfter=4),
        "body": style("body", SONG, 10.5, 16),
        "cell": style("cell", SONG, 9, 12),
        "head": style("head", HEITI, 9, 12, alignment=TA_CENTER),
        "big": style("big", HEITI, 12, 18),
    }

    def para(text, name, role=SONG):
        return cjk_paragraph(fontset.markup(text, role), styles[name])

    from reportlab.platypus import CondPageBreak, Spacer, Table

    title = status_title(unit, plan)
    story = [para(title, "title", HEITI), Spacer(1, 6)]
    if summary.days_left >= 0:
        deadline = f"报送截止 {chinese_date(_date(summary.deadline))}，还有 {summary.days_left} 天"
    else:
        deadline = f"报送截止 {chinese_date(_date(summary.deadline))}，已超过 {-summary.days_left} 天"
    # A report for a round (or 截至 a chosen day) is judged on its cut-off and says so.
    when = ("截至日期", chinese_date(summary.on)) if summary.cutoff else ("统计日期", chinese_date(summary.on))
    if summary.round_name:
        when = ("截至日期", f"{chinese_date(summary.on)}（{summary.round_name}）")
    info = [["单位", unit, *when],
            ["方案", f"{plan.title}" + (f"（{plan.doc_no}）" if plan.doc_no else ""),
             "截止", deadline]]
    info_table = Table([[para(a, "cell", HEITI), para(b, "cell"), para(c, "cell", HEITI),
                         para(d, "cell")] for a, b, c, d in info],
                       colWidths=[14 * MM, 80 * MM, 16 * MM, BODY_W - 110 * MM])
    info_table.setStyle(_grid(fontset.name(SONG)))
    story += [info_table, Spacer(1, 6), para(summary.sentence(), "big", HEITI)]

    story.append(para("一、各状态举措数", "h", HEITI))
    story.append(_status_chart(summary, fontset))
    story.append(para("二、各部分完成情况", "h", HEITI))
    story.append(_section_chart(summary, fontset))
    if progress:
        progress(30, 100)
    check_cancel(cancelled)

    # 序时进度: the lights, then the red and yellow measures with their two figures.
    pace = ledger.pace()
    counts = "，".join(f"{LIGHT_LABELS[light]}{summary.lights.get(light, 0)}项"
                      for light in (RED, YELLOW, GREEN, NO_LIGHT))
    story += [CondPageBreak(35 * MM), para("三、序时进度", "h", HEITI),
              para(f"{counts}。完成进度落后序时进度{pace.yellow:g}个百分点及以上为黄灯，"
                   f"落后超过{pace.red:g}个百分点或已逾期为红灯；“推进中”而未填完成进度的举措无灯。",
                   "body")]
    lit = summary.red + summary.yellow
    story.append(_light_table(lit, para, fontset.name(SONG)) if lit
                 else para("没有红灯、黄灯举措。", "body"))

    lists = [
        ("逾期举措（已过完成时限仍未完成）", summary.late),
        (f"临期举措（{pace.reminder_days}天内到期）", summary.due_soon),
        ("未启动举措", summary.not_started),
        ("已完成但无佐证材料", summary.done_without_evidence),
        (f"超过{STALE_DAYS}天未更新", summary.stale),
    ]
    if summary.unconfirmed:
        lists.append(("待确认是否涉及（“相关地市”举措）", summary.unconfirmed))
    lists = [(f"{_chinese_ordinal(k)}、{heading}", rows) for k, (heading, rows) in enumerate(lists, 4)]
    for heading, rows in lists:
        # A heading starts a new page only when fewer than a few rows would fit under it.
        story += [CondPageBreak(35 * MM), para(f"{heading}：{len(rows)}项", "h", HEITI),
                  _measure_table(rows, para, fontset.name(SONG)) if rows else para("无。", "body")]

    story += [CondPageBreak(35 * MM), para(f"{_chinese_ordinal(len(lists) + 3)}、量化指标", "h", HEITI)]
    if summary.indicators:
        data = [[para(h, "head", HEITI)
                 for h in ("举措", "落实举措", "全省目标", "本单位完成值", "情况")]]
        for item in summary.indicators:
            ind = item.indicator
            value = "未填报" if ind.value is None else f"{_number(ind.value)}{ind.quantity_unit}"
            met = {True: "已达到", False: "未达到", None: "—"}[item.met]
            data.append([para(item.measure_code, "cell"), para(item.measure_text, "cell"),
                         para(ind.raw, "cell"), para(value, "cell"), para(met, "cell")])
        table = Table(data, colWidths=[w * MM for w in (14, 96, 24, 24, 16)], repeatRows=1)
        table.setStyle(_grid(fontset.name(SONG), header=True))
        story.append(para("全省目标为全省合计的目标，本单位完成值为本单位填报的数字；"
                          "“情况”一栏按本单位数字与目标比较，仅供参考。", "cell"))
        story += [Spacer(1, 3), table]
    else:
        story.append(para("本单位承担的举措没有量化指标。", "body"))

    warnings = fontset.warnings()
    made = datetime.now().strftime("%Y-%m-%d %H:%M")
    footer_font = fontset.name(SONG)
    fontset.check(f"第 0123456789 页　{title}　生成于 {made}", SONG)

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(footer_font, 8)
        canvas.drawString(MARGIN, 10 * MM, f"{title}　生成于 {made}")
        canvas.drawRightString(PAGE_W - MARGIN, 10 * MM, f"第 {doc.page} 页")
        canvas.restoreState()

    def build(temp_name: str) -> int:
        from reportlab.platypus import SimpleDocTemplate
        doc = SimpleDocTemplate(temp_name, pagesize=(PAGE_W, PAGE_H), leftMargin=MARGIN,
                                rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
                                title=title, author=unit, creator="TaskLedger 任务台账",
                                initialFontName=footer_font)   # no unembedded Helvetica
        doc.setProgressCallBack(progress_hook(progress, cancelled, start=30, span=70, total=100))
        doc.build(story, onFirstPage=footer, onLaterPages=footer)
        return doc.page

    pages = build_atomically(Path(out_path), build)
    if progress:
        progress(100, 100)
    return PdfResult(Path(out_path), pages, warnings, fontset.describe())


def _date(text: str):
    from datetime import date
    return date.fromisoformat(text)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _chinese_ordinal(n: int) -> str:
    digits = "一二三四五六七八九十"
    return digits[n - 1] if n <= 10 else "十" + digits[n - 11]


def _grid(font: str, *, header: bool = False):
    from reportlab.platypus import TableStyle
    # FONTNAME even though cells hold Paragraphs: an empty cell would select Helvetica,
    # which is never embedded.
    commands = [("FONTNAME", (0, 0), (-1, -1), font),("GRID", (0, 0), (-1, -1), 0.4, "#555555"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), "#e8e8e8"))
    return TableStyle(commands)


def _measure_table(rows, para, font: str):
    from reportlab.platypus import Table
    data = [[para(h, "head", HEITI) for h in LIST_COLUMNS]]
    for row in rows:
        updated = max([s[:10] for s in (row.updated_at, row.last_entry_date) if s], default="")
        data.append([para(row.code, "cell"), para(row.text, "cell"), para(row.status, "cell"),
                     para(row.deadline or "", "cell"), para(updated or "从未", "cell")])
    table = Table(data, colWidths=[w * MM for w in LIST_WIDTHS_MM], repeatRows=1,
                  splitByRow=1)
    table.setStyle(_grid(font, header=True))
    return table


def _light_table(rows, para, font: str):
    """The red and yellow measures: light, 完成进度 against 序时进度, deadline."""
    from reportlab.platypus import Table
    data = [[para(h, "head", HEITI) for h in ("灯", "举措", "落实举措", "完成进度", "序时进度",
                                               "完成时限")]]
    for row in rows:
        shown = "未填" if row.progress is None else f"{row.progress:g}%"
        data.append([para(LIGHT_LABELS[row.light], "cell"), para(row.code, "cell"),
                     para(row.text, "cell"), para(shown, "cell"),
                     para(f"{row.expected:.0f}%", "cell"), para(row.deadline or "", "cell")])
    table = Table(data, colWidths=[w * MM for w in (12, 14, 92, 18, 18, 20)], repeatRows=1,
                  splitByRow=1)
    style = _grid(font, header=True)
    for r, row in enumerate(rows, 1):
        style.add("BACKGROUND", (0, r), (0, r), _colour(LIGHT_TINTS[row.light]))
    table.setStyle(style)
    return table


def _status_chart(summary, fontset):
    """Horizontal bars, one per status, with the count and share at the end of each bar."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, String

    statuses = [DONE, IN_PROGRESS, NOT_STARTED, NOT_INVOLVED]
    counts = [summary.counts.get(s, 0) for s in statuses]
    height = 30 + 22 * len(statuses)
    drawing = Drawing(BODY_W, height, initialFontName=fontset.name(SONG))
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 60, 12, BODY_W - 160, height - 20
    # Bars run bottom-up; list the statuses top-down as people read them.
    chart.data = [list(reversed(counts))]
    chart.categoryAxis.categoryNames = [fontset.plain(s, SONG) for s in reversed(statuses)]
    chart.categoryAxis.labels.fontName = fontset.name(SONG)
    chart.categoryAxis.labels.fontSize = 10
    chart.valueAxis.labels.fontName = fontset.name(SONG)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(1, max(counts))
    chart.valueAxis.visible = False
    chart.bars.strokeColor = None
    chart.barSpacing = 4
    for i, status in enumerate(reversed(statuses)):
        chart.bars[(0, i)].fillColor = _colour(STATUS_COLOURS[status])
    drawing.add(chart)
    step = chart.height / len(statuses)
    for i, status in enumerate(reversed(statuses)):
        count = summary.counts.get(status, 0)
        share = "" if status == NOT_INVOLVED else f"（{summary.share(status) * 100:.1f}%）"
        x = chart.x + chart.width * count / chart.valueAxis.valueMax + 6
        label = fontset.plain(f"{count}项{share}", SONG)
        drawing.add(String(x, chart.y + step * i + step / 2 - 4, label,
                           fontName=fontset.name(SONG), fontSize=10))
    return drawing


def _section_chart(summary, fontset):
    """One bar per section of the plan: the share done, labelled done/total."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, String

    sections = [s for s in summary.sections if s.total]
    if not sections:
        drawing = Drawing(BODY_W, 20, initialFontName=fontset.name(SONG))
        drawing.add(String(0, 5, "本单位没有需填报的举措", fontName=fontset.name(SONG), fontSize=10))
        return drawing
    label_w = 190
    height = 20 + 22 * len(sections)
    # initialFontName: the renderer otherwise opens with Helvetica, which is never embedded.
    drawing = Drawing(BODY_W, height, initialFontName=fontset.name(SONG))
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = label_w, 10, BODY_W - label_w - 90, height - 16
    # A grey 100% track first, then the share done drawn over it.
    chart.data = [[100.0] * len(sections)]
    chart.categoryAxis.categoryNames = [""] * len(sections)
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = fontset.name(SONG)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, 100
    chart.valueAxis.visible = chart.categoryAxis.visible = False
    chart.groupSpacing, chart.barSpacing = 6, 0
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = _colour("#e0e0e0")
    drawing.add(chart)
    done = HorizontalBarChart()
    for attr in ("x", "y", "width", "height", "groupSpacing", "barSpacing"):
        setattr(done, attr, getattr(chart, attr))
    done.data = [[s.share * 100 for s in reversed(sections)]]
    done.categoryAxis.categoryNames = [""] * len(sections)
    done.categoryAxis.labels.fontName = done.valueAxis.labels.fontName = fontset.name(SONG)
    done.categoryAxis.visible = False
    done.valueAxis.valueMin, done.valueAxis.valueMax = 0, 100
    done.valueAxis.visible = False
    done.bars.strokeColor = None
    done.bars[0].fillColor = _colour(STATUS_COLOURS[DONE])
    drawing.add(done)
    step = chart.height / len(sections)
    for i, section in enumerate(reversed(sections)):
        y = chart.y + step * i + step / 2 - 4
        name = _clip(section.title, label_w - 8, fontset.name(SONG), 9)
        drawing.add(String(0, y, fontset.plain(name, SONG), fontName=fontset.name(SONG), fontSize=9))
        text = fontset.plain(f"{section.done}/{section.total}（{section.share * 100:.0f}%）", SONG)
        drawing.add(String(chart.x + chart.width + 6, y, text, fontName=fontset.name(SONG),
                           fontSize=9))
    return drawing


def _clip(text: str, width: float, font: str, size: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _colour(hex_value: str):
    from reportlab.lib.colors import HexColor
    return HexColor(hex_value)
