"""Background work: own connection per worker, late progress dialog, working cancel."""
from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt

from models.ledger import Ledger
from tests.support import fresh_ledger


@pytest.fixture
def with_evidence(ledger_path, tmp_path):
    with fresh_ledger(ledger_path) as ledger:
        for n in range(3):
            f = tmp_path / f"材料{n}.pdf"
            f.write_bytes(f"%PDF-1.4 {n}".encode())
            ledger.attach("1.2", f)
        tampered = ledger.evidence_for("1.2")[1]
        ledger.evidence_path(tampered.sha256).write_bytes(b"changed")
    return ledger_path


def test_verify_action_runs_in_the_pool_and_reports(with_evidence, open_window, qtbot, messages):
    window = open_window(with_evidence)
    handle = window.verify_evidence()
    with qtbot.waitSignal(handle.finished, timeout=10000):
        pass
    kind, title, text = messages[-1]
    assert kind == "warning" and "已校验 3 个佐证材料，发现 1 个问题" in text
    assert "材料1.pdf" in text and "内容已被改动" in text


def test_worker_uses_its_own_connection(ledger_path, qtbot):
    from ui.jobs import run_job
    fresh_ledger(ledger_path).close()
    ledger = Ledger.open(ledger_path)
    seen = {}

    def work(job_ledger, progress, cancelled):
        seen["thread"] = threading.get_ident()
        seen["same"] = job_ledger is ledger or job_ledger.db.conn is ledger.db.conn
        return job_ledger.unit

    results = []
    handle = run_job(None, work, ledger_path=ledger.path, label="测试",
                     on_success=results.append, on_failure=results.append)
    with qtbot.waitSignal(handle.finished, timeout=10000):
        pass
    assert results == ["洛阳市"]
    assert seen["thread"] != threading.get_ident() and seen["same"] is False
    ledger.close()


def test_progress_dialog_appears_late_and_cancel_stops_the_work(ledger_path, qtbot):
    from ui.jobs import SHOW_AFTER_MS, run_job
    steps = []

    def work(job_ledger, progress, cancelled):
        for step in range(1000):
            if cancelled():
                return "stopped"
            steps.append(step)
            progress(step, 1000)
            time.sleep(0.01)
        return "finished"

    fresh_ledger(ledger_path).close()
    outcome = []
    handle = run_job(None, work, ledger_path=ledger_path, label="长时间工作",
                     on_success=lambda r: outcome.append(("success", r)),
                     on_cancel=lambda: outcome.append(("cancelled",)))
    qtbot.wait(SHOW_AFTER_MS // 3)
    assert not handle.dialog_shown                  # short work never flashes a dialog
    qtbot.waitUntil(lambda: handle.dialog_shown, timeout=3000)
    from PySide6.QtWidgets import QPushButton
    cancel_button = handle.dialog.findChild(QPushButton)
    assert cancel_button.text() == "取消"
    qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert outcome == [("cancelled",)]
    assert len(steps) < 1000


def test_failure_in_a_job_is_reported_not_raised(ledger_path, qtbot):
    from models.errors import InvalidInput
    from ui.jobs import run_job

    def work(job_ledger, progress, cancelled):
        raise InvalidInput("模拟：导出失败")

    fresh_ledger(ledger_path).close()
    failures = []
    handle = run_job(None, work, ledger_path=ledger_path, label="x", on_failure=failures.append)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert failures == ["模拟：导出失败"]


@pytest.mark.parametrize("kind, name", [("completion_table", "完成情况表.xlsx"),
                                        ("work_report", "工作情况报告.pdf"),
                                        ("status_report", "进度报告.pdf")])
def test_export_actions_write_their_files(kind, name, ledger_path, tmp_path, open_window, qtbot,
                                          messages, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from exports.documents import DOCUMENTS
    pytest.importorskip(DOCUMENTS[kind].module)
    with fresh_ledger(ledger_path) as ledger:
        ledger.record("1.2", status="已完成", note="印发配套文件", date="2021-09-01")
    window = open_window(ledger_path)
    out = tmp_path / "导出" / name
    out.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    offered = []
    monkeypatch.setattr(type(window), "offer_open", lambda self, path: offered.append(path))
    handle = window.exports.export(kind)
    with qtbot.waitSignal(handle.finished, timeout=120000):
        pass
    assert not messages, messages
    assert offered == [out]
    if kind == "completion_table":
        from openpyxl import load_workbook
        sheet = load_workbook(out).worksheets[0]
        cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
        assert any("印发配套文件" in c for c in cells)
    else:
        from tests.exports.pdf_support import page_texts
        assert "洛阳市" in "".join(page_texts(out))


def test_read_jobs_see_one_snapshot_while_the_window_writes(ledger_path, qtbot):
    """A READ job reads inside one transaction: a write committed meanwhile by another
    connection (the window) is not seen halfway through the work."""
    from ui.jobs import Access, run_job
    fresh_ledger(ledger_path).close()
    window_ledger = Ledger.open(ledger_path)
    started, release = threading.Event(), threading.Event()

    def work(job_ledger, progress, cancelled):
        before = job_ledger.measure("1.2").row.status
        started.set()
        release.wait(10)
        return before, job_ledger.measure("1.2").row.status

    results = []
    handle = run_job(None, work, ledger_path=ledger_path, label="快照", access=Access.READ,
                     on_success=results.append)
    assert started.wait(10)
    window_ledger.record("1.2", status="已完成")       # committed while the job reads
    release.set()
    with qtbot.waitSignal(handle.finished, timeout=10000):
        pass
    assert results == [("未启动", "未启动")]
    assert Ledger.open(ledger_path).measure("1.2").row.status == "已完成"
    window_ledger.close()


def test_write_jobs_report_their_changes_even_when_they_fail(ledger_path, qtbot):
    from models.errors import InvalidInput
    from ui.jobs import Access, run_job
    fresh_ledger(ledger_path).close()

    def work(job_ledger, progress, cancelled):
        job_ledger.record("2.1", status="推进中")
        raise InvalidInput("模拟：第二步被拒绝")

    reported, failures = [], []
    handle = run_job(None, work, ledger_path=ledger_path, label="写入", access=Access.WRITE,
                     on_changes=reported.append, on_failure=failures.append)
    with qtbot.waitSignal(handle.finished, timeout=10000):
        pass
    assert failures == ["模拟：第二步被拒绝"]
    assert reported and "2.1" in reported[0].measures


def test_a_job_without_a_ledger_gets_no_ledger_and_big_progress_is_scaled(qtbot):
    from ui.jobs import Access, run_job
    calls = []

    def work(progress, cancelled):
        calls.append("ran")
        progress(3 * 2 ** 30, 4 * 2 ** 30)          # bytes of a 4 GB file: beyond a C int
        time.sleep(0.1)
        return "ok"

    results = []
    handle = run_job(None, work, label="无台账", access=Access.NONE, on_success=results.append)
    with qtbot.waitSignal(handle.finished, timeout=10000):
        pass
    assert results == ["ok"] and calls == ["ran"]
    assert handle.last_progress == (3 * 2 ** 30, 4 * 2 ** 30)
