"""Backups in the window: 工具 → 立即备份… and 工具 → 从备份恢复….

The work is models.backup. A restore is checked whole first (off the GUI thread), shown to
the clerk, confirmed, and only then done through Session.restore, which closes the ledger,
swaps the file under the lock the window holds and reopens it. A backup that fails its
check is refused with its message and the ledger stays as it was.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog,
                               QHeaderView, QLabel, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from models import backup

from .session import show_error
from .widgets import human_size

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
_KINDS = {backup.AUTO: QT_TRANSLATE_NOOP("BackupListDialog", "每日自动"),
          backup.MANUAL: QT_TRANSLATE_NOOP("BackupListDialog", "手动"),
          backup.BEFORE_RESTORE: QT_TRANSLATE_NOOP("BackupListDialog", "恢复前自动")}


class BackupListDialog(QDialog):
    """The ledger's backups, newest first; ``chosen()`` is the file to restore."""

    def __init__(self, ledger_path: Path, parent=None):
        super().__init__(parent)
        self.ledger_path = Path(ledger_path)
        self._chosen: Path | None = None
        self.setWindowTitle(self.tr("从备份恢复"))
        layout = QVBoxLayout(self)
        folder = backup.backups_dir(self.ledger_path)
        intro = QLabel(self.tr("备份保存在：{0}\n请选择要恢复的备份。恢复前会先把当前台账另存为一份"
                               "“恢复前自动”备份。").format(folder))
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("类型"), self.tr("单位"),
                                              self.tr("方案"), self.tr("佐证材料"), self.tr("大小")])
        self.table.setAccessibleName(self.tr("备份列表"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self._choose_selected())
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(self.tr("还没有备份。关闭窗口时每天自动备份一次，也可用“工具 → 立即备份”。"))
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)

        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(self.tr("恢复所选备份(&R)…"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.other_button = QPushButton(self.tr("选择其他备份文件(&O)…"))
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button = QPushButton(self.tr("打开备份文件夹(&F)"))
        self.buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self._choose_selected)
        self.other_button.clicked.connect(self._choose_other)
        self.folder_button.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(folder))))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.fill()
        self.resize(860, 420)

    def fill(self) -> None:
        found = list(reversed(backup.list_backups(self.ledger_path)))
        self.table.setRowCount(0)
        for info in found:
            r = self.table.rowCount()
            self.table.insertRow(r)
            values = (info.created_at.replace("T", " "), self.tr(_KINDS.get(info.kind, info.kind)),
                      info.unit, info.plan_title, str(info.evidence_count), human_size(info.size))
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(PATH_ROLE, str(info.path))
                cell.setToolTip(str(info.path))
                self.table.setItem(r, c, cell)
        if found:
            self.table.selectRow(0)
        self.empty_label.setVisible(not found)
        self.restore_button.setEnabled(bool(found))

    def chosen(self) -> Path | None:
        return self._chosen

    def _choose_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self._chosen = Path(self.table.item(rows[0].row(), 0).data(PATH_ROLE))
        self.accept()

    def _choose_other(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择备份文件"),
                                              str(backup.backups_dir(self.ledger_path)),
                                              self.tr("台账备份 (*.zip)"))
        if path:
            self._chosen = Path(path)
            self.accept()


def describe_backup(info) -> str:
    """What the confirmation shows about a checked backup."""
    lines = QCoreApplication.translate(
        "BackupActions", "备份时间：{0}\n单位：{1}　填报人：{2}\n方案：{3}\n佐证材料：{4} 个　程序版本：{5}"
    ).format(info.created_at.replace("T", " "), info.unit, info.user or "—", info.plan_title,
             info.evidence_count, info.program_version)
    if info.evidence_problems:
        lines += QCoreApplication.translate(
            "BackupActions", "\n注意：备份时已有 {0} 个佐证材料文件缺失或被改动，恢复后仍缺。"
        ).format(len(info.evidence_problems))
    return lines


class BackupActions(QObject):
    """The backup items of 工具, living on a MainWindow."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def add_actions(self, menu) -> None:
        menu.addSeparator()
        self.backup_action = QAction(self.tr("立即备份(&B)…"), self.window)
        self.backup_action.triggered.connect(lambda _=False: self.backup_now())
        menu.addAction(self.backup_action)
        self.restore_action = QAction(self.tr("从备份恢复(&R)…"), self.window)
        self.restore_action.triggered.connect(lambda _=False: self.choose_and_restore())
        menu.addAction(self.restore_action)

    def backup_now(self):
        path = self.window.session.path

        def work(_ledger, progress, cancelled):
            return backup.backup_ledger(path, kind=backup.MANUAL, progress=progress,
                                        cancelled=cancelled)

        def done(info):
            self.last_backup = info
            box = QMessageBox(self.window)
            box.setWindowTitle(self.tr("立即备份"))
            box.setText(self.tr("已备份（含 {0} 个佐证材料，{1}）：\n{2}").format(
                info.evidence_count, human_size(info.size), info.path))
            open_folder = box.addButton(self.tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
            box.addButton(self.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
            self._exec_box(box)
            if box.clickedButton() is open_folder:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(info.path.parent)))

        return self.window._start_job(work, self.tr("正在备份台账…"), done)

    def _exec_box(self, box) -> None:
        box.exec()

    def choose_and_restore(self):
        dialog = BackupListDialog(self.window.session.path, self.window)
        self.list_dialog = dialog
        accepted = dialog.exec()
        chosen = dialog.chosen()
        dialog.deleteLater()
        self.list_dialog = None
        if accepted and chosen is not None:
            return self.check_and_restore(chosen)
        return None

    def check_and_restore(self, backup_file: Path):
        """Check the backup whole off the GUI thread, then ask, then restore."""
        backup_file = Path(backup_file)

        def work(_ledger, progress, cancelled):
            return backup.check_backup(backup_file)

        return self.window._start_job(work, self.tr("正在检查备份 {0}…").format(backup_file.name),
                                      lambda info: self.confirm_and_restore(backup_file, info))

    def confirm_and_restore(self, backup_file: Path, info) -> bool:
        window = self.window
        if window.jobs and any(not h.done for h in window.jobs):
            QMessageBox.warning(window, self.tr("从备份恢复"),
                                self.tr("还有导出或检查在进行，请等它完成后再恢复。"))
            return False
        answer = QMessageBox.question(
            window, self.tr("从备份恢复"),
            self.tr("备份完好。确定用它替换当前台账吗？\n\n{0}\n\n当前台账会先另存为“恢复前自动”备份。")
            .format(describe_backup(info)))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        window.panel.show_measure(None)          # pending edits go into the ledger being replaced
        try:
            result = window.session.restore(backup_file)
        except Exception as error:  # noqa: BLE001 — BadBackup and disk errors alike: shown
            show_error(window, error, self.tr("未能恢复"))
            window.session.signals.notify("all")
            return False
        self.last_restore = result
        message = self.tr("已从备份恢复：{0}").format(backup_file.name)
        if result.safety_backup is not None:
            message += self.tr("\n恢复前的台账已另存为：{0}").format(result.safety_backup)
        # A backup chosen from elsewhere may hold another plan or unit: title and lists follow.
        window._reload_plan()
        window.clear_filters()
        QMessageBox.information(window, self.tr("从备份恢复"), message)
        if window.model.rowCount():
            window.table.selectRow(0)
        return True
