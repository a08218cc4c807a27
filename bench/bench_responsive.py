"""Does the window keep painting while slow file work runs? (issue 10)

    python bench/bench_responsive.py [--big BIG.db] [--evidence-mb 1024] [--keep DIR]

Opens the workbench on bench/big_ledger.py's ledger (built first when --big is not given),
then, one after the other: checks a backup of it (工具 → 从备份恢复 → the check), restores it,
and attaches a file of --evidence-mb megabytes to a measure. A timer asks a label in the
status bar to repaint every 16 ms; the longest gap between two of its paints while each
operation runs is how long the window was frozen. Target: no gap over 200 ms.

Runs on the offscreen platform unless DISPLAY is set (then on that screen, e.g. Xvfb).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TICK_MS = 16
TARGET_GAP_MS = 200


def build_big(path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "bench" / "big_ledger.py"), str(path)],
                   check=True, cwd=ROOT)


def write_big_file(path: Path, megabytes: int) -> None:
    block = os.urandom(1 << 20)         # incompressible, so the copy and the hash do real work
    with open(path, "wb") as out:
        for n in range(megabytes):
            out.write(block[n % 7:] + block[:n % 7])


class PaintClock:
    """Counts paints of one widget that a timer keeps asking to repaint."""

    def __init__(self, widget):
        from PySide6.QtCore import QEvent, QObject, QTimer

        clock = self

        class Filter(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint:
                    clock.stamps.append(time.perf_counter())
                return False

        self.stamps: list[float] = []
        self.widget = widget
        self.filter = Filter()
        widget.installEventFilter(self.filter)
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(widget.update)
        self.timer.start()

    def window_of(self, start: float, end: float) -> tuple[int, float]:
        """(paints, longest gap in ms) between ``start`` and ``end``."""
        inside = [t for t in self.stamps if start <= t <= end]
        marks = [start, *inside, end]
        gaps = [b - a for a, b in zip(marks, marks[1:])]
        return len(inside), max(gaps) * 1000


def run(big: Path, folder: Path, megabytes: int) -> list[tuple[str, float, int, float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY")
                          else os.environ.get("QT_QPA_PLATFORM", "xcb"))
    os.environ["TASKLEDGER_DATA_DIR"] = str(folder / "data")
    from PySide6.QtWidgets import QMessageBox

    from models import backup, lock
    from models.ledger import Ledger
    from ui.app import make_application
    from ui.jobs import Access
    from ui.main_window import MainWindow
    from ui.session import Session

    app = make_application([])
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    QMessageBox.information = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)
    QMessageBox.warning = staticmethod(lambda p, t, m, *a, **k: print("警告：", m) or 0)

    Ledger.open(big).close()                # upgraded first: a backup of this version
    print("备份大台账…", flush=True)
    made = backup.backup_ledger(big, folder / "backups")
    evidence = folder / "扫描件.pdf"
    print(f"写 {megabytes} MB 的佐证材料文件…", flush=True)
    write_big_file(evidence, megabytes)

    session = Session(Ledger.open(big), lock=lock.acquire(big, program="基准"))
    window = MainWindow(session)
    window.resize(1366, 768)
    window.show()
    deadline = time.monotonic() + 30
    while window.panel.code is None and time.monotonic() < deadline:
        app.processEvents()
    clock = PaintClock(window.saved_label)
    results = []

    def measure(name: str, start_job) -> None:
        for _ in range(20):                       # a settled window first
            app.processEvents()
            time.sleep(TICK_MS / 1000)
        start = time.perf_counter()
        handle = start_job()
        while not handle.done:
            app.processEvents()
            time.sleep(0.002)
        end = time.perf_counter()
        paints, gap = clock.window_of(start, end)
        results.append((name, end - start, paints, gap))
        print(f"{name}: {end - start:.1f} s, {paints} 次重绘, 最长停顿 {gap:.0f} ms", flush=True)

    checked = {}
    measure("检查备份", lambda: window.start_job(
        lambda progress, cancelled: checked.setdefault("info", backup.check_backup(
            made.path, progress=progress, cancelled=cancelled)),
        "检查备份", access=Access.NONE))
    measure("恢复备份", lambda: window.backups.confirm_and_restore(made.path, checked["info"]))
    window.open_measure(window.model.code_at(0))
    measure(f"添加 {megabytes} MB 佐证材料", lambda: window.panel.attach_files([evidence]))
    window.close()
    session.close()
    app.quit()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", type=Path)
    parser.add_argument("--evidence-mb", type=int, default=1024)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="taskledger-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        big = folder / "big.db"
        if args.big:
            # Work on a copy: a restore and an attach change the ledger.
            ledger = copy_ledger(args.big, big)
        else:
            print("建大台账（约半分钟）…", flush=True)
            build_big(big)
            ledger = big
        results = run(ledger, folder, args.evidence_mb)
    worst = max(gap for *_, gap in results)
    print(f"最长停顿 {worst:.0f} ms（目标 ≤ {TARGET_GAP_MS} ms）："
          + ("达标" if worst <= TARGET_GAP_MS else "未达标"))
    return 0 if worst <= TARGET_GAP_MS else 1


def copy_ledger(source: Path, dest: Path) -> Path:
    """A consistent copy of a ledger file and its evidence folder."""
    import shutil

    from models.db import backup_copy, connect
    from models.evidence_store import evidence_dir_for
    db = connect(source)
    try:
        backup_copy(db, dest)
    finally:
        db.conn.close()
    if evidence_dir_for(source).is_dir():
        shutil.copytree(evidence_dir_for(source), evidence_dir_for(dest))
    return dest


if __name__ == "__main__":
    sys.exit(main())
