"""The 佐证材料汇编: one PDF of a unit's evidence, in task-list order, in bounded memory.

Cover (naming the size chosen: 标准 for print, 压缩 for sending); contents by task and measure
with page numbers; for every numbered evidence file a page headed 佐证8.5-1 with its name,
note, date, size and SHA-256, then: a photo placed on that page, a PDF's own pages after it,
a Word, Excel or text file's words transcribed (据原件转录), any other file listed by name and
hash. Bookmarks (PDF outline) by task → measure → evidence; page numbers ``— n —`` on every
page but the cover, in a band at the foot that merged pages leave free: a merged page is
scaled into a frame above the band, so a number never lands on the evidence's own text.

Memory stays flat however many files there are (exports.pdf_stream): ReportLab lays out only
text (our pages, with an empty slot where a photo goes) into a file on disk; the book is then
written page by page, each photo decoded at print size (JPEG draft mode: a 4000×3000 photo is
decoded at 2000×1500 or less), encoded, written and released before the next, and each
merged PDF read lazily from the store. Scanned PDFs are copied as they are, except in 压缩
mode, where their page images are re-encoded at the mode's resolution.
"""
from __future__ import annotations

import contextlib
import io
import math
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from models.deadlines import today
from models.summary import EvidenceNumber, evidence_numbers

from .pdf_common import (PdfResult, build_atomically, check_cancel, chinese_date,
                         enable_chinese_line_breaking)

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp"}
OFFICE_SUFFIXES = {".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".et", ".dps",
                   ".odt", ".ods", ".odp", ".rtf"}
PAGE_NUMBER_SIZE = 12
MM = 72 / 25.4
A4 = (595.2756, 841.8898)
# Merged pages are placed inside this frame; the band below it carries our page number.
FRAME_SIDE, FRAME_TOP, BAND = 10 * MM, 10 * MM, 18 * MM
NUMBER_BASELINE = 7 * MM
MAX_MERGED_PAGES = 2000            # per file: a longer PDF is merged up to here, with a note
MAX_DECODED_PIXELS = 40_000_000    # an image that would decode bigger is listed, not placed
OFFICE_TIMEOUT = 120


@dataclass(frozen=True)
class Mode:
    """A size of the book: print (标准) or sending (压缩)."""
    key: str
    label: str
    purpose: str
    dpi: int
    quality: int

    def describe(self) -> str:
        """标准（打印用，图片约 200 dpi）."""
        return f"{self.label}（{self.purpose}，图片约 {self.dpi} dpi）"


STANDARD = Mode("standard", "标准", "打印用", 200, 85)
COMPACT = Mode("compact", "压缩", "发送用", 120, 60)
MODES = {mode.key: mode for mode in (STANDARD, COMPACT)}


def mode_for(value: str | Mode | None) -> Mode:
    """The Mode named ``value`` (standard/compact or 标准/压缩; default 标准)."""
    if isinstance(value, Mode):
        return value
    for mode in MODES.values():
        if value in (None, "") and mode is STANDARD or value in (mode.key, mode.label):
            return mode
    from models.errors import InvalidInput
    raise InvalidInput(f"汇编大小“{value}”无效，应为 标准（standard）或 压缩（compact）")


@dataclass
class _Part:
    """One numbered evidence file and how it enters the book."""
    number: EvidenceNumber
    task_no: int
    task_content: str
    measure_text: str
    kind: str = "other"                  # "image", "pdf", "text" or "other"
    note: str = ""                       # why a file could not be shown or merged
    path: Path | None = None             # the stored file (or its LibreOffice conversion)
    image_size: tuple[int, int] = (0, 0)     # upright pixel size of an image
    pdf_pages: list[tuple[float, float]] = field(default_factory=list)   # upright sizes
    pdf_more: int = 0                    # pages beyond MAX_MERGED_PAGES left out
    converted: bool = False              # a PDF made by LibreOffice from an Office file
    transcript: object = None
    slot: tuple | None = None            # (body page index, x, y, w, h) of the photo
    body_pages: int = 1
    first_page: int = 0                  # final 1-based page of its heading page


