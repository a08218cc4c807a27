"""帮助 → 使用说明: the offline guide to the year's work, in the interface language.

The guide is HTML shipped in resources/help (guide_zh_CN.html, guide_en.html; build.spec
copies resources/), shown in a QTextBrowser: nothing is fetched from a network.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from models.paths import resource_path

from .host import WindowActions
from .layouts import fitted_size


def guide_path(language: str | None = None):
    """The guide's file for ``language`` ("zh_CN", "en"; by default the interface's: the
    translation names the file of its own language)."""
    name = (f"guide_{language}.html" if language
            else QCoreApplication.translate("HelpDialog", "guide_zh_CN.html"))
    path = resource_path("help", name)
    return path if path.is_file() else resource_path("help", "guide_zh_CN.html")


class HelpDialog(QDialog):
    """The guide, with its table of contents linked; stays open beside the window."""

    def __init__(self, parent=None, *, language: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用说明"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(True)
        self.browser.setAccessibleName(self.tr("使用说明"))
        path = guide_path(language)
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(fitted_size((760, 820), parent))


class HelpActions(WindowActions):
    """帮助 → 使用说明 (F1)."""

    def add_to(self, menu) -> None:
        self.guide_action = QAction(QCoreApplication.translate("HelpDialog", "使用说明(&G)"),
                                    self.host)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.triggered.connect(lambda _=False: self.show_guide())
        menu.addAction(self.guide_action)
        self.dialog = None

    def show_guide(self) -> HelpDialog:
        if self.dialog is None:
            self.dialog = HelpDialog(self.host)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def shutting_down(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
