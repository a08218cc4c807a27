"""The 工作情况报告 PDF, read back with pypdf and rendered with pdftoppm."""
from __future__ import annotations

import re
from datetime import date

import pytest
from pypdf import PdfReader

from exports.pdf_common import MissingGlyphsError
from models.errors import Cancelled
from exports.pdf_report import write_work_report
from tests.exports.pdf_support import (A4, fonts_of, ink_share, page_texts, render_pages,
                                       squeeze)
from tests.support import ledger_built_once

TYPED = "制定《洛阳市贯彻落实<知识产权强国建设纲要>实施方案》，R&D投入 <5% & 专利“双提升”。"
LONG_ENTRY = "组织全市重点企业开展专利导航与质押融资对接，走访企业逐一登记需求。" * 120


def _fill(ledger, evidence):
    ledger.set_settings(unit_full_name="洛阳市市场监督管理局（洛阳市知识产权局）",
                        contact_person="王五", contact_phone="0379-63900000")
    ledger.record("1.2", status="已完成", note=TYPED, date="2021-03-15",
                  problems="基层力量薄弱 & 专业人才不足", next_steps="加强培训<第一批>")
    ledger.record("2.3", status="推进中", note="召开推进会，部署年度重点任务。", date="2021-04-02",
                  problems="基层力量薄弱 & 专业人才不足", value="47")
    ledger.record("2.2", status="不涉及")
    ledger.record("17.1", status="推进中", note=LONG_ENTRY, date="2021-05-20")
    ledger.attach("1.2", evidence, note="会议纪要", date="2021-03-16")
    return ledger


