"""Controls that change only when the clerk means it.

A mouse wheel turned over a combo box, a spin box or a date field while scrolling the panel
would otherwise change its value — and the panel saves at once. :func:`guard` makes such a
control take wheel events only once it has the keyboard focus (clicked or tabbed into), and
take the focus only by click or Tab, never by the wheel; the wheel then scrolls what is
under it instead. Keys reach only the focused control anyway.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget

_GUARDED = (QComboBox, QAbstractSpinBox)


class _WheelGuard(QObject):
    """Keeps wheel events from an unfocused control; the scroll area around it gets them."""

    def eventFilter(self, obj, event):
        if event.type() != QEvent.Type.Wheel or not isinstance(obj, QWidget) or obj.hasFocus():
            return False
        area = _scroll_area_around(obj)
        if area is not None:
            # What the clerk meant: scroll the panel, as if the control were not there.
            QCoreApplication.sendEvent(area.verticalScrollBar(), event.clone())
        return True


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


_guard = None


def guard(*widgets: QWidget) -> None:
    """Make each combo box / spin box / date edit in ``widgets`` (and inside them) ignore the
    wheel until it has the focus, and never take the focus from the wheel."""
    global _guard
    if _guard is None:
        _guard = _WheelGuard()
    for widget in widgets:
        # A combo or spin box holds no other: only containers are searched.
        targets = [widget] if isinstance(widget, _GUARDED) else [
            w for kind in _GUARDED for w in widget.findChildren(kind)]
        for target in targets:
            if target.property("wheel_guarded"):
                continue
            target.setProperty("wheel_guarded", True)
            target.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            target.installEventFilter(_guard)
