"""The province's feedback in the workbench: the banner above the measure table, the review
shown in the measure panel, the changelog shown before a package is exported, and telling
feedback files from evidence among dropped files.

Everything comes from models.feedback and models.versions; the import itself is a job of
ui.handin_actions.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout)

from models.feedback import FEEDBACK_FORMAT, MAX_FEEDBACK_BYTES, current_feedback
from models.review import PASSED, PENDING, RETURNED

from . import i18n

RESULT_COLOURS = {RETURNED: "#b42318", PASSED: "#2e7d32", PENDING: "#6b7280"}
_SNIFF_BYTES = 512


def is_feedback_file(path: Path) -> bool:
    """Whether a dropped file looks like a 审核反馈 file (a small .json that says so in its
    first bytes); anything else dropped on the window is evidence."""
    path = Path(path)
    try:
        if path.suffix.lower() != ".json" or path.stat().st_size > MAX_FEEDBACK_BYTES:
            return False
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
    return FEEDBACK_FORMAT.encode("ascii") in head


class FeedbackBanner(QLabel):
    """One line above the table: the latest feedback (version, counts, overall comment), or
    that the unit has handed in again since. Hidden while there is none."""

    available = Signal(bool)          # whether the ledger holds any feedback on the plan

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWordWrap(True)
        self.setStyleSheet("background: #fff4e5; border: 1px solid #f0c36d; padding: 4px 8px;")
        self.setAccessibleName(self.tr("省级审核反馈"))
        self.has_feedback = False
        self.setVisible(False)
        session.signals.changed.connect(self._on_changed)

    def _on_changed(self, changes) -> None:
        if changes.everything or changes.reviews or changes.codes:
            self.refresh()

    def refresh(self) -> None:
        """Re-read the latest feedback (after an import, a package, another plan)."""
        if self.session.suspended:
            return
        info = current_feedback(self.session.ledger)
        self.has_feedback = info is not None
        self.setVisible(self.has_feedback)
        self.available.emit(self.has_feedback)
        if info is None:
            self.clear()
            return
        counts = self.tr("通过 {0} 项，退回修改 {1} 项，待审核 {2} 项").format(
            info.counts.get(PASSED, 0), info.counts.get(RETURNED, 0), info.counts.get(PENDING, 0))
        text = self.tr("{0}对第{1}版报送材料的审核反馈（{2}）：{3}").format(
            info.issuer, info.version, info.issued_at[:16].replace("T", " "), counts)
        if info.comment:
            text += self.tr("。总体意见：{0}").format(info.comment)
        if info.latest_package > info.version:
            text += self.tr("。本单位已制作第{0}版，等待省级审核。").format(info.latest_package)
        elif info.counts.get(RETURNED):
            text += self.tr("。勾选“退回修改”可只看退回的举措。")
        self.setText(text)


def review_text(feedback) -> str:
    """The panel's line for a measure's feedback (models.feedback.MeasureFeedback)."""
    from PySide6.QtCore import QCoreApplication
    translate = QCoreApplication.translate
    text = translate("FeedbackView", "省级审核：{0}").format(i18n.label(feedback.result))
    if feedback.comment:
        text += translate("FeedbackView", "　意见：{0}").format(feedback.comment)
    if feedback.result == RETURNED:
        text += (translate("FeedbackView", "（已修改，待重新报送）") if feedback.changed
                 else translate("FeedbackView", "（尚未修改）"))
    return text


class ChangelogDialog(QDialog):
    """What the next package will be (version, fingerprint) and what changed since the last
    one, before it is written. 导出 goes on, 取消 writes nothing."""

    def __init__(self, planned, parent=None):
        super().__init__(parent)
        self.planned = planned
        self.setWindowTitle(self.tr("报送材料包 — 第{0}版").format(planned.version))
        layout = QVBoxLayout(self)
        lines = planned.lines()
        self.summary = QLabel(lines[0])
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.details = QPlainTextEdit("\n".join(line.strip() for line in lines[1:]))
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("变更说明"))
        self.details.setVisible(len(lines) > 1)
        layout.addWidget(self.details, 1)
        note = QLabel(self.tr("变更说明会写入材料包，省级导入时据此只复核有变化的举措。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        buttons = QDialogButtonBox()
        export = buttons.addButton(self.tr("导出(&E)"), QDialogButtonBox.ButtonRole.AcceptRole)
        export.setObjectName("export")
        export.setDefault(True)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 380 if len(lines) > 1 else 160)
