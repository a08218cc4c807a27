"""Run by tests/ui/test_screens.py in a process of its own (the screen size and the scaling
are fixed when Qt starts): open the workbench as ui.app does and print, as JSON, the window's
frame, the screen's available area and every control that cannot be reached on it.

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json QT_SCALE_FACTOR=1.5 \
        python tests/ui/screen_probe.py LEDGER [SHOT.png]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QRect, QTimer  # noqa: E402
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractScrollArea,  # noqa: E402
                               QComboBox, QLineEdit, QPlainTextEdit, QSplitter, QWidget)

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QAbstractItemView)


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def unreachable(window, screen: QRect) -> list[str]:
    """Visible controls outside the screen; inside a scroll area, outside its reach."""
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(window):
            continue
        if not widget.isVisible() or _in_collapsed_pane(widget):
            continue
        area = _scroll_area(widget)
        if area is not None and area is not widget:
            # Reachable by scrolling: the scroll area itself must be on the screen, with room.
            rect = global_rect(area.viewport())
            ok = screen.contains(rect) and rect.height() >= 40 and rect.width() >= 120
        else:
            rect = global_rect(widget)
            ok = screen.contains(rect) and rect.width() >= 8 and rect.height() >= 8
        if not ok:
            name = widget.accessibleName() or getattr(widget, "text", lambda: "")() or ""
            found.append(f"{type(widget).__name__} {name!r} at {rect.getRect()}")
    return found


def _in_collapsed_pane(widget: QWidget) -> bool:
    """Inside a splitter pane dragged shut (its handle, or 视图, opens it again)."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QSplitter):
            index = parent.indexOf(child)
            if index >= 0 and parent.sizes()[index] == 0:
                return True
        child, parent = parent, parent.parentWidget()
    return False


def _scroll_area(widget: QWidget):
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QAbstractItemView):
            return parent
        parent = parent.parentWidget()
    return None


def main() -> int:
    from models.ledger import Ledger
    from ui.app import make_application
    from ui.main_window import MainWindow
    from ui.session import Session
    app = make_application([])
    window = MainWindow(Session(Ledger.open(Path(sys.argv[1]))))
    window.show()
    report = {}

    def check():
        screen = window.screen().availableGeometry()
        window.open_measure("4.1")
        app.processEvents()
        report["screen"] = screen.getRect()
        report["frame"] = window.frameGeometry().getRect()
        report["window_on_screen"] = screen.contains(window.frameGeometry())
        report["single"] = unreachable(window, screen)
        if len(sys.argv) > 2:
            window.grab().save(sys.argv[2])
        model = window.model
        selection = QItemSelection()
        for row in (0, 1, 2):
            selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
        window.table.selectionModel().select(selection,
                                             QItemSelectionModel.SelectionFlag.ClearAndSelect)
        app.processEvents()
        report["bulk_shown"] = window.right.currentWidget() is window.bulk
        report["bulk"] = unreachable(window, screen)
        print(json.dumps(report, ensure_ascii=False), flush=True)
        window.session.daily_backup = False
        window.close()
        app.quit()

    QTimer.singleShot(300, check)
    app.exec()
    window.session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
