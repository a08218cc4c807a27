"""The workbench window: plan tree, measure table with filters and search, measure panel,
dashboard, and its menus (exports, hand-in, settings, print preview, verify, backups).

A LedgerWindow (ui.host): jobs, file dialogs, drops and closing are the host's; the menu
items live in action groups built in one place, ``build_menus``.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QScrollArea, QSplitter, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from exports.documents import COMPLETION_TABLE, STATUS_REPORT, WORK_REPORT, WORK_REPORT_DOCX
from models.changes import Changes

from models.deadlines import DUE_SOON, LATE
from models.plan.scope import ISSUER, SCOPE_LABELS
from models.queries import MeasureFilter
from models.review import RETURNED
from models.status import STATUSES

from . import i18n
from .host import LedgerWindow
from .plan_tree import PlanTreeWidget

SEARCH_DELAY_MS = 250


class MainWindow(LedgerWindow):
    """The workbench of a unit's ledger."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        ledger = session.ledger
        self.plan = ledger.plan()
        self.setWindowTitle(self.tr("任务台账 — {0} — {1}").format(ledger.unit, self.plan.title))
        from .readonly_measures import MeasureTableWithIssuer
        self.model = MeasureTableWithIssuer(session, self)
        self._build()
        self._show_role_column()
        self._build_menu_titles()
        # Menu items and their shortcuts arrive right after the first paint.
        QTimer.singleShot(0, self.build_menus)
        self.apply_filter()
        self._restore_state()

    # ---- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.tabs = QTabWidget()
        self.setCentralWidget(self.tabs)

        self.tree = PlanTreeWidget(self.session)
        self.tree.node_selected.connect(self._on_tree_node)

        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("搜索举措、进展、佐证材料名称（Ctrl+F）"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("搜索"))
        self.search_edit.setAcceptDrops(False)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self.search_timer.start)
        self.search_edit.returnPressed.connect(self.apply_filter)
        bar.addWidget(self.search_edit, 2)
        self.status_combo = self._combo(self.tr("状态"), [(self.tr("全部状态"), None)]
                                        + [(i18n.label(s), s) for s in STATUSES])
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
        column.addLayout(bar)
        bar2 = QHBoxLayout()
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
        bar2.addStretch(1)
        self.count_label = QLabel()
        bar2.addWidget(self.count_label)
        column.addLayout(bar2)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("落实举措列表"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
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
        fits = {3: [i18n.label(label) for label in SCOPE_LABELS.values()],
                7: [i18n.label(LATE), i18n.label(DUE_SOON)]}
        for col, width in ((0, 48), (1, 112), (3, 70), (4, 96), (5, 86), (6, 40), (7, 50), (8, 40)):
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
        column.addWidget(self.table, 1)

        from .readonly_measures import PanelWithIssuer
        self.panel = PanelWithIssuer(self.session, host=self)
        panel_scroll = QScrollArea()
        panel_scroll.setWidgetResizable(True)
        panel_scroll.setWidget(self.panel)
        panel_scroll.setMinimumWidth(360)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(panel_scroll)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setSizes([270, 740, 430])
        self.tabs.addTab(self.splitter, self.tr("台账(&L)"))

        # The dashboard summarises the whole ledger: built the first time its tab is opened,
        # so start-up does not pay for it.
        self._dashboard = None
        self.tabs.addTab(QWidget(), self.tr("概览(&O)"))
        self.tabs.currentChanged.connect(self._on_tab)

        ledger = self.session.ledger
        self.statusBar().showMessage(self.tr("{0} · 填报人 {1} · {2}").format(
            ledger.unit, ledger.user or self.tr("未填写"), ledger.path))
        # There is no Save button: say plainly that every change is already in the ledger.
        self.saved_label = QLabel(self.tr("修改即时保存"))
        self.saved_label.setStyleSheet("color: #555; padding-right: 6px;")
        self.statusBar().addPermanentWidget(self.saved_label)

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
        from .app_actions import AboutActions, LanguageActions
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
        self.about = AboutActions(self)
        self.about.add_to(self.help_menu)

        view = self.view_menu
        self.add_tab_actions(view, [self.tr("台账"), self.tr("概览")])
        self.reminders_action = QAction(self.tr("到期提醒(&R)…"), self)
        self.reminders_action.triggered.connect(lambda: self.show_reminders(always=True))
        view.addAction(self.reminders_action)
        find = QAction(self.tr("搜索(&F)"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._focus_search)
        view.addAction(find)
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
        keep = self.panel.code
        self.model.set_filter(self.current_filter())
        self._after_reload(keep)

    def _after_reload(self, keep: str | None) -> None:
        self.count_label.setText(self.tr("显示 {0} / {1} 项").format(self.model.rowCount(),
                                                                self.tree.total))
        extra = getattr(self.model, "issuer_count", 0)
        if extra:
            self.count_label.setText(self.tr("显示 {0} / {1} 项 + 省级 {2} 项").format(
                self.model.rowCount() - extra, self.tree.total, extra))
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            index = self.model.index(row, 0)
            self.table.selectionModel().blockSignals(True)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.selectionModel().blockSignals(False)
            self.table.scrollTo(index)

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
        root = self.tree.topLevelItem(0)
        if title is None:
            self.tree.setCurrentItem(root)
            return
        for i in range(root.childCount()):
            if root.child(i).text(0) == title:
                self.tree.setCurrentItem(root.child(i))
                return

    def _on_tree_node(self, section, task_no) -> None:
        self.section_combo.blockSignals(True)
        index = self.section_combo.findData(section) if section else 0
        self.section_combo.setCurrentIndex(max(index, 0))
        self.section_combo.blockSignals(False)
        self.apply_filter()

    # ---- selection ----------------------------------------------------------------------------
    def _on_row(self, current, _previous) -> None:
        if current.isValid():
            self.panel.show_measure(self.model.code_at(current.row()))

    def open_measure(self, code: str) -> None:
        """Show ``code`` in the panel (clearing filters that hide it)."""
        self.tabs.setCurrentIndex(0)
        if self.model.row_of(code) < 0:
            self.clear_filters()
        row = self.model.row_of(code)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            self.table.setFocus()

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
        self.saved_label.setText(self.tr("已保存 {0}").format(datetime.now().strftime("%H:%M:%S")))
        if changes.touches_measures():
            keep = self.panel.code
            self.model.reload()
            self._after_reload(keep)
        if changes.settings:
            self.show_status(self.tr("设置已保存"), 3000)
            # the thresholds and reminder days change the lights and the 临期 list
            self.deadline_combo.setItemText(2, self._due_soon_label())
            keep = self.panel.code
            self.model.reload()
            self._after_reload(keep)
        if changes.narrative:
            self.show_status(self.tr("报告正文已保存"), 3000)

    # ---- drops: files dropped anywhere on the window become evidence ----------------------
    def accepts_files(self) -> bool:
        # Only where the measure they will back is in view (the 台账 tab).
        return self.tabs.currentIndex() == 0

    def files_dropped(self, paths) -> None:
        # The province's 审核反馈 files are imported; every other file is evidence.
        from .feedback_view import is_feedback_file
        feedback = [p for p in paths if is_feedback_file(p)]
        evidence = [p for p in paths if p not in feedback]
        if feedback:
            self.build_menus()
            self.handin.import_feedback(feedback)
        if evidence:
            self.panel.attach_files(evidence)

    def commit_pending(self) -> None:
        self.panel.commit_pending()

    # ---- background work ---------------------------------------------------------------
    def verify_evidence(self):
        def work(ledger, progress, cancelled):
            from models.queries import evidence_count
            total = evidence_count(ledger)
            return total, ledger.verify(progress=progress, cancelled=cancelled)

        def done(result):
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
    def edit_settings(self) -> None:
        from .dialogs import SettingsDialog
        dialog = SettingsDialog(self.session.ledger.settings(), self)
        if dialog.exec():
            self.session.write(self, self.session.ledger.set_settings, **dialog.values())

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
        # The measure panel fills right after the first paint: the window shows sooner.
        QTimer.singleShot(0, lambda: self._select_initial(settings.value("window/measure")))
        # Then what is overdue or falls due soon, without stopping the clerk (non-modal).
        QTimer.singleShot(0, self.show_reminders)

    def _select_initial(self, last: str | None) -> None:
        if self.panel.code:
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
        if self.panel.code:
            settings.setValue("window/measure", self.panel.code)
