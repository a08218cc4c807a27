"""PDF 1: the 工作情况报告 to the province, in the form of GB/T 9704-2012 (党政机关公文格式).

Page: A4, margins 37/28/26/35 mm (type area 156 × 225 mm), 3号仿宋 body at 22 lines a page,
2号 小标宋-style title, 黑体 一、 and 楷体 （一） headings, page numbers `— n —` in 4号 宋体
7 mm below the type area (odd pages right, even left, one character in; or centred).
附件1, the 完成情况表, is a landscape table on a portrait page: the page carries /Rotate 90 so
viewers show it upright, while its page number stays where every portrait page has it and the
table head lies toward the binding edge (GB/T 9704 clause 8).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable   # this module is imported only when exporting

from models.errors import InvalidInput
from models.fingerprint import footer_text, ledger_fingerprint

from .pdf_common import (CancelCheck, MissingGlyphsError, PdfResult, Progress, build_atomically,
                         cjk_paragraph, check_cancel, enable_chinese_line_breaking,
                         progress_hook)
from .pdf_fonts import FANGSONG, HEITI, KAITI, SONG, TITLE, FontSet, resolve_fonts
from .report_content import (ANNEX1_COLUMNS, ANNEX1_WIDTHS_MM, ANNEX2_COLUMNS,  # noqa: F401
                             ANNEX2_TITLE, ANNEX2_WIDTHS_MM, H1, H2, MeasureLine, NO_EVIDENCE,
                             SectionRow, WorkReport, build_work_report)
from .title_lines import title_lines

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
TOP, LEFT, RIGHT, BOTTOM = 37 * MM, 28 * MM, 26 * MM, 35 * MM
TYPE_W, TYPE_H = PAGE_W - LEFT - RIGHT, PAGE_H - TOP - BOTTOM       # 156 × 225 mm
BODY_SIZE, TITLE_SIZE, PAGENO_SIZE = 16, 22, 14
LEADING = 28.95              # 22 lines fill the 225 mm type area
TABLE_SIZE, TABLE_LEADING = 10.5, 14
PAGE_NUMBER_GAP = 7 * MM     # from the type area's lower edge to the top of the number line
FOOTER_SIZE = 9              # the fingerprint (校验码) line, well below the page number
FOOTER_BASELINE = 14 * MM
ANNEX_TITLE_SIZE = 18

OUTER, CENTER = "outer", "center"
PORTRAIT, LANDSCAPE = "portrait", "landscape"

_BLACK = "#000000"


def write_work_report(ledger, out_path, *, unit: str | None = None,
                      page_numbers: str | None = None, fonts=None, on: date | None = None,
                      strict: bool = False, progress: Progress = None,
                      cancelled: CancelCheck = None, fingerprint: str | None = None) -> PdfResult:
    """Write the year-end 工作情况报告 of ``unit`` (default the ledger's) to ``out_path``.

    The content is exports.report_content.build_work_report: the clerk's own text where the
    ledger has it (models.narrative), its draft from the data elsewhere.
    ``page_numbers`` is "outer" (GB/T 9704: odd right, even left) or "center"; by default the
    ledger's ``page_number_style`` setting. ``fonts`` is a font path for the body or a dict
    role → path (see exports.pdf_fonts). ``on`` is the 成文日期 (default: the saved one, else
    today). Characters no font can draw are listed in the result's warnings (or, with
    ``strict``, raise MissingGlyphsError before anything is written). The file appears only
    when complete.
    ``fingerprint`` (models.fingerprint; computed when None) is printed in every page's footer.
    """
    enable_chinese_line_breaking()
    unit = ledger.check_unit(unit)
    style_choice = page_numbers or ledger.setting("page_number_style") or OUTER
    if style_choice not in (OUTER, CENTER):
        raise InvalidInput(f"页码位置“{style_choice}”无效，应为 outer（单页居右、双页居左）或 center（居中）")
    fontset = resolve_fonts(fonts)
    check_cancel(cancelled)
    report = build_work_report(ledger, unit=unit, on=on, progress=progress,
                               cancelled=cancelled, steps=100)
    measures = sum(isinstance(r, MeasureLine) for r in report.annex1_rows)
    total_steps = measures + 100

    builder = _ReportBuilder(fontset, _styles(fontset), report)
    story = builder.main_text()
    story += builder.annex1()
    story += builder.annex2()
    fingerprint = fingerprint or ledger_fingerprint(ledger, unit=unit)
    fontset.check("— 0123456789 —", SONG)      # page numbers are drawn straight on the canvas
    fontset.check(footer_text(fingerprint), SONG)
    warnings = fontset.warnings() + report.notes
    if strict and fontset.missing:
        raise MissingGlyphsError(fontset.warnings()[0])

    def build(temp_name: str) -> int:
        doc = _report_doc(temp_name, fontset, style_choice, title=report.title,
                          author=report.unit_full, footer=footer_text(fingerprint))
        doc.setProgressCallBack(progress_hook(progress, cancelled, start=measures,
                                              span=100, total=total_steps))
        doc.build(story)
        return doc.page

    pages = build_atomically(Path(out_path), build)
    if progress:
        progress(total_steps, total_steps)
    return PdfResult(Path(out_path), pages, warnings, fontset.describe())


def _styles(fontset: FontSet) -> dict:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    def style(name, role, size=BODY_SIZE, leading=LEADING, **kw):
        kw.setdefault("alignment", TA_JUSTIFY)
        # Fill all 22 lines of every page, as 公文 templates do (no orphan control).
        kw.setdefault("allowOrphans", 1)
        return ParagraphStyle(name, fontName=fontset.name(role), fontSize=size, leading=leading,
                              wordWrap="CJK", **kw)

    return {
        "title": style("title", TITLE, TITLE_SIZE, 36, alignment=TA_CENTER),
        "addressee": style("addressee", FANGSONG),
        "addressee_center": style("addressee_center", FANGSONG, alignment=TA_CENTER),
        "body": style("body", FANGSONG, firstLineIndent=2 * BODY_SIZE),
        "h1": style("h1", HEITI, firstLineIndent=2 * BODY_SIZE),
        "h2": style("h2", KAITI, firstLineIndent=2 * BODY_SIZE),
        "annex_label": style("annex_label", HEITI, alignment=TA_LEFT),
        "annex_title": style("annex_title", TITLE, ANNEX_TITLE_SIZE, 30, alignment=TA_CENTER),
        "cell": style("cell", FANGSONG, TABLE_SIZE, TABLE_LEADING, alignment=TA_LEFT),
        "cell_center": style("cell_center", FANGSONG, TABLE_SIZE, TABLE_LEADING, alignment=TA_CENTER),
        "cell_head": style("cell_head", HEITI, TABLE_SIZE, TABLE_LEADING, alignment=TA_CENTER),
        "cell_section": style("cell_section", HEITI, TABLE_SIZE, TABLE_LEADING, alignment=TA_LEFT),
        "note": style("note", FANGSONG, 12, 20, alignment=TA_LEFT),
    }


class _ReportBuilder:
    """Turns a WorkReport into flowables; every string goes through FontSet.markup."""

    def __init__(self, fontset: FontSet, styles, report: WorkReport):
        self.fonts, self.styles, self.report = fontset, styles, report

    def para(self, text: str, style: str, role: str = FANGSONG):
        return cjk_paragraph(self.fonts.markup(text, role), self.styles[style])

    def title(self, text: str, style: str, size: float, width: float):
        """The 小标宋-style title, broken between words into balanced lines (GB/T 9704
        7.3.1); a plain Song face standing in is drawn emboldened."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        font = self.fonts.name(TITLE)
        lines = title_lines(text, lambda c: stringWidth(c, font, size), width,
                            words=self.report.title_words)
        markup = "<br/>".join(self.fonts.markup(line, TITLE) for line in lines)
        para = cjk_paragraph(markup, self.styles[style])
        return _Emboldened(para) if self.fonts[TITLE].stand_in else para

    def heading(self, text: str, level: int, outline: str = ""):
        style, role = ("h1", HEITI) if level == 1 else ("h2", KAITI)
        p = cjk_paragraph(self.fonts.markup(text, role), self.styles[style])
        if outline:
            p.outline_entry = outline
        p.keepWithNext = True
        return p

    # ---- the report itself ----------------------------------------------------------------
    def main_text(self):
        from reportlab.platypus import KeepTogether, Spacer

        report = self.report
        story = [self.title(report.title, "title", TITLE_SIZE, TYPE_W)]
        if report.subtitle:
            story.append(self.para(report.subtitle, "addressee_center"))
        story += [Spacer(1, LEADING), self.para(report.addressee, "addressee")]
        body = report.body
        for para in body[:-1]:
            if para.style == H1:
                story.append(self.heading(para.text, 1, para.outline))
            elif para.style == H2:
                story.append(self.heading(para.text, 2))
            else:
                story.append(self.para(para.text, "body"))

        closing = [self.para(body[-1].text, "body"), Spacer(1, LEADING)]
        closing += self._annex_notes(*report.annex_titles)
        closing.append(Spacer(1, 2 * LEADING))          # room for the seal; never drawn
        closing.append(_SignatureBlock(self.fonts.plain(report.signature, FANGSONG),
                                       report.date_text, self.fonts.name(FANGSONG)))
        if report.contact:
            closing.append(self.para(report.contact, "body"))
        story.append(KeepTogether(closing))
        return story

    def _annex_notes(self, *titles):
        """附件：1.… with later numbers aligned under the first (GB/T 9704 7.3.4)."""
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.pdfbase.pdfmetrics import stringWidth

        font = self.fonts.name(FANGSONG)
        lead = 2 * BODY_SIZE + stringWidth("附件：", font, BODY_SIZE)
        out = []
        for k, title in enumerate(titles, 1):
            number = f"{k}."
            hang = stringWidth(number, font, BODY_SIZE)
            # "附件：" starts two characters in; later numbers line up under "1.", and wrapped
            # lines under the first character of the name.
            first = 2 * BODY_SIZE if k == 1 else lead
            style = ParagraphStyle(f"annex{k}", parent=self.styles["body"],
                                   leftIndent=lead + hang, firstLineIndent=first - lead - hang)
            text = ("附件：" if k == 1 else "") + number + self.fonts.markup(title, FANGSONG)
            out.append(cjk_paragraph(text, style))
        return out

    # ---- 附件1: the 完成情况表, landscape ---------------------------------------------------
    def annex1(self):
        from reportlab.platypus import NextPageTemplate, PageBreak, Spacer

        title = self.report.annex1_title
        story = [NextPageTemplate(LANDSCAPE), PageBreak(),
                 _outlined(self.para("附件1", "annex_label", HEITI), f"附件1　{title}"),
                 self.title(title, "annex_title", ANNEX_TITLE_SIZE, TYPE_H),
                 Spacer(1, 6)]
        story.append(self._annex1_table())
        story.append(Spacer(1, 6))
        story.append(self.para(self.report.summary_sentence, "note"))
        return story

    def _annex1_table(self):
        """The 完成情况表. 序号 and 任务内容 are merged down over a task's measures by leaving
        out the lines between them rather than with SPAN: ReportLab will not split a spanned
        block across pages, and a task's rows must split like any others."""
        from reportlab.platypus import Table

        def cell(text, st="cell", role=FANGSONG):
            # A long cell as several paragraphs: ReportLab re-wraps the whole paragraph at
            # every page it continues on, so one 20,000-character note took minutes.
            parts = _chunks(text)
            return self.para(text, st, role) if len(parts) == 1 else [
                self.para(part, st, role) for part in parts]
        centred = {0, 4}
        data = [[cell(h, "cell_head", HEITI) for h in ANNEX1_COLUMNS]]
        commands = [("LINEBELOW", (0, 0), (-1, 0), 0.5, _BLACK)]
        for line in self.report.annex1_rows:
            if isinstance(line, SectionRow):
                data.append([cell(line.title, "cell_section", HEITI)] + [""] * (len(ANNEX1_COLUMNS) - 1))
                r = len(data) - 1
                commands += [("SPAN", (0, r), (-1, r)), ("LINEABOVE", (0, r), (-1, r), 0.5, _BLACK)]
                continue
            data.append(["" if col < 2 and not line.first_of_task
                         else cell(text, "cell_center" if col in centred else "cell")
                         for col, text in enumerate(line.cells)])
            r = len(data) - 1
            commands.append(("LINEABOVE", (0 if line.first_of_task else 2, r), (-1, r), 0.5, _BLACK))
        commands += [("BOX", (0, 0), (-1, -1), 0.5, _BLACK),
                     ("LINEBEFORE", (1, 0), (-1, -1), 0.5, _BLACK)]
        widths = [w * MM for w in ANNEX1_WIDTHS_MM]
        # In-row splitting first, so every page is filled and a long row continues overleaf.
        table = Table(data, colWidths=widths, repeatRows=1, splitByRow=0,
                      splitInRow=2 * TABLE_LEADING)
        table.setStyle(_table_style(commands, grid=False, font=self.fonts.name(FANGSONG)))
        return table

    # ---- 附件2: 佐证材料清单 ----------------------------------------------------------------
    def annex2(self):
        from reportlab.platypus import NextPageTemplate, PageBreak, Spacer, Table

        story = [NextPageTemplate(PORTRAIT), PageBreak(),
                 _outlined(self.para("附件2", "annex_label", HEITI), f"附件2　{ANNEX2_TITLE}"),
                 self.title(ANNEX2_TITLE, "annex_title", ANNEX_TITLE_SIZE, TYPE_W), Spacer(1, 6)]
        if not self.report.annex2_rows:
            story.append(self.para(NO_EVIDENCE, "body"))
            return story
        cell = lambda text, st="cell", role=FANGSONG: self.para(text, st, role)  # noqa: E731
        data = [[cell(h, "cell_head", HEITI) for h in ANNEX2_COLUMNS]]
        for label, code, name, note, when in self.report.annex2_rows:
            data.append([cell(label), cell(code, "cell_center"), cell(name), cell(note),
                         cell(when, "cell_center")])
        table = Table(data, colWidths=[w * MM for w in ANNEX2_WIDTHS_MM], repeatRows=1,
                      splitByRow=1, splitInRow=1)
        table.setStyle(_table_style([], grid=True, font=self.fonts.name(FANGSONG)))
        story.append(table)
        return story


