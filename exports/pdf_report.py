"""PDF 1: the 工作情况报告 to the province, in the form of GB/T 9704-2012 (党政机关公文格式).

Page: A4, margins 37/28/26/35 mm (type area 156 × 225 mm), 3号仿宋 body at 22 lines a page,
2号 小标宋-style title, 黑体 一、 and 楷体 （一） headings, page numbers `— n —` in 4号 宋体
7 mm below the type area (odd pages right, even left, one character in; or centred).
附件1, the 完成情况表, is a landscape table on a portrait page: the page carries /Rotate 90 so
viewers show it upright, while its page number stays where every portrait page has it and the
table head lies toward the binding edge (GB/T 9704 clause 8).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable   # this module is imported only when exporting

from models.deadlines import today
from models.errors import InvalidInput
from models.status import DONE, IN_PROGRESS, NOT_INVOLVED
from models.summary import evidence_numbers, summarize

from .pdf_common import (CancelCheck, MissingGlyphsError, PdfResult, Progress, build_atomically,
                         cjk_paragraph, check_cancel, chinese_date,
                         enable_chinese_line_breaking, progress_hook)
from .pdf_fonts import FANGSONG, HEITI, KAITI, SONG, TITLE, FontSet, resolve_fonts

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
TOP, LEFT, RIGHT, BOTTOM = 37 * MM, 28 * MM, 26 * MM, 35 * MM
TYPE_W, TYPE_H = PAGE_W - LEFT - RIGHT, PAGE_H - TOP - BOTTOM       # 156 × 225 mm
BODY_SIZE, TITLE_SIZE, PAGENO_SIZE = 16, 22, 14
LEADING = 28.95              # 22 lines fill the 225 mm type area
TABLE_SIZE, TABLE_LEADING = 10.5, 14
PAGE_NUMBER_GAP = 7 * MM     # from the type area's lower edge to the top of the number line

OUTER, CENTER = "outer", "center"
PORTRAIT, LANDSCAPE = "portrait", "landscape"

ANNEX1_COLUMNS = ("序号", "任务内容", "落实举措", "责任地市", "完成情况", "工作进展", "佐证材料",
                  "存在问题", "下一步打算", "备注")
# 工作进展 gets the room: it holds every dated entry and is what the province reads.
ANNEX1_WIDTHS_MM = (9, 22, 34, 15, 14, 69, 22, 15, 15, 10)            # = 225 mm
ANNEX2_COLUMNS = ("编号", "所属举措", "文件名", "说明", "材料日期")
ANNEX2_WIDTHS_MM = (24, 17, 57, 36, 22)                                # = 156 mm

_BLACK = "#000000"
_SECTION_NUMBER = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*")
_CHINESE_NUMBERS = "一二三四五六七八九十"


@dataclass
class _MeasureInfo:
    row: object
    entries: list
    evidence: list[str] = field(default_factory=list)


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (enough for section counts)."""
    if n <= 10:
        return _CHINESE_NUMBERS[n - 1]
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _CHINESE_NUMBERS[tens - 1]) + "十"
            + (_CHINESE_NUMBERS[ones - 1] if ones else ""))


def report_title(unit_full_name: str, plan) -> str:
    """`{单位全称}关于{年度}年{工作}工作情况的报告`."""
    return f"{unit_full_name}关于{plan.year}年{plan.subject}工作情况的报告"


def annex1_title(unit: str, plan) -> str:
    """`{单位}{年度}年{工作}任务完成情况表` — the same title the Excel sheet carries."""
    return f"{unit}{plan.year}年{plan.subject}任务完成情况表"


ANNEX2_TITLE = "佐证材料清单"


def entry_text(entry, year: int) -> str:
    """A progress entry as the report prints it: its date, then the clerk's text unchanged."""
    day = date.fromisoformat(entry.date)
    stamp = f"{day.month}月{day.day}日" if day.year == year else chinese_date(day)
    return f"{stamp}，{entry.text}"


