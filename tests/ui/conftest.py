"""Fixtures for the window tests: real widgets on the offscreen platform, own QSettings."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.support import fresh_province_ledger


@pytest.fixture(autouse=True)
def _own_qsettings(tmp_path, qapp):
    # Window state must not leak between tests (or into the developer's home folder).
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    qapp.setOrganizationName("TaskLedgerTest")
    qapp.setApplicationName("TaskLedgerTest")
    QSettings().clear()
    yield


@pytest.fixture(autouse=True)
def messages(monkeypatch):
    """Every message box shown, as (kind, title, text); questions are answered Yes.

    Autouse: a real modal box would block an offscreen test run forever.
    """
    shown = []

    def recorder(kind, answer):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, title, text))
            return answer
        return show

    monkeypatch.setattr(QMessageBox, "warning", recorder("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", recorder("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information",
                        recorder("information", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", recorder("question", QMessageBox.StandardButton.Yes))
    return shown


@pytest.fixture
def open_window(qtbot):
    """Opens the workbench on a ledger file the way ui.app does (lock included)."""
    opened = []

    def opener(path):
        from models import lock
        from models.ledger import Ledger
        from ui.main_window import MainWindow
        from ui.session import Session
        session = Session(Ledger.open(path), lock=lock.acquire(path, program="测试"))
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        # The panel fills just after the first paint (ui.main_window._select_initial).
        qtbot.waitUntil(lambda: window.panel.code is not None or window.model.rowCount() == 0)
        opened.append(window)
        return window

    yield opener
    for window in opened:
        if window.session.lock is not None:
            window.close()
            window.session.close()


@pytest.fixture
def close_window():
    """Close as a user would: pending edits saved, ledger closed, lock released."""
    def close(window) -> None:
        window.close()
        window.session.close()
        QApplication.processEvents()
    return close


@pytest.fixture
def province_window(tmp_path, qtbot):
    """The province window on a new provincial ledger (lock held, as ui.app opens it)."""
    from models import lock
    from models.ledger import Ledger
    from ui.province.window import ProvinceWindow
    from ui.session import Session
    path = tmp_path / "province.db"
    fresh_province_ledger(path, user="王五").close()
    session = Session(Ledger.open(path), lock=lock.acquire(path, program="测试"))
    window = ProvinceWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    if window.session.lock is not None:
        window.close()
        window.session.close()
