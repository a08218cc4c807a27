"""Reading what offices write: unit text (roles, brackets, 等/有关, collectives), 完成时限,
the year or period, header words and item numbering."""
from __future__ import annotations

import pytest

from models.plan.deadlines import parse_deadline
from models.plan.headers import role_of
from models.plan.numbering import numbered, split_number
from models.plan.units import (ASSISTING, LEAD, RESPONSIBLE, collective_kinds, guess_kind,
                               parse_unit_text, resolve_unit_text, split_top)
from models.plan.year import plan_period

CITY_UNITS = [{"name": n, "kind": k} for n, k in (
    ("市发改委", "department"), ("市财政局", "department"), ("市知识产权局", "department"),
    ("涧西区", "district"), ("偃师区", "district"), ("嵩县", "district"), ("洛阳高新区管委会", "park"),
    ("龙门街道", "street"))]


def _parts(text):
    return [(p.name, p.role) for p in parse_unit_text(text).parts]


def test_names_split_only_outside_brackets():
    assert split_top("各县（市、区）人民政府、市直各有关单位", "、") == ["各县（市、区）人民政府", "市直各有关单位"]
    assert _parts("各县(市、区)人民政府，各开发区管委会") == [("各县（市、区）人民政府", RESPONSIBLE),
                                                      ("各开发区管委会", RESPONSIBLE)]


@pytest.mark.parametrize("text, parts", [
    # 咸阳市2022年深化“放管服”改革优化营商环境工作要点
    ("市政府办公室、市行政审批制度改革工作领导小组办公室牵头，市级各有关部门及各县市区政府按职责分工负责",
     [("市政府办公室", LEAD), ("市行政审批制度改革工作领导小组办公室", LEAD), ("市级各有关部门", RESPONSIBLE),
      ("各县市区政府", RESPONSIBLE)]),
    ("〔牵头单位：市发改委，责任单位：各县（市、区）人民政府〕",
     [("市发改委", LEAD), ("各县（市、区）人民政府", RESPONSIBLE)]),
    ("（市知识产权局负责）", [("市知识产权局", RESPONSIBLE)]),
    # 丽水市政府工作报告重点工作责任分解（2023年）
    ("市人力社保局、市农业农村局分别牵头", [("市人力社保局", LEAD), ("市农业农村局", LEAD)]),
    ("市科技局牵头，市财政局、市统计局配合", [("市科技局", LEAD), ("市财政局", ASSISTING), ("市统计局", ASSISTING)]),
    ("市发改委、市科技局等", [("市发改委", RESPONSIBLE), ("市科技局", RESPONSIBLE)]),
])
def test_roles_and_names(text, parts):
    assert _parts(text) == parts


def test_what_is_not_a_unit_is_set_aside():
    # 荆门市“十四五”规划纲要任务分工方案
    read = parse_unit_text("预期性指标，牵头单位：市发改委；责任单位：市政府有关部门，各县市区，"
                           "以下均需各县市区落实，不再逐一列出")
    assert [p.name for p in read.parts] == ["市发改委", "市政府有关部门", "各县市区"]
    assert read.notes == ["预期性指标", "以下均需各县市区落实", "不再逐一列出"]
    assert parse_unit_text("市发改委牵头，2022年6月底前完成").deadline_text == "2022年6月底前完成"
    assert parse_unit_text("市发改委、市科技局等有关单位").open_list


@pytest.mark.parametrize("name, kinds", [
    ("各省辖市", ("city",)), ("省直管县（市）", ("county",)), ("各县（市、区）人民政府", ("district", "county")),
    ("各县市区", ("district", "county")), ("市直各有关单位", ("department",)), ("区直各部门", ("department",)),
    ("各街道", ("street",)), ("各镇（街道）人民政府（办事处）", ("street",)), ("各开发区管委会", ("park",)),
    ("局机关各处室", ("division",)), ("郑州市", None), ("市发改委", None),
])
def test_collective_names_stand_for_kinds(name, kinds):
    assert collective_kinds(name) == kinds


