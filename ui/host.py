"""What both windows are: a host for the ledger's session, its background jobs, its file
dialogs and its menu actions.

The workbench (ui.main_window) and the province window (ui.province.window) are both a
:class:`LedgerWindow`. Action groups (:class:`WindowActions`: hand-in, backups, exports, about,
language) live on a host and use only the interface documented here — never a window's
private members (calibre's InterfaceAction with its ``gui``):

- ``session`` — the open ledger (``session.ledger``) and the one way to write;
- ``start_job(work, label, on_success, access=…, on_cancel=…)`` — slow work off the GUI thread
  with progress and cancel; what it wrote reaches the views;
- ``ask_save_path`` / ``ask_open_path`` / ``ask_open_paths`` — file dialogs that remember their
  folder; ``offer_open(path)`` — "open the file or its folder?" after an export;
- ``show_status(text)``; ``commit_pending()`` — save edits still in a field;
- ``open_measure(code)`` — show one measure (the workbench; the province window has none).

A window overrides ``build_menus`` (all its menus, in one place), ``commit_pending``,
``accepts_files``/``files_dropped`` (drag and drop) and ``ledger_changed``.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QThreadPool, QTimer, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from models.changes import Changes

from .jobs import Access, JobHandle, run_job
from .layouts import available_geometry, fitted_size, keep_on_screen, saved_size
from .widgets import local_files

EXPORT_FOLDER_KEY = "paths/last_export_folder"
JOB_WAIT_ON_CLOSE_MS = 10000


class WindowActions(QObject):
    """A group of menu actions living on a :class:`LedgerWindow` (``self.host``).

    Life cycle: built by the window's ``build_menus``; ``ledger_changed(changes)`` after every
    write; ``shutting_down()`` when the window closes.
    """

    def __init__(self, host: "LedgerWindow"):
        super().__init__(host)
        self.host = host
        host.action_groups.append(self)

    def ledger_changed(self, changes: Changes) -> None:
        """The ledger changed (override when an action's state depends on it)."""

    def shutting_down(self) -> None:
        """The window is closing (override to close dialogs the group opened)."""


class LedgerWindow(QMainWindow):
    """A main window on a Session: jobs, file dialogs, drops, close — written once."""

    geometry_key = "window/geometry"
    default_size = (1400, 860)           # shrunk to the screen it opens on (ui.layouts)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        # ui.app sets it: closing then makes the daily backup with the window still up.
        self.backup_on_close = False
        # Size, panes and last measure are remembered on closing, except after a --screenshot
        # run (its window is sized for the picture, not for this PC's screen).
        self.keeps_state = True
        self.instance_server = None       # ui.single_instance, set by ui.app
        self._closing_job = None
        self._closed_for_good = False
        self._after_paint: list[Callable[[], None]] | None = []
        self.jobs: list[JobHandle] = []
        self.action_groups: list[WindowActions] = []
        self.setAcceptDrops(True)
        session.signals.changed.connect(self._on_ledger_changed)

    # ---- for subclasses ------------------------------------------------------------------
    def build_menus(self) -> None:
        """Create every menu and action of the window (override)."""

    def commit_pending(self) -> None:
        """Save edits still in a field before work that reads the ledger (override)."""

    def accepts_files(self) -> bool:
        """Whether files may be dropped on the window now (override)."""
        return False

    def files_dropped(self, paths: list[Path]) -> None:
        """Local files were dropped on the window (override)."""

    def ledger_changed(self, changes: Changes) -> None:
        """Refresh what the window itself shows (override); views refresh themselves."""

    def open_measure(self, code: str) -> None:
        """Show one measure (override where the window has measures)."""

    def after_first_paint(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the window has painted for the first time (at once if it
        has): what the first paint does not need waits until the clerk sees the window."""
        if self._after_paint is None:
            callback()
            return
        if not self._after_paint:
            self.installEventFilter(self)
        self._after_paint.append(callback)

    def eventFilter(self, obj, event):
        if obj is self and event.type() == QEvent.Type.Paint and self._after_paint:
            callbacks, self._after_paint = self._after_paint, None
            self.removeEventFilter(self)
            # Queued twice: the paint in progress finishes first, and so does what it queued
            # (the window is on screen, populated, before any of this runs).
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, lambda: self._run_after_paint(callbacks)))
        return super().eventFilter(obj, event)

    def _run_after_paint(self, callbacks) -> None:
        # A window closed (or closing) at once has nothing left to build.
        if self._closed_for_good or self._closing_job is not None or self.session.suspended:
            return
        for callback in callbacks:
            callback()

    # ---- jobs -------------------------------------------------------------------------------
    def start_job(self, work: Callable[..., Any], label: str,
                  on_success: Callable[[Any], None] | None = None, *,
                  access: Access = Access.READ, on_cancel: Callable[[], None] | None = None,
                  on_failure: Callable[[str], None] | None = None) -> JobHandle:
        """Run ``work`` off the GUI thread (ui.jobs.Access says what it gets) with a progress
        dialog and cancel. Pending edits are saved first; what the work wrote is published
        whatever the outcome; a failure is shown in a box unless ``on_failure`` is given.
        ``CLOSED`` work runs with the session suspended and the ledger reopened afterwards.
        """
        from PySide6.QtWidgets import QMessageBox
        self.commit_pending()
        if access is Access.CLOSED:
            self.session.suspend()

        def changed(changes: Changes) -> None:
            if access is Access.CLOSED:
                self.session.resume()
            self.session.publish(changes)

        def succeeded(result) -> None:
            if access is Access.WRITE:
                self.session.signals.saved.emit()
            if on_success is not None:
                on_success(result)

        handle = run_job(
            self, work, label=label, ledger_path=self.session.path, access=access,
            on_success=succeeded, on_changes=changed,
            on_failure=on_failure or (lambda message: QMessageBox.warning(
                self, QCoreApplication.translate("LedgerWindow", "未能完成"), message)),
            on_cancel=on_cancel or (lambda: self.show_status(
                QCoreApplication.translate("LedgerWindow", "已取消"))))
        self.jobs.append(handle)
        handle.finished.connect(lambda h=handle: self.jobs.remove(h) if h in self.jobs else None)
        return handle

    def busy(self) -> bool:
        """Whether a job is still running."""
        return any(not handle.done for handle in self.jobs)

    # ---- file dialogs -------------------------------------------------------------------------
    def ask_save_path(self, title: str, default_name: str, file_filter: str, *,
                      key: str = EXPORT_FOLDER_KEY) -> Path | None:
        """A save dialog starting in the folder last used for ``key``; None if cancelled."""
        from PySide6.QtWidgets import QFileDialog
        settings = QSettings()
        folder = settings.value(key, str(Path.home()))
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder) / default_name),
                                              file_filter)
        if not path:
            return None
        settings.setValue(key, str(Path(path).parent))
        return Path(path)

    def ask_open_paths(self, title: str, file_filter: str, *, key: str,
                       many: bool = True) -> list[Path]:
        """An open dialog (several files when ``many``) remembering its folder."""
        from PySide6.QtWidgets import QFileDialog
        settings = QSettings()
        folder = str(settings.value(key, str(Path.home())))
        if many:
            paths, _ = QFileDialog.getOpenFileNames(self, title, folder, file_filter)
        else:
            path, _ = QFileDialog.getOpenFileName(self, title, folder, file_filter)
            paths = [path] if path else []
        if paths:
            settings.setValue(key, str(Path(paths[0]).parent))
        return [Path(p) for p in paths]

    def ask_open_path(self, title: str, file_filter: str, *, key: str) -> Path | None:
        """One file from an open dialog remembering its folder; None if cancelled."""
        paths = self.ask_open_paths(title, file_filter, key=key, many=False)
        return paths[0] if paths else None

    def offer_open(self, out_path: Path) -> None:
        """Tell the clerk where the file went and offer to open it or its folder."""
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox
        out_path = Path(out_path)
        translate = QCoreApplication.translate
        box = QMessageBox(self)
        box.setWindowTitle(translate("LedgerWindow", "导出完成"))
        box.setText(translate("LedgerWindow", "已保存：{0}").format(out_path))
        open_file = box.addButton(translate("LedgerWindow", "打开文件"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(translate("LedgerWindow", "打开所在文件夹"),
                                    QMessageBox.ButtonRole.ActionRole)
        box.addButton(translate("LedgerWindow", "关闭"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out_path)))
        elif box.clickedButton() is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out_path.parent)))

    # ---- menu items every window has ---------------------------------------------------------
    def add_tab_actions(self, menu, titles: list[str]) -> None:
        """Items of 视图 that bring the window's tabs (``self.tabs``) forward: Ctrl+1, Ctrl+2…"""
        for index, title in enumerate(titles):
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            menu.addAction(action)

    def add_quit_action(self, menu) -> None:
        """文件 → 退出 (Ctrl+Q)."""
        action = QAction(QCoreApplication.translate("LedgerWindow", "退出(&X)"), self)
        action.setShortcut(QKeySequence.StandardKey.Quit)
        action.triggered.connect(self.close)
        menu.addAction(action)

    def show_status(self, text: str, msecs: int = 5000) -> None:
        """A short message in the status bar."""
        self.statusBar().showMessage(text, msecs)

    # ---- change, drops, geometry, close ------------------------------------------------------
    def _on_ledger_changed(self, changes: Changes) -> None:
        self.ledger_changed(changes)
        for group in self.action_groups:
            group.ledger_changed(changes)

    # Drag events climb from the widget under the cursor to the first one accepting drops;
    # text fields are told not to accept them, so files reach the window wherever dropped.
    def dragEnterEvent(self, event):
        if self.accepts_files() and local_files(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event):
        if self.accepts_files() and local_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event):
        files = local_files(event.mimeData())
        if not files or not self.accepts_files():
            return
        event.acceptProposedAction()
        self.files_dropped(files)

    def restore_geometry(self) -> None:
        """The size and place the window had when last closed (or a default size that fits
        the screen), shrunk and moved back onto the screen it opens on if need be."""
        geometry = QSettings().value(self.geometry_key)
        saved = saved_size(geometry) if geometry is not None else None
        area = available_geometry(self)
        if saved is not None and (saved[2] or (saved[0] <= area.width() and saved[1] <= area.height())):
            self.restoreGeometry(geometry)
        else:                           # none yet, or saved on a larger screen: shrink it here
            self.resize(fitted_size(saved[:2] if saved else self.default_size, self))
        keep_on_screen(self)

    def save_state(self) -> None:
        """Remember window state in QSettings (override to add more, call this too)."""
        QSettings().setValue(self.geometry_key, self.saveGeometry())

    def closeEvent(self, event):
        if self._closing_job is not None:
            event.ignore()                  # the closing backup is running: 跳过 ends it
            return
        if self._closed_for_good:
            super().closeEvent(event)
            return
        self.commit_pending()
        if self.keeps_state:
            self.save_state()
        for group in self.action_groups:
            group.shutting_down()
        # Running jobs stop; their own connections close before the ledger does.
        for handle in list(self.jobs):
            handle.cancel()
        if self.jobs:
            QThreadPool.globalInstance().waitForDone(JOB_WAIT_ON_CLOSE_MS)
        if self.backup_on_close and self.session.daily_backup and self.session.lock is not None:
            event.ignore()
            self._start_closing_backup()
            return
        self._closed_for_good = True
        super().closeEvent(event)

    def finish_closing(self) -> None:
        """Wait for a closing backup still running (the event loop has ended) and take its
        result, so the lock is released only after it."""
        if self._closing_job is None:
            return
        QThreadPool.globalInstance().waitForDone()
        QCoreApplication.processEvents()      # delivers the job's result signal
        QCoreApplication.processEvents()

    def _start_closing_backup(self) -> None:
        """The daily backup, off the GUI thread, the window still on screen (disabled) and a
        dialog with 跳过 after half a second; then the window closes."""
        from models import backup
        path = self.session.path
        self.session.suspend()              # the backup sees the final state; the lock stays
        self.session.daily_backup = False   # made here, not again by Session.close
        if self.instance_server is not None:
            self.instance_server.closing = True   # a second start waits for us
        self.centralWidget().setEnabled(False)
        self.menuBar().setEnabled(False)
        translate = QCoreApplication.translate

        def work(progress, cancelled):
            return backup.maybe_daily_backup(path, progress=progress, cancelled=cancelled)

        def failed(message: str) -> None:
            self.session.backup_error = message
            sys.stderr.write(f"警告：自动备份失败：{message}\n")
            done()

        def skipped() -> None:
            sys.stderr.write("自动备份已跳过（用户取消）\n")
            done()

        def done(*_args) -> None:
            self._closing_job = None
            self._closed_for_good = True
            QTimer.singleShot(0, self.close)

        handle = run_job(self, work, label=translate("LedgerWindow", "正在备份台账…（每天关闭时一次）"),
                         access=Access.NONE, on_success=done, on_failure=failed, on_cancel=skipped)
        handle.dialog.setCancelButtonText(translate("LedgerWindow", "跳过"))
        handle.dialog.setWindowTitle(translate("LedgerWindow", "正在关闭"))
        self._closing_job = handle
