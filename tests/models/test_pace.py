"""序时进度 and lights: the pure rules, then the ledger's measures at pinned dates."""
from __future__ import annotations

from datetime import date

import pytest

from models.errors import InvalidInput
from models.pace import (GREEN, RED, YELLOW, Pace, expected_progress, light, measure_pace,
                         plan_start)
from models.status import DONE, IN_PROGRESS, NOT_INVOLVED, NOT_STARTED

START, END = date(2021, 1, 1), date(2021, 12, 31)


def test_plan_start_is_the_first_day_of_its_year_or_period():
    assert plan_start(2021, "2021") == date(2021, 1, 1)
    assert plan_start(2023, "2022—2023") == date(2022, 1, 1)
    assert plan_start(2021, "") == date(2021, 1, 1)
    assert plan_start(2021, "十四五") == date(2021, 1, 1)


def test_expected_progress_is_the_share_of_time_gone():
    assert expected_progress(START, END, date(2020, 12, 1)) == 0.0
    assert expected_progress(START, END, START) == 0.0
    assert expected_progress(START, END, date(2021, 7, 2)) == pytest.approx(50.0, abs=0.2)
    assert expected_progress(START, END, END) == 100.0
    assert expected_progress(START, END, date(2022, 3, 1)) == 100.0
    # 完成时限 2021-06-30: at the end of March half of its time is gone
    assert expected_progress(START, date(2021, 6, 30), date(2021, 3, 31)) == pytest.approx(49.4, abs=0.1)


def test_milestones_split_the_time_into_equal_stages():
    # one milestone on 2021-02-01: the first stage (31 days) is half the measure
    on = date(2021, 1, 16)
    assert expected_progress(START, END, on, [date(2021, 2, 1)]) == pytest.approx(24.2, abs=0.2)
    assert expected_progress(START, END, date(2021, 2, 1), [date(2021, 2, 1)]) == 50.0
    # evenly spread milestones give the plain share of time
    evenly = [date(2021, 4, 1), date(2021, 7, 1), date(2021, 10, 1)]
    assert expected_progress(START, END, date(2021, 8, 15), evenly) == pytest.approx(
        expected_progress(START, END, date(2021, 8, 15)), abs=1.5)
    # milestones outside the measure's time do not count
    assert expected_progress(START, END, on, [date(2022, 5, 1)]) == expected_progress(START, END, on)


@pytest.mark.parametrize("gap, expected", [(0, GREEN), (9.9, GREEN), (10, YELLOW), (30, YELLOW),
                                           (30.1, RED), (80, RED), (-20, GREEN)])
def test_the_gap_decides_the_light(gap, expected):
    assert light(IN_PROGRESS, 50 - gap, 50) == expected


def test_done_is_never_red_not_involved_has_no_light_late_is_red():
    assert light(DONE, None, 100, overdue=True, milestone_late=True) == GREEN
    assert light(NOT_INVOLVED, None, 90) is None
    assert light(IN_PROGRESS, 95, 50, overdue=True) == RED
    assert light(IN_PROGRESS, 95, 50, milestone_late=True) == RED
    # 推进中 with no 完成进度: no light until one is recorded (or it is late)
    assert light(IN_PROGRESS, None, 80) is None
    # 未启动 counts as 0 %
    assert light(NOT_STARTED, None, 5) == GREEN
    assert light(NOT_STARTED, None, 25) == YELLOW
    assert light(NOT_STARTED, None, 31) == RED


def test_thresholds_come_from_the_pace():
    strict = Pace(yellow=5, red=15)
    assert light(IN_PROGRESS, 44, 50, pace=strict) == YELLOW
    assert light(IN_PROGRESS, 34, 50, pace=strict) == RED
    assert light(IN_PROGRESS, 44, 50) == GREEN


def test_measure_pace_counts_milestones_done_only_up_to_the_day():
    args = dict(status=IN_PROGRESS, recorded=60, deadline="2021-12-31", start=START, pace=Pace())
    steps = [("2021-06-30", "2021-07-05")]
    # on 07-01 the milestone of 06-30 was not done yet: red
    assert measure_pace(milestones=steps, on=date(2021, 7, 1), **args)[2:] == (RED, 1)
    assert measure_pace(milestones=steps, on=date(2021, 7, 6), **args)[2:] == (GREEN, 0)


# ---- through the ledger, at pinned dates ------------------------------------------------------
def _row(ledger, code):
    return next(r for r in ledger.measures() if r.code == code)


def test_lights_of_a_measure_at_chosen_dates(ledger, monkeypatch):
    code = ledger.measures()[0].code
    monkeypatch.setenv("TASKLEDGER_TODAY", "2021-03-01")
    ledger.set_deadline(code, "2021-06-30")
    ledger.record(code, progress=40)
    row = _row(ledger, code)
    assert (row.deadline, row.deadline_source, row.status) == ("2021-06-30", "measure", IN_PROGRESS)
    assert row.expected == pytest.approx(32.8, abs=0.1) and row.light == GREEN
    monkeypatch.setenv("TASKLEDGER_TODAY", "2021-04-01")
    row = _row(ledger, code)
    assert row.expected == 50.0 and row.light == YELLOW    # 10 points behind
    monkeypatch.setenv("TASKLEDGER_TODAY", "2021-05-15")
    assert _row(ledger, code).light == RED          # 74 % of its time gone, 40 % done
    monkeypatch.setenv("TASKLEDGER_TODAY", "2021-07-01")
    row = _row(ledger, code)
    assert row.expected == 100.0 and row.deadline_state == "逾期" and row.light == RED
    ledger.record(code, status=DONE)
    row = _row(ledger, code)
    assert row.light == GREEN and row.progress == 100.0 and row.recorded_progress == 40.0


def test_the_thresholds_are_ledger_settings(ledger, monkeypatch):
    monkeypatch.setenv("TASKLEDGER_TODAY", "2021-04-01")
    code = ledger.measures()[0].code
    ledger.set_deadline(code, "2021-06-30")
    ledger.record(code, progress=42)                 # 7.7 points behind
    assert _row(ledger, code).light == GREEN
    ledger.set_settings(light_yellow="5", light_red="20")
    assert _row(ledger, code).light == YELLOW
    assert ledger.pace() == Pace(yellow=5, red=20, reminder_days=7)
    before = ledger.settings()
    for bad in ({"light_yellow": "40", "light_red": "20"}, {"light_red": "0"},
                {"light_yellow": "abc"}, {"reminder_days": "999"}):
        with pytest.raises(InvalidInput):
            ledger.set_settings(**bad)
    assert ledger.settings() == before


def test_no_light_for_not_involved_and_for_the_hand_in_date_standing_in(ledger, monkeypatch):
    monkeypatch.setenv("TASKLEDGER_TODAY", "2021-10-15")
    relevant = next(r for r in ledger.measures() if r.scope == "relevant")
    ledger.record(relevant.code, status=NOT_INVOLVED)
    row = _row(ledger, relevant.code)
    assert row.light is None and row.progress is None
    plain = next(r for r in ledger.measures() if r.scope == "all" and r.status == NOT_STARTED)
    assert plain.deadline_source == "plan" and plain.deadline == "2021-11-30"
    assert plain.light == RED                       # 86 % of the time gone, not started
