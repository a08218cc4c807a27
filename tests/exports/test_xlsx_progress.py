"""The 完成情况表 workbook, read back with openpyxl (and opened by LibreOffice)."""
from __future__ import annotations

import shutil
import subprocess
import zipfile

from types import SimpleNamespace

import pytest
from openpyxl import Workbook, load_workbook

from exports.text_width import height_for
from exports.xlsx_progress import (PROGRESS_COLUMNS, SHEET_TITLES, write_progress_sheet,
                                   write_progress_workbook)
from models.errors import Cancelled
from models.summary import evidence_numbers, summarize
from tests.exports.pdf_support import page_texts
from tests.support import ledger_built_once

FORMULA_LIKE = ["=SUM(A1:A3)召开推进会", "+86 电话会议", "-印发配套文件", "@全体成员", "\t制表符开头",
                "=HYPERLINK(\"http://x\",\"点我\")"]


def _fill(ledger, evidence):
    ledger.set_settings(unit_full_name="洛阳市知识产权局", contact_person="王五",
                        contact_phone="0379-63900000")
    # entries recorded out of date order: the sheet must list them oldest first
    ledger.record("2.3", status="推进中", note="第二次推进会，组织专家现场辅导。", date="2021-06-01",
                  problems=FORMULA_LIKE[1], next_steps=FORMULA_LIKE[3])
    ledger.record("2.3", note=FORMULA_LIKE[0], date="2021-03-05")
    ledger.record("2.3", value="47")
    ledger.record("1.2", status="已完成", note=FORMULA_LIKE[2], date="2021-04-01")
    ledger.record("2.2", status="不涉及", reason="本市没有国家级试点园区")
    ledger.record("3.1", status="推进中", note="优化营商环境", date="2021-05-01",
                  problems=FORMULA_LIKE[5], next_steps=FORMULA_LIKE[4])
    ledger.record("17.1", status="推进中", note="宣传周活动" * 80, date="2021-04-26")
    ledger.attach("2.3", evidence, note="会议纪要", date="2021-03-05")
    return ledger


@pytest.fixture
def filled(ledger, sample_file):
    return _fill(ledger, sample_file)


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """The filled ledger and its workbook, built once for the tests that only read them."""
    root = tmp_path_factory.mktemp("xlsx")
    with ledger_built_once(root) as (ledger, evidence):
        _fill(ledger, evidence)
        out = root / "完成情况表.xlsx"
        calls = []
        write_progress_workbook(ledger, out, progress=lambda d, t: calls.append((d, t)))
        assert calls and calls[-1][0] == calls[-1][1] == len(ledger.measures())
        yield SimpleNamespace(ledger=ledger, workbook=out)


@pytest.fixture
def workbook(shared):
    return shared.workbook


def _rows_by_id(ws):
    """measure id → sheet row, from the 备注 column (举措x.y)."""
    found = {}
    for row in range(4, ws.max_row + 1):
        remark = ws.cell(row, 10).value or ""
        if remark.startswith("举措"):
            found[remark.split("\n")[0][2:]] = row
    return found


def test_title_info_header_and_sheets(workbook, shared):
    wb = load_workbook(workbook)
    assert wb.sheetnames == list(SHEET_TITLES)
    ws = wb[SHEET_TITLES[0]]
    assert ws["A1"].value == "洛阳市2021年推动知识产权高质量发展任务完成情况表"
    info = ws["A2"].value
    assert info.startswith("填报单位（盖章）：洛阳市知识产权局")
    assert "填报人：王五" in info and "联系电话：0379-63900000" in info
    assert info.endswith("填报日期：2021年10月15日")
    assert [ws.cell(3, c).value for c in range(1, 11)] == [n for n, _ in PROGRESS_COLUMNS]
    assert ws["A1"].font.name == "黑体" and ws["A3"].font.name == "黑体"
    assert ws["C5"].font.name == "仿宋"


