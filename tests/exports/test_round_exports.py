"""Exports made for a reporting round: what came after the cut-off is left out of every file
and the documents say 截至 the cut-off; the package records its round; the filtered list."""
from __future__ import annotations

import json
import zipfile

import pytest
from openpyxl import load_workbook

from tests.exports.pdf_support import page_texts, squeeze

Q3 = "2021年第三季度"


@pytest.fixture
def q3(ledger, tmp_path):
    ledger.set_settings(unit_full_name="洛阳市知识产权局", contact_person="张三",
                        contact_phone="0379-63900001")
    ledger.record("1.2", status="推进中", note="九月三十日召开推进会", date="2021-09-30",
                  progress=40)
    ledger.record("1.2", note="十月一日印发通知", date="2021-10-01")
    ledger.add_milestone("1.2", text="出台实施方案", planned="2021-08-31", done="2021-08-30")
    for name, day in (("九月纪要.pdf", "2021-09-29"), ("十月通知.pdf", "2021-10-01")):
        path = tmp_path / name
        path.write_bytes(f"%PDF-1.4 {name}".encode())
        ledger.attach("1.2", path, date=day)
    ledger.add_round(Q3, cutoff="2021-09-30", due="2021-10-10")
    return ledger


def _sheet_text(path) -> str:
    wb = load_workbook(path)
    return "\n".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows()
                     for c in row if c.value is not None)


def test_the_completion_table_of_a_round_leaves_out_the_day_after(q3, tmp_path):
    from exports.xlsx_progress import write_progress_workbook
    out = tmp_path / "q3.xlsx"
    write_progress_workbook(q3.as_of(round_name=Q3), out)
    text = _sheet_text(out)
    assert "九月三十日召开推进会" in text and "九月纪要.pdf" in text
    assert "十月一日印发通知" not in text and "十月通知.pdf" not in text
    title = load_workbook(out).worksheets[0]["A1"].value
    assert title.endswith(f"任务完成情况表（{Q3}，截至2021年9月30日）")
    assert "完成进度40%" in text and "阶段节点：8月31日前出台实施方案（8月30日完成）" in text
    # without a round the same export has everything, and says no 截至
    whole = tmp_path / "all.xlsx"
    write_progress_workbook(q3, whole)
    text = _sheet_text(whole)
    assert "十月一日印发通知" in text and "十月通知.pdf" in text
    assert "截至" not in load_workbook(whole).worksheets[0]["A1"].value


def test_the_report_of_a_round_says_so_and_leaves_out_the_day_after(q3, tmp_path):
    from exports.pdf_report import write_work_report
    out = tmp_path / "q3.pdf"
    write_work_report(q3.as_of(round_name=Q3), out)
    text = squeeze("".join(page_texts(out)))
    assert f"（{Q3}，截至2021年9月30日）" in text
    assert "现将截至2021年9月30日的2021年" in text and "截至2021年9月30日，洛阳市共承担" in text
    assert "九月三十日召开推进会" in text and "九月纪要.pdf" in text
    assert "十月一日印发通知" not in text and "十月通知.pdf" not in text
    assert "完成进度40%" in text


def test_the_status_report_and_the_evidence_book_of_a_round(q3, tmp_path):
    from exports.evidence_pdf import write_evidence_pdf
    from exports.pdf_status import write_status_report
    out = tmp_path / "status.pdf"
    write_status_report(q3.as_of(round_name=Q3), out)
    text = squeeze("".join(page_texts(out)))
    assert f"截至日期2021年9月30日（{Q3}）" in text
    assert "二、序时进度" in text and "红灯" in text
    book = tmp_path / "book.pdf"
    result = write_evidence_pdf(q3.as_of(round_name=Q3), book)
    text = squeeze("".join(page_texts(book)))
    assert f"{Q3}，截至2021年9月30日" in text
    assert "九月纪要.pdf" in text and "十月通知.pdf" not in text
    assert result.pages >= 3


def test_the_package_of_a_round_records_it_and_carries_only_what_it_covers(q3, tmp_path):
    from exports.package import write_package
    out = write_package(q3, tmp_path, round_name=Q3)
    assert out.name == f"洛阳市-{Q3}-报送材料.zip"
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        data = json.loads(zf.read("data.json"))
        names = zf.namelist()
    assert manifest["round"] == {"name": Q3, "cutoff": "2021-09-30", "due": "2021-10-10"}
    assert (manifest["version"], data["round"]["name"], data["made_on"]) == (1, Q3, "2021-09-30")
    m12 = next(m for m in data["measures"] if m["id"] == "1.2")
    assert [e["text"] for e in m12["entries"]] == ["九月三十日召开推进会"]
    assert [e["original_name"] for e in m12["evidence"]] == ["九月纪要.pdf"]
    assert m12["progress"] == 40 and m12["milestones"][0]["text"] == "出台实施方案"
    assert not any("十月通知" in name for name in names)
    from models.versions import package_versions
    assert [(p.version, p.round) for p in package_versions(q3)] == [(1, Q3)]
    # the same round again without changes keeps its version; a package without a round
    # starts its own count
    write_package(q3, tmp_path / "again.zip", round_name=Q3)
    plain = write_package(q3, tmp_path)
    with zipfile.ZipFile(plain) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert "round" not in manifest and manifest["version"] == 1
    assert [(p.version, p.round) for p in package_versions(q3)] == [(1, Q3), (1, Q3), (1, "")]


def test_the_filtered_list_writes_its_filter_in_the_title(q3, tmp_path, monkeypatch):
    from exports.filtered_list import list_lines, write_filtered_pdf, write_filtered_xlsx
    from models.queries import MeasureFilter
    monkeypatch.setenv("TASKLEDGER_TODAY", "2021-10-15")
    q3.record("1.3", status="推进中", progress=95)
    red = MeasureFilter(light="red")
    lines = list_lines(q3, red)
    assert lines and all(line.light == "red" for line in lines)
    assert "1.3" not in [line.code for line in lines]
    first = next(line for line in lines if line.code == "1.2")
    assert first.latest == "2021-10-01：十月一日印发通知" and first.progress == "40%"
    out = tmp_path / "red.xlsx"
    write_filtered_xlsx(q3, out, measure_filter=red)
    ws = load_workbook(out).active
    assert ws["A1"].value == "洛阳市2021年举措进展清单（红灯）"
    assert ws["A4"].value == "1.2" and ws["H4"].value == "2021-10-01：十月一日印发通知"
    assert ws.max_row == 3 + len(lines)
    assert {ws.cell(r, 6).value for r in range(4, ws.max_row + 1)} == {"红灯"}
    pdf = tmp_path / "red.pdf"
    # On 09-30 the milestone done in August puts 1.2 in its second stage: 66.5 % expected,
    # 26.5 points behind — yellow in the round's list.
    view = q3.as_of(round_name=Q3)
    assert next(r for r in view.measures() if r.code == "1.2").light == "yellow"
    write_filtered_pdf(view, pdf,
                       measure_filter=MeasureFilter(light="yellow", status="推进中", search="推进会"))
    text = squeeze("".join(page_texts(pdf)))
    assert "举措进展清单（黄灯·状态：推进中·搜索“推进会”）" in text and "共1项" in text
    assert f"{Q3}，截至2021年9月30日" in text
    assert "九月三十日召开推进会" in text and "十月一日" not in text
