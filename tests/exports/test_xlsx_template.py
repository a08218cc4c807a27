"""Filling the province's own workbook: exact matches only, everything else left as it was."""
from __future__ import annotations

import hashlib

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill

from cli.main import run
from exports.xlsx_template import TemplateError, fill_province_template

ALL = "各省辖市、济源示范区、省直管县（市）"


def province_workbook(path):
    """序号 | 重点任务 | 工作措施 | 责任单位 | 完成情况 | 备注, with a notes sheet in front."""
    wb = Workbook()
    notes = wb.active
    notes.title = "填报说明"
    notes["A1"] = "请各地于11月30日前填报。"
    notes["B2"] = "=1+1"
    ws = wb.create_sheet("洛阳市")
    ws["A1"] = "2021年任务完成情况统计表"
    ws.merge_cells("A1:F1")
    ws.append(["序号", "重点任务", "工作措施", "责任单位", "完成情况", "备注"])
    for cell in ws[2]:
        cell.font = Font(name="黑体", bold=True)
        cell.fill = PatternFill("solid", fgColor="DDDDDD")
    ws.append(["一、强化顶层设计与标杆引领，推动知识产权高质量创造"])
    ws.merge_cells("A3:F3")
    rows = [
        # whitespace and punctuation differ from the plan: still the same measure
        (1, "贯彻落实 “十四五”知识产权高质量发展指标体系，推动我省知识产权“十四五”专项规划制定实施。",
         "贯彻落实《知识产权强国战略纲要（2021-2035年）》和《“十四五”知识产权保护和运用规划》，"
         "集中力量编制我省知识产权“十四五”规划。", "--", None, "省级任务"),
        (None, None, "制定落实战略纲要的配套文件 ,确保举措落地见效", ALL, None, None),
        (None, None, "继续推进全省知识产权系统机构改革，进一步优化管理机制（已调整）。", None, None, "原表备注"),
        (2, "高标准推进知识产权试点示范工作。",
         "继续开展知识产权强企培育，开展企业知识产权联络员工作，推动培育不少于100家省级知识产权强企。",
         ALL, None, None),
        (99, "省里新增的任务。", "新增举措。", ALL, None, None),
    ]
    for row in rows:
        ws.append(list(row))
    ws.merge_cells("A4:A6")
    ws.merge_cells("B4:B6")
    wb.save(path)
    return path


@pytest.fixture
def recorded(ledger, sample_file):
    ledger.record("1.2", status="已完成", note="=印发配套文件", date="2021-05-01")
    ledger.record("2.3", status="推进中", note="召开推进会", date="2021-03-05",
                  problems="-个别县区滞后", next_steps="继续推进")
    ledger.attach("2.3", sample_file, date="2021-03-05")
    return ledger


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fills_matching_rows_and_reports_the_rest(recorded, tmp_path):
    template = province_workbook(tmp_path / "省里的表.xlsx")
    before = _digest(template)
    out = tmp_path / "填好的表.xlsx"
    report = fill_province_template(recorded, template, out)
    assert _digest(template) == before                       # the original is never written
    assert report.sheet == "洛阳市"
    assert [mid for _, mid in report.filled] == ["1.2", "2.3"]
    assert [mid for _, mid in report.skipped] == ["1.1"]     # province-only: left blank
    assert [(u.where, u.reason) for u in report.unmatched] == [
        ("工作表“洛阳市”第6行", "任务 1 下没有原文相同的举措"),
        ("工作表“洛阳市”第8行", "方案中没有任务 99"),
    ]
    assert "1.3" in report.missing and "3.1" in report.missing and "1.2" not in report.missing
    assert report.added_columns == ["工作进展", "佐证材料", "存在问题", "下一步打算"]

    wb = load_workbook(out)
    assert wb.sheetnames == ["填报说明", "洛阳市"]
    assert wb["填报说明"]["B2"].value == "=1+1" and wb["填报说明"]["B2"].data_type == "f"
    ws = wb["洛阳市"]
    assert [ws.cell(2, c).value for c in range(1, 11)] == [
        "序号", "重点任务", "工作措施", "责任单位", "完成情况", "备注",
        "工作进展", "佐证材料", "存在问题", "下一步打算"]
    assert ws.cell(2, 7).font.name == "黑体" and ws.cell(2, 7).fill.fgColor.rgb.endswith("DDDDDD")
    assert {"A1:F1", "A3:F3", "A4:A6", "B4:B6"} <= {str(r) for r in ws.merged_cells.ranges}
    assert ws["E5"].value == "已完成" and ws["G5"].value == "2021年5月1日：=印发配套文件"
    assert ws["G5"].data_type == "s" and ws["G5"].quotePrefix is False
    assert ws["E7"].value == "推进中" and ws["H7"].value == "佐证2.3-1_会议纪要.pdf"
    assert ws["I7"].value == "-个别县区滞后" and ws["I7"].quotePrefix
    # rows that did not match, and province-only rows, are exactly as they were
    assert ws["E4"].value is None and ws["F4"].value == "省级任务" and ws["G4"].value is None
    assert ws["E6"].value is None and ws["F6"].value == "原表备注"
    assert ws["E8"].value is None and ws["C8"].value == "新增举措。"
    # the added columns are framed like a table down to its last row (and no further)
    assert ws["J8"].value is None and ws["J8"].border.left.style == "thin"
    assert ws["J9"].border.left.style is None


