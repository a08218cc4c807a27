"""Helpers for the window tests (conftest.py is not importable under --import-mode=importlib)."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def when_modal(callback, qtbot=None):
    """Run ``callback(dialog)`` as soon as a modal dialog is up (it blocks in exec())."""
    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        callback(dialog)
    QTimer.singleShot(0, poll)


def drop_on(widget, files) -> None:
    """Drag ``files`` (paths, or a QMimeData) onto ``widget`` as a file manager does: DragEnter,
    which must be accepted, then Drop, which must be too."""
    import warnings

    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    if isinstance(files, QMimeData):
        mime = files
    else:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in files])
    at = widget.rect().center()
    with warnings.catch_warnings():
        # PySide6 6.12 flags the only QDragEnterEvent constructor Qt 6 has as deprecated.
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(at, Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(at), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    assert drop.isAccepted()
