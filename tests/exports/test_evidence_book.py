"""The 佐证材料汇编 at real volumes (issue 14): merged pages framed above the page-number band,
photos decoded at print size in 标准/压缩, Word/Excel/text transcribed, scans re-encoded only
when compressing, hostile files listed and never fatal."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from exports.evidence_pdf import (COMPACT, STANDARD, encode_image, mode_for,
                                  write_evidence_pdf)
from models.errors import InvalidInput
from models.ledger import Ledger
from tests.exports.pdf_support import page_texts, render_pages, squeeze


@pytest.fixture
def book_ledger(tmp_path):
    with Ledger.create(tmp_path / "l.db", unit="洛阳市", user="张三") as ledger:
        yield ledger


def _full_page_pdf(path: Path, colour=(1, 0, 0), pages=1, landscape=False) -> Path:
    """Pages painted edge to edge, with a footer line at their very foot."""
    from reportlab.lib.pagesizes import A4, landscape as turn
    from reportlab.pdfgen import canvas
    size = turn(A4) if landscape else A4
    c = canvas.Canvas(str(path), pagesize=size)
    for n in range(pages):
        c.setFillColorRGB(*colour)
        c.rect(0, 0, size[0], size[1], fill=1, stroke=0)
        c.setFillColorRGB(1, 1, 1)
        c.setFont("Helvetica", 12)
        c.drawCentredString(size[0] / 2, 12, f"evidence footer {n + 1}")
        c.showPage()
    c.save()
    return path


def _photo(path: Path, size=(4000, 3000), orientation: int | None = None, quality=90) -> Path:
    from PIL import Image, ImageDraw
    image = Image.new("RGB", size, (60, 120, 200))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, size[0] // 4, size[1] // 4], fill=(220, 20, 20))   # top left: red
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    image.save(path, "JPEG", quality=quality, exif=exif)
    return path


@pytest.mark.slow
def test_page_numbers_sit_in_a_band_the_merged_page_leaves_free(book_ledger, tmp_path):
    book_ledger.attach("1.2", _full_page_pdf(tmp_path / "红色通知.pdf", pages=2))
    out = tmp_path / "book.pdf"
    result = write_evidence_pdf(book_ledger, out)
    assert result.pages == 2 + 1 + 2
    pngs = render_pages(out, tmp_path / "png", dpi=72)
    if pngs is None:
        pytest.skip("pdftoppm is not installed")
    from PIL import Image
    page = Image.open(pngs[3]).convert("RGB")          # the first merged page (— 4 —)
    width, height = page.size
    band_top = height - int(18 / 297 * height)

    def red(px):
        return px[0] > 180 and px[1] < 90 and px[2] < 90

    band = [page.getpixel((x, y)) for x in range(0, width, 2) for y in range(band_top + 2, height)]
    frame = [page.getpixel((x, y)) for x in range(width // 4, 3 * width // 4, 5)
             for y in range(height // 4, 3 * height // 4, 5)]
    assert not any(red(px) for px in band), "the evidence spills into the number band"
    assert all(red(px) for px in frame), "the evidence page is placed in the frame"
    dark = [(x, y) for x in range(width) for y in range(band_top, height)
            if sum(page.getpixel((x, y))) < 450]
    assert dark, "the page number is printed in the band"
    xs = [x for x, _y in dark if x > width // 4]          # the number, not the caption
    assert abs((min(xs) + max(xs)) / 2 - width / 2) < width * 0.05
    # The evidence's own footer is still there, inside the frame, above the band.
    assert "evidencefooter1" in squeeze(page_texts(out)[3])
    assert "—4—" in squeeze(page_texts(out)[3])


def test_merged_pages_are_scaled_into_a_frame_on_pages_of_their_orientation(book_ledger, tmp_path):
    from pypdf import PdfReader
    book_ledger.attach("1.2", _full_page_pdf(tmp_path / "横版.pdf", landscape=True))
    out = tmp_path / "book.pdf"
    write_evidence_pdf(book_ledger, out)
    reader = PdfReader(out)
    merged = reader.pages[3]
    assert float(merged.mediabox.width) > float(merged.mediabox.height)      # landscape A4
    words = merged.get_contents().get_data().decode("latin-1").split()
    a, b, c, d, e, f = (float(v) for v in words[1:7])       # q a b c d e f cm /TLsrc Do Q
    assert words[7:9] == ["cm", "/TLsrc"] and a == d and b == c == 0 and 0.85 < a < 1
    assert f >= 18 * 72 / 25.4 - 0.01                          # above the band
    assert "佐证1.2-1" in page_texts(out)[3] and "第 1/1 页" in page_texts(out)[3]


def test_word_excel_and_text_evidence_are_printed_as_readable_pages(book_ledger, tmp_path):
    import docx
    import openpyxl
    document = docx.Document()
    document.add_paragraph("关于召开知识产权专题会议的通知")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "单位", "人数"
    table.cell(1, 0).text, table.cell(1, 1).text = "洛阳市知识产权局", "12"
    document.save(tmp_path / "会议通知.docx")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "企业名单"
    sheet.append(["序号", "企业名称", "专利数"])
    sheet.append([1, "洛阳某科技有限公司", 12])
    workbook.save(tmp_path / "企业名单.xlsx")
    (tmp_path / "说明.txt").write_bytes("数据来源：统计局年报\n第二行".encode("gb18030"))
    for name in ("会议通知.docx", "企业名单.xlsx", "说明.txt"):
        book_ledger.attach("1.2", tmp_path / name)
    out = tmp_path / "book.pdf"
    result = write_evidence_pdf(book_ledger, out)
    assert result.warnings == []
    texts = [squeeze(t) for t in page_texts(out)]
    word, excel, text = texts[2], texts[3], texts[4]
    for page in (word, excel, text):
        assert "据原件转录" in page and "此类文件不能直接印入" not in page
    assert "关于召开知识产权专题会议的通知" in word and "洛阳市知识产权局" in word
    assert "工作表：企业名单" in excel and "洛阳某科技有限公司" in excel
    assert "数据来源：统计局年报" in text and "第二行" in text
    assert "佐证1.2-1_会议通知.docx" in word        # the original is in the package


def test_a_photo_is_placed_upright_at_the_modes_resolution(book_ledger, tmp_path):
    from pypdf import PdfReader
    book_ledger.attach("1.2", _photo(tmp_path / "竖拍.jpg", orientation=6))
    sizes = {}
    for mode in ("standard", "compact"):
        out = tmp_path / f"{mode}.pdf"
        write_evidence_pdf(book_ledger, out, mode=mode)
        reader = PdfReader(out)
        assert ("标准" if mode == "standard" else "压缩") in squeeze(reader.pages[0].extract_text())
        image = reader.pages[2].images[0]
        width, height = image.image.size
        assert height > width                          # turned upright by its EXIF tag
        sizes[mode] = (width, height, len(reader.pages[2].images[0].data))
        top_left = image.image.convert("RGB").getpixel((width - 5, 5))
        assert top_left[0] > 150 and top_left[2] < 100   # the red corner is now top right
    # 标准 ≈ 200 dpi, 压缩 ≈ 120 dpi over the same printed size, and a smaller file.
    ratio = sizes["standard"][1] / sizes["compact"][1]
    assert 1.5 < ratio < 1.8
    assert sizes["compact"][2] < sizes["standard"][2] / 2
    assert 1000 < sizes["standard"][1] < 2000


def test_a_jpeg_is_decoded_in_draft_mode_never_at_full_size(tmp_path, monkeypatch):
    from PIL import Image
    photo = _photo(tmp_path / "大.jpg")
    loaded = []
    real_load = Image.Image.load

    def load(self):
        loaded.append(self.size)
        return real_load(self)
    monkeypatch.setattr(Image.Image, "load", load)
    entries, data = encode_image(photo, (453, 340), STANDARD)
    assert max(w * h for w, h in loaded) <= 2000 * 1500       # 1/2 of 4000×3000, not all of it
    assert (entries["/Width"], entries["/Height"]) == (1259, 945) or entries["/Width"] <= 1259
    assert Image.open(io.BytesIO(data)).format == "JPEG"


def test_scanned_pdfs_are_re_encoded_only_in_compact(book_ledger, tmp_path):
    from PIL import Image
    from pypdf import PdfReader
    scan = Image.effect_noise((2480, 3508), 30).convert("RGB")
    scan.save(tmp_path / "扫描件.pdf", "PDF", resolution=300)
    book_ledger.attach("1.2", tmp_path / "扫描件.pdf")
    page = PdfReader(tmp_path / "扫描件.pdf").pages[0]
    source = next(v.get_object() for v in page["/Resources"]["/XObject"].values())._data
    found = {}
    for mode in ("standard", "compact"):
        out = tmp_path / f"{mode}.pdf"
        write_evidence_pdf(book_ledger, out, mode=mode)
        xobjects = PdfReader(out).pages[3]["/Resources"]["/XObject"]
        form = xobjects["/TLsrc"].get_object()
        image = next(v.get_object() for v in form["/Resources"]["/XObject"].values())
        found[mode] = (int(image["/Width"]), image._data)
    assert found["standard"] == (2480, source)            # copied byte for byte
    width, data = found["compact"]
    assert 800 < width < 1000 and len(data) < len(source) / 3


def test_damaged_and_hostile_files_are_listed_and_the_book_still_made(book_ledger, tmp_path):
    (tmp_path / "坏表格.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    bomb = tmp_path / "巨大.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document>" + b" " * (45 << 20) + b"</w:document>")
    (tmp_path / "假图片.jpg").write_bytes(b"\xff\xd8 this is no photo")
    (tmp_path / "加密.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj trailer <</Encrypt 1 0 R>>"
                                        b"\n%%EOF\n")
    # A photo renamed .pdf: no end marker, so pypdf is never asked to hunt through it.
    (tmp_path / "改名照片.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4096)
    names = ("坏表格.xlsx", "巨大.docx", "假图片.jpg", "加密.pdf", "改名照片.pdf")
    for name in names:
        book_ledger.attach("1.2", tmp_path / name)
    out = tmp_path / "book.pdf"
    result = write_evidence_pdf(book_ledger, out)
    assert result.pages == 2 + len(names)
    assert len(result.warnings) == len(names)
    assert any("解压后内容过大" in w for w in result.warnings)
    texts = [squeeze(t) for t in page_texts(out)]
    assert all("仅列出名称和哈希值" in t for t in texts[2:])


def test_an_unknown_mode_is_refused():
    assert mode_for("压缩") is COMPACT and mode_for(None) is STANDARD
    with pytest.raises(InvalidInput, match="标准"):
        mode_for("tiny")


def test_cli_size_choice_is_named_on_the_cover(book_ledger, tmp_path, capsys):
    from cli.main import run
    book_ledger.attach("1.2", _photo(tmp_path / "照片.jpg", size=(1600, 1200)))
    db = book_ledger.path
    book_ledger.close()
    out = tmp_path / "汇编.pdf"
    assert run(["--db", str(db), "export", "evidence-pdf", "--out", str(out), "--size", "压缩"]) == 0
    assert "（压缩）" in capsys.readouterr().out
    assert "压缩（发送用" in squeeze(page_texts(out)[0])
    with pytest.raises(SystemExit) as stopped:
        run(["--db", str(db), "export", "evidence-pdf", "--out", str(out), "--size", "tiny"])
    assert stopped.value.code == 2 and "--size" in capsys.readouterr().err


@pytest.mark.slow
def test_libreoffice_converts_office_files_when_asked(book_ledger, tmp_path):
    import shutil

    import docx
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice is not installed")
    document = docx.Document()
    document.add_paragraph("原样转换的会议通知")
    document.save(tmp_path / "通知.docx")
    book_ledger.attach("1.2", tmp_path / "通知.docx")
    out = tmp_path / "book.pdf"
    result = write_evidence_pdf(book_ledger, out, convert_office=True)
    assert result.pages == 2 + 1 + 1 and result.warnings == []
    texts = [squeeze(t) for t in page_texts(out)]
    assert "LibreOffice" in texts[2] and "原样转换的会议通知" in texts[3]
