"""The province window's review and division menu items: exporting 审核反馈 (the unit shown
in 报送情况, or every unit at once), the divisions dialog, recording for a division, and the
plan file a division starts its own ledger from. A WindowActions group on ProvinceWindow.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from exports.documents import FEEDBACK, PLAN_FILE

from .. import i18n
from ..host import EXPORT_FOLDER_KEY, WindowActions
from ..session import show_error

FEEDBACK_FOLDER_KEY = "paths/last_feedback_export_folder"


def _json_filter() -> str:
    from PySide6.QtCore import QCoreApplication
    return QCoreApplication.translate("ProvinceReviewActions", "JSON 文件 (*.json)")


class ProvinceReviewActions(WindowActions):
    """Feedback exports and the province's divisions; methods return the job or dialog."""

    def __init__(self, host):
        super().__init__(host)
        self.divisions_dialog = None
        self.record_dialog = None

    def add_file_actions(self, menu) -> None:
        """The feedback and plan-file exports of 文件."""
        self.feedback_action = QAction(self.tr("导出{0}（当前单位）(&F)…").format(
            i18n.label(FEEDBACK.name)), self.host)
        self.feedback_action.triggered.connect(lambda _=False: self.export_feedback())
        self.all_feedback_action = QAction(self.tr("导出全部单位的{0}(&A)…").format(
            i18n.label(FEEDBACK.name)), self.host)
        self.all_feedback_action.triggered.connect(lambda _=False: self.export_all_feedback())
        self.plan_file_action = QAction(self.tr("导出{0}(&N)…").format(
            i18n.label(PLAN_FILE.name)), self.host)
        self.plan_file_action.triggered.connect(lambda _=False: self.export_plan_file())
        for action in (self.feedback_action, self.all_feedback_action, self.plan_file_action):
            menu.addAction(action)

    def add_division_menu(self, menu) -> None:
        """处室: who carries the "--" measures, and recording for a division."""
        self.divisions_action = QAction(self.tr("处室与省级举措分工(&D)…"), self.host)
        self.divisions_action.triggered.connect(lambda _=False: self.edit_divisions())
        self.record_action = QAction(self.tr("为处室填报(&R)…"), self.host)
        self.record_action.triggered.connect(lambda _=False: self.record_for_division())
        menu.addAction(self.divisions_action)
        menu.addAction(self.record_action)

    def shutting_down(self) -> None:
        for dialog in (self.divisions_dialog, self.record_dialog):
            if dialog is not None:
                dialog.close()

    # ---- 审核反馈 -----------------------------------------------------------------------
    def export_feedback(self, unit: str | None = None):
        """Write the feedback file of ``unit`` (default: the unit selected in 报送情况)."""
        host = self.host
        unit = unit or host.submissions.current_unit()
        if not unit:
            return None
        host.commit_pending()
        from exports.feedback import feedback_file_name
        from models.errors import LedgerError
        from models.review import current_submission_id
        try:
            current_submission_id(host.session.ledger, unit)
        except LedgerError as error:
            show_error(host, error)
            return None
        out = host.ask_save_path(self.tr("导出{0}").format(i18n.label(FEEDBACK.name)),
                                 feedback_file_name(host.session.ledger, unit), _json_filter(),
                                 key=FEEDBACK_FOLDER_KEY)
        if out is None:
            return None

        def work(ledger, progress, cancelled):
            from exports.feedback import write_feedback
            return write_feedback(ledger, out, unit=unit, progress=progress, cancelled=cancelled)

        def done(path) -> None:
            self.last_written = [Path(path)]
            host.show_status(self.tr("已导出{0}：{1}").format(i18n.label(FEEDBACK.name), path), 8000)

        return host.start_job(work, self.tr("正在导出 {0}…").format(out.name), done)

    def ask_folder(self) -> Path | None:
        settings = QSettings()
        start = str(settings.value(FEEDBACK_FOLDER_KEY, str(Path.home())))
        folder = QFileDialog.getExistingDirectory(self.host, self.tr("选择保存审核反馈的文件夹"), start)
        if not folder:
            return None
        settings.setValue(FEEDBACK_FOLDER_KEY, folder)
        return Path(folder)

    def export_all_feedback(self):
        """One feedback file per unit that has handed in, into a folder."""
        host = self.host
        host.commit_pending()
        folder = self.ask_folder()
        if folder is None:
            return None

        def work(ledger, progress, cancelled):
            from exports.feedback import write_all_feedback
            return write_all_feedback(ledger, folder, progress=progress, cancelled=cancelled)

        def done(paths) -> None:
            self.last_written = [Path(p) for p in paths]
            QMessageBox.information(host, self.tr("导出{0}").format(i18n.label(FEEDBACK.name)),
                                    self.tr("已为 {0} 个单位导出审核反馈到：\n{1}").format(
                                        len(paths), folder))

        return host.start_job(work, self.tr("正在导出审核反馈…"), done)

    def export_plan_file(self):
        host = self.host
        out = host.ask_save_path(i18n.label(PLAN_FILE.name),
                                 PLAN_FILE.file_name(year=host.plan.year), _json_filter(),
                                 key=EXPORT_FOLDER_KEY)
        if out is None:
            return None

        def work(ledger, progress, cancelled):
            from exports.plan_file import write_plan_file
            return write_plan_file(ledger, out, progress=progress, cancelled=cancelled)

        return host.start_job(work, self.tr("正在导出 {0}…").format(out.name),
                              lambda path: host.offer_open(Path(path)))

    # ---- divisions --------------------------------------------------------------------
    def edit_divisions(self):
        from .divisions import DivisionsDialog
        if self.divisions_dialog is None:
            self.divisions_dialog = DivisionsDialog(self.host.session, self.host)
        self.divisions_dialog.show()
        self.divisions_dialog.raise_()
        return self.divisions_dialog

    def record_for_division(self):
        from .divisions import DivisionRecordDialog
        if self.record_dialog is not None:
            self.record_dialog.close()
            self.record_dialog.deleteLater()
        self.record_dialog = DivisionRecordDialog(self.host.session, self.host)
        self.record_dialog.show()
        return self.record_dialog
