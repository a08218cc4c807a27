"""What a 公文 in Word needs and python-docx does not say: fonts named on every run (East
Asian font included, else Word and WPS fall back to the theme's Japanese face), fixed line
pitch and the 22 × 28 grid, page sizes and margins per section, odd/even footers with a PAGE
field, tables whose header row repeats.

Paragraphs and table rows are written as WordprocessingML text and parsed once: a report of
thousands of rows is then a matter of string building, not of python-docx object calls.
Imported only when a .docx is written (python-docx is not loaded at start-up).
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape

from models.wording import printable

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'

FANGSONG = "仿宋_GB2312"
HEITI = "黑体"
KAITI = "楷体_GB2312"
SONG = "宋体"
TITLE = "方正小标宋简体"
EXT_B = "SimSun-ExtB"
# Where a font of a 公文 template is missing, Word and WPS take the alternative named in the
# font table: Windows 10/11 have 仿宋 and 楷体 but not always the _GB2312 faces.
ALT_NAMES = {FANGSONG: "仿宋", KAITI: "楷体", TITLE: "宋体"}
# (font, panose, charset) for the font table; 86 = GB2312.
FONT_TABLE = ((FANGSONG, "02010609030101010101"), (HEITI, "02010609060101010101"),
              (KAITI, "02010609030101010101"), (SONG, "02010600030101010101"),
              (TITLE, "02000000000000000000"), ("仿宋", "02010609060101010101"),
              ("楷体", "02010609060101010101"), (EXT_B, "02010609030101010101"))

TWIPS_PER_PT = 20
TWIPS_PER_MM = 1440 / 25.4


def twips_mm(mm: float) -> int:
    """Millimetres in twentieths of a point."""
    return round(mm * TWIPS_PER_MM)


def em_width(text: str) -> float:
    """Width of ``text`` in ems: a Chinese character 1, a digit or Latin letter ½."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


@dataclass(frozen=True)
class ParaStyle:
    """How one kind of paragraph is set (sizes in points)."""
    font: str
    size: float
    align: str = "both"             # both (两端对齐), center, left, right
    line: float = 28.95             # exact line spacing
    first_line: float = 0.0         # first-line indent (negative: hanging)
    first_line_chars: int = 0       # the same in 1/100 characters, as Word and WPS keep it
    left: float = 0.0
    right: float = 0.0
    keep_next: bool = False
    outline: int | None = None      # outline level (navigation pane), 0 = top
    bold: bool = False
    tracking: float = 0.0           # character spacing added to every character (pt)
    snap: bool = True               # lines on the page's line grid (a title's own pitch: no)


def xml_text(text: str) -> str:
    """``text`` safe inside a w:t element: control characters dropped, & < > escaped."""
    return escape(printable(text))


