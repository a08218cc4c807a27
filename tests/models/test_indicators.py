"""Numeric targets are parsed from measure text; dates and periods are not targets."""
from __future__ import annotations

import pytest

from models.plan.indicators import AT_LEAST, AT_MOST, RANGE, parse_indicators


@pytest.mark.parametrize("text, raw, low, high, unit, comparator", [
    ("建设高价值专利培育中心6-10家。", "6-10家", 6, 10, "家", RANGE),
    ("推动培育不少于100家省级知识产权强企。", "100家", 100, None, "家", AT_LEAST),
    ("力争全省非诉讼机构覆盖面达到80%以上。", "80%以上", 80, None, "%", AT_LEAST),
    ("力争全年专利质押融资额达到23亿元。", "23亿元", 23, None, "亿元", AT_LEAST),
    ("培育2-3家专利导航示范区。", "2-3家", 2, 3, "家", RANGE),
    ("加快13家省级高校知识产权运营管理中心建设。", "13家", 13, None, "家", AT_LEAST),
    ("争取增设1-2个窗口。", "1-2个", 1, 2, "个", RANGE),
    ("投诉率控制在5%以下。", "5%以下", 5, None, "%", AT_MOST),
    ("融资额达到1.5亿元", "1.5亿元", 1.5, None, "亿元", AT_LEAST),
])
def test_targets(text, raw, low, high, unit, comparator):
    (ind,) = parse_indicators(text)
    assert (ind.raw, ind.min, ind.max, ind.quantity_unit, ind.comparator) == (raw, low, high, unit, comparator)


@pytest.mark.parametrize("text", [
    "贯彻落实《知识产权强国战略纲要（2021-2035年）》",
    "编制并发布《2020年河南省专利统计分析报告》。",
    "召开晋冀鲁豫四省十八市知识产权执法协作会议",
    "郑州市做好三年建设期总结",
])
def test_periods_and_words_are_not_targets(text):
    assert parse_indicators(text) == []


def test_describe_and_met():
    (rng,) = parse_indicators("6-10家")
    (floor,) = parse_indicators("不少于100家")
    assert rng.describe() == "6–10家" and floor.describe() == "≥100家"
    assert rng.met_by(None) is None and rng.met_by(5) is False and rng.met_by(6) is True
    assert floor.met_by(100) is True


def test_the_2021_plan_has_its_six_targets(ledger):
    found = {m.code: [i.target for i in m.indicators] for m in ledger.plan().measures() if m.indicators}
    assert found == {"2.3": ["≥100家"], "4.1": ["6–10家"], "6.1": ["≥80%"], "8.2": ["2–3家"],
                     "9.1": ["≥23亿元"], "11.2": ["≥13家"]}


def test_a_unit_records_its_figure(ledger, ledger_path):
    ledger.record("4.1", value="7")
    ledger.close()
    from models.ledger import Ledger
    with Ledger.open(ledger_path) as reopened:
        (ind,) = reopened.measure("4.1").indicators
        assert ind.value == 7.0


def test_an_empty_value_clears_the_figure(ledger):
    ledger.record("4.1", value="7")
    ledger.record("4.1", value="")
    assert ledger.measure("4.1").indicators[0].value is None
    ledger.record("8.5", status="推进中", value="")      # no indicator: nothing to clear
    assert ledger.measure("8.5").row.status == "推进中"
