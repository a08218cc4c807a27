"""bench/big_ledger.py and the bulk helpers it uses (models/bulk.py), on small numbers."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from models.errors import InvalidInput, UnknownMeasure
from models.ledger import Ledger

ROOT = Path(__file__).resolve().parents[2]


def load_big_ledger():
    spec = importlib.util.spec_from_file_location("big_ledger", ROOT / "bench" / "big_ledger.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_big_ledger_builds_through_the_models_layer(tmp_path):
    out = tmp_path / "big.db"
    load_big_ledger().build(out, unit="洛阳市", plans=3, entries=600, evidence=30)
    with Ledger.open(out) as ledger:
        plans = ledger.plans()
        assert sorted(p.year for p in plans) == [2021, 2022, 2023]
        assert ledger.plan().year == 2023 and "2023" in ledger.plan().title
        db = ledger.db
        assert db.execute("SELECT count(*) FROM entries WHERE unit = '洛阳市'").fetchone()[0] == 600
        assert db.execute("SELECT count(*) FROM evidence WHERE unit = '洛阳市'").fetchone()[0] == 30
        per_plan = db.execute("SELECT m.plan_id, count(*) FROM entries e JOIN measures m"
                              " ON m.id = e.measure_id GROUP BY m.plan_id").fetchall()
        assert [n for _, n in per_plan] == [200, 200, 200]
        assert ledger.verify() == []                       # every stored file is really there
        assert ledger.search("召开专题推进会") or ledger.search("印发工作方案")


def test_add_entries_checks_every_item_and_writes_a_batch_whole(ledger):
    from models.bulk import add_entries
    assert add_entries(ledger, [("4.1", "2021-09-01", "第一条"), ("4.2", "2021-09-02", "第二条")]) == 2
    assert [e.text for e in ledger.measure("4.1").entries] == ["第一条"]
    with pytest.raises(InvalidInput):
        add_entries(ledger, [("4.1", "2021-09-03", "好的"), ("4.1", "2021-13-01", "日期错")])
    with pytest.raises(UnknownMeasure):                   # province-only measure
        add_entries(ledger, [("1.1", "2021-09-03", "不该写入")])
    assert [e.text for e in ledger.measure("4.1").entries] == ["第一条"]
    actions = [a.action for a in ledger.audit_log()]
    assert actions.count("bulk_entries") == 1


def test_attach_many_copies_files_first_and_links_them(ledger, tmp_path):
    from models.bulk import attach_many
    files = []
    for n in range(3):
        path = tmp_path / f"材料{n}.pdf"
        path.write_bytes(f"content {n}".encode())
        files.append(("3.1", path))
    files.append(("5.2", tmp_path / "材料0.pdf"))          # same content backs another measure
    assert attach_many(ledger, files, date="2021-10-01") == 4
    assert len(ledger.evidence_for("3.1")) == 3
    assert [e.original_name for e in ledger.evidence_for("5.2")] == ["材料0.pdf"]
    assert ledger.db.execute("SELECT count(*) FROM evidence").fetchone()[0] == 3
    for item in ledger.evidence_for("3.1"):
        assert ledger.evidence_path(item.sha256).is_file()
