"""A full disk, a read-only medium and a damaged database page: each is told for what it is,
in one line, and the ledger is left as it was. The small file systems are real tmpfs mounts
where the machine allows it (root on Linux); elsewhere those tests are skipped."""
from __future__ import annotations

import contextlib
import shutil
import sqlite3
import subprocess
import sys

import pytest

from cli.main import run
from models.errors import DamagedLedger, DiskFull, LedgerNotWritable
from models.ledger import Ledger


@contextlib.contextmanager
def small_disk(folder, size="600k"):
    folder.mkdir(parents=True, exist_ok=True)
    if not sys.platform.startswith("linux") or shutil.which("mount") is None:
        pytest.skip("needs Linux mount")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True)
    if done.returncode:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def damage_an_index_page(path) -> None:
    """Swap two cell pointers of an index leaf: its keys go out of order, which only SQLite's
    integrity check notices (reads keep working, so nothing else would)."""
    con = sqlite3.connect(path)
    size, count = (con.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_size", "page_count"))
    con.close()
    data = bytearray(path.read_bytes())
    for page in range(2, count + 1):
        off = (page - 1) * size
        cells = int.from_bytes(data[off + 3:off + 5], "big")
        if data[off] == 0x0A and cells > 10:
            a, b = off + 8, off + 8 + 2 * (cells - 1)
            data[a:a + 2], data[b:b + 2] = data[b:b + 2], data[a:a + 2]
            path.write_bytes(bytes(data))
            return
    raise AssertionError("no index leaf page to damage")


def test_a_damaged_page_fails_verify(ledger_path, capsys):
    Ledger.create(ledger_path, unit="洛阳市", user="张三").close()
    assert run(["--db", str(ledger_path), "verify"]) == 0
    capsys.readouterr()
    damage_an_index_page(ledger_path)
    assert run(["--db", str(ledger_path), "verify"]) == 1
    out = capsys.readouterr().out
    assert "台账数据库已损坏" in out and "restore" in out
    with Ledger.open(ledger_path) as ledger:
        assert ledger.integrity_problems()


def test_a_full_disk_at_commit_is_told_as_such_and_nothing_is_kept(ledger_path):
    with Ledger.create(ledger_path, unit="洛阳市", user="张三") as ledger:
        pages = ledger.db.execute("PRAGMA page_count").fetchone()[0]
        # SQLite's own "database or disk is full" at the size the file has now.
        ledger.db.execute(f"PRAGMA max_page_count = {pages + 1}")
        with pytest.raises(DiskFull, match="磁盘已满"):
            ledger.record("4.1", note="很长的进展" * 3000, status="推进中")
        ledger.db.execute("PRAGMA max_page_count = 1073741823")
        assert ledger.measure("4.1").entries == [] and ledger.measure("4.1").row.status == "未启动"
        ledger.record("4.1", status="推进中")        # and the ledger still works
        assert ledger.measure("4.1").row.status == "推进中"


def test_a_real_full_disk(tmp_path, sample_file, capsys):
    with small_disk(tmp_path / "小U盘", size="2m") as disk:
        path = disk / "ledger.db"
        assert run(["--db", str(path), "init", "--unit", "洛阳市", "--user", "张三"]) == 0
        big = tmp_path / "大文件.pdf"
        big.write_bytes(b"%PDF" + b"\0" * 4_000_000)
        capsys.readouterr()
        assert run(["--db", str(path), "attach", "4.1", str(big)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("错误：") and "Traceback" not in err and "损坏" not in err
        assert not list((disk / "ledger_evidence").rglob(".incoming-*"))
        assert run(["--db", str(path), "verify"]) == 0          # healthy, not "damaged"


def test_a_read_only_medium_is_not_called_damaged(tmp_path, capsys):
    with small_disk(tmp_path / "光盘", size="2m") as disk:
        path = disk / "ledger.db"
        Ledger.create(path, unit="洛阳市", user="张三").close()
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        capsys.readouterr()
        code = run(["--db", str(path), "record", "4.1", "--status", "推进中"])
        err = capsys.readouterr().err
        assert code == 2 and "Traceback" not in err
        assert ("只读" in err or "无法写入" in err or "无法创建" in err) and "损坏" not in err


def test_a_read_only_ledger_refuses_writes_in_one_line(ledger_path):
    Ledger.create(ledger_path, unit="洛阳市", user="张三").close()
    con = sqlite3.connect(f"{ledger_path.resolve().as_uri()}?mode=ro", uri=True,
                          isolation_level=None)
    import sqlite_utils
    ledger = Ledger(ledger_path, sqlite_utils.Database(con))
    with pytest.raises(LedgerNotWritable, match="只读"):
        ledger.record("4.1", status="推进中")
    con.close()


def test_damage_is_told_apart_from_a_disk_problem():
    from models.db import explain_error
    assert isinstance(explain_error(sqlite3.DatabaseError("database disk image is malformed")),
                      DamagedLedger)
    assert isinstance(explain_error(sqlite3.OperationalError("database or disk is full")),
                      DiskFull)
    assert isinstance(explain_error(OSError(30, "Read-only file system", "x.zip")),
                      LedgerNotWritable)


def test_a_package_imported_onto_a_full_disk_is_not_called_damaged(tmp_path, capsys):
    """The provincial ledger's disk fills while a package's evidence is unpacked: the
    message says the disk is full, not that the unit's package is broken."""
    from models.province.recording import create_province_ledger
    from models.plan.definition import load_builtin_plan
    city = tmp_path / "city.db"
    with Ledger.create(city, unit="洛阳市", user="张三") as ledger:
        for n in range(3):
            scan = tmp_path / f"扫描{n}.pdf"
            scan.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 4000 * (n + 1))
            ledger.attach("4.1", scan)
    from exports.package import write_package
    (tmp_path / "out").mkdir()
    with Ledger.open(city) as ledger:
        package = write_package(ledger, tmp_path / "out")
    with small_disk(tmp_path / "省局盘", size="1200k") as disk:
        province = disk / "全省.db"
        create_province_ledger(province, user="王五", plan=load_builtin_plan()).close()
        capsys.readouterr()
        code = run(["--db", str(province), "import-package", str(package)])
        out = capsys.readouterr()
        text = out.out + out.err
        assert code != 0 and "Traceback" not in text
        assert "磁盘已满" in text and "已损坏" not in text
