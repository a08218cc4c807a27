"""Time in the workbench: a measure's deadline, 完成进度 and milestones in the measure panel,
and the 序时进度 light as the table, the dashboard and the panel draw it.

Everything shown comes from models (MeasureRow's deadline, progress, expected, light;
models.schedule's milestones); every change goes through Session.write, one transaction each.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDateEdit, QDialog,
                               QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QMessageBox, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from models.pace import GREEN, LIGHT_COLOURS, NO_LIGHT, RED, YELLOW
from models.status import NOT_INVOLVED

from .dialogs import DATE_FORMAT
from .widgets import ok_cancel_buttons

# The lights as the window names them (the stored keys are English words).
LIGHT_NAMES = {RED: QT_TRANSLATE_NOOP("Pace", "红灯"), YELLOW: QT_TRANSLATE_NOOP("Pace", "黄灯"),
               GREEN: QT_TRANSLATE_NOOP("Pace", "绿灯"), NO_LIGHT: QT_TRANSLATE_NOOP("Pace", "无灯")}
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_ICONS: dict[str, QIcon] = {}


def light_name(light: str | None) -> str:
    """红灯 / 黄灯 / 绿灯 (translated), "" for none."""
    return QCoreApplication.translate("Pace", LIGHT_NAMES[light]) if light else ""


def light_icon(light: str | None) -> QIcon:
    """A round dot in the light's colour (an empty icon for none)."""
    if not light:
        return QIcon()
    if light not in _ICONS:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(LIGHT_COLOURS[light])))
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        _ICONS[light] = QIcon(pixmap)
    return _ICONS[light]


def pace_text(row) -> str:
    """``60% / 86%`` (完成进度 / 序时进度); ``— / 86%`` with no 完成进度; "" when 不涉及."""
    if row.status == NOT_INVOLVED or not row.status:
        return ""
    done = "—" if row.progress is None else f"{row.progress:g}%"
    return f"{done} / {row.expected:.0f}%"


def pace_tip(row) -> str:
    """The light explained: both figures and why it has its colour."""
    if not row.status or row.status == NOT_INVOLVED:
        return ""
    done = (QCoreApplication.translate("Pace", "未填") if row.progress is None
            else f"{row.progress:g}%")
    lines = [QCoreApplication.translate(
        "Pace", "完成进度 {0}，序时进度 {1:.0f}%（到 {2} 的时间进度）").format(
            done, row.expected, row.deadline or "")]
    if row.light:
        lines.append(light_name(row.light))
    if row.deadline_state == "逾期":
        lines.append(QCoreApplication.translate("Pace", "已过完成时限"))
    if row.milestones_late:
        lines.append(QCoreApplication.translate("Pace", "{0} 个阶段节点已过计划日期未完成").format(
            row.milestones_late))
    if row.light is None and row.progress is None:
        lines.append(QCoreApplication.translate("Pace", "填写完成进度后显示红黄绿灯"))
    elif row.progress is None and row.status == "未启动":
        lines.append(QCoreApplication.translate("Pace", "未启动，完成进度按 0% 计"))
    return "\n".join(lines)


def _qdate(iso: str | None) -> QDate:
    if iso:
        return QDate.fromString(iso, DATE_FORMAT)
    from models.deadlines import today
    day = today()
    return QDate(day.year, day.month, day.day)