def test_one_row_per_measure_sections_merged_across_tasks_merged_down(workbook, shared):
    ws = load_workbook(workbook)[SHEET_TITLES[0]]
    measures = shared.ledger.measures()
    rows = _rows_by_id(ws)
    assert list(rows) == [m.code for m in measures]          # task-list order, nothing else
    sections = {m.section for m in measures}
    merged = {str(r) for r in ws.merged_cells.ranges}
    section_rows = [r for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value in sections]
    assert len(section_rows) == len(sections)
    for r in section_rows:
        assert f"A{r}:J{r}" in merged
    last = max(rows.values())
    assert last == 3 + len(measures) + len(sections)
    # task 2: the unit carries 2.1–2.5 → 序号 and 任务内容 merged over five rows
    first2 = rows["2.1"]
    assert f"A{first2}:A{rows['2.5']}" in merged and f"B{first2}:B{rows['2.5']}" in merged
    assert ws.cell(first2, 1).value == 2 and ws.cell(first2, 1).data_type == "n"
    assert ws.cell(first2, 2).value == "高标准推进知识产权试点示范工作。"
    # province-only measures are not rows of a city's table
    assert "1.1" not in rows and "13.1" not in rows


def test_statuses_progress_evidence_and_not_involved(workbook, shared):
    ws = load_workbook(workbook)[SHEET_TITLES[0]]
    rows = _rows_by_id(ws)
    statuses = {mid: ws.cell(r, 5).value for mid, r in rows.items()}
    assert statuses["1.2"] == "已完成" and statuses["2.3"] == "推进中"
    assert statuses["2.2"] == "不涉及" and statuses["2.1"] == "未启动"
    assert "经确认不涉及：本市没有国家级试点园区" in ws.cell(rows["2.2"], 10).value
    progress = ws.cell(rows["2.3"], 6).value.split("\n")
    assert progress[0].startswith("2021年3月5日：") and progress[1].startswith("2021年6月1日：")
    expected = [n.package_name for n in evidence_numbers(shared.ledger) if n.measure_code == "2.3"]
    assert ws.cell(rows["2.3"], 7).value == "\n".join(expected) == "佐证2.3-1_会议纪要.pdf"
    assert ws.cell(rows["2.3"], 8).value == FORMULA_LIKE[1]
    assert ws.cell(rows["2.3"], 9).value == FORMULA_LIKE[3]
    sentence = summarize(shared.ledger).sentence()
    summary_cells = [ws.cell(r, 1).value for r in range(max(rows.values()) + 1, ws.max_row + 1)]
    assert sentence in summary_cells
    assert sentence.startswith("共承担落实举措48项，其中已完成1项（占2.1%），推进中3项（占6.2%）")


def test_formula_like_text_stays_text(workbook):
    wb = load_workbook(workbook)
    ws = wb[SHEET_TITLES[0]]
    texts = {}
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                texts[cell.value] = cell
    for typed in FORMULA_LIKE:
        hits = [c for v, c in texts.items() if typed in v]
        assert hits, typed
        for cell in hits:
            assert cell.data_type == "s"
            if cell.value.startswith(("=", "+", "-", "@", "\t")):
                assert cell.quotePrefix, cell.coordinate
    with zipfile.ZipFile(workbook) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)


def test_print_setup_and_freeze(workbook):
    wb = load_workbook(workbook)
    for title in SHEET_TITLES:
        ws = wb[title]
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9          # A4
        assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.oddFooter.center.text == "— &P —"
    ws = wb[SHEET_TITLES[0]]
    assert ws.freeze_panes == "A4"
    assert ws.print_title_rows == "$3:$3"
    dv = ws.data_validations.dataValidation
    assert len(dv) == 1 and dv[0].formula1 == '"已完成,推进中,未启动,不涉及"'
    covered = str(dv[0].sqref)
    rows = _rows_by_id(ws)
    assert f"E{rows['1.2']}" in covered


def _file_borders(path, sheet_file="xl/worksheets/sheet1.xml"):
    """cell reference → True when the file itself gives it four thin sides.

    Read from the XML: openpyxl re-derives merged cells' borders from the edges on load.
    """
    import xml.etree.ElementTree as ET
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(path) as archive:
        styles = ET.fromstring(archive.read("xl/styles.xml"))
        sheet = ET.fromstring(archive.read(sheet_file))
    borders = []
    for border in styles.find("m:borders", ns):
        sides = [border.find(f"m:{s}", ns) for s in ("left", "right", "top", "bottom")]
        borders.append(all(s is not None and s.get("style") == "thin" for s in sides))
    xfs = [borders[int(xf.get("borderId", 0))] for xf in styles.find("m:cellXfs", ns)]
    return {c.get("r"): xfs[int(c.get("s", 0))] for c in sheet.iter(f"{{{ns['m']}}}c")}


