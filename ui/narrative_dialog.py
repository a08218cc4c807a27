"""文件 → 编辑报告正文: the clerk's own words for the 工作情况报告 (models.narrative).

Each part (开头, 总体情况, 主要做法和成效, 存在问题, 下一步工作打算; 主送机关, 落款, 成文日期) shows
the clerk's saved text, or the draft from the ledger's data. 按台账数据重新生成 puts the draft
back, asking first when the text was changed: edited text is never overwritten without
asking. A part left as its draft keeps following the data; the PDF and the Word report
print what is saved here. The drafts are composed off the GUI thread before the dialog opens.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
                               QPushButton, QTabWidget, QVBoxLayout, QWidget)

from models.errors import LedgerError
from models.narrative import TEXT_PARTS, check_part

from .host import WindowActions

# The parts' names on screen (models.narrative.PARTS holds the Chinese labels the report uses).
PART_LABELS = {
    "opening": QT_TRANSLATE_NOOP("NarrativeDialog", "开头"),
    "overview": QT_TRANSLATE_NOOP("NarrativeDialog", "一、总体情况"),
    "practices": QT_TRANSLATE_NOOP("NarrativeDialog", "二、主要做法和成效"),
    "problems": QT_TRANSLATE_NOOP("NarrativeDialog", "三、存在问题"),
    "plans": QT_TRANSLATE_NOOP("NarrativeDialog", "四、下一步工作打算"),
}
DATE_FORMAT = "yyyy-MM-dd"


def _tr(text: str) -> str:
    return QCoreApplication.translate("NarrativeDialog", text)


class NarrativeActions(WindowActions):
    """The 编辑报告正文 item of the workbench's 文件 menu."""

    def add_to(self, menu) -> None:
        self.action = QAction(self.tr("编辑报告正文(&N)…"), self.host)
        self.action.triggered.connect(self.open_editor)
        menu.addAction(self.action)

    def open_editor(self):
        """Compose the drafts in the background, then open the editor on them."""
        def work(ledger, progress, cancelled):
            from models.narrative import draft_narrative, resolve_date
            return draft_narrative(ledger, on=resolve_date(ledger)), ledger.narrative()

        def show(result):
            drafts, stored = result
            dialog = NarrativeDialog(self.host.session, drafts, stored, self.host)
            self.dialog = dialog
            dialog.exec()
        return self.host.start_job(work, self.tr("正在按台账数据起草报告正文…"), show)


