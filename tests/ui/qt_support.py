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
