"""The 公文 details of issue 13 in every output: titles break between words, split table
cells carry no stray spaces, one status wording and one date style in the xlsx and the PDFs,
the full stop after the (举措…) tag."""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from exports.pdf_report import write_work_report
from exports.title_lines import title_lines
from exports.xlsx_progress import write_progress_workbook
from tests.exports.pdf_support import page_texts, squeeze
from tests.support import built_once_per_run, ledger_built_once

LONG = "组织全市重点企业开展专利导航与质押融资对接，走访装备制造企业逐一登记需求，下一步继续推进。" * 12
_CJK_GAP = re.compile(r"[\u4e00-\u9fff，。、；] +[\u4e00-\u9fff，。、；]")


def _em(char: str) -> float:
    return 1.0 if unicodedata.east_asian_width(char) in "WF" else 0.5


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    def build(root):
        with ledger_built_once(root) as (ledger, evidence):
            ledger.set_settings(unit_full_name="洛阳市市场监督管理局（洛阳市知识产权局）")
            ledger.record("1.2", status="已完成", note="印发方案", date="2021-03-01",
                          problems="专业人才不足。")
            ledger.attach("1.2", evidence, note="纪要", date="2021-03-16")
            for day in (20, 21, 22, 23):
                ledger.record("17.1", status="推进中", note=LONG, date=f"2021-05-{day}")
            write_work_report(ledger, root / "r.pdf", on=date(2021, 11, 30))
            write_progress_workbook(ledger, root / "t.xlsx")
        return str(root)
    root = Path(built_once_per_run(tmp_path_factory, "report-details", build))
    pdf, xlsx = root / "r.pdf", root / "t.xlsx"
    reader = PdfReader(str(pdf))
    annex = [i for i, p in enumerate(reader.pages) if p.rotation % 360 == 270]
    texts = page_texts(pdf)
    return SimpleNamespace(pdf=pdf, xlsx=xlsx, texts=texts, annex=annex)


@pytest.mark.parametrize("title, lines", [
    ("洛阳市市场监督管理局（洛阳市知识产权局）关于2021年推动知识产权高质量发展工作情况的报告",
     ["洛阳市市场监督管理局（洛阳市知识产权局）", "关于2021年推动知识产权", "高质量发展工作情况的报告"]),
    ("洛阳市关于2021年推动知识产权高质量发展工作情况的报告",
     ["洛阳市关于2021年推动知识产权", "高质量发展工作情况的报告"]),
])
def test_titles_break_between_words_in_balanced_lines(title, lines):
    assert title_lines(title, _em, 20, words=["洛阳市"]) == lines


@pytest.mark.parametrize("title", [
    "济源示范区关于2021年推动知识产权高质量发展工作情况的报告",
    "郑州市人民政府办公厅关于2022年度深入实施知识产权强市战略推进营商环境优化提升工作情况的报告",
    "河南省知识产权局关于2021年推动知识产权高质量发展工作情况的报告",
])
def test_no_word_is_cut_and_no_lone_tail(title):
    lines = title_lines(title, _em, 20)
    assert "".join(lines) == title
    widths = [sum(_em(c) for c in line) for line in lines]
    assert max(widths) <= 20
    assert min(widths) >= max(widths) / 2, lines              # balanced, no stub
    for word in ("知识产权", "高质量", "工作", "情况", "报告", "2021年", "2022年"):
        for a, b in zip(lines, lines[1:]):
            joint = a[-3:] + "|" + b[:3]
            assert not any(word[:k] == a[-k:] and word[k:] == b[:len(word) - k]
                           for k in range(1, len(word))), f"{word} cut at {joint}"
    assert not lines[-1].startswith("的") and lines[-1] != "的报告"


def test_the_pdf_title_uses_those_lines(made):
    first = [line.strip() for line in made.texts[0].split("\n")
             if not line.startswith(("—", "校验码"))]
    assert first[:3] == ["洛阳市市场监督管理局（洛阳市知识产权局）", "关于2021年推动知识产权",
                         "高质量发展工作情况的报告"]


def test_cells_continued_overleaf_have_no_stray_spaces(made):
    holding = [i for i in made.annex if "走访装备制造企业" in squeeze(made.texts[i])]
    assert len(holding) >= 2, "the 17.1 row must continue on another page"
    for i in holding:
        assert not _CJK_GAP.findall(made.texts[i]), (i, _CJK_GAP.findall(made.texts[i])[:5])


def _sheet_row(xlsx, code):
    ws = load_workbook(xlsx).worksheets[0]
    for row in ws.iter_rows(values_only=True):
        if row[9] and f"举措{code}" in str(row[9]).split("\n"):
            return row
    raise AssertionError(f"{code} not in the sheet")


def test_one_status_wording_and_one_date_style_in_xlsx_and_pdf(made):
    annex = "\n".join(made.texts[i] for i in made.annex)
    sheet_84 = _sheet_row(made.xlsx, "8.4")
    assert sheet_84[4] == "未启动" and "待确认是否涉及" in sheet_84[9]
    assert re.search(r"8\.4.*?未启动.*?待确认是否涉及", squeeze(annex), re.S)
    sheet_12 = _sheet_row(made.xlsx, "1.2")
    assert sheet_12[5] == "2021年3月1日：印发方案"
    assert "2021年3月1日：印发方案" in squeeze(annex)
    annex2 = squeeze("".join(made.texts[made.annex[-1] + 1:]))
    assert "2021年3月16日" in annex2 and "2021-03-16" not in annex2
    evidence_sheet = load_workbook(made.xlsx).worksheets[2]
    assert evidence_sheet.cell(2, 5).value == "2021年3月16日"
    for text in made.texts:
        assert not re.search(r"\d{4}-\d{2}-\d{2}", text)


def test_the_full_stop_follows_the_measure_tag(made):
    body = squeeze("".join(made.texts[:made.annex[0]]))
    assert "1.专业人才不足（举措1.2）。" in body
    assert "。（举措" not in body
