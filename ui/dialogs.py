"""Dialogs: first start, a progress entry, business settings."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QSpinBox,
                               QVBoxLayout)

from models.deadlines import today

DATE_FORMAT = "yyyy-MM-dd"


class FirstStartDialog(QDialog):
    """Asks the unit (from the bundled list) and the user's name for a new ledger."""

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
        self.user_edit = QLineEdit()
        self.user_edit.setPlaceholderText(self.tr("例如：张三"))
        unit_label = QLabel(self.tr("本单位(&U)："))
        unit_label.setBuddy(self.unit_combo)
        user_label = QLabel(self.tr("填报人(&N)："))
        user_label.setBuddy(self.user_edit)
        # The provincial office runs the same program on a ledger that receives the packages.
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("地市台账（本单位填报）"), "city")
        self.kind_combo.addItem(self.tr("省级台账（汇总各地市报送）"), "province")
        self.kind_combo.currentIndexChanged.connect(
            lambda _i: self.unit_combo.setEnabled(self.role() == "city"))
        kind_label = QLabel(self.tr("台账类型(&K)："))
        kind_label.setBuddy(self.kind_combo)
        form.addRow(kind_label, self.kind_combo)
        form.addRow(unit_label, self.unit_combo)
        form.addRow(user_label, self.user_edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("建立台账"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.unit_combo.setFocus()

    def unit(self) -> str:
        return self.unit_combo.currentText()

    def role(self) -> str:
        """"city" (the default) or "province"."""
        return self.kind_combo.currentData()

    def user(self) -> str:
        return self.user_edit.text().strip()


class EntryDialog(QDialog):
    """Date and text of one progress entry (new or edited)."""

    def __init__(self, parent=None, *, title: str, date: str | None = None, text: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(520, 300)
        form = QFormLayout(self)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setDate(QDate.fromString(date, DATE_FORMAT) if date
                               else QDate(today().year, today().month, today().day))
        self.text_edit = QPlainTextEdit(text)
        self.text_edit.setTabChangesFocus(True)
        date_label = QLabel(self.tr("日期(&D)："))
        date_label.setBuddy(self.date_edit)
        text_label = QLabel(self.tr("进展内容(&T)："))
        text_label.setBuddy(self.text_edit)
        form.addRow(date_label, self.date_edit)
        form.addRow(text_label, self.text_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.text_edit.setFocus()

    def _accept(self):
        if not self.text().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("进展内容不能为空"))
            return
        self.accept()

    def date(self) -> str:
        return self.date_edit.date().toString(DATE_FORMAT)

    def text(self) -> str:
        return self.text_edit.toPlainText()


PAGE_STYLES = (("outer", QT_TRANSLATE_NOOP("SettingsDialog", "外侧（单页右、双页左）")),
               ("center", QT_TRANSLATE_NOOP("SettingsDialog", "居中")))


class SettingsDialog(QDialog):
    """Business settings that travel with the ledger (not window state)."""

    FIELDS = (("unit_full_name", QT_TRANSLATE_NOOP("SettingsDialog", "单位全称(&F)：")),
              ("addressee", QT_TRANSLATE_NOOP("SettingsDialog", "报送对象(&A)：")),
              ("contact_person", QT_TRANSLATE_NOOP("SettingsDialog", "联系人(&C)：")),
              ("contact_phone", QT_TRANSLATE_NOOP("SettingsDialog", "联系电话(&P)：")))

    def __init__(self, settings: dict[str, str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("台账设置"))
        self.resize(520, 360)
        form = QFormLayout(self)
        self.edits: dict[str, QLineEdit] = {}
        for key, label in self.FIELDS:
            edit = QLineEdit(settings.get(key, ""))
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept(self) -> None:
        # The ledger checks the same rules (models.settings); checking here keeps the dialog
        # open with what the clerk typed instead of losing it to a refusal.
        from models.errors import LedgerError
        from models.settings import check_settings
        try:
            check_settings(self.values())
        except LedgerError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            return
        self.accept()

    def values(self) -> dict[str, str]:
        values = {key: edit.text().strip() for key, edit in self.edits.items()}
        values["page_number_style"] = self.page_combo.currentData()
        values["evidence_large_mb"] = str(self.large_spin.value())
        for key, spin in self.pace_spins.items():
            values[key] = str(spin.value())
        return values