def write_evidence_pdf(ledger, out_path: Path, *, unit: str | None = None, fonts=None,
                       mode: str | Mode | None = None, convert_office: bool = False,
                       progress: Callable[[int, int], None] | None = None,
                       cancelled: Callable[[], bool] | None = None) -> PdfResult:
    """Write the 佐证材料汇编 of ``unit`` (default the ledger's own) to ``out_path``.

    ``mode``: "standard" (标准, print: photos at about 200 dpi) or "compact" (压缩, for sending:
    about 120 dpi, smaller JPEGs, scanned PDFs re-encoded); the cover names it.
    ``convert_office``: when LibreOffice is installed, Word/Excel/PowerPoint/WPS files are
    converted to PDF and merged as a faithful copy (else, and when it fails, .docx/.xlsx are
    transcribed). Returns a PdfResult (path, total pages, warnings such as files that could
    not be merged or characters no font has). Cancelling raises models.errors.Cancelled and
    leaves nothing behind.
    """
    from .pdf_fonts import resolve_fonts

    mode = mode_for(mode)
    unit = ledger.check_unit(unit)
    enable_chinese_line_breaking()
    fontset = resolve_fonts(fonts)
    plan = ledger.plan()
    rows = {row.code: row for row in ledger.measures(unit=unit)}
    numbered = evidence_numbers(ledger, unit=unit)
    total = 2 * len(numbered) + 4
    warnings: list[str] = []
    full_name = (ledger.setting("unit_full_name") if unit == ledger.unit else "") or unit
    title = f"{full_name}{plan.year}年{plan.subject}工作佐证材料汇编"
    office = _office_program() if convert_office else None
    if convert_office and office is None:
        warnings.append("未找到 LibreOffice，Word/Excel 文件按原文转录")

    with tempfile.TemporaryDirectory(prefix="taskledger-book-") as work, \
            contextlib.ExitStack() as stack:
        work = Path(work)
        parts = []
        for k, item in enumerate(numbered, 1):
            check_cancel(cancelled)
            row = rows[item.measure_code]
            part = _Part(item, row.task_no, row.task_content, row.text)
            _classify(ledger, part, work, office)
            if part.note:
                warnings.append(f"{item.label}（{item.evidence.original_name}）：{part.note}")
            parts.append(part)
            if progress:
                progress(k, total)

        styles = _styles(fontset)
        body_path = work / "body.pdf"
        body_starts = _build_body(body_path, parts, styles, fontset, mode)
        from pypdf import PdfReader
        # An open file, not a path: given a path, pypdf reads the whole file into memory.
        body_file = stack.enter_context(open(body_path, "rb"))
        body_reader = PdfReader(body_file)
        body_total = len(body_reader.pages)
        for index, part in enumerate(parts):
            end = body_starts[index + 1] if index + 1 < len(parts) else body_total
            part.body_pages = end - body_starts[index]
        check_cancel(cancelled)
        if progress:
            progress(len(numbered) + 1, total)

        # Front matter: its page count decides every number in the contents, so settle it first.
        front_pages = 2
        for _ in range(4):
            page = front_pages + 1
            for part in parts:
                part.first_page = page
                page += part.body_pages + (len(part.pdf_pages) if part.kind == "pdf" else 0)
            front_pdf, front_count = _build_front(title, unit, plan, parts, styles, fontset,
                                                  page - 1, mode, as_of=_as_of_line(ledger))
            if front_count == front_pages:
                break
            front_pages = front_count
        if progress:
            progress(len(numbered) + 2, total)
        check_cancel(cancelled)

        def build(temp_name: str) -> int:
            return _assemble(temp_name, front_pdf, body_reader, body_starts, parts, fontset,
                             title, mode, warnings, cancelled,
                             lambda k: progress(len(numbered) + 2 + k, total) if progress else None)

        pages = build_atomically(Path(out_path), build)
        if progress:
            progress(total, total)
    warnings.extend(fontset.warnings())
    return PdfResult(path=Path(out_path), pages=pages, warnings=warnings,
                     fonts=fontset.describe())


