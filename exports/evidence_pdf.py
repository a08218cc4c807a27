"""The 佐证材料汇编: one PDF of a unit's evidence, in task-list order.

Cover; contents by task and measure with page numbers; for every numbered evidence file a
page headed 佐证8.5-1 with its name, note, date, size and SHA-256, then: an image placed on
that page, a PDF's own pages merged in after it, any other file listed by name and hash.
Bookmarks (PDF outline) by task → measure → evidence; page numbers ``— n —`` stamped on every
page after merging, so merged pages are numbered too (the cover carries none but counts).

ReportLab lays out the pages we write, pypdf merges and stamps; page numbers for the contents
are known before it is drawn because every evidence part's page count is measured first.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from models.deadlines import today
from models.summary import EvidenceNumber, evidence_numbers

from .pdf_common import (PdfResult, build_atomically, check_cancel, chinese_date,
                         enable_chinese_line_breaking)

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp"}
PAGE_NUMBER_SIZE = 12
MAX_IMAGE_PIXELS = 2400      # larger photos are scaled down: print quality, a sane file size


@dataclass
class _Part:
    """One numbered evidence file and how it enters the compilation."""
    number: EvidenceNumber
    task_no: int
    task_content: str
    measure_text: str
    kind: str = "other"                  # "image", "pdf" or "other"
    note: str = ""                       # why a file could not be shown or merged
    image: bytes | None = None
    pdf_pages: int = 0
    reader: object = None
    body_pages: int = 1                  # pages of our own heading page(s)
    first_page: int = 0                  # final 1-based page of its heading page
    extra: list = field(default_factory=list)


def write_evidence_pdf(ledger, out_path: Path, *, unit: str | None = None, fonts=None,
                       progress: Callable[[int, int], None] | None = None,
                       cancelled: Callable[[], bool] | None = None) -> PdfResult:
    """Write the 佐证材料汇编 of ``unit`` (default the ledger's own) to ``out_path``.

    Returns a PdfResult (path, total pages, warnings such as files that could not be merged
    or characters no font has). Cancelling raises models.errors.Cancelled and leaves nothing behind.
    """
    from .pdf_fonts import resolve_fonts

    unit = ledger.check_unit(unit)
    enable_chinese_line_breaking()
    fontset = resolve_fonts(fonts)
    plan = ledger.plan()
    rows = {row.code: row for row in ledger.measures(unit=unit)}
    numbered = evidence_numbers(ledger, unit=unit)
    total = len(numbered) + 3
    warnings: list[str] = []
    parts = []
    for k, item in enumerate(numbered, 1):
        check_cancel(cancelled)
        row = rows[item.measure_code]
        part = _Part(item, row.task_no, row.task_content, row.text)
        _classify(ledger, part)
        if part.note:
            warnings.append(f"{item.label}（{item.evidence.original_name}）：{part.note}")
        parts.append(part)
        if progress:
            progress(k, total)

    full_name = (ledger.setting("unit_full_name") if unit == ledger.unit else "") or unit
    title = f"{full_name}{plan.year}年{plan.subject}工作佐证材料汇编"
    styles = _styles(fontset)

    # Our own pages for every part, each part starting a page; measure each part's length.
    body_pdf, body_starts = _build_body(parts, styles, fontset)
    body_reader = _reader(body_pdf)
    body_total = len(body_reader.pages)
    for index, part in enumerate(parts):
        end = body_starts[index + 1] if index + 1 < len(parts) else body_total
        part.body_pages = end - body_starts[index]
    check_cancel(cancelled)

    # Front matter: its page count decides every number in the contents, so settle it first.
    front_pages = 2
    for _ in range(4):
        page = front_pages + 1
        for part in parts:
            part.first_page = page
            page += part.body_pages + (part.pdf_pages if part.kind == "pdf" else 0)
        front_pdf, front_count = _build_front(title, unit, plan, parts, styles, fontset,
                                              page - 1)
        if front_count == front_pages:
            break
        front_pages = front_count
    if progress:
        progress(len(numbered) + 1, total)
    check_cancel(cancelled)

    def build(temp_name: str) -> int:
        pages = _assemble(temp_name, front_pdf, front_pages, body_reader, body_starts, parts,
                          fontset, title, cancelled)
        if progress:
            progress(total, total)
        return pages

    pages = build_atomically(Path(out_path), build)
    warnings.extend(fontset.warnings())
    return PdfResult(path=Path(out_path), pages=pages, warnings=warnings,
                     fonts=fontset.describe())


# ---- what each file is ----------------------------------------------------------------------
def _classify(ledger, part: _Part) -> None:
    evidence = part.number.evidence
    path = ledger.evidence_path(evidence.sha256)
    suffix = Path(evidence.original_name).suffix.lower()
    if not path.is_file():
        part.note = "台账中的文件已缺失，仅列出名称和哈希值"
        return
    if suffix == ".pdf":
        try:
            from pypdf import PdfReader
            reader = PdfReader(str(path))
            if reader.is_encrypted and not reader.decrypt(""):
                raise ValueError("加密")
            part.pdf_pages = len(reader.pages)
            part.reader = reader
            part.kind = "pdf" if part.pdf_pages else "other"
            if not part.pdf_pages:
                part.note = "PDF 没有页面，未合并"
        except Exception as exc:             # a damaged or encrypted PDF must not stop the rest
            part.note = f"PDF 无法读取或已加密，未合并（{type(exc).__name__}），仅列出名称和哈希值"
        return
    if suffix in IMAGE_SUFFIXES:
        try:
            part.image = _prepare_image(path)
            part.kind = "image"
        except Exception as exc:
            part.note = f"图片无法读取，未放入（{type(exc).__name__}），仅列出名称和哈希值"


def _prepare_image(path: Path) -> bytes:
    """The image as PNG/JPEG bytes, turned upright (EXIF) and scaled to print size."""
    from PIL import Image, ImageOps
    with Image.open(path) as opened:
        image = ImageOps.exif_transpose(opened)
        image.load()
    if max(image.size) > MAX_IMAGE_PIXELS:
        image.thumbnail((MAX_IMAGE_PIXELS, MAX_IMAGE_PIXELS))
    buffer = io.BytesIO()
    if image.mode in ("RGBA", "LA", "P"):
        image.save(buffer, "PNG")
    else:
        image.convert("RGB").save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


# ---- ReportLab pages -------------------------------------------------------------------------
def _styles(fontset) -> dict:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from .pdf_fonts import FANGSONG, HEITI, KAITI, TITLE

    def style(name, role, size, leading, **kw):
        return ParagraphStyle(name, fontName=fontset.name(role), fontSize=size, leading=leading,
                              wordWrap="CJK", **kw)
    return {
        "cover": style("cover", TITLE, 26, 40, alignment=TA_CENTER),
        "cover_sub": style("cover_sub", FANGSONG, 16, 28, alignment=TA_CENTER),
        "h1": style("h1", HEITI, 18, 28, alignment=TA_CENTER, spaceAfter=12),
        "task": style("task", HEITI, 12, 18, spaceBefore=6),
        "measure": style("measure", KAITI, 11, 16, leftIndent=12),
        "toc": style("toc", FANGSONG, 10.5, 15),
        "head": style("head", HEITI, 15, 22, spaceAfter=4),
        "small": style("small", FANGSONG, 10.5, 15),
        "body": style("body", FANGSONG, 12, 18),
    }


def _doc(target, title: str):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate
    return SimpleDocTemplate(target, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm,
                             topMargin=25 * mm, bottomMargin=25 * mm, title=title,
                             author="TaskLedger")


def _marker(starts: list[int]):
    """A zero-size flowable that records the (0-based) page it is drawn on."""
    from reportlab.platypus import Flowable

    class Marker(Flowable):
        def wrap(self, *_):
            return 0, 0

        def draw(self):
            starts.append(self.canv.getPageNumber() - 1)
    return Marker()


def _build_body(parts: list[_Part], styles, fontset) -> tuple[bytes, list[int]]:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, PageBreak, Paragraph, Spacer, Table, TableStyle
    from reportlab.lib.utils import ImageReader
    from .pdf_fonts import FANGSONG, HEITI

    buffer = io.BytesIO()
    doc = _doc(buffer, "佐证材料")
    starts: list[int] = []
    story = []
    frame_w, frame_h = doc.width, doc.height
    for index, part in enumerate(parts):
        if index:
            story.append(PageBreak())
        story.append(_marker(starts))
        ev = part.number.evidence
        story.append(Paragraph(fontset.markup(f"{part.number.label}　{ev.original_name}", HEITI),
                               styles["head"]))
        facts = [("所属举措", f"{part.number.measure_code}　{part.measure_text}"),
                 ("文件名", ev.original_name), ("说明", ev.note or "—"),
                 ("材料日期", chinese_date_iso(ev.evidence_date)),
                 ("大小", f"{ev.size:,} 字节"), ("SHA-256", ev.sha256)]
        if part.kind == "pdf":
            facts.append(("内容", f"PDF 共 {part.pdf_pages} 页，附于本页之后"))
        elif part.kind == "other":
            facts.append(("内容", part.note or "此类文件不能直接印入，请以原件为准（见报送材料包"
                                               f"“佐证材料”文件夹：{part.number.package_name}）"))
        table = Table([[Paragraph(fontset.markup(k, FANGSONG), styles["small"]),
                        Paragraph(fontset.markup(v, FANGSONG), styles["small"])] for k, v in facts],
                      colWidths=[24 * mm, frame_w - 24 * mm])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F2F2F2"))]))
        story.append(table)
        if part.kind == "image":
            _, table_h = table.wrap(frame_w, frame_h)
            reader = ImageReader(io.BytesIO(part.image))
            iw, ih = reader.getSize()
            room_h = max(60 * mm, frame_h - table_h - 40 * mm)
            # Fit the page; small images are enlarged at most 3× so they do not turn to mush.
            scale = min(frame_w / iw, room_h / ih, 3.0)
            story.append(Spacer(1, 6 * mm))
            story.append(Image(io.BytesIO(part.image), width=iw * scale, height=ih * scale))
    if not parts:
        story.append(Paragraph("暂无佐证材料。", styles["body"]))
    doc.build(story)
    return buffer.getvalue(), starts


def chinese_date_iso(value: str) -> str:
    """2021-05-10 → 2021年5月10日; anything else as it is."""
    try:
        from datetime import date
        return chinese_date(date.fromisoformat(str(value)[:10]))
    except ValueError:
        return str(value or "")


def _build_front(title, unit, plan, parts, styles, fontset, last_page) -> tuple[bytes, int]:
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle
    from .pdf_fonts import FANGSONG, HEITI, KAITI, TITLE

    buffer = io.BytesIO()
    doc = _doc(buffer, title)
    story = [Spacer(1, 60 * mm), Paragraph(fontset.markup(title, TITLE), styles["cover"]),
             Spacer(1, 30 * mm),
             Paragraph(fontset.markup(f"依据：{plan.title}（{plan.doc_no}）", FANGSONG), styles["cover_sub"]),
             Paragraph(fontset.markup(f"佐证材料 {len(parts)} 份　共 {last_page} 页", FANGSONG),
                       styles["cover_sub"]),
             Spacer(1, 40 * mm),
             Paragraph(fontset.markup(unit, FANGSONG), styles["cover_sub"]),
             Paragraph(fontset.markup(chinese_date(today()), FANGSONG), styles["cover_sub"]),
             PageBreak(), Paragraph(fontset.markup("目　录", HEITI), styles["h1"])]
    rows, style_cmds = [], [("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ("ALIGN", (1, 0), (1, -1), "RIGHT")]
    task = measure = None
    for part in parts:
        if part.task_no != task:
            task = part.task_no
            rows.append([Paragraph(fontset.markup(f"{part.task_no}. {part.task_content}", HEITI),
                                   styles["task"]), Paragraph(str(part.first_page), styles["toc"])])
        if part.number.measure_code != measure:
            measure = part.number.measure_code
            rows.append([Paragraph(fontset.markup(f"举措 {measure}　{part.measure_text}", KAITI),
                                   styles["measure"]), Paragraph(str(part.first_page), styles["toc"])])
        label = f"{part.number.label}　{part.number.evidence.original_name}"
        rows.append([Paragraph(fontset.markup(label, FANGSONG), _indented(styles["toc"])),
                     Paragraph(str(part.first_page), styles["toc"])])
    if rows:
        table = Table(rows, colWidths=[doc.width - 16 * mm, 16 * mm], repeatRows=0)
        table.setStyle(TableStyle(style_cmds))
        story.append(table)
    else:
        story.append(Paragraph(fontset.markup("暂无佐证材料。", FANGSONG), styles["body"]))
    doc.build(story)
    data = buffer.getvalue()
    return data, len(_reader(data).pages)


def _indented(style):
    from reportlab.lib.styles import ParagraphStyle
    return ParagraphStyle(style.name + "_in", parent=style, leftIndent=30)


def _reader(data: bytes):
    from pypdf import PdfReader
    return PdfReader(io.BytesIO(data))


# ---- merging, bookmarks, page numbers -------------------------------------------------------
def _assemble(temp_name, front_pdf, front_pages, body_reader, body_starts, parts, fontset,
              title, cancelled) -> int:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for page in _reader(front_pdf).pages:
        writer.add_page(page)
    for index, part in enumerate(parts):
        check_cancel(cancelled)
        start = body_starts[index]
        for page_no in range(start, start + part.body_pages):
            writer.add_page(body_reader.pages[page_no])
        if part.kind == "pdf":
            for page in part.reader.pages:
                added = writer.add_page(page)
                if added.get("/Rotate"):
                    added.transfer_rotation_to_content()
    if not parts:
        for page in body_reader.pages:
            writer.add_page(page)
    _outline(writer, parts)
    _stamp_numbers(writer, fontset)
    writer.add_metadata({"/Title": title, "/Creator": "TaskLedger"})
    writer.page_mode = "/UseOutlines"
    with open(temp_name, "wb") as handle:
        writer.write(handle)
    return len(writer.pages)


def _outline(writer, parts: list[_Part]) -> None:
    writer.add_outline_item(title="封面", page_number=0)
    writer.add_outline_item(title="目录", page_number=1)
    task_item = measure_item = None
    task = measure = None
    for part in parts:
        page = part.first_page - 1
        if part.task_no != task:
            task = part.task_no
            task_item = writer.add_outline_item(
                title=f"{part.task_no}. {_short(part.task_content)}", page_number=page)
        if part.number.measure_code != measure:
            measure = part.number.measure_code
            measure_item = writer.add_outline_item(
                title=f"举措 {measure} {_short(part.measure_text)}", page_number=page,
                parent=task_item)
        writer.add_outline_item(title=f"{part.number.label} {part.number.evidence.original_name}",
                                page_number=page, parent=measure_item)


def _short(text: str, length: int = 24) -> str:
    return text if len(text) <= length else text[:length] + "…"


def _stamp_numbers(writer, fontset) -> None:
    """``— n —`` centred at the foot of every page but the cover, merged pages included."""
    from pypdf import Transformation
    from reportlab.pdfgen import canvas
    from .pdf_fonts import FANGSONG

    pages = list(writer.pages)
    buffer = io.BytesIO()
    overlay = canvas.Canvas(buffer)
    font = fontset.name(FANGSONG)
    for number, page in enumerate(pages, 1):
        box = page.mediabox
        width, height = float(box.width), float(box.height)
        overlay.setPageSize((width, height))
        if number > 1:
            overlay.setFont(font, PAGE_NUMBER_SIZE)
            overlay.drawCentredString(width / 2, min(14 * 2.835, height * 0.04),
                                      fontset.plain(f"— {number} —", FANGSONG))
        overlay.showPage()
    overlay.save()
    stamps = _reader(buffer.getvalue())
    for number, page in enumerate(pages, 1):
        if number == 1:
            continue
        box = page.mediabox
        page.merge_transformed_page(stamps.pages[number - 1],
                                    Transformation().translate(float(box.left), float(box.bottom)))