def test_resolution_against_a_city_unit_list():
    r = resolve_unit_text("牵头单位：市发改委，责任单位：各县（市、区）人民政府、市直有关部门", CITY_UNITS)
    assert r.scope == "named" and r.roles_given
    assert r.lead == ["市发改委"]
    assert r.assisting == ["涧西区", "偃师区", "嵩县", "市财政局", "市知识产权局"]
    assert {m.name for m in r.members if m.relevant} == {"市财政局", "市知识产权局"}
    everyone = resolve_unit_text("各县（市、区）、各开发区管委会、市直各部门、各街道", CITY_UNITS)
    assert everyone.scope == "all"
    missing = resolve_unit_text("市公安局、涧西区人民政府", CITY_UNITS)
    assert missing.unknown == ["市公安局"] and [m.name for m in missing.members] == ["市公安局", "涧西区"]


def test_kind_guessed_from_the_name():
    assert [guess_kind(n) for n in ("市知识产权局", "涧西区", "城关镇", "洛阳高新区管委会", "保护处",
                                    "市政府办公室", "郑州市")] == [
        "department", "district", "street", "park", "division", "department", "city"]
    assert guess_kind("偃师市", city_level=True) == "district"


@pytest.mark.parametrize("text, date", [
    ("2021年6月底前", "2021-06-30"), ("9月30日前", "2021-09-30"), ("上半年", "2021-06-30"),
    ("三季度末", "2021-09-30"), ("六月底前完成", "2021-06-30"), ("年内有阶段性成果", "2021-12-31"),
    ("2022年6月底前启动，2023年底前完成", "2023-12-31"), ("2021.6.15", "2021-06-15"),
    ("长期坚持", None), ("持续推进", None), ("每季度", None), ("常态化开展", None),
    ("2022年起每月", None),
])
def test_deadlines(text, date):
    assert parse_deadline(text, 2021) == date


@pytest.mark.parametrize("title, doc_no, lines, found", [
    ("2021年知识产权工作要点", "", [], (2021, "2021")),
    ("洛阳市知识产权强市建设推进计划（2022—2023年）", "", [], (2022, "2022—2023")),
    ("河南省推动知识产权高质量发展年度实施方案（2021）", "", [], (2021, "2021")),
    ("荆门市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案", "", [], (2021, "2021—2025")),
    ("2021年知识产权强国建设纲要和“十四五”规划实施推进计划", "", [], (2021, "2021")),
    ("立山区政府重点工作任务分解和责任分工方案", "鞍立政发〔2023〕2号", [], (2023, "2023")),
    ("重点工作分工方案", "", ["各县市区人民政府：", "2022年3月18日"], (2022, "2022")),
    ("重点工作分工方案", "", ["会议于2022年3月18日召开"], (None, "")),
])
def test_year_or_period(title, doc_no, lines, found):
    assert plan_period(title, doc_no=doc_no, lines=lines) == found


@pytest.mark.parametrize("text, role", [
    ("执行部门（单位）", "resp"), ("重点工作任务", "task"), ("具体工作措施", "measure"), ("牵头单位", "lead"),
    ("配合单位", "assisting"), ("完成时间节点", "deadline"), ("预期成果", "target"), ("序号", "no"),
    ("责任领导", None), ("备注", None), ("姓名", None),
])
def test_header_words(text, role):
    assert role_of(text) == role


def test_numbering_levels():
    assert numbered("一、加快建设") == (1, "一、", 1, "加快建设")
    assert numbered("（二）强化保护") == (2, "（二）", 2, "强化保护")
    assert numbered("3.实施工程") == (3, "3.", 3, "实施工程")
    assert numbered("（4）开展培训") == (4, "（4）", 4, "开展培训")
    assert numbered("1.5万家企业完成贯标") is None
    assert numbered("2021年底前完成") is None
    assert split_number("①建立机制") == ("①", "建立机制")