# ---- what each file is ----------------------------------------------------------------------
def _classify(ledger, part: _Part, work: Path, office: str | None) -> None:
    from .evidence_transcript import TranscriptError, can_transcribe, transcribe

    evidence = part.number.evidence
    path = ledger.evidence_path(evidence.sha256)
    suffix = Path(evidence.original_name).suffix.lower()
    if not path.is_file():
        part.note = "台账中的文件已缺失，仅列出名称和哈希值"
        return
    part.path = path
    if suffix == ".pdf":
        _classify_pdf(part, path)
        return
    if suffix in IMAGE_SUFFIXES:
        try:
            part.image_size, frames = _image_size(path)
            part.kind = "image"
            if frames > 1:
                part.note = f"图片文件共 {frames} 页（帧），仅放入第 1 页，其余请见原件"
        except Exception as exc:          # noqa: BLE001 — one bad photo must not stop the book
            part.note = f"图片无法读取，未放入（{_reason(exc)}），仅列出名称和哈希值"
        return
    if office and suffix in OFFICE_SUFFIXES:
        converted = _convert_office(office, path, suffix, work / f"office{evidence.id}")
        if converted is not None:
            _classify_pdf(part, converted)
            if part.kind == "pdf":
                part.converted = True
                return
            part.note = ""
    if can_transcribe(evidence.original_name):
        try:
            part.transcript = transcribe(path, evidence.original_name)
            part.kind = "text"
        except TranscriptError as exc:
            part.note = f"{exc}，仅列出名称和哈希值"


def _reason(exc: Exception) -> str:
    name = type(exc).__name__
    return "图片像素过多" if "DecompressionBomb" in name or "过大" in str(exc) else name


def _classify_pdf(part: _Part, path: Path) -> None:
    """Count and check a PDF's pages; it is merged only if every page can be read."""
    try:
        from pypdf import PdfReader

        from models.evidence_meta import looks_like_pdf
        with open(path, "rb") as handle:
            if not looks_like_pdf(handle):
                raise ValueError("no PDF header or %%EOF")
            _check_pdf(part, PdfReader(handle))
    except Exception as exc:             # noqa: BLE001 — a damaged or encrypted PDF must not stop the rest
        part.pdf_pages = []
        part.kind = "other"
        part.note = f"PDF 无法读取或已加密，未合并（{type(exc).__name__}），仅列出名称和哈希值"
        return
    part.path = path


def _check_pdf(part: _Part, reader) -> None:
    """Page sizes of a readable PDF into ``part``; raises when a page cannot be read."""
    from .pdf_stream import upright_matrix
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValueError("加密")
    sizes = []
    for index, page in enumerate(reader.pages):
        if index >= MAX_MERGED_PAGES:
            part.pdf_more = len(reader.pages) - MAX_MERGED_PAGES
            break
        box = tuple(float(v) for v in page.cropbox)
        _m, width, height = upright_matrix(box, int(page.get("/Rotate", 0) or 0))
        if width <= 0 or height <= 0:
            raise ValueError("页面大小无效")
        contents = page.get("/Contents")
        if contents is not None:      # every content stream must decode
            contents = contents.get_object()
            for stream in (contents if isinstance(contents, list) else [contents]):
                stream.get_object().get_data()
        sizes.append((width, height))
        reader.resolved_objects.clear()
    part.pdf_pages = sizes
    part.kind = "pdf" if sizes else "other"
    if not sizes:
        part.note = "PDF 没有页面，未合并"
    elif part.pdf_more:
        part.note = f"PDF 共 {len(sizes) + part.pdf_more} 页，仅合并前 {MAX_MERGED_PAGES} 页"


def _image_size(path: Path) -> tuple[tuple[int, int], int]:
    """The upright (EXIF-turned) pixel size and the number of frames, from the header only."""
    from PIL import Image
    with Image.open(path) as image:
        width, height = image.size
        if image.format != "JPEG" and width * height > MAX_DECODED_PIXELS:
            raise ValueError(f"图片过大（{width}×{height} 像素）")
        if width * height > 64 * MAX_DECODED_PIXELS:
            raise ValueError(f"图片过大（{width}×{height} 像素）")
        orientation = image.getexif().get(0x0112, 1)
        frames = getattr(image, "n_frames", 1) if image.format == "TIFF" else 1
    return ((height, width) if orientation in (5, 6, 7, 8) else (width, height)), frames


