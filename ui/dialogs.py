"""Dialogs: first start, a progress entry, a 不涉及 reason, business settings."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QSpinBox,
                               QVBoxLayout)

from models.deadlines import today

from .safe_input import guard
from .widgets import ok_cancel_buttons

DATE_FORMAT = "yyyy-MM-dd"
NAME_MAX = 40                # characters of a 填报人's name
ENTRY_MAX = 5000             # characters of one progress entry


class FirstStartDialog(QDialog):
    """Asks the unit (from the bundled list, nothing chosen in advance) and the user's name
    (required) for a new ledger; 建立台账 stays off until both are given."""

    def __init__(self, units: list[dict], ledger_path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("欢迎使用任务台账"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("首次使用，请选择本单位并填写填报人姓名。台账将按内置的"
                               "2021年度实施方案建立，保存在：\n{0}").format(ledger_path))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.unit_combo = QComboBox()
        self.unit_combo.addItems([u["name"] for u in units])
        # No unit is chosen for the clerk: a wrong default taken by pressing Enter is what
        # made 郑州市 ledgers in other cities.
        self.unit_combo.setPlaceholderText(self.tr("请选择本单位"))
        self.unit_combo.setCurrentIndex(-1)
        self.unit_combo.setAccessibleName(self.tr("本单位"))
        self.user_edit = QLineEdit()
        self.user_edit.setMaxLength(NAME_MAX)
        self.user_edit.setPlaceholderText(self.tr("例如：张三（必填）"))
        self.user_edit.setAccessibleName(self.tr("填报人"))
        unit_label = QLabel(self.tr("本单位(&U)："))
        unit_label.setBuddy(self.unit_combo)
        user_label = QLabel(self.tr("填报人(&N)："))
        user_label.setBuddy(self.user_edit)
        # The provincial office runs the same program on a ledger that receives the packages.
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("地市台账（本单位填报）"), "city")
        self.kind_combo.addItem(self.tr("省级台账（汇总各地市报送）"), "province")
        self.kind_combo.currentIndexChanged.connect(
            lambda _i: (self.unit_combo.setEnabled(self.role() == "city"), self._update_ok()))
        kind_label = QLabel(self.tr("台账类型(&K)："))
        kind_label.setBuddy(self.kind_combo)
        form.addRow(kind_label, self.kind_combo)
        form.addRow(unit_label, self.unit_combo)
        form.addRow(user_label, self.user_edit)
        layout.addLayout(form)
        buttons = ok_cancel_buttons(self, self.tr("建立台账"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self.hint_label = QLabel(self.tr("本单位和填报人以后可在“文件 → 台账设置”中修改。"))
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #555;")
        layout.addWidget(self.hint_label)
        self.unit_combo.currentIndexChanged.connect(lambda _i: self._update_ok())
        self.user_edit.textChanged.connect(lambda _t: self._update_ok())
        guard(self)
        self._update_ok()
        self.unit_combo.setFocus()

    def _update_ok(self) -> None:
        unit_ok = self.role() != "city" or self.unit_combo.currentIndex() >= 0
        self.ok_button.setEnabled(unit_ok and bool(self.user()))

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return                          # Enter with a field missing does nothing
        super().accept()

    def unit(self) -> str:
        return self.unit_combo.currentText() if self.unit_combo.currentIndex() >= 0 else ""

    def role(self) -> str:
        """"city" (the default) or "province"."""
        return self.kind_combo.currentData()

    def user(self) -> str:
        return self.user_edit.text().strip()


class EntryDialog(QDialog):
    """Date and text of one progress entry (new or edited). With ``plan`` (year, deadline)
    a date after today or outside the plan's period is questioned before OK is taken."""

    def __init__(self, parent=None, *, title: str, date: str | None = None, text: str = "",
                 plan: tuple[int, str] | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(520, 300)
        form = QFormLayout(self)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setDate(QDate.fromString(date, DATE_FORMAT) if date
                               else QDate(today().year, today().month, today().day))
        self.plan = plan
        self.text_edit = QPlainTextEdit(text)
        self.text_edit.setTabChangesFocus(True)
        date_label = QLabel(self.tr("日期(&D)："))
        date_label.setBuddy(self.date_edit)
        text_label = QLabel(self.tr("进展内容(&T)："))
        text_label.setBuddy(self.text_edit)
        form.addRow(date_label, self.date_edit)
        form.addRow(text_label, self.text_edit)
        buttons = ok_cancel_buttons(self, self.tr("确定"), self._accept)
        form.addRow(buttons)
        guard(self)
        self.text_edit.setFocus()

    def _accept(self):
        if not self.text().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("进展内容不能为空"))
            return
        if len(self.text()) > ENTRY_MAX:
            QMessageBox.warning(self, self.windowTitle(), self.tr(
                "一条进展最多 {0} 个字（现有 {1} 个），请分成几条").format(ENTRY_MAX, len(self.text())))
            return
        if not self._date_confirmed():
            return
        self.accept()

    def _date_confirmed(self) -> bool:
        """Ask about a date after today or outside the plan's period (a typing slip, mostly)."""
        if self.plan is None:
            return True
        from models.dates import FUTURE, date_warnings
        year, deadline = self.plan
        warnings = date_warnings(self.date(), year=year, deadline=deadline)
        if not warnings:
            return True
        lines = []
        for warning in warnings:
            if warning.kind == FUTURE:
                lines.append(self.tr("日期 {0} 晚于今天（{1}）。").format(warning.day, warning.today))
            else:
                lines.append(self.tr("日期 {0} 不在方案的时间范围内（{1} 至 {2}）。").format(
                    warning.day, warning.start, warning.end))
        answer = QMessageBox.question(
            self, self.windowTitle(),
            "\n".join(lines) + "\n\n" + self.tr("确定按这个日期保存吗？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def date(self) -> str:
        return self.date_edit.date().toString(DATE_FORMAT)

    def text(self) -> str:
        return self.text_edit.toPlainText()


class ReasonDialog(QDialog):
    """Why the unit is not involved in a 相关地市 measure: a short, required line (printed in
    the 完成情况表's 备注)."""

    def __init__(self, parent=None, *, code: str, text: str = ""):
        super().__init__(parent)
        from models.ledger import REASON_MAX
        self.setWindowTitle(self.tr("不涉及 — 举措 {0}").format(code))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("请简要说明本单位不涉及此举措的理由（将印在任务完成情况表的备注中）："))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.reason_edit = QLineEdit(text)
        self.reason_edit.setMaxLength(REASON_MAX)
        self.reason_edit.setPlaceholderText(self.tr("例如：本市没有国家级试点园区"))
        self.reason_edit.setAccessibleName(self.tr("不涉及的理由"))
        layout.addWidget(self.reason_edit)
        buttons = ok_cancel_buttons(self, self.tr("确定"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self.reason_edit.textChanged.connect(
            lambda _t: self.ok_button.setEnabled(bool(self.reason())))
        self.ok_button.setEnabled(bool(self.reason()))
        self.resize(460, 140)

    def accept(self) -> None:
        if self.reason():
            super().accept()

    def reason(self) -> str:
        return " ".join(self.reason_edit.text().split())


PAGE_STYLES = (("outer", QT_TRANSLATE_NOOP("SettingsDialog", "外侧（单页右、双页左）")),
               ("center", QT_TRANSLATE_NOOP("SettingsDialog", "居中")))


class SettingsDialog(QDialog):
    """Business settings that travel with the ledger (not window state)."""

    FIELDS = (("unit_full_name", QT_TRANSLATE_NOOP("SettingsDialog", "单位全称(&F)：")),
              ("addressee", QT_TRANSLATE_NOOP("SettingsDialog", "报送对象(&A)：")),
              ("contact_person", QT_TRANSLATE_NOOP("SettingsDialog", "联系人(&C)：")),
              ("contact_phone", QT_TRANSLATE_NOOP("SettingsDialog", "联系电话(&P)：")))

    def __init__(self, settings: dict[str, str], parent=None, *, units: list[str] | None = None,
                 users: list[str] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("台账设置"))
        self.resize(520, 360)
        form = QFormLayout(self)
        # Who is recording now: each progress entry keeps the name it was written under, so
        # several clerks can take turns on one PC.
        self.user_combo = QComboBox()
        self.user_combo.setEditable(True)
        self.user_combo.addItems(users or [])
        self.user_combo.setCurrentText(settings.get("user", ""))
        self.user_combo.lineEdit().setMaxLength(NAME_MAX)
        self.user_combo.setAccessibleName(self.tr("填报人"))
        caption = QLabel(self.tr("填报人(&U)："))
        caption.setBuddy(self.user_combo)
        form.addRow(caption, self.user_combo)
        self.current_unit = settings.get("unit", "")
        self.unit_combo = None
        if units:
            # Changing the unit moves what was recorded; it is confirmed separately.
            self.unit_combo = QComboBox()
            self.unit_combo.addItems(units)
            self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findText(self.current_unit)))
            self.unit_combo.setAccessibleName(self.tr("本单位"))
            caption = QLabel(self.tr("本单位(&D)："))
            caption.setBuddy(self.unit_combo)
            form.addRow(caption, self.unit_combo)
        self.edits: dict[str, QLineEdit] = {}
        for key, label in self.FIELDS:
            edit = QLineEdit(settings.get(key, ""))
            edit.setMaxLength(200)
            caption = QLabel(self.tr(label))
            caption.setBuddy(edit)
            form.addRow(caption, edit)
            self.edits[key] = edit
        self.page_combo = QComboBox()
        for key, label in PAGE_STYLES:
            self.page_combo.addItem(self.tr(label), key)
        current = settings.get("page_number_style") or "outer"
        self.page_combo.setCurrentIndex(max(0, self.page_combo.findData(current)))
        caption = QLabel(self.tr("页码位置(&G)："))
        caption.setBuddy(self.page_combo)
        form.addRow(caption, self.page_combo)
        # Files bigger than this are attached only after a question: the package and every
        # backup carry them (models.ledger.large_evidence_bytes).
        from models.ledger import DEFAULT_LARGE_EVIDENCE_MB, LARGE_EVIDENCE_MB_RANGE
        self.large_spin = QSpinBox()
        self.large_spin.setRange(*LARGE_EVIDENCE_MB_RANGE)
        self.large_spin.setSuffix(" MB")
        try:
            self.large_spin.setValue(int(settings.get("evidence_large_mb")
                                         or DEFAULT_LARGE_EVIDENCE_MB))
        except ValueError:
            self.large_spin.setValue(DEFAULT_LARGE_EVIDENCE_MB)
        self.large_spin.setToolTip(self.tr("超过此大小的佐证材料添加前先询问：报送材料包和每份备份都要带上它"))
        caption = QLabel(self.tr("大文件提醒(&L)："))
        caption.setBuddy(self.large_spin)
        form.addRow(caption, self.large_spin)
        # 序时进度 lights and reminders (models.pace): points behind for yellow and for red,
        # and how many days ahead the reminders and 临期 look.
        from models.pace import (DEFAULT_RED, DEFAULT_REMINDER_DAYS, DEFAULT_YELLOW,
                                 REMINDER_DAYS_RANGE, THRESHOLD_RANGE)
        self.pace_spins: dict[str, QSpinBox] = {}
        for key, caption_text, default, limits, suffix in (
                ("light_yellow", self.tr("黄灯：落后序时进度(&Y)："), DEFAULT_YELLOW, THRESHOLD_RANGE,
                 self.tr(" 个百分点及以上")),
                ("light_red", self.tr("红灯：落后超过(&R)："), DEFAULT_RED, THRESHOLD_RANGE,
                 self.tr(" 个百分点（或已逾期）")),
                ("reminder_days", self.tr("到期提醒提前(&T)："), DEFAULT_REMINDER_DAYS,
                 REMINDER_DAYS_RANGE, self.tr(" 天"))):
            spin = QSpinBox()
            spin.setRange(*limits)
            spin.setSuffix(suffix)
            try:
                spin.setValue(int(settings.get(key) or default))
            except ValueError:
                spin.setValue(default)
            caption = QLabel(caption_text)
            caption.setBuddy(spin)
            form.addRow(caption, spin)
            self.pace_spins[key] = spin
        buttons = ok_cancel_buttons(self, self.tr("保存"), self._accept)
        form.addRow(buttons)
        guard(self)

    def user(self) -> str:
        return " ".join(self.user_combo.currentText().split())[:NAME_MAX]

    def unit(self) -> str:
        """The unit chosen (the current one when unchanged or not offered)."""
        return self.unit_combo.currentText() if self.unit_combo is not None else self.current_unit

    def _accept(self) -> None:
        # The ledger checks the same rules (models.settings); checking here keeps the dialog
        # open with what the clerk typed instead of losing it to a refusal.
        from models.errors import LedgerError
        from models.settings import check_settings
        if not self.user():
            QMessageBox.warning(self, self.windowTitle(), self.tr("请填写填报人姓名"))
            return
        try:
            check_settings(self.values())
        except LedgerError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            return
        self.accept()

    def values(self) -> dict[str, str]:
        """The settings to store (the unit is not among them: see :meth:`unit`)."""
        values = {key: edit.text().strip() for key, edit in self.edits.items()}
        values["page_number_style"] = self.page_combo.currentData()
        values["evidence_large_mb"] = str(self.large_spin.value())
        for key, spin in self.pace_spins.items():
            values[key] = str(spin.value())
        values["user"] = self.user()
        return values
