"""The province's consolidated summary for print (A4 landscape).

报送情况 (who handed in, counts, completion share, late measures); the units × tasks matrix
(done/carried per task, coloured by share); indicator totals against the provincial target;
late units. Page numbers ``— n —`` at the foot of every page.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from models.province.consolidate import MEAN, Consolidation, consolidate
from models.status import DONE, IN_PROGRESS, NOT_INVOLVED, NOT_STARTED

from .pdf_common import (PdfResult, build_atomically, check_cancel, chinese_date,
                         enable_chinese_line_breaking)

# Fills by completion share of a task (same hues as the workbook's status fills).
FULL, PARTIAL, NONE, EMPTY = "#C6EFCE", "#FFEB9C", "#FFC7CE", "#D9D9D9"


def write_consolidated_pdf(ledger, out_path: Path, *, on: date | None = None, fonts=None,
                           progress: Callable[[int, int], None] | None = None,
                           cancelled: Callable[[], bool] | None = None,
                           round_name: str | None = None) -> PdfResult:
    """Write the printable consolidated summary of the provincial ledger to ``out_path``;
    for a reporting round (``round_name``) from each unit's package of that round."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    from .pdf_fonts import resolve_fonts

    enable_chinese_line_breaking()
    fontset = resolve_fonts(fonts)
    view = consolidate(ledger, on=on, round_name=round_name)
    check_cancel(cancelled)
    title = f"{view.plan_year}年推动知识产权高质量发展任务完成情况全省汇总"
    if view.round is not None:
        from models.rounds import as_of_phrase
        title += f"（{view.round.name}，{as_of_phrase(view.round.cutoff)}）"
    story = _story(view, fontset, title)
    if progress:
        progress(1, 2)

    def page_number(canvas, doc):
        from .pdf_fonts import FANGSONG
        canvas.saveState()
        canvas.setFont(fontset.name(FANGSONG), 12)
        canvas.drawCentredString(doc.pagesize[0] / 2, 10 * mm, f"— {doc.page} —")
        canvas.restoreState()

    def build(temp_name: str) -> int:
        doc = SimpleDocTemplate(temp_name, pagesize=landscape(A4), leftMargin=15 * mm,
                                rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=18 * mm,
                                title=title, author="TaskLedger")
        doc.build(list(story), onFirstPage=page_number, onLaterPages=page_number)
        check_cancel(cancelled)
        return doc.page

    pages = build_atomically(Path(out_path), build)
    if progress:
        progress(2, 2)
    return PdfResult(path=Path(out_path), pages=pages, warnings=fontset.warnings(),
                     fonts=fontset.describe())


