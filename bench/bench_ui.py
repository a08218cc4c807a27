"""Time the workbench: start-up to a painted, populated window; filters; search; opening a
measure; peak memory. Each start-up is a fresh process, measured beside an empty PySide6
window's start-up in the same run.

    python bench/bench_ui.py [--big BIG.db] [--runs 5] [--keep DIR]

Without --big the big ledger is built first with bench/big_ledger.py (about half a minute).
Targets (issue 15): start-up ≤ 2× the empty window on the 2021 ledger, ≤ 2.5× on the big one;
a filter or search ≤ 100 ms on the big ledger; memory under 300 MB. Both windows open on the
same offscreen 1920×1080 screen, at the same size (1400×860).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEATS = 5
sys.path.insert(0, str(ROOT))

EMPTY_WINDOW = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("空窗口"))
window.resize(1400, 860)
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: (print("painted", flush=True), app.quit()))
            window.centralWidget().removeEventFilter(self)
        return False
watch = Watch()
window.centralWidget().installEventFilter(watch)
window.show()
app.exec()
"""


SCREEN = {"screens": [{"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080,
                      "logicalDpi": 96, "dpr": 1}]}


def child_env() -> dict:
    env = dict(os.environ)
    # An installed or frozen program runs from bytecode; this machine's shell may forbid
    # writing it (PYTHONDONTWRITEBYTECODE), which would time the compiler, not the program.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if "QT_QPA_PLATFORM" not in env:
        # One screen for both windows, big enough that neither is shrunk to fit it.
        config = Path(tempfile.gettempdir()) / "taskledger-bench-screen.json"
        config.write_text(json.dumps(SCREEN))
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env.setdefault("TASKLEDGER_TODAY", "2021-10-15")
    return env


