"""Evidence in the window beyond attaching: its own date and note (EvidenceDialog), and
工具 → 清理未关联的佐证材料 (EvidenceActions), which removes files no measure uses any more.

The purge is models' Ledger.purge_evidence, run as a WRITE job after the clerk has seen what
goes; the audit trail names every file removed, and backups still hold them.
"""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QDateEdit, QDialog, QFormLayout, QLabel,
                               QMessageBox, QPlainTextEdit)

from models.ledger import MAX_EVIDENCE_NOTE

from .host import WindowActions
from .jobs import Access
from .widgets import human_size, ok_cancel_buttons

DATE_FORMAT = "yyyy-MM-dd"


class EvidenceDialog(QDialog):
    """The date of the document (材料日期) and the note of one evidence file."""

    def __init__(self, parent, item):
        super().__init__(parent)
        self.setWindowTitle(self.tr("佐证材料 — {0}").format(item.original_name))
        self.resize(520, 260)
        form = QFormLayout(self)
        name = QLabel(item.original_name)
        name.setWordWrap(True)
        form.addRow(self.tr("文件名："), name)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setDate(QDate.fromString(item.evidence_date, DATE_FORMAT))
        self.note_edit = QPlainTextEdit(item.note)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(self.tr("例如：第三次专题会议纪要（盖章版）"))
        date_label = QLabel(self.tr("材料日期(&D)："))
        date_label.setBuddy(self.date_edit)
        date_label.setToolTip(self.tr("文件本身的日期（如会议、发文、拍摄的日期），不是添加的日期"))
        note_label = QLabel(self.tr("说明(&N)："))
        note_label.setBuddy(self.note_edit)
        form.addRow(date_label, self.date_edit)
        form.addRow(note_label, self.note_edit)
        buttons = ok_cancel_buttons(self, self.tr("保存"), self._accept)
        form.addRow(buttons)
        self.date_edit.setFocus()

    def _accept(self) -> None:
        if len(self.note().strip()) > MAX_EVIDENCE_NOTE:
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("说明最多 {0} 字").format(MAX_EVIDENCE_NOTE))
            return
        self.accept()

    def date(self) -> str:
        return self.date_edit.date().toString(DATE_FORMAT)

    def note(self) -> str:
        return self.note_edit.toPlainText()


class EvidenceActions(WindowActions):
    """工具 → 清理未关联的佐证材料… on the workbench (``host``)."""

    def add_actions(self, menu) -> None:
        self.purge_action = QAction(self.tr("清理未关联的佐证材料(&U)…"), self.host)
        self.purge_action.triggered.connect(lambda _=False: self.purge())
        menu.addAction(self.purge_action)

    def purge(self):
        """Show what no measure uses, ask, then remove it in the background; returns the job."""
        host = self.host
        if host.busy():
            QMessageBox.warning(host, self.tr("清理未关联的佐证材料"),
                                self.tr("还有其他工作在进行（如添加佐证材料），请等它完成后再清理。"))
            return None
        going = host.session.ledger.unlinked_evidence()
        if not going:
            QMessageBox.information(host, self.tr("清理未关联的佐证材料"),
                                    self.tr("没有未关联任何举措的佐证材料。"))
            return None
        lines = [self.tr("{0}（{1}，{2}）").format(item.original_name, human_size(item.size),
                                                  item.evidence_date) for item in going[:20]]
        more = self.tr("\n……另有 {0} 份").format(len(going) - 20) if len(going) > 20 else ""
        answer = QMessageBox.question(
            host, self.tr("清理未关联的佐证材料"),
            self.tr("以下 {0} 份佐证材料已不再关联任何举措，共 {1}：\n{2}{3}\n\n"
                    "确定从台账中删除吗？删除记入操作日志；已有的备份中仍保留这些文件。")
            .format(len(going), human_size(sum(item.size for item in going)),
                    "\n".join(lines), more))
        if answer != QMessageBox.StandardButton.Yes:
            return None

        def work(ledger, progress, cancelled):
            return ledger.purge_evidence(progress=progress, cancelled=cancelled)

        def done(result):
            self.last_purge = result
            host.show_status(self.tr("已删除 {0} 份未关联的佐证材料，释放 {1}").format(
                len(result.records), human_size(result.bytes_freed)), 8000)

        return host.start_job(work, self.tr("正在清理未关联的佐证材料…"), done,
                              access=Access.WRITE)
