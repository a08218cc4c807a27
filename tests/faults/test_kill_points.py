"""kill -9 at random moments: no torn state, no lost acknowledged write, and what the killed
program left behind is cleared at the next start. (The adversarial run behind issue 17 did
550 such kills; this keeps a quick sample of them in every test run.)"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from cli.main import run
from models.ledger import Ledger
from tests.support import ROOT

pytestmark = pytest.mark.skipif(os.name != "posix", reason="kill -9 is POSIX")

WRITER = """
import sys, time
sys.path.insert(0, {root!r})
from models.ledger import Ledger
ledger = Ledger.open(sys.argv[1])
codes = [row.code for row in ledger.measures()][:10]
n = int(sys.argv[2])
while True:
    code = codes[n % len(codes)]
    ledger.record(code, note=f"第{{n}}条进展", date="2021-06-01", status="推进中")
    print(n, code, flush=True)        # acknowledged: committed before this line is written
    n += 1
"""

ATTACHER = """
import sys
sys.path.insert(0, {root!r})
from models.ledger import Ledger
ledger = Ledger.open(sys.argv[1])
ledger.attach("4.1", sys.argv[2], large_ok=True)
print("attached", flush=True)
"""


def _kill_after(proc, seconds: float) -> str:
    time.sleep(seconds)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=30)
    return out


def test_a_writer_killed_at_random_moments_loses_nothing_it_acknowledged(tmp_path):
    path = tmp_path / "ledger.db"
    Ledger.create(path, unit="洛阳市", user="张三").close()
    script = WRITER.format(root=str(ROOT))
    rng = random.Random(17)
    acknowledged: dict[int, str] = {}
    next_n = 0
    for _ in range(5):
        proc = subprocess.Popen([sys.executable, "-c", script, str(path), str(next_n)],
                                stdout=subprocess.PIPE, text=True)
        first = proc.stdout.readline()           # writing has begun: kill at a random moment of it
        out = first + _kill_after(proc, rng.uniform(0.05, 0.6))
        # A line cut off by the kill (no newline yet) was never acknowledged.
        for line in out.split("\n")[:-1]:
            n, code = line.split()
            acknowledged[int(n)] = code
        next_n = max(acknowledged, default=-1) + 1 + 1000     # fresh numbers each round
        with Ledger.open(path) as ledger:
            assert ledger.integrity_problems() == []
            texts = {(e.measure_code, e.text) for code in set(acknowledged.values())
                     for e in ledger.measure(code).entries}
        missing = [n for n, code in acknowledged.items() if (code, f"第{n}条进展") not in texts]
        assert not missing, f"acknowledged but lost: {missing[:5]}"
    assert len(acknowledged) > 20


def test_an_attach_killed_halfway_leaves_no_row_and_its_leftover_goes(tmp_path):
    path = tmp_path / "ledger.db"
    Ledger.create(path, unit="洛阳市", user="张三").close()
    big = tmp_path / "扫描件.pdf"
    with open(big, "wb") as out:
        for _ in range(120):
            out.write(os.urandom(1 << 20))          # 120 MiB: the copy takes a while
    script = ATTACHER.format(root=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", script, str(path), str(big)],
                            stdout=subprocess.PIPE, text=True)
    store = tmp_path / "ledger_evidence"
    deadline = time.time() + 30
    while time.time() < deadline and not list(store.glob(".incoming-*")):
        time.sleep(0.02)                            # kill it while it copies
    assert list(store.glob(".incoming-*")), "the copy never started"
    out = _kill_after(proc, 0.1)
    assert "attached" not in out
    with Ledger.open(path) as ledger:
        assert ledger.measure("4.1").row.evidence_count == 0
        assert ledger.integrity_problems() == [] and ledger.verify() == []
    assert run(["--db", str(path), "record", "4.1", "--status", "推进中"]) == 0
    assert not list(store.glob(".incoming-*"))      # cleared at the next start