def write_work_report(ledger, out_path, *, unit: str | None = None,
                      page_numbers: str | None = None, fonts=None, on: date | None = None,
                      strict: bool = False, progress: Progress = None,
                      cancelled: CancelCheck = None) -> PdfResult:
    """Write the year-end 工作情况报告 of ``unit`` (default the ledger's) to ``out_path``.

    ``page_numbers`` is "outer" (GB/T 9704: odd right, even left) or "center"; by default the
    ledger's ``page_number_style`` setting. ``fonts`` is a font path for the body or a dict
    role → path (see exports.pdf_fonts). ``on`` is the 成文日期 (default today).
    Characters no font can draw are listed in the result's warnings (or, with ``strict``,
    raise MissingGlyphsError before anything is written). The file appears only when complete.
    """
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    enable_chinese_line_breaking()
    unit = ledger.check_unit(unit)
    style_choice = page_numbers or ledger.setting("page_number_style") or OUTER
    if style_choice not in (OUTER, CENTER):
        raise InvalidInput(f"页码位置“{style_choice}”无效，应为 outer（单页居右、双页居左）或 center（居中）")
    fontset = resolve_fonts(fonts)
    plan = ledger.plan()
    on = on or today()
    rows = ledger.measures(unit=unit, on=on)
    total_steps = len(rows) + 100
    check_cancel(cancelled)

    infos = []
    numbers_by_measure: dict[str, list] = {}     # measure id -> its EvidenceNumbers
    for number in evidence_numbers(ledger, unit=unit):
        numbers_by_measure.setdefault(number.measure_code, []).append(number)
    for index, row in enumerate(rows, 1):
        check_cancel(cancelled)
        detail = ledger.measure(row.code, unit=unit)
        infos.append(_MeasureInfo(row, detail.entries,
                                  [n.package_name for n in numbers_by_measure.get(row.code, [])]))
        if progress:
            progress(index, total_steps)

    own = unit == ledger.unit
    unit_full = (ledger.setting("unit_full_name") if own else "") or unit
    addressee = (ledger.setting("addressee") if own else "") or plan.issuer or ""
    addressee = addressee.rstrip("：:") + "："
    contact_person = ledger.setting("contact_person") if own else ""
    contact_phone = ledger.setting("contact_phone") if own else ""

    def style(name, role, size=BODY_SIZE, leading=LEADING, **kw):
        kw.setdefault("alignment", TA_JUSTIFY)
        # Fill all 22 lines of every page, as 公文 templates do (no orphan control).
        kw.setdefault("allowOrphans", 1)
        return ParagraphStyle(name, fontName=fontset.name(role), fontSize=size, leading=leading,
                              wordWrap="CJK", **kw)

    styles = {
        "title": style("title", TITLE, TITLE_SIZE, 36, alignment=TA_CENTER),
        "addressee": style("addressee", FANGSONG),
        "body": style("body", FANGSONG, firstLineIndent=2 * BODY_SIZE),
        "h1": style("h1", HEITI, firstLineIndent=2 * BODY_SIZE),
        "h2": style("h2", KAITI, firstLineIndent=2 * BODY_SIZE),
        "annex_label": style("annex_label", HEITI, alignment=TA_LEFT),
        "annex_title": style("annex_title", TITLE, 18, 30, alignment=TA_CENTER),
        "cell": style("cell", FANGSONG, TABLE_SIZE, TABLE_LEADING, alignment=TA_LEFT),
        "cell_center": style("cell_center", FANGSONG, TABLE_SIZE, TABLE_LEADING, alignment=TA_CENTER),
        "cell_head": style("cell_head", HEITI, TABLE_SIZE, TABLE_LEADING, alignment=TA_CENTER),
        "cell_section": style("cell_section", HEITI, TABLE_SIZE, TABLE_LEADING, alignment=TA_LEFT),
        "note": style("note", FANGSONG, 12, 20, alignment=TA_LEFT),
    }
    builder = _ReportBuilder(fontset, styles, plan, unit, infos, ledger)
    summary = summarize(ledger, unit=unit, on=on)
    story = builder.main_text(
        title=report_title(unit_full, plan), addressee=addressee, unit_full=unit_full,
        summary=summary, on=on, contact=(contact_person, contact_phone))
    story += builder.annex1(annex1_title(unit, plan), summary)
    story += builder.annex2(numbers_by_measure)
    fontset.check("— 0123456789 —", SONG)      # page numbers are drawn straight on the canvas
    warnings = fontset.warnings() + builder.notes
    if strict and fontset.missing:
        raise MissingGlyphsError(fontset.warnings()[0])

    def build(temp_name: str) -> int:
        doc = _report_doc(temp_name, fontset, style_choice,
                          title=report_title(unit_full, plan), author=unit_full)
        doc.setProgressCallBack(progress_hook(progress, cancelled, start=len(rows),
                                              span=100, total=total_steps))
        doc.build(story)
        return doc.page

    pages = build_atomically(Path(out_path), build)
    if progress:
        progress(total_steps, total_steps)
    return PdfResult(Path(out_path), pages, warnings, fontset.describe())


