"""The 工作情况报告 as Word: read back with python-docx, compared with the PDF, converted by
LibreOffice and rendered."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from exports.docx_report import write_work_report_docx
from exports.pdf_report import write_work_report
from models.errors import Cancelled, InvalidInput
from tests.exports.pdf_support import ink_share, page_texts, render_pages, squeeze
from tests.support import built_once_per_run, ledger_built_once

HOSTILE = '=1+1 <b>加粗</b> & "引号" 〔2021〕\x07\x1b @所有人'
LONG = "深入企业开展专利导航服务，" * 770          # ≈ 10 000 characters in one entry


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    def build(root):
        with ledger_built_once(root, "纪要.pdf") as (ledger, evidence):
            ledger.set_settings(unit_full_name="洛阳市市场监督管理局（洛阳市知识产权局）",
                                contact_person="王五", contact_phone="0379-63900000")
            ledger.record("1.2", status="已完成", note=HOSTILE, date="2021-03-15",
                          problems="-减少重复填报。", next_steps="+加强培训")
            ledger.record("2.3", status="推进中", note="走访𠀀字号企业。", date="2021-04-02",
                          value="47")
            ledger.record("17.1", status="推进中", note=LONG, date="2021-05-20")
            ledger.attach("1.2", evidence, note="纪要 & <附件>", date="2021-03-16")
            ledger.save_narrative({"plans": "一、加强统筹\n（一）建立台账\n我们将继续推进。"})
            result = write_work_report_docx(ledger, root / "报告.docx", on=date(2021, 11, 30))
            write_work_report(ledger, root / "报告.pdf", on=date(2021, 11, 30))
            return {"folder": str(root), "warnings": list(result.warnings),
                    "codes": [r.code for r in ledger.measures()]}
    built = built_once_per_run(tmp_path_factory, "docx-report", build)
    root = Path(built["folder"])
    return SimpleNamespace(docx=root / "报告.docx", pdf=root / "报告.pdf", root=root,
                           result=SimpleNamespace(warnings=built["warnings"]), codes=built["codes"])


def _body_texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def test_page_setup_margins_grid_and_sections(made):
    doc = Document(str(made.docx))
    assert len(doc.sections) == 3
    main, annex, last = doc.sections
    for section in (main, last):
        assert section.orientation == WD_ORIENT.PORTRAIT
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        assert [round(m.mm) for m in (section.top_margin, section.bottom_margin,
                                      section.left_margin, section.right_margin)] == [37, 35, 28, 26]
        grid = section._sectPr.find(qn("w:docGrid"))
        assert grid.get(qn("w:linePitch")) == "579"          # 28.95 pt: 22 lines in 225 mm
    assert annex.orientation == WD_ORIENT.LANDSCAPE
    assert (round(annex.page_width.mm), round(annex.page_height.mm)) == (297, 210)
    assert doc.settings.odd_and_even_pages_header_footer


def test_every_run_names_its_east_asian_font(made):
    doc = Document(str(made.docx))
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [r for t in doc.tables for row in t.rows for c in row.cells
             for p in c.paragraphs for r in p.runs]
    assert runs
    for run in runs:
        fonts = run._r.rPr.rFonts
        east = fonts.get(qn("w:eastAsia"))
        assert east and fonts.get(qn("w:ascii")) == east, run.text
        if any(ord(c) > 0xFFFF for c in run.text):
            assert east == "SimSun-ExtB"
    by_text = {p.text: p for p in doc.paragraphs}
    title = doc.paragraphs[0]
    assert title.runs[0].font.size.pt == 22
    assert title.runs[0]._r.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    body = next(p for p in doc.paragraphs if p.text.startswith("按照"))
    assert body.runs[0].font.size.pt == 16
    assert body.runs[0]._r.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert body.paragraph_format.line_spacing.pt == pytest.approx(28.95, abs=0.05)
    assert body.paragraph_format.first_line_indent.pt == pytest.approx(31.5, abs=0.1)
    assert by_text["一、总体情况"].runs[0]._r.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    assert by_text["（一）建立台账"].runs[0]._r.rPr.rFonts.get(qn("w:eastAsia")) == "楷体_GB2312"
    styles = zipfile.ZipFile(made.docx).read("word/settings.xml").decode()
    assert 'w:eastAsia="zh-CN"' in styles and "ja-JP" not in styles
    fonts = zipfile.ZipFile(made.docx).read("word/fontTable.xml").decode()
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in fonts


def test_title_lines_and_the_same_text_as_the_pdf(made):
    doc = Document(str(made.docx))
    assert doc.paragraphs[0].text == ("洛阳市市场监督管理局（洛阳市知识产权局）\n"
                                      "关于2021年推动知识产权\n高质量发展工作情况的报告")
    texts = _body_texts(doc)
    end = next(i for i, t in enumerate(texts) if t == "附件1")
    word = squeeze("".join(texts[:end]))
    pdf_texts = page_texts(made.pdf)
    from pypdf import PdfReader
    first_annex = next(i for i, p in enumerate(PdfReader(str(made.pdf)).pages)
                       if p.rotation % 360 == 270)
    # The PDF's footers: page numbers and the fingerprint line (issue 16) are not body text.
    pdf = re.sub(r"—\d+—|校验码[0-9A-Z-]{14}", "", squeeze("".join(pdf_texts[:first_annex])))
    assert word == pdf
    assert "四、下一步工作打算一、加强统筹（一）建立台账我们将继续推进。特此报告。" in word
    assert "附件：1.洛阳市2021年推动知识产权高质量发展任务完成情况表2.佐证材料清单" in word
    assert "洛阳市市场监督管理局（洛阳市知识产权局）2021年11月30日（联系人：王五，联系电话：0379-63900000）" in word


def test_annex_tables_hold_every_measure_with_a_repeated_header(made):
    doc = Document(str(made.docx))
    annex1, annex2 = doc.tables
    header = annex1.rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in header.cells] == ["序号", "任务内容", "落实举措", "责任地市", "完成情况",
                                              "工作进展", "佐证材料", "存在问题", "下一步打算", "备注"]
    measure_cells = [row.cells[2].text for row in annex1.rows[1:]]
    found = {text.split("　")[0] for text in measure_cells if "　" in text}
    assert found == set(made.codes)
    row_12 = next(row for row in annex1.rows if row.cells[2].text.startswith("1.2　"))
    assert row_12.cells[4].text == "已完成"
    assert row_12.cells[5].text == '2021年3月15日：=1+1 <b>加粗</b> & "引号" 〔2021〕 @所有人'
    assert row_12.cells[7].text == "-减少重复填报。" and row_12.cells[8].text == "+加强培训"
    row_84 = next(row for row in annex1.rows if row.cells[2].text.startswith("8.4　"))
    assert (row_84.cells[4].text, row_84.cells[9].text) == ("未启动", "待确认是否涉及")
    row_171 = next(row for row in annex1.rows if row.cells[2].text.startswith("17.1　"))
    assert len(row_171.cells[5].text) > 10_000
    assert [c.text for c in annex2.rows[1].cells] == ["佐证1.2-1", "1.2", "佐证1.2-1_纪要.pdf",
                                                      "纪要 & <附件>", "2021年3月16日"]


def test_page_numbers_are_fields_in_odd_and_even_footers(made):
    doc = Document(str(made.docx))
    section = doc.sections[0]
    odd, even = section.footer._element.xml, section.even_page_footer._element.xml
    for xml in (odd, even):
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml and "— " in xml
    assert 'w:jc w:val="right"' in odd and 'w:jc w:val="left"' in even
    assert 'w:eastAsia="宋体"' in odd and 'w:val="28"' in odd          # 4号


def test_warnings_options_and_refusals(made, ledger, tmp_path):
    assert any("SimSun-ExtB" in w and "𠀀" in w for w in made.result.warnings)
    out = tmp_path / "c.docx"
    write_work_report_docx(ledger, out, page_numbers="center")
    footer = Document(str(out)).sections[0].footer._element.xml
    assert 'w:jc w:val="center"' in footer
    with pytest.raises(InvalidInput, match="页码位置"):
        write_work_report_docx(ledger, tmp_path / "x.docx", page_numbers="left")
    out.write_bytes(b"old")
    with pytest.raises(Cancelled):
        write_work_report_docx(ledger, out, cancelled=lambda: True)
    assert out.read_bytes() == b"old"
    assert not [p.name for p in tmp_path.iterdir() if ".docx." in p.name]   # no temporary left


@pytest.mark.slow
def test_libreoffice_opens_converts_and_every_page_renders(made, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice not installed")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(made.docx)],
                   check=True, capture_output=True, timeout=240)
    pdf = tmp_path / "报告.pdf"
    assert pdf.is_file()
    texts = page_texts(pdf)
    text = squeeze("".join(texts))
    for code in made.codes:
        assert code in text
    assert "— 1 —" in texts[0] or "—1—" in squeeze(texts[0])
    images = render_pages(pdf, tmp_path / "png")
    if images is None:
        pytest.skip("pdftoppm not installed")
    for image in images:
        assert ink_share(image) > 0.002, f"{image.name} renders blank"


def test_the_word_footer_carries_the_fingerprint_of_the_pdf(made):
    """The same 校验码 on the Word copy as on the PDF: either may be the one sealed."""
    from docx import Document as Open
    footer = "".join(p.text for p in Open(str(made.docx)).sections[0].footer.paragraphs)
    code = re.search(r"校验码 ([0-9A-Z-]{14})", footer)
    assert code, footer
    assert code.group(1) in squeeze("".join(page_texts(made.pdf)))
