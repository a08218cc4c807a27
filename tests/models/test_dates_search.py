"""Doubtful progress dates, and search that says where it matched."""
from __future__ import annotations

from datetime import date

from models.dates import FUTURE, OUTSIDE_PLAN, date_warnings, doubtful_entries, plan_period
from models.search import ENTRY, EVIDENCE, NEXT_STEPS, PROBLEMS, TASK, TEXT, search_places


def test_plan_period_and_warnings():
    assert plan_period(2021, "2021-11-30") == ("2021-01-01", "2021-12-31")
    assert plan_period(2021, "2022-01-15") == ("2021-01-01", "2022-01-15")
    on = date(2021, 10, 15)
    assert date_warnings("2021-10-15", year=2021, on=on) == []
    assert [w.kind for w in date_warnings("2021-10-22", year=2021, on=on)] == [FUTURE]
    assert [w.kind for w in date_warnings("2022-03-01", year=2021, on=on)] == [FUTURE, OUTSIDE_PLAN]
    assert [w.kind for w in date_warnings("2020-12-31", year=2021, on=on)] == [OUTSIDE_PLAN]
    assert "晚于今天" in date_warnings("2021-10-22", year=2021, on=on)[0].message()


def test_doubtful_entries_are_found(ledger):
    ledger.add_entry("2.1", "正常", date="2021-09-01")
    ledger.add_entry("2.3", "写成了明年", date="2022-09-01")
    ledger.add_entry("3.1", "去年的", date="2020-12-01")
    found = doubtful_entries(ledger)
    assert [(e["code"], e["date"]) for e, _w in found] == [("2.3", "2022-09-01"), ("3.1", "2020-12-01")]


def test_search_places(ledger, tmp_path):
    ledger.record("4.1", problems="高价值专利培育经费不足", next_steps="争取专项资金")
    ledger.add_entry("5.2", "召开知识产权质押推进会", date="2021-09-01")
    proof = tmp_path / "Meeting-PDF纪要.pdf"
    proof.write_bytes(b"%PDF")
    ledger.attach("6.1", proof, note="质押融资签约")
    hits = search_places(ledger, "经费不足")
    assert hits == {"4.1": {PROBLEMS}}
    assert search_places(ledger, "专项资金") == {"4.1": {NEXT_STEPS}}
    assert search_places(ledger, "推进会")["5.2"] == {ENTRY}
    assert search_places(ledger, "meeting-pdf")["6.1"] == {EVIDENCE}     # any case
    assert EVIDENCE in search_places(ledger, "签约")["6.1"]               # the note too
    detail = ledger.measure("4.1").row
    assert TEXT in search_places(ledger, detail.text[3:9])["4.1"]
    assert TASK in search_places(ledger, detail.task_content[:6])["4.1"]
    assert search_places(ledger, "没有这个词") == {}
    assert search_places(ledger, "   ") == {}
    # Hostile input is only text: quotes, LIKE wildcards and FTS syntax match literally.
    for odd in ('"', "%_%", "' OR 1=1 --", "NEAR(", "*" * 5000):
        assert search_places(ledger, odd) == {}
    assert ledger.search("经费不足") == ["4.1"]
