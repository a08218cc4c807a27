"""The 缺项清单's new items (doubtful dates, 不涉及 without a reason) and where each gap is
fixed: a field for the window, a command for the command line."""
from __future__ import annotations

from models.check import (CONTACT_MISSING, DOUBTFUL_DATE, FIELD_ENTRIES, FIELD_INDICATOR,
                          FIELD_INVOLVED, FIELD_SETTINGS, FIELD_STATUS, NO_INDICATOR,
                          NOT_STARTED_GAP, REASON_MISSING, UNCONFIRMED, check_ledger)


def test_every_gap_names_its_field_and_keeps_commands_out_of_the_window_words(ledger):
    ledger.add_entry("2.1", "写成明年", date="2022-03-01")
    ledger.record("2.2", status="不涉及")
    gaps = check_ledger(ledger)
    fields = {gap.kind: gap.field for gap in gaps}
    assert fields[NOT_STARTED_GAP] == FIELD_STATUS and fields[UNCONFIRMED] == FIELD_INVOLVED
    assert fields[NO_INDICATOR] == FIELD_INDICATOR and fields[CONTACT_MISSING] == FIELD_SETTINGS
    assert fields[DOUBTFUL_DATE] == FIELD_ENTRIES and fields[REASON_MISSING] == FIELD_INVOLVED
    for gap in gaps:
        assert gap.field, gap
        assert "填报”" not in gap.fix         # no window area that does not exist
    doubtful = next(g for g in gaps if g.kind == DOUBTFUL_DATE)
    assert doubtful.measure_code == "2.1" and doubtful.params["future"] is True
    assert doubtful.params["date"] == "2022-03-01" and "晚于今天" in doubtful.message
    contact = [g.params["key"] for g in gaps if g.kind == CONTACT_MISSING]
    assert contact == ["unit_full_name", "contact_person", "contact_phone"]
    assert next(g for g in gaps if g.kind == NO_INDICATOR).params["targets"]
    assert next(g for g in gaps if g.kind == REASON_MISSING).measure_code == "2.2"
    ledger.record("2.2", reason="本市无此类园区")
    assert REASON_MISSING not in {g.kind for g in check_ledger(ledger)}


def test_reason_is_limited(ledger):
    import pytest

    from models.errors import InvalidInput
    with pytest.raises(InvalidInput, match="200"):
        ledger.record("2.2", status="不涉及", reason="理" * 201)
    assert ledger.measure("2.2").row.status == "未启动"


def test_command_line_reason_and_date_warning(ledger, ledger_path, capsys):
    from cli.main import run
    from models.ledger import Ledger
    ledger.close()
    db = ["--db", str(ledger_path)]
    assert run([*db, "record", "2.2", "--status", "不涉及", "--reason", "本市无此类园区"]) == 0
    assert run([*db, "record", "2.1", "--note", "推进会", "--date", "2022-01-05"]) == 0
    out = capsys.readouterr().out
    assert "注意：日期 2022-01-05 晚于今天（2021-10-15）" in out
    assert "不在方案的时间范围内" in out
    with Ledger.open(ledger_path) as reopened:
        assert reopened.measure("2.2").row.not_involved_reason == "本市无此类园区"
        assert reopened.measure("2.1").entries[0].date == "2022-01-05"