class MilestoneDialog(QDialog):
    """What, planned date, and done (with its date) of one milestone."""

    def __init__(self, parent=None, *, title: str, text: str = "", planned: str | None = None,
                 done: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(460, 180)
        form = QFormLayout(self)
        self.text_edit = QLineEdit(text)
        self.text_edit.setPlaceholderText(self.tr("例如：出台实施方案"))
        self.planned_edit = QDateEdit(_qdate(planned))
        self.planned_edit.setCalendarPopup(True)
        self.planned_edit.setDisplayFormat(DATE_FORMAT)
        self.done_check = QCheckBox(self.tr("已完成(&W)"))
        self.done_check.setChecked(bool(done))
        self.done_edit = QDateEdit(_qdate(done))
        self.done_edit.setCalendarPopup(True)
        self.done_edit.setDisplayFormat(DATE_FORMAT)
        self.done_edit.setEnabled(bool(done))
        self.done_check.toggled.connect(self.done_edit.setEnabled)
        for caption, widget in ((self.tr("节点内容(&T)："), self.text_edit),
                                (self.tr("计划日期(&D)："), self.planned_edit)):
            label = QLabel(caption)
            label.setBuddy(widget)
            form.addRow(label, widget)
        row = QHBoxLayout()
        row.addWidget(self.done_check)
        row.addWidget(self.done_edit, 1)
        form.addRow(self.tr("完成："), row)
        buttons = ok_cancel_buttons(self, self.tr("确定"), self._accept)
        form.addRow(buttons)
        self.text_edit.setFocus()

    def _accept(self) -> None:
        if not self.text().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("节点内容不能为空"))
            return
        self.accept()

    def text(self) -> str:
        return self.text_edit.text()

    def planned(self) -> str:
        return self.planned_edit.date().toString(DATE_FORMAT)

    def done_date(self) -> str | None:
        """The done date, None while not done (``done`` is QDialog's own slot)."""
        return self.done_edit.date().toString(DATE_FORMAT) if self.done_check.isChecked() else None