def _story(view: Consolidation, fontset, title: str) -> list:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

    from .pdf_fonts import FANGSONG, HEITI, TITLE

    def style(name, role, size, leading, **kw):
        return ParagraphStyle(name, fontName=fontset.name(role), fontSize=size, leading=leading,
                              wordWrap="CJK", **kw)
    s_title = style("t", TITLE, 20, 30, alignment=TA_CENTER)
    s_h = style("h", HEITI, 14, 22, spaceBefore=8, spaceAfter=6)
    s_body = style("b", FANGSONG, 11, 17)
    s_cell = style("c", FANGSONG, 8.5, 11)
    s_cell_c = style("cc", FANGSONG, 8.5, 11, alignment=TA_CENTER)
    s_head = style("hd", HEITI, 8.5, 11, alignment=TA_CENTER)
    width = landscape(A4)[0] - 30 * mm

    def p(text, st=s_cell, role=FANGSONG):
        return Paragraph(fontset.markup(str(text), role), st)

    def grid(data, widths, extra=(), repeat=1):
        table = Table(data, colWidths=widths, repeatRows=repeat)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("BACKGROUND", (0, 0), (-1, repeat - 1), colors.HexColor("#F2F2F2")),
                                   *extra]))
        return table

    story = [p(title, s_title, TITLE), Spacer(1, 4 * mm),
             p(f"方案：{view.plan_title}　报送截止：{chinese_date(date.fromisoformat(view.deadline))}　"
               f"汇总日期：{chinese_date(view.on)}　已报送 {len(view.submitted)}/{len(view.units)} 个单位",
               s_body)]

    # 一、报送与完成情况
    story.append(p("一、报送与完成情况", s_h, HEITI))
    head = ["单位", "报送", "材料包制作时间", "已完成", "推进中", "未启动", "不涉及", "完成率", "逾期举措"]
    data = [[p(h, s_head, HEITI) for h in head]]
    extra = []
    for r, line in enumerate(view.units, 1):
        submitted = line.submitted_at is not None
        counts = [line.counts.get(k, 0) for k in (DONE, IN_PROGRESS, NOT_STARTED, NOT_INVOLVED)]
        state = "省局直接填报" if line.recorded_directly else "已报送" if submitted else "未报送"
        data.append([p(line.unit, s_cell_c), p(state, s_cell_c),
                     p((line.submitted_at or "")[:16].replace("T", " "), s_cell_c),
                     *(p(c if submitted else "", s_cell_c) for c in counts),
                     p(f"{line.share_done:.1%}" if submitted else "", s_cell_c),
                     p(len(line.late) if submitted or line.late else "", s_cell_c)])
        if not submitted:
            extra.append(("BACKGROUND", (1, r), (1, r), colors.HexColor(NONE)))
    story.append(grid(data, [30 * mm, 18 * mm, 36 * mm] + [22 * mm] * 4 + [22 * mm, 22 * mm], extra))

    # 二、各单位分任务完成情况
    story += [PageBreak(), p("二、各单位分任务完成情况（已完成/承担举措数）", s_h, HEITI)]
    tasks = view.tasks
    unit_w = 22 * mm
    cell_w = (width - unit_w) / max(1, len(tasks))
    data = [[p("单位", s_head, HEITI)] + [p(f"任务{no}", s_head, HEITI) for no, _, _ in tasks]]
    extra = []
    for r, line in enumerate(view.units, 1):
        row = [p(line.unit, s_cell_c)]
        for c, (no, _, _) in enumerate(tasks, 1):
            tp = line.tasks.get(no)
            if line.submitted_at is None and view.is_province:
                row.append(p("", s_cell_c))
                continue
            if tp is None or not tp.carried:
                row.append(p("—", s_cell_c))
                if tp is not None:
                    extra.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(EMPTY)))
                continue
            row.append(p(f"{tp.done}/{tp.carried}", s_cell_c))
            fill = FULL if tp.done == tp.carried else (PARTIAL if tp.done or tp.in_progress else NONE)
            extra.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(fill)))
        data.append(row)
    story.append(grid(data, [unit_w] + [cell_w] * len(tasks), extra))
    story.append(Spacer(1, 3 * mm))
    story.append(p("任务：" + "；".join(f"{no}. {content}" for no, content, _ in tasks), s_cell))
    story.append(p("底色：绿＝全部完成，黄＝部分完成或推进中，红＝均未启动，灰＝不涉及，空白＝未报送。", s_cell))

    # 三、量化指标汇总
    story += [PageBreak(), p("三、量化指标汇总", s_h, HEITI)]
    head = ["举措", "指标", "全省目标", "全省合计", "是否达到", "填报单位数", "各单位完成值"]
    data = [[p(h, s_head, HEITI) for h in head]]
    for item in view.indicators:
        total = item.total
        shown = "" if total is None else (f"{total:.1f}" if item.aggregate == MEAN else _num(total))
        how = "（平均）" if item.aggregate == MEAN and shown else ""
        figures = "、".join(f"{u}{_num(v)}" for u, v in item.by_unit.items())
        data.append([p(item.measure_code, s_cell_c), p(item.measure_text),
                     p(item.target, s_cell_c), p(f"{shown}{item.quantity_unit if shown else ''}{how}", s_cell_c),
                     p({True: "已达到", False: "未达到", None: "未填报"}[item.met], s_cell_c),
                     p(len(item.by_unit), s_cell_c), p(figures or "—")])
    story.append(grid(data, [14 * mm, 80 * mm, 22 * mm, 26 * mm, 18 * mm, 18 * mm,
                             width - 178 * mm]))

    # 四、逾期情况
    story.append(p("四、逾期情况", s_h, HEITI))
    late = view.late_units
    if not late:
        story.append(p("无逾期单位。", s_body))
    else:
        data = [[p("单位", s_head, HEITI), p("情况", s_head, HEITI)]]
        for line in late:
            parts = []
            if line.late:
                parts.append(f"逾期举措 {len(line.late)} 项：{'、'.join(line.late)}")
            if line.submitted_at is None:
                parts.append("截止日期已过，尚未报送")
            data.append([p(line.unit, s_cell_c), p("；".join(parts))])
        story.append(grid(data, [30 * mm, width - 30 * mm]))
    return story


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