def _office_program() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _convert_office(program: str, path: Path, suffix: str, folder: Path) -> Path | None:
    """A PDF made by LibreOffice from an Office file (None when it fails or takes too long)."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / f"evidence{suffix}"
    shutil.copyfile(path, source)     # the store's name has no extension; LibreOffice needs one
    profile = folder / "profile"
    try:
        subprocess.run([program, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=OFFICE_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    made = folder / "evidence.pdf"
    return made if made.is_file() and made.stat().st_size else None


# ---- ReportLab pages (text only) -----------------------------------------------------------
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
        "copy_mark": style("copy_mark", HEITI, 11, 16, spaceBefore=8, spaceAfter=4),
        "copy": style("copy", FANGSONG, 10.5, 16, spaceAfter=3),
        "copy_head": style("copy_head", HEITI, 10.5, 16, spaceBefore=6, spaceAfter=3),
        "cell": style("cell", FANGSONG, 8, 10),
    }


def _doc(target, title: str):
    from reportlab.lib.pagesizes import A4 as PAGE
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate
    return SimpleDocTemplate(target, pagesize=PAGE, leftMargin=25 * mm, rightMargin=25 * mm,
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


def _image_slot(part: _Part, width: float, height: float):
    """An empty box of the photo's size that records where it was drawn: the photo itself is
    placed there later, decoded only then (the layout never holds an image)."""
    from reportlab.platypus import Flowable

    class ImageSlot(Flowable):
        def wrap(self, *_):
            return width, height

        def draw(self):
            x, y = self.canv.absolutePosition(0, 0)
            part.slot = (self.canv.getPageNumber() - 1, x, y, width, height)
    return ImageSlot()


def _build_body(target: Path, parts: list[_Part], styles, fontset, mode: Mode) -> list[int]:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle
    from .pdf_fonts import FANGSONG, HEITI

    doc = _doc(str(target), "佐证材料")
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
        original = f"原件见报送材料包“佐证材料”文件夹：{part.number.package_name}"
        if part.kind == "pdf":
            how = "由 LibreOffice 据原件转换" if part.converted else "PDF"
            facts.append(("内容", f"{how}，共 {len(part.pdf_pages)} 页，附于本页之后"
                                  f"（缩放置于页面框内）" + (f"；{part.note}" if part.note else "")))
        elif part.kind == "text":
            facts.append(("内容", f"据原件转录，见下；{original}"))
        elif part.kind == "other":
            facts.append(("内容", part.note or f"此类文件不能直接印入，请以原件为准（{original}）"))
        table = Table([[Paragraph(fontset.markup(k, FANGSONG), styles["small"]),
                        Paragraph(fontset.markup(v, FANGSONG), styles["small"])] for k, v in facts],
                      colWidths=[24 * mm, frame_w - 24 * mm])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F2F2F2"))]))
        story.append(table)
        if part.kind == "image":
            _, table_h = table.wrap(frame_w, frame_h)
            iw, ih = part.image_size
            room_h = max(60 * mm, frame_h - table_h - 40 * mm)
            # Fit the page; small images are enlarged at most 3× so they do not turn to mush.
            scale = min(frame_w / iw, room_h / ih, 3.0)
            story.append(Spacer(1, 6 * mm))
            story.append(_image_slot(part, iw * scale, ih * scale))
        elif part.kind == "text":
            story.extend(_transcript_flowables(part.transcript, styles, fontset, frame_w))
    if not parts:
        story.append(Paragraph("暂无佐证材料。", styles["body"]))
    doc.build(story)
    return starts


def _transcript_flowables(transcript, styles, fontset, width: float) -> list:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle
    from .pdf_fonts import FANGSONG, HEITI

    out = [Paragraph(fontset.markup("据原件转录", HEITI), styles["copy_mark"])]
    for kind, value in transcript.blocks:
        if kind == "heading":
            out.append(Paragraph(fontset.markup(value, HEITI), styles["copy_head"]))
        elif kind == "para":
            out.append(Paragraph(fontset.markup(value, FANGSONG), styles["copy"]))
        elif kind == "table":
            columns = max(len(row) for row in value)
            cells = [[Paragraph(fontset.markup(row[c] if c < len(row) else "", FANGSONG),
                                styles["cell"]) for c in range(columns)] for row in value]
            table = Table(cells, colWidths=[width / columns] * columns, repeatRows=0)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                                       ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            out.append(table)
    for note in dict.fromkeys(transcript.notes):
        out.append(Paragraph(fontset.markup(f"（{note}）", FANGSONG), styles["copy"]))
    return out


def chinese_date_iso(value: str) -> str:
    """2021-05-10 → 2021年5月10日; anything else as it is."""
    try:
        from datetime import date
        return chinese_date(date.fromisoformat(str(value)[:10]))
    except ValueError:
        return str(value or "")


def _as_of_line(ledger) -> str:
    """``2021年第三季度，截至2021年9月30日`` for a book made for a round or cut-off, else ""."""
    cutoff = getattr(ledger, "cutoff", None)
    if not cutoff:
        return ""
    from models.rounds import as_of_phrase
    item = getattr(ledger, "round", None)
    return (f"{item.name}，" if item else "") + as_of_phrase(cutoff)


def _build_front(title, unit, plan, parts, styles, fontset, last_page, mode, *,
                 as_of: str = "") -> tuple[bytes, int]:
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
             Paragraph(fontset.markup(f"版本：{mode.describe()}", FANGSONG), styles["cover_sub"]),
             *([Paragraph(fontset.markup(f"（{as_of}）", FANGSONG), styles["cover_sub"])]
               if as_of else []),
             Spacer(1, 34 * mm if not as_of else 27 * mm),
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
    from pypdf import PdfReader
    return data, len(PdfReader(io.BytesIO(data)).pages)


def _indented(style):
    from reportlab.lib.styles import ParagraphStyle
    return ParagraphStyle(style.name + "_in", parent=style, leftIndent=30)


# ---- writing the book ------------------------------------------------------------------------
@dataclass
class _OutPage:
    """One page of the book as the number stamps see it."""
    size: tuple[float, float]
    caption: str = ""                    # in the band of a merged page: 佐证1.3-2 第2/3页


def _plan_pages(front_count: int, body_starts: list[int], body_total: int,
                parts: list[_Part]) -> list[_OutPage]:
    pages = [_OutPage(A4) for _ in range(front_count)]
    if not parts:
        return pages + [_OutPage(A4) for _ in range(body_total)]
    for part in parts:
        pages.extend(_OutPage(A4) for _ in range(part.body_pages))
        if part.kind == "pdf":
            count = len(part.pdf_pages)
            for k, (w, h) in enumerate(part.pdf_pages, 1):
                size = (A4[1], A4[0]) if w > h else A4
                pages.append(_OutPage(size, f"{part.number.label}　第 {k}/{count} 页"))
    return pages


def _stamps(pages: list[_OutPage], fontset) -> bytes:
    """One small page per book page with its number ``— n —`` (none on the cover) and, for a
    merged page, its caption, both in the band at the foot. Sharing one font, they are placed
    on the book's pages as Form XObjects."""
    from reportlab.pdfgen import canvas
    from .pdf_fonts import FANGSONG

    buffer = io.BytesIO()
    overlay = canvas.Canvas(buffer, pageCompression=1)
    font = fontset.name(FANGSONG)
    for number, page in enumerate(pages, 1):
        width, height = page.size
        overlay.setPageSize((width, height))
        if number > 1:
            overlay.setFont(font, PAGE_NUMBER_SIZE)
            overlay.drawCentredString(width / 2, NUMBER_BASELINE,
                                      fontset.plain(f"— {number} —", FANGSONG))
        if page.caption:
            overlay.setFont(font, 9)
            overlay.setFillGray(0.35)
            overlay.drawString(FRAME_SIDE, NUMBER_BASELINE, fontset.plain(page.caption, FANGSONG))
        overlay.showPage()
    overlay.save()
    return buffer.getvalue()


