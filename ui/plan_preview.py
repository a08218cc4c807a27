"""Preview of a task list read from a file, before it is added to the ledger as a plan.

The plan dict comes from models.plan.reader.read_plan_file (already checked whole); the clerk
sees what the program understood — sections, tasks, measures with 责任地市 and scope — and
only then confirms. Nothing is written here.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout)

from models.plan.scope import SCOPE_LABELS, inherit_responsibility, resolve_scope

from . import i18n


def plan_counts(plan: dict) -> tuple[int, int, int]:
    """(sections, tasks, measures) of a plan dict."""
    sections = plan.get("sections") or []
    tasks = [t for s in sections for t in s.get("tasks") or []]
    measures = [m for t in tasks for m in t.get("measures") or []]
    return len(sections), len(tasks), len(measures)


class PlanPreviewDialog(QDialog):
    """Shows a parsed plan; OK means "add it to the ledger and work on it"."""

    def __init__(self, plan: dict, source: Path, parent=None):
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("导入任务清单 — 预览"))
        layout = QVBoxLayout(self)
        n_sections, n_tasks, n_measures = plan_counts(plan)
        self.summary_label = QLabel(self.tr(
            "文件：{0}\n方案：{1}\n年度：{2}　报送截止：{3}\n共 {4} 个部分、{5} 项任务、{6} 条落实举措；"
            "单位名单 {7} 个。").format(
                Path(source).name, plan.get("title", ""), plan.get("year", ""),
                plan.get("deadline") or self.tr("未注明"), n_sections, n_tasks, n_measures,
                len(plan.get("units") or [])))
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary_label)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("任务清单"), self.tr("责任地市"), self.tr("责任范围"),
                                   self.tr("完成时限")])
        self.tree.setAccessibleName(self.tr("任务清单预览"))
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.unknown_names: list[str] = []
        self._fill()
        layout.addWidget(self.tree, 1)
        if self.unknown_names:
            # Provinces name departments and new districts freely: added, but the clerk
            # should see them in case one is a typo of a city's name.
            self.unknown_label = QLabel(self.tr(
                "责任地市中有 {0} 个名称不在单位名单中，将作为其他单位加入：{1}").format(
                    len(self.unknown_names), "、".join(self.unknown_names)))
            self.unknown_label.setWordWrap(True)
            self.unknown_label.setStyleSheet("color: #9a5b00;")
            layout.addWidget(self.unknown_label)

        note = QLabel(self.tr("确认后，此方案将加入台账并成为当前方案；原有方案及其填报内容保持不变，"
                              "可在“方案”菜单中切换。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导入并切换(&I)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(900, 640)

    def _fill(self) -> None:
        plan = self.plan
        unit_names = [u.get("name", "") for u in plan.get("units") or []]
        measures = [m for s in plan.get("sections") or [] for t in s.get("tasks") or []
                    for m in t.get("measures") or []]
        # An empty 责任地市 cell means "as above" (merged in the original).
        effective = iter(inherit_responsibility([m.get("responsibility", "") for m in measures]))
        for section in plan.get("sections") or []:
            s_item = QTreeWidgetItem(self.tree, [section.get("title", "")])
            s_item.setToolTip(0, section.get("title", ""))
            s_item.setExpanded(True)
            for task in section.get("tasks") or []:
                text = "{0}. {1}".format(task.get("no"), task.get("content", ""))
                t_item = QTreeWidgetItem(s_item, [text])
                t_item.setToolTip(0, text)
                for index, measure in enumerate(task.get("measures") or [], 1):
                    responsibility = next(effective)
                    scope, unknown = resolve_scope(responsibility, unit_names)
                    self.unknown_names += [n for n in unknown if n not in self.unknown_names]
                    code = "{0}.{1}".format(task.get("no"), index)
                    m_item = QTreeWidgetItem(t_item, [
                        "{0}　{1}".format(code, measure.get("text", "")), responsibility,
                        i18n.label(SCOPE_LABELS.get(scope.kind, scope.kind)),
                        measure.get("deadline") or plan.get("deadline") or ""])
                    m_item.setToolTip(0, measure.get("text", ""))
                    m_item.setToolTip(1, responsibility)
        self.tree.expandToDepth(0)
