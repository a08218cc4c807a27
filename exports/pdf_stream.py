"""A PDF written object by object straight to disk, with pages taken from other PDFs.

pypdf's PdfWriter and ReportLab's canvas both keep every object of the document in memory
until the end, images included: a 佐证材料汇编 of 500 photos would hold them all. This writer
keeps only the byte offset of each object it has written. Pages come from other PDFs read
lazily from disk (``PdfReader`` on a file), one object at a time; a source page is either
copied as a page (our own ReportLab pages, with a few drawing commands appended) or placed,
scaled, as a Form XObject on a new page (merged evidence, so our margin band stays free).

Objects are pypdf generic objects, serialised by pypdf; references are renumbered as they are
copied (:class:`SourceImporter`), streams are copied as their raw, still-encoded bytes.
"""
from __future__ import annotations

import zlib
from typing import BinaryIO, Callable

from pypdf.generic import (ArrayObject, DictionaryObject, FloatObject, IndirectObject,
                           NameObject, NullObject, NumberObject, PdfObject, StreamObject,
                           TextStringObject)

# Keys never followed when copying: they point back up to a page or the page tree, and
# following them would pull in the whole source document.
_SKIP_KEYS = {"/Parent", "/P", "/StructParent", "/StructParents", "/B", "/Annots", "/Thumb"}

ImageHook = Callable[[StreamObject], tuple[DictionaryObject, bytes] | None]


def ref(number: int) -> IndirectObject:
    """A reference to object ``number`` of the output."""
    return IndirectObject(number, 0, None)


def pdf_number(value: float) -> PdfObject:
    """An integer or a float PDF number (no needless decimals)."""
    return NumberObject(int(value)) if float(value).is_integer() else FloatObject(round(value, 4))


def rect(values) -> ArrayObject:
    """A PDF rectangle array."""
    return ArrayObject(pdf_number(v) for v in values)


class PdfStreamWriter:
    """Writes a PDF to ``handle`` as it goes; ``finish`` adds the page tree, outline, info and
    cross-reference table. Only offsets (and the page list) stay in memory."""

    def __init__(self, handle: BinaryIO):
        self.handle = handle
        self.offsets: dict[int, int] = {}
        self._next = 1
        handle.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        self.pages_number = self.reserve()
        self.page_numbers: list[int] = []

    def reserve(self) -> int:
        """A new object number, to be written later (forward references)."""
        number = self._next
        self._next += 1
        return number

    def write(self, number: int, obj: PdfObject) -> IndirectObject:
        """Write ``obj`` as object ``number`` now."""
        self.offsets[number] = self.handle.tell()
        self.handle.write(f"{number} 0 obj\n".encode("ascii"))
        obj.write_to_stream(self.handle)
        self.handle.write(b"\nendobj\n")
        return ref(number)

    def add(self, obj: PdfObject) -> IndirectObject:
        """Write ``obj`` as a new object; return the reference to it."""
        return self.write(self.reserve(), obj)

    def write_stream(self, number: int, entries: DictionaryObject, data: bytes) -> IndirectObject:
        """Write a stream object: ``entries`` (its dictionary, /Length is set here) and the
        already-encoded ``data``."""
        self.offsets[number] = self.handle.tell()
        self.handle.write(f"{number} 0 obj\n".encode("ascii"))
        head = DictionaryObject({k: v for k, v in entries.items() if k != "/Length"})
        head[NameObject("/Length")] = NumberObject(len(data))
        head.write_to_stream(self.handle)
        self.handle.write(b"\nstream\n")
        self.handle.write(data)
        self.handle.write(b"\nendstream\nendobj\n")
        return ref(number)

    def add_stream(self, data: bytes, entries: dict | None = None, *,
                   compress: bool = True) -> IndirectObject:
        """A new stream of ``data`` (Flate-compressed unless ``compress`` is False)."""
        head = DictionaryObject({NameObject(k): v for k, v in (entries or {}).items()})
        if compress:
            data = zlib.compress(data, 6)
            head[NameObject("/Filter")] = NameObject("/FlateDecode")
        return self.write_stream(self.reserve(), head, data)

    def add_page(self, entries: DictionaryObject, number: int | None = None) -> int:
        """Write a page (``entries`` without /Type and /Parent); returns its object number."""
        number = number if number is not None else self.reserve()
        page = DictionaryObject({NameObject("/Type"): NameObject("/Page"),
                                 NameObject("/Parent"): ref(self.pages_number)})
        page.update(entries)
        self.write(number, page)
        self.page_numbers.append(number)
        return number

    def finish(self, *, info: dict[str, str], outline: list | None = None,
               page_mode: str | None = None) -> int:
        """Write the page tree, the outline (``[(title, page_index, children), …]``), the
        document information, the catalogue and the cross-reference table; returns the
        number of pages."""
        kids = ArrayObject(ref(n) for n in self.page_numbers)
        self.write(self.pages_number, DictionaryObject({
            NameObject("/Type"): NameObject("/Pages"), NameObject("/Kids"): kids,
            NameObject("/Count"): NumberObject(len(kids))}))
        catalog = DictionaryObject({NameObject("/Type"): NameObject("/Catalog"),
                                    NameObject("/Pages"): ref(self.pages_number)})
        if outline:
            catalog[NameObject("/Outlines")] = self._outline(outline)
        if page_mode:
            catalog[NameObject("/PageMode")] = NameObject(page_mode)
        catalog_ref = self.add(catalog)
        info_ref = self.add(DictionaryObject({NameObject(k): TextStringObject(v)
                                              for k, v in info.items()}))
        xref_at = self.handle.tell()
        size = self._next
        lines = [f"xref\n0 {size}\n", "0000000000 65535 f \n"]
        for number in range(1, size):
            offset = self.offsets.get(number)
            # A reserved number never written (an object left out) is a free entry.
            lines.append(f"{offset:010d} 00000 n \n" if offset is not None else "0000000000 65535 f \n")
        self.handle.write("".join(lines).encode("ascii"))
        trailer = DictionaryObject({NameObject("/Size"): NumberObject(size),
                                    NameObject("/Root"): catalog_ref,
                                    NameObject("/Info"): info_ref})
        self.handle.write(b"trailer\n")
        trailer.write_to_stream(self.handle)
        self.handle.write(f"\nstartxref\n{xref_at}\n%%EOF\n".encode("ascii"))
        return len(self.page_numbers)

    def _outline(self, items: list) -> IndirectObject:
        root = self.reserve()
        first, last, count = self._outline_level(items, root)
        entries = {NameObject("/Type"): NameObject("/Outlines"), NameObject("/Count"): NumberObject(count)}
        if first:
            entries[NameObject("/First")] = ref(first)
            entries[NameObject("/Last")] = ref(last)
        return self.write(root, DictionaryObject(entries))

    def _outline_level(self, items: list, parent: int) -> tuple[int | None, int | None, int]:
        numbers = [self.reserve() for _ in items]
        total = 0
        for index, (title, page, children) in enumerate(items):
            entries = DictionaryObject({
                NameObject("/Title"): TextStringObject(title),
                NameObject("/Parent"): ref(parent),
                NameObject("/Dest"): ArrayObject([ref(self.page_numbers[page]), NameObject("/Fit")])})
            if index:
                entries[NameObject("/Prev")] = ref(numbers[index - 1])
            if index + 1 < len(items):
                entries[NameObject("/Next")] = ref(numbers[index + 1])
            if children:
                first, last, count = self._outline_level(children, numbers[index])
                entries[NameObject("/First")] = ref(first)
                entries[NameObject("/Last")] = ref(last)
                entries[NameObject("/Count")] = NumberObject(-count)     # shown closed
            self.write(numbers[index], entries)
            total += 1
        return (numbers[0] if numbers else None), (numbers[-1] if numbers else None), total


