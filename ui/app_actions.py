"""Menu actions every window has: 帮助 → 关于 and 视图 → 语言.

Their texts keep the translation contexts they had before they moved here.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMessageBox

from . import i18n
from .host import WindowActions


class AboutActions(WindowActions):
    """帮助 → 关于任务台账: version, fonts and library licences."""

    def add_to(self, menu) -> None:
        self.about_action = QAction(
            QCoreApplication.translate("AboutDialog", "关于任务台账(&A)…"), self.host)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(lambda _=False: self.show_about())
        menu.addAction(self.about_action)
        self.about_dialog = None

    def show_about(self) -> None:
        from .about_dialog import AboutDialog
        dialog = AboutDialog(self.host)
        self.about_dialog = dialog
        dialog.exec()
        dialog.deleteLater()
        self.about_dialog = None


class LanguageActions(WindowActions):
    """视图 → 语言: the choice is saved and applies after a restart (every label is set when
    its widget is built, so switching live would mean rebuilding them)."""

    def add_to(self, menu) -> None:
        self.language_menu = submenu = menu.addMenu(
            QCoreApplication.translate("Language", "语言(&G)"))
        group = QActionGroup(submenu)
        current = i18n.saved_choice()
        choices = ((i18n.AUTO, QCoreApplication.translate("Language", "跟随系统")),
                   (i18n.CHINESE, "简体中文"), (i18n.ENGLISH, "English"))
        for key, text in choices:
            action = QAction(text, submenu)
            action.setCheckable(True)
            action.setChecked(key == current)
            action.setData(key)
            group.addAction(action)
            submenu.addAction(action)
        group.triggered.connect(self._chosen)

    def _chosen(self, action) -> None:
        i18n.save_language(action.data())
        QMessageBox.information(
            self.host, QCoreApplication.translate("Language", "语言"),
            QCoreApplication.translate("Language", "界面语言将在重新启动任务台账后生效。"))
