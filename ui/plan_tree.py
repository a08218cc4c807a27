"""The plan as a tree (sections → tasks) with the unit's counts and completion per node.

A save re-counts the nodes in place: the sections the clerk opened stay open and the chosen
node stays chosen (and in view), so the tree keeps agreeing with the table's filter.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from models.status import DONE, NOT_INVOLVED


SECTION_ROLE = Qt.ItemDataRole.UserRole + 1
TASK_ROLE = Qt.ItemDataRole.UserRole + 2


class PlanTreeWidget(QTreeWidget):
    """Selecting a node narrows the measure table to that section or task."""

    node_selected = Signal(object, object)     # (section title or None, task no or None)

    def __init__(self, session, parent=None, *, fill: bool = True):
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
        if fill:
            self.rebuild()
        else:
            # The nodes come later (the window fills them after its first paint); the count
            # the filter bar shows is known now.
            from models.queries import outline_rows
            self.total = len(outline_rows(session.ledger))

    def _on_changed(self, changes):
        # Counts per node follow statuses; a new plan or a restored ledger means new nodes.
        if (changes.everything or changes.measures) and not self.session.suspended:
            self.rebuild()

    def rebuild(self) -> None:
        """Counts come from the unit's measure rows (one query); the node selection and the
        sections opened stay."""
        selected = self.current_node()
        root_item = self.topLevelItem(0)
        opened = {root_item.child(i).data(0, SECTION_ROLE) for i in range(root_item.childCount())
                  if root_item.child(i).isExpanded()} if root_item is not None else set()
        from models.queries import outline_rows
        rows = outline_rows(self.session.ledger)
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
            s_item.setExpanded(title in opened)
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
        self.scrollToItem(keep)
        self.blockSignals(False)

    def set_wrap(self, on: bool) -> None:
        """Long task names wrap onto more lines (视图 → 换行显示全文) instead of being cut."""
        self.setUniformRowHeights(not on)
        self.setWordWrap(on)
        self.setTextElideMode(Qt.TextElideMode.ElideNone if on else Qt.TextElideMode.ElideRight)
        self.doItemsLayout()

    def select_node(self, section: str | None, task_no: int | None = None) -> None:
        """Choose the section (or one of its tasks) by title, opening it so it is seen."""
        if not self.topLevelItemCount():
            self.rebuild()
        root = self.topLevelItem(0)
        target = root
        for i in range(root.childCount() if section else 0):
            item = root.child(i)
            if item.data(0, SECTION_ROLE) != section:
                continue
            target = item
            for j in range(item.childCount() if task_no is not None else 0):
                if item.child(j).data(0, TASK_ROLE) == task_no:
                    target = item.child(j)
            if target is not item or task_no is None:
                item.setExpanded(True)
        self.setCurrentItem(target)
        self.scrollToItem(target)

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
        item = self.currentItem() if self.topLevelItemCount() else None
        if item is None:
            return (None, None)
        return (item.data(0, SECTION_ROLE), item.data(0, TASK_ROLE))

    def select_all(self) -> None:
        if self.topLevelItemCount():
            self.setCurrentItem(self.topLevelItem(0))

    def _emit_selection(self):
        self.node_selected.emit(*self.current_node())