class SourceImporter:
    """Copies objects of one source PDF (a pypdf PdfReader) into a PdfStreamWriter.

    Each source object is written once however often it is referenced (fonts shared by many
    pages). ``image_hook`` may replace an image stream by a re-encoded one. Objects that
    cannot be read are written as null (the page shows without them) and counted in
    ``failures``. ``release()`` drops what the reader has cached: call it between pages.
    """

    def __init__(self, writer: PdfStreamWriter, reader, *, image_hook: ImageHook | None = None):
        self.writer = writer
        self.reader = reader
        self.image_hook = image_hook
        self.numbers: dict[tuple[int, int], int] = {}
        self._queue: list[tuple[int, IndirectObject]] = []
        self.failures = 0

    def copy(self, obj) -> PdfObject:
        """A copy of a direct object whose references point to the output's numbers (the
        objects referenced are written by ``flush``)."""
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            number = self.numbers.get(key)
            if number is None:
                number = self.numbers[key] = self.writer.reserve()
                self._queue.append((number, obj))
            return ref(number)
        if isinstance(obj, StreamObject):
            # A stream is always an indirect object in a valid file; a direct one is kept
            # as a new object.
            number = self.writer.reserve()
            self._write_stream(number, obj)
            return ref(number)
        if isinstance(obj, DictionaryObject):
            return DictionaryObject({NameObject(k): self.copy(v) for k, v in obj.items()
                                     if k not in _SKIP_KEYS})
        if isinstance(obj, ArrayObject):
            return ArrayObject(self.copy(v) for v in obj)
        return obj

    def flush(self) -> None:
        """Write every object referenced by what was copied so far (and what they reference)."""
        while self._queue:
            number, indirect = self._queue.pop()
            try:
                obj = indirect.get_object()
                if isinstance(obj, StreamObject):
                    self._write_stream(number, obj)
                elif isinstance(obj, DictionaryObject) and obj.get("/Type") in ("/Page", "/Pages"):
                    self.writer.write(number, NullObject())      # never pull in a page tree
                else:
                    self.writer.write(number, self.copy(obj) if obj is not None else NullObject())
            except Exception:        # noqa: BLE001 — a damaged object must not stop the book
                self.failures += 1
                if number not in self.writer.offsets:
                    self.writer.write(number, NullObject())

    def _write_stream(self, number: int, obj: StreamObject) -> None:
        replaced = self.image_hook(obj) if self.image_hook and obj.get("/Subtype") == "/Image" else None
        if replaced is not None:
            entries, data = replaced
            self.writer.write_stream(number, entries, data)
            return
        entries = DictionaryObject({NameObject(k): self.copy(v) for k, v in obj.items()
                                    if k != "/Length" and k not in _SKIP_KEYS})
        self.writer.write_stream(number, entries, obj._data)

    def release(self) -> None:
        """Forget the source objects the reader has cached (their data is written)."""
        cache = getattr(self.reader, "resolved_objects", None)
        if isinstance(cache, dict):
            cache.clear()

    # ---- pages -----------------------------------------------------------------------------
    def page_content(self, page) -> bytes:
        """The page's content streams, decoded and joined."""
        contents = page.get("/Contents")
        if contents is None:
            return b""
        contents = contents.get_object()
        streams = contents if isinstance(contents, ArrayObject) else [contents]
        return b"\n".join(s.get_object().get_data() for s in streams)

    def page_as_form(self, page) -> tuple[IndirectObject, tuple[float, float, float, float]]:
        """The page as a Form XObject (its content and resources); returns the reference and
        the box it draws in (the crop box, in the page's own coordinates)."""
        box = tuple(float(v) for v in page.cropbox)
        resources = page.get("/Resources")
        entries = {NameObject("/Type"): NameObject("/XObject"),
                   NameObject("/Subtype"): NameObject("/Form"),
                   NameObject("/BBox"): rect(box),
                   NameObject("/Resources"): (self.copy(resources) if resources is not None
                                              else DictionaryObject())}
        form = self.writer.add_stream(self.page_content(page), entries)
        self.flush()
        return form, box

    def copy_page(self, page, *, extra_xobjects: dict[str, IndirectObject],
                  extra_content: bytes) -> DictionaryObject:
        """The entries of a page copied as it is, with ``extra_xobjects`` in its resources and
        ``extra_content`` drawn over it (the page's own drawing state is saved around it)."""
        resources = page.get("/Resources")
        resources = resources.get_object() if resources is not None else DictionaryObject()
        new_resources = DictionaryObject({NameObject(k): self.copy(v) for k, v in resources.items()
                                          if k != "/XObject"})
        xobjects = resources.get("/XObject")
        xobjects = DictionaryObject({NameObject(k): self.copy(v) for k, v in
                                     (xobjects.get_object().items() if xobjects is not None else [])})
        for name, value in extra_xobjects.items():
            xobjects[NameObject(name)] = value
        new_resources[NameObject("/XObject")] = xobjects
        contents = page.get("/Contents")
        parts = []
        if contents is not None:
            resolved = contents.get_object()
            items = resolved if isinstance(resolved, ArrayObject) else [contents]
            parts = [self.copy(item) for item in items]
        before = self.writer.add_stream(b"q\n", compress=False)
        after = self.writer.add_stream(b"\nQ\n" + extra_content)
        entries = DictionaryObject({
            NameObject("/MediaBox"): rect(float(v) for v in page.mediabox),
            NameObject("/Resources"): new_resources,
            NameObject("/Contents"): ArrayObject([before, *parts, after])})
        if page.cropbox != page.mediabox:
            entries[NameObject("/CropBox")] = rect(float(v) for v in page.cropbox)
        rotate = int(page.get("/Rotate", 0) or 0) % 360
        if rotate:
            entries[NameObject("/Rotate")] = NumberObject(rotate)
        self.flush()
        return entries


def upright_matrix(box: tuple[float, float, float, float], rotate: int
                   ) -> tuple[tuple[float, ...], float, float]:
    """The matrix that turns a page's box (x0, y0, x1, y1) shown with /Rotate ``rotate``
    (clockwise degrees) upright with its lower left corner at the origin; and the upright
    width and height."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    rotate %= 360
    if rotate == 90:
        return (0, -1, 1, 0, -y0, x0 + w), h, w
    if rotate == 180:
        return (-1, 0, 0, -1, x0 + w, y0 + h), w, h
    if rotate == 270:
        return (0, 1, -1, 0, y0 + h, -x0), h, w
    return (1, 0, 0, 1, -x0, -y0), w, h


def then(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix applying ``m`` first, then ``n`` (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def cm(matrix: tuple[float, ...]) -> bytes:
    """The ``cm`` operator for ``matrix``."""
    return (" ".join(_num(v) for v in matrix) + " cm").encode("ascii")


def _num(value: float) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"
