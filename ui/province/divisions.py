"""The province's own divisions (处室) in the province window: adding and removing them,
assigning the "--" measures to them (a grid of check boxes), and the coordinator recording a
division's progress directly. Data and rules: models.province.divisions; writes through
Session.write, one transaction each.
"""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QDialog,
                               QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from models.province.divisions import (MAX_NAME_CHARS, add_division, assign_division,
                                       divisions, issuer_measures, remove_division)
from models.status import DONE, IN_PROGRESS, NOT_STARTED

from .. import i18n

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
DIVISION_ROLE = Qt.ItemDataRole.UserRole + 2


class DivisionsDialog(QDialog):
    """Divisions (add, remove) and who carries each "--" measure (one column per division)."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("处室与省级举措分工"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("责任地市为“--”的举措由省局各处室负责。添加处室，再勾选每条举措由哪个"
                               "（或哪几个）处室负责；处室可自建台账报送，也可在本台账中直接填报。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        label = QLabel(self.tr("处室名称(&N)："))
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(MAX_NAME_CHARS)
        self.name_edit.setPlaceholderText(self.tr("如 保护处"))
        self.name_edit.setAccessibleName(self.tr("处室名称"))
        label.setBuddy(self.name_edit)
        self.add_button = QPushButton(self.tr("添加处室(&A)"))
        self.add_button.clicked.connect(self.add)
        self.name_edit.returnPressed.connect(self.add)
        self.remove_button = QPushButton(self.tr("删除所选处室(&R)"))
        self.remove_button.clicked.connect(self.remove_selected)
        for widget in (label, self.name_edit, self.add_button, self.remove_button):
            row.addWidget(widget)
        layout.addLayout(row)
        self.table = QTableWidget()
        self.table.setAccessibleName(self.tr("省级举措分工"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.itemChanged.connect(self._on_item)
        layout.addWidget(self.table, 1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        session.signals.changed.connect(self._on_changed)
        self.reload()
        self.resize(860, 480)

    def reload(self) -> None:
        ledger = self.session.ledger
        self.names = [d.name for d in divisions(ledger)]
        measures = issuer_measures(ledger)
        table = self.table
        table.blockSignals(True)
        table.clear()
        table.setColumnCount(2 + len(self.names))
        table.setRowCount(len(measures))
        table.setHorizontalHeaderLabels([self.tr("编号"), self.tr("落实举措")] + self.names)
        header = table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(0, 50)
        for r, measure in enumerate(measures):
            table.setItem(r, 0, QTableWidgetItem(measure.code))
            text = QTableWidgetItem(measure.text)
            text.setToolTip(measure.text)
            table.setItem(r, 1, text)
            for c, name in enumerate(self.names, 2):
                cell = QTableWidgetItem()
                cell.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                              | Qt.ItemFlag.ItemIsSelectable)
                cell.setCheckState(Qt.CheckState.Checked if name in measure.divisions
                                   else Qt.CheckState.Unchecked)
                cell.setData(CODE_ROLE, measure.code)
                cell.setData(DIVISION_ROLE, name)
                table.setItem(r, c, cell)
        table.blockSignals(False)

    def _on_changed(self, changes) -> None:
        if (changes.units or changes.everything) and not self.session.suspended:
            self.reload()

    def add(self) -> bool:
        name = self.name_edit.text()
        if not name.strip():
            return False
        done = self.session.write(self, add_division, self.session.ledger, name)
        if done:
            self.name_edit.clear()
        return done

    def remove_selected(self) -> bool:
        column = self.table.currentColumn()
        if column < 2 or column - 2 >= len(self.names):
            return False
        return self.session.write(self, remove_division, self.session.ledger,
                                  self.names[column - 2])

    def set_assigned(self, code: str, name: str, assigned: bool) -> bool:
        return self.session.write(self, assign_division, self.session.ledger, code, name,
                                  remove=not assigned)

    def _on_item(self, item) -> None:
        code, name = item.data(CODE_ROLE), item.data(DIVISION_ROLE)
        if code and name:
            self.set_assigned(code, name, item.checkState() == Qt.CheckState.Checked)


class DivisionRecordDialog(QDialog):
    """The coordinator records a division's progress on one of its measures."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("为处室填报"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.division_combo = QComboBox()
        self.measure_combo = QComboBox()
        self.status_combo = QComboBox()
        for status in (NOT_STARTED, IN_PROGRESS, DONE):
            self.status_combo.addItem(i18n.label(status), status)
        self.current_label = QLabel()
        self.current_label.setWordWrap(True)
        self.current_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(60)
        from models.deadlines import today
        day = today()
        self.date_edit = QDateEdit(QDate(day.year, day.month, day.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.problems_edit = QLineEdit()
        self.next_edit = QLineEdit()
        for label, widget in ((self.tr("处室(&D)："), self.division_combo),
                              (self.tr("举措(&M)："), self.measure_combo),
                              (self.tr("当前："), self.current_label),
                              (self.tr("状态(&S)："), self.status_combo),
                              (self.tr("新增进展(&N)："), self.note_edit),
                              (self.tr("进展日期(&T)："), self.date_edit),
                              (self.tr("存在问题(&Q)："), self.problems_edit),
                              (self.tr("下一步打算(&X)："), self.next_edit)):
            form.addRow(label, widget)
        layout.addLayout(form)
        layout.addStretch(1)
        self.division_combo.currentIndexChanged.connect(self._fill_measures)
        self.measure_combo.currentIndexChanged.connect(self._show_current)
        box = QDialogButtonBox()
        self.save_button = box.addButton(self.tr("保存(&O)"), QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.carried = {d.name: d.measures for d in divisions(session.ledger) if d.measures}
        for name in self.carried:
            self.division_combo.addItem(name, name)
        if not self.carried:
            self.current_label.setText(self.tr("还没有分配了省级举措的处室：请先在“处室与省级举措分工”中设置。"))
            self.save_button.setEnabled(False)
        self._fill_measures()
        self.resize(560, 420)

    def _fill_measures(self) -> None:
        self.measure_combo.blockSignals(True)
        self.measure_combo.clear()
        texts = {m.code: m.text for m in issuer_measures(self.session.ledger)}
        for code in self.carried.get(self.division_combo.currentData(), []):
            self.measure_combo.addItem(f"{code}  {texts.get(code, '')[:40]}", code)
        self.measure_combo.blockSignals(False)
        self._show_current()

    def _show_current(self) -> None:
        division, code = self.division_combo.currentData(), self.measure_combo.currentData()
        if not (division and code):
            return
        row = self.session.ledger.measure(code, unit=division).row
        self.current_label.setText(self.tr("{0}，进展 {1} 条").format(i18n.label(row.status),
                                                                  row.entry_count))
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(row.status)))
        self.problems_edit.setText(row.problems)
        self.next_edit.setText(row.next_steps)

    def save(self) -> bool:
        division, code = self.division_combo.currentData(), self.measure_combo.currentData()
        if not (division and code):
            return False
        note = self.note_edit.toPlainText().strip()
        done = self.session.write(
            self, self.session.ledger.record, code, unit=division,
            status=self.status_combo.currentData(), note=note or None,
            date=self.date_edit.date().toString("yyyy-MM-dd") if note else None,
            problems=self.problems_edit.text(), next_steps=self.next_edit.text())
        if done:
            self.note_edit.clear()
            self._show_current()
        return done