class _ReportBuilder:
    """Turns the ledger's data into flowables; every user string goes through FontSet.markup."""

    def __init__(self, fontset: FontSet, styles, plan, unit, infos, ledger):
        self.fonts, self.styles, self.plan, self.unit = fontset, styles, plan, unit
        self.infos, self.ledger = infos, ledger
        self.notes: list[str] = []

    def para(self, text: str, style: str, role: str = FANGSONG):
        return cjk_paragraph(self.fonts.markup(text, role), self.styles[style])

    def title(self, text: str, style: str):
        """The 小标宋-style title; a plain Song face standing in is drawn emboldened."""
        para = self.para(text, style, TITLE)
        return _Emboldened(para) if self.fonts[TITLE].stand_in else para

    def heading(self, text: str, level: int):
        style, role = ("h1", HEITI) if level == 1 else ("h2", KAITI)
        p = cjk_paragraph(self.fonts.markup(text, role), self.styles[style])
        if level == 1:
            p.outline_entry = text
        p.keepWithNext = True
        return p

    # ---- the report itself ----------------------------------------------------------------
    def main_text(self, *, title, addressee, unit_full, summary, on, contact):
        from reportlab.platypus import KeepTogether, Spacer

        plan, year = self.plan, self.plan.year
        story = [self.title(title, "title"), Spacer(1, LEADING),
                 self.para(addressee, "addressee")]
        citation = f"《{plan.title}》" + (f"（{plan.doc_no}）" if plan.doc_no else "")
        story.append(self.para(
            f"按照{citation}要求，{self.unit}认真抓好各项任务落实。现将{year}年{plan.subject}"
            "工作情况报告如下：", "body"))

        story.append(self.heading("一、总体情况", 1))
        story.append(self.para(f"截至{chinese_date(on)}，{self.unit}{summary.sentence()}", "body"))
        if summary.indicators:
            parts = []
            for item in summary.indicators:
                ind = item.indicator
                value = ("尚未填报完成值" if ind.value is None
                         else f"本单位完成{_number(ind.value)}{ind.quantity_unit}")
                parts.append(f"举措{item.measure_code}（全省目标{ind.raw}），{value}")
            story.append(self.para("量化指标方面：" + "；".join(parts) + "。", "body"))

        story.append(self.heading("二、主要做法和成效", 1))
        wrote_any = False
        section_no = 0
        for section_title, items in self._by_section():
            shown = [i for i in items if i.entries or i.row.status in (DONE, IN_PROGRESS)]
            if not shown:
                continue
            section_no += 1
            story.append(self.heading(
                f"（{chinese_number(section_no)}）{_SECTION_NUMBER.sub('', section_title)}", 2))
            for k, info in enumerate(shown, 1):
                row = info.row
                story.append(self.para(
                    f"{k}.{row.text.rstrip('。；;')}（举措{row.code}，{row.status}）", "body"))
                for entry in info.entries:
                    # A line break the clerk typed starts a new indented paragraph.
                    for line in entry_text(entry, year).splitlines():
                        if line.strip():
                            story.append(self.para(line, "body"))
                    wrote_any = True
        if not wrote_any:
            story.append(self.para("暂无进展记录。", "body"))
            self.notes.append("提示：台账中还没有任何进展记录，报告“二、主要做法和成效”部分为空")

        story.append(self.heading("三、存在问题", 1))
        story += self._grouped_texts("problems", "三、存在问题")
        story.append(self.heading("四、下一步工作打算", 1))
        story += self._grouped_texts("next_steps", "四、下一步工作打算")

        closing = [self.para("特此报告。", "body"), Spacer(1, LEADING)]
        closing += self._annex_notes(annex1_title(self.unit, plan), ANNEX2_TITLE)
        closing.append(Spacer(1, 2 * LEADING))          # room for the seal; never drawn
        closing.append(_SignatureBlock(self.fonts.plain(unit_full, FANGSONG),
                                       chinese_date(on), self.fonts.name(FANGSONG)))
        person, phone = contact
        if person or phone:
            bits = [f"联系人：{person}" if person else "", f"联系电话：{phone}" if phone else ""]
            closing.append(self.para("（" + "，".join(b for b in bits if b) + "）", "body"))
        story.append(KeepTogether(closing))
        return story

    def _by_section(self):
        sections: dict[str, list[_MeasureInfo]] = {}
        for info in self.infos:
            sections.setdefault(info.row.section, []).append(info)
        return sections.items()

    def _grouped_texts(self, attr: str, where: str):
        """Numbered paragraphs of the clerk's problems / next steps; identical texts merged."""
        groups: dict[str, list[str]] = {}
        for info in self.infos:
            text = getattr(info.row, attr).strip()
            if text and info.row.status != NOT_INVOLVED:
                groups.setdefault(text, []).append(info.row.code)
        if not groups:
            self.notes.append(f"提示：各举措均未填写相应内容，报告“{where}”部分写为“暂无。”")
            return [self.para("暂无。", "body")]
        out = []
        for k, (text, ids) in enumerate(groups.items(), 1):
            lines = [line for line in f"{k}.{text}（举措{'、'.join(ids)}）".splitlines() if line.strip()]
            out += [self.para(line, "body") for line in lines]
        return out

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
    def annex1(self, title: str, summary):
        from reportlab.platypus import NextPageTemplate, PageBreak, Spacer

        story = [NextPageTemplate(LANDSCAPE), PageBreak(),
                 _outlined(self.para("附件1", "annex_label", HEITI), f"附件1　{title}"),
                 self.title(title, "annex_title"),
                 Spacer(1, 6)]
        story.append(self._annex1_table())
        story.append(Spacer(1, 6))
        story.append(self.para(summary.sentence(), "note"))
        return story

    def _annex1_table(self):
        """The 完成情况表. 序号 and 任务内容 are merged down over a task's measures by leaving
        out the lines between them rather than with SPAN: ReportLab will not split a spanned
        block across pages, and a task's rows must split like any others."""
        from reportlab.platypus import Table

        cell = lambda text, st="cell", role=FANGSONG: self.para(text, st, role)  # noqa: E731
        data = [[cell(h, "cell_head", HEITI) for h in ANNEX1_COLUMNS]]
        commands = [("LINEBELOW", (0, 0), (-1, 0), 0.5, _BLACK)]
        for section_title, items in self._by_section():
            data.append([cell(section_title, "cell_section", HEITI)] + [""] * 9)
            r = len(data) - 1
            commands += [("SPAN", (0, r), (-1, r)), ("LINEABOVE", (0, r), (-1, r), 0.5, _BLACK)]
            tasks: dict[int, list[_MeasureInfo]] = {}
            for info in items:
                tasks.setdefault(info.row.task_no, []).append(info)
            for task_no, task_items in tasks.items():
                for k, info in enumerate(task_items):
                    row = info.row
                    progress = "<br/>".join(self.fonts.markup(entry_text(e, self.plan.year), FANGSONG)
                                            for e in info.entries)
                    data.append([
                        cell(str(task_no), "cell_center") if k == 0 else "",
                        cell(row.task_content) if k == 0 else "",
                        cell(f"{row.code}　{row.text}"),
                        cell(row.responsibility),
                        cell(row.status, "cell_center"),
                        cjk_paragraph(progress, self.styles["cell"]),
                        cell("\n".join(info.evidence)),
                        cell(row.problems),
                        cell(row.next_steps),
                        cell(_remark(row)),
                    ])
                    r = len(data) - 1
                    commands.append(("LINEABOVE", (0 if k == 0 else 2, r), (-1, r), 0.5, _BLACK))
        commands += [("BOX", (0, 0), (-1, -1), 0.5, _BLACK),
                     ("LINEBEFORE", (1, 0), (-1, -1), 0.5, _BLACK)]
        widths = [w * MM for w in ANNEX1_WIDTHS_MM]
        # In-row splitting first, so every page is filled and a long row continues overleaf.
        table = Table(data, colWidths=widths, repeatRows=1, splitByRow=0,
                      splitInRow=2 * TABLE_LEADING)
        table.setStyle(_table_style(commands, grid=False, font=self.fonts.name(FANGSONG)))
        return table

    # ---- 附件2: 佐证材料清单 ----------------------------------------------------------------
    def annex2(self, numbers_by_measure):
        from reportlab.platypus import NextPageTemplate, PageBreak, Spacer, Table

        story = [NextPageTemplate(PORTRAIT), PageBreak(),
                 _outlined(self.para("附件2", "annex_label", HEITI), f"附件2　{ANNEX2_TITLE}"),
                 self.title(ANNEX2_TITLE, "annex_title"), Spacer(1, 6)]
        cell = lambda text, st="cell", role=FANGSONG: self.para(text, st, role)  # noqa: E731
        data = [[cell(h, "cell_head", HEITI) for h in ANNEX2_COLUMNS]]
        for numbers in numbers_by_measure.values():
            for n in numbers:
                data.append([cell(n.label), cell(n.measure_code, "cell_center"),
                             cell(n.package_name), cell(n.evidence.note),
                             cell(n.evidence.evidence_date, "cell_center")])
        if len(data) == 1:
            story.append(self.para("本单位尚未上传佐证材料。", "body"))
            return story
        table = Table(data, colWidths=[w * MM for w in ANNEX2_WIDTHS_MM], repeatRows=1,
                      splitByRow=1, splitInRow=1)
        table.setStyle(_table_style([], grid=True, font=self.fonts.name(FANGSONG)))
        story.append(table)
        return story


def _remark(row) -> str:
    if row.status == NOT_INVOLVED:
        return "经确认不涉及" + (f"：{row.not_involved_reason}" if row.not_involved_reason else "")
    if row.scope == "relevant" and row.involved is None:
        return "待确认是否涉及"
    return ""


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


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


def _report_doc(filename: str, fontset: FontSet, page_numbers: str, *, title: str, author: str):
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    number_font = fontset.name(SONG)

    def page_number(canvas, doc):
        text = f"— {doc.page} —"
        canvas.saveState()
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