def test_borders_on_every_cell_of_merged_ranges(workbook):
    ws = load_workbook(workbook)[SHEET_TITLES[0]]
    thin = _file_borders(workbook)
    checked = 0
    for merged in ws.merged_cells.ranges:
        if merged.min_row <= 2 or merged.min_row > ws.max_row - 2:
            continue          # title, 填报 line and the sentence under the table have no grid
        for row in ws.iter_rows(min_row=merged.min_row, max_row=merged.max_row,
                                min_col=merged.min_col, max_col=merged.max_col):
            for cell in row:
                assert thin.get(cell.coordinate), cell.coordinate
                checked += 1
    assert checked > 100


def test_row_heights_fit_the_text(workbook, shared):
    ws = load_workbook(workbook)[SHEET_TITLES[0]]
    widths = [w for _, w in PROGRESS_COLUMNS]
    rows = _rows_by_id(ws)
    for mid, r in rows.items():
        height = ws.row_dimensions[r].height
        for col in (3, 4, 6, 7, 8, 9):
            text = ws.cell(r, col).value or ""
            assert height >= height_for(text, widths[col - 1], 11) - 0.1, (mid, col)
    # the long 17.1 entry makes a tall row; a one-line row stays short
    assert ws.row_dimensions[rows["17.1"]].height > 100
    assert ws.row_dimensions[rows["2.1"]].height < 100
    # merged task cells: the rows under them together hold the task text
    for merged in ws.merged_cells.ranges:
        if merged.min_col == 2 and merged.max_col == 2:
            text = ws.cell(merged.min_row, 2).value
            total = sum(ws.row_dimensions[r].height for r in range(merged.min_row, merged.max_row + 1))
            assert total >= height_for(text, widths[1], 11) - 0.5


def test_indicator_and_evidence_sheets(workbook, shared):
    wb = load_workbook(workbook)
    ind = wb["量化指标"]
    assert [c.value for c in ind[1]] == ["指标", "所属举措", "全省目标", "本单位完成值", "计量单位", "说明"]
    row = next(r for r in ind.iter_rows(min_row=2) if r[1].value == "2.3")
    assert row[0].value == "推动培育不少于100家省级知识产权强企"
    assert row[2].value == "≥100家" and row[3].value == 47 and row[4].value == "家"
    assert ind.max_row - 1 == len(summarize(shared.ledger).indicators)
    ev = wb["佐证材料清单"]
    assert [c.value for c in ev[1]] == ["编号", "所属举措", "文件名", "说明", "材料日期", "大小", "SHA-256"]
    values = [c.value for c in ev[2]]
    item = shared.ledger.evidence_for("2.3")[0]
    assert values == ["佐证2.3-1", "2.3", "佐证2.3-1_会议纪要.pdf", "会议纪要", "2021年3月5日",
                      item.size, item.sha256]
    assert ev.max_row == 2


def test_other_unit_sheet_on_any_worksheet(filled):
    wb = Workbook()
    ws = wb.create_sheet("郑州市")
    result = write_progress_sheet(ws, filled, unit="郑州市")
    assert ws["A1"].value.startswith("郑州市2021年")
    assert "洛阳市知识产权局" not in ws["A2"].value      # our letterhead is not another unit's
    assert result.measure_rows == len(filled.measures(unit="郑州市"))
    assert ws.cell(result.first_data_row, 1).value.startswith("一、")


