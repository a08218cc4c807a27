"""Task lists in six real shapes are read whole: structure, units with roles, deadlines as
written and as dates, targets, the office's numbering, columns kept, doubts; and a unit
named only as an assisting unit sees and reports its measures."""
from __future__ import annotations

import json
import zipfile

import pytest

from cli.main import run
from models.errors import PlanFormatError, UnknownMeasure
from models.ledger import Ledger
from models.plan.doubts import (EMPTY_COLLECTIVE, NO_DATE, NOT_ON_LIST, OPEN_LIST, PASSED_OVER,
                                SET_ASIDE, UNKNOWN_COLUMN, plan_doubts)
from models.plan.reader import read_plan_file
from models.plan.unit_lists import apply_unit_choice, read_unit_list_file
from tests.models import task_list_shapes as shapes


def _measures(plan):
    return {f"{t['no']}.{i}": m for s in plan["sections"] for t in s["tasks"]
            for i, m in enumerate(t["measures"], 1)}


def _kinds(plan):
    return {d.kind for d in plan_doubts(plan)}


def test_national_table_with_a_two_row_header_and_real_vertical_merges(tmp_path):
    path = shapes.national_table(tmp_path / "分工表.docx")
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert 'w:vMerge w:val="restart"' in xml and "<w:vMerge/>" in xml
    plan = read_plan_file(path)
    # "2021年…“十四五”规划实施推进计划": a list for 2021, not for the five years
    assert (plan["year"], plan["period"]) == (2021, "2021")
    assert plan["doc_no"] == "国知办发运字〔2021〕12号"
    assert [s["title"] for s in plan["sections"]] == ["一、完善知识产权法律政策体系", "二、强化知识产权保护"]
    m = _measures(plan)
    # numbering is kept apart, never doubled into the text
    assert (m["1.1"]["number"], m["1.1"]["text"]) == ("（1）", "推动专利法实施细则修改出台。")
    assert plan["sections"][0]["tasks"][0]["content"] == "推进知识产权法律法规修改完善。"
    assert (m["1.1"]["deadline_text"], m["1.1"]["deadline"]) == ("2021年底前", "2021-12-31")
    assert m["1.2"]["deadline_text"] == "持续推进" and "deadline" not in m["1.2"]
    assert m["2.2"]["deadline"] == "2021-06-30"
    assert {OPEN_LIST, NO_DATE} <= _kinds(plan)

    with Ledger.create(tmp_path / "司法部.db", unit="司法部", plan=plan) as ledger:
        tree = {x.code: x for x in ledger.plan().measures()}
        assert (tree["1.1"].lead, tree["1.1"].assisting) == (["国家知识产权局"], ["司法部"])
        # the lead cell is merged down over 1.2; 等 closes the list of the assisting units
        assert (tree["1.2"].lead, tree["1.2"].assisting) == (["国家知识产权局"], ["司法部", "市场监管总局"])
        assert tree["2.1"].lead == ["最高人民法院", "国家知识产权局"] and tree["2.1"].assisting == []
        # 司法部 is named only as an assisting unit: it sees its measures and reports its part
        rows = ledger.measures()
        assert [(r.code, r.role) for r in rows] == [("1.1", "assisting"), ("1.2", "assisting")]
        assert rows[1].own_deadline is None and rows[1].deadline == "2021-12-31"   # the fallback
        assert rows[0].own_deadline == rows[0].deadline == "2021-12-31"
        ledger.record("1.1", status="推进中", note="提出修改意见", date="2021-05-10")
        assert ledger.measure("1.1").row.status == "推进中"
        with pytest.raises(UnknownMeasure):
            ledger.record("2.2", status="推进中")


