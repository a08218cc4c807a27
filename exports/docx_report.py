"""The 工作情况报告 as an editable Word file (.docx) in 公文 form, for the clerk to revise and
have sealed: the same content as the PDF (exports.report_content.build_work_report), set as
GB/T 9704 asks and as Word and WPS need it (exports.docx_common).

A4 portrait, margins 37/35/28/26 mm, 22 lines × 28 characters, body 3号仿宋_GB2312, title
2号小标宋 broken between words, 一、 黑体 and （一） 楷体 headings, page numbers `— n —` as a
PAGE field in 4号宋体 (odd pages right, even pages left, one character in; or centred);
附件1 in a landscape section whose header row repeats on every page; 附件2 the evidence list.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from models.errors import InvalidInput
from models.settings import PAGE_NUMBER_STYLES

from .atomic import atomic_output
from .docx_common import (FANGSONG, HEITI, KAITI, NSDECL, SONG, TITLE, ParaStyle, append_xml,
                          cell_xml, em_width, fill_slots, page_field_xml, para_xml,
                          prepare_document, row_xml, run_xml, set_footer, set_page, slot,
                          table_xml, tracking_for, twips_mm)
from .pdf_common import CancelCheck, Progress, check_cancel
from .report_content import (ANNEX1_COLUMNS, ANNEX1_WIDTHS_MM, ANNEX2_COLUMNS, ANNEX2_TITLE,
                             ANNEX2_WIDTHS_MM, H1, H2, MeasureLine, NO_EVIDENCE, SectionRow,
                             WorkReport, build_work_report)
from .title_lines import title_lines

BODY_SIZE, TITLE_SIZE, PAGENO_SIZE, ANNEX_TITLE_SIZE = 16, 22, 14, 18
LINE = 28.95                         # 22 lines in the 225 mm type area
TABLE_SIZE, TABLE_LINE = 10.5, 14
TYPE_W_MM, TYPE_H_MM = 156, 225
PORTRAIT_MARGINS = dict(top=37, bottom=35, left=28, right=26)
# The landscape annex keeps the type area; its head lies toward the binding edge.
LANDSCAPE_MARGINS = dict(top=28, bottom=26, left=37, right=35)
# The page number's top 7 mm below the type area: footer distance = margin - 7 mm - the line.
PAGENO_LINE_MM = PAGENO_SIZE * 25.4 / 72
TRACK = tracking_for(TYPE_W_MM, 28, BODY_SIZE)          # 28 characters a line

STYLES = {
    "title": ParaStyle(TITLE, TITLE_SIZE, "center", line=36, snap=False),
    "annex_title": ParaStyle(TITLE, ANNEX_TITLE_SIZE, "center", line=30, snap=False),
    "addressee": ParaStyle(FANGSONG, BODY_SIZE, "both", tracking=TRACK),
    "body": ParaStyle(FANGSONG, BODY_SIZE, "both", first_line=2 * (BODY_SIZE + TRACK),
                      first_line_chars=200, tracking=TRACK),
    "h1": ParaStyle(HEITI, BODY_SIZE, "both", first_line=2 * (BODY_SIZE + TRACK),
                    first_line_chars=200, keep_next=True, outline=0, tracking=TRACK),
    "h2": ParaStyle(KAITI, BODY_SIZE, "both", first_line=2 * (BODY_SIZE + TRACK),
                    first_line_chars=200, keep_next=True, tracking=TRACK),
    "blank": ParaStyle(FANGSONG, BODY_SIZE, "both", keep_next=True),
    "annex_label": ParaStyle(HEITI, BODY_SIZE, "left", keep_next=True, outline=0),
    "cell": ParaStyle(FANGSONG, TABLE_SIZE, "left", line=TABLE_LINE),
    "cell_center": ParaStyle(FANGSONG, TABLE_SIZE, "center", line=TABLE_LINE),
    "cell_head": ParaStyle(HEITI, TABLE_SIZE, "center", line=TABLE_LINE),
    "cell_section": ParaStyle(HEITI, TABLE_SIZE, "left", line=TABLE_LINE),
    "note": ParaStyle(FANGSONG, 12, "left", line=20, snap=False),
    "page_number": ParaStyle(SONG, PAGENO_SIZE),
}
FOOTER_SIZE = 9                 # the fingerprint line, as in the PDF


@dataclass
class DocxResult:
    """What the Word export made: the file, notes for the user (Chinese), fonts named."""
    path: Path
    warnings: list[str] = field(default_factory=list)
    fonts: list[str] = field(default_factory=list)


def write_work_report_docx(ledger, out_path, *, unit: str | None = None,
                           page_numbers: str | None = None, on: date | None = None,
                           progress: Progress = None, cancelled: CancelCheck = None,
                           fingerprint: str | None = None) -> DocxResult:
    """Write the 工作情况报告 of ``unit`` (default the ledger's) as a .docx to ``out_path``.

    Same content and options as exports.pdf_report.write_work_report (``page_numbers``
    "outer" or "center", ``on`` the 成文日期; ``fingerprint`` printed under the page number as
    in the PDF). The file appears only when complete; a cancel raises models.errors.Cancelled
    and leaves nothing behind.
    """
    from models.fingerprint import footer_text, ledger_fingerprint
    import docx
    from docx.enum.section import WD_SECTION

    unit = ledger.check_unit(unit)
    style_choice = page_numbers or ledger.setting("page_number_style") or "outer"
    if style_choice not in PAGE_NUMBER_STYLES:
        raise InvalidInput(f"页码位置“{style_choice}”无效，应为 outer（单页居右、双页居左）或 center（居中）")
    report = build_work_report(ledger, unit=unit, on=on, progress=progress,
                               cancelled=cancelled, steps=10)
    measures = sum(isinstance(r, MeasureLine) for r in report.annex1_rows)
    total = measures + 10

    document = docx.Document()
    prepare_document(document, body_font=FANGSONG, body_size=BODY_SIZE, title=report.title,
                     author=report.unit_full)
    # The template's one empty paragraph would print as a blank first line.
    for paragraph in list(document.element.body.iterchildren()):
        if paragraph.tag.endswith("}p"):
            document.element.body.remove(paragraph)
    first = document.sections[0]
    set_page(first, width_mm=210, height_mm=297, **PORTRAIT_MARGINS,
             footer_mm=PORTRAIT_MARGINS["bottom"] - 7 - PAGENO_LINE_MM, grid=LINE)
    line = footer_text(fingerprint or ledger_fingerprint(ledger, unit=unit))
    _footers(first, style_choice, line)
    # Sections first, around placeholders; the content goes in with one parse at the end.
    append_xml(document, slot("MAIN"))
    annex = document.add_section(WD_SECTION.NEW_PAGE)
    set_page(annex, width_mm=297, height_mm=210, **LANDSCAPE_MARGINS,
             footer_mm=LANDSCAPE_MARGINS["bottom"] - 7 - PAGENO_LINE_MM, grid=None)
    append_xml(document, slot("ANNEX1"))
    last = document.add_section(WD_SECTION.NEW_PAGE)
    set_page(last, width_mm=210, height_mm=297, **PORTRAIT_MARGINS,
             footer_mm=PORTRAIT_MARGINS["bottom"] - 7 - PAGENO_LINE_MM, grid=LINE)
    append_xml(document, slot("ANNEX2"))
    contents = {"MAIN": _main_text(report)}
    check_cancel(cancelled)
    contents["ANNEX1"] = _annex1(report)
    check_cancel(cancelled)
    contents["ANNEX2"] = _annex2(report)
    if progress:
        progress(measures + 5, total)
    check_cancel(cancelled)
    fill_slots(document, contents)

    out_path = Path(out_path)
    with atomic_output(out_path, suffix=".docx.tmp") as temp:
        document.save(str(temp))
    if progress:
        progress(total, total)
    warnings = list(report.notes)
    rare = sorted({c for c in report.all_text() if ord(c) > 0xFFFF})
    if rare:
        warnings.append("提示：报告含生僻字 " + "".join(rare) + "，Word 文件中用 SimSun-ExtB 字体显示"
                        "（Windows 自带；其他电脑需装有含这些字的字体）")
    fonts = [f"正文：{FANGSONG}（无此字体时用仿宋）", f"标题：{TITLE}（无此字体时用宋体）",
             f"一级标题：{HEITI}", f"二级标题：{KAITI}（无此字体时用楷体）", f"页码：{SONG}"]
    return DocxResult(out_path, warnings, fonts)


def _footers(section, style_choice: str, line: str) -> None:
    """Page numbers (odd/even) and, small and centred below them, the fingerprint line that
    ties the sealed paper to the package (models.fingerprint)."""
    style = STYLES["page_number"]
    mark = (f'<w:p {NSDECL}><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="center"/>'
            f'</w:pPr>{run_xml(line, SONG, FOOTER_SIZE)}</w:p>')
    if style_choice == "center":
        odd = even = page_field_xml(style, align="center", indent=0)
    else:
        # GB/T 9704: odd pages right, even pages left, one character in from the edge.
        odd = page_field_xml(style, align="right", indent=PAGENO_SIZE)
        even = page_field_xml(style, align="left", indent=PAGENO_SIZE)
    set_footer(section.footer, odd, mark)
    set_footer(section.even_page_footer, even, mark)


def _main_text(report: WorkReport) -> str:
    title_width = TYPE_W_MM * 72 / 25.4
    lines = title_lines(report.title, lambda c: em_width(c) * TITLE_SIZE, title_width,
                        words=report.title_words)
    out = [para_xml("", STYLES["title"], lines=lines)]
    if report.subtitle:
        out.append(para_xml(report.subtitle, replace(STYLES["addressee"], align="center")))
    out += [para_xml("", STYLES["body"]), para_xml(report.addressee, STYLES["addressee"])]
    for para in report.body[:-1]:
        style = {H1: "h1", H2: "h2"}.get(para.style, "body")
        out.append(para_xml(para.text, STYLES[style]))
    # The closing block stays together with the signature (keep with next).
    closing = replace(STYLES["body"], keep_next=True)
    out.append(para_xml(report.body[-1].text, closing))
    out.append(para_xml("", STYLES["blank"]))
    out += _annex_notes(report.annex_titles)
    out += [para_xml("", STYLES["blank"]), para_xml("", STYLES["blank"])]   # room for the seal
    out += _signature(report.signature, report.date_text, keep=bool(report.contact))
    if report.contact:
        out.append(para_xml(report.contact, STYLES["body"]))
    return "".join(out)


def _annex_notes(titles: list[str]) -> list[str]:
    """附件：1.… with later numbers under the first (GB/T 9704 7.3.4), as in the PDF."""
    em = BODY_SIZE + TRACK
    lead = 2 * em + em_width("附件：") * em
    out = []
    for k, title in enumerate(titles, 1):
        number = f"{k}."
        hang = em_width(number) * em
        first = 2 * em if k == 1 else lead
        style = ParaStyle(FANGSONG, BODY_SIZE, "both", left=lead + hang,
                          first_line=first - lead - hang, keep_next=True, tracking=TRACK)
        out.append(para_xml(("附件：" if k == 1 else "") + number + title, style))
    return out


def _signature(name: str, date_text: str, *, keep: bool) -> list[str]:
    """发文机关署名 centred over the 成文日期, which ends four characters from the right."""
    em = BODY_SIZE + TRACK
    date_right = 4 * em
    date_w, name_w = em_width(date_text) * em, em_width(name) * em
    name_right = max(0.0, date_right + (date_w - name_w) / 2)
    return [para_xml(name, ParaStyle(FANGSONG, BODY_SIZE, "right", right=name_right,
                                     keep_next=True, tracking=TRACK)),
            para_xml(date_text, ParaStyle(FANGSONG, BODY_SIZE, "right", right=date_right,
                                          keep_next=keep, tracking=TRACK))]


def _annex1(report: WorkReport) -> str:
    widths = [twips_mm(w) for w in ANNEX1_WIDTHS_MM]
    title_width = TYPE_H_MM * 72 / 25.4
    lines = title_lines(report.annex1_title, lambda c: em_width(c) * ANNEX_TITLE_SIZE,
                        title_width, words=report.title_words)
    out = [para_xml("附件1", STYLES["annex_label"]),
           para_xml("", STYLES["annex_title"], lines=lines)]
    rows = [row_xml([cell_xml(h, STYLES["cell_head"], w, valign="center")
                     for h, w in zip(ANNEX1_COLUMNS, widths)], header=True)]
    centred = {0, 4}
    for line in report.annex1_rows:
        if isinstance(line, SectionRow):
            rows.append(row_xml([cell_xml(line.title, STYLES["cell_section"], sum(widths),
                                          span=len(widths), valign="center")]))
            continue
        cells = []
        for col, (text, width) in enumerate(zip(line.cells, widths)):
            style = STYLES["cell_center" if col in centred else "cell"]
            merge = None
            if col < 2 and line.task_rows > 1:
                merge = "restart" if line.first_of_task else "continue"
            cells.append(cell_xml(text if merge != "continue" else "", style, width,
                                  vmerge=merge))
        rows.append(row_xml(cells))
    out.append(table_xml(widths, rows))
    out.append(para_xml(report.summary_sentence, STYLES["note"]))
    return "".join(out)


def _annex2(report: WorkReport) -> str:
    out = [para_xml("附件2", STYLES["annex_label"]),
           para_xml(ANNEX2_TITLE, STYLES["annex_title"])]
    if not report.annex2_rows:
        out.append(para_xml(NO_EVIDENCE, STYLES["body"]))
        return "".join(out)
    widths = [twips_mm(w) for w in ANNEX2_WIDTHS_MM]
    rows = [row_xml([cell_xml(h, STYLES["cell_head"], w, valign="center")
                     for h, w in zip(ANNEX2_COLUMNS, widths)], header=True)]
    centred = {1, 4}
    for cells in report.annex2_rows:
        rows.append(row_xml([cell_xml(text, STYLES["cell_center" if col in centred else "cell"], w)
                             for col, (text, w) in enumerate(zip(cells, widths))]))
    out.append(table_xml(widths, rows))
    return "".join(out)