def test_cli_template_reports_unmatched_rows(recorded, ledger_path, tmp_path, capsys):
    recorded.close()
    template = province_workbook(tmp_path / "省表.xlsx")
    out = tmp_path / "out.xlsx"
    code = run(["--db", str(ledger_path), "export", "xlsx", "--template", str(template),
                "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 1 and out.exists()
    assert "已填写工作表“洛阳市”中的 2 行举措" in captured.out
    assert "未能匹配：工作表“洛阳市”第8行：方案中没有任务 99" in captured.err
    # writing over the province's original is refused
    assert run(["--db", str(ledger_path), "export", "xlsx", "--template", str(template),
                "--out", str(template)]) == 2


def test_a_workbook_without_a_task_list_is_refused(ledger, tmp_path):
    wb = Workbook()
    wb.active.append(["姓名", "电话"])
    wb.save(tmp_path / "通讯录.xlsx")
    out = tmp_path / "out.xlsx"
    with pytest.raises(TemplateError, match="找不到任务清单表格"):
        fill_province_template(ledger, tmp_path / "通讯录.xlsx", out)
    assert not out.exists()


def test_nothing_matching_is_refused(ledger, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["任务内容", "落实举措", "责任地市"])
    ws.append(["1.别的任务", "别的举措", "郑州市"])
    wb.save(tmp_path / "别的.xlsx")
    with pytest.raises(TemplateError, match="没有一行能与本单位的举措对应"):
        fill_province_template(ledger, tmp_path / "别的.xlsx", tmp_path / "out.xlsx")
    assert not (tmp_path / "out.xlsx").exists()


def test_flat_table_whose_number_column_counts_rows(recorded, tmp_path):
    """序号 1, 2, 3 … per row and the task repeated on each row: matched by the task text."""
    plan = recorded.plan()
    task1, task2 = plan.sections[0].tasks[0], plan.sections[0].tasks[1]
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "任务内容", "落实举措", "责任地市", "工作进展"])
    ws.append([1, task1.content, task1.measures[1].text, ALL, None])
    ws.append([2, task1.content, task1.measures[2].text, None, None])
    ws.append([3, task2.content, task2.measures[0].text, ALL, None])
    wb.save(tmp_path / "flat.xlsx")
    report = fill_province_template(recorded, tmp_path / "flat.xlsx", tmp_path / "out.xlsx")
    assert [mid for _, mid in report.filled] == ["1.2", "1.3", "2.1"] and not report.unmatched
    out = load_workbook(tmp_path / "out.xlsx").active
    assert out["E2"].value == "2021年5月1日：=印发配套文件" and out["F2"].value == "已完成"


def test_cancel_writes_nothing(recorded, tmp_path):
    from models.errors import Cancelled
    template = province_workbook(tmp_path / "省表.xlsx")
    seen = []
    with pytest.raises(Cancelled):
        fill_province_template(recorded, template, tmp_path / "out.xlsx",
                               progress=lambda d, t: seen.append(d), cancelled=lambda: len(seen) >= 2)
    assert len(seen) == 2 and not (tmp_path / "out.xlsx").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