def _assemble(temp_name, front_pdf, body_reader, body_starts, parts, fontset, title, mode,
              warnings, cancelled, step) -> int:
    from pypdf import PdfReader
    from .pdf_stream import PdfStreamWriter, SourceImporter

    front_reader = PdfReader(io.BytesIO(front_pdf))
    pages = _plan_pages(len(front_reader.pages), body_starts, len(body_reader.pages), parts)
    stamps_reader = PdfReader(io.BytesIO(_stamps(pages, fontset)))
    with open(temp_name, "wb") as handle:
        writer = PdfStreamWriter(handle)
        stamps = SourceImporter(writer, stamps_reader)
        front = SourceImporter(writer, front_reader)
        body = SourceImporter(writer, body_reader)
        out_index = 0

        def stamp(index: int):
            form, _box = stamps.page_as_form(stamps_reader.pages[index])
            return form

        def own_page(importer, page, image=None) -> None:
            nonlocal out_index
            xobjects = {"/TLnum": stamp(out_index)}
            drawing = b"q /TLnum Do Q\n"
            if image is not None:
                xobjects["/TLimg"], (x, y, w, h) = image
                drawing = (f"q {w:.3f} 0 0 {h:.3f} {x:.3f} {y:.3f} cm /TLimg Do Q\n".encode("ascii")
                           + drawing)
            writer.add_page(importer.copy_page(page, extra_xobjects=xobjects, extra_content=drawing))
            importer.release()
            out_index += 1

        for page in front_reader.pages:
            own_page(front, page)
        if not parts:
            for page in body_reader.pages:
                own_page(body, page)
        for index, part in enumerate(parts):
            check_cancel(cancelled)
            start = body_starts[index]
            for page_no in range(start, start + part.body_pages):
                image = None
                if part.kind == "image" and part.slot and part.slot[0] == page_no:
                    image = _place_image(writer, part, mode, warnings)
                own_page(body, body_reader.pages[page_no], image)
            if part.kind == "pdf":
                out_index = _merge_pdf(writer, part, mode, stamp, out_index, warnings, cancelled)
            step(index + 1)
        outline = _outline(parts)
        return writer.finish(info={"/Title": title, "/Creator": "TaskLedger",
                                   "/Producer": "TaskLedger (ReportLab, pypdf)"},
                             outline=outline, page_mode="/UseOutlines")


