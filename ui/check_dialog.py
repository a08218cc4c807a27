"""The 缺项清单 in the window: the gaps models.check.check_ledger finds, each with where to
fix it. Double-clicking a gap about a measure asks the window to show that measure.

Two uses: a plain list (文件 → 报送前检查…, non-modal, stays open while the clerk fixes
things) and the confirmation before the package is exported (OK = export anyway).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class CheckDialog(QDialog):
    """Lists gaps (models.check.Gap); ``measure_activated(code)`` on double-click/Enter."""

    measure_activated = Signal(str)
    recheck_requested = Signal()

    def __init__(self, gaps: list, parent=None, *, confirm: bool = False):
        super().__init__(parent)
        self.gaps = list(gaps)
        self.confirm = confirm
        self.setWindowTitle(self.tr("报送前检查 — 缺项清单"))
        layout = QVBoxLayout(self)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("类别"), self.tr("举措"), self.tr("问题"),
                                              self.tr("如何补齐")])
        self.table.setAccessibleName(self.tr("缺项清单"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._on_activated)
        layout.addWidget(self.table, 1)

        self.buttons = QDialogButtonBox()
        if confirm:
            ok = self.buttons.addButton(self.tr("仍然导出(&E)"), QDialogButtonBox.ButtonRole.AcceptRole)
            ok.setObjectName("export_anyway")
            cancel = self.buttons.addButton(self.tr("取消，先去补齐"),
                                            QDialogButtonBox.ButtonRole.RejectRole)
            cancel.setDefault(True)
        else:
            # Stays open while the clerk fixes things; 重新检查 runs the check again.
            self.recheck_button = self.buttons.addButton(self.tr("重新检查(&R)"),
                                                         QDialogButtonBox.ButtonRole.ActionRole)
            self.recheck_button.clicked.connect(self.recheck_requested)
            self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.set_gaps(self.gaps)
        self.resize(980, 560)

    def set_gaps(self, gaps: list) -> None:
        self.gaps = list(gaps)
        if not self.gaps:
            self.summary_label.setText(self.tr("没有发现缺项：各项举措、佐证材料和联系信息均已齐全。"))
        elif self.confirm:
            self.summary_label.setText(self.tr(
                "发现 {0} 处缺项。可以先补齐再导出；确实要按现状报送，请点“仍然导出”。"
                "（双击一行可转到该举措）").format(len(self.gaps)))
        else:
            self.summary_label.setText(self.tr(
                "发现 {0} 处缺项，建议报送前补齐。双击一行可转到该举措。").format(len(self.gaps)))
        table = self.table
        table.setRowCount(0)
        for gap in self.gaps:
            r = table.rowCount()
            table.insertRow(r)
            # Gap labels and messages come from models (Chinese data); shown as given.
            for c, value in enumerate((gap.label, gap.measure_code or "—", gap.message, gap.fix)):
                cell = QTableWidgetItem(value)
                cell.setData(CODE_ROLE, gap.measure_code)
                cell.setToolTip(value)
                table.setItem(r, c, cell)
        table.resizeRowsToContents()

    def _on_activated(self, index) -> None:
        code = self.table.item(index.row(), 0).data(CODE_ROLE)
        if code:
            self.measure_activated.emit(code)