def test_district_one_level_table_with_its_own_unit_list(tmp_path):
    plan = read_plan_file(shapes.district_table(tmp_path / "分解表.xlsx"))
    units_file = shapes.district_unit_list(tmp_path / "大洼区单位.txt")
    apply_unit_choice(plan, str(units_file))
    assert plan["units_source"] == "file:大洼区单位.txt"
    assert plan["reading"]["layout"] == "one-level"
    assert [s["title"] for s in plan["sections"]] == ["一、加快产业转型升级", "二、持续改善民生"]
    tasks = [t for s in plan["sections"] for t in s["tasks"]]
    # each row is a task with one measure; the office's 序号 is kept
    assert [(t["no"], len(t["measures"]), t["measures"][0]["number"]) for t in tasks] == [
        (1, 1, "1"), (2, 1, "2"), (3, 1, "3"), (4, 1, "4")]
    assert tasks[0]["content"] == tasks[0]["measures"][0]["text"]
    m = _measures(plan)
    assert (m["1.1"]["deadline_text"], m["1.1"]["deadline"]) == ("2021年6月底前", "2021-06-30")
    assert (m["2.1"]["deadline_text"], m["2.1"]["deadline"]) == ("年内有阶段性成果", "2021-12-31")
    assert m["3.1"]["deadline_text"] == "每季度" and "deadline" not in m["3.1"]
    assert (m["4.1"]["deadline_text"], m["4.1"]["deadline"]) == ("2021年11月30日", "2021-11-30")
    assert NOT_ON_LIST in _kinds(plan)            # 区自然资源局 is not on the district's list
    with Ledger.create(tmp_path / "l.db", unit="新兴镇", plan=plan) as ledger:
        kinds = {u.name: u.kind for u in ledger.units()}
        assert kinds["新兴镇"] == "street" and kinds["区自然资源局"] == "other"
        tree = {x.code: x for x in ledger.plan().measures()}
        # 各镇（街道） stands for every 镇 and 街道 on the list — never for a unit of that name
        assert tree["2.1"].assisting == ["田家街道", "二界沟街道", "大洼街道", "新兴镇", "唐家镇"]
        assert tree["2.1"].lead == ["区工信局"]
        assert "各镇（街道）人民政府（办事处）" not in kinds
        rows = {r.code: r for r in ledger.measures()}
        assert set(rows) == {"2.1", "3.1"} and rows["2.1"].role == "assisting"
        # 区直各有关部门: each department confirms whether it is involved
        dept = {r.code: r for r in ledger.measures(unit="区财政局")}
        assert dept["3.1"].scope == "relevant"
        ledger.record("3.1", status="不涉及", unit="区财政局")
        assert ledger.measure("3.1", unit="区财政局").row.involved is False


def test_city_plan_table_with_targets_and_a_column_kept_as_text(tmp_path):
    plan = read_plan_file(shapes.city_plan_table(tmp_path / "纲要分工.docx"))
    # 第十四个五年规划和2035年远景目标: the five years, not 2035
    assert (plan["year"], plan["period"], plan["deadline"]) == (2021, "2021—2025", "2025-12-31")
    assert plan["reading"]["unknown_columns"] == ["责任领导"]
    assert plan["sections"][0]["title"] == plan["title"]      # no section rows: named after the list
    tasks = plan["sections"][0]["tasks"]
    assert [t["content"] for t in tasks] == ["壮大经济总量", "提升创新能力"]
    m = _measures(plan)
    assert m["1.1"]["target"] == "2025年突破3000亿元" and m["1.1"]["number"] == "1."
    assert m["1.1"]["extra"] == [["责任领导", "分管副市长"]]
    assert m["1.2"]["extra"] == [["责任领导", "分管副市长"]]     # merged down
    kinds = _kinds(plan)
    assert {UNKNOWN_COLUMN, SET_ASIDE, EMPTY_COLLECTIVE, NO_DATE} <= kinds
    with Ledger.create(tmp_path / "l.db", unit="市统计局", plan=plan) as ledger:
        tree = {x.code: x for x in ledger.plan().measures()}
        assert (tree["2.1"].lead, tree["2.1"].assisting) == (["市科技局"], ["市财政局", "市统计局"])
        assert tree["1.1"].lead == ["市发改委"]
        assert tree["1.1"].extra == [["责任领导", "分管副市长"]]
        rows = {r.code: r for r in ledger.measures()}
        # 市政府有关部门: every department confirms whether it is involved in 1.1
        assert set(rows) == {"1.1", "2.1"} and rows["1.1"].scope == "relevant"
        row = rows["2.1"]
        assert (row.role, row.target, row.deadline_text) == ("assisting", "2.5%", "2023年底前")