CHUNK_CHARS = 400
_BREAKS = "。；！？\n，、"


def _chunks(text: str) -> list[str]:
    """``text`` cut into pieces of at most about CHUNK_CHARS characters, at line ends where it
    has them, else after a full stop or a comma — so each piece starts a line of its own
    where a reader would expect one."""
    if len(text) <= CHUNK_CHARS:
        return [text]
    pieces, rest = [], text
    while len(rest) > CHUNK_CHARS:
        window = rest[:CHUNK_CHARS]
        cut = max(window.rfind(mark) for mark in _BREAKS)
        cut = cut + 1 if cut > CHUNK_CHARS // 4 else CHUNK_CHARS
        pieces.append(rest[:cut].rstrip("\n"))
        rest = rest[cut:].lstrip("\n")
    if rest:
        pieces.append(rest)
    return pieces


def _table_style(extra, *, grid: bool, font: str):
    from reportlab.platypus import TableStyle

    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font),     # empty cells too: never a stray Helvetica
        *([("GRID", (0, 0), (-1, -1), 0.5, _BLACK)] if grid else []),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *extra,
    ])


class _Emboldened(Flowable):
    """Draws a flowable with its glyphs filled and stroked (text render mode 2): the usual
    stand-in for 小标宋 where only a regular-weight Song face is at hand."""

    STROKE = 0.5

    def __init__(self, inner):
        super().__init__()
        self.inner = inner

    def wrap(self, avail_width, avail_height):
        self.width, self.height = self.inner.wrap(avail_width, avail_height)
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.setLineWidth(self.STROKE)
        canvas.setStrokeColorRGB(0, 0, 0)
        canvas._code.append("2 Tr")
        self.inner.drawOn(canvas, 0, 0)
        canvas.restoreState()