def _place_image(writer, part: _Part, mode: Mode, warnings: list[str]):
    """Decode the photo at print size, write it as an image XObject; (ref, slot box) or None."""
    _page, x, y, w, h = part.slot
    try:
        entries, data = encode_image(part.path, (w, h), mode)
    except Exception as exc:             # noqa: BLE001 — the heading page stays, without it
        warnings.append(f"{part.number.label}（{part.number.evidence.original_name}）："
                        f"图片无法读取，未放入（{_reason(exc)}）")
        return None
    return writer.write_stream(writer.reserve(), entries, data), (x, y, w, h)


def encode_image(path: Path, box_pt: tuple[float, float], mode: Mode):
    """The image at ``path`` as a PDF image XObject (dictionary, encoded bytes) sized for a box
    of ``box_pt`` points at the mode's resolution.

    A JPEG is decoded in draft mode — straight at 1/2, 1/4 or 1/8 of its size, whichever is
    the smallest not below the print size — so a phone photo never becomes a full bitmap;
    it is then turned upright (EXIF), scaled, and encoded as JPEG (DCTDecode). Lossless
    sources (PNG, GIF, BMP) stay lossless (FlateDecode) in 标准 mode.
    """
    from PIL import Image, ImageOps

    target = (max(1, math.ceil(box_pt[0] / 72 * mode.dpi)),
              max(1, math.ceil(box_pt[1] / 72 * mode.dpi)))
    with Image.open(path) as image:
        source_format, original, original_mode = image.format, image.size, image.mode
        orientation = image.getexif().get(0x0112, 1)
        turned = orientation in (5, 6, 7, 8)
        want = (target[1], target[0]) if turned else target       # in the file's own axes
        if (source_format == "JPEG" and orientation == 1 and original_mode in ("RGB", "L")
                and original[0] <= want[0] * 1.1 and original[1] <= want[1] * 1.1
                and Path(path).stat().st_size <= 2 << 20):
            # Small enough already: the original bytes go in as they are, no second loss.
            return _image_entries(original, original_mode, "/DCTDecode"), Path(path).read_bytes()
        if source_format == "JPEG":
            image.draft("RGB" if original_mode not in ("L", "CMYK") else original_mode, want)
        if image.size[0] * image.size[1] > MAX_DECODED_PIXELS:
            raise ValueError(f"图片过大（{image.size[0]}×{image.size[1]} 像素）")
        image.load()
        picture = _flatten(image)
    if picture.size[0] > want[0] or picture.size[1] > want[1]:
        picture.thumbnail(want, Image.Resampling.BICUBIC, reducing_gap=2.0)
    picture = ImageOps.exif_transpose(picture) if orientation != 1 else picture
    buffer = io.BytesIO()
    if source_format in ("PNG", "GIF", "BMP") and mode is STANDARD:
        import zlib
        data = zlib.compress(picture.tobytes(), 6)
        entries = _image_entries(picture.size, picture.mode, "/FlateDecode")
    else:
        picture.save(buffer, "JPEG", quality=mode.quality, optimize=True)
        data = buffer.getvalue()
        entries = _image_entries(picture.size, picture.mode, "/DCTDecode")
    del picture
    return entries, data


