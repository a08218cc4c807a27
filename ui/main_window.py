"""The workbench window: plan tree, measure table with filters and search, measure panel,
dashboard, and its menus (exports, hand-in, settings, print preview, verify, backups).

A LedgerWindow (ui.host): jobs, file dialogs, drops and closing are the host's; the menu
items live in action groups built in one place, ``build_menus``. Every change is undoable
(``self.undo``, ui.undo). The panel always shows the measure selected in the current list;
with several rows selected it gives way to the bulk panel (ui.bulk_panel).
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHeaderView, QLabel, 
                               QLineEdit, QPushButton, QSplitter, QStackedWidget, QTableView, 
                               QTabWidget, QVBoxLayout, QWidget)


from models.changes import Changes

from models.deadlines import DUE_SOON, LATE
from models.plan.scope import ISSUER, SCOPE_LABELS
from models.queries import MeasureFilter
from models.review import RETURNED
from models.status import PENDING, STATUSES

from . import i18n
from .host import LedgerWindow
from .layouts import FlowLayout
from .plan_tree import PlanTreeWidget
from .safe_input import guard

SEARCH_DELAY_MS = 250
WRAP_KEY = "view/wrap_text"           # QSettings: table and tree rows show their whole text
PANEL_MIN_WIDTH = 300


class MainWindow(LedgerWindow):
    """The workbench of a unit's ledger."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        ledger = session.ledger
        self.plan = ledger.plan()
        self.setWindowTitle(self.tr("任务台账 — {0} — {1}").format(ledger.unit, self.plan.title))
        from .readonly_measures import MeasureTableWithIssuer
        self.model = MeasureTableWithIssuer(session, self)
        self._undo = None
        session.signals.saved.connect(self._on_saved)
        self._build()
        self._show_role_column()
        self._build_menu_titles()
        # Menu items and their shortcuts arrive right after the first paint.
        self.after_first_paint(self.build_menus)
        self.apply_filter()
        self._restore_state()

    # ---- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.tabs = QTabWidget()
        self.setCentralWidget(self.tabs)

        # The tree's nodes are filled right after the first paint (a deferred widget).
        self.tree = PlanTreeWidget(self.session, fill=False)
        self.tree.node_selected.connect(self._on_tree_node)
        self.after_first_paint(self._fill_tree)

        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        # The filters wrap onto more lines on a narrow screen instead of widening the window.
        filters = QWidget()
        bar = FlowLayout(filters)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("搜索举措、进展、佐证材料名称（Ctrl+F）"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("搜索"))
        self.search_edit.setAcceptDrops(False)
        self.search_edit.setMaxLength(200)
        self.search_edit.setMinimumWidth(200)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self.search_timer.start)
        self.search_edit.returnPressed.connect(self.apply_filter)
        bar.addWidget(self.search_edit)
        # 待确认: 相关地市 measures not yet confirmed, which the table shows so.
        self.status_combo = self._combo(self.tr("状态"), [(self.tr("全部状态"), None)]
                                        + [(i18n.label(s), s) for s in STATUSES]
                                        + [(i18n.label(PENDING), PENDING)])
        self.section_combo = self._combo(self.tr("部分"), [(self.tr("全部部分"), None)]
                                         + [(s.title, s.title) for s in self.plan.sections])
        self.section_combo.setMaximumWidth(220)
        self.scope_combo = self._combo(self.tr("责任范围"), [(self.tr("全部范围"), None)]
                                       + [(i18n.label(label), key) for key, label in SCOPE_LABELS.items()
                                          if key != ISSUER])
        self.deadline_combo = self._combo(self.tr("期限"), [(self.tr("全部期限"), None),
                                                          (self.tr("逾期"), LATE),
                                                          (self._due_soon_label(), DUE_SOON)])
        from .pace_view import LIGHT_NAMES, light_icon
        self.light_combo = self._combo(self.tr("序时进度"), [(self.tr("全部灯"), None)] + [
            (QCoreApplication.translate("Pace", LIGHT_NAMES[key]), key)
            for key in ("red", "yellow", "green", "none")])
        for index, key in enumerate(("red", "yellow", "green"), 1):
            self.light_combo.setItemIcon(index, light_icon(key))
        for combo in (self.status_combo, self.section_combo, self.scope_combo, self.deadline_combo,
                      self.light_combo):
            bar.addWidget(combo)
        bar2 = bar
        self.no_evidence_check = QCheckBox(self.tr("已完成无佐证(&N)"))
        self.stale_check = QCheckBox(self.tr("30天未更新(&M)"))
        for check in (self.no_evidence_check, self.stale_check):
            check.toggled.connect(self.apply_filter)
            bar2.addWidget(check)
        # Provincial-level measures (责任地市 "--"): the unit sees them, read-only.
        self.issuer_check = QCheckBox(self.tr("显示省级举措（只读）(&G)"))
        self.issuer_check.toggled.connect(self._show_issuer)
        bar2.addWidget(self.issuer_check)
        # The measures the province sent back (shown once feedback was imported).
        self.returned_check = QCheckBox(self.tr("退回修改(&U)"))
        self.returned_check.setToolTip(self.tr("只看省级审核反馈中退回修改的举措"))
        self.returned_check.toggled.connect(self.apply_filter)
        self.returned_check.setVisible(False)
        bar2.addWidget(self.returned_check)
        self.clear_button = QPushButton(self.tr("清除筛选(&C)"))
        self.clear_button.clicked.connect(self.clear_filters)
        bar2.addWidget(self.clear_button)
        self.count_label = QLabel()
        bar2.addWidget(self.count_label)
        column.addWidget(filters)
        guard(self.status_combo, self.section_combo, self.scope_combo, self.deadline_combo)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("落实举措列表"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows (Ctrl/Shift+click) can be worked on at once: ui.bulk_panel.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Widths suit the Chinese labels; a translation's longer header or label widens them.
        metrics = self.fontMetrics()
        # The 任务 column is narrow (the tree and the panel show the task): on a 1366×768
        # screen the 落实举措 column, which stretches, keeps room for its first words.
        fits = {3: [i18n.label(label) for label in SCOPE_LABELS.values()],
                4: [i18n.label(status) for status in (*STATUSES, PENDING)],
                7: [i18n.label(LATE), i18n.label(DUE_SOON)]}
        for col, width in ((0, 48), (1, 88), (3, 70), (4, 64), (5, 86), (6, 40), (7, 50), (8, 40)):
            needed = max([metrics.horizontalAdvance(t) + 14 for t in fits.get(col, [])]
                         + [header.sectionSizeHint(col)])
            self.table.setColumnWidth(col, max(width, needed))
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        from .feedback_view import FeedbackBanner
        from .measure_table import REVIEW_COLUMN
        self.table.setColumnWidth(REVIEW_COLUMN, 100)
        self.table.setColumnWidth(REVIEW_COLUMN - 1, 104)        # 进度/序时 with its light
        self.feedback_banner = FeedbackBanner(self.session)
        self.feedback_banner.available.connect(self._on_feedback_available)
        self.feedback_banner.refresh()
        column.addWidget(self.feedback_banner)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.setMinimumWidth(240)
        column.addWidget(self.table, 1)

        # The measure panel (ui.measure_panel) is built right after the first paint, in the
        # place kept for it here; the bulk panel (ui.bulk_panel) on the first multi-selection.
        self._panel = None
        self._bulk = None
        self.right = QStackedWidget()
        placeholder = QWidget()
        placeholder.setMinimumWidth(PANEL_MIN_WIDTH)
        self.right.addWidget(placeholder)
        self.after_first_paint(lambda: self.panel)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.right)
        self.splitter.setCollapsible(1, False)
        self.splitter.setCollapsible(2, False)
        self.tree.setMinimumWidth(160)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setSizes([230, 780, 430])
        self.tabs.addTab(self.splitter, self.tr("台账(&L)"))

        # The dashboard summarises the whole ledger: built the first time its tab is opened,
        # so start-up does not pay for it.
        self._dashboard = None
        self.tabs.addTab(QWidget(), self.tr("概览(&O)"))
        self.tabs.currentChanged.connect(self._on_tab)

        # Who is recording, in the status bar, with a quick way to change it (several
        # clerks may share one PC; each entry keeps its author).
        self.user_button = QPushButton()
        self.user_button.setFlat(True)
        self.user_button.setToolTip(self.tr("更改填报人或本单位（台账设置）"))
        self.user_button.clicked.connect(lambda: self.edit_settings(focus="user"))
        self.statusBar().addWidget(self.user_button)
        self._show_who()
        # There is no Save button: say plainly that every change is already in the ledger.
        self.saved_label = QLabel(self.tr("修改即时保存"))
        self.saved_label.setStyleSheet("color: #555; padding-right: 6px;")
        self.statusBar().addPermanentWidget(self.saved_label)
        self._apply_wrap(QSettings().value(WRAP_KEY, False, type=bool))

    def _show_who(self) -> None:
        ledger = self.session.ledger
        self.user_button.setText(self.tr("{0} · 填报人：{1}").format(
            ledger.unit, ledger.user or self.tr("未填写")))
        self.statusBar().setToolTip(str(ledger.path))

    @property
    def panel(self):
        """The measure panel (ui.readonly_measures.PanelWithIssuer), built when first needed."""
        if self._panel is None:
            from .readonly_measures import PanelWithIssuer
            panel = PanelWithIssuer(self.session, host=self)
            panel.setMinimumWidth(PANEL_MIN_WIDTH)
            placeholder = self.right.widget(0)
            self.right.insertWidget(0, panel)
            self.right.setCurrentWidget(panel)
            self.right.removeWidget(placeholder)
            placeholder.deleteLater()
            self._panel = panel
        return self._panel

    def _shown_code(self) -> str | None:
        """The measure in the panel (None before the panel exists)."""
        return self._panel.code if self._panel is not None else None

    def _fill_tree(self) -> None:
        if not self.tree.topLevelItemCount():
            self.tree.blockSignals(True)
            self.tree.rebuild()
            self.tree.blockSignals(False)

    @property
    def undo(self):
        """The window's undo stack over ledger writes (ui.undo.LedgerUndo, made when first
        needed: the first paint does without it)."""
        if self._undo is None:
            from .undo import LedgerUndo
            self._undo = LedgerUndo(self.session, self)
        return self._undo

    @property
    def dashboard(self):
        if self._dashboard is None:
            from .dashboard import DashboardWidget
            self._dashboard = DashboardWidget(self.session)
            self._dashboard.measure_activated.connect(self.open_measure)
            self._dashboard.light_activated.connect(self.show_light)
            current = self.tabs.currentIndex()
            self.tabs.blockSignals(True)
            placeholder = self.tabs.widget(1)
            self.tabs.removeTab(1)
            self.tabs.insertTab(1, self._dashboard, self.tr("概览(&O)"))
            placeholder.deleteLater()
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
        return self._dashboard

    def _on_tab(self, index: int) -> None:
        if index == 1 and self._dashboard is None:
            self.tabs.setCurrentWidget(self.dashboard)

    def _due_soon_label(self) -> str:
        """临期（7天内）, with the ledger's reminder days (台账设置)."""
        return self.tr("临期（{0}天内）").format(self.session.ledger.pace().reminder_days)

    def _combo(self, name: str, items) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        for text, data in items:
            combo.addItem(text, data)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(self._on_combo)
        return combo

    def _build_menu_titles(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("文件(&F)"))
        self.edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        # A ledger can hold several years' plans; the one worked on is a ledger setting.
        self.plan_menu = bar.addMenu(self.tr("方案(&P)"))
        self.plan_menu.aboutToShow.connect(self._fill_plan_menu)
        self.tools_menu = bar.addMenu(self.tr("工具(&T)"))
        self.view_menu = bar.addMenu(self.tr("视图(&V)"))
        self.help_menu = bar.addMenu(self.tr("帮助(&H)"))
        self._menus_built = False

    def build_menus(self) -> None:
        """Every menu item of the workbench, built once, right after the first paint."""
        if self._menus_built:
            return
        self._menus_built = True
        from exports.documents import COMPLETION_TABLE, STATUS_REPORT, WORK_REPORT, WORK_REPORT_DOCX

        from .app_actions import AboutActions, LanguageActions
        from .help_dialog import HelpActions
        from .undo import UndoActions
        from .backup_dialog import BackupActions
        from .export_actions import ExportActions
        from .handin_actions import HandinActions

        file_menu = self.file_menu
        self.exports = ExportActions(self, [COMPLETION_TABLE, WORK_REPORT, WORK_REPORT_DOCX,
                                            STATUS_REPORT], unit=None)
        self.exports.add_to(file_menu)
        from .narrative_dialog import NarrativeActions
        self.narrative = NarrativeActions(self)
        self.narrative.add_to(file_menu)
        self.preview_action = QAction(self.tr("打印预览{0}(&P)…").format(
            i18n.label(STATUS_REPORT.name)), self)
        self.preview_action.setShortcut(QKeySequence.StandardKey.Print)
        self.preview_action.triggered.connect(self.print_preview)
        file_menu.addAction(self.preview_action)
        self.handin = HandinActions(self)
        self.handin.add_file_actions(file_menu)
        # The list as filtered, for the leader; reporting rounds (which round exports are for).
        from .rounds_view import ListActions, RoundActions
        self.list_actions = ListActions(self)
        self.list_actions.add_to(file_menu)
        self.round_actions = RoundActions(self)
        self.round_actions.add_to(file_menu)
        file_menu.addSeparator()
        self.settings_action = QAction(self.tr("台账设置(&S)…"), self)
        self.settings_action.triggered.connect(self.edit_settings)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        self.add_quit_action(file_menu)

        tools = self.tools_menu
        self.verify_action = QAction(self.tr("校验佐证材料(&V)"), self)
        self.verify_action.triggered.connect(self.verify_evidence)
        tools.addAction(self.verify_action)
        from .evidence_actions import EvidenceActions
        self.evidence_actions = EvidenceActions(self)
        self.evidence_actions.add_actions(tools)
        self.backups = BackupActions(self)
        self.backups.add_actions(tools)
        self.help = HelpActions(self)
        self.help.add_to(self.help_menu)
        self.help_menu.addSeparator()
        self.about = AboutActions(self)
        self.about.add_to(self.help_menu)
        self.undo_actions = UndoActions(self)
        self.undo_actions.add_to(self.edit_menu)

        view = self.view_menu
        self.add_tab_actions(view, [self.tr("台账"), self.tr("概览")])
        self.reminders_action = QAction(self.tr("到期提醒(&R)…"), self)
        self.reminders_action.triggered.connect(lambda: self.show_reminders(always=True))
        view.addAction(self.reminders_action)
        find = QAction(self.tr("搜索(&F)"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._focus_search)
        view.addAction(find)
        self.wrap_action = QAction(self.tr("换行显示全文(&W)"), self)
        self.wrap_action.setCheckable(True)
        self.wrap_action.setChecked(self.table.wordWrap())
        self.wrap_action.setShortcut(QKeySequence("Ctrl+Shift+W"))
        self.wrap_action.toggled.connect(self.set_wrap)
        view.addAction(self.wrap_action)
        self.tree_action = QAction(self.tr("显示任务清单(&T)"), self)
        self.tree_action.setCheckable(True)
        self.tree_action.setChecked(self.splitter.sizes()[0] > 0)
        self.tree_action.toggled.connect(self.show_tree)
        view.addAction(self.tree_action)
        view.addSeparator()
        self.language = LanguageActions(self)
        self.language.add_to(view)

    def _fill_plan_menu(self) -> None:
        self.plan_menu.clear()
        group = QActionGroup(self.plan_menu)
        current = self.session.ledger.plan_id
        for info in self.session.ledger.plans():
            action = QAction(self.tr("{0}年　{1}").format(info.year, info.title), self.plan_menu)
            action.setCheckable(True)
            action.setChecked(info.id == current)
            action.setData(info.id)
            action.triggered.connect(lambda _=False, plan_id=info.id: self.switch_plan(plan_id))
            group.addAction(action)
            self.plan_menu.addAction(action)
        self.build_menus()
        self.handin.add_plan_actions(self.plan_menu)

    def switch_plan(self, plan_id: int) -> None:
        """Work on another of the ledger's plans (saved in the ledger)."""
        ledger = self.session.ledger
        if plan_id == ledger.plan_id:
            return
        self.commit_pending()                  # saves pending edits of the old plan's measure
        self.session.write(self, ledger.switch_plan, plan_id)

    def _reload_plan(self) -> None:
        ledger = self.session.ledger
        self.plan = ledger.plan()
        self.setWindowTitle(self.tr("任务台账 — {0} — {1}").format(ledger.unit, self.plan.title))
        self.section_combo.blockSignals(True)
        self.section_combo.clear()
        self.section_combo.addItem(self.tr("全部部分"), None)
        for section in self.plan.sections:
            self.section_combo.addItem(section.title, section.title)
        self.section_combo.blockSignals(False)
        self._show_role_column()

    def _show_role_column(self) -> None:
        # 分工 (牵头/配合) only where the plan's list tells lead and assisting units apart
        from .measure_table import COLUMNS
        role_column = [key for key, _ in COLUMNS].index("role")
        self.table.setColumnHidden(role_column, not any(m.roles_given for m in self.plan.measures()))

    def _focus_search(self):
        self.tabs.setCurrentIndex(0)
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    # ---- filtering --------------------------------------------------------------------------
    def current_filter(self) -> MeasureFilter:
        _, task_no = self.tree.current_node()
        return MeasureFilter(
            status=self.status_combo.currentData(), section=self.section_combo.currentData(),
            task_no=task_no, scope=self.scope_combo.currentData(),
            deadline=self.deadline_combo.currentData(),
            done_without_evidence=self.no_evidence_check.isChecked(),
            stale=self.stale_check.isChecked(), search=self.search_edit.text(),
            review=RETURNED if self.returned_check.isChecked() else None,
            light=self.light_combo.currentData())

    def apply_filter(self) -> None:
        self.search_timer.stop()
        keep, keep_row = self._shown_code(), self.table.currentIndex().row()
        self.model.set_filter(self.current_filter())
        self._after_reload(keep, keep_row)

    def _after_reload(self, keep: str | None, keep_row: int = -1) -> None:
        search = self.search_edit.text().strip()
        shown = self.model.rowCount()
        extra = getattr(self.model, "issuer_count", 0)
        if search and not shown:
            self.count_label.setText(self.tr("未找到“{0}”").format(search))
        elif extra:
            self.count_label.setText(self.tr("显示 {0} / {1} 项 + 省级 {2} 项").format(
                shown - extra, self.tree.total, extra))
        else:
            self.count_label.setText(self.tr("显示 {0} / {1} 项").format(shown, self.tree.total))
        self.count_label.setStyleSheet("color: #c62828;" if search and not shown else "")
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and keep and shown:
            # The measure on screen is no longer listed: show the one now in its place, so
            # the panel never edits a measure the list does not show.
            row = min(max(keep_row, 0), shown - 1)
            self.show_status(self.tr("举措 {0} 不在当前筛选结果中，已改为显示举措 {1}").format(
                keep, self.model.code_at(row)))
        if row < 0 and self._panel is None and not keep:
            return                              # nothing shown yet, nothing to clear
        if row < 0:
            self.panel.show_measure(None)
            self.right.setCurrentWidget(self.panel)
            if keep and not shown:
                self.panel.title.setText(self.tr("当前筛选下没有举措"))
            self._update_search_places()
            return
        index = self.model.index(row, 0)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
        selection.blockSignals(False)
        self.table.viewport().update()
        self.table.scrollTo(index)
        self.right.setCurrentWidget(self.panel)
        if self.model.code_at(row) != self.panel.code:
            self.panel.show_measure(self.model.code_at(row))
        self._update_search_places()

    def _update_search_places(self) -> None:
        if self._panel is None:
            return
        self.panel.set_search_places(self.model.places_text(self.panel.code or "") or None)

    def _on_feedback_available(self, available: bool) -> None:
        from .measure_table import REVIEW_COLUMN
        self.table.setColumnHidden(REVIEW_COLUMN, not available)
        self.returned_check.setVisible(available)
        if not available and self.returned_check.isChecked():
            self.returned_check.setChecked(False)

    def _show_issuer(self, on: bool) -> None:
        self.model.show_issuer = on
        self.apply_filter()

    def show_light(self, light: str) -> None:
        """The table narrowed to one light (from the dashboard), every other filter cleared."""
        self.clear_filters()
        self.light_combo.setCurrentIndex(max(0, self.light_combo.findData(light)))
        self.tabs.setCurrentIndex(0)

    def clear_filters(self) -> None:
        for combo in (self.status_combo, self.section_combo, self.scope_combo, self.deadline_combo,
                      self.light_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for check in (self.no_evidence_check, self.stale_check, self.returned_check):
            check.blockSignals(True)
            check.setChecked(False)
            check.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.tree.blockSignals(True)
        self.tree.select_all()
        self.tree.blockSignals(False)
        self.apply_filter()

    def _on_combo(self, _index: int) -> None:
        if self.sender() is self.section_combo:
            # The section combo and the tree show the same choice.
            self.tree.blockSignals(True)
            self._select_tree_section(self.section_combo.currentData())
            self.tree.blockSignals(False)
        self.apply_filter()

    def _select_tree_section(self, title: str | None) -> None:
        self.tree.select_node(title)

    def _on_tree_node(self, section, task_no) -> None:
        self.section_combo.blockSignals(True)
        index = self.section_combo.findData(section) if section else 0
        self.section_combo.setCurrentIndex(max(index, 0))
        self.section_combo.blockSignals(False)
        self.apply_filter()

    # ---- selection ----------------------------------------------------------------------------
    def _on_row(self, current, _previous) -> None:
        if current.isValid() and len(self.selected_codes()) <= 1:
            self.panel.show_measure(self.model.code_at(current.row()))
            self.right.setCurrentWidget(self.panel)
            self._update_search_places()

    def selected_codes(self) -> list[str]:
        """Codes of the selected rows, in list order (the unit's own measures only)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        read_only = self.model.issuer_codes
        return [c for c in (self.model.code_at(r) for r in rows) if c not in read_only]

    def _on_selection(self, *_args) -> None:
        codes = self.selected_codes()
        if len(codes) >= 2:
            # Several measures: the bulk actions replace the single editor, so nothing typed
            # can land in one measure while the clerk means all of them.
            self.panel.commit_pending()
            self.bulk.set_codes(codes)
            self.right.setCurrentWidget(self.bulk)
        elif self.right.currentWidget() is not self.panel:
            self.right.setCurrentWidget(self.panel)
            current = self.table.currentIndex()
            if current.isValid():
                self.panel.show_measure(self.model.code_at(current.row()))

    @property
    def bulk(self):
        if self._bulk is None:
            from .bulk_panel import BulkPanel
            self._bulk = BulkPanel(self.session, self)
            self.right.addWidget(self._bulk)
        return self._bulk

    def open_measure(self, code: str, field: str | None = None, params: dict | None = None) -> None:
        """Show ``code`` in the panel (clearing filters that hide it); with ``field`` (a
        models.check FIELD_* name) that part of the panel is brought into view and focused."""
        self.tabs.setCurrentIndex(0)
        if self.model.row_of(code) < 0:
            self.clear_filters()
        row = self.model.row_of(code)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            self.table.setFocus()
            if field:
                # From the 缺项清单 (its own window): this window comes forward, cursor there.
                self.raise_()
                self.activateWindow()
                self.panel.focus_field(field, params)

    def ledger_changed(self, changes: Changes) -> None:
        if changes.everything:
            # Another plan, or the whole ledger restored: title, filters and lists follow.
            self.panel.show_measure(None)
            self._reload_plan()
            self.tree.rebuild()
            self.clear_filters()
            if self.model.rowCount():
                self.table.selectRow(0)
            return
        if changes.touches_measures():
            keep, keep_row = self._shown_code(), self.table.currentIndex().row()
            selected = self.selected_codes()
            self.model.reload()
            if len(selected) >= 2:
                self._reselect(selected)
            else:
                self._after_reload(keep, keep_row)
        if changes.settings:
            self._show_who()
            self.show_status(self.tr("设置已保存"), 3000)
            # the thresholds and reminder days change the lights and the 临期 list
            self.deadline_combo.setItemText(2, self._due_soon_label())
            keep = self.panel.code
            self.model.reload()
            self._after_reload(keep)
        if changes.narrative:
            self.show_status(self.tr("报告正文已保存"), 3000)

    def _on_saved(self) -> None:
        # Only a change the ledger took is "saved"; a refused one shows its message instead.
        self.saved_label.setText(self.tr("已保存 {0}").format(datetime.now().strftime("%H:%M:%S")))

    def _reselect(self, codes: list[str]) -> None:
        """Select ``codes`` again after the list was re-read (a bulk change)."""
        from PySide6.QtCore import QItemSelection
        selection = QItemSelection()
        for code in codes:
            row = self.model.row_of(code)
            if row >= 0:
                selection.select(self.model.index(row, 0),
                                 self.model.index(row, self.model.columnCount() - 1))
        self.table.selectionModel().select(selection,
                                           QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._on_selection()

    # ---- drops: files dropped anywhere on the window become evidence ----------------------
    def accepts_files(self) -> bool:
        # Only where the measure they will back is in view (the 台账 tab).
        return self.tabs.currentIndex() == 0

    def files_dropped(self, paths) -> None:
        # The province's 审核反馈 files are imported; every other file is evidence.
        from .feedback_view import is_feedback_file
        feedback = [p for p in paths if is_feedback_file(p)]
        paths = [p for p in paths if p not in feedback]
        if feedback:
            self.build_menus()
            self.handin.import_feedback(feedback)
        if not paths:
            return
        from PySide6.QtWidgets import QMessageBox
        if self._bulk is not None and self.right.currentWidget() is self._bulk:
            answer = QMessageBox.question(self, self.tr("添加佐证材料"), self.tr(
                "把 {0} 个文件添加为所选 {1} 项举措的佐证材料吗？").format(len(paths),
                                                                 len(self._bulk.codes)))
            if answer == QMessageBox.StandardButton.Yes:
                self._bulk.attach_files(paths)
            return
        self.panel.attach_files(paths)

    def commit_pending(self) -> None:
        if self._panel is not None:
            self._panel.commit_pending()

    # ---- background work ---------------------------------------------------------------
    def verify_evidence(self):
        def work(ledger, progress, cancelled):
            from models.queries import evidence_count
            total = evidence_count(ledger)
            return total, ledger.verify(progress=progress, cancelled=cancelled)

        def done(result):
            from PySide6.QtWidgets import QMessageBox
            total, problems = result
            if not problems:
                QMessageBox.information(self, self.tr("校验佐证材料"),
                                        self.tr("已校验 {0} 个佐证材料，全部完好。").format(total))
                return
            labels = {"missing": self.tr("文件缺失"), "altered": self.tr("内容已被改动")}
            lines = [self.tr("{0}（{1}，举措 {2}）").format(p.original_name, labels.get(p.problem, p.problem),
                                                       "、".join(p.measures) or "—")
                     for p in problems[:30]]
            more = self.tr("\n……另有 {0} 个").format(len(problems) - 30) if len(problems) > 30 else ""
            QMessageBox.warning(self, self.tr("校验佐证材料"),
                                self.tr("已校验 {0} 个佐证材料，发现 {1} 个问题：\n").format(
                                    total, len(problems)) + "\n".join(lines) + more)

        return self.start_job(work, self.tr("正在校验佐证材料…"), done)

    # ---- reminders on opening ------------------------------------------------------------
    def show_reminders(self, *, always: bool = False):
        """The reminders panel (non-modal): overdue, due within the ledger's days, milestones
        due; each a double-click away from its measure. On opening it appears only when
        there is something to say. Returns the dialog (or None)."""
        from models.reminders import reminders
        from .reminders_view import ReminderDialog
        if self.session.suspended:
            return None
        found = reminders(self.session.ledger)
        if not found and not always:
            return None
        if getattr(self, "reminder_dialog", None) is not None:
            self.reminder_dialog.close()
        self.reminder_dialog = ReminderDialog(found, self)
        self.reminder_dialog.measure_activated.connect(self.open_measure)
        self.reminder_dialog.show()
        return self.reminder_dialog

    # ---- settings and print preview ----------------------------------------------------
    def edit_settings(self, focus: str | None = None) -> None:
        """台账设置: 填报人, 本单位 (with a confirmation), letterhead and contacts. ``focus``:
        the setting to put the cursor in (the 缺项清单 links here)."""
        from models.history import known_users

        from .dialogs import SettingsDialog
        ledger = self.session.ledger
        dialog = SettingsDialog(ledger.settings(), self, units=[u.name for u in ledger.units()
                                                                 if u.kind != "other"],
                                users=known_users(ledger))
        if focus == "user":
            dialog.user_combo.setFocus()
        elif focus in dialog.edits:
            dialog.edits[focus].setFocus()
        self.settings_dialog = dialog
        accepted = dialog.exec()
        self.settings_dialog = None
        if not accepted:
            return
        self.commit_pending()
        values = {k: v for k, v in dialog.values().items() if v != ledger.setting(k)}
        if values:
            self.session.write(self, ledger.set_settings, **values)
        if dialog.unit() != ledger.unit:
            self.change_unit(dialog.unit())

    def change_unit(self, new_unit: str) -> bool:
        """Ask, then make ``new_unit`` the ledger's unit (what was recorded moves with it)."""
        from PySide6.QtWidgets import QMessageBox
        from models.errors import LedgerError
        from models.unit_change import change_unit, preview_unit_change

        from .session import show_error
        ledger = self.session.ledger
        try:
            preview = preview_unit_change(ledger, new_unit)
        except LedgerError as error:
            show_error(self, error)
            return False
        text = self.tr("把本单位从“{0}”改为“{1}”吗？\n\n已填报的 {2} 条记录（状态、进展、完成值、"
                       "佐证材料）将一并改为{1}的记录。").format(preview.old, preview.new,
                                                       preview.records)
        if preview.not_carried:
            text += self.tr("\n其中举措 {0} 不属于{1}，改后不再显示（记录保留，改回原单位即可看到）。"
                            ).format("、".join(preview.not_carried[:20]), preview.new)
        text += self.tr("\n\n此项修改会记入修改记录。")
        answer = QMessageBox.question(self, self.tr("更改本单位"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if self.session.write(self, change_unit, ledger, new_unit):
            self._show_who()
            return True
        return False

    # ---- reading the whole text, a narrow screen -----------------------------------------
    def set_wrap(self, on: bool) -> None:
        """Rows of the table and the tree show their whole text (remembered)."""
        QSettings().setValue(WRAP_KEY, bool(on))
        self._apply_wrap(on)

    def _apply_wrap(self, on: bool) -> None:
        self.table.setWordWrap(on)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone if on else Qt.TextElideMode.ElideRight)
        header = self.table.verticalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents if on
                                    else QHeaderView.ResizeMode.Fixed)
        if not on:
            header.setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.tree.set_wrap(on)

    def show_tree(self, on: bool) -> None:
        """Show or hide the task-list tree (hidden at first on a narrow screen)."""
        sizes = self.splitter.sizes()
        if on and sizes[0] == 0:
            # The tree takes a fifth (at most its usual 270 px) from the table; the panel keeps
            # what it has.
            total = sum(sizes)
            sizes[0] = min(270, max(160, total // 5))
            sizes[1] = max(total - sizes[0] - sizes[2], 240)
        elif not on:
            sizes[1] += sizes[0]
            sizes[0] = 0
        self.splitter.setSizes(sizes)

    def print_preview(self):
        """Compose the 进度报告 in the background (the same content the PDF prints), then
        show it in the print preview."""
        def work(ledger, progress, cancelled):
            from models.status_report import build_status_report
            return build_status_report(ledger)

        return self.start_job(work, self.tr("正在准备打印预览…"), self._show_preview)

    def _show_preview(self, report) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from .report_preview import status_report_html
        document = QTextDocument(self)
        document.setHtml(status_report_html(report))
        self._preview_document = document          # what the last preview showed (tests)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        from exports.documents import STATUS_REPORT
        dialog.setWindowTitle(self.tr("打印预览 — {0}").format(i18n.label(STATUS_REPORT.name)))
        dialog.paintRequested.connect(document.print_)
        dialog.resize(900, 1000)
        dialog.exec()

    # ---- window state (QSettings only: geometry, splitter, tab) --------------------------
    def _restore_state(self) -> None:
        settings = QSettings()
        self.restore_geometry()
        splitter = settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        elif self.width() < 1100:
            # A narrow screen: the table and the panel get the width; 视图 → 显示任务清单
            # (or the splitter handle) brings the tree back.
            self.splitter.setSizes([0, self.width() * 5 // 9, self.width() * 4 // 9])
        # The measure panel fills right after the first paint: the window shows sooner.
        self.after_first_paint(lambda: self._select_initial(settings.value("window/measure")))
        # Then what is overdue or falls due soon, without stopping the clerk (non-modal).
        self.after_first_paint(self.show_reminders)

    def _select_initial(self, last: str | None) -> None:
        if self._shown_code():
            return
        if last and self.model.row_of(last) >= 0:
            self.open_measure(last)
        elif self.model.rowCount():
            self.table.selectRow(0)
            self.table.setFocus()             # arrow keys move through the measures at once

    def save_state(self) -> None:
        super().save_state()
        settings = QSettings()
        settings.setValue("window/splitter", self.splitter.saveState())
        if self._shown_code():
            settings.setValue("window/measure", self._shown_code())
