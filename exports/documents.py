"""The documents TaskLedger makes, each with one name everywhere: the menu, the default file
name, the preview title, README and the members of the submission package.

The names are data (Chinese, as the province reads them); the window shows them through its
translation (ui.i18n.label). Importing this module loads neither openpyxl nor ReportLab.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    """One kind of output: its name, its file suffix and the function that writes it.

    ``module``/``function`` name the writer, ``function(ledger, out_path, *, progress,
    cancelled, **options)``, imported only when the document is made.
    """
    key: str
    name: str
    suffix: str
    module: str
    function: str
    per_unit: bool = True        # the file name starts with the unit's name

    def file_name(self, *, year: int | str, unit: str = "") -> str:
        """The default file name, e.g. 洛阳市2021年任务完成情况表.xlsx."""
        prefix = unit if self.per_unit else ""
        return f"{prefix}{year}年{self.name}{self.suffix}"


COMPLETION_TABLE = Document("completion_table", "任务完成情况表", ".xlsx",
                            "exports.xlsx_progress", "write_progress_workbook")
WORK_REPORT = Document("work_report", "工作情况报告", ".pdf",
                       "exports.pdf_report", "write_work_report")
# The same report as an editable Word file: same name, another suffix.
WORK_REPORT_DOCX = Document("work_report_docx", "工作情况报告", ".docx",
                            "exports.docx_report", "write_work_report_docx")
STATUS_REPORT = Document("status_report", "进度报告", ".pdf",
                         "exports.pdf_status", "write_status_report")
EVIDENCE_BOOK = Document("evidence_book", "佐证材料汇编", ".pdf",
                         "exports.evidence_pdf", "write_evidence_pdf")
TASK_LIST = Document("task_list", "任务清单", ".xlsx", "exports.xlsx_tasklist",
                     "write_tasklist", per_unit=False)
PROVINCE_TABLE = Document("province_table", "任务完成情况全省汇总表", ".xlsx",
                          "exports.consolidated_xlsx", "write_consolidated_workbook",
                          per_unit=False)
PROVINCE_REPORT = Document("province_report", "任务完成情况全省汇总报告", ".pdf",
                           "exports.consolidated_pdf", "write_consolidated_pdf", per_unit=False)

# The province's review sent back to a unit (JSON, signed by hash: models.feedback), and the
# provincial ledger's plan with its divisions (处室) for a division's own ledger.
FEEDBACK = Document("feedback", "审核反馈", ".json", "exports.feedback", "write_feedback")
PLAN_FILE = Document("plan_file", "任务清单（含处室分工）", ".json", "exports.plan_file",
                     "write_plan_file", per_unit=False)

# The measures as filtered in the window, each with its latest entry, for the leader (issue
# 12): the same list as a workbook or printed; the filter is written in its title.
FILTERED_LIST = Document("filtered_list", "举措进展清单", ".xlsx", "exports.filtered_list",
                         "write_filtered_xlsx")
FILTERED_LIST_PDF = Document("filtered_list_pdf", "举措进展清单", ".pdf", "exports.filtered_list",
                             "write_filtered_pdf")

# The package is named by FORMATS.md as {单位}-{年度}-报送材料.zip (exports.package).
PACKAGE_NAME = "报送材料"

DOCUMENTS = {doc.key: doc for doc in (COMPLETION_TABLE, WORK_REPORT, WORK_REPORT_DOCX,
                                      STATUS_REPORT, EVIDENCE_BOOK, TASK_LIST, PROVINCE_TABLE,
                                      PROVINCE_REPORT, FEEDBACK, PLAN_FILE, FILTERED_LIST,
                                      FILTERED_LIST_PDF)}
