"""The provincial office's window: 报送情况 and 汇总矩阵 tabs, importing units' packages (menu
or drag-and-drop of many .zip files) and the consolidated exports, all in the background.

A LedgerWindow (ui.host), like the workbench: jobs, file dialogs, drops and closing are the
host's; the menus are built in ``build_menus``.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout,
                               QWidget)

from exports.documents import PROVINCE_REPORT, PROVINCE_TABLE
from models.changes import Changes

from ..host import LedgerWindow
from ..jobs import Access
from .consolidated import ConsolidatedWidget
from .import_dialog import ImportResultDialog, drop_label, import_work
from .submissions import SubmissionsWidget

IMPORT_FOLDER_KEY = "paths/last_package_folder"


class ProvinceWindow(LedgerWindow):
    """The window for a ledger with role "province"."""

    geometry_key = "province/geometry"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        ledger = session.ledger
        self.plan = ledger.plan()
        self.last_results = None          # the latest import's results (for the dialog)
        self.result_dialog = None
        self.setWindowTitle(self.tr("任务台账（省级汇总） — {0} — {1}").format(
            ledger.unit, self.plan.title))
        self.tabs = QTabWidget()
        # Which reporting round the tabs show (hand-ins, lateness, the matrix) and the
        # consolidated exports are made for; none: each unit's latest package.
        self.export_round = None
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(4, 4, 4, 0)
        bar = QHBoxLayout()
        caption = QLabel(self.tr("报送轮次(&J)："))
        self.round_combo = QComboBox()
        self.round_combo.setAccessibleName(self.tr("报送轮次"))
        self.round_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        caption.setBuddy(self.round_combo)
        bar.addWidget(caption)
        bar.addWidget(self.round_combo)
        bar.addStretch(1)
        column.addLayout(bar)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.submissions = SubmissionsWidget(session, host=self)
        self.consolidated = ConsolidatedWidget(session)
        self.tabs.addTab(self.submissions, self.tr("报送情况(&S)"))
        self.tabs.addTab(self.consolidated, self.tr("汇总矩阵(&M)"))
        self.consolidated.unit_activated.connect(self.show_unit)
        self.consolidated.measure_activated.connect(self.review_measure)
        self.review_dialog = None
        # ui.app's paint watch and screenshot look for a table with rows.
        self.table, self.model = self.submissions.table, self.submissions.model
        self._fill_rounds()
        self.round_combo.currentIndexChanged.connect(
            lambda _i: self.round_actions.choose(self.round_combo.currentData()))
        self.build_menus()
        self.statusBar().showMessage(self.tr("{0} · 省级汇总台账 · {1} · {2}").format(
            ledger.unit, ledger.user or self.tr("未填写"), ledger.path))
        self.restore_geometry()

    def build_menus(self) -> None:
        """Every menu item of the province window."""
        from ..app_actions import LanguageActions
        from ..export_actions import ExportActions
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self.import_action = QAction(self.tr("导入报送材料包(&I)…"), self)
        self.import_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_action.triggered.connect(self.choose_packages)
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        self.exports = ExportActions(self, [PROVINCE_TABLE, PROVINCE_REPORT])
        self.exports.add_to(file_menu)
        from ..rounds_view import RoundActions
        self.round_actions = RoundActions(self)
        self.round_actions.add_to(file_menu)
        file_menu.addSeparator()
        from .review_actions import ProvinceReviewActions
        self.review_actions = ProvinceReviewActions(self)
        self.review_actions.add_file_actions(file_menu)
        file_menu.addSeparator()
        self.add_quit_action(file_menu)
        self.review_actions.add_division_menu(self.menuBar().addMenu(self.tr("处室(&D)")))
        view = self.menuBar().addMenu(self.tr("视图(&V)"))
        self.add_tab_actions(view, [self.tr("报送情况"), self.tr("汇总矩阵")])
        view.addSeparator()
        self.language = LanguageActions(self)
        self.language.add_to(view)

    def show_unit(self, unit: str) -> None:
        """Open the 报送情况 tab on ``unit``."""
        row = self.submissions.model.row_of(unit)
        if row >= 0:
            self.tabs.setCurrentWidget(self.submissions)
            self.submissions.table.selectRow(row)
            self.submissions.table.setFocus()

    def review_measure(self, unit: str, code: str) -> bool:
        """Review ``unit``'s measure ``code`` (from the matrix): its result and comment."""
        from .review import review_measure
        return review_measure(self, self.session, unit, code)

    def commit_pending(self) -> None:
        self.submissions.review.commit_pending()

    # ---- reporting rounds ------------------------------------------------------------------
    def _fill_rounds(self) -> None:
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        self.round_combo.addItem(self.tr("全部（各单位最新报送）"), None)
        for item in self.session.ledger.rounds():
            self.round_combo.addItem(item.label, item.name)
        index = self.round_combo.findData(self.export_round) if self.export_round else 0
        self.round_combo.setCurrentIndex(max(0, index))
        if index < 0:
            self.export_round = None
        self.round_combo.blockSignals(False)

    def round_chosen(self, name: str | None) -> None:
        """Show hand-ins, lateness and the matrix of round ``name`` (None: latest packages)."""
        self.export_round = name
        self._fill_rounds()
        self.submissions.reload(round_name=name)
        self.consolidated.reload(round_name=name)

    # ---- refresh ---------------------------------------------------------------------------
    def ledger_changed(self, changes: Changes) -> None:
        if changes.everything:
            self.plan = self.session.ledger.plan()
        if changes.everything or changes.rounds or changes.submissions:
            self._fill_rounds()          # an imported package may bring its round
        # A review changes the counts in 报送情况 and the marks in the matrix; a division's
        # record (codes) its row.
        if (changes.everything or changes.submissions or changes.settings or changes.units
                or changes.reviews or changes.codes):
            self.submissions.reload(round_name=self.export_round)
            self.consolidated.reload(round_name=self.export_round)

    # ---- import: menu and drag-and-drop share import_packages() ------------------------------
    def choose_packages(self):
        paths = self.ask_open_paths(self.tr("导入报送材料包"),
                                    self.tr("报送材料包 (*.zip);;所有文件 (*)"),
                                    key=IMPORT_FOLDER_KEY)
        return self.import_packages(paths) if paths else None

    def import_packages(self, paths: list[Path]):
        """Check and import ``paths`` in the background; show one line per package after.

        What was imported before a cancel or a failure stays, and the views show it: the
        job reports the units it recorded whatever the outcome.
        """
        if not paths:
            return None

        def done(results):
            self.last_results = results
            self.result_dialog = ImportResultDialog(results, self)
            self.result_dialog.open()

        def stopped():
            self.show_status(self.tr("导入已取消：已完成校验的材料包已导入，其余未改动"), 8000)

        return self.start_job(import_work(paths), drop_label(len(paths)), done,
                              access=Access.WRITE, on_cancel=stopped)

    def accepts_files(self) -> bool:
        return True

    def files_dropped(self, paths) -> None:
        # Non-zip files go through too: the import says plainly why each is refused.
        files = sorted(p for p in paths if p.is_file())
        if files:
            self.import_packages(files)

    def closeEvent(self, event):
        super().closeEvent(event)
        self.submissions.cleanup()