def _flatten(image):
    """RGB or L pixels, transparency composited on white (PDF images here carry no alpha)."""
    from PIL import Image
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.split()[-1])
        return white
    if image.mode in ("RGB", "L"):
        return image.copy()        # the file closes when the caller's ``with`` ends
    if image.mode in ("1", "I;16", "I", "F"):
        return image.convert("L")
    return image.convert("RGB")


def _image_entries(size, image_mode: str, image_filter: str):
    from pypdf.generic import DictionaryObject, NameObject, NumberObject
    return DictionaryObject({
        NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Image"),
        NameObject("/Width"): NumberObject(size[0]), NameObject("/Height"): NumberObject(size[1]),
        NameObject("/ColorSpace"): NameObject("/DeviceGray" if image_mode == "L" else "/DeviceRGB"),
        NameObject("/BitsPerComponent"): NumberObject(8),
        NameObject("/Filter"): NameObject(image_filter)})


def _merge_pdf(writer, part: _Part, mode: Mode, stamp, out_index: int, warnings,
               cancelled) -> int:
    """Place each page of the part's PDF, scaled, in the frame above the band of a new A4 page."""
    from pypdf import PdfReader
    with open(part.path, "rb") as handle:        # read lazily: a path would be read whole
        return _merge_pages(writer, part, PdfReader(handle), mode, stamp, out_index, warnings,
                            cancelled)


def _merge_pages(writer, part, reader, mode, stamp, out_index, warnings, cancelled) -> int:
    from pypdf.generic import DictionaryObject, NameObject
    from .pdf_stream import SourceImporter, cm, rect, then, upright_matrix

    if reader.is_encrypted:
        reader.decrypt("")
    scan_hook = _ScanReencoder(mode) if mode is COMPACT else None
    importer = SourceImporter(writer, reader, image_hook=scan_hook)
    for index, page in enumerate(reader.pages):
        if index >= len(part.pdf_pages):
            break
        check_cancel(cancelled)
        width, height = part.pdf_pages[index]
        page_w, page_h = (A4[1], A4[0]) if width > height else A4
        frame_w, frame_h = page_w - 2 * FRAME_SIDE, page_h - FRAME_TOP - BAND
        scale = min(frame_w / width, frame_h / height)
        if scan_hook is not None:
            scan_hook.target = (width * scale / 72 * mode.dpi, height * scale / 72 * mode.dpi)
        xobjects = DictionaryObject({NameObject("/TLnum"): stamp(out_index)})
        try:
            form, box = importer.page_as_form(page)
            upright, _w, _h = upright_matrix(box, int(page.get("/Rotate", 0) or 0))
            x = (page_w - width * scale) / 2
            y = BAND + (frame_h - height * scale) / 2
            matrix = then(upright, (scale, 0, 0, scale, x, y))
            xobjects[NameObject("/TLsrc")] = form
            drawing = (b"q " + cm(matrix) + b" /TLsrc Do Q\n"
                       # a hairline round the placed page shows where the evidence's page ends
                       + f"q 0.6 G 0.4 w {x:.2f} {y:.2f} {width * scale:.2f} {height * scale:.2f}"
                         " re S Q\n".encode("ascii"))
        except Exception:          # noqa: BLE001 — the page stays (numbers hold), empty
            importer.failures += 1
            drawing = b""
        drawing += b"q /TLnum Do Q\n"
        resources = DictionaryObject({NameObject("/XObject"): xobjects})
        contents = writer.add_stream(drawing)
        writer.add_page(DictionaryObject({NameObject("/MediaBox"): rect((0, 0, page_w, page_h)),
                                          NameObject("/Resources"): resources,
                                          NameObject("/Contents"): contents}))
        importer.release()
        out_index += 1
    if importer.failures:
        warnings.append(f"{part.number.label}（{part.number.evidence.original_name}）："
                        f"PDF 中有 {importer.failures} 处内容无法读取，已略去")
    return out_index


