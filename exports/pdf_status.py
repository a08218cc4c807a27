"""PDF 2: the 进度报告 for managers — one glance at where a unit stands (plain A4).

The content is models.status_report.build_status_report, the same the window's print preview
shows and prints: unit, plan, date and days to the deadline; counts and shares by status with
bars; completion by section; each measure 推进中 with its latest entries; what has not
started; what is done without evidence; indicators against their targets — every measure
once, with its warnings (逾期, 临期, 超过30天未更新, 待确认是否涉及) beside it.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from models.status_report import ReportTable, build_status_report

from .pdf_common import (CancelCheck, PdfResult, Progress, build_atomically, check_cancel,
                         cjk_paragraph, enable_chinese_line_breaking, progress_hook)
from .pdf_fonts import HEITI, SONG, resolve_fonts

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
MARGIN = 18 * MM
BODY_W = PAGE_W - 2 * MARGIN


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
    report = build_status_report(ledger, unit=unit)
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
        "cell_center": style("cell_center", SONG, 9, 12, alignment=TA_CENTER),
        "head": style("head", HEITI, 9, 12, alignment=TA_CENTER),
    }

    def para(text, name, role=SONG):
        return cjk_paragraph(fontset.markup(text, role), styles[name])

    from reportlab.platypus import CondPageBreak, Spacer, Table

    title = report.title
    story = [para(title, "title", HEITI), Spacer(1, 6)]
    facts = report.facts
    info = [[para(facts[0][0], "cell", HEITI), para(facts[0][1], "cell"),
             para(facts[2][0], "cell", HEITI), para(facts[2][1], "cell")],
            [para(facts[1][0], "cell", HEITI), para(facts[1][1], "cell"),
             para(facts[3][0], "cell", HEITI), para(facts[3][1], "cell")]]
    info_table = Table(info, colWidths=[16 * MM, 80 * MM, 18 * MM, BODY_W - 114 * MM])
    info_table.setStyle(_grid(fontset.name(SONG)))
    story += [info_table, Spacer(1, 4)]
    if progress:
        progress(30, 100)
    check_cancel(cancelled)

    for part in report.parts:
        # A heading starts a new page only when fewer than a few rows would fit under it.
        story += [CondPageBreak(35 * MM), para(part.heading, "h", HEITI)]
        story += [para(text, "body") for text in part.paragraphs]
        if part.table is not None and part.table.rows:
            story += [Spacer(1, 3), _table(part.table, para, fontset.name(SONG))]
        else:
            story.append(para(part.empty, "body"))

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


def _grid(font: str, *, header: bool = False):
    from reportlab.platypus import TableStyle
    # FONTNAME even though cells hold Paragraphs: an empty cell would select Helvetica,
    # which is never embedded.
    commands = [("FONTNAME", (0, 0), (-1, -1), font), ("GRID", (0, 0), (-1, -1), 0.4, "#555555"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), "#e8e8e8"))
    return TableStyle(commands)


def _table(table: ReportTable, para, font: str):
    """A table of the report; a bar column draws each row's share as a coloured bar."""
    from reportlab.platypus import Table

    widths = [w * MM for w in table.widths_mm]
    data = [[para(h, "head", HEITI) for h in table.columns]]
    for r, row in enumerate(table.rows):
        cells = []
        for c, text in enumerate(row):
            if c == table.bar_column:
                cells.append(_bar(table.bars[r], table.bar_colours[r], widths[c] - 6))
            else:
                cells.append(para(text, "cell_center" if c in table.centred else "cell"))
        data.append(cells)
    result = Table(data, colWidths=widths, repeatRows=1, splitByRow=1, splitInRow=1)
    result.setStyle(_grid(font, header=True))
    return result


def _bar_class():
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Flowable

    class Bar(Flowable):
        """A horizontal bar ``share`` of the cell wide (a grey track behind it)."""

        def __init__(self, share: float, colour: str, width: float):
            super().__init__()
            self.share, self.colour, self.width, self.height = share, colour, width, 9

        def wrap(self, avail_width, avail_height):
            return self.width, self.height

        def draw(self):
            canvas = self.canv
            canvas.setFillColor(HexColor("#e0e0e0"))
            canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
            canvas.setFillColor(HexColor(self.colour))
            canvas.rect(0, 0, self.width * max(0.0, min(1.0, self.share)), self.height,
                        stroke=0, fill=1)
    return Bar


def _bar(share: float, colour: str, width: float):
    return _bar_class()(share, colour, width)
