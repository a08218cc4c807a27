"""The managers' 进度报告 PDF, read back with pypdf."""
from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from models.errors import Cancelled
from exports.pdf_status import write_status_report
from tests.exports.pdf_support import A4, fonts_of, ink_share, page_texts, render_pages, squeeze


@pytest.fixture
def filled(ledger, sample_file):
    ledger.record("1.2", status="已完成", note="印发配套文件 A&B <试行>", date="2021-10-01")
    ledger.record("1.3", status="已完成", note="机构改革到位", date="2021-10-02")
    ledger.attach("1.3", sample_file, note="批复", date="2021-10-02")
    ledger.record("2.3", status="推进中", note="推进会", date="2021-10-10", value="47")
    ledger.record("2.2", status="不涉及")
    return ledger


def _text(path) -> str:
    return squeeze("".join(page_texts(path)))


def test_heading_figures_and_charts(filled, tmp_path):
    out = tmp_path / "status.pdf"
    result = write_status_report(filled, out)
    text = _text(out)
    assert result.pages == len(PdfReader(str(out)).pages)
    assert "洛阳市2021年推动知识产权高质量发展进度报告" in text
    assert "统计日期2021年10月15日" in text
    assert "报送截止2021年11月30日，还有46天" in text
    assert "已完成2项" in text and "推进中1项" in text and "另有1项经确认不涉及" in text
    # counts and shares by status, each with its bar
    assert "已完成2项" in text and "不涉及1项—" in text
    # completion per section: done/total and the share
    assert re.search(r"一、强化顶层设计.*?2/\d+\d+%", text)
    for heading in ("一、总体情况", "二、序时进度", "三、各部分完成情况", "四、推进中举措及最新进展（1项）",
                    "五、未启动举措", "六、已完成但无佐证材料（1项）", "七、量化指标"):
        assert heading in text
    assert "需关注：逾期0项，临期（7天内到期）0项，超过30天未更新" in text
    assert "1.2" in text.split("六、已完成但无佐证材料")[1][:200]      # 1.2 done, nothing attached
    # what the measure 推进中 did: its latest entry, once
    assert "2021年10月10日：推进会" in text
    lists = text[text.index("四、推进中举措"):text.index("七、量化指标")]
    codes = re.findall(r"(?<![\d.])(\d{1,2}\.\d)(?=[^\d年月日%])", lists)
    assert len(codes) == len(set(codes)), "a measure listed twice"
    # indicator against its target, with the unit's figure
    assert "100家" in text and "47家" in text


def test_late_and_due_soon_lists_follow_the_date(filled, tmp_path, monkeypatch):
    monkeypatch.setenv("TASKLEDGER_TODAY", "2021-11-26")
    out = tmp_path / "s.pdf"
    write_status_report(filled, out)
    text = _text(out)
    assert "还有4天" in text
    assert re.search(r"临期（7天内到期）(\d+)项", text).group(1) != "0"
    monkeypatch.setenv("TASKLEDGER_TODAY", "2021-12-05")
    write_status_report(filled, out)
    text = _text(out)
    assert "已超过5天" in text
    late = int(re.search(r"需关注：逾期(\d+)项", text).group(1))
    assert late == len(filled.measures()) - 3          # all but the two done and the 不涉及 one


def test_user_text_escaped_fonts_embedded_a4_and_renders(filled, tmp_path):
    filled.record("3.1", status="未启动", problems="x")
    out = tmp_path / "s.pdf"
    result = write_status_report(filled, out)
    reader = PdfReader(str(out))
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.5)
    for font in fonts_of(out):
        assert font["embedded"] and font["truetype"], font
    images = render_pages(out, tmp_path / "png")
    if images is None:
        pytest.skip("pdftoppm not installed")
    assert len(images) == result.pages
    assert all(ink_share(p) > 0.002 for p in images)


def test_cancel_writes_nothing(filled, tmp_path):
    out = tmp_path / "s.pdf"
    with pytest.raises(Cancelled):
        write_status_report(filled, out, cancelled=lambda: True)
    assert not out.exists()
