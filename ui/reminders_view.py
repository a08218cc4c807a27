"""The reminders shown when a ledger opens: what is overdue, what falls due within the
ledger's reminder days, and which milestones are due — each a double-click away from its
measure. Non-modal: the clerk can work beside it (models.reminders computes the lists)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout)

from models.deadlines import days_left
from models.pace import LIGHT_COLOURS, RED, YELLOW

from . import i18n
from .pace_view import light_icon

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class ReminderDialog(QDialog):
    """Three groups of reminders; activating a line opens its measure in the window."""

    measure_activated = Signal(str)

    def __init__(self, found, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("到期提醒"))
        self.setModal(False)
        self.resize(640, 420)
        self.found = found
        layout = QVBoxLayout(self)
        on = found.on.isoformat()
        if found:
            head = self.tr("截至 {0}：已逾期 {1} 项，{2} 天内到期 {3} 项，到期的阶段节点 {4} 个。"
                           "双击一行打开该举措。").format(
                on, len(found.overdue), found.days, len(found.due_soon), len(found.milestones))
        else:
            head = self.tr("截至 {0}：没有逾期或 {1} 天内到期的举措和阶段节点。").format(on, found.days)
        self.head = QLabel(head)
        self.head.setWordWrap(True)
        layout.addWidget(self.head)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("到期提醒"))
        self.tree.setHeaderLabels([self.tr("举措"), self.tr("日期"), self.tr("内容")])
        self.tree.setRootIsDecorated(True)
        self.tree.itemActivated.connect(self._activated)
        layout.addWidget(self.tree, 1)
        self._group(self.tr("已逾期（{0}）").format(len(found.overdue)), [
            (row.code, row.deadline, self.tr("逾期 {0} 天　{1}　{2}").format(
                -days_left(row.deadline, found.on), i18n.label(row.shown_status), row.text), RED)
            for row in found.overdue])
        self._group(self.tr("{0} 天内到期（{1}）").format(found.days, len(found.due_soon)), [
            (row.code, row.deadline, self.tr("还有 {0} 天　{1}　{2}").format(
                days_left(row.deadline, found.on), i18n.label(row.shown_status), row.text), YELLOW)
            for row in found.due_soon])
        self._group(self.tr("阶段节点（{0}）").format(len(found.milestones)), [
            (m.measure_code, m.planned,
             (self.tr("逾期 {0} 天　{1}") if m.late else self.tr("还有 {0} 天　{1}")).format(
                 abs(m.days_left), m.text), RED if m.late else YELLOW)
            for m in found.milestones])
        self.tree.expandAll()
        self.tree.setColumnWidth(0, 90)
        self.tree.setColumnWidth(1, 96)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("知道了"))
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)

    def _group(self, title: str, lines: list[tuple]) -> None:
        if not lines:
            return
        group = QTreeWidgetItem([title])
        group.setFirstColumnSpanned(True)
        self.tree.addTopLevelItem(group)
        group.setFirstColumnSpanned(True)
        for code, day, text, light in lines:
            item = QTreeWidgetItem([code, day, text])
            item.setIcon(0, light_icon(light))
            item.setData(0, CODE_ROLE, code)
            item.setToolTip(2, text)
            if light == RED:
                item.setForeground(1, QColor(LIGHT_COLOURS[RED]))
            group.addChild(item)

    def codes(self) -> list[str]:
        """The measure codes listed, top to bottom (for tests and screen readers)."""
        found = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            found += [group.child(k).data(0, CODE_ROLE) for k in range(group.childCount())]
        return found

    def _activated(self, item, _column) -> None:
        code = item.data(0, CODE_ROLE)
        if code:
            self.measure_activated.emit(code)
