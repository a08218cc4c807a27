"""The built-in plan is the seed's annex, faithfully."""
from __future__ import annotations

import json

import pytest

from tests.support import SEED
from models.paths import resource_path
from models.plan.definition import load_builtin_plan, load_units
from models.plan.text import parse_plan_text


def _seed_annex_measure_texts() -> list[str]:
    """Measure texts read straight from the seed's annex, independently of the parser."""
    text = SEED.read_text(encoding="utf-8")
    annex = text[text.rindex("附 件"):]
    texts = []
    for block in annex.split("\n\n"):
        cells = [line[1:].strip() for line in block.split("\n") if line.startswith("\t")]
        if len(cells) >= 2 and cells[0] != "任务内容":
            texts.append(cells[1])
    return texts


@pytest.fixture(scope="module")
def plan():
    return load_builtin_plan()


def test_header_facts_come_from_the_notice(plan):
    assert plan["year"] == 2021
    assert plan["title"] == "河南省推动知识产权高质量发展年度实施方案（2021）"
    assert plan["doc_no"] == "豫知〔2021〕35号"
    assert plan["deadline"] == "2021-11-30"
    assert plan["recipient"] == "省知识产权局协调管理处"
    assert plan["issuer"] == "河南省知识产权局"
    assert plan["subject"] == "推动知识产权高质量发展"


@pytest.mark.skipif(not SEED.exists(), reason="shared/seed not beside the checkout")
def test_sections_tasks_and_measures_are_complete(plan):
    titles = [s["title"] for s in plan["sections"]]
    assert titles[0] == "一、强化顶层设计与标杆引领，推动知识产权高质量创造"
    assert titles[-1] == "六、知识产权事业综合保障"
    assert len(titles) == 6
    numbers = [t["no"] for s in plan["sections"] for t in s["tasks"]]
    assert numbers == list(range(1, 19))
    ours = [m["text"] for s in plan["sections"] for t in s["tasks"] for m in t["measures"]]
    assert ours == _seed_annex_measure_texts()
    assert len(ours) == 59


@pytest.mark.skipif(not SEED.exists(), reason="shared/seed not beside the checkout")
def test_bundled_json_equals_a_fresh_parse_of_the_seed(plan):
    fresh = parse_plan_text(SEED.read_text(encoding="utf-8"))
    bundled = json.loads(resource_path("plans", "henan-ip-2021.json").read_text(encoding="utf-8"))
    assert fresh["sections"] == bundled["sections"]
    for key in ("year", "title", "doc_no", "deadline", "recipient", "issuer", "annex_title"):
        assert fresh[key] == bundled[key]


def test_texts_are_kept_as_written(plan):
    tasks = {t["no"]: t for s in plan["sections"] for t in s["tasks"]}
    # The odd space, the duplicated phrase and the half-width comma are in the original.
    assert tasks[1]["content"].startswith("贯彻落实 “十四五”")
    assert tasks[12]["measures"][3]["text"].startswith("支持代理机构建设，支持代理机构建设，")
    assert "创建市工作,开展" in tasks[2]["measures"][1]["text"]
    assert tasks[8]["measures"][4]["responsibility"] == "郑州市、洛阳市"
    # The annex's last row has no 责任地市 cell at all: it is merged with the row above.
    assert tasks[18]["measures"][2]["responsibility"] == ""


def test_unit_list_is_the_2021_list():
    units = load_units()
    kinds = [u["kind"] for u in units]
    assert len(units) == 28
    assert kinds.count("city") == 17 and kinds.count("zone") == 1 and kinds.count("county") == 10
    assert units[0]["name"] == "郑州市" and units[17]["name"] == "济源示范区"
    assert {"巩义市", "兰考县", "汝州市", "滑县", "长垣市", "邓州市", "永城市", "固始县", "鹿邑县",
            "新蔡县"} == {u["name"] for u in units if u["kind"] == "county"}


def test_stored_plan_matches_the_definition(ledger, plan):
    stored = ledger.plan()
    assert stored.doc_no == "豫知〔2021〕35号"
    assert [m.text for m in stored.measures()] == [
        m["text"] for s in plan["sections"] for t in s["tasks"] for m in t["measures"]]
    ids = [m.code for m in stored.measures()]
    assert ids[:5] == ["1.1", "1.2", "1.3", "1.4", "1.5"] and "8.5" in ids and ids[-1] == "18.3"