def test_city_report_as_running_text_in_word(tmp_path):
    plan = read_plan_file(shapes.city_report_running(tmp_path / "要点.docx"))
    assert plan["title"] == "咸阳市2022年深化“放管服”改革优化营商环境工作要点"
    assert plan["year"] == 2022 and plan["reading"]["layout"] == "running-text"
    tasks = [t for s in plan["sections"] for t in s["tasks"]]
    assert [t["content"] for t in tasks] == ["坚持系统集成，推动审批全链条优化",
                                            "坚持公正监管，推动监管全过程覆盖"]
    m = _measures(plan)
    assert m["1.1"]["text"].startswith("全面实施行政许可事项清单管理。") and m["1.1"]["number"] == "1."
    assert "牵头" not in m["1.1"]["text"]                  # the bracket of units is taken off
    assert m["1.2"]["responsibility"] == "牵头单位：市行政审批服务局，责任单位：各县（市、区）人民政府"
    assert (m["2.1"]["deadline_text"], m["2.1"]["deadline"]) == ("年内持续推进", "2022-12-31")
    doubts = plan_doubts(plan)
    assert any(d.kind == PASSED_OVER and "三、保障措施" in d.text for d in doubts)
    assert any(d.kind == EMPTY_COLLECTIVE and "各县（市、区）人民政府" in d.text for d in doubts)


def test_district_units_on_their_own_lines_year_from_the_document_number(tmp_path):
    plan = read_plan_file(shapes.district_lines_txt(tmp_path / "分工方案.txt"))
    assert plan["title"] == "立山区政府重点工作任务分解和责任分工方案"
    assert (plan["year"], plan["doc_no"]) == (2023, "鞍立政发〔2023〕2号")
    m = _measures(plan)
    assert list(m) == ["1.1", "1.2", "1.3", "1.4", "1.5"]
    assert m["1.5"]["number"] == "6."                      # the office's own number
    assert (m["1.4"]["deadline_text"], m["1.4"]["deadline"]) == ("2023年12月底前", "2023-12-31")
    with Ledger.create(tmp_path / "l.db", unit="全区经济运行各专班", plan=plan) as ledger:
        tree = {x.code: x for x in ledger.plan().measures()}
        assert (tree["1.1"].lead, tree["1.1"].assisting) == (["区发改局"], ["立山经济开发区", "全区经济运行各专班"])
        rows = {r.code: r for r in ledger.measures()}
        # 区直各部门 stands for the departments; 各相关单位: every listed unit confirms
        assert [(c, r.role, r.scope) for c, r in rows.items()] == [
            ("1.1", "assisting", "named"), ("1.3", "assisting", "named"),
            ("1.5", "assisting", "relevant")]


def test_the_same_list_in_gbk_reads_the_same(tmp_path):
    utf8 = read_plan_file(shapes.district_lines_txt(tmp_path / "a.txt"))
    gbk = read_plan_file(shapes.district_lines_txt(tmp_path / "b.txt", encoding="gb18030"))
    assert gbk["sections"] == utf8["sections"]


