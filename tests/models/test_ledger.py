"""Recording work: statuses, entries, problems, evidence, audit — all saved and reopened."""
from __future__ import annotations

import hashlib
import os
import sqlite3

import pytest

from models import evidence_store
from models.errors import LedgerError, InvalidInput, LedgerExists, UnknownMeasure, UnknownUnit
from models.ledger import Ledger
from tests.support import dump_tables


def test_record_survives_reopening(ledger, ledger_path):
    ledger.record("8.5", status="推进中", note="召开专题会议 & <讨论>", date="2021-06-18",
                  problems="资金不足", next_steps="争取省级资金")
    ledger.record("8.5", note="上报中期评价材料", date="2021-05-02")
    ledger.close()
    with Ledger.open(ledger_path) as again:
        detail = again.measure("8.5")
        assert detail.row.status == "推进中"
        assert detail.row.problems == "资金不足" and detail.row.next_steps == "争取省级资金"
        assert [(e.date, e.text) for e in detail.entries] == [
            ("2021-05-02", "上报中期评价材料"), ("2021-06-18", "召开专题会议 & <讨论>")]
        assert detail.entries[0].author == "张三"


def test_status_is_separate_from_evidence(ledger, sample_file):
    row = ledger.record("4.1", status="已完成")
    assert row.evidence_count == 0
    ledger.attach("4.1", sample_file)
    assert ledger.measure("4.1").row.status == "已完成"


def test_bad_input_changes_nothing(ledger, ledger_path):
    ledger.record("8.5", status="推进中", problems="原问题")
    before = dump_tables(ledger_path)
    for bad in (dict(status="完成了"), dict(note="x", date="2021-13-01"), dict(value="七"),
                dict(status="已完成", value="abc"), dict(note="  ")):
        with pytest.raises(InvalidInput):
            ledger.record("8.5", **bad)
    with pytest.raises(InvalidInput, match="没有量化指标"):
        ledger.record("8.5", status="已完成", value="3")
    with pytest.raises(UnknownMeasure):
        ledger.record("99.1", status="已完成")
    with pytest.raises(UnknownUnit):
        ledger.record("8.5", status="已完成", unit="北京市")
    assert dump_tables(ledger_path) == before


def test_entries_edit_and_delete_are_audited(ledger):
    entry = ledger.add_entry("4.1", "第一次记录", date="2021-03-01")
    ledger.update_entry(entry.id, text="第一次记录（更正）")
    assert ledger.entry(entry.id).text == "第一次记录（更正）"
    ledger.delete_entry(entry.id)
    assert ledger.measure("4.1").entries == []
    actions = [a.action for a in ledger.audit_log()]
    assert actions[-3:] == ["record", "edit_entry", "delete_entry"]
    assert "第一次记录" in ledger.audit_log()[-1].detail


