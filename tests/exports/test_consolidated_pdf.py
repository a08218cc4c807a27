"""The printable consolidated summary: landscape pages, numbered, with totals and the matrix."""
from __future__ import annotations

from cli.main import run
from tests.exports.pdf_support import page_texts
from tests.province.handin_fixtures import FIGURES


def test_consolidated_pdf(filled_province, tmp_path, capsys):
    from pypdf import PdfReader
    province, _ = filled_province
    path = province.path
    province.close()
    out = tmp_path / "全省汇总.pdf"
    assert run(["--db", str(path), "export", "consolidated-pdf", "--out", str(out)]) == 0
    assert "已导出全省汇总 PDF" in capsys.readouterr().out
    reader = PdfReader(out)
    assert len(reader.pages) >= 3
    first = reader.pages[0]
    assert float(first.mediabox.width) > float(first.mediabox.height)      # landscape
    texts = page_texts(out)
    text = "\n".join(texts)
    assert "已报送3/28" in text.replace(" ", "")
    assert "任务4" in text and "— 2 —" in text and "— 1 —" in text
    # 4.1's provincial total (4 + 3 + 1) and the units' figures.
    indicator_page = next(page for page in texts if "量化指标汇总" in page)
    assert f"{sum(FIGURES.values())}家" in indicator_page.replace(" ", "")
    assert "郑州市4" in indicator_page.replace(" ", "")
