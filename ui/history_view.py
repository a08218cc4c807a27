"""A measure's 修改记录 in the panel: who changed what, when (models.history), in words.

The audit trail stores actions and their details as data (Chinese where a clerk typed it);
this words each row in the interface language.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from . import i18n

SNIPPET = 40                 # characters of a text shown in one history line



def _snippet(text) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= SNIPPET else text[:SNIPPET] + "…"


def _figure(value) -> str:
    if value is None:
        return QCoreApplication.translate("HistoryView", "（清除）")
    return f"{value:g}" if isinstance(value, (int, float)) else str(value)


def describe(item) -> str:
    """One line for a models.history.HistoryItem."""
    d, action = item.detail, item.action
    if action == "record":
        parts = []
        if "status" in d:
            parts.append(QCoreApplication.translate("HistoryView", "状态改为“{0}”").format(i18n.label(d["status"])))
        if "involved" in d and "status" not in d:
            parts.append(QCoreApplication.translate("HistoryView", "确认本单位涉及") if d["involved"] else QCoreApplication.translate("HistoryView", "确认不涉及"))
        if "not_involved_reason" in d:
            parts.append(QCoreApplication.translate("HistoryView", "不涉及的理由：{0}").format(_snippet(d["not_involved_reason"])))
        if "problems" in d:
            parts.append(QCoreApplication.translate("HistoryView", "存在问题改为：{0}").format(_snippet(d["problems"])))
        if "next_steps" in d:
            parts.append(QCoreApplication.translate("HistoryView", "下一步打算改为：{0}").format(_snippet(d["next_steps"])))
        if "note" in d:
            parts.append(QCoreApplication.translate("HistoryView", "新增进展（{0}）：{1}").format(d.get("date", ""), _snippet(d["note"])))
        if "value" in d:
            parts.append(QCoreApplication.translate("HistoryView", "完成值：{0}").format(_figure(d["value"])))
        return QCoreApplication.translate("HistoryView", "；").join(parts) or QCoreApplication.translate("HistoryView", "填报")
    if action == "indicator":
        return QCoreApplication.translate("HistoryView", "完成值：{0}").format(_figure(d.get("value")))
    if action == "edit_entry":
        new = d.get("new") or {}
        return QCoreApplication.translate("HistoryView", "修改进展（{0}）：{1}").format(new.get("date", ""), _snippet(new.get("text") or
                                                                     (d.get("old") or {}).get("text")))
    if action == "delete_entry":
        return QCoreApplication.translate("HistoryView", "删除进展（{0}）：{1}").format(d.get("date", ""), _snippet(d.get("text")))
    if action in ("attach", "attach_many"):
        return QCoreApplication.translate("HistoryView", "添加佐证材料：{0}").format(d.get("name", ""))
    if action == "unlink":
        return QCoreApplication.translate("HistoryView", "取消关联佐证材料：{0}").format(d.get("name", ""))
    if action == "undo":
        return QCoreApplication.translate("HistoryView", "撤销：{0}").format(d.get("what", ""))
    if action == "redo":
        return QCoreApplication.translate("HistoryView", "重做：{0}").format(d.get("what", ""))
    return action


class HistoryView(QTreeWidget):
    """The rows of a measure's history, newest first: 时间 | 填报人 | 修改内容."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("时间"), self.tr("填报人"), self.tr("修改内容")])
        self.setAccessibleName(self.tr("修改记录"))
        self.setRootIsDecorated(False)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

    def show_items(self, items) -> None:
        """Fill from models.history.measure_history (newest first)."""
        self.clear()
        for item in items:
            row = QTreeWidgetItem(self, [item.at.replace("T", " ")[:16], item.user or "—",
                                         describe(item)])
            row.setToolTip(2, row.text(2))
        if not items:
            QTreeWidgetItem(self, ["", "", self.tr("还没有修改")])
