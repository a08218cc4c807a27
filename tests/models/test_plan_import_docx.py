"""Importing a Word task list: the annex table with vertical and horizontal merges."""
from __future__ import annotations

import zipfile

import docx

from models.ledger import Ledger
from models.plan.reader import read_plan_file

ALL = "各省辖市、济源示范区、省直管县（市）"

# (section title) or (task cell, measure, responsibility); None in a task/responsibility
# position means "merged with the cell above".
ROWS = [
    ("一、强化顶层设计与标杆引领",),
    ("1.贯彻落实“十四五”规划。", "编制我省知识产权“十四五”规划。", "--"),
    (None, "制定落实战略纲要的配套文件。", ALL),
    (None, "继续推进知识产权系统机构改革。", None),
    ("2.高标准推进试点示范工作。", "推动培育不少于100家省级知识产权强企。", ALL),
    (None, "择优申报国家地理标志产品保护示范区。", "相关地市"),
    ("二、提升知识产权运营转化",),
    ("3.推进知识产权运营体系建设。", "建设郑州知识产权运营中心。", "郑州市"),
    (None, "支持洛阳、新乡建设专利导航服务基地2-3家。", "洛阳市、新乡市"),
]


def build_annex(path, rows=ROWS, *, notice=True, split_after=None):
    """A Word annex as provinces send it: merges made with python-docx (gridSpan/vMerge)."""
    document = docx.Document()
    if notice:
        document.add_paragraph("河南省知识产权局")
        document.add_paragraph("豫知〔2023〕12号")
        document.add_paragraph("关于印发《河南省推动知识产权高质量发展年度实施方案（2023）》的通知")
        document.add_paragraph("请于2023年11月30日前将完成情况报送省知识产权局协调管理处。")
    document.add_paragraph("附件")
    document.add_paragraph("2023年河南省推动知识产权高质量发展任务清单")
    chunks = [rows] if split_after is None else [rows[:split_after], rows[split_after:]]
    for chunk in chunks:
        table = document.add_table(rows=1 + len(chunk), cols=3)
        for col, name in enumerate(("任务内容", "落实举措", "责任地市")):
            table.cell(0, col).text = name
        _fill(table, chunk)
    document.save(path)
    return path


def _fill(table, rows):
    task_top = resp_top = None
    for r, row in enumerate(rows, 1):
        if len(row) == 1:
            merged = table.cell(r, 0).merge(table.cell(r, 2))
            merged.text = row[0]
            task_top = resp_top = None
            continue
        task, measure, resp = row
        table.cell(r, 1).text = measure
        if task is None:
            table.cell(task_top, 0).merge(table.cell(r, 0))
        else:
            table.cell(r, 0).text = task
            task_top = r
        if resp is None:
            table.cell(resp_top, 2).merge(table.cell(r, 2))
        else:
            table.cell(r, 2).text = resp
            resp_top = r


def test_fixture_really_has_vertical_and_horizontal_merges(tmp_path):
    path = build_annex(tmp_path / "annex.docx")
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert 'w:gridSpan w:val="3"' in xml
    assert 'w:vMerge w:val="restart"' in xml and "<w:vMerge/>" in xml


def test_word_annex_with_merged_cells(tmp_path):
    plan = read_plan_file(build_annex(tmp_path / "annex.docx"))
    assert plan["title"] == "河南省推动知识产权高质量发展年度实施方案（2023）"
    assert plan["year"] == 2023 and plan["doc_no"] == "豫知〔2023〕12号"
    assert plan["deadline"] == "2023-11-30" and plan["recipient"] == "省知识产权局协调管理处"
    assert plan["annex_title"] == "2023年河南省推动知识产权高质量发展任务清单"
    assert [s["title"] for s in plan["sections"]] == ["一、强化顶层设计与标杆引领", "二、提升知识产权运营转化"]
    tasks = [t for s in plan["sections"] for t in s["tasks"]]
    assert [(t["no"], len(t["measures"])) for t in tasks] == [(1, 3), (2, 2), (3, 2)]
    assert tasks[0]["content"] == "贯彻落实“十四五”规划。"
    assert [m["responsibility"] for m in tasks[0]["measures"]] == ["--", ALL, ""]
    # a 2023 list is read with the 2023 unit list, which has 航空港区 beside 济源示范区:
    # "各省辖市、济源示范区、省直管县（市）" names every unit but that one
    assert plan["units_source"] == "henan-2023"
    with Ledger.create(tmp_path / "l.db", unit="洛阳市", plan=plan) as ledger:
        measures = {m.code: m for m in ledger.plan().measures()}
        assert {k: m.scope for k, m in measures.items()} == {
            "1.1": "issuer", "1.2": "named", "1.3": "named", "2.1": "named", "2.2": "relevant",
            "3.1": "named", "3.2": "named"}
        assert len(measures["1.2"].units) == 25 and "航空港区" not in measures["1.2"].units
        assert measures["3.2"].units == ["洛阳市", "新乡市"]
        assert [r.code for r in ledger.measures()] == ["1.2", "1.3", "2.1", "2.2", "3.2"]


