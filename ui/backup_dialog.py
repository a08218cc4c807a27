"""Backups in the window: 工具 → 立即备份… and 工具 → 从备份恢复….

The work is models.backup, all of it off the GUI thread. A restore is checked whole first,
shown to the clerk, confirmed, and only then done as a job that needs the ledger closed: the
host suspends its session (the lock stays held), the file is swapped, the session reopens.
A backup that fails its check is refused with its message and the ledger stays as it was.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog,
                               QHeaderView, QLabel, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from models import backup
from models.ledger import Ledger

from .host import WindowActions
from .jobs import Access
from .widgets import human_size

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
BACKUP_FOLDER_KEY = "paths/last_backup_folder"
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
                               "“恢复前自动”备份。佐证材料存于该文件夹的“{1}”中，"
                               "复制备份时请连同它一起复制。").format(folder, backup.STORE_NAME))
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


class BackupActions(WindowActions):
    """The backup items of 工具, living on the workbench (``host``)."""

    def add_actions(self, menu) -> None:
        menu.addSeparator()
        self.backup_action = QAction(self.tr("立即备份(&B)…"), self.host)
        self.backup_action.triggered.connect(lambda _=False: self.backup_now())
        menu.addAction(self.backup_action)
        # A USB stick or a network folder: the way a ledger moves to a new PC.
        self.backup_to_action = QAction(self.tr("备份到U盘或其他位置(&S)…"), self.host)
        self.backup_to_action.triggered.connect(lambda _=False: self.backup_to())
        menu.addAction(self.backup_to_action)
        self.restore_action = QAction(self.tr("从备份恢复(&R)…"), self.host)
        self.restore_action.triggered.connect(lambda _=False: self.choose_and_restore())
        menu.addAction(self.restore_action)

    def backup_to(self, folder: Path | None = None):
        """Back up into a folder the clerk chooses (a USB stick); returns the job (or None)."""
        if folder is None:
            from PySide6.QtCore import QSettings
            settings = QSettings()
            chosen = QFileDialog.getExistingDirectory(
                self.host, self.tr("选择备份保存的位置（如U盘）"),
                str(settings.value(BACKUP_FOLDER_KEY, str(Path.home()))))
            if not chosen:
                return None
            settings.setValue(BACKUP_FOLDER_KEY, chosen)
            folder = Path(chosen)
        return self.backup_now(folder)

    def backup_now(self, folder: Path | None = None):
        """Back up into ``folder`` (the program's backup folder by default)."""
        path = self.host.session.path

        def work(progress, cancelled):
            return backup.backup_ledger(path, folder, kind=backup.MANUAL, progress=progress,
                                        cancelled=cancelled)

        def done(info):
            self.last_backup = info
            box = QMessageBox(self.host)
            box.setWindowTitle(self.tr("立即备份"))
            box.setText(self.tr("已备份：{2}\n佐证材料 {0} 个（{1}）存于同一文件夹的“{3}”中，"
                                "每个文件只存一份，各次备份共用。").format(
                info.evidence_count, human_size(info.evidence_size), info.path,
                backup.STORE_NAME))
            open_folder = box.addButton(self.tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
            box.addButton(self.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
            self._exec_box(box)
            if box.clickedButton() is open_folder:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(info.path.parent)))

        # The backup reads the ledger through its own snapshot connection (models.backup).
        return self.host.start_job(work, self.tr("正在备份台账…"), done, access=Access.NONE)

    def _exec_box(self, box) -> None:
        box.exec()

    def choose_and_restore(self):
        dialog = BackupListDialog(self.host.session.path, self.host)
        self.list_dialog = dialog
        accepted = dialog.exec()
        chosen = dialog.chosen()
        dialog.deleteLater()
        self.list_dialog = None
        if accepted and chosen is not None:
            return self.check_and_restore(chosen)
        return None

    def check_and_restore(self, backup_file: Path):
        """Check the backup whole off the GUI thread, then ask, then restore (also off it)."""
        backup_file = Path(backup_file)

        def work(progress, cancelled):
            return backup.check_backup(backup_file, progress=progress, cancelled=cancelled)

        return self.host.start_job(work, self.tr("正在检查备份 {0}…").format(backup_file.name),
                                   lambda info: self.confirm_and_restore(backup_file, info),
                                   access=Access.NONE)

    def confirm_and_restore(self, backup_file: Path, info):
        """Ask, then restore in the background; returns the job handle (None if not asked to)."""
        host = self.host
        if host.busy():
            QMessageBox.warning(host, self.tr("从备份恢复"),
                                self.tr("还有导出或检查在进行，请等它完成后再恢复。"))
            return None
        answer = QMessageBox.question(
            host, self.tr("从备份恢复"),
            self.tr("备份完好。确定用它替换当前台账吗？\n\n{0}\n\n当前台账会先另存为“恢复前自动”备份。")
            .format(describe_backup(info)))
        if answer != QMessageBox.StandardButton.Yes:
            return None
        lock = host.session.lock

        def work(ledger_path, progress, cancelled):
            result = backup.restore_backup(backup_file, ledger_path, lock=lock,
                                           progress=progress, cancelled=cancelled)
            # A backup from an older version is upgraded here, off the GUI thread, so the
            # window's own reopening finds the file current and takes no time.
            Ledger.open(ledger_path).close()
            return result

        def done(result):
            self.last_restore = result
            message = self.tr("已从备份恢复：{0}").format(backup_file.name)
            if result.safety_backup is not None:
                message += self.tr("\n恢复前的台账已另存为：{0}").format(result.safety_backup)
            QMessageBox.information(host, self.tr("从备份恢复"), message)

        # Pending edits go into the ledger being replaced (start_job commits them first); the
        # window's connection is closed for the swap and reopened whatever happens, so a
        # refused backup leaves the window on the ledger as it was.
        return host.start_job(work, self.tr("正在恢复备份 {0}…").format(backup_file.name), done,
                              access=Access.CLOSED,
                              on_failure=lambda message: QMessageBox.warning(
                                  host, self.tr("未能恢复"), message))
