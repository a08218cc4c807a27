"""What every window does around an export: the background work and "open it?" afterwards."""
from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from models.errors import LedgerError


def export_work(module_name: str, function_name: str, out_path: Path, **options):
    """The job body for ``exports.<module>.<function>(ledger, out_path, …)``.

    The module is imported inside the worker so that openpyxl and ReportLab stay out of
    start-up.
    """
    def work(ledger, progress, cancelled):
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            raise LedgerError(f"此导出功能在本版本中不可用（缺少模块 {error.name}）") from None
        getattr(module, function_name)(ledger, out_path, progress=progress, cancelled=cancelled,
                                       **options)
        return out_path
    return work


def exporting_label(out_path: Path) -> str:
    """The progress dialog's text for an export to ``out_path``."""
    return QCoreApplication.translate("ExportActions", "正在导出 {0}…").format(Path(out_path).name)


def offer_open(parent, out_path: Path) -> None:
    """Tell the clerk where the file went and offer to open it or its folder."""
    out_path = Path(out_path)
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("ExportActions", "导出完成"))
    box.setText(QCoreApplication.translate("ExportActions", "已保存：{0}").format(out_path))
    open_file = box.addButton(QCoreApplication.translate("ExportActions", "打开文件"),
                              QMessageBox.ButtonRole.AcceptRole)
    open_folder = box.addButton(QCoreApplication.translate("ExportActions", "打开所在文件夹"),
                                QMessageBox.ButtonRole.ActionRole)
    box.addButton(QCoreApplication.translate("ExportActions", "关闭"),
                  QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is open_file:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(out_path)))
    elif box.clickedButton() is open_folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(out_path.parent)))