def test_audit_trail_is_append_only(ledger):
    ledger.record("4.1", status="推进中")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        ledger.db.execute("UPDATE audit SET user = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        ledger.db.execute("DELETE FROM audit")
    record = ledger.audit_log()[-1]
    assert record.user == "张三" and record.target == "4.1@洛阳市" and "推进中" in record.detail


def test_create_refuses_to_overwrite(ledger_path):
    ledger_path.write_bytes(b"something precious")
    with pytest.raises(LedgerExists):
        Ledger.create(ledger_path, unit="洛阳市")
    assert ledger_path.read_bytes() == b"something precious"


def test_create_with_unknown_unit_leaves_no_file(ledger_path):
    with pytest.raises(UnknownUnit):
        Ledger.create(ledger_path, unit="北京市")
    assert not ledger_path.exists()


def test_search_finds_measure_text_entries_and_evidence(ledger, tmp_path):
    ledger.record("3.1", note="组织营商环境评价座谈会", date="2021-04-01")
    doc = tmp_path / "质押融资合同汇总.xlsx"
    doc.write_bytes(b"PK fake")
    ledger.attach("10.1", doc)
    assert ledger.search("高价值专利培育") == ["4.1"]
    assert "3.1" in ledger.search("座谈会")
    assert ledger.search("融资合同") == ["10.1"]
    assert "9.1" in ledger.search("融资")        # two characters: substring scan
    assert ledger.search("不存在的词语") == []


# ---- evidence ----------------------------------------------------------------------------

def test_attach_copies_by_hash_and_leaves_the_original(ledger, sample_file):
    original = sample_file.read_bytes()
    mtime = os.stat(sample_file).st_mtime_ns
    item = ledger.attach("8.5", sample_file, note="纪要", date="2021-06-18")
    assert item.sha256 == hashlib.sha256(original).hexdigest()
    stored = ledger.evidence_path(item.sha256)
    assert stored.read_bytes() == original and stored != sample_file
    assert sample_file.read_bytes() == original and os.stat(sample_file).st_mtime_ns == mtime
    assert (item.original_name, item.size, item.evidence_date, item.note) == (
        "会议纪要.pdf", len(original), "2021-06-18", "纪要")


def test_one_file_backs_several_measures_and_is_stored_once(ledger, sample_file, tmp_path):
    first = ledger.attach("8.5", sample_file)
    copy = tmp_path / "副本.pdf"
    copy.write_bytes(sample_file.read_bytes())
    second = ledger.attach("4.1", copy)
    assert first.id == second.id
    assert ledger.evidence_item(first.id).measures == ["4.1", "8.5"]
    files = [p for p in ledger.evidence.root.rglob("*") if p.is_file()]
    assert len(files) == 1
    ledger.unlink_evidence(first.id, "8.5")
    assert ledger.measure("8.5").row.evidence_count == 0
    assert ledger.measure("4.1").row.evidence_count == 1


def test_file_lands_before_the_row(ledger, sample_file, monkeypatch):
    """A crash between copying and recording leaves a harmless file, never a dangling row."""
    def boom(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")
    monkeypatch.setattr("models.ledger.record_audit", boom)
    with pytest.raises(LedgerError, match="disk I/O error"):     # one line, not a traceback
        ledger.attach("8.5", sample_file)
    assert ledger.db.execute("SELECT count(*) FROM evidence").fetchone()[0] == 0
    sha = hashlib.sha256(sample_file.read_bytes()).hexdigest()
    assert ledger.evidence_path(sha).read_bytes() == sample_file.read_bytes()


def test_interrupted_copy_leaves_no_partial_file(ledger, sample_file, monkeypatch):
    def fail_fsync(fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(evidence_store.os, "fsync", fail_fsync)
    with pytest.raises(InvalidInput, match="No space left"):
        ledger.attach("8.5", sample_file)
    leftovers = [p for p in ledger.evidence.root.rglob("*") if p.is_file()]
    assert leftovers == []
    assert ledger.db.execute("SELECT count(*) FROM evidence").fetchone()[0] == 0


def test_verify_names_missing_and_altered_files(ledger, sample_file, tmp_path):
    good = ledger.attach("4.1", sample_file)
    other = tmp_path / "照片.jpg"
    other.write_bytes(b"\xff\xd8 jpeg")
    altered = ledger.attach("8.5", other)
    third = tmp_path / "通知.docx"
    third.write_bytes(b"PK docx")
    missing = ledger.attach("3.1", third)
    assert ledger.verify() == []
    ledger.evidence_path(altered.sha256).write_bytes(b"tampered")
    ledger.evidence_path(missing.sha256).unlink()
    seen = []
    problems = ledger.verify(progress=lambda done, total: seen.append((done, total)))
    assert {(p.original_name, p.problem, tuple(p.measures)) for p in problems} == {
        ("照片.jpg", "altered", ("8.5",)), ("通知.docx", "missing", ("3.1",))}
    assert seen[-1] == (3, 3)
    assert good.sha256 not in {p.sha256 for p in problems}


def test_verify_can_be_cancelled(ledger, sample_file):
    ledger.attach("4.1", sample_file)
    assert ledger.verify(cancelled=lambda: True) == []

