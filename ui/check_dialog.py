"""The 缺项清单 in the window: the gaps models.check.check_ledger finds, as a list of links.

Each line says what is missing in the window's own words (translated) and where it is fixed;
a click (or Enter) takes the clerk to that field — the measure's status, its progress entries,
its evidence, its figures, 台账设置 for contacts. The command-line wording of each gap
(``Gap.fix``) stays on the command line.

Two uses: a plain list (文件 → 报送前检查…, non-modal, stays open while the clerk fixes
things) and the confirmation before the package is exported (OK = export anyway).
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from models import check

from . import i18n

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
GAP_ROLE = Qt.ItemDataRole.UserRole + 2
LINK_COLOUR = "#1565c0"
_C = "CheckDialog"

KIND_LABELS = {
    check.NOT_STARTED_GAP: QT_TRANSLATE_NOOP("CheckDialog", "未启动"),
    check.NO_EVIDENCE: QT_TRANSLATE_NOOP("CheckDialog", "已完成但无佐证"),
    check.NO_ENTRY: QT_TRANSLATE_NOOP("CheckDialog", "无进展记录"),
    check.NO_INDICATOR: QT_TRANSLATE_NOOP("CheckDialog", "缺指标完成值"),
    check.UNCONFIRMED: QT_TRANSLATE_NOOP("CheckDialog", "未确认是否涉及"),
    check.EVIDENCE_MISSING: QT_TRANSLATE_NOOP("CheckDialog", "佐证文件缺失"),
    check.EVIDENCE_ALTERED: QT_TRANSLATE_NOOP("CheckDialog", "佐证文件被改动"),
    check.CONTACT_MISSING: QT_TRANSLATE_NOOP("CheckDialog", "联系信息未填"),
    check.DOUBTFUL_DATE: QT_TRANSLATE_NOOP("CheckDialog", "进展日期存疑"),
    check.REASON_MISSING: QT_TRANSLATE_NOOP("CheckDialog", "不涉及未写理由"),
    check.RETURNED_GAP: QT_TRANSLATE_NOOP("CheckDialog", "省级退回修改"),
}
CONTACT_LABELS = {"unit_full_name": QT_TRANSLATE_NOOP("CheckDialog", "单位全称"),
                  "contact_person": QT_TRANSLATE_NOOP("CheckDialog", "联系人"),
                  "contact_phone": QT_TRANSLATE_NOOP("CheckDialog", "联系电话")}



def kind_label(gap) -> str:
    """The gap's category in the interface language."""
    return QCoreApplication.translate(_C, KIND_LABELS.get(gap.kind, gap.kind))


def describe(gap) -> tuple[str, str]:
    """(what is missing, where to fix it) for a models.check.Gap, in the window's words."""
    p, kind = gap.params or {}, gap.kind
    if kind == check.UNCONFIRMED:
        return QCoreApplication.translate("CheckDialog", "尚未确认本单位是否涉及（相关地市举措）"), QCoreApplication.translate("CheckDialog", "确认是否涉及 →")
    if kind == check.NOT_STARTED_GAP:
        return QCoreApplication.translate("CheckDialog", "状态仍为“未启动”"), QCoreApplication.translate("CheckDialog", "更新状态 →")
    if kind == check.NO_EVIDENCE:
        return QCoreApplication.translate("CheckDialog", "已完成，但没有佐证材料"), QCoreApplication.translate("CheckDialog", "添加佐证材料 →")
    if kind == check.NO_ENTRY:
        return (QCoreApplication.translate("CheckDialog", "状态为“{0}”，但没有任何进展记录").format(i18n.label(p.get("status", ""))),
                QCoreApplication.translate("CheckDialog", "添加进展 →"))
    if kind == check.NO_INDICATOR:
        return (QCoreApplication.translate("CheckDialog", "量化指标（{0}）未填本单位完成值").format("、".join(p.get("targets", []))),
                QCoreApplication.translate("CheckDialog", "填写完成值 →"))
    if kind == check.RETURNED_GAP:
        what = (QCoreApplication.translate("CheckDialog", "被省级退回修改：{0}").format(p["comment"])
                if p.get("comment") else QCoreApplication.translate("CheckDialog", "被省级退回修改"))
        return what, QCoreApplication.translate("CheckDialog", "按审核意见修改 →")
    if kind == check.REASON_MISSING:
        return QCoreApplication.translate("CheckDialog", "已确认不涉及，但没有写理由"), QCoreApplication.translate("CheckDialog", "填写理由 →")
    if kind == check.DOUBTFUL_DATE:
        what = (QCoreApplication.translate("CheckDialog", "一条进展的日期 {0} 晚于今天") if p.get("future")
                else QCoreApplication.translate("CheckDialog", "一条进展的日期 {0} 不在方案的时间范围内")).format(p.get("date", ""))
        return what, QCoreApplication.translate("CheckDialog", "查看并修改这条进展 →")
    if kind == check.EVIDENCE_MISSING:
        return (QCoreApplication.translate("CheckDialog", "佐证材料“{0}”的文件已从台账文件夹中缺失").format(p.get("name", "")),
                QCoreApplication.translate("CheckDialog", "重新添加原文件 →"))
    if kind == check.EVIDENCE_ALTERED:
        return (QCoreApplication.translate("CheckDialog", "佐证材料“{0}”的文件已被改动，与登记时不符").format(p.get("name", "")),
                QCoreApplication.translate("CheckDialog", "重新添加正确的原文件 →"))
    if kind == check.CONTACT_MISSING:
        label = QCoreApplication.translate(_C, CONTACT_LABELS.get(p.get("key", ""), p.get("key", "")))
        return QCoreApplication.translate("CheckDialog", "{0}未填写（报表和报告中要用）").format(label), QCoreApplication.translate("CheckDialog", "打开台账设置 →")
    return gap.message, ""


