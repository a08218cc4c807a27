"""Small widgets shared by the window's panels."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPlainTextEdit, QSizePolicy


def local_files(mime) -> list[Path]:
    """The local paths in a drag's data (nothing for text or remote URLs): files, and also
    folders and links, so that what receives them can say why it will not take one."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.exists() or p.is_symlink()]



class CommitTextEdit(QPlainTextEdit):
    """A multi-line field that says when the user is done with it (focus leaves after an
    edit), the way QLineEdit.editingFinished does: the window saves then, not on a button.
    """

    editing_finished = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTabChangesFocus(True)    # Tab moves on, so the form stays keyboard-reachable

    def set_text_if_idle(self, text: str) -> None:
        """Show ``text`` unless the user has an unsaved edit here (it is saved on leaving)."""
        if self.document().isModified():
            return
        if self.toPlainText() != text:
            self.setPlainText(text)
        self.document().setModified(False)

    def commit(self) -> None:
        if self.document().isModified():
            self.document().setModified(False)
            self.editing_finished.emit()

    def focusOutEvent(self, event):
        super().focusOutEvent(event)
        self.commit()


def human_size(size: int) -> str:
    """1 536 → "1.5 KB"."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


class ElidedLabel(QLabel):
    """One line of text, cut with "…" to the width it is given; the whole text is its
    tooltip (a fixed heading must not grow with a long task)."""

    def __init__(self, text: str = "", parent=None):
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 — Qt's name
        self._full = text or ""
        self.setToolTip(self._full)
        self._elide()

    def text(self) -> str:  # noqa: D102 — the whole text, as set (not the cut one shown)
        return self._full

    def full_text(self) -> str:
        """The text before cutting."""
        return self._full

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.width() - 2, 20)
        super().setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width))


def ok_cancel_buttons(dialog, ok_text: str, on_ok=None) -> QDialogButtonBox:
    """The dialog's OK and 取消 buttons: OK says ``ok_text`` (the action, e.g. 保存) and calls
    ``on_ok`` (the dialog's accept by default); 取消 rejects."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("Dialogs", "取消"))
    box.accepted.connect(on_ok or dialog.accept)
    box.rejected.connect(dialog.reject)
    return box
