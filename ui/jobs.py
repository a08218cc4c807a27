"""Long work off the GUI thread: one helper for every slow operation.

The work itself is plain Python from models/ or exports/ taking ``progress(done, total)`` and
``cancelled()``. It runs as a QRunnable on the global QThreadPool. What it gets depends on
what it needs of the ledger (:class:`Access`):

- ``NONE``: nothing — ``work(progress=, cancelled=)`` (reading a task list, checking a backup,
  copying a file out);
- ``READ``: its OWN Ledger (a SQLite connection belongs to the thread that opened it), read
  inside one read transaction so an edit made meanwhile in the window never lands halfway
  through a package — ``work(ledger, progress=, cancelled=)``;
- ``WRITE``: its own Ledger, writing; what the writes touched (models.changes.Changes)
  reaches the views whatever the outcome, a cancelled or failed import included;
- ``CLOSED``: the ledger file with the window's connection closed (restoring a backup) —
  ``work(ledger_path, progress=, cancelled=)``; the host suspends and resumes its session.

A progress dialog appears only if the work takes longer than ~500 ms (at once for CLOSED
work, while the window has no ledger), and its cancel button is honoured.
"""
from __future__ import annotations

import enum
import threading
import time
import traceback
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget

from models.changes import Changes
from models.errors import Cancelled, LedgerError

SHOW_AFTER_MS = 500
_DIALOG_MAX = 1_000_000          # QProgressDialog counts in int: bytes of big files are scaled


class Access(enum.Enum):
    """What a job needs of the ledger (see the module docstring)."""
    NONE = "none"
    READ = "read"
    WRITE = "write"
    CLOSED = "closed"


class JobSignals(QObject):
    """Crosses from the worker thread to the GUI thread (queued connections)."""

    progress = Signal(object, object)
    succeeded = Signal(object, object)      # result, Changes
    failed = Signal(str, object)            # message, Changes
    cancelled = Signal(object)              # Changes


class LedgerJob(QRunnable):
    """Runs ``work`` with what ``access`` gives it (see :class:`Access`)."""

    def __init__(self, work: Callable[..., Any], signals: JobSignals, *,
                 ledger_path: Path | None, access: Access):
        super().__init__()
        self.setAutoDelete(False)   # the Python side keeps it until the GUI has the result
        self.ledger_path = Path(ledger_path) if ledger_path is not None else None
        self.access = access
        self.work = work
        self.signals = signals      # owned by the GUI-side JobHandle, which outlives the run
        self.cancel_flag = threading.Event()
        self._last_progress = 0.0

    def run(self) -> None:
        changes = Changes()
        try:
            result = self._call(changes)
        except Exception as error:  # noqa: BLE001 — shown to the user, never a silent thread death
            if self.cancel_flag.is_set() or isinstance(error, Cancelled):
                # Work functions stop by raising Cancelled: that is a cancel, not a failure.
                self.signals.cancelled.emit(changes)
                return
            if not isinstance(error, LedgerError):
                traceback.print_exc()
            from .session import error_text
            self.signals.failed.emit(error_text(error), changes)
            return
        if self.cancel_flag.is_set():
            self.signals.cancelled.emit(changes)
        else:
            self.signals.succeeded.emit(result, changes)

    def _call(self, changes: Changes):
        options = {"progress": self._progress, "cancelled": self.cancel_flag.is_set}
        if self.access is Access.NONE:
            return self.work(**options)
        if self.access is Access.CLOSED:
            return self.work(self.ledger_path, **options)
        from models.ledger import Ledger
        with Ledger.open(self.ledger_path) as ledger:
            try:
                if self.access is Access.READ:
                    with ledger.snapshot():
                        return self.work(ledger, **options)
                return self.work(ledger, **options)
            finally:
                changes.merge(ledger.take_changes())

    def _progress(self, done: int, total: int) -> None:
        # Work functions may report per item (20,000 evidence files) or per buffer; the
        # dialog needs a few updates a second, not a queued event per item.
        now = time.monotonic()
        if done < total and now - self._last_progress < 0.05:
            return
        self._last_progress = now
        try:
            self.signals.progress.emit(done, total)
        except RuntimeError:
            # The window that asked for this work is gone: stop at the next check.
            self.cancel_flag.set()


_running: set["JobHandle"] = set()


class JobHandle(QObject):
    """The GUI side of one job: its progress dialog and the callbacks."""

    finished = Signal()

    def __init__(self, parent: QWidget | None, job_work: Callable[..., Any], label: str, *,
                 ledger_path: Path | None, access: Access,
                 on_success: Callable[[Any], None] | None,
                 on_failure: Callable[[str], None] | None,
                 on_cancel: Callable[[], None] | None,
                 on_changes: Callable[[Changes], None] | None):
        from PySide6.QtWidgets import QProgressDialog
        super().__init__(parent)
        self.signals = JobSignals(self)
        self.job = LedgerJob(job_work, self.signals, ledger_path=ledger_path, access=access)
        self.access = access
        self.on_success, self.on_failure, self.on_cancel = on_success, on_failure, on_cancel
        self.on_changes = on_changes
        self.done = False
        self.last_progress: tuple[int, int] | None = None
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
        self.signals.progress.connect(self._on_progress)
        self.signals.succeeded.connect(self._on_success)
        self.signals.failed.connect(self._on_failure)
        self.signals.cancelled.connect(self._on_cancelled)

    def start(self) -> None:
        _running.add(self)
        if self.access is Access.CLOSED:
            self._show_dialog()         # the window has no ledger meanwhile: say why at once
        else:
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
        self.last_progress = (done, total)
        if total > 0:
            scale = max(1, -(-total // _DIALOG_MAX))
            self.dialog.setMaximum(total // scale)
            self.dialog.setValue(min(done, total) // scale)

    def _finish(self, changes: Changes) -> None:
        self.done = True
        self.timer.stop()
        self.dialog.hide()
        self.dialog.deleteLater()
        _running.discard(self)
        if self.on_changes:
            self.on_changes(changes)
        self.finished.emit()

    def _on_success(self, result, changes) -> None:
        self._finish(changes)
        if self.on_success:
            self.on_success(result)

    def _on_failure(self, message: str, changes) -> None:
        self._finish(changes)
        if self.on_failure:
            self.on_failure(message)

    def _on_cancelled(self, changes) -> None:
        self._finish(changes)
        if self.on_cancel:
            self.on_cancel()


def run_job(parent: QWidget | None, work: Callable[..., Any], *, label: str,
            ledger_path: Path | None = None, access: Access = Access.READ,
            on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[str], None] | None = None,
            on_cancel: Callable[[], None] | None = None,
            on_changes: Callable[[Changes], None] | None = None) -> JobHandle:
    """Start ``work`` in the thread pool with what ``access`` gives it; return its handle.

    ``on_changes(changes)`` runs first whatever the outcome, then ``on_success(result)``,
    ``on_failure(message)`` or ``on_cancel()`` — all on the GUI thread.
    """
    if access is not Access.NONE and ledger_path is None:
        raise ValueError("a job that uses the ledger needs its path")
    handle = JobHandle(parent, work, label, ledger_path=ledger_path, access=access,
                       on_success=on_success, on_failure=on_failure, on_cancel=on_cancel,
                       on_changes=on_changes)
    handle.start()
    return handle
