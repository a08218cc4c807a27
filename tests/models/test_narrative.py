"""The report's own words in the ledger: drafts from the data, the clerk's text, limits."""
from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from models.errors import InvalidInput
from models.ledger import Ledger
from models.narrative import (NO_PROGRESS, NOTHING, PART_KEYS, TEXT_LIMIT, draft_narrative,
                              heading_level, paragraphs, report_text)
from models.schema import LATEST_VERSION, MIGRATIONS


@pytest.fixture
def worked(ledger):
    ledger.record("1.2", status="已完成", note="制定配套文件。\n印发实施", date="2021-03-15",
                  problems="基层力量薄弱。", next_steps="加强培训")
    ledger.record("2.3", status="推进中", note="召开推进会", date="2021-04-02",
                  problems="基层力量薄弱。", value="47")
    return ledger


def test_drafts_come_from_measures_and_entries(worked):
    drafts = draft_narrative(worked, on=date(2021, 11, 30))
    assert set(drafts) == set(PART_KEYS)
    assert "《河南省推动知识产权高质量发展年度实施方案（2021）》（豫知〔2021〕35号）" in drafts["opening"]
    assert drafts["overview"].startswith("截至2021年11月30日，洛阳市共承担落实举措")
    assert "举措2.3（全省目标100家），本单位完成47家" in drafts["overview"]
    lines = drafts["practices"].split("\n")
    assert lines[0] == "（一）强化顶层设计与标杆引领，推动知识产权高质量创造"
    assert heading_level(lines[0]) == 2
    assert "3月15日，制定配套文件。" in lines and "印发实施" in lines
    # the full stop the clerk typed goes after the tag, identical problems merged
    assert drafts["problems"] == "1.基层力量薄弱（举措1.2、2.3）。"
    assert drafts["plans"] == "1.加强培训（举措1.2）。"
    assert drafts["addressee"] == "河南省知识产权局"
    assert drafts["signature"] == "洛阳市"
    assert drafts["date"] == "2021-11-30"


def test_an_empty_ledger_drafts_placeholders(ledger):
    drafts = draft_narrative(ledger)
    assert drafts["practices"] == NO_PROGRESS
    assert drafts["problems"] == drafts["plans"] == NOTHING


def test_saved_text_is_printed_and_survives_reopening(worked, ledger_path):
    drafts = draft_narrative(worked)
    worked.take_changes()
    worked.save_narrative({"overview": "  我们的总体情况。\n第二段  ", "date": "2021-11-30"},
                          drafts=drafts)
    changes = worked.take_changes()
    assert changes.narrative and changes and not changes.measures
    worked.close()
    with Ledger.open(ledger_path) as again:
        stored = again.narrative()
        assert stored["overview"].text == "我们的总体情况。\n第二段"
        assert stored["overview"].draft == drafts["overview"]
        assert stored["overview"].updated_by == "张三"
        text = report_text(again)
        assert text.texts["overview"] == "我们的总体情况。\n第二段"
        assert text.on == date(2021, 11, 30)            # the stored 成文日期
        assert text.texts["practices"] == text.drafts["practices"]   # not edited: follows data
        assert text.edited == {"overview", "date"}
        assert report_text(again, on=date(2021, 12, 1)).texts["date"] == "2021-12-01"
        entry = again.audit_log()[-1]
        assert entry.action == "narrative" and "我们的总体情况" in entry.detail
        # "" hands the part back to the data
        again.save_narrative({"overview": ""})
        assert "overview" not in again.narrative()
        assert report_text(again).texts["overview"].startswith("截至")


def test_bad_parts_store_nothing(worked):
    worked.save_narrative({"plans": "原有文字"})
    for bad in ({"plans": "新", "nonsense": "x"},
                {"plans": "新", "date": "2021-13-40"},
                {"plans": "新", "addressee": "两行\n主送"},
                {"plans": "新", "signature": "长" * 101},
                {"plans": "字" * (TEXT_LIMIT + 1)}):
        with pytest.raises(InvalidInput):
            worked.save_narrative(bad)
        assert worked.narrative()["plans"].text == "原有文字"
        assert worked.take_changes().narrative        # a refused write still says so


def test_hostile_text_is_kept_literally_without_control_characters(worked):
    hostile = '=SUM(A1)\n+1 <b>&amp;</b> "引号" 〔2021〕\x07\x00\x1b 10号\n@所有人 -减\t制表'
    worked.save_narrative({"problems": hostile})
    stored = worked.narrative()["problems"].text
    assert stored == '=SUM(A1)\n+1 <b>&amp;</b> "引号" 〔2021〕 10号\n@所有人 -减 制表'
    assert paragraphs(stored)[0] == "=SUM(A1)"


def test_narrative_table_is_the_latest_step(ledger_path):
    names = [name for _, name, _ in MIGRATIONS]
    assert "0008_report_narrative" in names
    with Ledger.create(ledger_path, unit="洛阳市") as made:
        made.save_narrative({"opening": "开头"})
    conn = sqlite3.connect(ledger_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert conn.execute("SELECT part, text FROM narrative").fetchall() == [("opening", "开头")]
    conn.close()
