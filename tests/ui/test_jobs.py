"""Background work: own connection per worker, late progress dialog, working cancel."""
from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt

from models.ledger import Ledger


@pytest.fixture
def with_evidence(ledger_path, tmp_path):
    with Ledger.create(ledger_path, unit="洛阳市", user="张三") as ledger:
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
    Ledger.create(ledger_path, unit="洛阳市", user="张三").close()
    ledger = Ledger.open(ledger_path)
    seen = {}

    def work(job_ledger, progress, cancelled):
        seen["thread"] = threading.get_ident()
        seen["same"] = job_ledger is ledger or job_ledger.db.conn is ledger.db.conn
        return job_ledger.unit

    results = []
    handle = run_job(None, ledger.path, work, label="测试", on_success=results.append,
                     on_failure=results.append)
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

    Ledger.create(ledger_path, unit="洛阳市", user="张三").close()
    outcome = []
    handle = run_job(None, ledger_path, work, label="长时间工作",
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

    Ledger.create(ledger_path, unit="洛阳市", user="张三").close()
    failures = []
    handle = run_job(None, ledger_path, work, label="x", on_failure=failures.append)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert failures == ["模拟：导出失败"]


@pytest.mark.parametrize("kind, name", [("xlsx", "进展表.xlsx"), ("work_pdf", "工作报告.pdf"),
                                        ("status_pdf", "进度报告.pdf")])
def test_export_actions_write_their_files(kind, name, ledger_path, tmp_path, open_window, qtbot,
                                          messages, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from ui.main_window import EXPORTS
    pytest.importorskip(EXPORTS[kind][0])
    with Ledger.create(ledger_path, unit="洛阳市", user="张三") as ledger:
        ledger.record("1.2", status="已完成", note="印发配套文件", date="2021-09-01")
    window = open_window(ledger_path)
    out = tmp_path / "导出" / name
    out.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    offered = []
    monkeypatch.setattr(type(window), "_offer_open", lambda self, path: offered.append(path))
    handle = window.export(kind)
    with qtbot.waitSignal(handle.finished, timeout=120000):
        pass
    assert not messages, messages
    assert offered == [out]
    if kind == "xlsx":
        from openpyxl import load_workbook
        sheet = load_workbook(out).worksheets[0]
        cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
        assert any("印发配套文件" in c for c in cells)
    else:
        from pypdf import PdfReader
        reader = PdfReader(out)
        assert len(reader.pages) >= 1
        text = "".join(page.extract_text() or "" for page in reader.pages)
        assert "洛阳市" in text
