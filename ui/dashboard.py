"""The dashboard: where the unit stands, drawn with QPainter from models.summary.summarize.

Counts, shares and lists all come from Summary; nothing is recounted here.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (QFrame, QGridLayout, QGroupBox, QLabel, QListWidget,
                               QListWidgetItem, QScrollArea, QSizePolicy, QVBoxLayout, QWidget)

from models.plan.indicators import Indicator
from models.status import DONE, IN_PROGRESS, NOT_INVOLVED, NOT_STARTED, STATUS_COLOURS
from models.summary import summarize

from . import i18n


STATUS_COLORS = {status: QColor(hex_value) for status, hex_value in STATUS_COLOURS.items()}
# Indicators reached / not reached take the done / not-started colours of the palette.
MET, UNMET, EMPTY = STATUS_COLORS[DONE], STATUS_COLORS[NOT_STARTED], QColor("#d5d8dc")
TRACK = QColor("#eceff2")
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


def short_section(title: str) -> str:
    """"一、强化顶层设计与标杆引领，推动…" → "一、强化顶层设计与标杆引领"."""
    return re.split(r"[，,：:]", title, maxsplit=1)[0]


class _SummaryPainting(QWidget):
    """A widget that paints one Summary; set_summary() repaints it."""

    MINIMUM = (200, 120)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = None
        self.setMinimumSize(*self.MINIMUM)

    def set_summary(self, summary) -> None:
        self.summary = summary
        self.update()

    def paintEvent(self, event):
        if self.summary is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            self.paint(p, self.summary)
        finally:
            p.end()

    def paint(self, p: QPainter, s) -> None:
        """Draw summary ``s`` with painter ``p`` (subclasses)."""
        raise NotImplementedError


class StatusChart(_SummaryPainting):
    """A ring of the measures by status, with counts and shares beside it."""

    MINIMUM = (360, 190)

    def paint(self, p: QPainter, s) -> None:
        size = min(self.height() - 20, 170)
        ring = QRectF(10, (self.height() - size) / 2, size, size)
        total = sum(s.counts.values())
        start = 90 * 16
        pen = QPen(Qt.GlobalColor.white, 2)
        p.setPen(pen)
        for status in (DONE, IN_PROGRESS, NOT_STARTED, NOT_INVOLVED):
            count = s.counts.get(status, 0)
            if not count or not total:
                continue
            span = -int(round(360 * 16 * count / total))
            p.setBrush(STATUS_COLORS[status])
            p.drawPie(ring, start, span)
            start += span
        if not total:
            p.setBrush(EMPTY)
            p.drawEllipse(ring)
        hole = ring.adjusted(size * 0.28, size * 0.28, -size * 0.28, -size * 0.28)
        p.setBrush(self.palette().window())
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(hole)
        p.setPen(self.palette().windowText().color())
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        p.setFont(font)
        done_share = s.share(DONE) * 100
        # Share on the upper part of the hole, its caption below: they must not overlap.
        upper = QRectF(hole.left(), hole.top(), hole.width(), hole.height() * 0.62)
        p.drawText(upper, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                   f"{done_share:.0f}%")
        p.setFont(self.font())
        lower = QRectF(hole.left(), upper.bottom(), hole.width(), hole.height() - upper.height())
        p.drawText(lower, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.tr("已完成"))
        # Legend: count and share per status (share among the measures the unit carries).
        x = ring.right() + 24
        line = max(26, self.fontMetrics().height() + 10)
        y = (self.height() - line * 5) / 2
        p.setFont(self.font())
        for status in (DONE, IN_PROGRESS, NOT_STARTED, NOT_INVOLVED):
            count = s.counts.get(status, 0)
            p.setBrush(STATUS_COLORS[status])
            p.setPen(Qt.PenStyle.NoPen)
            p.drawRoundedRect(QRectF(x, y + line / 2 - 7, 14, 14), 3, 3)
            p.setPen(self.palette().windowText().color())
            share = "" if status == NOT_INVOLVED else self.tr("，占 {0:.1f}%").format(
                s.share(status) * 100)
            p.drawText(QRectF(x + 22, y, self.width() - x - 22, line),
                       Qt.AlignmentFlag.AlignVCenter, self.tr("{0} {1} 项{2}").format(
                           i18n.label(status), count, share))
            y += line
        p.drawText(QRectF(x, y, self.width() - x, line), Qt.AlignmentFlag.AlignVCenter,
                   self.tr("共承担 {0} 项").format(s.carried))


class BarList(QWidget):
    """Horizontal bars: (label, fraction 0–1 or None, caption, colour, target fraction)."""

    def __init__(self, parent=None, *, label_width: int = 210):
        super().__init__(parent)
        self.items: list[tuple] = []
        self.label_width = label_width
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_items(self, items: list[tuple], empty_text: str = "") -> None:
        self.items = items
        self.empty_text = empty_text
        self.updateGeometry()
        self.update()

    def _line(self) -> int:
        return max(24, self.fontMetrics().height() + 8)

    def sizeHint(self):
        return QSize(420, max(1, len(self.items)) * self._line() + 8)

    def minimumSizeHint(self):
        return QSize(300, max(1, len(self.items)) * self._line() + 8)

    def paintEvent(self, event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = self.palette().windowText().color()
        line = self._line()
        if not self.items:
            p.setPen(text_color)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        caption_width = 110
        bar_left = self.label_width + 8
        bar_width = max(40, self.width() - bar_left - caption_width - 8)
        metrics = self.fontMetrics()
        for i, (label, fraction, caption, color, target) in enumerate(self.items):
            y = 4 + i * line
            p.setPen(text_color)
            p.drawText(QRectF(0, y, self.label_width, line),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       metrics.elidedText(label, Qt.TextElideMode.ElideRight, self.label_width))
            track = QRectF(bar_left, y + line * 0.25, bar_width, line * 0.5)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(TRACK)
            p.drawRoundedRect(track, 4, 4)
            if fraction:
                filled = QRectF(track.left(), track.top(), track.width() * min(fraction, 1.0),
                                track.height())
                p.setBrush(color)
                p.drawRoundedRect(filled, 4, 4)
            if target is not None:
                tx = track.left() + track.width() * min(target, 1.0)
                p.setPen(QPen(QColor("#444"), 2))
                p.drawLine(int(tx), int(track.top() - 3), int(tx), int(track.bottom() + 3))
            p.setPen(text_color)
            p.drawText(QRectF(track.right() + 8, y, caption_width, line),
                       Qt.AlignmentFlag.AlignVCenter, caption)
        p.end()


class DaysLeft(_SummaryPainting):
    """Days left to the plan's hand-in deadline, large."""

    MINIMUM = (220, 150)

    def paint(self, p: QPainter, s) -> None:
        days = s.days_left
        color = QColor("#c0392b") if days < 0 else QColor("#e08a1e") if days <= 7 else QColor("#2f7bd1")
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 3.6)
        big.setBold(True)
        rect = QRectF(self.rect())
        top = rect.adjusted(0, 0, 0, -rect.height() * 0.45)
        p.setFont(self.font())
        p.setPen(self.palette().windowText().color())
        p.drawText(rect.adjusted(0, 6, 0, 0), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                   self.tr("距报送截止") if days >= 0 else self.tr("已超过报送截止"))
        p.setFont(big)
        p.setPen(color)
        p.drawText(top.adjusted(0, 20, 0, 20), Qt.AlignmentFlag.AlignCenter,
                   self.tr("{0} 天").format(abs(days)))
        p.setFont(self.font())
        p.setPen(self.palette().windowText().color())
        p.drawText(rect.adjusted(0, 0, 0, -8), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                   self.tr("截止日期 {0}").format(s.deadline))


