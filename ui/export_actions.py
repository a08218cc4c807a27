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


def export_work(document: Document, out_path: Path, **options):
    """The job body (READ access) writing ``document`` to ``out_path``."""
    def work(ledger, progress, cancelled):
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
        return document.file_name(year=self.host.plan.year, unit=self.host.session.ledger.unit)

    def export(self, key: str):
        """Ask where to save document ``key``, then write it in the background."""
        document = self.documents[key]
        out_path = self.host.ask_save_path(QCoreApplication.translate("ExportActions", "导出"),
                                           self.default_name(document),
                                           file_filter(document.suffix))
        if out_path is None:
            return None
        return self.host.start_job(export_work(document, out_path, **self.options),
                                   exporting_label(out_path), self.host.offer_open)