def test_municipal_plan_for_a_period(tmp_path):
    plan = read_plan_file(shapes.municipal_period_xlsx(tmp_path / "推进计划.xlsx"))
    assert (plan["year"], plan["period"], plan["deadline"]) == (2022, "2022—2023", "2023-12-31")
    m = _measures(plan)
    assert m["1.2"]["deadline"] == "2023-12-31" and m["2.1"]["deadline_text"] == "长期坚持"
    assert m["2.2"]["deadline"] == "2022-12-31"          # 年内: the period's first year
    assert m["1.1"]["extra"] == [["备注", "纳入年度考核"]] and "extra" not in m["1.2"]
    with Ledger.create(tmp_path / "l.db", unit="市科技局", plan=plan) as ledger:
        assert ledger.plan().period == "2022—2023"
        tree = {x.code: x for x in ledger.plan().measures()}
        assert tree["1.2"].lead == ["市市场监管局"]      # the 责任单位 cell merged down


def test_plan_json_and_units_json_carry_roles_deadlines_and_kinds(tmp_path, capsys):
    path = shapes.national_table(tmp_path / "分工表.docx")
    db = tmp_path / "l.db"
    assert run(["--db", str(db), "init", "--unit", "司法部", "--plan", str(path)]) == 0
    capsys.readouterr()
    assert run(["--db", str(db), "plan", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["year"], data["period"]) == (2021, "2021")
    first = data["sections"][0]["tasks"][0]["measures"]
    assert {k: first[0][k] for k in ("code", "number", "lead", "assisting", "deadline",
                                     "deadline_text", "target")} == {
        "code": "1.1", "number": "（1）", "lead": ["国家知识产权局"], "assisting": ["司法部"],
        "deadline": "2021-12-31", "deadline_text": "2021年底前", "target": None}
    assert first[1]["deadline"] is None and first[1]["deadline_text"] == "持续推进"
    assert run(["--db", str(db), "units", "--json"]) == 0
    units = json.loads(capsys.readouterr().out)
    assert {"name": "司法部", "kind": "department"} in units


def test_builtin_plan_json_keeps_its_shape(tmp_path, capsys):
    db = tmp_path / "l.db"
    assert run(["--db", str(db), "init", "--unit", "洛阳市"]) == 0
    capsys.readouterr()
    assert run(["--db", str(db), "plan", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    measures = [m for s in data["sections"] for t in s["tasks"] for m in t["measures"]]
    assert (len(data["sections"]), sum(len(s["tasks"]) for s in data["sections"]), len(measures)) == (6, 18, 59)
    assert data["period"] == "2021"
    # no deadline of its own anywhere: null, not the plan's 11-30
    assert {m["deadline"] for m in measures} == {None} and {m["deadline_text"] for m in measures} == {""}
    m85 = next(m for m in measures if m["code"] == "8.5")
    assert (m85["lead"], m85["assisting"]) == (["郑州市", "洛阳市"], [])


# ---- unit lists, --as, and a county clerk --------------------------------------------------
def test_a_unit_the_plan_names_can_open_a_ledger_others_are_refused_with_the_names(tmp_path, capsys):
    path = shapes.district_lines_txt(tmp_path / "分工方案.txt")
    ok = tmp_path / "ok.db"
    assert run(["--db", str(ok), "init", "--unit", "区工信局", "--plan", str(path)]) == 0
    assert "需填报或确认的举措：3 项" in capsys.readouterr().out
    bad = tmp_path / "bad.db"
    assert run(["--db", str(bad), "init", "--unit", "嵩县", "--plan", str(path)]) == 2
    err = capsys.readouterr().err
    assert "嵩县" in err and "区发改局" in err and err.count("\n") == 1 and not bad.exists()


def test_a_county_of_the_issuing_city_with_the_citys_unit_list(tmp_path, capsys):
    """各县（市、区） in a city's list: a county on the city's unit list keeps its ledger."""
    path = shapes.city_report_running(tmp_path / "要点.docx")
    units = tmp_path / "咸阳市县区.txt"
    units.write_text("秦都区\n渭城区\n兴平市\t县（市、区）\n三原县\n市政府办公室\n市行政审批服务局\n",
                     encoding="utf-8")
    db = tmp_path / "三原县.db"
    assert run(["--db", str(db), "init", "--unit", "三原县", "--plan", str(path),
                "--units", str(units)]) == 0
    with Ledger.open(db) as ledger:
        assert {u.name: u.kind for u in ledger.units()}["兴平市"] == "district"
        rows = {r.code: r for r in ledger.measures()}
        assert set(rows) == {"1.1", "1.2"}
        assert rows["1.2"].role == "assisting"


def test_import_plan_naming_none_of_our_units_asks_which_name_is_ours(ledger_path, tmp_path, capsys):
    Ledger.create(ledger_path, unit="洛阳市", user="张三").close()
    path = shapes.municipal_period_xlsx(tmp_path / "推进计划.xlsx")
    assert run(["--db", str(ledger_path), "import-plan", str(path)]) == 2
    err = capsys.readouterr().err
    assert "洛阳市" in err and "--as" in err and "市市场监管局" in err and err.count("\n") == 1
    with Ledger.open(ledger_path) as ledger:
        assert len(ledger.plans()) == 1
    assert run(["--db", str(ledger_path), "import-plan", str(path), "--as", "不存在的局"]) == 2
    assert "不存在的局" in capsys.readouterr().err
    assert run(["--db", str(ledger_path), "import-plan", str(path), "--as", "市市场监管局"]) == 0
    out = capsys.readouterr().out
    assert "市市场监管局需填报或确认的举措：3 项" in out and "请核对" in out
    with Ledger.open(ledger_path) as ledger:
        assert ledger.unit == "市市场监管局" and ledger.setting("unit") == "洛阳市"
        assert ledger.measures()[0].role == "lead"
        ledger.record("1.1", status="推进中")
        old = next(p for p in ledger.plans() if p.year == 2021)
        ledger.switch_plan(old.id)
        assert ledger.unit == "洛阳市" and len(ledger.measures()) > 30


def test_unit_list_files_are_checked(tmp_path):
    xlsx = tmp_path / "名单.xlsx"
    from openpyxl import Workbook
    wb = Workbook()
    for row in (["序号", "单位名称", "类别"], [1, "郑州市", "省辖市"], [2, "巩义市", "省直管县（市）"],
                [3, "市知识产权局", None]):
        wb.active.append(row)
    wb.save(xlsx)
    assert read_unit_list_file(xlsx) == [{"name": "郑州市", "kind": "city"},
                                         {"name": "巩义市", "kind": "county"},
                                         {"name": "市知识产权局", "kind": "department"}]
    long_name = tmp_path / "长.txt"
    long_name.write_text("郑州市\n" + "很" * 100 + "\n", encoding="utf-8")
    with pytest.raises(PlanFormatError, match="第2行"):
        read_unit_list_file(long_name)
    many = tmp_path / "多.txt"
    many.write_text("\n".join(f"单位{i}局" for i in range(2100)), encoding="utf-8")
    with pytest.raises(PlanFormatError, match="超过 2000"):
        read_unit_list_file(many)
    binary = tmp_path / "图.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0" * 10)
    with pytest.raises(PlanFormatError):
        read_unit_list_file(binary)
    empty = tmp_path / "空.txt"
    empty.write_text("单位名称\n\n", encoding="utf-8")
    with pytest.raises(PlanFormatError, match="没有任何单位"):
        read_unit_list_file(empty)


def test_builtin_lists_cite_their_source_and_pick_by_year():
    from models.plan.unit_lists import builtin_for_year, builtin_lists, load_builtin
    lists = {info.id: info for info in builtin_lists()}
    assert {"henan-2021", "henan-2022", "henan-2023"} <= set(lists)
    assert all(info.note for info in lists.values())
    assert builtin_for_year(2021) == "henan-2021" and builtin_for_year(2022) == "henan-2022"
    assert builtin_for_year(2025) == "henan-2023"
    later = {u["name"] for u in load_builtin("henan-2023")}
    assert "航空港区" in later and "固始县" not in later and "郑州市" in later
