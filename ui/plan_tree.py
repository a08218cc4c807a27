"""The plan as a tree (sections → tasks) with the unit's counts and completion per node."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from models.status import DONE, NOT_INVOLVED


SECTION_ROLE = Qt.ItemDataRole.UserRole + 1
TASK_ROLE = Qt.ItemDataRole.UserRole + 2


class PlanTreeWidget(QTreeWidget):
    """Selecting a node narrows the measure table to that section or task."""

    node_selected = Signal(object, object)     # (section title or None, task no or None)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.total = 0                 # measures the unit sees in the current plan
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("任务清单"), self.tr("举措"), self.tr("完成")])
        self.setAccessibleName(self.tr("任务清单"))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.setUniformRowHeights(True)
        self.itemSelectionChanged.connect(self._emit_selection)
        session.signals.changed.connect(self._on_changed)
        self.rebuild()

    def _on_changed(self, changes):
        # Counts per node follow statuses; a new plan or a restored ledger means new nodes.
        if (changes.everything or changes.measures) and not self.session.suspended:
            self.rebuild()

    def rebuild(self) -> None:
        """Counts come from the unit's measure rows (one query); the node selection stays."""
        selected = self.current_node()
        rows = self.session.ledger.measures()
        self.total = len(rows)
        sections: dict[str, dict] = {}
        for row in rows:
            section = sections.setdefault(row.section, {"tasks": {}, "rows": []})
            section["rows"].append(row)
            task = section["tasks"].setdefault(row.task_no, {"content": row.task_content, "rows": []})
            task["rows"].append(row)
        self.blockSignals(True)
        self.clear()
        root = QTreeWidgetItem(self, [self.tr("全部举措")])
        self._fill_counts(root, rows)
        keep = root
        for title, section in sections.items():
            s_item = QTreeWidgetItem(root, [title])
            s_item.setData(0, SECTION_ROLE, title)
            s_item.setToolTip(0, title)
            self._fill_counts(s_item, section["rows"])
            if selected == (title, None):
                keep = s_item
            for no, task in section["tasks"].items():
                t_item = QTreeWidgetItem(s_item, [f"{no}. {task['content']}"])
                t_item.setData(0, SECTION_ROLE, title)
                t_item.setData(0, TASK_ROLE, no)
                t_item.setToolTip(0, f"{no}. {task['content']}")
                self._fill_counts(t_item, task["rows"])
                if selected == (title, no):
                    keep = t_item
        root.setExpanded(True)
        self.setCurrentItem(keep)
        self.blockSignals(False)

    def _fill_counts(self, item: QTreeWidgetItem, rows) -> None:
        carried = [r for r in rows if r.status != NOT_INVOLVED]
        done = sum(r.status == DONE for r in carried)
        item.setText(1, str(len(rows)))
        item.setText(2, f"{done}/{len(carried)}" if carried else "—")
        share = done / len(carried) if carried else 0
        item.setToolTip(2, self.tr("已完成 {0} 项，占 {1:.0f}%").format(done, share * 100)
                        if carried else self.tr("无需填报"))
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if carried and done == len(carried):
            item.setForeground(2, Qt.GlobalColor.darkGreen)

    def current_node(self):
        item = self.currentItem()
        if item is None:
            return (None, None)
        return (item.data(0, SECTION_ROLE), item.data(0, TASK_ROLE))

    def select_all(self) -> None:
        self.setCurrentItem(self.topLevelItem(0))

    def _emit_selection(self):
        self.node_selected.emit(*self.current_node())
