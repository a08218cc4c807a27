"""Changing the ledger's unit: everything recorded moves, audited; refusals change nothing."""
from __future__ import annotations

import pytest

from models.errors import InvalidInput, UnknownUnit
from models.ledger import Ledger
from models.unit_change import change_unit, preview_unit_change
from tests.support import dump_tables


def test_records_move_to_the_new_unit(ledger_path, sample_file):
    with Ledger.create(ledger_path, unit="郑州市", user="张三") as ledger:
        ledger.record("4.1", status="推进中", value=3, note="推进会", date="2021-09-01")
        ledger.attach("4.1", sample_file)
        preview = preview_unit_change(ledger, "洛阳市")
        assert preview.moved == {"assignments": 1, "entries": 1, "evidence": 1,
                                 "indicator_values": 1}
        change_unit(ledger, "洛阳市")
        assert ledger.take_changes().everything
    with Ledger.open(ledger_path) as ledger:
        assert ledger.unit == "洛阳市"
        detail = ledger.measure("4.1")
        assert detail.row.status == "推进中" and detail.indicators[0].value == 3
        assert len(detail.entries) == 1 and len(detail.evidence) == 1
        last = ledger.audit_log()[-1]
        assert last.action == "change_unit" and "郑州市" in last.detail


def test_refusals_change_nothing(ledger, ledger_path):
    ledger.record("4.1", status="推进中")
    before = dump_tables(ledger_path)
    with pytest.raises(InvalidInput, match="已经是"):
        change_unit(ledger, "洛阳市")
    with pytest.raises(UnknownUnit):
        change_unit(ledger, "不存在市")
    with pytest.raises(InvalidInput):
        change_unit(ledger, "")
    assert dump_tables(ledger_path) == before