class DashboardWidget(QScrollArea):
    """Refreshes from the ledger-changed signal, lazily: only while it is visible."""

    measure_activated = Signal(str)
    light_activated = Signal(str)       # a light's button: show the table narrowed to it

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.summary = None
        self._dirty = True
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setSpacing(12)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setStyleSheet("font-size: 14px;")
        grid.addWidget(self.sentence, 0, 0, 1, 3)
        self.status_chart = StatusChart()
        self.days_left = DaysLeft()
        self.section_bars = BarList(label_width=230)
        self.indicator_bars = BarList(label_width=230)
        self.late_list = self._list()
        self.due_list = self._list()
        self.attention_list = self._list()
        grid.addWidget(self._box(self.tr("按状态统计"), self.status_chart), 1, 0, 1, 2)
        grid.addWidget(self._box(self.tr("报送期限"), self.days_left), 1, 2)
        grid.addWidget(self._box(self.tr("各部分完成情况"), self.section_bars), 3, 0, 1, 2)
        self.late_box = self._box(self.tr("逾期"), self.late_list)
        grid.addWidget(self.late_box, 2, 2)
        grid.addWidget(self._box(self.tr("量化指标完成情况（竖线为目标）"), self.indicator_bars), 4, 0, 1, 2)
        self.due_box = self._box(self.tr("临期（7天内到期）"), self.due_list)
        grid.addWidget(self.due_box, 3, 2)
        self.attention_box = self._box(self.tr("已完成但无佐证材料"), self.attention_list)
        grid.addWidget(self.attention_box, 4, 2)
        # 序时进度: how many measures per light (each a button to the table so narrowed) and
        # the red and yellow ones.
        from .pace_view import LightSummary
        self.lights = LightSummary()
        self.lights.light_activated.connect(self.light_activated)
        self.lights.measure_activated.connect(self.measure_activated)
        self.lights_box = self._box(self.tr("序时进度（红黄绿灯）"), self.lights)
        grid.addWidget(self.lights_box, 2, 0, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(5, 1)
        self.setWidget(inner)
        session.signals.changed.connect(self._on_changed)

    def _box(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(widget)
        return box

    def _list(self) -> QListWidget:
        lst = QListWidget()
        lst.setMinimumHeight(90)
        lst.itemActivated.connect(lambda item: self.measure_activated.emit(item.data(CODE_ROLE)))
        return lst

    def _on_changed(self, changes):
        if not (changes.touches_measures() or changes.settings):
            return
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event):
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        self._dirty = False
        s = self.summary = summarize(self.session.ledger)
        self.sentence.setText(self.tr("{0}：{1}").format(s.unit, i18n.summary_sentence(s)))
        self.status_chart.set_summary(s)
        self.days_left.set_summary(s)
        self.section_bars.set_items([
            (short_section(sec.title), sec.share, self.tr("{0}/{1}　{2:.0f}%").format(
                sec.done, sec.total, sec.share * 100), STATUS_COLORS[DONE], None)
            for sec in s.sections], self.tr("无"))
        bars = []
        for item in s.indicators:
            ind = item.indicator
            indicator = Indicator(ind.raw, ind.min, ind.max, ind.quantity_unit, ind.comparator)
            # Scale so the target sits at 80% of the bar and an overshoot still shows.
            scale = (ind.max or ind.min) * 1.25 or 1
            fraction = None if ind.value is None else ind.value / scale
            met = item.met
            color = EMPTY if met is None else MET if met else UNMET
            value = self.tr("未填报") if ind.value is None else f"{ind.value:g}{ind.quantity_unit}"
            bars.append((self.tr("{0}　目标{1}").format(item.measure_code, indicator.describe()),
                         fraction, value, color, ind.min / scale))
        self.indicator_bars.set_items(bars, self.tr("本单位承担的举措中没有量化指标"))
        self._fill(self.late_list, self.late_box, self.tr("逾期"), s.late)
        days = self.session.ledger.pace().reminder_days
        self._fill(self.due_list, self.due_box, self.tr("临期（{0}天内到期）").format(days), s.due_soon)
        self.lights.set_summary(s, self.session.ledger.pace())
        self._fill(self.attention_list, self.attention_box, self.tr("已完成但无佐证材料"),
                   s.done_without_evidence)

    def _fill(self, lst: QListWidget, box: QGroupBox, title: str, rows) -> None:
        box.setTitle(self.tr("{0}：{1} 项").format(title, len(rows)))
        lst.clear()
        if not rows:
            item = QListWidgetItem(self.tr("（无）"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            lst.addItem(item)
            return
        for row in rows:
            item = QListWidgetItem(f"{row.code}　{row.text}")
            item.setToolTip(self.tr("{0}\n截止：{1}　状态：{2}").format(row.text, row.deadline,
                                                                    i18n.label(row.status)))
            item.setData(CODE_ROLE, row.code)
            lst.addItem(item)
