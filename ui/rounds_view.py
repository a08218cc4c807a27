"""Reporting rounds (报送轮次) in either window, and the filtered list for the leader.

文件 → 报送轮次 picks the round every export and the package are made for (none: 截至今日)
and opens the dialog that lists, adds and removes rounds (models.rounds). 文件 → 导出/打印
举措进展清单 writes the table's current list, its filter in the title (exports.filtered_list).
"""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QAbstractItemView, QHeaderView)

from exports.documents import FILTERED_LIST, FILTERED_LIST_PDF

from . import i18n
from .dialogs import DATE_FORMAT
from .export_actions import export_round, exporting_label, export_work, file_filter, with_round
from .host import WindowActions


class RoundsDialog(QDialog):
    """The plan's rounds: name, 截至, 报送; add one (checked by models) or remove one."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("报送轮次"))
        self.resize(560, 380)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("省里在年中要求的各次报送（月报、季报、半年报、年终）。按轮次导出时，"
                               "截至日期以后的进展和佐证材料不计入，文件写明“截至”该日。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("轮次"), self.tr("截至"), self.tr("报送")])
        self.table.setAccessibleName(self.tr("报送轮次"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("例如：2021年第三季度"))
        self.cutoff_edit = self._date()
        self.due_edit = self._date()
        for caption, widget in ((self.tr("轮次名称(&N)："), self.name_edit),
                                (self.tr("截至日期(&C)："), self.cutoff_edit),
                                (self.tr("报送日期(&D)："), self.due_edit)):
            label = QLabel(caption)
            label.setBuddy(widget)
            form.addRow(label, widget)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("添加轮次(&A)"))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("删除所选(&R)"))
        self.remove_button.clicked.connect(self.remove)
        # The province's plan file carries its rounds (either ledger sets them).
        self.import_button = QPushButton(self.tr("从方案文件导入(&I)…"))
        self.import_button.clicked.connect(self.import_file)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)
        self.reload()

    def _date(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMAT)
        day = self.session.ledger.today()
        edit.setDate(QDate(day.year, day.month, day.day))
        return edit

    def reload(self) -> None:
        rounds = self.session.ledger.rounds()
        self.table.setRowCount(0)
        for item in rounds:
            r = self.table.rowCount()
            self.table.insertRow(r)
            for c, value in enumerate((item.name, item.cutoff, item.due)):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.remove_button.setEnabled(bool(rounds))

    def add(self) -> bool:
        ok = self.session.write(self, self.session.ledger.add_round, self.name_edit.text(),
                                cutoff=self.cutoff_edit.date().toString(DATE_FORMAT),
                                due=self.due_edit.date().toString(DATE_FORMAT))
        if ok:
            self.name_edit.clear()
        self.reload()
        return ok

    def import_file(self, path=None) -> bool:
        """Take the rounds of the province's plan file (.json) for this plan."""
        if path is None:
            from PySide6.QtWidgets import QFileDialog
            name, _ = QFileDialog.getOpenFileName(self, self.tr("选择方案文件"), "",
                                                  self.tr("方案文件 (*.json)"))
            if not name:
                return False
            path = name
        ok = self.session.write(self, self.session.ledger.import_rounds, path)
        self.reload()
        return ok

    def remove(self) -> bool:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return False
        name = self.table.item(rows[0].row(), 0).text()
        answer = QMessageBox.question(self, self.tr("删除报送轮次"),
                                      self.tr("确定删除报送轮次“{0}”吗？").format(name))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        ok = self.session.write(self, self.session.ledger.remove_round, name)
        self.reload()
        return ok


class RoundActions(WindowActions):
    """文件 → 报送轮次: which round exports are made for, and the rounds dialog."""

    def __init__(self, host):
        super().__init__(host)
        host.export_round = None
        self.menu = None
        self.dialog = None

    def add_to(self, menu) -> None:
        self.menu = menu.addMenu(self.tr("报送轮次(&J)"))
        self.menu.aboutToShow.connect(self.fill)
        self.fill()

    def fill(self) -> None:
        """The menu: 不按轮次 and each round (checkable), then 管理报送轮次…"""
        menu = self.menu
        menu.clear()
        group = QActionGroup(menu)
        rounds = [] if self.host.session.suspended else self.host.session.ledger.rounds()
        names = {item.name for item in rounds}
        if self.host.export_round not in names:
            self.host.export_round = None
        choices = [(self.tr("不按轮次（截至今日）"), None)] + [(item.label, item.name) for item in rounds]
        self.choice_actions = {}
        for text, name in choices:
            action = QAction(text, menu)
            action.setCheckable(True)
            action.setChecked(name == self.host.export_round)
            action.triggered.connect(lambda _=False, n=name: self.choose(n))
            group.addAction(action)
            menu.addAction(action)
            self.choice_actions[name] = action
        menu.addSeparator()
        manage = QAction(self.tr("管理报送轮次(&M)…"), menu)
        manage.triggered.connect(self.manage)
        menu.addAction(manage)

    def choose(self, name: str | None) -> None:
        """Make exports (and the package) for round ``name`` (None: 截至今日)."""
        self.host.export_round = name
        if name:
            self.host.show_status(self.tr("之后的导出和报送材料包按报送轮次“{0}”生成").format(name), 8000)
        else:
            self.host.show_status(self.tr("之后的导出截至今日，不按轮次"), 5000)
        refresh = getattr(self.host, "round_chosen", None)
        if refresh:
            refresh(name)

    def manage(self) -> RoundsDialog:
        self.dialog = RoundsDialog(self.host.session, self.host)
        self.dialog.exec()
        self.fill()
        return self.dialog


class ListActions(WindowActions):
    """文件 → 导出/打印 举措进展清单: the table's current list, filter in the title."""

    def add_to(self, menu) -> None:
        self.xlsx_action = QAction(self.tr("导出当前列表为{0}（Excel）(&Y)…").format(
            i18n.label(FILTERED_LIST.name)), self.host)
        self.xlsx_action.triggered.connect(lambda: self.export(FILTERED_LIST))
        self.pdf_action = QAction(self.tr("打印当前列表为{0}（PDF）(&Q)…").format(
            i18n.label(FILTERED_LIST_PDF.name)), self.host)
        self.pdf_action.triggered.connect(lambda: self.export(FILTERED_LIST_PDF))
        menu.addAction(self.xlsx_action)
        menu.addAction(self.pdf_action)

    def export(self, document):
        """Write the list as the table shows it now (filter and order) in the background."""
        host = self.host
        host.commit_pending()
        ledger = host.session.ledger
        name = with_round(document.file_name(year=host.plan.year, unit=ledger.unit),
                          export_round(host))
        out = host.ask_save_path(self.tr("导出"), name, file_filter(document.suffix))
        if out is None:
            return None
        work = export_work(document, out, view_round=export_round(host),
                           measure_filter=host.current_filter(), order=host.model.order,
                           descending=host.model.descending)
        return host.start_job(work, exporting_label(out), host.offer_open)
