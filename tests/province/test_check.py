"""The 缺项清单 lists exactly the gaps there are, with where to fix them; ``check`` exits 1/0."""
from __future__ import annotations

import json

from cli.main import run
from models.check import (CONTACT_MISSING, EVIDENCE_ALTERED, EVIDENCE_MISSING, NO_ENTRY,
                          NO_EVIDENCE, NO_INDICATOR, NOT_STARTED_GAP, UNCONFIRMED, check_ledger)
from models.summary import summarize


def _by_kind(gaps):
    out = {}
    for gap in gaps:
        out.setdefault(gap.kind, []).append(gap.measure_code)
    return out


def test_fresh_ledger_gaps(ledger):
    gaps = _by_kind(check_ledger(ledger))
    summary = summarize(ledger)
    assert gaps[NOT_STARTED_GAP] == [r.code for r in summary.not_started]
    assert gaps[UNCONFIRMED] == [r.code for r in summary.rows if r.scope == "relevant"]
    assert set(gaps[NO_INDICATOR]) == {i.measure_code for i in summary.indicators}
    assert gaps[CONTACT_MISSING] == ["", "", ""]
    assert NO_EVIDENCE not in gaps and NO_ENTRY not in gaps


def test_each_kind_of_gap(ledger, sample_file, tmp_path):
    ledger.set_settings(unit_full_name="洛阳市市场监督管理局", contact_person="张三",
                        contact_phone="0379-1234567")
    rows = ledger.measures()
    done_bare, in_progress_bare, with_file, gone = rows[0].code, rows[1].code, rows[2].code, rows[3].code
    ledger.record(done_bare, status="已完成")                      # no evidence, no entry
    ledger.record(in_progress_bare, status="推进中")               # no entry
    ledger.record(with_file, status="已完成", note="完成", date="2021-09-01")
    item = ledger.attach(with_file, sample_file)
    other = tmp_path / "另一份.pdf"
    other.write_bytes(b"%PDF-1.4 other")
    missing = ledger.attach(gone, other)
    ledger.evidence_path(item.sha256).write_bytes(b"altered")
    ledger.evidence_path(missing.sha256).unlink()
    gaps = check_ledger(ledger)
    kinds = _by_kind(gaps)
    assert kinds[NO_EVIDENCE] == [done_bare]
    assert kinds[NO_ENTRY] == [done_bare, in_progress_bare]
    assert kinds[EVIDENCE_ALTERED] == [with_file]
    assert kinds[EVIDENCE_MISSING] == [gone]
    assert CONTACT_MISSING not in kinds
    assert done_bare not in kinds[NOT_STARTED_GAP] and gone in kinds[NOT_STARTED_GAP]
    for gap in gaps:
        assert gap.message and gap.fix and "\n" not in gap.message


def test_confirming_and_filling_clears_gaps(ledger):
    summary = summarize(ledger)
    relevant = next(r.code for r in summary.rows if r.scope == "relevant")
    ledger.record(relevant, status="不涉及")
    target = summary.indicators[0]
    ledger.record(target.measure_code, value=5)
    kinds = _by_kind(check_ledger(ledger))
    assert relevant not in kinds[UNCONFIRMED] and relevant not in kinds[NOT_STARTED_GAP]
    assert target.measure_code not in kinds.get(NO_INDICATOR, [])


def test_no_gaps_when_everything_is_filled(ledger, sample_file):
    ledger.set_settings(unit_full_name="洛阳市市场监督管理局", contact_person="张三",
                        contact_phone="0379-1234567")
    for row in ledger.measures():
        ledger.record(row.code, status="已完成", note="完成", date="2021-09-01")
        ledger.attach(row.code, sample_file)
        for indicator in ledger.measure(row.code).indicators:
            ledger.set_indicator_value(indicator.id, 1)
    assert check_ledger(ledger) == []
    ledger.close()
    assert run(["--db", str(ledger.path), "check"]) == 0


def test_check_command_exit_codes(ledger, ledger_path, capsys):
    ledger.close()
    assert run(["--db", str(ledger_path), "check", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["unit"] == "洛阳市" and data["gaps"]
    assert {"kind", "measure_code", "message", "fix", "label"} <= set(data["gaps"][0])
    assert run(["--db", str(ledger_path), "check"]) == 1
    assert "缺项" in capsys.readouterr().out