def test_annex_split_over_two_tables_and_no_notice(tmp_path):
    plan = read_plan_file(build_annex(tmp_path / "a.docx", notice=False, split_after=6))
    assert plan["title"] == "2023年河南省推动知识产权高质量发展任务清单"
    assert plan["year"] == 2023 and plan["deadline"] == "2023-12-31"
    assert sum(len(t["measures"]) for s in plan["sections"] for t in s["tasks"]) == 7


def test_section_row_with_number_cell_and_horizontal_merge(tmp_path):
    """序号 | 重点任务 | 工作措施 | 牵头单位 with the section title merged over the last three."""
    document = docx.Document()
    document.add_paragraph("2025年知识产权工作要点任务分解")
    table = document.add_table(rows=4, cols=4)
    for col, name in enumerate(("序号", "重点任务", "工作措施", "牵头单位")):
        table.cell(0, col).text = name
    table.cell(1, 0).text = "一"
    table.cell(1, 1).merge(table.cell(1, 3)).text = "加强知识产权保护"
    for col, text in enumerate(("1", "完善制度。", "修订办法。", "省局")):
        table.cell(2, col).text = text
    table.cell(2, 0).merge(table.cell(3, 0))
    table.cell(2, 1).merge(table.cell(3, 1))
    table.cell(3, 2).text = "开展培训。"
    table.cell(3, 3).text = "郑州市"
    path = tmp_path / "要点.docx"
    document.save(path)
    plan = read_plan_file(path)
    assert plan["sections"][0]["title"] == "一、加强知识产权保护"
    task = plan["sections"][0]["tasks"][0]
    assert task["no"] == 1 and [m["text"] for m in task["measures"]] == ["修订办法。", "开展培训。"]
    assert [m["responsibility"] for m in task["measures"]] == ["省局", "郑州市"]


def test_the_2021_annex_as_a_word_table_reads_back_exactly(tmp_path):
    """The built-in plan laid out as the Word annex (task and 责任地市 cells merged down where
    the original merges them) gives back every section, task, measure and 责任地市 cell."""
    from models.plan.definition import load_builtin_plan
    builtin = load_builtin_plan()
    rows = []
    for section in builtin["sections"]:
        rows.append((section["title"],))
        for task in section["tasks"]:
            for k, measure in enumerate(task["measures"]):
                rows.append((f"{task['no']}.{task['content']}" if k == 0 else None,
                             measure["text"], measure["responsibility"] or None))
    path = build_annex(tmp_path / "2021.docx", rows)
    plan = read_plan_file(path)
    assert plan["sections"] == [
        {"title": s["title"], "tasks": [
            {"no": t["no"], "content": t["content"],
             "measures": [{"text": m["text"], "responsibility": m["responsibility"]}
                          for m in t["measures"]]} for t in s["tasks"]]}
        for s in builtin["sections"]]


def test_an_unrelated_table_before_the_annex_is_passed_over(tmp_path):
    document = docx.Document()
    info = document.add_table(rows=1, cols=2)
    info.cell(0, 0).text, info.cell(0, 1).text = "签发人", "张三"
    document.add_paragraph("附件")
    document.add_paragraph("2026年推动知识产权高质量发展任务清单")
    table = document.add_table(rows=3, cols=3)
    for col, name in enumerate(("重点任务", "工作措施", "责任单位")):
        table.cell(0, col).text = name
    for col, text in enumerate(("1.加强保护", "开展专项行动", "郑州市")):
        table.cell(1, col).text = text
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(2, 1).text = "建设保护中心"
    path = tmp_path / "2026.docx"
    document.save(path)
    plan = read_plan_file(path)
    assert plan["year"] == 2026 and plan["title"] == "2026年推动知识产权高质量发展任务清单"
    assert [m["responsibility"] for m in plan["sections"][0]["tasks"][0]["measures"]] == ["郑州市", ""]