@pytest.fixture
def filled(ledger, sample_file):
    return _fill(ledger, sample_file)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The report of the filled ledger, built once: the tests that take it only read it."""
    root = tmp_path_factory.mktemp("report")
    with ledger_built_once(root) as (ledger, evidence):
        out = root / "报告.pdf"
        result = write_work_report(_fill(ledger, evidence), out, on=date(2021, 11, 30))
    return out, result


def test_outline_title_addressee_citation_and_closing(report):
    out, result = report
    texts = page_texts(out)
    assert result.pages == len(texts)
    body = re.sub(r"—\d+—|校验码[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", "", squeeze("".join(texts)))      # page numbers aside
    assert body.startswith(
        "洛阳市市场监督管理局（洛阳市知识产权局）关于2021年推动知识产权高质量发展工作情况的报告")
    assert "河南省知识产权局：" in body
    assert "《河南省推动知识产权高质量发展年度实施方案（2021）》（豫知〔2021〕35号）" in body
    positions = [body.index(h) for h in ("一、总体情况", "二、主要做法和成效", "三、存在问题",
                                         "四、下一步工作打算", "特此报告。", "附件：1.", "2.佐证材料清单")]
    assert positions == sorted(positions)
    assert "附件：1.洛阳市2021年推动知识产权高质量发展任务完成情况表" in body
    assert "共承担落实举措" in body and "已完成1项" in body
    # signature and 成文日期 without zero padding, contact line below
    assert "洛阳市市场监督管理局（洛阳市知识产权局）2021年11月30日" in body
    assert "（联系人：王五，联系电话：0379-63900000）" in body
    assert "（一）强化顶层设计与标杆引领，推动知识产权高质量创造" in body


def test_title_stand_in_is_emboldened(report):
    out, _ = report
    first_page = PdfReader(str(out)).pages[0].get_contents().get_data()
    assert b"2 Tr" in first_page          # fill + stroke: the 小标宋 look from a Song face


def test_user_text_appears_exactly_as_typed(report):
    out, _ = report
    body = squeeze("".join(page_texts(out)))
    assert squeeze(TYPED) in body                         # & < > survive, nothing swallowed
    assert "基层力量薄弱&专业人才不足（举措1.2、2.3）" in body  # identical problems merged
    assert "加强培训<第一批>" in body
    assert "3月15日，" + squeeze(TYPED) in body


def test_page_numbers_on_every_page(report):
    out, result = report
    for number, text in enumerate(page_texts(out), 1):
        assert f"— {number} —" in text, f"第{number}页没有页码"


def _page_number_x(page, number: int) -> float:
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip() == f"— {number} —":
            found.append(cm[4] + tm[4] * cm[0])
    page.extract_text(visitor_text=visit)
    assert found, f"页码 — {number} — 未找到"
    return found[0]


def test_page_numbers_outer_by_default_and_centred_on_request(filled, tmp_path):
    outer = tmp_path / "outer.pdf"
    write_work_report(filled, outer, on=date(2021, 11, 30))
    pages = PdfReader(str(outer)).pages
    middle = A4[0] / 2
    assert _page_number_x(pages[0], 1) > middle + 100       # odd: right
    assert _page_number_x(pages[1], 2) < middle - 100       # even: left

    filled.set_settings(page_number_style="center")
    centred = tmp_path / "centre.pdf"
    write_work_report(filled, centred, on=date(2021, 11, 30))
    pages = PdfReader(str(centred)).pages
    for k in (0, 1):
        assert abs(_page_number_x(pages[k], k + 1) - (middle - 20)) < 40


def test_every_font_is_embedded_truetype_subset(report):
    out, _ = report
    fonts = fonts_of(out)
    assert fonts
    for font in fonts:
        assert font["embedded"] and font["truetype"], font
        assert "+" in font["name"], f"{font['name']} is not a subset"
        assert "STSong" not in font["name"]


def test_a4_pages_and_the_landscape_annex(report):
    out, _ = report
    reader = PdfReader(str(out))
    texts = page_texts(out)
    rotated = []
    for index, page in enumerate(reader.pages):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        if page.rotation % 360 == 270:
            rotated.append(index)
            # a landscape sheet turned onto portrait A4: the page shows as A4 portrait
            assert (width, height) == pytest.approx((A4[1], A4[0]), abs=0.5)
        else:
            assert page.rotation == 0
            assert (width, height) == pytest.approx(A4, abs=0.5)
    assert rotated, "附件1 should be on rotated (landscape) pages"
    assert rotated == list(range(rotated[0], rotated[-1] + 1))
    first = squeeze(texts[rotated[0]])
    assert first.startswith("附件1") or "附件1" in first[:40]
    assert "洛阳市2021年推动知识产权高质量发展任务完成情况表" in first
    for head in ("序号", "任务内容", "落实举措", "责任地市", "完成情况", "工作进展", "佐证材料",
                 "存在问题", "下一步打算", "备注"):
        assert head in first
    # the header row repeats on every annex page (the last may hold only the closing sentence)
    for index in rotated[:-1]:
        assert "工作进展" in texts[index]
    assert "共承担落实举措" in texts[rotated[-1]]
    after = squeeze("".join(texts[rotated[-1] + 1:]))
    assert after.startswith("附件2佐证材料清单") or "附件2佐证材料清单" in after
    assert "佐证1.2-1_会议纪要.pdf" in after


def test_a_task_row_longer_than_a_page_splits_across_pages(report):
    out, _ = report
    reader = PdfReader(str(out))
    texts = [squeeze(t) for t in page_texts(out)]
    annex = [i for i, p in enumerate(reader.pages) if p.rotation % 360 == 270]
    holding = [i for i in annex if "走访企业逐一登记需求" in texts[i]]
    assert len(holding) >= 2, "the long 17.1 row should continue on the next page"
    assert holding == list(range(holding[0], holding[-1] + 1))


def test_pages_render(report, tmp_path):
    out, result = report
    images = render_pages(out, tmp_path / "png")
    if images is None:
        pytest.skip("pdftoppm not installed")
    assert len(images) == result.pages
    for image in images:
        assert ink_share(image) > 0.002, f"{image.name} renders blank"


def test_missing_glyphs_are_reported_not_silently_blank(ledger, tmp_path):
    # 𠀀 (Extension B) is drawn from the rare-character font; 𰀀 (Extension G) and 😀 no
    # font has: they are reported.
    ledger.record("1.2", status="推进中", note="调研组由张喆带队，走访𠀀字号、𰀀字号企业😀。",
                  date="2021-05-01")
    out = tmp_path / "r.pdf"
    result = write_work_report(ledger, out)
    warnings = "\n".join(result.warnings)
    assert "𰀀" in warnings and "😀" in warnings and "U+30000" in warnings
    assert "U+20000" not in warnings
    assert "喆" in warnings and "已改用其他字体" in warnings     # drawn, from another font
    assert out.is_file()

    strict = tmp_path / "strict.pdf"
    with pytest.raises(MissingGlyphsError, match="𰀀"):
        write_work_report(ledger, strict, strict=True)
    assert not strict.exists()


def test_extension_b_prints_from_simsun_extb_or_the_shipped_font(ledger, tmp_path, monkeypatch):
    from models.paths import resource_path
    ledger.record("1.2", status="推进中", note="走访𠀀字号企业", date="2021-05-01")
    out = tmp_path / "r.pdf"
    result = write_work_report(ledger, out)
    assert any("生僻字" in line and "HanaMinB.ttf" in line and "内置" in line for line in result.fonts)
    assert not any("U+20000" in line for line in result.warnings)
    assert any("HanaMin" in font["name"] and font["embedded"] for font in fonts_of(out))
    assert "𠀀" in "".join(page_texts(out))

    # A PC with SimSun-ExtB: that font is used first (here a stand-in file of that name).
    fonts = tmp_path / "Fonts"
    fonts.mkdir()
    (fonts / "simsunb.ttf").symlink_to(resource_path("fonts", "HanaMinB.ttf"))
    monkeypatch.setenv("TASKLEDGER_FONT_DIRS", str(fonts))
    result = write_work_report(ledger, out)
    assert any("生僻字" in line and "simsunb.ttf" in line and "本机字体" in line
               for line in result.fonts)


def test_cancel_leaves_no_file_and_keeps_an_existing_one(filled, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "r.pdf"
    with pytest.raises(Cancelled):
        write_work_report(filled, out, cancelled=lambda: True)
    assert not out.exists()
    out.write_bytes(b"old report")
    calls = []

    def cancel_during_layout():
        calls.append(1)
        return len(calls) > 80        # after the ledger is read, while pages are laid out
    with pytest.raises(Cancelled):
        write_work_report(filled, out, cancelled=cancel_during_layout)
    assert out.read_bytes() == b"old report"
    assert [p.name for p in folder.iterdir()] == ["r.pdf"]        # no temporary left over


def test_progress_reaches_the_end(filled, tmp_path):
    seen = []
    write_work_report(filled, tmp_path / "r.pdf", progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_bad_page_number_style_is_refused(filled, tmp_path):
    from models.errors import InvalidInput
    with pytest.raises(InvalidInput, match="页码位置"):
        write_work_report(filled, tmp_path / "r.pdf", page_numbers="left")
    assert not (tmp_path / "r.pdf").exists()


def test_defaults_when_settings_are_empty_and_a_custom_addressee(ledger, tmp_path):
    out = tmp_path / "r.pdf"
    write_work_report(ledger, out, on=date(2021, 12, 1))
    body = re.sub(r"—\d+—|校验码[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", "", squeeze("".join(page_texts(out))))
    assert body.startswith("洛阳市关于2021年推动知识产权高质量发展工作情况的报告河南省知识产权局：")
    assert "联系人" not in body
    assert body.endswith("佐证材料清单本单位尚未上传佐证材料。")
    assert "洛阳市2021年12月1日" in body

    ledger.set_settings(addressee="洛阳市人民政府", unit_full_name="洛阳市知识产权局")
    write_work_report(ledger, out)
    body = re.sub(r"—\d+—|校验码[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", "", squeeze("".join(page_texts(out))))
    assert body.startswith("洛阳市知识产权局关于2021年推动知识产权高质量发展工作情况的报告洛阳市人民政府：")


def test_bookmarks_lead_to_the_parts(report):
    out, _ = report
    reader = PdfReader(str(out))
    outline = {item.title: reader.get_destination_page_number(item) for item in reader.outline}
    assert list(outline)[:4] == ["一、总体情况", "二、主要做法和成效", "三、存在问题", "四、下一步工作打算"]
    annex1 = outline["附件1　洛阳市2021年推动知识产权高质量发展任务完成情况表"]
    assert reader.pages[annex1].rotation % 360 == 270
    assert "佐证材料清单" in reader.pages[outline["附件2　佐证材料清单"]].extract_text()
