"""Two programs, one ledger: creating it at the same moment, reaching it through a link,
leftovers of a killed program, a mistyped command."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from models.ledger import Ledger
from tests.support import ROOT

CREATE = """
import sys
sys.path.insert(0, {root!r})
from models.errors import LedgerError
from models.ledger import Ledger
import time
start = float(sys.argv[3])
time.sleep(max(0.0, start - time.time() - 0.02))   # spin only the last moment: precise, cheap
while time.time() < start:
    pass
try:
    Ledger.create(sys.argv[1], unit=sys.argv[2], user="测试").close()
    print("created", sys.argv[2])
except LedgerError as exc:
    print("refused", exc)
"""


def test_two_inits_at_the_same_moment_never_delete_each_other(tmp_path):
    script = CREATE.format(root=str(ROOT))
    env = dict(os.environ, TASKLEDGER_DATA_DIR=str(tmp_path / "data"))
    # Three races at once, each two programs creating the same file at the same instant
    # (each program waits for a moment a second and a half away, past its start-up).
    start = time.time() + 1.5
    races = {}
    for round_no in range(3):
        path = tmp_path / f"同时{round_no}.db"
        races[path] = [subprocess.Popen([sys.executable, "-c", script, str(path), unit, str(start)],
                                        stdout=subprocess.PIPE, text=True, env=env)
                       for unit in ("洛阳市", "郑州市")]
    for path, runs in races.items():
        outs = [r.communicate(timeout=60)[0] for r in runs]
        winners = [o.split()[1] for o in outs if o.startswith("created")]
        assert len(winners) == 1, outs
        assert any(o.startswith("refused") and "已存在" in o for o in outs), outs
        with Ledger.open(path) as ledger:          # the winner's ledger is there, whole
            assert ledger.unit == winners[0] and len(ledger.measures()) > 0
        assert not list(tmp_path.glob(f".{path.name}.creating-*"))


def test_a_ledger_reached_through_a_link_keeps_its_evidence_and_lock(tmp_path, sample_file):
    from models import lock
    real = tmp_path / "真实" / "ledger.db"
    real.parent.mkdir()
    Ledger.create(real, unit="洛阳市", user="张三").close()
    link = tmp_path / "快捷方式.db"
    try:
        link.symlink_to(real)
    except OSError:
        pytest.skip("no symbolic links here")
    with Ledger.open(link) as ledger:
        ledger.attach("4.1", sample_file)
        assert ledger.verify() == []
    assert (tmp_path / "真实" / "ledger_evidence").is_dir()
    assert not (tmp_path / "快捷方式_evidence").exists()
    held = lock.acquire(real)
    try:
        with pytest.raises(lock.LedgerLocked):
            lock.acquire(link)                       # one lock however the ledger is reached
    finally:
        held.release()


def test_leftovers_of_a_killed_program_go_at_the_next_start(tmp_path, sample_file):
    from cli.main import run
    from models.backup import backups_dir
    path = tmp_path / "ledger.db"
    with Ledger.create(path, unit="洛阳市", user="张三") as ledger:
        ledger.attach("4.1", sample_file)
        store = ledger.evidence.root
    incoming = store / ".incoming-abc123"
    incoming.write_bytes(b"x" * 1000)
    staging = tmp_path / ".ledger.db.restore-xyz"
    (staging / "evidence").mkdir(parents=True)
    backups = backups_dir(path)
    backups.mkdir(parents=True)
    partial = backups / ".partial-123.zip"
    partial.write_bytes(b"PK half")
    fresh = tmp_path / ".ledger.db.creating-99-abcd"      # another program creating it now
    fresh.write_bytes(b"")
    old = tmp_path / ".ledger.db.creating-98-dcba"
    old.write_bytes(b"")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    assert run(["--db", str(path), "record", "4.1", "--status", "推进中"]) == 0
    assert not incoming.exists() and not staging.exists() and not partial.exists()
    assert not old.exists() and fresh.exists()
    with Ledger.open(path) as ledger:
        assert ledger.verify() == [] and ledger.measure("4.1").row.evidence_count == 1


@pytest.mark.parametrize("typo", ["exprot", "setings", "recrod"])
def test_an_unknown_command_is_refused_instead_of_opening_the_window(tmp_path, typo):
    env = dict(os.environ, TASKLEDGER_DATA_DIR=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "main.py", "--db", str(tmp_path / "x.db"), typo],
                            cwd=ROOT, capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith(f"错误：未知命令“{typo}”") and "Traceback" not in result.stderr
