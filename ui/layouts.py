"""Layout helpers for small screens: a row of controls that wraps, and a window size that
fits the screen it opens on.

Office PCs run 1366×768 (often at 125 %) and 1280×720 projectors; at 150 % scaling a
1280×720 screen is 853×480 logical pixels. The workbench opens at a size taken from the
available geometry of its screen, a saved size is shrunk back onto the screen, and the filter
bar wraps instead of pushing the window wider than the screen.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLayout, QWidget

# Room left around a new window for the task bar and the window frame.
SCREEN_MARGIN = (24, 48)


class FlowLayout(QLayout):
    """Lays its items out left to right and starts a new line when the width runs out (the
    Qt "Flow Layout" example). Items keep their size hints."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 6):
        super().__init__(parent)
        self._items = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802 — Qt's names below
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint().boundedTo(item.maximumSize())
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x, y = area.x(), y + line_height + self._spacing
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The usable area (without task bars) of the screen ``widget`` is on, or the primary."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def fitted_size(preferred: tuple[int, int], widget: QWidget | None = None) -> QSize:
    """``preferred`` shrunk to fit the available screen (less a margin for frame and bar)."""
    area = available_geometry(widget)
    return QSize(min(preferred[0], max(area.width() - SCREEN_MARGIN[0], 200)),
                 min(preferred[1], max(area.height() - SCREEN_MARGIN[1], 200)))


def saved_size(geometry) -> tuple[int, int, bool] | None:
    """(width, height, maximized) of the normal geometry in a QWidget.saveGeometry() blob, or
    None if it is not one.

    Qt's restoreGeometry, given a size that does not fit the screen it opens on (saved on a
    docking station's monitor, opened on the 1366×768 laptop), falls back to half the
    screen; the caller shrinks the saved size itself instead.
    """
    from PySide6.QtCore import QByteArray, QDataStream, QIODevice
    if not isinstance(geometry, (QByteArray, bytes)):
        return None                                      # a settings file edited by hand
    data = QByteArray(geometry)          # kept: the stream reads it, it does not own it
    stream = QDataStream(data, QIODevice.OpenModeFlag.ReadOnly)
    if stream.readUInt32() != 0x1D9D0CB or stream.readUInt16() < 1:
        return None
    stream.readUInt16()                                  # minor version
    for _ in range(4):
        stream.readInt32()                               # frame geometry
    left, top, right, bottom = (stream.readInt32() for _ in range(4))
    stream.readInt32()                                   # screen number
    maximized = stream.readUInt8() != 0
    if stream.status() != QDataStream.Status.Ok or right < left or bottom < top:
        return None
    return right - left + 1, bottom - top + 1, maximized


def keep_on_screen(window: QWidget) -> None:
    """Shrink and move ``window`` so all of it lies inside its screen's available area."""
    area = available_geometry(window)
    frame = window.frameGeometry()
    extra_w = frame.width() - window.width()
    extra_h = frame.height() - window.height()
    width = min(window.width(), area.width() - extra_w)
    height = min(window.height(), area.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.y()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)

