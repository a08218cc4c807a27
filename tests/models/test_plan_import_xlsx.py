"""Importing an .xlsx task list as provinces send them (fixtures built here)."""
from __future__ import annotations

from datetime import datetime

from openpyxl import Workbook

from models.ledger import Ledger
from models.plan.reader import read_plan_file


def department_sheet(path, *, deadline_dates=True):
    """A 分工表 whose responsibility column is 责任单位 naming departments, with 序号 and a
    完成时限 column, title rows, sections merged across, tasks and cells merged down."""
    wb = Workbook()
    ws = wb.active
    ws.title = "分工表"
    ws["A1"] = "附件1"
    ws["A2"] = "2022年某省知识产权保护工作重点任务分工表"
    ws.merge_cells("A2:E2")
    ws.append(["序号", "重点任务", "工作措施", "责任单位", "完成时限"])
    ws.append(["一、健全知识产权保护体系"])
    ws.merge_cells("A4:E4")
    ws.append([1, "完善地方知识产权立法。", "推动出台知识产权保护条例。", "省知识产权局\n省司法厅",
               "2022年6月底前"])
    ws.append([None, None, "开展立法后评估调研。", None, None])
    for col in "ABDE":
        ws.merge_cells(f"{col}5:{col}6")
    ws.append(["二、加强执法协作"])
    ws.merge_cells("A7:E7")
    ws.append([2, "加强行政执法。", "开展专项行动，查处案件不少于100件。", "省市场监管局、省公安厅",
               "持续推进"])
    ws.append([3, "强化宣传引导。", "组织知识产权宣传周活动。",
               "各省辖市、济源示范区、省直管县（市）",
               datetime(2022, 4, 26) if deadline_dates else "4月26日前"])
    ws.append([None, None, "发布年度保护白皮书。", "郑州市、洛阳市", "第二季度"])
    ws.merge_cells("A9:A10")
    ws.merge_cells("B9:B10")
    ws.append(["注：各单位每季度末报送进展。"])
    ws.merge_cells("A11:E11")
    wb.save(path)
    return path


def test_department_sheet_with_deadlines(tmp_path):
    plan = read_plan_file(department_sheet(tmp_path / "分工表.xlsx"))
    assert plan["year"] == 2022
    assert plan["title"] == "2022年某省知识产权保护工作重点任务分工表"
    assert plan["subject"] == "知识产权保护"
    assert [s["title"] for s in plan["sections"]] == ["一、健全知识产权保护体系", "二、加强执法协作"]
    tasks = [t for s in plan["sections"] for t in s["tasks"]]
    assert [(t["no"], t["content"]) for t in tasks] == [
        (1, "完善地方知识产权立法。"), (2, "加强行政执法。"), (3, "强化宣传引导。")]
    m = {f"{t['no']}.{i}": x for t in tasks for i, x in enumerate(t["measures"], 1)}
    assert list(m) == ["1.1", "1.2", "2.1", "3.1", "3.2"]
    assert m["1.1"]["responsibility"] == "省知识产权局、省司法厅"   # one per line → 、
    assert m["1.2"]["responsibility"] == ""                        # merged down = as above
    assert m["1.1"]["deadline"] == m["1.2"]["deadline"] == "2022-06-30"
    assert "deadline" not in m["2.1"]                              # 持续推进 names no date
    assert m["3.1"]["deadline"] == "2022-04-26"
    assert m["3.2"]["deadline"] == "2022-06-30"                    # 第二季度
    assert m["2.1"]["text"] == "开展专项行动，查处案件不少于100件。"


def test_department_names_become_other_units_in_the_ledger(tmp_path):
    plan = read_plan_file(department_sheet(tmp_path / "分工表.xlsx", deadline_dates=False))
    assert plan["sections"][1]["tasks"][1]["measures"][0]["deadline"] == "2022-04-26"
    with Ledger.create(tmp_path / "l.db", unit="洛阳市", plan=plan) as ledger:
        kinds = {u.name: u.kind for u in ledger.units()}
        for name in ("省知识产权局", "省司法厅", "省市场监管局", "省公安厅"):
            assert kinds[name] == "other"
        assert kinds["洛阳市"] == "city"
        tree = ledger.plan()
        measures = {m.code: m for m in tree.measures()}
        assert measures["1.2"].scope == "named" and measures["1.2"].units == ["省知识产权局", "省司法厅"]
        assert measures["3.1"].scope == "all"
        assert [r.code for r in ledger.measures()] == ["3.1", "3.2"]
        assert ledger.measure("2.1", unit="省公安厅").row.deadline == "2022-12-31"
        assert ledger.measure("1.2", unit="省司法厅").row.deadline == "2022-06-30"
        assert [i.raw for i in measures["2.1"].indicators] == ["100件"]


