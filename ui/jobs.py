"""Long work off the GUI thread: one helper for verify, exports and imports.

The work itself is plain Python from models/ or exports/ taking ``progress(done, total)``
and ``cancelled()``. It runs as a QRunnable on the global QThreadPool and opens its OWN
Ledger, because a SQLite connection belongs to the thread that opened it. A progress dialog
appears only if the work takes longer than ~500 ms, and its cancel button is honoured.
"""
from __future__ import annotations

import threading
import time
import traceback
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from models.errors import LedgerError


SHOW_AFTER_MS = 500


class JobSignals(QObject):
    """Crosses from the worker thread to the GUI thread (queued connections)."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class LedgerJob(QRunnable):
    """Runs ``work(ledger, progress=, cancelled=)`` on a Ledger it opens itself."""

    def __init__(self, ledger_path: Path, work: Callable[..., Any], signals: JobSignals):
        super().__init__()
        self.setAutoDelete(False)   # the Python side keeps it until the GUI has the result
        self.ledger_path = Path(ledger_path)
        self.work = work
        self.signals = signals      # owned by the GUI-side JobHandle, which outlives the run
        self.cancel_flag = threading.Event()
        self._last_progress = 0.0

    def run(self) -> None:
        from models.ledger import Ledger
        try:
            with Ledger.open(self.ledger_path) as ledger:
                result = self.work(ledger, progress=self._progress,
                                   cancelled=self.cancel_flag.is_set)
        except Exception as error:  # noqa: BLE001 — shown to the user, never a silent thread death
            if self.cancel_flag.is_set():
                # Work functions stop by raising (models.errors.Cancelled): that is a cancel.
                self.signals.cancelled.emit()
                return
            if isinstance(error, LedgerError):
                self.signals.failed.emit(str(error))
                return
            traceback.print_exc()
            self.signals.failed.emit(f"{type(error).__name__}: {error}")
            return
        if self.cancel_flag.is_set():
            self.signals.cancelled.emit()
        else:
            self.signals.succeeded.emit(result)

    def _progress(self, done: int, total: int) -> None:
        # Work functions may report per item (20,000 evidence files); the dialog needs a few
        # updates a second, not a queued event per item.
        now = time.monotonic()
        if done < total and now - self._last_progress < 0.05:
            return
        self._last_progress = now
        try:
            self.signals.progress.emit(int(done), int(total))
        except RuntimeError:
            # The window that asked for this work is gone: stop at the next check.
            self.cancel_flag.set()


_running: set["JobHandle"] = set()


class JobHandle(QObject):
    """The GUI side of one job: its progress dialog and the callbacks."""

    finished = Signal()

    def __init__(self, parent: QWidget | None, ledger_path: Path, work: Callable[..., Any],
                 label: str, on_success: Callable[[Any], None] | None,
                 on_failure: Callable[[str], None] | None,
                 on_cancel: Callable[[], None] | None):
        super().__init__(parent)
        self.signals = JobSignals(self)
        self.job = job = LedgerJob(ledger_path, work, self.signals)
        self.on_success, self.on_failure, self.on_cancel = on_success, on_failure, on_cancel
        self.done = False
        self.dialog = QProgressDialog(label, QCoreApplication.translate("Jobs", "取消"), 0, 0, parent)
        self.dialog.setWindowTitle(QCoreApplication.translate("Jobs", "请稍候"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        # We decide when it shows (after SHOW_AFTER_MS), not QProgressDialog's own estimate.
        self.dialog.setMinimumDuration(10 ** 9)
        self.dialog.canceled.connect(self.cancel)
        self.dialog.hide()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._show_dialog)
        signals = job.signals
        signals.progress.connect(self._on_progress)
        signals.succeeded.connect(self._on_success)
        signals.failed.connect(self._on_failure)
        signals.cancelled.connect(self._on_cancelled)

    def start(self) -> None:
        _running.add(self)
        self.timer.start(SHOW_AFTER_MS)
        QThreadPool.globalInstance().start(self.job)

    def cancel(self) -> None:
        self.job.cancel_flag.set()
        self.dialog.setLabelText(QCoreApplication.translate("Jobs", "正在取消…"))

    @property
    def dialog_shown(self) -> bool:
        return self.dialog.isVisible()

    def _show_dialog(self) -> None:
        if not self.done:
            self.dialog.show()

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _finish(self) -> None:
        self.done = True
        self.timer.stop()
        self.dialog.hide()
        self.dialog.deleteLater()
        _running.discard(self)
        self.finished.emit()

    def _on_success(self, result) -> None:
        self._finish()
        if self.on_success:
            self.on_success(result)

    def _on_failure(self, message: str) -> None:
        self._finish()
        if self.on_failure:
            self.on_failure(message)

    def _on_cancelled(self) -> None:
        self._finish()
        if self.on_cancel:
            self.on_cancel()


def run_job(parent: QWidget | None, ledger_path: Path, work: Callable[..., Any], *, label: str,
            on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[str], None] | None = None,
            on_cancel: Callable[[], None] | None = None) -> JobHandle:
    """Start ``work(ledger, progress=, cancelled=)`` in the thread pool; return its handle.

    ``on_success(result)``, ``on_failure(message)`` and ``on_cancel()`` run on the GUI thread.
    """
    handle = JobHandle(parent, ledger_path, work, label, on_success, on_failure, on_cancel)
    handle.start()
    return handle
