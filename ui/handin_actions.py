"""The hand-in and Excel menu items of the workbench: 报送前检查, the submission package (with
its changelog shown first from version 2 on), importing the province's 审核反馈, the
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
from .export_actions import export_round, file_filter, with_round
from .host import WindowActions
from .jobs import Access

IMPORT_FOLDER_KEY = "paths/last_import_folder"
TEMPLATE_FOLDER_KEY = "paths/last_template_folder"
FEEDBACK_FOLDER_KEY = "paths/last_feedback_folder"


class HandinActions(WindowActions):
    """Hand-in actions living on the workbench (``host``); methods return the job handle."""

    def __init__(self, host):
        super().__init__(host)
        self.check_dialog = None
        self.preview_dialog = None
        self.changelog_dialog = None

    # ---- menus --------------------------------------------------------------------------
    def add_file_actions(self, menu) -> None:
        """The hand-in and Excel items of 文件, after a separator."""
        items = (
            ("check_action", self.tr("报送前检查(&C)…"), self.check),
            ("package_action", self.tr("导出报送材料包(&B)…"), self.export_package),
            ("feedback_action", self.tr("导入审核反馈(&F)…"), self.choose_feedback),
            ("evidence_pdf_action", self.tr("导出{0}（PDF）(&D)…").format(
                i18n.label(EVIDENCE_BOOK.name)), self.export_evidence_pdf),
            # The same book with smaller pictures, for sending over the intranet.
            ("evidence_pdf_compact_action", self.tr("导出{0}（压缩，便于发送）(&Z)…").format(
                i18n.label(EVIDENCE_BOOK.name)), lambda: self.export_evidence_pdf("compact")),
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
        """Check first; with gaps, export only when the clerk confirms; from the second
        package on, show what changed since the last one before writing."""
        round_name = export_round(self.host)

        def work(ledger, progress, cancelled):
            from models.check import check_ledger
            from models.versions import next_package
            view = ledger.as_of(round_name=round_name) if round_name else ledger
            return check_ledger(view, progress=progress, cancelled=cancelled), next_package(view)

        return self.host.start_job(work, self.tr("正在检查缺项…"), self._package_after_check)

    def confirm_changes(self, planned) -> bool:
        """The changelog before writing version 2 and later (nothing to confirm before the first)."""
        if planned is None or planned.previous is None:
            return True
        from .feedback_view import ChangelogDialog
        dialog = ChangelogDialog(planned, self.host)
        self.changelog_dialog = dialog
        accepted = bool(dialog.exec())
        dialog.deleteLater()
        self.changelog_dialog = None
        return accepted

    def confirm_gaps(self, gaps: list) -> bool:
        if not gaps:
            return True
        from .check_dialog import CheckDialog
        dialog = CheckDialog(gaps, self.host, confirm=True)
        dialog.gap_activated.connect(lambda gap: (dialog.reject(), self.go_to_gap(gap)))
        accepted = bool(dialog.exec())
        dialog.deleteLater()
        return accepted

    def _package_after_check(self, result):
        gaps, planned = result if isinstance(result, tuple) else (result, None)
        if not self.confirm_gaps(gaps) or not self.confirm_changes(planned):
            self.host.show_status(self.tr("未导出报送材料包"))
            return None
        from exports.package import default_package_path
        round_name = export_round(self.host)
        name = default_package_path(self.host.session.ledger, Path("."), round_name=round_name).name
        out = self.host.ask_save_path(self.tr("导出报送材料包"), name, file_filter(".zip"))
        if out is None:
            return None

        def work(ledger, progress, cancelled):
            from exports.package import write_package
            return write_package(ledger, out, progress=progress, cancelled=cancelled,
                                 round_name=round_name)

        # A WRITE job: the package is recorded in the ledger (its version, its changelog).
        self.package_job = self.host.start_job(
            work, self.tr("正在生成报送材料包 {0}…").format(out.name), self.host.offer_open,
            access=Access.WRITE)
        return self.package_job

    # ---- the province's feedback ----------------------------------------------------------
    def choose_feedback(self):
        paths = self.host.ask_open_paths(self.tr("导入审核反馈"),
                                         self.tr("审核反馈 (*.json);;所有文件 (*)"),
                                         key=FEEDBACK_FOLDER_KEY)
        return self.import_feedback(paths) if paths else None

    def import_feedback(self, paths: list[Path]):
        """Check and import feedback files in the background (each whole or not at all);
        then one line per file."""
        paths = [Path(p) for p in paths]
        if not paths:
            return None

        def work(ledger, progress, cancelled):
            from models.feedback import FeedbackRefused, import_feedback
            lines = []
            for index, path in enumerate(paths, 1):
                try:
                    lines.append((True, import_feedback(ledger, path).message()))
                except FeedbackRefused as error:
                    lines.append((False, str(error)))
                progress(index, len(paths))
            return lines

        def done(lines) -> None:
            self.last_feedback_lines = lines
            text = "\n".join(message for _ok, message in lines)
            if all(ok for ok, _message in lines):
                QMessageBox.information(self.host, self.tr("导入审核反馈"), text)
            else:
                QMessageBox.warning(self.host, self.tr("导入审核反馈"), text)

        return self.host.start_job(work, self.tr("正在导入审核反馈…"), done, access=Access.WRITE)

    # ---- 佐证材料汇编 --------------------------------------------------------------------
    def export_evidence_pdf(self, mode: str = "standard"):
        """The 佐证材料汇编: ``mode`` "standard" (标准, for print) or "compact" (压缩, to send)."""
        unit, year = self._unit_year()
        name = EVIDENCE_BOOK.file_name(year=year, unit=unit)
        if mode == "compact":
            name = name.removesuffix(EVIDENCE_BOOK.suffix) + self.tr("（压缩）") + EVIDENCE_BOOK.suffix
        round_name = export_round(self.host)
        name = with_round(name, round_name)
        out = self.host.ask_save_path(i18n.label(EVIDENCE_BOOK.name), name,
                                      file_filter(EVIDENCE_BOOK.suffix))
        if out is None:
            return None

        def work(ledger, progress, cancelled):
            from exports.evidence_pdf import write_evidence_pdf
            view = ledger.as_of(round_name=round_name) if round_name else ledger
            return write_evidence_pdf(view, out, mode=mode, progress=progress,
                                      cancelled=cancelled)

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

        round_name = export_round(self.host)

        def work(ledger, progress, cancelled):
            from exports.xlsx_template import fill_province_template
            view = ledger.as_of(round_name=round_name) if round_name else ledger
            return fill_province_template(view, template, out, progress=progress,
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

    def preview_plan(self, plan: dict, source: Path):
        from .plan_preview import PlanPreviewDialog
        ledger = self.host.session.ledger
        # A unit's ledger: the plan must name the unit, or the clerk says which name is ours.
        our_unit = ledger.setting("unit") if ledger.role != "province" else None
        dialog = PlanPreviewDialog(plan, source, self.host, our_unit=our_unit, host=self.host)
        self.preview_dialog = dialog
        accepted = bool(dialog.exec())
        our_name = dialog.our_name
        dialog.deleteLater()
        self.preview_dialog = None
        if not accepted:
            return None

        # A long list takes a moment to store (every measure's units resolved): off the GUI
        # thread, one transaction on the job's own connection; the window follows its Changes.
        def work(ledger, progress, cancelled):
            return ledger.add_plan(plan, our_name=our_name)

        return self.host.start_job(work, self.tr("正在导入 {0}…").format(Path(source).name),
                                   access=Access.WRITE)
