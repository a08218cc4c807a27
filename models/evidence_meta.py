"""What an evidence file says about itself: the date the document was made.

A clerk attaches last spring's meeting photos in November; the 材料日期 should be the day
they were taken, not the day they were attached. Photos carry it in EXIF, PDFs in their
document information, Word/Excel/PowerPoint files in docProps/core.xml. Only small parts of
the file are read, and anything odd (no date, a date in the future or before 1990, a damaged
file) gives None: the caller then uses today and the clerk can correct it.
"""
from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path

from .deadlines import today

_EARLIEST = date(1990, 1, 1)
_OFFICE_SUFFIXES = {".docx", ".xlsx", ".pptx", ".docm", ".xlsm"}
_IMAGE_SUFFIXES = {".jpg", ".jpeg", ".tif", ".tiff", ".heic", ".webp", ".png"}
_CORE_MAX_BYTES = 1 << 20
# A PDF starts with %PDF- and ends with %%EOF within its last kilobyte (ISO 32000 7.5.5).
# pypdf hunts for a missing %%EOF line by line back through the whole file: 40 s for a
# 120 MB scan that only has a .pdf name, so such a file is given no date without asking it.
_PDF_ENDS = 1024
_CREATED_RE = re.compile(rb"<dcterms:created[^>]*>\s*(\d{4})-(\d{2})-(\d{2})")
_EXIF_RE = re.compile(r"^(\d{4}):(\d{2}):(\d{2})")

# EXIF tags: DateTimeOriginal and DateTimeDigitized live in the Exif IFD, DateTime in IFD0.
_EXIF_IFD, _DATE_TIME_ORIGINAL, _DATE_TIME_DIGITIZED, _DATE_TIME = 0x8769, 0x9003, 0x9004, 0x0132


def document_date(path: Path) -> str | None:
    """The date ``path`` was made, as YYYY-MM-DD, when the file records one; else None."""
    suffix = Path(path).suffix.lower()
    try:
        if suffix in _IMAGE_SUFFIXES:
            found = _image_date(path)
        elif suffix == ".pdf":
            found = _pdf_date(path)
        elif suffix in _OFFICE_SUFFIXES:
            found = _office_date(path)
        else:
            return None
    except Exception:       # noqa: BLE001 — a damaged or hostile file simply has no date
        return None
    if found is None or not (_EARLIEST <= found <= today()):
        return None
    return found.isoformat()


def _image_date(path: Path) -> date | None:
    from PIL import Image
    with Image.open(path) as image:       # reads the header only, never the pixels
        exif = image.getexif()
        inner = exif.get_ifd(_EXIF_IFD)
        for value in (inner.get(_DATE_TIME_ORIGINAL), inner.get(_DATE_TIME_DIGITIZED),
                      exif.get(_DATE_TIME)):
            match = _EXIF_RE.match(str(value or ""))
            if match:
                return date(*(int(part) for part in match.groups()))
    return None


def _pdf_date(path: Path) -> date | None:
    import logging

    from pypdf import PdfReader
    # pypdf logs what it repairs ("EOF marker not found"); asking for a date is no reason to
    # print that on the clerk's console.
    log = logging.getLogger("pypdf")          # the parent of pypdf._reader, pypdf._utils…
    was_level = log.level
    log.setLevel(logging.ERROR)
    try:
        with open(path, "rb") as handle:       # a path would be read whole into memory
            if not looks_like_pdf(handle):
                return None
            reader = PdfReader(handle)
            if reader.is_encrypted:
                return None
            info = reader.metadata
            made = info.creation_date if info is not None else None
    finally:
        log.setLevel(was_level)
    return made.date() if isinstance(made, datetime) else None


def looks_like_pdf(handle) -> bool:
    """Whether the open binary file has a PDF's header and end marker (it is left at 0)."""
    head = handle.read(_PDF_ENDS)
    handle.seek(0, 2)
    handle.seek(max(0, handle.tell() - _PDF_ENDS))
    tail = handle.read(_PDF_ENDS)
    handle.seek(0)
    return b"%PDF-" in head and b"%%EOF" in tail


def _office_date(path: Path) -> date | None:
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("docProps/core.xml")
        if info.file_size > _CORE_MAX_BYTES:
            return None
        match = _CREATED_RE.search(zf.read(info))
    return date(*(int(part) for part in match.groups())) if match else None
