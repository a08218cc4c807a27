"""The 汇总矩阵 tab: the status matrix, indicator totals against the provincial target, and
the late units — all from models.province.consolidate.consolidate()."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QHBoxLayout, QHeaderView, QLabel,
                               QListWidget, QRadioButton, QSplitter, QStyledItemDelegate,
                               QTableView, QVBoxLayout, QWidget)

from models.province.consolidate import consolidate
from models.status import DONE, IN_PROGRESS, NOT_INVOLVED, NOT_STARTED, STATUS_COLOURS

from .matrix import (CELL_COLORS, MEASURES, SHARE_ROLE, TASKS, IndicatorModel,
                              MatrixModel)


class ShareBarDelegate(QStyledItemDelegate):
    """A bar of the provincial total against the target's lower bound (full = reached)."""

    def paint(self, painter: QPainter, option, index):
        super().paint(painter, option, index)
        share = index.data(SHARE_ROLE)
        if share is None:
            return
        rect = QRectF(option.rect.adjusted(4, 5, -4, -5))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#eceff2"))
        painter.drawRoundedRect(rect, 3, 3)
        filled = QRectF(rect)
        filled.setWidth(rect.width() * min(1.0, max(0.0, share)))
        painter.setBrush(QColor(STATUS_COLOURS[DONE] if share >= 1 else STATUS_COLOURS[IN_PROGRESS]))
        painter.drawRoundedRect(filled, 3, 3)
        painter.restore()


class ConsolidatedWidget(QWidget):
    """Units × tasks (or × measures) matrix, indicator totals, late units."""

    unit_activated = Signal(str)        # a unit's row double-clicked: show its hand-in
    measure_activated = Signal(str, str)   # by measure, a cell double-clicked: review it

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.view = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.by_task = QRadioButton(self.tr("单位 × 任务(&K)"))
        self.by_measure = QRadioButton(self.tr("单位 × 举措(&J)"))
        self.by_task.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_task)
        group.addButton(self.by_measure)
        self.by_task.toggled.connect(self._on_mode)
        bar.addWidget(self.by_task)
        bar.addWidget(self.by_measure)
        bar.addSpacing(24)
        for status in (DONE, IN_PROGRESS, NOT_STARTED, NOT_INVOLVED):
            bar.addWidget(self._swatch(CELL_COLORS[status].name(),
                                       QCoreApplication.translate("Model", status)))
        bar.addWidget(self._swatch(None, self.tr("未报送")))
        returned = self._swatch("#ffffff", self.tr("↩ 退回修改"))
        returned.setStyleSheet(returned.styleSheet() + " color: #b42318;")
        bar.addWidget(returned)
        bar.addStretch(1)
        self.summary_label = QLabel()
        bar.addWidget(self.summary_label)
        layout.addLayout(bar)

        self.model = MatrixModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("汇总矩阵"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setDefaultSectionSize(46)
        self.table.horizontalHeader().setMinimumSectionSize(30)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setShowGrid(True)
        self.table.doubleClicked.connect(self._on_double_click)

        self.indicator_model = IndicatorModel(self)
        self.indicators = QTableView()
        self.indicators.setModel(self.indicator_model)
        self.indicators.setAccessibleName(self.tr("指标汇总"))
        self.indicators.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.indicators.verticalHeader().setVisible(False)
        self.indicators.setItemDelegateForColumn(4, ShareBarDelegate(self.indicators))
        self.indicators.setWordWrap(False)
        header = self.indicators.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 50), (1, 260), (2, 90), (3, 90), (4, 120), (5, 70)):
            self.indicators.setColumnWidth(column, width)

        self.late_list = QListWidget()
        self.late_list.setAccessibleName(self.tr("逾期单位"))

        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self._titled(self.tr("指标完成情况（各单位合计与全省目标）"), self.indicators))
        lower.addWidget(self._titled(self.tr("逾期单位"), self.late_list))
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        self.reload()

    @staticmethod
    def _titled(title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 4, 0, 0)
        column.addWidget(QLabel(title))
        column.addWidget(widget, 1)
        return box

    @staticmethod
    def _swatch(colour: str | None, text: str) -> QLabel:
        label = QLabel(text)
        fill = (f"background: {colour};" if colour
                else "background: qlineargradient(x1:0, y1:0, x2:1, y2:1, stop:0 #fff,"
                     " stop:0.45 #fff, stop:0.5 #b0b4ba, stop:0.55 #fff, stop:1 #fff);")
        label.setStyleSheet(f"{fill} border: 1px solid #c8ccd0; padding: 1px 6px;")
        return label

    def _on_mode(self) -> None:
        self.model.set_mode(TASKS if self.by_task.isChecked() else MEASURES)
        self.table.horizontalHeader().setDefaultSectionSize(46 if self.by_task.isChecked() else 40)

    def _on_double_click(self, index) -> None:
        """By measure, a handed-in unit's cell opens its review; otherwise show the unit."""
        line = self.model.view.units[index.row()]
        if (self.model.mode == MEASURES and line.submitted_at and not line.recorded_directly
                and self.model.state(index.row(), index.column()) is not None):
            self.measure_activated.emit(line.unit, self.model.view.measures[index.column()].code)
        else:
            self.unit_activated.emit(line.unit)

    def reload(self, round_name: str | None = None) -> None:
        """Rebuild from the ledger (after an import, a review); for a reporting round from
        each unit's package of that round."""
        from models.review import current_results
        ledger = self.session.ledger
        view = consolidate(ledger, round_name=round_name)
        details = {}
        for line in view.submitted:
            details[line.unit] = {row.code: (row.entry_count, row.evidence_count)
                                  for row in ledger.measures(unit=line.unit)}
        self.view = view
        self.model.load(view, details, current_results(ledger))
        self.indicator_model.load(view.indicators)
        self.summary_label.setText(self.tr("已报送 {0} / {1} 个单位").format(
            len(view.submitted), len(view.units)) + (self.tr("（{0}）").format(view.round.label)
                                                    if view.round is not None else ""))
        self.late_list.clear()
        for line in view.late_units:
            if line.submitted_at is None:
                self.late_list.addItem(self.tr("{0}：截止日期已过，尚未报送").format(line.unit))
            elif line.handed_in_late and not line.late:
                self.late_list.addItem(self.tr("{0}：逾期报送（{1}）").format(
                    line.unit, line.submitted_at[:10]))
            else:
                shown = "、".join(line.late[:6]) + ("……" if len(line.late) > 6 else "")
                self.late_list.addItem(self.tr("{0}：逾期举措 {1} 项（{2}）").format(
                    line.unit, len(line.late), shown))
                # Every late measure, for the clerk who calls the unit.
                self.late_list.item(self.late_list.count() - 1).setToolTip("、".join(line.late))
        if not view.late_units:
            self.late_list.addItem(self.tr("没有逾期单位"))