class TimeBox(QGroupBox):
    """The panel's 时间与进度 group: deadline (with where it comes from), 完成进度, 序时进度
    and the light, and the milestones with add / edit / tick / delete."""

    def __init__(self, panel):
        super().__init__()
        self.setTitle(self.tr("完成时限与进度"))
        self.panel = panel
        self.session = panel.session
        layout = QVBoxLayout(self)
        form = QFormLayout()
        deadline_row = QHBoxLayout()
        self.deadline_edit = QDateEdit()
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat(DATE_FORMAT)
        self.deadline_edit.setAccessibleName(self.tr("完成时限"))
        self.set_deadline_button = QPushButton(self.tr("设定"))
        self.set_deadline_button.setToolTip(self.tr("把所选日期设为本单位的完成时限（记入操作记录）"))
        self.set_deadline_button.clicked.connect(self.save_deadline)
        self.clear_deadline_button = QPushButton(self.tr("按清单"))
        self.clear_deadline_button.setToolTip(self.tr("取消本单位设定，恢复清单的完成时限"))
        self.clear_deadline_button.clicked.connect(self.clear_deadline)
        deadline_row.addWidget(self.deadline_edit)
        deadline_row.addWidget(self.set_deadline_button)
        deadline_row.addWidget(self.clear_deadline_button)
        deadline_row.addStretch(1)
        caption = QLabel(self.tr("完成时限："))
        caption.setBuddy(self.deadline_edit)
        form.addRow(caption, deadline_row)
        self.deadline_source = QLabel()
        self.deadline_source.setStyleSheet("color: #666;")
        self.deadline_source.setWordWrap(True)
        form.addRow("", self.deadline_source)
        progress_row = QHBoxLayout()
        self.progress_spin = QSpinBox()
        self.progress_spin.setRange(-1, 100)
        self.progress_spin.setSpecialValueText(self.tr("未填"))
        self.progress_spin.setSuffix("%")
        self.progress_spin.setAccessibleName(self.tr("完成进度"))
        self.progress_spin.setKeyboardTracking(False)
        self.progress_spin.editingFinished.connect(self.save_progress)
        self.pace_label = QLabel()
        progress_row.addWidget(self.progress_spin)
        progress_row.addWidget(self.pace_label, 1)
        caption = QLabel(self.tr("完成进度："))
        caption.setBuddy(self.progress_spin)
        form.addRow(caption, progress_row)
        layout.addLayout(form)

        self.milestones = QTableWidget(0, 3)
        self.milestones.setHorizontalHeaderLabels([self.tr("计划日期"), self.tr("阶段节点"),
                                                   self.tr("完成")])
        self.milestones.setAccessibleName(self.tr("阶段节点"))
        self.milestones.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.milestones.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.milestones.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.milestones.verticalHeader().setVisible(False)
        self.milestones.setTabKeyNavigation(False)
        header = self.milestones.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.milestones.setMinimumHeight(72)
        self.milestones.setMaximumHeight(140)
        self.milestones.activated.connect(self.edit_milestone)
        layout.addWidget(self.milestones)
        buttons = QHBoxLayout()
        self.add_milestone_button = QPushButton(self.tr("添加节点…"))
        self.tick_milestone_button = QPushButton(self.tr("完成(&Z)"))
        self.tick_milestone_button.setToolTip(self.tr("把所选节点标记为今天完成（再按一次取消）"))
        self.edit_milestone_button = QPushButton(self.tr("修改…"))
        self.delete_milestone_button = QPushButton(self.tr("删除"))
        self.add_milestone_button.clicked.connect(self.add_milestone)
        self.tick_milestone_button.clicked.connect(self.tick_milestone)
        self.edit_milestone_button.clicked.connect(self.edit_milestone)
        self.delete_milestone_button.clicked.connect(self.delete_milestone)
        for button in (self.add_milestone_button, self.tick_milestone_button,
                       self.edit_milestone_button, self.delete_milestone_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.detail = None

    @property
    def code(self) -> str | None:
        return self.panel.code

    # ---- showing -------------------------------------------------------------------------
    def show_detail(self, detail) -> None:
        """Fill from a MeasureDetail (its row and milestones)."""
        self.detail = detail
        row = detail.row
        self.deadline_edit.setDate(_qdate(row.deadline))
        self.clear_deadline_button.setEnabled(bool(row.unit_deadline))
        if row.unit_deadline:
            who = row.deadline_set_by or self.tr("本单位")
            when = (row.deadline_set_at or "")[:16].replace("T", " ")
            source = self.tr("本单位设定（{0}，{1}）").format(who, when)
            if row.deadline_text:
                source += self.tr("；清单：{0}").format(row.deadline_text)
        elif row.deadline_source == "measure":
            source = self.tr("按清单：{0}").format(row.deadline_text or row.own_deadline)
        else:
            source = self.tr("清单未规定日期，暂按报送截止日期")
            if row.deadline_text:
                source += self.tr("（清单：{0}）").format(row.deadline_text)
        self.deadline_source.setText(source)
        editable = row.status != NOT_INVOLVED
        self.progress_spin.blockSignals(True)
        self.progress_spin.setValue(-1 if row.recorded_progress is None
                                    else int(round(row.recorded_progress)))
        self.progress_spin.blockSignals(False)
        self.progress_spin.setEnabled(editable)
        text = pace_text(row)
        self.pace_label.setText(self.tr("完成 / 序时：{0}　{1}").format(text, light_name(row.light))
                                if text else self.tr("不涉及：无灯"))
        colour = LIGHT_COLOURS.get(row.light, "#555555")
        self.pace_label.setStyleSheet(f"color: {colour};")
        self.pace_label.setToolTip(pace_tip(row))
        self._fill_milestones(detail.milestones)

    def _fill_milestones(self, items) -> None:
        from models.deadlines import today
        on = today()
        table = self.milestones
        table.setRowCount(0)
        words = {"done": self.tr("已完成 {0}"), "late": self.tr("逾期未完成"), "open": self.tr("未完成")}
        for item in items:
            r = table.rowCount()
            table.insertRow(r)
            state = item.state(on)
            for c, value in enumerate((item.planned, item.text, words[state].format(item.done))):
                cell = QTableWidgetItem(value)
                cell.setData(ID_ROLE, item.id)
                if c == 1:
                    cell.setToolTip(item.text)
                if state == "late":
                    cell.setForeground(QColor(LIGHT_COLOURS[RED]))
                table.setItem(r, c, cell)

    # ---- saving ----------------------------------------------------------------------------
    def save_deadline(self) -> None:
        if self.code:
            self.session.write(self.panel, self.session.ledger.set_deadline, self.code,
                               self.deadline_edit.date().toString(DATE_FORMAT))

    def clear_deadline(self) -> None:
        if self.code:
            self.session.write(self.panel, self.session.ledger.set_deadline, self.code, None)

    def save_progress(self) -> None:
        if not self.code or self.detail is None:
            return
        value = self.progress_spin.value()
        recorded = self.detail.row.recorded_progress
        if (value < 0 and recorded is None) or (recorded is not None and value == round(recorded)):
            return
        self.session.write(self.panel, self.session.ledger.record, self.code,
                           progress="" if value < 0 else value)

    def commit_pending(self) -> None:
        """Save a 完成进度 typed but not yet left."""
        if self.progress_spin.hasFocus():
            self.progress_spin.interpretText()
            self.save_progress()

    def _selected(self):
        rows = self.milestones.selectionModel().selectedRows()
        if not rows or self.detail is None:
            return None
        milestone_id = self.milestones.item(rows[0].row(), 0).data(ID_ROLE)
        return next((m for m in self.detail.milestones if m.id == milestone_id), None)

    def add_milestone(self) -> None:
        if not self.code:
            return
        dialog = MilestoneDialog(self, title=self.tr("添加阶段节点 — 举措 {0}").format(self.code))
        self.milestone_dialog = dialog
        if dialog.exec():
            self.session.write(self.panel, self.session.ledger.add_milestone, self.code,
                               text=dialog.text(), planned=dialog.planned(), done=dialog.done_date())
        self.milestone_dialog = None

    def edit_milestone(self, *_args) -> None:
        item = self._selected()
        if item is None:
            return
        dialog = MilestoneDialog(self, title=self.tr("修改阶段节点 — 举措 {0}").format(self.code),
                                 text=item.text, planned=item.planned, done=item.done)
        self.milestone_dialog = dialog
        if dialog.exec():
            self.session.write(self.panel, self.session.ledger.update_milestone, item.id,
                               text=dialog.text(), planned=dialog.planned(), done=dialog.done_date())
        self.milestone_dialog = None

    def tick_milestone(self) -> None:
        """Mark the chosen milestone done today (or not done again)."""
        item = self._selected()
        if item is None:
            return
        from models.deadlines import today
        done = None if item.done else today().isoformat()
        self.session.write(self.panel, self.session.ledger.update_milestone, item.id, done=done)

    def delete_milestone(self) -> None:
        item = self._selected()
        if item is None:
            return
        answer = QMessageBox.question(self, self.tr("删除阶段节点"),
                                      self.tr("确定删除阶段节点“{0}”（{1}）吗？").format(item.text, item.planned))
        if answer == QMessageBox.StandardButton.Yes:
            self.session.write(self.panel, self.session.ledger.delete_milestone, item.id)


class LightSummary(QWidget):
    """The dashboard's lights: one button per light with its count (narrows the table to
    it), the rule in one line, and the red and yellow measures (double-click opens one)."""

    light_activated = Signal(str)
    measure_activated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key in (RED, YELLOW, GREEN, NO_LIGHT):
            button = QPushButton()
            button.setIcon(light_icon(key) if key != NO_LIGHT else QIcon())
            button.clicked.connect(lambda _=False, k=key: self.light_activated.emit(k))
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet("color: #555;")
        layout.addWidget(self.rule)
        self.list = QListWidget()
        self.list.setMinimumHeight(90)
        self.list.itemActivated.connect(
            lambda item: self.measure_activated.emit(item.data(ID_ROLE)))
        layout.addWidget(self.list)

    def set_summary(self, summary, pace) -> None:
        """Show ``summary``'s lights (models.summary.Summary) under ``pace``'s rule."""
        for key, button in self.buttons.items():
            button.setText(self.tr("{0} {1} 项").format(light_name(key), summary.lights.get(key, 0)))
            button.setToolTip(self.tr("在台账中只看{0}举措").format(light_name(key)))
        self.rule.setText(self.tr("完成进度落后序时进度 {0} 个百分点及以上为黄灯，超过 {1} 个百分点或已逾期"
                                  "为红灯；“推进中”未填完成进度的举措无灯。").format(pace.yellow, pace.red))
        self.list.clear()
        for row in summary.red + summary.yellow:
            item = QListWidgetItem(light_icon(row.light), f"{row.code}　{pace_text(row)}　{row.text}")
            item.setToolTip(pace_tip(row))
            item.setData(ID_ROLE, row.code)
            self.list.addItem(item)
        if not (summary.red or summary.yellow):
            item = QListWidgetItem(self.tr("没有红灯、黄灯举措"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
