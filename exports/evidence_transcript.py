"""Word, Excel and text evidence read into plain blocks for the 佐证材料汇编 (据原件转录).

A clerk's evidence is often a .docx notice, an .xlsx list or a .txt note. The 汇编 prints
their words — paragraphs and tables in order, each sheet of a workbook — so a reader of the
book sees what the file says; the original stays in the package for anyone who needs its
layout. python-docx and openpyxl read them; nothing needs Word, WPS or LibreOffice.

Everything is bounded: at most MAX_CHARS characters per file, MAX_ROWS rows per table or
sheet, MAX_COLS columns; a document whose XML inflates past MAX_XML_BYTES is not opened (a
zip bomb in a .docx costs nothing but a note).
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

WORD_SUFFIXES = {".docx", ".docm"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
TEXT_SUFFIXES = {".txt", ".csv", ".md", ".log", ".json", ".xml", ".tsv"}
TRANSCRIBED_SUFFIXES = WORD_SUFFIXES | EXCEL_SUFFIXES | TEXT_SUFFIXES

MAX_CHARS = 20_000
MAX_ROWS = 300
MAX_COLS = 10
MAX_CELL = 500
MAX_XML_BYTES = 40 * 1024 * 1024
MAX_TEXT_BYTES = 256 * 1024


@dataclass
class Transcript:
    """What a file says, as blocks: ("heading", text), ("para", text) or ("table", rows)."""
    blocks: list[tuple] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)      # what was left out, for the reader
    chars: int = 0

    def room(self) -> int:
        """Characters still allowed."""
        return MAX_CHARS - self.chars

    def add(self, kind: str, value) -> bool:
        """Add a block unless the character budget is spent; False once it is."""
        size = (sum(len(str(c)) for row in value for c in row) if kind == "table"
                else len(str(value)))
        if self.chars + size > MAX_CHARS:
            if kind != "table" and self.room() > 0:
                self.blocks.append((kind, str(value)[:self.room()] + "……"))
                self.chars = MAX_CHARS
            self.notes.append(f"内容较长，仅转录前 {MAX_CHARS} 字，其余请见原件")
            return False
        self.blocks.append((kind, value))
        self.chars += size
        return True


class TranscriptError(Exception):
    """The file cannot be read as what its name says (the message is Chinese, one line)."""


def can_transcribe(name: str) -> bool:
    """Whether a file of this name is printed as a transcript."""
    return Path(name).suffix.lower() in TRANSCRIBED_SUFFIXES


def transcribe(path: Path, name: str) -> Transcript:
    """The blocks of ``path`` (a file originally called ``name``); TranscriptError when it
    cannot be read."""
    suffix = Path(name).suffix.lower()
    try:
        if suffix in WORD_SUFFIXES:
            return _word(Path(path))
        if suffix in EXCEL_SUFFIXES:
            return _excel(Path(path))
        return _text(Path(path))
    except TranscriptError:
        raise
    except Exception as exc:      # noqa: BLE001 — a damaged file is listed, never fatal
        raise TranscriptError(f"无法读取（{type(exc).__name__}）") from None


def _check_zip(path: Path, members_prefix: tuple[str, ...]) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            size = sum(i.file_size for i in zf.infolist() if i.filename.startswith(members_prefix))
    except zipfile.BadZipFile:
        raise TranscriptError("不是有效的 Office 文件（无法作为 zip 读取）") from None
    if size > MAX_XML_BYTES:
        raise TranscriptError(f"解压后内容过大（{size >> 20} MB），未转录")


def _cell(text) -> str:
    text = "" if text is None else str(text)
    return text if len(text) <= MAX_CELL else text[:MAX_CELL] + "……"


def _table(out: Transcript, rows: list[list[str]], total_rows: int, total_cols: int) -> bool:
    while rows and not any(rows[-1]):
        rows.pop()
    if not rows:
        return True
    if total_cols > MAX_COLS:
        out.notes.append(f"表格共 {total_cols} 列，仅转录前 {MAX_COLS} 列")
    if total_rows > len(rows) and total_rows > MAX_ROWS:
        out.notes.append(f"表格共 {total_rows} 行，仅转录前 {MAX_ROWS} 行")
    return out.add("table", rows)


def _word(path: Path) -> Transcript:
    _check_zip(path, ("word/",))
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    out = Transcript()
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(child, document).text.strip()
            if text and not out.add("para", text):
                break
        elif tag == "tbl":
            table = Table(child, document)
            rows, total_rows, total_cols = [], 0, 0
            for row in table.rows:
                total_rows += 1
                if len(rows) >= MAX_ROWS:
                    continue
                cells, seen = [], set()
                for cell in row.cells:
                    # A merged cell appears once per grid column it spans: print it once.
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    cells.append(_cell(cell.text.strip()))
                total_cols = max(total_cols, len(cells))
                rows.append(cells[:MAX_COLS])
            if not _table(out, rows, total_rows, total_cols):
                break
    if not out.blocks:
        out.notes.append("文档中没有可转录的文字（可能只有图片），请见原件")
    return out


def _excel(path: Path) -> Transcript:
    _check_zip(path, ("xl/",))
    import openpyxl

    # A file object: openpyxl judges a path by its extension, and the store's names have none.
    handle = open(path, "rb")
    try:
        workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except BaseException:
        handle.close()
        raise
    out = Transcript()
    try:
        for sheet in workbook.worksheets:
            rows, total_rows, total_cols = [], 0, 0
            for values in sheet.iter_rows(values_only=True):
                total_rows += 1
                if len(rows) >= MAX_ROWS:
                    if total_rows > MAX_ROWS + 5000:
                        break       # enough counted: a sheet of a million empty rows
                    continue
                cells = [_cell(_excel_value(v)) for v in values]
                while cells and not cells[-1]:
                    cells.pop()
                total_cols = max(total_cols, len(cells))
                rows.append(cells[:MAX_COLS])
            while rows and not any(rows[0]):
                rows.pop(0)
            if not rows:
                continue
            width = max(len(r) for r in rows)
            rows = [r + [""] * (width - len(r)) for r in rows]
            if not out.add("heading", f"工作表：{sheet.title}"):
                break
            if not _table(out, rows, total_rows, total_cols):
                break
    finally:
        workbook.close()
        handle.close()
    if not out.blocks:
        out.notes.append("工作簿中没有数据，请见原件")
    return out


def _excel_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:10] if text.endswith("T00:00:00") else text.replace("T", " ")
    return str(value)


def _text(path: Path) -> Transcript:
    with open(path, "rb") as handle:
        data = handle.read(MAX_TEXT_BYTES + 1)
    out = Transcript()
    if len(data) > MAX_TEXT_BYTES:
        data = data[:MAX_TEXT_BYTES]
        out.notes.append(f"文件较大，仅转录前 {MAX_TEXT_BYTES // 1024} KB")
    text = _decode(data)
    if "\x00" in text:
        raise TranscriptError("不是文本文件")
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not out.add("para", line.rstrip() or " "):
            break
    while out.blocks and out.blocks[-1] == ("para", " "):
        out.blocks.pop()
    return out


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            if exc.start >= len(data) - 3:       # a character cut in two at the size limit
                return data[:exc.start].decode(encoding)
            continue
    return data.decode("utf-8", errors="replace")
