"""``attach --large-ok``, ``evidence ID --date --note`` and ``purge`` on the command line."""
from __future__ import annotations

import json
import os

import pytest

from cli.main import run
from models import lock
from models.ledger import Ledger
from tests.support import dump_tables


@pytest.fixture
def db(tmp_path, capsys):
    path = tmp_path / "cli.db"
    assert run(["--db", str(path), "init", "--unit", "洛阳市", "--user", "李四"]) == 0
    capsys.readouterr()
    return path


def test_refused_inputs_print_one_line_and_change_nothing(db, tmp_path, capsys):
    empty = tmp_path / "空.pdf"
    empty.write_bytes(b"")
    before = dump_tables(db)
    for target in (empty, tmp_path):
        assert run(["--db", str(db), "attach", "8.5", str(target)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("错误：") and err.count("\n") == 1
    assert dump_tables(db) == before


def test_a_large_file_needs_large_ok(db, tmp_path, capsys):
    with Ledger.open(db) as ledger:
        ledger.set_settings(evidence_large_mb="1")
    video = tmp_path / "视频.mp4"
    video.write_bytes(os.urandom(1024) * 1100)
    assert run(["--db", str(db), "attach", "8.5", str(video)]) == 2
    err = capsys.readouterr().err
    assert "--large-ok" in err and "备份" in err
    assert run(["--db", str(db), "attach", "8.5", str(video), "--large-ok"]) == 0
    assert "视频.mp4" in capsys.readouterr().out


def test_evidence_lists_shows_and_edits(db, sample_file, capsys):
    base = ["--db", str(db)]
    assert run(base + ["attach", "8.5", str(sample_file), "--date", "2021-06-18"]) == 0
    capsys.readouterr()
    assert run(base + ["evidence"]) == 0
    out = capsys.readouterr().out
    assert "8.5-1" in out and "会议纪要.pdf" in out
    assert run(base + ["evidence", "8.5-1", "--date", "2021-06-01", "--note", "专题会议纪要"]) == 0
    assert "已保存" in capsys.readouterr().out
    assert run(base + ["evidence", "1", "--json"]) == 0
    item = json.loads(capsys.readouterr().out)
    assert (item["evidence_date"], item["note"], item["measures"]) == (
        "2021-06-01", "专题会议纪要", ["8.5"])
    before = dump_tables(db)
    assert run(base + ["evidence", "1", "--date", "6月1日"]) == 2
    assert run(base + ["evidence", "8.5-7", "--note", "x"]) == 2
    assert run(base + ["evidence", "--note", "x"]) == 2
    assert dump_tables(db) == before
    # Listing reads only: it runs beside an open window; editing needs the ledger.
    with lock.acquire(db, program="窗口"):
        assert run(base + ["evidence"]) == 0
        assert run(base + ["evidence", "1", "--note", "改"]) == 2
    assert "窗口" in capsys.readouterr().err


def test_purge_asks_then_removes_unlinked_files(db, sample_file, capsys):
    base = ["--db", str(db)]
    assert run(base + ["attach", "8.5", str(sample_file)]) == 0
    with Ledger.open(db) as ledger:
        item = ledger.evidence_for("8.5")[0]
        ledger.unlink_evidence(item.id, "8.5")
        stored = ledger.evidence_path(item.sha256)
    capsys.readouterr()
    assert run(base + ["evidence", "--unlinked"]) == 0
    assert "会议纪要.pdf" in capsys.readouterr().out
    assert run(base + ["purge"]) == 1                  # no terminal to confirm on: nothing goes
    assert stored.is_file()
    assert run(base + ["purge", "--yes"]) == 0
    assert "已删除 1 份" in capsys.readouterr().out
    assert not stored.exists()
    with Ledger.open(db) as ledger:
        assert ledger.audit_log()[-1].action == "purge_evidence"
    assert run(base + ["purge"]) == 0
    assert "没有需要清理" in capsys.readouterr().out
