"""Preview of a task list read from a file, before it is added to the ledger as a plan.

The plan dict comes from models.plan.reader.read_plan_file (already checked whole); the clerk
sees what the program understood — sections, tasks, measures with their units (牵头 and 配合
where the list tells them apart), scope, 完成时限 as written, 任务目标, columns kept as text —
and every doubt (a column not understood, a name not on the unit list, a measure with no
unit, a heading passed over). The unit list the plan is read with can be changed here (a
built-in list, the document's own names, a list file) and edited; each change re-reads the
units of every measure. When the list does not name the ledger's unit, the clerk says which
of its names means "us". Nothing is written here.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QListWidget,
                               QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from models.errors import LedgerError
from models.plan.doubts import KIND_TITLES, plan_doubts
from models.plan.scope import SCOPE_LABELS
from models.plan.store import effective_unit_texts
from models.plan.unit_lists import (DOCUMENT, FILE_PREFIX, attach_units, builtin_lists,
                                    default_unit_list, document_names, load_builtin,
                                    read_unit_list_file)
from models.plan.units import KIND_LABELS, resolve_unit_text

from . import i18n
from .jobs import Access
from .widgets import ok_cancel_buttons

UNIT_LIST_FOLDER_KEY = "paths/last_unit_list_folder"
EDITED = "edited:"          # units_source of a list changed in the preview
_C = "PlanPreviewDialog"
LAYOUTS = {"two-level": QT_TRANSLATE_NOOP("PlanPreviewDialog", "两级表格（任务—举措）"),
           "one-level": QT_TRANSLATE_NOOP("PlanPreviewDialog", "一级表格（每行一项任务）"),
           "running-text": QT_TRANSLATE_NOOP("PlanPreviewDialog", "正文条目（一、（一）1.）")}
(TEXT, UNITS, SCOPE, DEADLINE, LEAD, ASSISTING, TARGET, OTHER) = range(8)


def plan_counts(plan: dict) -> tuple[int, int, int]:
    """(sections, tasks, measures) of a plan dict."""
    sections = plan.get("sections") or []
    tasks = [t for s in sections for t in s.get("tasks") or []]
    measures = [m for t in tasks for m in t.get("measures") or []]
    return len(sections), len(tasks), len(measures)


class PlanPreviewDialog(QDialog):
    """Shows a parsed plan; OK means "add it to the ledger and work on it".

    ``our_unit``: the ledger's unit (a city ledger); when the plan does not name it the clerk
    picks the plan's name for it (``our_name``) before OK is enabled. ``host`` (the window)
    runs the reading of a unit list file off the GUI thread.
    """

    def __init__(self, plan: dict, source: Path, parent=None, *, our_unit: str | None = None,
                 host=None):
        super().__init__(parent)
        self.plan = plan
        if "units" not in plan:             # a plan file naming its list only (units_list)
            attach_units(plan, *default_unit_list(plan))
        self.source = Path(source)
        self.our_unit = our_unit
        self.our_name: str | None = None
        self.host = host
        self.unknown_names: list[str] = []
        self.doubts = []
        self.setWindowTitle(self.tr("导入任务清单 — 预览"))
        layout = QVBoxLayout(self)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary_label)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(8)
        self.tree.setHeaderLabels([self.tr("任务清单"), self.tr("责任地市"), self.tr("责任范围"),
                                   self.tr("完成时限"), self.tr("牵头单位"), self.tr("配合单位"),
                                   self.tr("任务目标"), self.tr("其他列")])
        self.tree.setAccessibleName(self.tr("任务清单预览"))
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for col in range(UNITS, OTHER + 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, 110)
        splitter.addWidget(self.tree)

        self.tabs = QTabWidget()
        self.doubt_list = QListWidget()
        self.doubt_list.setAccessibleName(self.tr("请核对"))
        self.doubt_list.setWordWrap(True)
        self.tabs.addTab(self.doubt_list, "")
        self.tabs.addTab(self._units_page(), "")
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([480, 150])
        layout.addWidget(splitter, 1)

        self.unknown_label = QLabel()
        self.unknown_label.setWordWrap(True)
        self.unknown_label.setStyleSheet("color: #9a5b00;")
        layout.addWidget(self.unknown_label)

        self.us_box = QGroupBox(self.tr("本单位在这份清单中的名称"))
        us_layout = QFormLayout(self.us_box)
        self.us_label = QLabel()
        self.us_label.setWordWrap(True)
        self.us_combo = QComboBox()
        self.us_combo.setAccessibleName(self.tr("本单位在清单中的名称"))
        self.us_combo.activated.connect(self._on_us)
        us_layout.addRow(self.us_label)
        us_layout.addRow(self.tr("清单中指本单位的名称(&U)："), self.us_combo)
        layout.addWidget(self.us_box)

        note = QLabel(self.tr("确认后，此方案将加入台账并成为当前方案；原有方案及其填报内容保持不变，"
                              "可在“方案”菜单中切换。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        self.buttons = ok_cancel_buttons(self, self.tr("导入并切换(&I)"))
        layout.addWidget(self.buttons)
        self.resize(1100, 720)
        self.refresh()

    # ---- the unit list ----------------------------------------------------------------------
    def _units_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("单位名单(&L)：")))
        self.list_combo = QComboBox()
        self.list_combo.setAccessibleName(self.tr("单位名单"))
        self.list_combo.addItem(self.tr("清单中出现的单位"), DOCUMENT)
        for info in builtin_lists():
            self.list_combo.addItem(info.title, info.id)
            self.list_combo.setItemData(self.list_combo.count() - 1, info.note, Qt.ItemDataRole.ToolTipRole)
        self.list_combo.addItem(self.tr("从名单文件读取…"), FILE_PREFIX)
        row.itemAt(0).widget().setBuddy(self.list_combo)
        self.list_combo.activated.connect(self._on_list_chosen)
        row.addWidget(self.list_combo, 1)
        box.addLayout(row)
        self.units_table = QTableWidget(0, 2)
        self.units_table.setHorizontalHeaderLabels([self.tr("单位名称"), self.tr("类别")])
        self.units_table.setAccessibleName(self.tr("单位名单"))
        self.units_table.verticalHeader().setVisible(False)
        self.units_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.units_table.itemChanged.connect(lambda _item: self._units_edited())
        box.addWidget(self.units_table, 1)
        buttons = QHBoxLayout()
        self.add_unit_button = QPushButton(self.tr("添加单位(&A)"))
        self.remove_unit_button = QPushButton(self.tr("删除所选(&D)"))
        self.add_unit_button.clicked.connect(self.add_unit)
        self.remove_unit_button.clicked.connect(self.remove_selected_units)
        buttons.addWidget(self.add_unit_button)
        buttons.addWidget(self.remove_unit_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        return page

    def _fill_units_table(self) -> None:
        units = self.plan.get("units") or []
        self.units_table.blockSignals(True)
        self.units_table.setRowCount(len(units))
        for r, unit in enumerate(units):
            self.units_table.setItem(r, 0, QTableWidgetItem(unit["name"]))
            combo = QComboBox()
            for kind, text in KIND_LABELS.items():
                combo.addItem(i18n.label(text), kind)
            combo.setCurrentIndex(max(0, combo.findData(unit.get("kind", "other"))))
            combo.activated.connect(lambda _i: self._units_edited())
            self.units_table.setCellWidget(r, 1, combo)
        self.units_table.blockSignals(False)
        source = self.plan.get("units_source", "")
        base = source[len(EDITED):] if source.startswith(EDITED) else source
        index = self.list_combo.findData(FILE_PREFIX if base.startswith(FILE_PREFIX) else base)
        if index >= 0:
            self.list_combo.setCurrentIndex(index)

    def _table_units(self) -> list[dict]:
        units = []
        for r in range(self.units_table.rowCount()):
            item = self.units_table.item(r, 0)
            name = item.text().strip() if item else ""
            combo = self.units_table.cellWidget(r, 1)
            if name:
                units.append({"name": name, "kind": combo.currentData() if combo else "other"})
        return units

    def _units_edited(self) -> None:
        source = self.plan.get("units_source", "")
        if not source.startswith(EDITED):
            source = EDITED + source
        self.use_units(self._table_units(), source)

    def add_unit(self) -> None:
        """A new row at the end of the list (named by the clerk)."""
        self.units_table.blockSignals(True)
        r = self.units_table.rowCount()
        self.units_table.insertRow(r)
        self.units_table.setItem(r, 0, QTableWidgetItem(""))
        combo = QComboBox()
        for kind, text in KIND_LABELS.items():
            combo.addItem(i18n.label(text), kind)
        combo.setCurrentIndex(combo.findData("department"))
        combo.activated.connect(lambda _i: self._units_edited())
        self.units_table.setCellWidget(r, 1, combo)
        self.units_table.blockSignals(False)
        self.units_table.editItem(self.units_table.item(r, 0))

    def remove_selected_units(self) -> None:
        rows = sorted({index.row() for index in self.units_table.selectedIndexes()}, reverse=True)
        if not rows:
            return
        self.units_table.blockSignals(True)
        for r in rows:
            self.units_table.removeRow(r)
        self.units_table.blockSignals(False)
        self._units_edited()

    def _on_list_chosen(self, index: int) -> None:
        choice = self.list_combo.itemData(index)
        if choice == FILE_PREFIX:
            self.choose_unit_file()
        elif choice == DOCUMENT:
            self.use_units([], DOCUMENT)
        else:
            self.use_units(load_builtin(choice), choice)

    def choose_unit_file(self, path: Path | None = None) -> None:
        """Read a one-column .txt/.xlsx unit list (off the GUI thread when there is a host)."""
        if path is None:
            title, flt = self.tr("选择单位名单文件"), self.tr("单位名单 (*.txt *.xlsx)")
            if self.host is not None:
                path = self.host.ask_open_path(title, flt, key=UNIT_LIST_FOLDER_KEY)
            else:
                chosen, _ = QFileDialog.getOpenFileName(self, title, "", flt)
                path = Path(chosen) if chosen else None
        if path is None:
            self._fill_units_table()            # back to the list in use
            return
        path = Path(path)
        done = lambda units: self.use_units(units, FILE_PREFIX + path.name)  # noqa: E731
        if self.host is None:
            try:
                done(read_unit_list_file(path))
            except LedgerError as error:
                self._show_list_error(str(error))
            return
        self.host.start_job(lambda progress, cancelled: read_unit_list_file(path),
                            self.tr("正在读取 {0}…").format(path.name), done,
                            access=Access.NONE, on_failure=self._show_list_error)

    def _show_list_error(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox
        QMessageBox.warning(self, self.tr("单位名单"), message)
        self._fill_units_table()

    def use_units(self, units: list[dict], source: str) -> None:
        """Read the plan with ``units`` (plus the document's own names) and show it again."""
        attach_units(self.plan, units, source)
        self.refresh()

    # ---- showing the plan ----------------------------------------------------------------
    def refresh(self) -> None:
        """Fill every part of the dialog from the plan as it is now read."""
        plan = self.plan
        n_sections, n_tasks, n_measures = plan_counts(plan)
        reading = plan.get("reading") or {}
        layout = LAYOUTS.get(reading.get("layout", ""))
        self.summary_label.setText(self.tr(
            "文件：{0}\n方案：{1}\n年度：{2}　报送截止：{3}\n共 {4} 个部分、{5} 项任务、{6} 条落实举措；"
            "单位名单 {7} 个（{8}）。").format(
                self.source.name, plan.get("title", ""), plan.get("period") or plan.get("year", ""),
                plan.get("deadline") or self.tr("未注明"), n_sections, n_tasks, n_measures,
                len(plan.get("units") or []), self._source_text())
            + (self.tr("\n读取方式：{0}").format(QCoreApplication.translate(_C, layout)) if layout else ""))
        self.tree.clear()
        self.unknown_names = []
        self._fill_tree()
        self.doubts = plan_doubts(plan)
        self.doubt_list.clear()
        for doubt in self.doubts:
            self.doubt_list.addItem(i18n.label(KIND_TITLES[doubt.kind]) + "："
                                    + "：".join(x for x in (doubt.where, doubt.text) if x))
        if not self.doubts:
            self.doubt_list.addItem(self.tr("未发现需要核对的地方。"))
        self.tabs.setTabText(0, self.tr("请核对（{0}）").format(len(self.doubts)))
        self.tabs.setTabText(1, self.tr("单位名单（{0}）").format(len(plan.get("units") or [])))
        self._fill_units_table()
        self.unknown_label.setVisible(bool(self.unknown_names))
        if self.unknown_names:
            # Lists name departments and new districts freely: added, but the clerk should
            # see them in case one is a typo of a listed name.
            self.unknown_label.setText(self.tr(
                "责任地市中有 {0} 个名称不在单位名单中，将作为其他单位加入：{1}").format(
                    len(self.unknown_names), "、".join(self.unknown_names)))
        self._fill_us()

    def _source_text(self) -> str:
        source = self.plan.get("units_source", "")
        edited = source.startswith(EDITED)
        base = source[len(EDITED):] if edited else source
        if base == DOCUMENT:
            text = self.tr("清单中出现的单位")
        elif base.startswith(FILE_PREFIX):
            text = self.tr("名单文件 {0}").format(base[len(FILE_PREFIX):])
        else:
            text = next((info.title for info in builtin_lists() if info.id == base), base)
        return text + (self.tr("，已修改") if edited else "")

    def _fill_tree(self) -> None:
        plan = self.plan
        units = plan.get("units") or []
        on_list = {u["name"] for u in units if u.get("kind") != "other"}
        has_list = not plan.get("units_source", "").endswith(DOCUMENT)
        texts = iter(effective_unit_texts(plan))
        orange = QBrush(QColor("#9a5b00"))
        grey = QBrush(QColor("#9a9a9a"))
        italic = QFont()
        italic.setItalic(True)
        for section in plan.get("sections") or []:
            s_item = QTreeWidgetItem(self.tree, [section.get("title", "")])
            s_item.setToolTip(TEXT, section.get("title", ""))
            for task in section.get("tasks") or []:
                text = "{0}. {1}".format(task.get("no"), task.get("content", ""))
                t_item = QTreeWidgetItem(s_item, [text])
                t_item.setToolTip(TEXT, text)
                for index, measure in enumerate(task.get("measures") or [], 1):
                    responsibility = next(texts)
                    resolution = resolve_unit_text(responsibility, units)
                    code = "{0}.{1}".format(task.get("no"), index)
                    number = measure.get("number") or ""
                    m_item = QTreeWidgetItem(t_item, [
                        "{0}　{1}".format(code, measure.get("text", "")), responsibility,
                        i18n.label(SCOPE_LABELS.get(resolution.scope, resolution.scope))])
                    m_item.setToolTip(TEXT, (self.tr("清单编号：{0}\n").format(number) if number else "")
                                      + measure.get("text", ""))
                    m_item.setToolTip(UNITS, responsibility)
                    self._fill_deadline(m_item, measure, grey, italic)
                    self._fill_roles(m_item, resolution, units)
                    missing = [m.name for m in resolution.members if m.name not in on_list]
                    if has_list and missing:
                        self.unknown_names += [n for n in missing if n not in self.unknown_names]
                        for col in (UNITS, LEAD, ASSISTING):
                            m_item.setForeground(col, orange)
                    if measure.get("target"):
                        m_item.setText(TARGET, measure["target"])
                        m_item.setToolTip(TARGET, measure["target"])
                    if measure.get("extra"):
                        other = "；".join(f"{c}：{t}" for c, t in measure["extra"])
                        m_item.setText(OTHER, other)
                        m_item.setToolTip(OTHER, other)
        self.tree.expandToDepth(1)

    def _fill_deadline(self, item, measure: dict, grey, italic) -> None:
        written, day = measure.get("deadline_text") or "", measure.get("deadline") or ""
        if written or day:
            shown = written if not day or written == day else (
                "{0}（{1}）".format(written, day) if written else day)
            item.setText(DEADLINE, shown)
            item.setToolTip(DEADLINE, self.tr("清单所写完成时限：{0}\n日期：{1}").format(
                written or day, day or self.tr("无具体日期")))
            return
        # No 完成时限 of its own: the hand-in date stands in, shown as such.
        item.setText(DEADLINE, self.plan.get("deadline") or "")
        item.setForeground(DEADLINE, grey)
        item.setFont(DEADLINE, italic)
        item.setToolTip(DEADLINE, self.tr("清单未规定完成时限：按报送截止日期提示"))

    def _fill_roles(self, item, resolution, units) -> None:
        if resolution.scope == "all":
            count = sum(1 for u in units if u.get("kind") not in ("other", "division"))
            item.setText(LEAD, self.tr("全部单位（{0} 个）").format(count))
            return
        if resolution.scope == "relevant":
            item.setText(LEAD, self.tr("相关单位各自确认"))
            return
        lead, assisting = "、".join(resolution.lead), "、".join(resolution.assisting)
        confirm = [m.name for m in resolution.members if m.relevant]
        item.setText(LEAD, lead)
        item.setText(ASSISTING, assisting)
        item.setToolTip(LEAD, lead)
        item.setToolTip(ASSISTING, assisting + (self.tr("\n（其中需确认是否涉及：{0}）").format(
            "、".join(confirm)) if confirm else ""))

    # ---- which name means us ---------------------------------------------------------------
    def _plan_names(self) -> list[str]:
        names = [u["name"] for u in self.plan.get("units") or []]
        return names + [n for n in document_names(self.plan) if n not in names]

    def _fill_us(self) -> None:
        names = self._plan_names()
        needed = bool(self.our_unit) and self.our_unit not in names
        self.us_box.setVisible(needed)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if not needed:
            self.our_name = None
            ok.setEnabled(True)
            return
        self.us_label.setText(self.tr("这份清单没有提到本台账的单位“{0}”。请选出清单中指本单位的名称"
                                      "（例如本单位在清单中的全称或简称）；没有时请取消导入。").format(
                                          self.our_unit))
        keep = self.our_name if self.our_name in names else None
        self.us_combo.blockSignals(True)
        self.us_combo.clear()
        self.us_combo.addItem(self.tr("请选择…"), None)
        for name in names:
            self.us_combo.addItem(name, name)
        self.us_combo.setCurrentIndex(max(0, self.us_combo.findData(keep)) if keep else 0)
        self.us_combo.blockSignals(False)
        self.our_name = keep
        ok.setEnabled(keep is not None)

    def _on_us(self, index: int) -> None:
        self.our_name = self.us_combo.itemData(index)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.our_name is not None)

    def choose_our_name(self, name: str) -> None:
        """Pick ``name`` as the plan's name for our unit (what choosing it in the box does)."""
        index = self.us_combo.findData(name)
        self.us_combo.setCurrentIndex(index)
        self._on_us(index)