class CheckDialog(QDialog):
    """Lists gaps (models.check.Gap) as links: ``gap_activated(gap)`` on a click or Enter
    (``measure_activated(code)`` too when the gap is about a measure)."""

    gap_activated = Signal(object)
    measure_activated = Signal(str)
    recheck_requested = Signal()

    def __init__(self, gaps: list, parent=None, *, confirm: bool = False):
        super().__init__(parent)
        self.gaps = list(gaps)
        self.confirm = confirm
        self.setWindowTitle(self.tr("报送前检查 — 缺项清单"))
        layout = QVBoxLayout(self)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("类别"), self.tr("举措"), self.tr("缺什么"),
                                              self.tr("去补齐")])
        self.table.setAccessibleName(self.tr("缺项清单"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setMouseTracking(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        # One click follows the link, as in a web page; Enter does too.
        self.table.clicked.connect(self._on_activated)
        self.table.activated.connect(self._on_activated)
        self.table.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        layout.addWidget(self.table, 1)

        self.buttons = QDialogButtonBox()
        if confirm:
            ok = self.buttons.addButton(self.tr("仍然导出(&E)"), QDialogButtonBox.ButtonRole.AcceptRole)
            ok.setObjectName("export_anyway")
            cancel = self.buttons.addButton(self.tr("取消，先去补齐"),
                                            QDialogButtonBox.ButtonRole.RejectRole)
            cancel.setDefault(True)
        else:
            # Stays open while the clerk fixes things; 重新检查 runs the check again.
            self.recheck_button = self.buttons.addButton(self.tr("重新检查(&R)"),
                                                         QDialogButtonBox.ButtonRole.ActionRole)
            self.recheck_button.clicked.connect(self.recheck_requested)
            self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.set_gaps(self.gaps)
        from .layouts import fitted_size
        self.resize(fitted_size((980, 560), parent))

    def set_gaps(self, gaps: list) -> None:
        self.gaps = list(gaps)
        if not self.gaps:
            self.summary_label.setText(self.tr("没有发现缺项：各项举措、佐证材料和联系信息均已齐全。"))
        elif self.confirm:
            self.summary_label.setText(self.tr(
                "发现 {0} 处缺项。可以先补齐再导出；确实要按现状报送，请点“仍然导出”。"
                "（点一行可转到要补齐的地方）").format(len(self.gaps)))
        else:
            self.summary_label.setText(self.tr(
                "发现 {0} 处缺项，建议报送前补齐。点一行即可转到要补齐的地方。").format(len(self.gaps)))
        table = self.table
        table.setRowCount(0)
        link_font = QFont(self.font())
        link_font.setUnderline(True)
        for index, gap in enumerate(self.gaps):
            r = table.rowCount()
            table.insertRow(r)
            what, where = describe(gap)
            for c, value in enumerate((kind_label(gap), gap.measure_code or "—", what, where)):
                cell = QTableWidgetItem(value)
                cell.setData(CODE_ROLE, gap.measure_code)
                cell.setData(GAP_ROLE, index)
                cell.setToolTip(value)
                if c == 3:
                    cell.setForeground(QBrush(QColor(LINK_COLOUR)))
                    cell.setFont(link_font)
                table.setItem(r, c, cell)
        table.resizeRowsToContents()

    def _on_activated(self, index) -> None:
        # A click, then the double-click or the platform's click-activation, is one request.
        import time
        now = time.monotonic()
        last = getattr(self, "_last_activation", (None, 0.0))
        if last[0] == index.row() and now - last[1] < 0.6:
            return
        self._last_activation = (index.row(), now)
        gap = self.gaps[self.table.item(index.row(), 0).data(GAP_ROLE)]
        self.gap_activated.emit(gap)
        if gap.measure_code:
            self.measure_activated.emit(gap.measure_code)
