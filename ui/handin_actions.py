"""The hand-in and Excel menu items of the workbench: 报送前检查, the submission package, the
佐证材料汇编, filling the province's workbook, the blank task list, and importing a plan.

A WindowActions group: every slow step (check, export, parsing a task list) runs through the
host's job helper and every write through Session.write. exports/ modules are imported
inside the work functions, so openpyxl and ReportLab stay out of start-up.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from exports.documents import EVIDENCE_BOOK, TASK_LIST

from . import i18n
from .export_actions import file_filter
from .host import WindowActions
from .jobs import Access

IMPORT_FOLDER_KEY = "paths/last_import_folder"
TEMPLATE_FOLDER_KEY = "paths/last_template_folder"


class HandinActions(WindowActions):
    """Hand-in actions living on the workbench (``host``); methods return the job handle."""

    def __init__(self, host):
        super().__init__(host)
        self.check_dialog = None
        self.preview_dialog = None

    # ---- menus --------------------------------------------------------------------------
    def add_file_actions(self, menu) -> None:
        """The hand-in and Excel items of 文件, after a separator."""
        items = (
            ("check_action", self.tr("报送前检查(&C)…"), self.check),
            ("package_action", self.tr("导出报送材料包(&B)…"), self.export_package),
            ("evidence_pdf_action", self.tr("导出{0}（PDF）(&D)…").format(
                i18n.label(EVIDENCE_BOOK.name)), self.export_evidence_pdf),
            ("template_action", self.tr("填写省里发来的表格(&T)…"), self.fill_template),
            ("tasklist_action", self.tr("导出{0}模板（Excel）(&L)…").format(
                i18n.label(TASK_LIST.name)), self.export_tasklist),
        )
        menu.addSeparator()
        for name, text, slot in items:
            action = QAction(text, self.host)
            action.triggered.connect(lambda _=False, s=slot: s())
            setattr(self, name, action)
            menu.addAction(action)

    def add_plan_actions(self, menu) -> None:
        """The import item at the end of 方案 (the menu is refilled each time it opens)."""
        menu.addSeparator()
        self.import_plan_action = QAction(self.tr("导入任务清单(&I)…"), menu)
        self.import_plan_action.triggered.connect(lambda _=False: self.import_plan())
        menu.addAction(self.import_plan_action)

    def shutting_down(self) -> None:
        if self.check_dialog is not None:
            self.check_dialog.close()

    def _unit_year(self) -> tuple[str, int]:
        return self.host.session.ledger.unit, self.host.plan.year

    # ---- 缺项清单 --------------------------------------------------------------------------
    def check(self, on_done=None):
        """Run the check off the GUI thread; show the list (or call ``on_done(gaps)``)."""
        def work(ledger, progress, cancelled):
            from models.check import check_ledger
            return check_ledger(ledger, progress=progress, cancelled=cancelled)

        return self.host.start_job(work, self.tr("正在检查缺项…"), on_done or self.show_gaps)

    def show_gaps(self, gaps: list):
        from .check_dialog import CheckDialog
        if self.check_dialog is not None:
            self.check_dialog.close()
            self.check_dialog.deleteLater()
        dialog = CheckDialog(gaps, self.host)
        dialog.gap_activated.connect(self.go_to_gap)
        dialog.recheck_requested.connect(lambda: self.check(on_done=dialog.set_gaps))
        self.check_dialog = dialog
        dialog.show()
        return dialog

    def go_to_gap(self, gap) -> None:
        """Take the clerk where a gap is fixed: the measure's field, or 台账设置."""
        if gap.field == "settings":
            self.host.edit_settings(focus=(gap.params or {}).get("key"))
        elif gap.measure_code:
            self.host.open_measure(gap.measure_code, gap.field, gap.params)

    # ---- the submission package ------------------------------------------------------
    def export_package(self):
        """Check first; with gaps, export only when the clerk confirms."""
        return self.check(on_done=self._package_after_check)

    def confirm_gaps(self, gaps: list) -> bool:
        if not gaps:
            return True
        from .check_dialog import CheckDialog
        dialog = CheckDialog(gaps, self.host, confirm=True)
        dialog.gap_activated.connect(lambda gap: (dialog.reject(), self.go_to_gap(gap)))
        accepted = bool(dialog.exec())
        dialog.deleteLater()
        return accepted

    def _package_after_check(self, gaps: list):
        if not self.confirm_gaps(gaps):
            self.host.show_status(self.tr("未导出报送材料包"))
            return None
        from exports.package import default_package_path
        name = default_package_path(self.host.session.ledger, Path(".")).name
        out = self.host.ask_save_path(self.tr("导出报送材料包"), name, file_filter(".zip"))
        if out is None:
            return None

        def work(ledger, progress, cancelled):
            from exports.package import write_package
            return write_package(ledger, out, progress=progress, cancelled=cancelled)

        self.package_job = self.host.start_job(
            work, self.tr("正在生成报送材料包 {0}…").format(out.name), self.host.offer_open)
        return self.package_job

    # ---- 佐证材料汇编 --------------------------------------------------------------------
    def export_evidence_pdf(self):
        unit, year = self._unit_year()
        out = self.host.ask_save_path(i18n.label(EVIDENCE_BOOK.name),
                                      EVIDENCE_BOOK.file_name(year=year, unit=unit),
                                      file_filter(EVIDENCE_BOOK.suffix))
        if out is None:
            return None

        def work(ledger, progress, cancelled):
            from exports.evidence_pdf import write_evidence_pdf
            return write_evidence_pdf(ledger, out, progress=progress, cancelled=cancelled)

        def done(result):
            if result.warnings:
                QMessageBox.warning(self.host, i18n.label(EVIDENCE_BOOK.name),
                                    self.tr("已生成，共 {0} 页。请注意：\n").format(result.pages)
                                    + "\n".join(result.warnings[:30]))
            self.host.offer_open(Path(result.path))

        return self.host.start_job(work, self.tr("正在生成{0} {1}…").format(
            i18n.label(EVIDENCE_BOOK.name), out.name), done)

    # ---- Excel: the province's workbook, the blank task list ----------------------------
    def fill_template(self):
        template = self.host.ask_open_path(self.tr("选择省里发来的表格"),
                                           self.tr("Excel 工作簿 (*.xlsx *.xlsm)"),
                                           key=TEMPLATE_FOLDER_KEY)
        if template is None:
            return None
        unit, _year = self._unit_year()
        out = self.host.ask_save_path(self.tr("保存填好的表格"),
                                      self.tr("{0}（{1}填报）.xlsx").format(template.stem, unit),
                                      file_filter(".xlsx"))
        if out is None:
            return None

        def work(ledger, progress, cancelled):
            from exports.xlsx_template import fill_province_template
            return fill_province_template(ledger, template, out, progress=progress,
                                          cancelled=cancelled)

        def done(report):
            self.last_template_report = report
            if report.unmatched or report.missing:
                # Rows left untouched must be seen: the clerk fills them by hand.
                QMessageBox.warning(self.host, self.tr("填写省里发来的表格"),
                                    "\n".join(report.lines()))
            self.host.offer_open(Path(report.out_path))

        return self.host.start_job(work, self.tr("正在填写 {0}…").format(out.name), done)

    def export_tasklist(self):
        _unit, year = self._unit_year()
        out = self.host.ask_save_path(self.tr("导出任务清单模板"),
                                      TASK_LIST.file_name(year=year),
                                      file_filter(TASK_LIST.suffix))
        if out is None:
            return None

        def work(ledger, progress, cancelled):
            from exports.xlsx_tasklist import write_tasklist
            return write_tasklist(ledger.plan(), out, units=ledger.units(), progress=progress,
                                  cancelled=cancelled)

        return self.host.start_job(work, self.tr("正在导出 {0}…").format(out.name),
                                   lambda path: self.host.offer_open(Path(path)))

    # ---- importing another year's task list ----------------------------------------------
    def import_plan(self, path: Path | None = None):
        """Pick a file, parse it off the GUI thread, preview, add on confirmation."""
        if path is None:
            path = self.host.ask_open_path(self.tr("导入任务清单"),
                                           self.tr("任务清单 (*.xlsx *.docx *.txt *.json)"),
                                           key=IMPORT_FOLDER_KEY)
            if path is None:
                return None

        def work(progress, cancelled):
            from models.plan.reader import read_plan_file
            return read_plan_file(path)

        return self.host.start_job(work, self.tr("正在读取 {0}…").format(Path(path).name),
                                   lambda plan: self.preview_plan(plan, path),
                                   access=Access.NONE)

    def preview_plan(self, plan: dict, source: Path) -> bool:
        from .plan_preview import PlanPreviewDialog
        dialog = PlanPreviewDialog(plan, source, self.host)
        self.preview_dialog = dialog
        accepted = bool(dialog.exec())
        dialog.deleteLater()
        self.preview_dialog = None
        if not accepted:
            return False
        self.host.commit_pending()          # saves pending edits of the old plan's measure
        session = self.host.session
        return session.write(self.host, session.ledger.add_plan, plan)
