"""The provincial office's window: 报送情况 and 汇总矩阵 tabs, importing units' packages (menu
or drag-and-drop of many .zip files) and the consolidated exports, all in the background."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, QThreadPool
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QTabWidget


from . import signals as sig
from .export_actions import export_work, exporting_label, offer_open
from .widgets import local_files
from .province_consolidated import ConsolidatedWidget
from .province_import import ImportResultDialog, drop_label, import_work
from .province_submissions import SubmissionsWidget

IMPORT_FOLDER_KEY = "paths/last_package_folder"
EXPORT_FOLDER_KEY = "paths/last_export_folder"

# kind → (module, function, file filter, default name, progress text)
EXPORTS = {
    "xlsx": ("exports.consolidated_xlsx", "write_consolidated_workbook",
             QT_TRANSLATE_NOOP("ProvinceWindow", "Excel 工作簿 (*.xlsx)"),
             "{year}年任务完成情况全省汇总表.xlsx"),
    "pdf": ("exports.consolidated_pdf", "write_consolidated_pdf",
            QT_TRANSLATE_NOOP("ProvinceWindow", "PDF 文件 (*.pdf)"),
            "{year}年任务完成情况全省汇总.pdf"),
}


class ProvinceWindow(QMainWindow):
    """The window for a ledger with role "province"."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        ledger = session.ledger
        self.plan = ledger.plan()
        self.jobs = []
        self.last_results = None          # the latest import's results (for the dialog)
        self.result_dialog = None
        self.setWindowTitle(self.tr("任务台账（省级汇总） — {0} — {1}").format(
            ledger.unit, self.plan.title))
        self.setAcceptDrops(True)
        self.tabs = QTabWidget()
        self.setCentralWidget(self.tabs)
        self.submissions = SubmissionsWidget(session)
        self.consolidated = ConsolidatedWidget(session)
        self.tabs.addTab(self.submissions, self.tr("报送情况(&S)"))
        self.tabs.addTab(self.consolidated, self.tr("汇总矩阵(&M)"))
        self.consolidated.unit_activated.connect(self.show_unit)
        # ui.app's paint watch and screenshot look for a table with rows.
        self.table, self.model = self.submissions.table, self.submissions.model
        self._build_menus()
        self.statusBar().showMessage(self.tr("{0} · 省级汇总台账 · {1} · {2}").format(
            ledger.unit, ledger.user or self.tr("未填写"), ledger.path))
        session.signals.changed.connect(self._on_changed)
        geometry = QSettings().value("province/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self.import_action = QAction(self.tr("导入报送材料包(&I)…"), self)
        self.import_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_action.triggered.connect(self.choose_packages)
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        self.export_xlsx_action = QAction(self.tr("导出全省汇总表（Excel）(&E)…"), self)
        self.export_xlsx_action.triggered.connect(lambda: self.export("xlsx"))
        file_menu.addAction(self.export_xlsx_action)
        self.export_pdf_action = QAction(self.tr("导出全省汇总 PDF(&P)…"), self)
        self.export_pdf_action.triggered.connect(lambda: self.export("pdf"))
        file_menu.addAction(self.export_pdf_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出(&X)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view = self.menuBar().addMenu(self.tr("视图(&V)"))
        for index, (text, key) in enumerate(((self.tr("报送情况"), "Ctrl+1"),
                                             (self.tr("汇总矩阵"), "Ctrl+2"))):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            view.addAction(action)
        from .i18n import add_language_menu
        view.addSeparator()
        add_language_menu(self, view)

    def show_unit(self, unit: str) -> None:
        """Open the 报送情况 tab on ``unit``."""
        row = self.submissions.model.row_of(unit)
        if row >= 0:
            self.tabs.setCurrentWidget(self.submissions)
            self.submissions.table.selectRow(row)
            self.submissions.table.setFocus()

    # ---- refresh ---------------------------------------------------------------------------
    def _on_changed(self, _kind: str, _codes: list) -> None:
        self.submissions.reload()
        self.consolidated.reload()

    # ---- import: menu and drag-and-drop share import_packages() ------------------------------
    def choose_packages(self):
        settings = QSettings()
        folder = settings.value(IMPORT_FOLDER_KEY, str(Path.home()))
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("导入报送材料包"), str(folder), self.tr("报送材料包 (*.zip);;所有文件 (*)"))
        if not paths:
            return None
        settings.setValue(IMPORT_FOLDER_KEY, str(Path(paths[0]).parent))
        return self.import_packages([Path(p) for p in paths])

    def import_packages(self, paths: list[Path]):
        """Check and import ``paths`` in the background; show one line per package after."""
        if not paths:
            return None

        def done(results):
            self.last_results = results
            # The worker wrote through its own connection: every view re-reads the ledger.
            self.session.signals.notify(sig.ALL)
            self.result_dialog = ImportResultDialog(results, self)
            self.result_dialog.open()

        def stopped():
            self.session.signals.notify(sig.ALL)
            self.statusBar().showMessage(
                self.tr("导入已取消：已完成校验的材料包已导入，其余未改动"), 8000)

        return self._start_job(import_work(paths), drop_label(len(paths)), done, stopped)

    def dragEnterEvent(self, event):
        if local_files(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event):
        if local_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event):
        files = local_files(event.mimeData())
        if not files:
            return
        event.acceptProposedAction()
        # Non-zip files go through too: the import says plainly why each is refused.
        self.import_packages(sorted(files))

    # ---- exports ---------------------------------------------------------------------------
    def export(self, kind: str):
        module_name, function_name, file_filter, pattern = EXPORTS[kind]
        settings = QSettings()
        folder = settings.value(EXPORT_FOLDER_KEY, str(Path.home()))
        default = Path(folder) / pattern.format(year=self.plan.year)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出"), str(default),
                                              self.tr(file_filter))
        if not path:
            return None
        out_path = Path(path)
        settings.setValue(EXPORT_FOLDER_KEY, str(out_path.parent))

        return self._start_job(export_work(module_name, function_name, out_path),
                               exporting_label(out_path), self._offer_open)

    def _offer_open(self, out_path: Path) -> None:
        offer_open(self, out_path)

    # ---- background work ---------------------------------------------------------------------
    def _start_job(self, work, label: str, on_success, on_cancel=None):
        from .jobs import run_job

        def failed(message: str) -> None:
            self.session.signals.notify(sig.ALL)
            QMessageBox.warning(self, self.tr("未能完成"), message)

        handle = run_job(self, self.session.path, work, label=label, on_success=on_success,
                         on_failure=failed,
                         on_cancel=on_cancel or (lambda: self.statusBar().showMessage(
                             self.tr("已取消"), 5000)))
        self.jobs.append(handle)
        handle.finished.connect(lambda h=handle: self.jobs.remove(h) if h in self.jobs else None)
        return handle

    def closeEvent(self, event):
        QSettings().setValue("province/geometry", self.saveGeometry())
        for handle in list(self.jobs):
            handle.cancel()
        if self.jobs:
            QThreadPool.globalInstance().waitForDone(10000)
        self.submissions.cleanup()
        super().closeEvent(event)