def test_plain_sheet_without_merges_or_numbers(tmp_path):
    """Sections as plain text rows, unnumbered tasks, empty cells meaning "as above"."""
    wb = Workbook()
    ws = wb.active
    ws.append(["2024年推动知识产权高质量发展任务清单"])
    ws.append(["任务内容", "落实举措", "责任地市"])
    ws.append(["（一）强化顶层设计"])
    ws.append(["贯彻落实规划", "编制专项规划", "--"])
    ws.append([None, "制定配套文件", "相关地市"])
    ws.append([None, "推进机构改革", None])
    ws.append(["（二）提升运营能力"])
    ws.append(["推进运营体系建设", "建设运营中心6-10家", "郑州市"])
    path = tmp_path / "plain.xlsx"
    wb.save(path)
    plan = read_plan_file(path)
    assert plan["year"] == 2024 and plan["subject"] == "推动知识产权高质量发展"
    assert [s["title"] for s in plan["sections"]] == ["（一）强化顶层设计", "（二）提升运营能力"]
    tasks = [t for s in plan["sections"] for t in s["tasks"]]
    assert [t["no"] for t in tasks] == [1, 2]
    assert [m["responsibility"] for m in tasks[0]["measures"]] == ["--", "相关地市", ""]


def test_our_own_progress_workbook_reads_back_as_the_plan(tmp_path, ledger):
    """The 完成情况表 is a task-list layout too (序号 merged down, 任务内容 without numbers)."""
    from exports.xlsx_progress import write_progress_workbook
    out = write_progress_workbook(ledger, tmp_path / "p.xlsx")
    plan = read_plan_file(out)
    ours = [(m.code, m.text) for m in ledger.plan().measures()
            if m.code in {r.code for r in ledger.measures()}]
    got = [(f"{t['no']}.{i}", m["text"]) for s in plan["sections"] for t in s["tasks"]
           for i, m in enumerate(t["measures"], 1)]
    # ids differ where province-only measures were left out; texts and order do not
    assert [text for _, text in got] == [text for _, text in ours]
    assert plan["year"] == 2021
    # the summary sentence under the table is not a section
    carried = list(dict.fromkeys(r.section for r in ledger.measures()))
    assert [s["title"] for s in plan["sections"]] == carried


def test_flat_table_repeating_the_task_on_every_row(tmp_path):
    """No merges at all: the task text is repeated on each of its measure rows."""
    wb = Workbook()
    ws = wb.active
    ws.append(["2023年重点任务清单"])
    ws.append(["序号", "主要任务", "具体措施", "牵头单位", "完成时间"])
    ws.append([1, "优化营商环境", "开展评价", "郑州市", "2023-09-30"])
    ws.append([2, "优化营商环境", "完善机制", "洛阳市", "2023年底"])
    ws.append([3, "加强人才培养", "举办培训班", "各省辖市", "长期"])
    path = tmp_path / "flat.xlsx"
    wb.save(path)
    plan = read_plan_file(path)
    tasks = plan["sections"][0]["tasks"]
    # no section rows: one section, named after the list (not an invented "任务清单")
    assert plan["sections"][0]["title"] == "2023年重点任务清单"
    assert [(t["content"], [m["text"] for m in t["measures"]]) for t in tasks] == [
        ("优化营商环境", ["开展评价", "完善机制"]), ("加强人才培养", ["举办培训班"])]
    assert [t["no"] for t in tasks] == [1, 2]          # 序号 counted rows, not tasks
    assert [m.get("deadline") for t in tasks for m in t["measures"]] == ["2023-09-30", "2023-12-31", None]


def test_two_row_header_with_lead_and_partner_units(tmp_path):
    """责任单位 split into 牵头单位 | 配合单位 on a second header row: 牵头单位 is responsible."""
    wb = Workbook()
    ws = wb.active
    ws.title = "任务"
    ws["A1"] = "2022年知识产权强省建设重点任务"
    ws.merge_cells("A1:F1")
    for col, name in zip("ABCDF", ("序号", "重点任务", "工作措施", "责任单位", "完成时限")):
        ws[f"{col}2"] = name
    for col in "ABCF":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("D2:E2")
    ws["D3"], ws["E3"] = "牵头单位", "配合单位"
    ws.append(["一、强化保护"])
    ws.merge_cells("A4:F4")
    ws.append(["1", "健全保护体系", "建设保护中心", "郑州市", "省公安厅", "2022年10月"])
    path = tmp_path / "two-row.xlsx"
    wb.save(path)
    plan = read_plan_file(path)
    measure = plan["sections"][0]["tasks"][0]["measures"][0]
    assert measure == {"text": "建设保护中心", "responsibility": "牵头单位：郑州市；配合单位：省公安厅",
                       "deadline": "2022-10-31", "deadline_text": "2022年10月"}
    with Ledger.create(tmp_path / "l.db", unit="省公安厅", plan=plan) as ledger:
        stored = next(ledger.plan().measures())
        assert (stored.lead, stored.assisting) == (["郑州市"], ["省公安厅"])
        assert [(r.code, r.role) for r in ledger.measures()] == [("1.1", "assisting")]


def test_section_number_in_the_number_column_without_merges(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["2022年任务清单"])
    ws.append(["序号", "任务内容", "落实举措", "责任地市"])
    ws.append(["一", "强化保护", None, None])
    ws.append([1, "完善制度", "修订办法", "郑州市"])
    ws.append(["二", "促进运用", None, None])
    ws.append([2, "推进转化", "建设平台", "洛阳市"])
    path = tmp_path / "n.xlsx"
    wb.save(path)
    plan = read_plan_file(path)
    assert [s["title"] for s in plan["sections"]] == ["一、强化保护", "二、促进运用"]
    assert [t["no"] for s in plan["sections"] for t in s["tasks"]] == [1, 2]
