"""--version, --selftest, backup / restore / backups and the lock, from the command line."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

from cli.main import run
from models import backup, lock
from models.version import __version__
from tests.support import ROOT


@pytest.fixture
def db(tmp_path, capsys, sample_file):
    path = tmp_path / "cli.db"
    assert run(["--db", str(path), "init", "--unit", "洛阳市", "--user", "李四"]) == 0
    assert run(["--db", str(path), "record", "8.5", "--status", "推进中", "--note", "召开会议",
                "--date", "2021-06-18"]) == 0
    assert run(["--db", str(path), "attach", "8.5", str(sample_file)]) == 0
    capsys.readouterr()
    return path


def test_version_from_main_py():
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--version"],
                         capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert out.returncode == 0 and out.stdout == f"TaskLedger 任务台账 {__version__}\n"
    assert __version__ == "0.1.0"


def test_version_in_process(capsys):
    with pytest.raises(SystemExit) as done:
        run(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"TaskLedger 任务台账 {__version__}"


def _tasks(capsys, db):
    assert run(["--db", str(db), "tasks", "--json"]) == 0
    return {r["id"]: r for r in json.loads(capsys.readouterr().out)}


def test_backup_restore_round_trip(db, capsys, tmp_path):
    out_dir = tmp_path / "usb"
    assert run(["--db", str(db), "backup", "--out", str(out_dir)]) == 0
    printed = capsys.readouterr().out
    made = list(out_dir.glob("*.zip"))
    assert len(made) == 1 and str(made[0]) in printed and "佐证材料 1 份" in printed

    assert run(["--db", str(db), "record", "8.5", "--status", "已完成"]) == 0
    capsys.readouterr()
    assert _tasks(capsys, db)["8.5"]["status"] == "已完成"

    assert run(["--db", str(db), "restore", str(made[0])]) == 0
    printed = capsys.readouterr().out
    assert "已从备份恢复" in printed and "恢复前的台账已另行备份" in printed
    row = _tasks(capsys, db)["8.5"]
    assert (row["status"], row["entry_count"], row["evidence_count"]) == ("推进中", 1, 1)
    assert run(["--db", str(db), "verify"]) == 0
    capsys.readouterr()

    assert run(["--db", str(db), "backups", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [b["kind"] for b in listed] == ["before-restore"]   # the --out one lives on the USB stick
    assert run(["--db", str(db), "backups"]) == 0
    assert "恢复前" in capsys.readouterr().out


def test_restore_of_a_damaged_backup_is_refused(db, capsys, tmp_path):
    assert run(["--db", str(db), "backup"]) == 0
    good = next(backup.backups_dir(db).glob("*.zip"))
    bad = tmp_path / "bad.zip"
    bad.write_bytes(good.read_bytes()[:-200])
    before = db.read_bytes()
    capsys.readouterr()
    assert run(["--db", str(db), "restore", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and str(bad) in err and err.count("\n") == 1
    assert db.read_bytes() == before


def test_a_write_is_refused_while_another_program_has_the_ledger(db, capsys):
    good = backup.backup_ledger(db).path
    with lock.acquire(db, program="窗口"):
        assert run(["--db", str(db), "record", "8.5", "--note", "第二个程序"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("错误：") and "窗口" in err and "已被" in err
        # Reading beside the window is fine (SQLite WAL gives a consistent view).
        assert _tasks(capsys, db)["8.5"]["entry_count"] == 1
        before = db.read_bytes()
        assert run(["--db", str(db), "restore", str(good)]) == 2
        assert "已被" in capsys.readouterr().err
        assert db.read_bytes() == before
    assert run(["--db", str(db), "record", "8.5", "--note", "窗口关了以后"]) == 0
    assert not lock.lock_path_for(db).exists()


def test_backup_of_a_missing_ledger_says_so(tmp_path, capsys):
    assert run(["--db", str(tmp_path / "none.db"), "backup"]) == 2
    assert "找不到台账文件" in capsys.readouterr().err


EXPORTS_PRESENT = all(importlib.util.find_spec(m) for m in
                      ("exports.xlsx_progress", "exports.pdf_report"))


@pytest.mark.slow
@pytest.mark.skipif(not EXPORTS_PRESENT, reason="Excel/PDF export modules not there yet")
def test_selftest_passes(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--selftest"], cwd=tmp_path,
                         capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "[失败]" not in out.stdout and "自检通过" in out.stdout
    for step in ("导出 Excel", "导出 PDF", "备份与恢复", "台账锁"):
        assert f"[通过] {step}" in out.stdout
    assert list(tmp_path.iterdir()) == []   # nothing left behind


def test_selftest_fails_clearly_when_a_step_fails(monkeypatch, capsys):
    from cli import selftest

    def broken(ctx):
        raise ImportError("No module named 'exports.pdf_report'")
    monkeypatch.setattr(selftest, "STEPS", [("内置资源", selftest.step_resources),
                                            ("导出 PDF 工作情况报告", broken)])
    assert run(["--selftest"]) == 1
    out = capsys.readouterr().out
    assert "[通过] 内置资源" in out and "[失败] 导出 PDF 工作情况报告" in out
    assert "自检失败：1 项未通过" in out


def test_backups_share_evidence_unless_single_file(db, capsys, tmp_path):
    out_dir = tmp_path / "usb"
    for _ in range(2):
        assert run(["--db", str(db), "backup", "--out", str(out_dir)]) == 0
    printed = capsys.readouterr().out
    assert backup.STORE_NAME in printed and "新增 0 份" in printed       # the second adds nothing
    assert len(list(backup.store_dir(out_dir).rglob("*/*"))) == 1
    assert run(["--db", str(db), "backup", "--out", str(tmp_path / "one"), "--single-file"]) == 0
    assert "在备份文件内" in capsys.readouterr().out
    assert not backup.store_dir(tmp_path / "one").exists()