def run_xml(text: str, font: str, size: float, *, bold: bool = False,
            tracking: float = 0.0) -> str:
    """Runs for ``text`` in ``font``: every run names the font for ascii, hAnsi, East Asian
    and complex script; characters beyond the BMP (CJK Extension B…) get their own run in
    SimSun-ExtB, the font Windows ships for them."""
    out = []
    for chunk, rare in _split_rare(printable(text)):
        face = EXT_B if rare else font
        half_points = round(size * 2)
        props = (f'<w:rFonts w:ascii="{face}" w:hAnsi="{face}" w:eastAsia="{face}" '
                 f'w:cs="{face}" w:hint="eastAsia"/>' + ("<w:b/><w:bCs/>" if bold else "")
                 + (f'<w:spacing w:val="{round(tracking * TWIPS_PER_PT)}"/>' if tracking else "")
                 + f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>')
        out.append(f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">'
                   f"{escape(chunk)}</w:t></w:r>")
    return "".join(out)


def _split_rare(text: str):
    if not text:
        return
    start = 0
    rare = ord(text[0]) > 0xFFFF
    for i, char in enumerate(text):
        if (ord(char) > 0xFFFF) != rare:
            yield text[start:i], rare
            start, rare = i, not rare
    yield text[start:], rare


def ppr_xml(style: ParaStyle, *, snap: bool = True) -> str:
    """The paragraph properties for ``style`` (``snap`` False: off the line grid)."""
    parts = []
    if style.keep_next:
        parts.append("<w:keepNext/>")
    if not (snap and style.snap):
        parts.append('<w:snapToGrid w:val="0"/>')
    line = round(style.line * TWIPS_PER_PT)
    parts.append(f'<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>')
    ind = []
    if style.left:
        ind.append(f'w:left="{round(style.left * TWIPS_PER_PT)}"')
    if style.right:
        ind.append(f'w:right="{round(style.right * TWIPS_PER_PT)}"')
    if style.first_line > 0:
        ind.append(f'w:firstLine="{round(style.first_line * TWIPS_PER_PT)}"')
        if style.first_line_chars:
            ind.append(f'w:firstLineChars="{style.first_line_chars}"')
    elif style.first_line < 0:
        ind.append(f'w:hanging="{round(-style.first_line * TWIPS_PER_PT)}"')
    if ind:
        parts.append("<w:ind " + " ".join(ind) + "/>")
    parts.append(f'<w:jc w:val="{style.align}"/>')
    if style.outline is not None:
        parts.append(f'<w:outlineLvl w:val="{style.outline}"/>')
    half_points = round(style.size * 2)
    parts.append(f'<w:rPr><w:rFonts w:ascii="{style.font}" w:hAnsi="{style.font}" '
                 f'w:eastAsia="{style.font}" w:cs="{style.font}" w:hint="eastAsia"/>'
                 f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>')
    return "<w:pPr>" + "".join(parts) + "</w:pPr>"


def para_xml(text: str, style: ParaStyle, *, lines: list[str] | None = None,
             snap: bool = True) -> str:
    """One paragraph (no namespace declaration; wrap with :func:`fragment`). ``lines``: the
    text as lines separated by line breaks (a title broken between words)."""
    if lines is None:
        body = run_xml(text, style.font, style.size, bold=style.bold, tracking=style.tracking)
    else:
        brk = run_xml("\u3000", style.font, style.size).replace(
            '<w:t xml:space="preserve">\u3000</w:t>', "<w:br/>")
        body = brk.join(run_xml(line, style.font, style.size, bold=style.bold,
                                tracking=style.tracking) for line in lines)
    return f"<w:p>{ppr_xml(style, snap=snap)}{body}</w:p>"


def fragment(xml: str) -> list:
    """Parse elements written without a namespace declaration; returns the elements."""
    from docx.oxml import parse_xml
    wrapper = parse_xml(f"<w:body {NSDECL}>{xml}</w:body>")
    return list(wrapper)


def append_xml(document, xml: str) -> None:
    """Add paragraphs/tables written as text at the end of the body (before its sectPr)."""
    body = document.element.body
    sect = body.sectPr
    for element in fragment(xml):
        if sect is not None:
            sect.addprevious(element)
        else:
            body.append(element)


def slot(name: str) -> str:
    """A placeholder paragraph for content that :func:`fill_slots` puts in later."""
    return f'<w:p><w:r><w:t>TLSLOT-{name}</w:t></w:r></w:p>'


def fill_slots(document, contents: dict[str, str]) -> None:
    """Replace the :func:`slot` paragraphs with ``contents`` (paragraphs and tables written as
    text) and parse the whole body once.

    Moving a large parsed table into the document element by element costs lxml time that
    grows much faster than the table (minutes for the big ledger's 附件1); one parse of the
    finished document is linear. Call it last, just before saving.
    """
    from docx.oxml import parse_xml
    from lxml import etree

    xml = etree.tostring(document.element, encoding="unicode")
    for name, content in contents.items():
        pattern = re.compile(rf"<w:p\b[^>]*>\s*<w:r\b[^>]*>\s*<w:t\b[^>]*>TLSLOT-{name}</w:t>"
                             r"\s*</w:r>\s*</w:p>")
        xml, found = pattern.subn(lambda _match: content, xml, count=1)
        if found != 1:
            raise RuntimeError(f"slot {name} not found in the document")
    document.part._element = parse_xml(xml)


def page_field_xml(style: ParaStyle, *, align: str, indent: float) -> str:
    """A footer paragraph ``— PAGE —`` (the number a field, so Word and WPS count pages)."""
    font, size = style.font, style.size
    half_points = round(size * 2)
    rpr = (f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" '
           f'w:cs="{font}" w:hint="eastAsia"/><w:sz w:val="{half_points}"/>'
           f'<w:szCs w:val="{half_points}"/></w:rPr>')
    ind = ""
    if align == "right" and indent:
        ind = f'<w:ind w:right="{round(indent * TWIPS_PER_PT)}"/>'
    elif align == "left" and indent:
        ind = f'<w:ind w:left="{round(indent * TWIPS_PER_PT)}"/>'
    return (f'<w:p {NSDECL}><w:pPr><w:spacing w:before="0" w:after="0"/>{ind}'
            f'<w:jc w:val="{align}"/></w:pPr>'
            f'<w:r>{rpr}<w:t xml:space="preserve">— </w:t></w:r>'
            f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{rpr}<w:t>1</w:t></w:r>'
            f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
            f'<w:r>{rpr}<w:t xml:space="preserve"> —</w:t></w:r></w:p>')


def set_footer(footer, xml: str, *more: str) -> None:
    """Replace a header/footer's content with the paragraph ``xml`` (and ``more`` after it)."""
    from docx.oxml import parse_xml
    element = footer._element
    for child in list(element):
        element.remove(child)
    for paragraph in (xml, *more):
        element.append(parse_xml(paragraph))


def set_page(section, *, width_mm: float, height_mm: float, top: float, bottom: float,
             left: float, right: float, footer_mm: float, grid: float | None) -> None:
    """Page size and margins (mm) of a section; ``grid`` the line pitch (pt) of the 公文
    line grid, or None for no grid.

    Only lines are gridded: Word and WPS compress characters to a character grid, but
    LibreOffice gives a character wider than its cell two cells (the text comes out spaced
    wide). The 28 characters a line come from the body's character spacing instead
    (see tracking_for)."""
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Twips

    section.orientation = WD_ORIENT.LANDSCAPE if width_mm > height_mm else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Twips(twips_mm(width_mm)), Twips(twips_mm(height_mm))
    section.top_margin, section.bottom_margin = Twips(twips_mm(top)), Twips(twips_mm(bottom))
    section.left_margin, section.right_margin = Twips(twips_mm(left)), Twips(twips_mm(right))
    section.header_distance = Twips(twips_mm(15))
    section.footer_distance = Twips(twips_mm(footer_mm))
    sect = section._sectPr
    old = sect.find(qn("w:docGrid"))
    if old is not None:
        sect.remove(old)
    grid_el = OxmlElement("w:docGrid")
    if grid:
        grid_el.set(qn("w:type"), "lines")
        grid_el.set(qn("w:linePitch"), str(round(grid * TWIPS_PER_PT)))
    else:
        grid_el.set(qn("w:linePitch"), "312")
    sect.append(grid_el)


def tracking_for(type_width_mm: float, chars: int, size: float) -> float:
    """The character spacing (pt, a multiple of 1/20 pt, ≤ 0) that puts exactly ``chars``
    characters of ``size`` on a line ``type_width_mm`` wide: −0.25 pt for 28 characters of
    3号 in 156 mm."""
    width = type_width_mm * 72 / 25.4
    twentieths = math.floor((width / chars - size) * TWIPS_PER_PT)
    while chars * (size + twentieths / TWIPS_PER_PT) > width:
        twentieths -= 1
    return min(0, twentieths) / TWIPS_PER_PT


def prepare_document(document, *, body_font: str, body_size: float, title: str,
                     author: str) -> None:
    """Document-wide settings: default run fonts (no theme fonts), Chinese as the East Asian
    language, odd/even footers, the font table's alternatives, the core properties."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        styles.remove(defaults)
    half = round(body_size * 2)
    styles.insert(0, parse_xml(
        f'<w:docDefaults {NSDECL}><w:rPrDefault><w:rPr>'
        f'<w:rFonts w:ascii="{body_font}" w:hAnsi="{body_font}" w:eastAsia="{body_font}" '
        f'w:cs="{body_font}"/><w:kern w:val="2"/><w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr>'
        '</w:pPrDefault></w:docDefaults>'))
    normal = document.styles["Normal"].element
    for rpr in normal.findall(qn("w:rPr")):
        normal.remove(rpr)
    settings = document.settings
    settings.odd_and_even_pages_header_footer = True
    lang = settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    _font_table(document)
    props = document.core_properties
    props.title, props.author, props.comments = title, author, "TaskLedger 任务台账"
    props.last_modified_by = author


def _font_table(document) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    entries = []
    for name, panose in FONT_TABLE:
        alt = f'<w:altName w:val="{ALT_NAMES[name]}"/>' if name in ALT_NAMES else ""
        entries.append(f'<w:font w:name="{name}">{alt}<w:panose1 w:val="{panose}"/>'
                       '<w:charset w:val="86"/><w:family w:val="modern"/>'
                       '<w:pitch w:val="fixed"/></w:font>')
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts {NSDECL}>'
           + "".join(entries) + "</w:fonts>")
    for rel in document.part.rels.values():
        if rel.reltype == RT.FONT_TABLE:
            rel.target_part._blob = xml.encode("utf-8")


# ---- tables ---------------------------------------------------------------------------------
def cell_xml(lines: list[str] | str, style: ParaStyle, width: int, *, span: int = 1,
             vmerge: str | None = None, valign: str = "top") -> str:
    """One table cell: a paragraph per line. ``vmerge`` "restart" or "continue" merges it
    with the cells below/above (序号 and 任务内容 over a task's measures)."""
    if isinstance(lines, str):
        lines = lines.split("\n")
    tcpr = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        tcpr.append(f'<w:gridSpan w:val="{span}"/>')
    if vmerge == "restart":
        tcpr.append('<w:vMerge w:val="restart"/>')
    elif vmerge == "continue":
        tcpr.append("<w:vMerge/>")
    tcpr.append(f'<w:vAlign w:val="{valign}"/>')
    paragraphs = "".join(para_xml(line, style, snap=False) for line in (lines or [""]))
    return f"<w:tc><w:tcPr>{''.join(tcpr)}</w:tcPr>{paragraphs}</w:tc>"


def row_xml(cells: list[str], *, header: bool = False) -> str:
    """A table row; a header row is repeated at the top of every page (w:tblHeader)."""
    trpr = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
    return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"


def table_xml(widths: list[int], rows: list[str]) -> str:
    """A table with fixed column widths (twips) and thin borders on every cell."""
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
            '</w:tblCellMar><w:tblLook w:val="04A0"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>")
