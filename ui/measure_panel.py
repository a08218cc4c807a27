"""One measure: what it asks, what the unit reported, its progress entries and evidence.

Every field saves itself when the user is done with it (combo chosen, field left); there is
no Save button to forget. Writes go through the host's undo stack (ui.undo) and so through
Session.write (one models transaction each); copying evidence in and out runs as a job on the
host window (ui.host), off the GUI thread.

Layout: a fixed heading (举措 4.2 and its status, the task on one line) over a scroll area of
sections — the measure's text, 填报 (involvement, status, figures, problems, next steps),
工作进展, 佐证材料, 修改记录. A new measure is shown scrolled to the top. Lists grow with the
panel. Combo boxes ignore the wheel until clicked (ui.safe_input).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QRegularExpression, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut

from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QComboBox, QFormLayout, QFrame, 
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, 
                               QPushButton, QRadioButton, QScrollArea, QTableWidget, 
                               QTableWidgetItem, QVBoxLayout, QWidget)


from models.changes import Changes
from models.errors import LedgerError
from models.plan.scope import RELEVANT, SCOPE_LABELS
from models.status import DONE, IN_PROGRESS, NOT_INVOLVED, NOT_STARTED, PENDING

from . import i18n
from .jobs import Access
from .safe_input import guard
from .session import show_error
from .widgets import CommitTextEdit, ElidedLabel, human_size

ID_ROLE = Qt.ItemDataRole.UserRole + 1
LAST_FOLDER_KEY = "paths/last_evidence_folder"
# A figure as people type it: digits, one point, a sign, thousands commas (models parses it).
NUMBER_PATTERN = r"^[+-]?[0-9,，]*[.]?[0-9]*$"
LIST_ROWS = 5                # rows a list shows at least; it grows with the panel


class MeasurePanel(QWidget):
    """Shows and edits the measure chosen in the table."""

    measure_loaded = Signal(str)

    def __init__(self, session, parent=None, *, host=None):
        super().__init__(parent)
        self.session = session
        self.host = host            # ui.host.LedgerWindow: runs the evidence copies
        self.code: str | None = None
        self.detail = None
        self.indicator_edits: dict = {}
        self._open_dir: Path | None = None
        self._build()
        session.signals.changed.connect(self._on_changed)
        self.show_measure(None)

    # ---- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        panel = QVBoxLayout(self)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.setSpacing(0)
        # The heading stays put while the sections scroll: the clerk always sees which
        # measure she is typing into.
        self.heading = QWidget()
        heading = QVBoxLayout(self.heading)
        heading.setContentsMargins(8, 6, 8, 6)
        heading.setSpacing(2)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.task_label = ElidedLabel()
        self.task_label.setStyleSheet("color: #555;")
        self.search_label = QLabel()          # where the search text was found
        self.search_label.setWordWrap(True)
        self.search_label.setStyleSheet("color: #8a5a00;")
        self.search_label.hide()
        for widget in (self.title, self.task_label, self.search_label):
            heading.addWidget(widget)
        panel.addWidget(self.heading)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        panel.addWidget(rule)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        outer = QVBoxLayout(content)
        outer.setContentsMargins(8, 6, 8, 8)
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.task_full_label = QLabel()
        self.task_full_label.setWordWrap(True)
        self.task_full_label.setStyleSheet("color: #555;")
        self.task_full_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setStyleSheet("color: #555;")
        # The province's result and comment in the feedback imported (hidden when none).
        self.review_label = QLabel()
        self.review_label.setWordWrap(True)
        self.review_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.review_label.setAccessibleName(self.tr("省级审核意见"))
        self.review_label.setVisible(False)
        for widget in (self.text_label, self.task_full_label, self.info_label, self.review_label):
            outer.addWidget(widget)
        self.scroll.setWidget(content)
        panel.addWidget(self.scroll, 1)

        # The editing part is built when the first measure is shown: the window paints
        # sooner, and with nothing chosen there is nothing to edit.
        self._outer = outer
        self.body = None
        outer.addStretch(1)

    def _build_body(self) -> None:
        # The body takes the placeholder stretch's place (a read-only filler may follow it).
        place = next(i for i in range(self._outer.count())
                     if self._outer.itemAt(i).spacerItem() is not None)
        self._outer.takeAt(place)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        self._outer.insertWidget(place, self.body, 1)

        # 相关地市: the unit first says whether it is involved at all.
        self.involved_box = QGroupBox(self.tr("本单位是否涉及（相关地市举措需确认）"))
        involved = QVBoxLayout(self.involved_box)
        row = QHBoxLayout()
        self.involved_yes = QRadioButton(self.tr("本单位涉及(&Y)"))
        self.involved_no = QRadioButton(self.tr("不涉及(&J)"))
        self.involved_group = QButtonGroup(self)
        self.involved_group.addButton(self.involved_yes, 1)
        self.involved_group.addButton(self.involved_no, 0)
        self.involved_group.idClicked.connect(self._on_involved)
        row.addWidget(self.involved_yes)
        row.addWidget(self.involved_no)
        row.addStretch(1)
        involved.addLayout(row)
        # 不涉及 carries a short reason, printed in the 完成情况表's 备注.
        reason_row = QHBoxLayout()
        self.reason_label = QLabel()
        self.reason_label.setWordWrap(True)
        self.reason_button = QPushButton(self.tr("修改理由(&W)…"))
        self.reason_button.clicked.connect(self.edit_reason)
        reason_row.addWidget(self.reason_label, 1)
        reason_row.addWidget(self.reason_button)
        involved.addLayout(reason_row)
        body.addWidget(self.involved_box)

        self.report_box = QGroupBox(self.tr("填报"))
        form = QFormLayout(self.report_box)
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(self.tr("状态"))
        self.status_combo.activated.connect(self._on_status)
        status_label = QLabel(self.tr("状态(&S)："))
        status_label.setBuddy(self.status_combo)
        form.addRow(status_label, self.status_combo)
        self.indicator_box = QWidget()
        self.indicator_form = QFormLayout(self.indicator_box)
        self.indicator_form.setContentsMargins(0, 0, 0, 0)
        self.indicator_label = QLabel(self.tr("量化指标："))
        form.addRow(self.indicator_label, self.indicator_box)
        self.problems_edit = CommitTextEdit()
        self.problems_edit.setAccessibleName(self.tr("存在问题"))
        self.problems_edit.setPlaceholderText(self.tr("存在的问题（离开此框即保存）"))
        self.problems_edit.setFixedHeight(self._lines_height(3))
        self.problems_edit.editing_finished.connect(
            lambda: self._save_text("problems", self.problems_edit))
        self.problems_edit.setAcceptDrops(False)     # dropped files are evidence, not text
        problems_label = QLabel(self.tr("存在问题(&Q)："))
        problems_label.setBuddy(self.problems_edit)
        form.addRow(problems_label, self.problems_edit)
        self.next_edit = CommitTextEdit()
        self.next_edit.setAccessibleName(self.tr("下一步打算"))
        self.next_edit.setPlaceholderText(self.tr("下一步工作打算（离开此框即保存）"))
        self.next_edit.setFixedHeight(self._lines_height(3))
        self.next_edit.editing_finished.connect(
            lambda: self._save_text("next_steps", self.next_edit))
        self.next_edit.setAcceptDrops(False)
        next_label = QLabel(self.tr("下一步打算(&X)："))
        next_label.setBuddy(self.next_edit)
        form.addRow(next_label, self.next_edit)
        body.addWidget(self.report_box)

        # Deadline (the unit's own, the list's, or the hand-in date), 完成进度, 序时进度 and
        # the light, and the milestones (issue 12).
        from .pace_view import TimeBox
        self.time_box = TimeBox(self)
        body.addWidget(self.time_box)

        self.entries_box = QGroupBox(self.tr("工作进展"))
        entries = QVBoxLayout(self.entries_box)
        self.entries_table = self._table([self.tr("日期"), self.tr("填报人"), self.tr("进展内容")])
        self.entries_table.activated.connect(self.edit_entry)      # double-click or Enter
        # A progress entry is read whole: its row grows to the text instead of cutting it.
        self.entries_table.setWordWrap(True)
        self.entries_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.entries_table.horizontalHeader().sectionResized.connect(
            lambda *_: self.entries_table.resizeRowsToContents())
        QShortcut(QKeySequence.StandardKey.Delete, self.entries_table, self.delete_entry,
                  context=Qt.ShortcutContext.WidgetShortcut)
        entries.addWidget(self.entries_table)
        buttons = QHBoxLayout()
        self.add_entry_button = QPushButton(self.tr("添加进展(&A)…"))
        self.edit_entry_button = QPushButton(self.tr("修改(&B)…"))
        self.delete_entry_button = QPushButton(self.tr("删除(&D)"))
        self.add_entry_button.clicked.connect(self.add_entry)
        self.edit_entry_button.clicked.connect(self.edit_entry)
        self.delete_entry_button.clicked.connect(self.delete_entry)
        for button in (self.add_entry_button, self.edit_entry_button, self.delete_entry_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        entries.addLayout(buttons)
        body.addWidget(self.entries_box, 2)

        self.evidence_box = QGroupBox(self.tr("佐证材料（可将文件拖到窗口上添加）"))
        evidence = QVBoxLayout(self.evidence_box)
        # The panel is narrow: the hash moved into the file name's tooltip to make room for
        # the file's own date and note.
        self.evidence_table = self._table([self.tr("文件名"), self.tr("材料日期"), self.tr("说明"),
                                           self.tr("大小")])
        self.evidence_table.activated.connect(self.open_evidence)
        header = self.evidence_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)   # the file name
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.evidence_table.setColumnWidth(2, 100)
        evidence.addWidget(self.evidence_table)
        buttons = QHBoxLayout()
        self.add_evidence_button = QPushButton(self.tr("添加文件(&I)…"))
        self.open_evidence_button = QPushButton(self.tr("打开(&K)"))
        self.unlink_evidence_button = QPushButton(self.tr("取消关联(&R)"))
        # The file's own date (the document's, not the day it was attached) and its note.
        self.edit_evidence_button = QPushButton(self.tr("日期和说明…"))
        self.add_evidence_button.clicked.connect(self.choose_evidence)
        self.open_evidence_button.clicked.connect(self.open_evidence)
        self.unlink_evidence_button.clicked.connect(self.unlink_evidence)
        self.edit_evidence_button.clicked.connect(self.edit_evidence)
        for button in (self.add_evidence_button, self.open_evidence_button,
                       self.edit_evidence_button, self.unlink_evidence_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        evidence.addLayout(buttons)
        body.addWidget(self.evidence_box, 2)

        # Who changed what, when: this measure's rows of the audit trail.
        from .history_view import HistoryView
        self.history_box = QGroupBox(self.tr("修改记录"))
        history = QVBoxLayout(self.history_box)
        self.history_view = HistoryView()
        self.history_view.setMinimumHeight(self._lines_height(LIST_ROWS))
        history.addWidget(self.history_view)
        body.addWidget(self.history_box, 1)
        guard(self.body)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setTabKeyNavigation(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.setMinimumHeight(self._lines_height(LIST_ROWS + 1))
        return table

    def _lines_height(self, lines: int) -> int:
        return self.fontMetrics().lineSpacing() * lines + 14

    # ---- showing a measure ---------------------------------------------------------------
    def show_measure(self, code: str | None) -> None:
        """Load ``code`` (None: nothing chosen). Unsaved edits of the previous one are saved."""
        self.commit_pending()
        changed = code != self.code
        self.code = code
        self.reload()
        if changed:
            # A new measure starts at its heading, never halfway down the previous one.
            self.scroll.verticalScrollBar().setValue(0)
        if code:
            self.measure_loaded.emit(code)

    def set_search_places(self, text: str | None) -> None:
        """Say under the heading where the search found this measure (None: no search)."""
        self.search_label.setVisible(bool(text))
        self.search_label.setText(self.tr("搜索到：{0}").format(text) if text else "")

    def reload(self) -> None:
        if not self.code:
            self.detail = None
            self.title.setText(self.tr("请在左侧表格中选择一条落实举措"))
            for widget in (self.task_label, self.text_label, self.info_label,
                           self.task_full_label):
                widget.setText("")
            self.review_label.setVisible(False)
            if self.body is not None:
                self.body.setEnabled(False)
                self.body.setVisible(False)
            return
        if self.body is None:
            self._build_body()
        try:
            self.detail = self.session.ledger.measure(self.code)
        except LedgerError as error:
            show_error(self, error)
            self.code = None
            self.reload()
            return
        self.body.setVisible(True)
        self.body.setEnabled(True)
        row = self.detail.row
        self.title.setText(self.tr("举措 {0}　{1}").format(row.code, i18n.label(row.shown_status)))
        self.task_label.setText(self.tr("任务 {0}：{1}").format(row.task_no, row.task_content))
        self.task_full_label.setText(self.tr("所属任务 {0}：{1}").format(row.task_no, row.task_content))
        self.text_label.setText(row.text)
        self.info_label.setText(self.list_facts_text(row))
        relevant = row.scope == RELEVANT
        self.involved_box.setVisible(relevant)
        self.involved_group.setExclusive(False)
        self.involved_yes.setChecked(row.involved is True)
        self.involved_no.setChecked(row.involved is False)
        self.involved_group.setExclusive(True)
        not_involved = row.status == NOT_INVOLVED
        self.reason_label.setVisible(not_involved)
        self.reason_button.setVisible(not_involved)
        self.reason_label.setText(self.tr("理由：{0}").format(row.not_involved_reason)
                                  if row.not_involved_reason else
                                  self.tr("理由：（未填写，请补上）"))
        statuses = [NOT_STARTED, IN_PROGRESS, DONE] + ([NOT_INVOLVED] if relevant else [])
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        for status in statuses:             # shown translated, stored as the Chinese label
            self.status_combo.addItem(i18n.label(status), status)
        # Not yet confirmed: the combo says so (待确认) rather than showing 未启动.
        self.status_combo.setPlaceholderText(i18n.label(PENDING))
        self.status_combo.setCurrentIndex(-1 if row.pending else self.status_combo.findData(row.status))
        self.status_combo.blockSignals(False)
        self._show_review()
        self._fill_indicators()
        self.problems_edit.set_text_if_idle(row.problems)
        self.next_edit.set_text_if_idle(row.next_steps)
        self._fill_entries()
        self._fill_evidence()
        self.time_box.show_detail(self.detail)
        self._fill_history()

    def list_facts_text(self, row) -> str:
        """责任地市, scope, the unit's role, the 完成时限 (or the hand-in date standing in for
        one), the 任务目标, the office's own number and any column kept from the list."""
        lines = [self.tr("责任地市：{0}　范围：{1}").format(
            row.responsibility, i18n.label(SCOPE_LABELS.get(row.scope, row.scope)))]
        if row.role in ("lead", "assisting"):
            lines[0] += self.tr("　本单位：{0}").format(
                self.tr("牵头单位") if row.role == "lead" else self.tr("配合单位"))
        state = self.tr("　【{0}】").format(i18n.label(row.deadline_state)) if row.deadline_state else ""
        if row.unit_deadline:
            when = self.tr("完成时限：{0}（本单位设定）").format(row.unit_deadline)
        elif row.own_deadline:
            when = (self.tr("完成时限：{0}（{1}）").format(row.deadline_text, row.own_deadline)
                    if row.deadline_text and row.deadline_text != row.own_deadline
                    else self.tr("完成时限：{0}").format(row.own_deadline))
        elif row.deadline_text:
            when = self.tr("完成时限：{0}（无具体日期）　报送截止：{1}").format(
                row.deadline_text, row.deadline or self.tr("无"))
        else:
            when = self.tr("截止：{0}（报送截止日期）").format(row.deadline or self.tr("无"))
        lines.append(when + state)
        if row.target:
            lines.append(self.tr("任务目标：{0}").format(row.target))
        extra = [self.tr("清单编号：{0}").format(row.number)] if row.number else []
        extra += [f"{column}：{text}" for column, text in row.extra]
        if extra:
            lines.append("　".join(extra))
        return "\n".join(lines)

    def _show_review(self) -> None:
        from models.feedback import measure_feedback
        from .feedback_view import RESULT_COLOURS, review_text
        feedback = measure_feedback(self.session.ledger, self.code) if self.code else None
        self.review_label.setVisible(feedback is not None)
        if feedback is None:
            self.review_label.clear()
            return
        colour = RESULT_COLOURS.get(feedback.result, "#333333")
        self.review_label.setStyleSheet(f"color: {colour}; border: 1px solid {colour};"
                                        " padding: 4px 6px;")
        self.review_label.setText(review_text(feedback))

    def _fill_indicators(self) -> None:
        indicators = self.detail.indicators
        self.indicator_label.setVisible(bool(indicators))
        self.indicator_box.setVisible(bool(indicators))
        if [i.id for i in indicators] == list(self.indicator_edits):
            # Same measure refreshed: keep the fields (and a figure being typed) in place.
            for item in indicators:
                edit = self.indicator_edits[item.id]
                value = "" if item.value is None else f"{item.value:g}"
                if edit.text().strip() == (edit.property("saved") or ""):
                    edit.setText(value)
                edit.setProperty("saved", value)
            return
        while self.indicator_form.rowCount():
            self.indicator_form.removeRow(0)
        self.indicator_edits = {}
        self.indicator_label.setVisible(bool(indicators))
        self.indicator_box.setVisible(bool(indicators))
        from models.plan.indicators import Indicator
        for item in indicators:
            target = Indicator(item.raw, item.min, item.max, item.quantity_unit, item.comparator).describe()
            edit = QLineEdit("" if item.value is None else f"{item.value:g}")
            # Letters never get in, so nothing typed is thrown away on leaving the field.
            edit.setValidator(QRegularExpressionValidator(QRegularExpression(NUMBER_PATTERN), edit))
            edit.setMaxLength(30)
            edit.setPlaceholderText(self.tr("本单位完成值（{0}）").format(item.quantity_unit))
            edit.setAccessibleName(self.tr("完成值，目标 {0}").format(target))
            edit.setProperty("saved", edit.text())
            edit.setAcceptDrops(False)
            edit.editingFinished.connect(lambda e=edit, i=item.id: self._save_indicator(i, e))
            self.indicator_form.addRow(self.tr("目标 {0}，本单位：").format(target), edit)
            self.indicator_edits[item.id] = edit

    def _fill_entries(self) -> None:
        table = self.entries_table
        table.setRowCount(0)
        for entry in reversed(self.detail.entries):       # newest on top
            r = table.rowCount()
            table.insertRow(r)
            for c, value in enumerate((entry.date, entry.author, entry.text)):
                cell = QTableWidgetItem(value)
                cell.setData(ID_ROLE, entry.id)
                if c == 2:
                    cell.setToolTip(value)
                table.setItem(r, c, cell)
        table.resizeRowsToContents()

    def _fill_evidence(self) -> None:
        table = self.evidence_table
        table.setRowCount(0)
        for item in self.detail.evidence:
            r = table.rowCount()
            table.insertRow(r)
            values = (item.original_name, item.evidence_date, item.note, human_size(item.size))
            name_tip = self.tr("{0}\nSHA-256：{1}").format(item.original_name, item.sha256)
            tips = (name_tip, name_tip, item.note or name_tip, name_tip)
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(ID_ROLE, item.id)
                cell.setToolTip(tips[c])
                table.setItem(r, c, cell)

    def _fill_history(self) -> None:
        from models.history import measure_history
        self.history_view.show_items(measure_history(self.session.ledger, self.code))

    def _on_changed(self, changes: Changes) -> None:
        if self.code and changes.touches(self.code) and not self.session.suspended:
            self.reload()

    def focus_field(self, field: str, params: dict | None = None) -> QWidget | None:
        """Bring one part of the panel into view and give it the focus (the 缺项清单's links):
        models.check's FIELD_* names. Returns the widget focused (None without a measure)."""
        if self.detail is None:
            return None
        params = params or {}
        target = None
        if field == "involved" and self.involved_box.isVisible():
            target = self.reason_button if self.reason_button.isVisible() else self.involved_yes
        elif field == "indicator" and self.indicator_edits:
            empty = [e for e in self.indicator_edits.values() if not e.text().strip()]
            target = (empty or list(self.indicator_edits.values()))[0]
        elif field == "entries":
            target = self.entries_table if self.entries_table.rowCount() else self.add_entry_button
            entry_id = params.get("entry_id")
            for r in range(self.entries_table.rowCount()):
                if entry_id is not None and self.entries_table.item(r, 0).data(ID_ROLE) == entry_id:
                    self.entries_table.selectRow(r)
        elif field == "evidence":
            target = self.evidence_table if self.evidence_table.rowCount() else self.add_evidence_button
        if target is None:
            target = self.status_combo
        self.scroll.ensureWidgetVisible(target, 20, 40)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return target

    # ---- saving ----------------------------------------------------------------------------
    def commit_pending(self) -> None:
        """Save text the user typed but has not left yet (switching measure, closing)."""
        if self.code and self.detail is not None:
            self.problems_edit.commit()
            self.next_edit.commit()
            self.time_box.commit_pending()
            for indicator_id, edit in list(self.indicator_edits.items()):
                self._save_indicator(indicator_id, edit)

    def _write(self, label: str, action, *args, codes=None, **kwargs) -> bool:
        """One change through the host's undo stack (or plainly, without one)."""
        undo = getattr(self.host, "undo", None)
        if undo is None:
            return self.session.write(self, action, *args, **kwargs)
        return undo.write(self, label, codes or [self.code], action, *args, **kwargs)

    def _record(self, label: str | None = None, **changes) -> bool:
        return self._write(label or self.tr("修改举措 {0}").format(self.code),
                           self.session.ledger.record, self.code, **changes)

    def _on_status(self, _index: int) -> None:
        status = self.status_combo.currentData()
        if not self.detail or status is None:
            return
        row = self.detail.row
        if status == row.status and not row.pending:
            return
        label = self.tr("举措 {0} 的状态改为“{1}”").format(self.code, i18n.label(status))
        if status == NOT_INVOLVED:
            reason = self._ask_reason()
            if reason is None:
                self.reload()               # back to what the ledger holds
                return
            self._record(label, status=status, reason=reason)
            return
        self._record(label, status=status)

    def _on_involved(self, button_id: int) -> None:
        involved = bool(button_id)
        if not self.detail or self.detail.row.involved is involved:
            return
        if involved:
            self._record(self.tr("确认本单位涉及举措 {0}").format(self.code), involved=True)
            return
        reason = self._ask_reason()
        if reason is None:
            self.reload()
            return
        self._record(self.tr("确认本单位不涉及举措 {0}").format(self.code), involved=False,
                     reason=reason)

    def _ask_reason(self, current: str = "") -> str | None:
        from .dialogs import ReasonDialog
        dialog = ReasonDialog(self, code=self.code, text=current)
        accepted = dialog.exec()
        reason = dialog.reason()
        dialog.deleteLater()
        return reason if accepted else None

    def edit_reason(self) -> None:
        """Change the reason of a 不涉及 measure."""
        if not self.detail:
            return
        reason = self._ask_reason(self.detail.row.not_involved_reason)
        if reason is not None and reason != self.detail.row.not_involved_reason:
            self._record(self.tr("修改举措 {0} 不涉及的理由").format(self.code), reason=reason)

    def _save_text(self, field: str, edit: CommitTextEdit) -> None:
        if not self.detail:
            return
        text = edit.toPlainText()
        if text != getattr(self.detail.row, field):
            label = (self.tr("修改举措 {0} 的存在问题") if field == "problems"
                     else self.tr("修改举措 {0} 的下一步打算")).format(self.code)
            self._record(label, **{field: text})

    def _save_indicator(self, indicator_id: int, edit: QLineEdit) -> None:
        text = edit.text().strip()
        if text == edit.property("saved"):
            return
        ok = self._write(self.tr("修改举措 {0} 的完成值").format(self.code),
                         self.session.ledger.set_indicator_value, indicator_id, text or None)
        if ok:
            edit.setProperty("saved", text)
            edit.setStyleSheet("")
        else:
            # Refused: the figure stays in the field, marked, for the clerk to correct.
            edit.setText(text)
            edit.setStyleSheet("border: 1px solid #c62828;")

    # ---- progress entries ----------------------------------------------------------------
    def _selected_id(self, table: QTableWidget):
        rows = table.selectionModel().selectedRows()
        if not rows:
            return None
        return table.item(rows[0].row(), 0).data(ID_ROLE)

    def add_entry(self) -> None:
        if not self.code:
            return
        from .dialogs import EntryDialog
        dialog = EntryDialog(self, title=self.tr("添加进展 — 举措 {0}").format(self.code),
                             plan=self._plan_dates())
        if dialog.exec():
            self._write(self.tr("为举措 {0} 添加进展").format(self.code),
                        self.session.ledger.add_entry, self.code, dialog.text(), date=dialog.date())

    def edit_entry(self) -> None:
        entry_id = self._selected_id(self.entries_table)
        if entry_id is None:
            return
        entry = next(e for e in self.detail.entries if e.id == entry_id)
        from .dialogs import EntryDialog
        dialog = EntryDialog(self, title=self.tr("修改进展 — 举措 {0}").format(self.code),
                             date=entry.date, text=entry.text, plan=self._plan_dates())
        if dialog.exec():
            self._write(self.tr("修改举措 {0} 的进展").format(self.code),
                        self.session.ledger.update_entry, entry_id, text=dialog.text(),
                        date=dialog.date())

    def delete_entry(self) -> None:
        from PySide6.QtWidgets import QMessageBox
        entry_id = self._selected_id(self.entries_table)
        if entry_id is None:
            return
        entry = next(e for e in self.detail.entries if e.id == entry_id)
        answer = QMessageBox.question(
            self, self.tr("删除进展"),
            self.tr("确定删除 {0} 的这条进展吗？\n\n{1}").format(entry.date, entry.text[:200]))
        if answer == QMessageBox.StandardButton.Yes:
            self._write(self.tr("删除举措 {0} 的进展").format(self.code),
                        self.session.ledger.delete_entry, entry_id)

    def _plan_dates(self) -> tuple[int, str]:
        """The current plan's year and deadline: the entry dialog questions dates outside."""
        info = next(p for p in self.session.ledger.plans() if p.id == self.session.ledger.plan_id)
        return info.year, info.deadline

    # ---- evidence --------------------------------------------------------------------------
    def choose_evidence(self) -> None:
        from PySide6.QtWidgets import QFileDialog
        if not self.code:
            return
        settings = QSettings()
        folder = settings.value(LAST_FOLDER_KEY, "")
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择佐证材料 — 举措 {0}").format(self.code), folder)
        if paths:
            settings.setValue(LAST_FOLDER_KEY, str(Path(paths[0]).parent))
            self.attach_files([Path(p) for p in paths])

    def attach_files(self, paths: list[Path]):
        """Attach files to the current measure in the background; returns the job (or None).

        Each file is checked first, here (metadata only: quick): an empty file, a folder, a
        link or an unreadable file is named in one message and left out; a file over the
        ledger's large-file size is added only if the clerk says so, told why it matters (the
        package and every backup carry it). Copying, hashing and syncing a big scan takes
        seconds: it runs as a WRITE job with the bytes as progress and a cancel that leaves
        nothing stored. Files attached before a refused one stay attached.
        """
        from PySide6.QtWidgets import QMessageBox
        if not self.code:
            QMessageBox.information(self, self.tr("添加佐证材料"),
                                    self.tr("请先在表格中选择要添加佐证材料的落实举措。"))
            return None
        code = self.code
        paths, large = self._checked_files([Path(p) for p in paths])
        if not paths:
            return None
        undo = getattr(self.host, "undo", None)
        before = undo.begin([code]) if undo is not None else {}

        def work(ledger, progress, cancelled):
            sizes = [_size(p) for p in paths]
            total, done = sum(sizes), 0
            for path, size in zip(paths, sizes):
                ledger.attach(code, path, cancelled=cancelled, large_ok=path in large,
                              progress=lambda d, _t, base=done: progress(base + d, total))
                done += size
            return len(paths)

        def attached(count: int) -> None:
            self.last_attached = count
            self.host.show_status(self.tr("已为举措 {0} 添加 {1} 个佐证材料").format(code, count))

        def recorded(*_args) -> None:
            # Files copied before a refusal or a cancel stay attached: undoable all the same.
            if undo is not None:
                undo.finish(self.tr("为举措 {0} 添加佐证材料").format(code), before)

        label = self.tr("正在添加佐证材料 {0}…").format(
            paths[0].name if len(paths) == 1 else self.tr("（{0} 个文件）").format(len(paths)))
        job = self.host.start_job(work, label, attached, access=Access.WRITE)
        job.finished.connect(recorded)
        return job

    def _checked_files(self, paths: list[Path]) -> tuple[list[Path], set[Path]]:
        """The files that may be attached, and which of them are large (and confirmed)."""
        from PySide6.QtWidgets import QMessageBox
        ledger = self.session.ledger
        accepted, refused, large = [], [], []
        for path in paths:
            try:
                size, is_large = ledger.check_evidence_file(path)
            except LedgerError as error:
                refused.append(str(error))
                continue
            accepted.append(path)
            if is_large:
                large.append((path, size))
        if refused:
            more = self.tr("\n……另有 {0} 个").format(len(refused) - 20) if len(refused) > 20 else ""
            QMessageBox.warning(self, self.tr("添加佐证材料"),
                                self.tr("以下文件未添加：\n") + "\n".join(refused[:20]) + more)
        if large:
            limit = human_size(ledger.large_evidence_bytes())
            names = "\n".join(self.tr("{0}（{1}）").format(p.name, human_size(n)) for p, n in large)
            answer = QMessageBox.question(
                self, self.tr("添加大文件"),
                self.tr("以下文件超过 {0}：\n{1}\n\n报送材料包和每一份备份都要带上它们："
                        "材料包会难以通过内网发送，备份也更占空间。能压缩或只选需要的部分吗？"
                        "\n\n仍要添加吗？").format(limit, names))
            if answer != QMessageBox.StandardButton.Yes:
                skipped = {p for p, _n in large}
                return [p for p in accepted if p not in skipped], set()
        return accepted, {p for p, _n in large}

    def edit_evidence(self) -> None:
        """Change the chosen file's own date and note (saved at once, audited)."""
        evidence_id = self._selected_id(self.evidence_table)
        if evidence_id is None:
            return
        item = next(e for e in self.detail.evidence if e.id == evidence_id)
        from .evidence_actions import EvidenceDialog
        dialog = EvidenceDialog(self, item)
        self.evidence_dialog = dialog
        if dialog.exec():
            self.session.write(self, self.session.ledger.update_evidence, evidence_id,
                               date=dialog.date(), note=dialog.note())
        self.evidence_dialog = None

    def open_evidence(self):
        """Open a read-only copy of the chosen evidence file; the copy is made off the GUI
        thread (a scan may be hundreds of MB). Returns the job (or None)."""
        from PySide6.QtWidgets import QMessageBox
        evidence_id = self._selected_id(self.evidence_table)
        if evidence_id is None:
            return None
        item = next(e for e in self.detail.evidence if e.id == evidence_id)
        stored = self.session.ledger.evidence_path(item.sha256)
        if not stored.is_file():
            QMessageBox.warning(self, self.tr("打开佐证材料"),
                                self.tr("台账中的文件副本不见了：{0}\n请运行“校验佐证材料”。")
                                .format(stored))
            return None
        # The store names files by hash; the viewer needs the original name (and extension)
        # to pick a program, and must not be able to alter the stored copy: open a copy.
        if self._open_dir is None:
            self._open_dir = Path(tempfile.mkdtemp(prefix="taskledger-open-"))
        target = self._open_dir / item.sha256[:8] / item.original_name

        def work(progress, cancelled):
            from models.fsutil import copy_read_only
            copy_read_only(stored, target, progress=progress, cancelled=cancelled)
            return target

        def opened(path: Path) -> None:
            from PySide6.QtGui import QDesktopServices
            self.last_opened = path
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                self._no_viewer(path)

        return self.host.start_job(work, self.tr("正在打开 {0}…").format(item.original_name),
                                   opened, access=Access.NONE)

    def unlink_evidence(self) -> None:
        from PySide6.QtWidgets import QMessageBox
        evidence_id = self._selected_id(self.evidence_table)
        if evidence_id is None:
            return
        item = next(e for e in self.detail.evidence if e.id == evidence_id)
        answer = QMessageBox.question(
            self, self.tr("取消关联"),
            self.tr("确定让“{0}”不再作为举措 {1} 的佐证材料吗？\n（文件仍保留在台账中；"
                    "不再需要时可用“工具 → 清理未关联的佐证材料”删除）")
            .format(item.original_name, self.code))
        if answer == QMessageBox.StandardButton.Yes:
            self._write(self.tr("取消举措 {0} 的佐证材料“{1}”").format(self.code, item.original_name),
                        self.session.ledger.unlink_evidence, evidence_id, self.code)

    def _no_viewer(self, path: Path) -> None:
        """The system has no program for this kind of file: say so and show where the copy is."""
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("打开佐证材料"))
        box.setText(self.tr("这台电脑上没有能打开“{0}”的程序。\n文件的只读副本在：\n{1}")
                    .format(path.name, path))
        folder = box.addButton(self.tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
        copy = box.addButton(self.tr("复制路径"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
        self.no_viewer_box = box
        box.exec()
        if box.clickedButton() is folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
        elif box.clickedButton() is copy:
            from PySide6.QtWidgets import QApplication
            QApplication.clipboard().setText(str(path))


def _size(path: Path) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0        # ledger.attach says what is wrong with it