def test_cancel_leaves_no_file(filled, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    seen = []
    with pytest.raises(Cancelled):
        write_progress_workbook(filled, folder / "x.xlsx", progress=lambda d, t: seen.append(d),
                                cancelled=lambda: len(seen) >= 3)
    assert seen == [1, 2, 3]
    assert list(folder.iterdir()) == []


def test_export_replaces_atomically_and_leaves_no_temp(filled, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "x.xlsx"
    out.write_bytes(b"old")
    write_progress_workbook(filled, out)
    assert zipfile.is_zipfile(out)
    assert [p.name for p in folder.iterdir()] == ["x.xlsx"]


def test_cli_export_xlsx(ledger_path, filled, tmp_path, capsys):
    from cli.main import run
    filled.close()
    out = tmp_path / "out.xlsx"
    assert run(["--db", str(ledger_path), "export", "xlsx", "--out", str(out)]) == 0
    assert "共承担落实举措48项" in capsys.readouterr().out
    assert load_workbook(out)[SHEET_TITLES[0]]["A1"].value.startswith("洛阳市")
    assert run(["--db", str(ledger_path), "export", "xlsx", "--out", str(out), "--by", "赵六",
                "--date", "2021-11-30"]) == 0
    info = load_workbook(out)[SHEET_TITLES[0]]["A2"].value
    assert "填报人：赵六" in info and info.endswith("填报日期：2021年11月30日")
    assert run(["--db", str(ledger_path), "export", "xlsx", "--out", str(out), "--date", "11/30"]) == 2
    assert run(["--db", str(ledger_path), "export", "xlsx", "--out", str(tmp_path / "no" / "x.xlsx")]) == 2
    assert run(["--db", str(ledger_path), "export", "xlsx", "--unit", "火星市",
                "--out", str(tmp_path / "y.xlsx")]) == 2
    err = capsys.readouterr().err
    assert err.count("错误：") == 3 and "火星市" in err and "填报日期" in err
    assert not (tmp_path / "no").exists() and not (tmp_path / "y.xlsx").exists()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_it_to_pdf(workbook, tmp_path):
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(workbook)],
        capture_output=True, text=True, timeout=180)
    pdf = tmp_path / (workbook.stem + ".pdf")
    assert result.returncode == 0 and pdf.exists(), result.stderr
    from pypdf import PdfReader
    reader = PdfReader(pdf)
    text = "".join(page_texts(pdf))
    assert len(reader.pages) >= 3
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)      # landscape
    assert "— 1 —" in text and "=SUM(A1:A3)" in text


def test_progress_too_long_for_one_row_continues_on_more_rows(ledger, tmp_path):
    """Excel cannot make a row taller than 409 pt: the text goes on below, nothing is cut."""
    notes = [f"第{k}次：" + "组织专家赴重点企业开展知识产权强企培育现场辅导，" * 12 for k in range(1, 9)]
    for k, note in enumerate(notes, 1):
        ledger.record("2.1", status="推进中", note=note, date=f"2021-0{k}-01")
    out = write_progress_workbook(ledger, tmp_path / "long.xlsx")
    ws = load_workbook(out)[SHEET_TITLES[0]]
    rows = _rows_by_id(ws)
    first, after = rows["2.1"], rows["2.2"]
    assert after - first >= 2                                   # continued on extra rows
    merged = {str(r) for r in ws.merged_cells.ranges}
    thin = _file_borders(out)
    for col in "CDEJ":                                          # short columns merged down
        assert f"{col}{first}:{col}{after - 1}" in merged
        assert all(thin[f"{col}{r}"] for r in range(first, after))
    assert f"A{first}:A{rows['2.5']}" in merged and f"B{first}:B{rows['2.5']}" in merged
    pieces = [ws.cell(r, 6).value or "" for r in range(first, after)]
    expected = "\n".join(f"2021年{k}月1日：{note}" for k, note in enumerate(notes, 1))
    assert "".join(pieces).replace("\n", "") == expected.replace("\n", "")
    for r in range(first, after):
        assert ws.row_dimensions[r].height <= 409
        assert ws.row_dimensions[r].height >= height_for(ws.cell(r, 6).value or "", 38, 11) - 0.1
    # the workbook still reads back as the same measures (continuation rows are not measures)
    from models.plan.reader import read_plan_file
    plan = read_plan_file(out)
    texts = [m["text"] for s in plan["sections"] for t in s["tasks"] for m in t["measures"]]
    assert texts == [r.text for r in ledger.measures()]


def test_a_task_taller_than_a_page_starts_at_the_top(ledger, tmp_path):
    for k in range(1, 9):
        ledger.record("2.1", note=f"第{k}次：" + "开展知识产权强企培育现场辅导，" * 20, date=f"2021-0{k}-01")
    ws = load_workbook(write_progress_workbook(ledger, tmp_path / "t.xlsx"))[SHEET_TITLES[0]]
    rows = _rows_by_id(ws)
    assert ws.cell(rows["2.1"], 2).alignment.vertical == "top"       # task 2: many pages
    assert ws.cell(rows["3.1"], 2).alignment.vertical == "center"    # task 3: a few rows
