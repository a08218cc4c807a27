"""Reading PDFs back for the PDF tests: text, fonts, page geometry, rendering."""
from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from pypdf import PdfReader

A4 = (595.28, 841.89)


def page_texts(path: Path) -> list[str]:
    """The extracted text of every page; tests reading the same unchanged file (one built per
    module) share one extraction."""
    stat = Path(path).stat()
    return list(_page_texts(str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns))


@lru_cache(maxsize=32)
def _page_texts(path: str, _size: int, _mtime_ns: int) -> tuple[str, ...]:
    # poppler's pdftotext, in content-stream order as pypdf reads, is ten times faster than
    # pypdf on our CJK pages (pypdf took a tenth of the suite); pypdf where poppler is missing.
    if shutil.which("pdftotext"):
        done = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", path, "-"], check=True,
                              capture_output=True, timeout=120)
        pages = done.stdout.decode("utf-8").split("\f")
        return tuple(pages[:-1] if pages and pages[-1] == "" else pages)
    return tuple(page.extract_text() or "" for page in PdfReader(path).pages)


def squeeze(text: str) -> str:
    """Text without whitespace (extraction puts line breaks where the lines wrapped)."""
    return "".join(text.split())


def fonts_of(path: Path) -> list[dict]:
    """Every font used on any page: base name, subtype, and whether its program is embedded."""
    found = {}
    for page in PdfReader(str(path)).pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        resources = resources.get_object()
        _collect_fonts(resources, found)
        xobjects = resources.get("/XObject")
        if xobjects is not None:     # charts are drawn as form XObjects
            for xobject in xobjects.get_object().values():
                inner = xobject.get_object().get("/Resources")
                if inner is not None:
                    _collect_fonts(inner.get_object(), found)
    return list(found.values())


def _collect_fonts(resources, found: dict) -> None:
    fonts = resources.get("/Font")
    if fonts is None:
        return
    for font in fonts.get_object().values():
        font = font.get_object()
        name = str(font.get("/BaseFont"))
        descriptor = font.get("/FontDescriptor")
        if descriptor is None and "/DescendantFonts" in font:
            descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor is not None else {}
        found[name] = {"name": name, "subtype": str(font.get("/Subtype")),
                       "embedded": any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")),
                       "truetype": "/FontFile2" in descriptor}


def render_pages(pdf: Path, out_dir: Path, *, dpi: int = 20) -> list[Path] | None:
    """PNG per page with pdftoppm; None when pdftoppm is not installed."""
    if shutil.which("pdftoppm") is None:
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out_dir / "p")],
                   check=True, capture_output=True, timeout=120)
    return sorted(out_dir.glob("p-*.png"))


def ink_share(png: Path) -> float:
    """Share of pixels that are not white: a rendered page with text is not blank."""
    from PIL import Image
    image = Image.open(png).convert("L")
    histogram = image.histogram()
    return sum(histogram[:200]) / (image.width * image.height)
