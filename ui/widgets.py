"""Small widgets shared by the window's panels."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPlainTextEdit


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