class _SignatureBlock(Flowable):
    """发文机关署名 above 成文日期: the date four characters in from the right, the name centred
    over the date (GB/T 9704 7.3.5.1, the sealed form). The seal itself is never drawn.
    """

    def __init__(self, name: str, date_text: str, font: str):
        super().__init__()
        self.name, self.date_text, self.font = name, date_text, font

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, 2 * LEADING

    def draw(self):
        from reportlab.pdfbase.pdfmetrics import stringWidth

        canvas, size = self.canv, BODY_SIZE
        date_w = stringWidth(self.date_text, self.font, size)
        date_right = self.width - 4 * size
        centre = date_right - date_w / 2
        name_w = stringWidth(self.name, self.font, size)
        name_x = min(max(0, centre - name_w / 2), max(0, self.width - name_w))
        canvas.setFont(self.font, size)
        canvas.drawString(name_x, LEADING + (LEADING - size), self.name)
        canvas.drawString(date_right - date_w, LEADING - size, self.date_text)


def _report_doc(filename: str, fontset: FontSet, page_numbers: str, *, title: str, author: str,
                footer: str = ""):
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    number_font = fontset.name(SONG)

    def page_number(canvas, doc):
        text = f"— {doc.page} —"
        canvas.saveState()
        if footer:
            # The fingerprint ties the paper to the package: small, in the bottom margin.
            canvas.setFont(number_font, FOOTER_SIZE)
            canvas.setFillGray(0.35)
            canvas.drawCentredString(LEFT + TYPE_W / 2, FOOTER_BASELINE, footer)
            canvas.setFillGray(0)
        canvas.setFont(number_font, PAGENO_SIZE)
        # The dash sits at mid-height of the digits: its top, not the baseline, is 7 mm down.
        baseline = BOTTOM - PAGE_NUMBER_GAP - 0.45 * PAGENO_SIZE
        if page_numbers == CENTER:
            canvas.drawCentredString(LEFT + TYPE_W / 2, baseline, text)
        elif doc.page % 2:
            canvas.drawRightString(PAGE_W - RIGHT - PAGENO_SIZE, baseline, text)
        else:
            canvas.drawString(LEFT + PAGENO_SIZE, baseline, text)
        canvas.restoreState()

    def on_landscape(canvas, doc):
        # This page's content stream is landscape (ReportLab swaps the MediaBox for rotation
        # 270) and viewers turn it to portrait, so the table head lies on the portrait left,
        # the binding edge. The page number is drawn in portrait terms, where every page has it.
        canvas.saveState()
        canvas.translate(0, PAGE_W)
        canvas.rotate(-90)
        page_number(canvas, doc)
        canvas.restoreState()

    portrait = Frame(LEFT, BOTTOM, TYPE_W, TYPE_H, id="body", leftPadding=0, rightPadding=0,
                     topPadding=0, bottomPadding=0)
    # The portrait type area seen from the landscape side: x runs up the portrait page,
    # y runs from the portrait right edge to the left.
    landscape = Frame(BOTTOM, RIGHT, TYPE_H, TYPE_W, id="annex", leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0)
    class ReportDoc(BaseDocTemplate):
        def afterFlowable(self, flowable):
            # PDF bookmarks for 一、…四、 and the annexes, so a reader can jump between them.
            entry = getattr(flowable, "outline_entry", None)
            if entry:
                key = f"h{self.page}-{id(flowable)}"
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(entry, key, level=0)

    doc = ReportDoc(filename, pagesize=(PAGE_W, PAGE_H), title=title, author=author,
                    subject="工作情况报告", creator="TaskLedger 任务台账",
                    initialFontName=fontset.name(SONG),   # no unembedded Helvetica
                    leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP, bottomMargin=BOTTOM)
    doc.addPageTemplates([
        PageTemplate(id=PORTRAIT, frames=[portrait], onPage=page_number, pagesize=(PAGE_W, PAGE_H)),
        _rotated(PageTemplate(id=LANDSCAPE, frames=[landscape], onPage=on_landscape,
                              pagesize=(PAGE_W, PAGE_H)), 270),
    ])
    return doc


def _outlined(flowable, entry: str):
    flowable.outline_entry = entry
    return flowable


def _rotated(template, degrees: int):
    # BaseDocTemplate reads a template's ``rotation`` when it ends the page: with 270 the page
    # gets a landscape MediaBox and /Rotate 270, i.e. it is a portrait sheet whose content
    # runs across it.
    template.rotation = degrees
    return template
