"""Reviewing a unit's submission in the province window: per measure a result (通过 / 退回修改
/ 待审核) and a comment, an overall comment, what changed since the version before, and the
previous version beside this one ("查看上一版").

Data from models.review; every change through Session.write (one transaction each).
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QCheckBox, QDialog,
                               QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QPlainTextEdit, QPushButton, QRadioButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from models.errors import LedgerError
from models.review import (PASSED, PENDING, RETURNED, REVIEW_RESULTS, compare_with_previous,
                           current_submission_id, set_review, set_review_comment,
                           submission_review)

from .. import i18n
from ..widgets import CommitTextEdit

RESULT_COLOURS = {RETURNED: QColor("#b42318"), PASSED: QColor("#2e7d32"),
                  PENDING: QColor("#6b7280")}
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProvinceReview", text)


class ReviewDialog(QDialog):
    """The result and comment on one measure of a unit's current submission."""

    def __init__(self, unit: str, item, parent=None, *, result: str | None = None):
        super().__init__(parent)
        self.unit, self.item = unit, item
        self.setWindowTitle(self.tr("审核 — {0} 举措 {1}").format(unit, item.code))
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("举措 {0}：{1}").format(item.code, item.text))
        text.setWordWrap(True)
        layout.addWidget(text)
        if item.changes:
            changed = QLabel(self.tr("本版变化：{0}").format("；".join(item.changes)))
            changed.setWordWrap(True)
            changed.setStyleSheet("color: #8a5a00;")
            layout.addWidget(changed)
        row = QHBoxLayout()
        self.buttons = QButtonGroup(self)
        labels = {PASSED: self.tr("通过(&P)"), RETURNED: self.tr("退回修改(&B)"),
                  PENDING: self.tr("待审核(&W)")}
        for value in REVIEW_RESULTS:
            button = QRadioButton(labels[value])
            button.setProperty("result", value)
            self.buttons.addButton(button)
            row.addWidget(button)
            button.setChecked(value == (result or item.result))
        row.addStretch(1)
        layout.addLayout(row)
        label = QLabel(self.tr("审核意见(&C)："))
        self.comment = QPlainTextEdit(item.comment)
        self.comment.setTabChangesFocus(True)
        self.comment.setAccessibleName(self.tr("审核意见"))
        label.setBuddy(self.comment)
        layout.addWidget(label)
        layout.addWidget(self.comment, 1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.comment.setFocus()
        self.resize(560, 320)

    def result(self) -> str:
        return self.buttons.checkedButton().property("result")

    def comment_text(self) -> str:
        return self.comment.toPlainText()


def review_measure(parent, session, unit: str, code: str, *, result: str | None = None) -> bool:
    """Open the ReviewDialog on ``unit``'s measure ``code`` and save what the reviewer chose."""
    try:
        item = submission_review(session.ledger, unit).item(code)
    except LedgerError as error:
        from ..session import show_error
        show_error(parent, error)
        return False
    dialog = ReviewDialog(unit, item, parent, result=result)
    parent.review_dialog = dialog          # tests and the window reach the open dialog
    accepted = dialog.exec()
    parent.review_dialog = None
    dialog.deleteLater()
    if not accepted:
        return False
    return session.write(parent, set_review, session.ledger, unit, code,
                         result=dialog.result(), comment=dialog.comment_text())


def _lines(measure: dict | None, key: str) -> str:
    if measure is None:
        return QCoreApplication.translate("ProvinceReview", "（无此举措）")
    if key == "entries":
        return "\n".join(f"{e.get('date', '')} {e.get('text', '')}" for e in measure.get("entries", []))
    if key == "figures":
        return "、".join("—" if i.get("value") is None else f"{i['value']:g}"
                        for i in measure.get("indicators", []))
    if key == "evidence":
        return "\n".join(QCoreApplication.translate("ProvinceReview", "佐证{0} {1}").format(
            e.get("number", ""), e.get("original_name", ""))
                         for e in measure.get("evidence", []))
    value = measure.get(key)
    if key == "status":
        return i18n.label(value or "")
    return value or ""


class PreviousVersionDialog(QDialog):
    """One measure in this version beside the version before (what changed highlighted)."""

    FIELDS = (("status", QT_TRANSLATE_NOOP("ProvinceReview", "状态")),
              ("entries", QT_TRANSLATE_NOOP("ProvinceReview", "工作进展")),
              ("figures", QT_TRANSLATE_NOOP("ProvinceReview", "指标完成值")),
              ("evidence", QT_TRANSLATE_NOOP("ProvinceReview", "佐证材料")),
              ("problems", QT_TRANSLATE_NOOP("ProvinceReview", "存在问题")),
              ("next_steps", QT_TRANSLATE_NOOP("ProvinceReview", "下一步打算")))

    def __init__(self, comparison, unit: str, parent=None):
        super().__init__(parent)
        self.comparison = comparison
        c = comparison
        self.setWindowTitle(self.tr("查看上一版 — {0} 举措 {1}").format(unit, c.code))
        layout = QVBoxLayout(self)
        if c.previous_version is None:
            head = self.tr("这是{0}的第{1}版，没有上一版可比较。").format(unit, c.version)
        elif c.changes:
            head = self.tr("第{0}版与第{1}版相比：{2}").format(c.version, c.previous_version,
                                                         "；".join(c.changes))
        else:
            head = self.tr("第{0}版与第{1}版相比，本举措没有变化。").format(c.version, c.previous_version)
        self.summary = QLabel(head)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        if c.previous_review is not None and c.previous_version is not None:
            review = c.previous_review
            note = self.tr("上一版审核：{0}").format(i18n.label(review.result))
            if review.comment:
                note += self.tr("　意见：{0}").format(review.comment)
            layout.addWidget(QLabel(note))
        self.table = QTableWidget(len(self.FIELDS), 2)
        self.table.setAccessibleName(self.tr("版本对比"))
        self.table.setHorizontalHeaderLabels([
            self.tr("第{0}版（上一版）").format(c.previous_version) if c.previous_version else self.tr("上一版"),
            self.tr("第{0}版（本版）").format(c.version)])
        self.table.setVerticalHeaderLabels([_tr(label) for _key, label in self.FIELDS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        changed = QColor("#fff3d6")
        for row, (key, _label) in enumerate(self.FIELDS):
            before = _lines(c.before, key) if c.previous_version else ""
            after = _lines(c.after, key)
            for column, text in enumerate((before, after)):
                cell = QTableWidgetItem(text)
                if c.previous_version and before != after:
                    cell.setBackground(changed)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.resize(860, 520)


_HEADERS = (QT_TRANSLATE_NOOP("ProvinceReview", "编号"),
            QT_TRANSLATE_NOOP("ProvinceReview", "落实举措"),
            QT_TRANSLATE_NOOP("ProvinceReview", "状态"),
            QT_TRANSLATE_NOOP("ProvinceReview", "本版变化"),
            QT_TRANSLATE_NOOP("ProvinceReview", "审核结果"),
            QT_TRANSLATE_NOOP("ProvinceReview", "审核意见"))


class ReviewWidget(QWidget):
    """The review of the selected unit's current submission."""

    def __init__(self, session, parent=None, *, host=None):
        super().__init__(parent)
        self.session = session
        self.host = host
        self.unit: str | None = None
        self.review = None
        self.review_dialog = None
        self.previous_dialog = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.head = QLabel()
        self.head.setWordWrap(True)
        layout.addWidget(self.head)
        overall = QHBoxLayout()
        label = QLabel(self.tr("总体意见(&O)："))
        self.overall = CommitTextEdit()
        self.overall.setAccessibleName(self.tr("总体意见"))
        self.overall.setPlaceholderText(self.tr("对本次报送的总体意见（离开此框即保存），随审核反馈发回单位"))
        self.overall.setFixedHeight(46)
        self.overall.setAcceptDrops(False)
        self.overall.editing_finished.connect(self._save_overall)
        label.setBuddy(self.overall)
        overall.addWidget(label)
        overall.addWidget(self.overall, 1)
        layout.addLayout(overall)

        self.table = QTableWidget(0, len(_HEADERS))
        self.table.setAccessibleName(self.tr("逐项审核"))
        self.table.setHorizontalHeaderLabels([_tr(h) for h in _HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 50), (1, 280), (2, 64), (3, 200), (4, 76)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.pass_button = QPushButton(self.tr("通过(&P)"))
        self.return_button = QPushButton(self.tr("退回修改(&B)…"))
        self.pending_button = QPushButton(self.tr("待审核(&W)"))
        self.edit_button = QPushButton(self.tr("审核意见(&E)…"))
        self.previous_button = QPushButton(self.tr("查看上一版(&V)…"))
        self.changed_only = QCheckBox(self.tr("只看本版有变化的举措(&G)"))
        self.pass_button.clicked.connect(lambda: self.set_selected(PASSED))
        self.return_button.clicked.connect(lambda: self.edit_selected(RETURNED))
        self.pending_button.clicked.connect(lambda: self.set_selected(PENDING))
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.previous_button.clicked.connect(self.show_previous)
        self.changed_only.toggled.connect(self._fill)
        for widget in (self.pass_button, self.return_button, self.pending_button,
                       self.edit_button, self.previous_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.changed_only)
        layout.addLayout(buttons)
        session.signals.changed.connect(self._on_changed)
        self.show_unit(None)

    # ---- data --------------------------------------------------------------------------
    def show_unit(self, unit: str | None) -> None:
        """Show ``unit``'s current submission (None or not handed in: nothing to review)."""
        self.overall.commit()
        self.unit = unit
        self.reload()

    def reload(self) -> None:
        self.review = None
        if self.unit and not self.session.suspended:
            try:
                current_submission_id(self.session.ledger, self.unit)
                self.review = submission_review(self.session.ledger, self.unit)
            except LedgerError:
                self.review = None
        review = self.review
        if review is None:
            self.head.setText(self.tr("{0} 尚未报送，没有可审核的材料").format(self.unit)
                              if self.unit else "")
            self.overall.set_text_if_idle("")
            self.overall.setEnabled(False)
        else:
            counts = review.counts
            text = self.tr("{0} 第{1}版（校验码 {2}，制作于 {3}）：通过 {4} 项，退回修改 {5} 项，"
                           "待审核 {6} 项").format(
                review.unit, review.version, review.fingerprint,
                review.made_at[:16].replace("T", " "), counts[PASSED], counts[RETURNED],
                counts[PENDING])
            if review.previous_id is not None:
                text += self.tr("；与上一版相比 {0} 项举措有变化").format(len(review.changed))
            self.head.setText(text)
            self.overall.setEnabled(True)
            self.overall.set_text_if_idle(review.comment)
        self._fill()

    def _fill(self) -> None:
        keep = self.selected_code()
        table = self.table
        table.setRowCount(0)
        items = self.review.items if self.review else []
        if self.changed_only.isChecked():
            items = [item for item in items if item.changes]
        for item in items:
            r = table.rowCount()
            table.insertRow(r)
            values = (item.code, item.text, i18n.label(item.status), "；".join(item.changes),
                      i18n.label(item.result), item.comment)
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(CODE_ROLE, item.code)
                cell.setToolTip(value)
                if c == 4:
                    cell.setForeground(RESULT_COLOURS[item.result])
                if c == 3 and item.changes:
                    cell.setForeground(QColor("#8a5a00"))
                table.setItem(r, c, cell)
            if item.code == keep:
                table.selectRow(r)
        self._update_buttons()

    def _on_changed(self, changes) -> None:
        if self.session.suspended:
            return
        if changes.everything or changes.units or (self.unit and (
                self.unit in changes.reviews or self.unit in changes.submissions)):
            self.reload()

    # ---- acting on the selection ---------------------------------------------------------
    def selected_code(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(CODE_ROLE) if rows else None

    def select(self, code: str) -> bool:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(CODE_ROLE) == code:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        chosen = self.review is not None and self.selected_code() is not None
        for button in (self.pass_button, self.return_button, self.pending_button,
                       self.edit_button, self.previous_button):
            button.setEnabled(chosen)

    def set_selected(self, result: str) -> bool:
        code = self.selected_code()
        if not (self.review and code):
            return False
        return self.session.write(self, set_review, self.session.ledger, self.unit, code,
                                  result=result)

    def edit_selected(self, result: str | None = None) -> bool:
        code = self.selected_code()
        if not (self.review and code):
            return False
        return review_measure(self, self.session, self.unit, code, result=result)

    def _save_overall(self) -> None:
        if self.review is None or self.overall.toPlainText().strip() == self.review.comment:
            return
        self.session.write(self, set_review_comment, self.session.ledger, self.unit,
                           self.overall.toPlainText())

    def commit_pending(self) -> None:
        self.overall.commit()

    def show_previous(self):
        code = self.selected_code()
        if not (self.review and code):
            return None
        comparison = compare_with_previous(self.session.ledger, self.review.submission_id, code)
        dialog = PreviousVersionDialog(comparison, self.unit, self)
        self.previous_dialog = dialog
        dialog.show()
        return dialog