class _ScanReencoder:
    """压缩 mode: a scanned page's big image re-encoded as a JPEG at the mode's resolution.

    Only plain 8-bit RGB or grey images (JPEG or Flate) larger than their place needs are
    touched; masks, bilevel scans (CCITT, JBIG2: already small), odd colour spaces stay.
    ``target`` is the pixel size the current page's frame holds.
    """

    def __init__(self, mode: Mode):
        self.mode = mode
        self.target = (0.0, 0.0)

    def __call__(self, obj):
        from PIL import Image
        try:
            return self._reencode(obj, Image)
        except Exception:          # noqa: BLE001 — the image is then copied as it is
            return None

    def _reencode(self, obj, Image):
        from pypdf.generic import ArrayObject
        if int(obj.get("/BitsPerComponent", 0) or 0) != 8 or obj.get("/ImageMask"):
            return None
        if any(key in obj for key in ("/SMask", "/Mask", "/Decode")):
            return None
        mode = _colour_mode(obj.get("/ColorSpace"))
        filters = obj.get("/Filter")
        filters = list(filters) if isinstance(filters, ArrayObject) else [filters]
        if mode is None or filters not in (["/DCTDecode"], ["/FlateDecode"]):
            return None
        width, height = int(obj["/Width"]), int(obj["/Height"])
        long_t, short_t = max(self.target), min(self.target)
        factor = min(long_t / max(width, height), short_t / min(width, height))
        if factor > 0.8 or width * height > MAX_DECODED_PIXELS * 4:
            return None
        size = (max(1, round(width * factor)), max(1, round(height * factor)))
        if filters == ["/DCTDecode"]:
            image = Image.open(io.BytesIO(obj._data))
            image.draft(mode, size)
            image = image.convert(mode)
        else:
            if width * height > MAX_DECODED_PIXELS:
                return None
            image = Image.frombytes(mode, (width, height), obj.get_data())
        image = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=self.mode.quality, optimize=True)
        data = buffer.getvalue()
        if len(data) >= len(obj._data):
            return None
        return _image_entries(size, mode, "/DCTDecode"), data


def _colour_mode(space) -> str | None:
    from pypdf.generic import ArrayObject
    space = space.get_object() if space is not None else None
    if space == "/DeviceRGB":
        return "RGB"
    if space == "/DeviceGray":
        return "L"
    if isinstance(space, ArrayObject) and len(space) == 2 and space[0] == "/ICCBased":
        components = int(space[1].get_object().get("/N", 0))
        return {3: "RGB", 1: "L"}.get(components)
    return None


def _outline(parts: list[_Part]) -> list:
    items: list = [("封面", 0, []), ("目录", 1, [])]
    task = measure = None
    task_children = measure_children = None
    for part in parts:
        page = part.first_page - 1
        if part.task_no != task:
            task, measure = part.task_no, None
            task_children = []
            items.append((f"{part.task_no}. {_short(part.task_content)}", page, task_children))
        if part.number.measure_code != measure:
            measure = part.number.measure_code
            measure_children = []
            task_children.append((f"举措 {measure} {_short(part.measure_text)}", page,
                                  measure_children))
        measure_children.append((f"{part.number.label} {part.number.evidence.original_name}",
                                 page, []))
    return items


def _short(text: str, length: int = 24) -> str:
    return text if len(text) <= length else text[:length] + "…"