class NarrativeDialog(QDialog):
    """The report's text parts in tabs, the one-line parts above them."""

    def __init__(self, session, drafts: dict[str, str], stored: dict, parent=None):
        super().__init__(parent)
        self.session, self.drafts, self.stored = session, drafts, stored
        self.setWindowTitle(self.tr("编辑报告正文 — 工作情况报告"))
        self.resize(820, 640)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("PDF 和 Word 版工作情况报告按这里的文字打印。未修改的部分随台账数据自动更新；"
                           "以“一、”或“（一）”开头的行印作标题。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.lines: dict[str, QLineEdit] = {}
        for key, label in (("addressee", self.tr("主送机关(&A)：")), ("signature", self.tr("落款(&S)："))):
            edit = QLineEdit(self._initial(key))
            edit.setPlaceholderText(drafts.get(key, ""))
            caption = QLabel(label)
            caption.setBuddy(edit)
            form.addRow(caption, edit)
            self.lines[key] = edit
        date_row = QHBoxLayout()
        self.fixed_date = QCheckBox(self.tr("固定成文日期(&D)"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        day = date.fromisoformat(stored["date"].text if "date" in stored else drafts["date"])
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.fixed_date.setChecked("date" in stored)
        self.date_edit.setEnabled("date" in stored)
        self.fixed_date.toggled.connect(self.date_edit.setEnabled)
        date_row.addWidget(self.fixed_date)
        date_row.addWidget(self.date_edit)
        date_row.addWidget(QLabel(self.tr("（不固定时为导出当天）")))
        date_row.addStretch(1)
        form.addRow(QLabel(self.tr("成文日期：")), date_row)
        layout.addLayout(form)

        self.tabs = QTabWidget()
        self.edits: dict[str, QPlainTextEdit] = {}
        self.states: dict[str, QLabel] = {}
        for part in TEXT_PARTS:
            page = QWidget()
            column = QVBoxLayout(page)
            edit = QPlainTextEdit(self._initial(part.key))
            edit.setTabChangesFocus(True)
            edit.setAccessibleName(_tr(PART_LABELS[part.key]))
            edit.textChanged.connect(lambda key=part.key: self._show_state(key))
            column.addWidget(edit, 1)
            bar = QHBoxLayout()
            state = QLabel()
            state.setWordWrap(True)
            bar.addWidget(state, 1)
            regenerate = QPushButton(self.tr("按台账数据重新生成(&R)"))
            regenerate.clicked.connect(lambda _=False, key=part.key: self.regenerate(key))
            bar.addWidget(regenerate)
            column.addLayout(bar)
            self.tabs.addTab(page, _tr(PART_LABELS[part.key]))
            self.edits[part.key], self.states[part.key] = edit, state
            self._show_state(part.key)
        layout.addWidget(self.tabs, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.regenerate_all_button = buttons.addButton(self.tr("全部重新生成(&G)"),
                                                       QDialogButtonBox.ButtonRole.ResetRole)
        self.regenerate_all_button.clicked.connect(self.regenerate_all)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.initial = self.texts()

    # ---- state ------------------------------------------------------------------------------
    def _initial(self, key: str) -> str:
        return self.stored[key].text if key in self.stored else self.drafts.get(key, "")

    def edited(self, key: str) -> bool:
        """Whether part ``key`` now differs from its draft (it will be saved as the clerk's)."""
        return self._current(key).strip() != self.drafts.get(key, "").strip()

    def _current(self, key: str) -> str:
        if key in self.edits:
            return self.edits[key].toPlainText()
        return self.lines[key].text()

    def _show_state(self, key: str) -> None:
        if not self.edited(key):
            text = self.tr("随台账数据自动生成：台账更新后报告跟着更新。")
        else:
            text = self.tr("已修改：报告按这里的文字打印。")
            old = self.stored.get(key)
            if old is not None and old.draft and old.draft.strip() != self.drafts[key].strip():
                text += self.tr("台账数据在保存后有变化，可重新生成草稿。")
        self.states[key].setText(text)

    def texts(self) -> dict[str, str]:
        """What would be saved: the clerk's text per part, "" where it follows the data."""
        out = {key: (self._current(key) if self.edited(key) else "")
               for key in [*self.edits, *self.lines]}
        out["date"] = self.date_edit.date().toString(DATE_FORMAT) if self.fixed_date.isChecked() else ""
        return out

    # ---- actions ----------------------------------------------------------------------------
    def regenerate(self, key: str, *, ask: bool = True) -> bool:
        """Put part ``key``'s draft back; asks first when the text was changed."""
        if self.edited(key) and ask:
            answer = QMessageBox.question(
                self, self.windowTitle(),
                self.tr("“{0}”的文字已修改。按台账数据重新生成将替换这些文字，继续吗？").format(
                    _tr(PART_LABELS[key])),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.edits[key].setPlainText(self.drafts[key])
        return True

    def regenerate_all(self) -> None:
        """Every text part back to its draft; one question lists the edited ones."""
        edited = [_tr(PART_LABELS[key]) for key in self.edits if self.edited(key)]
        if edited:
            answer = QMessageBox.question(
                self, self.windowTitle(),
                self.tr("以下部分的文字已修改，将被台账数据生成的草稿替换：{0}。继续吗？").format("、".join(edited)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        for key in self.edits:
            self.regenerate(key, ask=False)

    def save(self) -> None:
        """Check every part, then store them in one write; stays open if refused."""
        texts = self.texts()
        try:
            for key, text in texts.items():
                check_part(key, text)
        except LedgerError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            return
        if self.session.write(self, self.session.ledger.save_narrative, texts, drafts=self.drafts):
            self.accept()

    def reject(self) -> None:
        if self.texts() != self.initial:
            answer = QMessageBox.question(
                self, self.windowTitle(), self.tr("放弃对报告正文的修改吗？"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

