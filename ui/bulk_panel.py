"""Work on several measures at once: the panel shown while more than one row is selected.

Set one status on all of them, add the same progress entry to all, or attach one file to
all — each one undoable change (ui.undo) made by models.bulk in one transaction, so a
refusal (不涉及 on a measure that is not 相关地市, say) leaves every measure as it was.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (QComboBox, QFileDialog, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QVBoxLayout, QWidget)

from models.status import DONE, IN_PROGRESS, NOT_INVOLVED, NOT_STARTED

from . import i18n
from .jobs import Access
from .safe_input import guard

SHOWN_CODES = 40             # codes listed by name; more are counted


class BulkPanel(QWidget):
    """Actions on the measures selected in the table (``codes``); ``host`` is the window."""

    def __init__(self, session, host, parent=None):
        super().__init__(parent)
        self.session = session
        self.host = host
        self.codes: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.title.setWordWrap(True)
        self.codes_label = QLabel()
        self.codes_label.setWordWrap(True)
        self.codes_label.setStyleSheet("color: #555;")
        layout.addWidget(self.title)
        layout.addWidget(self.codes_label)

        status_box = QGroupBox(self.tr("状态"))
        row = QHBoxLayout(status_box)
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(self.tr("所选举措的新状态"))
        for status in (NOT_STARTED, IN_PROGRESS, DONE, NOT_INVOLVED):
            self.status_combo.addItem(i18n.label(status), status)
        self.status_combo.setCurrentIndex(-1)
        self.status_combo.setPlaceholderText(self.tr("选择状态"))
        self.status_button = QPushButton(self.tr("全部设为此状态(&S)"))
        self.status_button.clicked.connect(self.set_status)
        row.addWidget(self.status_combo, 1)
        row.addWidget(self.status_button)
        layout.addWidget(status_box)

        self.entry_button = QPushButton(self.tr("为所选举措添加同一条进展(&A)…"))
        self.entry_button.clicked.connect(self.add_entry)
        self.attach_button = QPushButton(self.tr("为所选举措添加同一个佐证文件(&I)…"))
        self.attach_button.clicked.connect(self.choose_file)
        for button in (self.entry_button, self.attach_button):
            layout.addWidget(button)
        hint = QLabel(self.tr("每项操作都可以用“编辑 → 撤销”（Ctrl+Z）整体撤回。"
                              "只选一项举措时，这里显示它的详细内容。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        layout.addStretch(1)
        guard(self)

    def set_codes(self, codes: list[str]) -> None:
        """The measures selected (two or more)."""
        self.codes = list(codes)
        self.title.setText(self.tr("已选 {0} 项举措").format(len(self.codes)))
        shown = self.tr("、").join(self.codes[:SHOWN_CODES])
        if len(self.codes) > SHOWN_CODES:
            shown += self.tr(" 等 {0} 项").format(len(self.codes))
        self.codes_label.setText(shown)

    def _write(self, label: str, action, *args, **kwargs) -> bool:
        return self.host.undo.write(self.host, label, self.codes, action, *args, **kwargs)

    # ---- the three actions ---------------------------------------------------------------
    def set_status(self) -> bool:
        from models.bulk import record_many
        status = self.status_combo.currentData()
        if status is None or not self.codes:
            return False
        reason = None
        if status == NOT_INVOLVED:
            from .dialogs import ReasonDialog
            dialog = ReasonDialog(self, code="、".join(self.codes[:5]))
            accepted = dialog.exec()
            reason = dialog.reason()
            dialog.deleteLater()
            if not accepted:
                return False
        label = self.tr("{0} 项举措的状态改为“{1}”").format(len(self.codes), i18n.label(status))
        return self._write(label, record_many, self.session.ledger, self.codes, status=status,
                           reason=reason)

    def add_entry(self) -> bool:
        from models.bulk import record_many

        from .dialogs import EntryDialog
        if not self.codes:
            return False
        ledger = self.session.ledger
        info = next(p for p in ledger.plans() if p.id == ledger.plan_id)
        dialog = EntryDialog(self, title=self.tr("添加进展 — {0} 项举措").format(len(self.codes)),
                             plan=(info.year, info.deadline))
        accepted = dialog.exec()
        text, day = dialog.text(), dialog.date()
        dialog.deleteLater()
        if not accepted:
            return False
        label = self.tr("为 {0} 项举措添加进展").format(len(self.codes))
        return self._write(label, record_many, ledger, self.codes, note=text, date=day)

    def choose_file(self):
        settings = QSettings()
        from .measure_panel import LAST_FOLDER_KEY
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择佐证材料 — {0} 项举措").format(len(self.codes)),
            settings.value(LAST_FOLDER_KEY, ""))
        if not path:
            return None
        settings.setValue(LAST_FOLDER_KEY, str(Path(path).parent))
        return self.attach_files([Path(path)])

    def attach_files(self, paths: list[Path]):
        """Attach each file to every selected measure in the background; returns the job."""
        from models.bulk import attach_to_many
        codes, paths = list(self.codes), [Path(p) for p in paths]
        if not codes or not paths:
            return None
        undo = self.host.undo
        before = undo.begin(codes)

        def work(ledger, progress, cancelled):
            for path in paths:
                attach_to_many(ledger, codes, path, progress=progress, cancelled=cancelled)
            return len(paths)

        def attached(count: int) -> None:
            self.host.show_status(self.tr("已为 {0} 项举措添加 {1} 个佐证材料").format(
                len(codes), count))

        job = self.host.start_job(work, self.tr("正在为 {0} 项举措添加佐证材料…").format(len(codes)),
                                  attached, access=Access.WRITE)
        job.finished.connect(lambda: undo.finish(
            self.tr("为 {0} 项举措添加佐证材料").format(len(codes)), before))
        return job
