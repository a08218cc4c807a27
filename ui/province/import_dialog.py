"""Importing units' packages in the window: the work for run_job and the result dialog."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem,
                               QVBoxLayout)

from models.province.recording import IMPORTED, OLDER, UNCHANGED, ImportResult, import_packages

REFUSED = "refused"
OUTCOME_COLORS = {IMPORTED: QColor("#1f7a3a"), UNCHANGED: QColor("#4b5563"),
                  OLDER: QColor("#8a5a00"), REFUSED: QColor("#b42318")}


def import_work(paths: list[Path]):
    """The job: ``import_packages`` on the worker's own Ledger (each package whole or not)."""
    paths = [Path(p) for p in paths]

    def work(ledger, progress, cancelled):
        return import_packages(ledger, paths, progress=progress, cancelled=cancelled)
    return work


def result_lines(results) -> list[tuple[str, str]]:
    """(outcome, message) per package: ImportResult.message() or the refusal's own message."""
    lines = []
    for result in results:
        if isinstance(result, ImportResult):
            lines.append((result.outcome, result.message()))
        else:
            lines.append((REFUSED, str(result)))
    return lines


class ImportResultDialog(QDialog):
    """One line per package, coloured by outcome; refusals say what was wrong."""

    def __init__(self, results, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入报送材料包"))
        self.resize(760, 360)
        self.lines = result_lines(results)
        counts = {key: sum(1 for outcome, _ in self.lines if outcome == key)
                  for key in (IMPORTED, UNCHANGED, OLDER, REFUSED)}
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("共 {0} 个材料包：导入 {1} 个，此前已导入 {2} 个，存入历史 {3} 个，"
                                      "未导入 {4} 个。").format(
            len(self.lines), counts[IMPORTED], counts[UNCHANGED], counts[OLDER], counts[REFUSED]))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("导入结果"))
        for outcome, message in self.lines:
            item = QListWidgetItem(message)
            item.setForeground(OUTCOME_COLORS.get(outcome, QColor("#1f2328")))
            item.setToolTip(message)
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


def drop_label(count: int) -> str:
    """The progress dialog's text for ``count`` packages."""
    return QCoreApplication.translate("ProvinceImport", "正在校验并导入 {0} 个报送材料包…").format(count)