def time_start(cmd: list[str], env: dict) -> tuple[float, float]:
    """Seconds from spawning ``cmd`` to its "painted" line, and its peak RSS in MB."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    elapsed = None
    for line in proc.stdout:
        if line.startswith("painted") and elapsed is None:
            elapsed = time.perf_counter() - started
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if elapsed is None or proc.returncode != 0:
        raise SystemExit(f"start-up run failed ({proc.returncode}): {' '.join(cmd)}")
    return elapsed, usage.ru_maxrss / 1024


def startups(commands: list[tuple[str, list[str]]], runs: int) -> list[dict]:
    """Start each command ``runs`` times, interleaved, so a busy moment on the machine hits
    the empty window and TaskLedger alike."""
    env = child_env()
    env["TASKLEDGER_EXIT_WHEN_PAINTED"] = "1"
    env["HOME"] = tempfile.mkdtemp(prefix="bench-home-")      # no saved window state
    times = {label: [] for label, _ in commands}
    rss = {label: [] for label, _ in commands}
    for _label, cmd in commands:
        time_start(cmd, env)                                   # warm the file cache
    for _ in range(runs):
        for label, cmd in commands:
            t, m = time_start(cmd, env)
            times[label].append(t)
            rss[label].append(m)
    return [{"label": label, "median_s": statistics.median(times[label]),
             "min_s": min(times[label]), "max_rss_mb": max(rss[label])}
            for label, _ in commands]


def interact(db: str) -> dict:
    """In this process: open the window on ``db``, time filters, search and opening."""
    import resource

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from models.deadlines import DUE_SOON, LATE
    from models.ledger import Ledger
    from ui.app import make_application
    from ui.main_window import MainWindow
    from ui.session import Session
    app = make_application([])
    window = MainWindow(Session(Ledger.open(db)))
    window.show()
    app.processEvents()

    def timed(action) -> float:
        start = time.perf_counter()
        action()
        window.table.viewport().repaint()       # the answer counts once it is on screen
        app.processEvents()
        return (time.perf_counter() - start) * 1000

    def median_of(action, reset, times: int = REPEATS) -> float:
        """Median of ``times`` runs of ``action``, each from the state ``reset`` makes."""
        samples = []
        for _ in range(times):
            reset()
            app.processEvents()
            samples.append(timed(action))
        return statistics.median(samples)

    def choose(combo, data):
        return lambda: combo.setCurrentIndex(combo.findData(data))

    clear = window.clear_filters

    def with_today(day):
        def reset():
            clear()
            os.environ["TASKLEDGER_TODAY"] = day
        return reset

    results = {}
    results["filter 状态=推进中"] = median_of(choose(window.status_combo, "推进中"), clear)
    results["filter 部分"] = median_of(choose(window.section_combo,
                                            window.section_combo.itemData(3)), clear)
    results["filter 责任范围=相关地市"] = median_of(choose(window.scope_combo, "relevant"), clear)
    # Dates that make the current plan's deadline (11-30 of its year) past, then near.
    year = window.plan.year
    results["filter 逾期"] = median_of(choose(window.deadline_combo, LATE),
                                     with_today(f"{year}-12-05"))
    results["filter 临期"] = median_of(choose(window.deadline_combo, DUE_SOON),
                                     with_today(f"{year}-11-25"))
    os.environ["TASKLEDGER_TODAY"] = child_env()["TASKLEDGER_TODAY"]
    results["filter 已完成无佐证"] = median_of(lambda: window.no_evidence_check.setChecked(True),
                                          clear)
    results["filter 30天未更新"] = median_of(lambda: window.stale_check.setChecked(True), clear)
    # 序时进度 lights are judged per row (dates, milestones, thresholds): the costliest filter
    results["filter 红灯"] = median_of(choose(window.light_combo, "red"), clear)
    results["sort 进度/序时"] = median_of(
        lambda: window.table.sortByColumn(9, Qt.SortOrder.AscendingOrder),
        lambda: window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder))
    results["sort 最近更新"] = median_of(
        lambda: window.table.sortByColumn(5, Qt.SortOrder.DescendingOrder),
        lambda: window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder))
    clear()
    for text in ("质押融资", "召开专题推进会", "专利", "佐证19999", "没有这个词的内容"):
        def search(text=text):
            window.search_edit.setText(text)
            window.apply_filter()
        results[f"search “{text}”"] = median_of(search, clear)
        results[f"  rows for “{text}”"] = window.model.rowCount()
    clear()
    rows = window.model.rowCount()
    results["open a measure"] = median_of(
        lambda: window.table.selectRow(rows // 2),
        lambda: window.table.selectRow(0))
    results["dashboard (summarize + draw)"] = timed(
        lambda: window.tabs.setCurrentWidget(window.dashboard))
    results["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close()
    window.session.close()
    QApplication.processEvents()
    return results


def small_ledger(path: Path) -> Path:
    """The 2021 ledger with a little real-looking work in it."""
    from models.ledger import Ledger
    with Ledger.create(path, unit="洛阳市", user="基准测试") as ledger:
        for i, row in enumerate(ledger.measures()):
            if row.scope == "relevant":
                continue
            ledger.record(row.code, status=("已完成", "推进中", "未启动")[i % 3],
                          note="召开专题推进会，印发工作方案。", date="2021-09-01")
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--big", type=Path, help="a ledger built by bench/big_ledger.py")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="folder for the generated ledgers")
    parser.add_argument("--startup-only", action="store_true", help="skip the interactions")
    parser.add_argument("--interact", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.interact:
        os.environ.update({k: v for k, v in child_env().items() if k not in os.environ})
        print(json.dumps(interact(args.interact), ensure_ascii=False), flush=True)
        # Skip interpreter teardown: PySide6 can crash while finalising, after the figures.
        os._exit(0)

    work = args.keep or Path(tempfile.mkdtemp(prefix="taskledger-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("TASKLEDGER_TODAY", "2021-10-15")
    small = work / "ledger-2021.db"
    if not small.exists():
        small_ledger(small)
    big = args.big or work / "big.db"
    if not big.exists():
        print(f"building {big} …", flush=True)
        subprocess.run([sys.executable, str(ROOT / "bench" / "big_ledger.py"), str(big)],
                       check=True, env=child_env())

    py = sys.executable
    subprocess.run([py, "-m", "compileall", "-q", *(str(ROOT / d) for d in
                                                 ("main.py", "cli", "models", "ui", "exports"))],
                   env=child_env(), check=False)
    rows = startups([("empty PySide6 window", [py, "-c", EMPTY_WINDOW]),
                     ("TaskLedger, 2021 ledger", [py, str(ROOT / "main.py"), "--db", str(small)]),
                     ("TaskLedger, big ledger", [py, str(ROOT / "main.py"), "--db", str(big)])],
                    args.runs)
    base, base_min = rows[0]["median_s"], rows[0]["min_s"]
    print(f"\nStart-up to a painted, populated window ({args.runs} interleaved runs, offscreen):")
    print(f"  {'':<26} {'median':>9} {'ratio':>6}   {'fastest':>9} {'ratio':>6}   peak RSS")
    for row in rows:
        print(f"  {row['label']:<26} {row['median_s'] * 1000:6.0f} ms  ×{row['median_s'] / base:4.2f}"
              f"   {row['min_s'] * 1000:6.0f} ms  ×{row['min_s'] / base_min:4.2f}"
              f"   {row['max_rss_mb']:5.0f} MB")
    print("  targets: 2021 ≤ ×2.00, big ≤ ×2.50")

    for label, db in (() if args.startup_only else (("2021 ledger", small), ("big ledger", big))):
        out = subprocess.run([py, str(Path(__file__).resolve()), "--interact", str(db)],
                             cwd=ROOT, env=child_env(), capture_output=True, text=True, check=True)
        results = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"\nInteractions on the {label} (ms until repainted, median of {REPEATS}):")
        for key, value in results.items():
            if key == "max_rss_mb":
                print(f"  peak RSS of this session: {value:.0f} MB (target < 300 MB)")
            elif key.startswith("  rows"):
                print(f"    {key.strip()}: {value}")
            else:
                print(f"  {key:<32} {value:7.1f}")
    print(f"\nledgers in {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
