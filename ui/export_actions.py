"""Export menu items for either window: ask where, write in the background, offer to open.

Each item is one exports.documents.Document; its name is the same in the menu, the file
name and the progress text. The writer is imported inside the worker so that openpyxl and
ReportLab stay out of start-up.
"""
from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction

from exports.documents import Document
from models.errors import LedgerError

from . import i18n
from .host import WindowActions

FILTERS = {".xlsx": QT_TRANSLATE_NOOP("ExportActions", "Excel 工作簿 (*.xlsx)"),
           ".pdf": QT_TRANSLATE_NOOP("ExportActions", "PDF 文件 (*.pdf)"),
           ".zip": QT_TRANSLATE_NOOP("ExportActions", "报送材料包 (*.zip)"),
           ".docx": QT_TRANSLATE_NOOP("ExportActions", "Word 文档 (*.docx)")}

# The key a clerk presses in the open 文件 menu (unchanged since the first version).
MNEMONICS = {"completion_table": "E", "work_report": "W", "work_report_docx": "O",
             "status_report": "R", "province_table": "E", "province_report": "P"}
KINDS = {".xlsx": "Excel", ".docx": "Word"}


def file_filter(suffix: str) -> str:
    """The save dialog's filter for a file suffix, translated."""
    return QCoreApplication.translate("ExportActions", FILTERS[suffix])


def export_round(host) -> str | None:
    """The reporting round the window's exports are made for (文件 → 报送轮次), None: none."""
    return getattr(host, "export_round", None) or None


def with_round(file_name: str, round_name: str | None) -> str:
    """``洛阳市2021年任务完成情况表（2021年第三季度）.xlsx`` for a round's export."""
    if not round_name:
        return file_name
    stem, dot, suffix = file_name.rpartition(".")
    return f"{stem}（{round_name}）{dot}{suffix}"


def export_work(document: Document, out_path: Path, *, view_round: str | None = None,
                **options):
    """The job body (READ access) writing ``document`` to ``out_path``; with ``view_round``
    the writer reads the ledger "as of" that reporting round's cut-off
    (models.ledger.Ledger.as_of), the one place a unit's documents are cut to a round."""
    def work(ledger, progress, cancelled):
        if view_round:
            ledger = ledger.as_of(round_name=view_round)
        try:
            module = importlib.import_module(document.module)
        except ModuleNotFoundError as error:
            raise LedgerError(QCoreApplication.translate(
                "ExportActions", "此导出功能在本版本中不可用（缺少模块 {0}）").format(error.name)) from None
        getattr(module, document.function)(ledger, out_path, progress=progress,
                                           cancelled=cancelled, **options)
        return out_path
    return work


def exporting_label(out_path: Path) -> str:
    """The progress dialog's text for an export to ``out_path``."""
    return QCoreApplication.translate("ExportActions", "正在导出 {0}…").format(Path(out_path).name)


class ExportActions(WindowActions):
    """文件 → 导出…: one action per document; ``actions[key]`` for tests and shortcuts."""

    def __init__(self, host, documents: list[Document], **options):
        super().__init__(host)
        self.documents = {doc.key: doc for doc in documents}
        self.options = options
        self.actions: dict[str, QAction] = {}

    def add_to(self, menu) -> None:
        for key, document in self.documents.items():
            kind = KINDS.get(document.suffix, document.suffix[1:].upper())
            text = QCoreApplication.translate("ExportActions", "导出{0}（{1}）(&{2})…").format(
                i18n.label(document.name), kind, MNEMONICS.get(key, ""))
            action = QAction(text, self.host)
            action.triggered.connect(lambda _=False, k=key: self.export(k))
            menu.addAction(action)
            self.actions[key] = action

    def default_name(self, document: Document) -> str:
        name = document.file_name(year=self.host.plan.year, unit=self.host.session.ledger.unit)
        return with_round(name, export_round(self.host))

    def export(self, key: str):
        """Ask where to save document ``key``, then write it in the background."""
        document = self.documents[key]
        out_path = self.host.ask_save_path(QCoreApplication.translate("ExportActions", "导出"),
                                           self.default_name(document),
                                           file_filter(document.suffix))
        if out_path is None:
            return None
        options = dict(self.options)
        chosen = export_round(self.host)
        # The round chosen in 文件 → 报送轮次: a unit's documents read the ledger as of its
        # cut-off; the province's consolidate each unit's package of that round.
        if chosen and self.host.session.ledger.role == "province":
            options["round_name"] = chosen
        elif chosen:
            options["view_round"] = chosen
        return self.host.start_job(export_work(document, out_path, **options),
                                   exporting_label(out_path), self.host.offer_open)
