"""The 报送情况 tab: who has handed in (when, status counts, package) and who has not; the
selected unit's packages, superseded ones included; opening a package's 完成情况表 / 工作报告.
"""
from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication,
                            QModelIndex, Qt, QUrl)
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)

from models.errors import LedgerError
from models.handin import ROLE_REPORT, ROLE_XLSX
from models.province.submissions import (copy_submission_file, submission_files,
                                         submission_history, submission_status)
from models.review import REVIEW_RESULTS
from models.status import DONE, IN_PROGRESS, NOT_INVOLVED, NOT_STARTED

from ..session import show_error

_UNIT_HEADERS = (QT_TRANSLATE_NOOP("ProvinceSubmissions", "单位"),
                 QT_TRANSLATE_NOOP("ProvinceSubmissions", "报送情况"),
                 QT_TRANSLATE_NOOP("ProvinceSubmissions", "材料包制作时间"),
                 QT_TRANSLATE_NOOP("ProvinceSubmissions", "导入时间"),
                 DONE, IN_PROGRESS, NOT_STARTED, NOT_INVOLVED,
                 QT_TRANSLATE_NOOP("ProvinceSubmissions", "文件数"),
                 QT_TRANSLATE_NOOP("ProvinceSubmissions", "历史报送"),
                 QT_TRANSLATE_NOOP("ProvinceSubmissions", "材料包"),
                 QT_TRANSLATE_NOOP("ProvinceSubmissions", "版本"),
                 QT_TRANSLATE_NOOP("ProvinceSubmissions", "校验码"),
                 QT_TRANSLATE_NOOP("ProvinceSubmissions", "审核（通过/退回/待审）"))
_HISTORY_HEADERS = (QT_TRANSLATE_NOOP("ProvinceSubmissions", "材料包"),
                    QT_TRANSLATE_NOOP("ProvinceSubmissions", "制作时间"),
                    QT_TRANSLATE_NOOP("ProvinceSubmissions", "导入时间"),
                    QT_TRANSLATE_NOOP("ProvinceSubmissions", "状态"),
                    QT_TRANSLATE_NOOP("ProvinceSubmissions", "文件数"),
                    QT_TRANSLATE_NOOP("ProvinceSubmissions", "版本"),
                    QT_TRANSLATE_NOOP("ProvinceSubmissions", "校验码"),
                    QT_TRANSLATE_NOOP("ProvinceSubmissions", "本版变化"),
                    QT_TRANSLATE_NOOP("ProvinceSubmissions", "SHA-256"))
STATUS_COLUMNS = (DONE, IN_PROGRESS, NOT_STARTED, NOT_INVOLVED)
MISSING_COLOR = QColor("#fbe3d6")
LATE_COLOR = QColor("#fff3c4")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProvinceSubmissions", text)


def _when(stamp: str | None) -> str:
    """"2021-10-15T01:30:12+00:00" → "2021-10-15 09:30" in the PC's own time zone."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp.replace("T", " ")[:16]
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


class SubmissionsModel(QAbstractTableModel):
    """Every unit: its current submission (handed in first, by name order of the plan) or none."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[str, object | None, int]] = []   # (unit, SubmissionInfo, older)
        self.direct: dict[str, str] = {}     # divisions the province records for: last update

    def load(self, status) -> None:
        self.beginResetModel()
        self.direct = dict(status.recorded_directly)
        self.rows = ([(s.unit, s, status.history.get(s.unit, 0)) for s in status.handed_in]
                     + [(unit, None, 0) for unit in status.recorded_directly]
                     + [(unit, None, 0) for unit in status.missing])
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(_UNIT_HEADERS)

    def unit_at(self, row: int) -> str:
        return self.rows[row][0]

    def submission_at(self, row: int):
        return self.rows[row][1]

    def row_of(self, unit: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r[0] == unit), -1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        unit, sub, older = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return unit
            if column == 1:
                if sub and sub.late:
                    return QCoreApplication.translate("ProvinceSubmissions", "逾期报送")
                if sub:
                    return QCoreApplication.translate("ProvinceSubmissions", "已报送")
                if unit in self.direct:
                    return QCoreApplication.translate("ProvinceSubmissions", "省局直接填报")
                return QCoreApplication.translate("ProvinceSubmissions", "未报送")
            if sub is None:
                return ""
            if column == 2:
                return _when(sub.made_at)
            if column == 3:
                return _when(sub.imported_at)
            if 4 <= column < 8:
                return str(sub.counts.get(STATUS_COLUMNS[column - 4], 0))
            if column == 8:
                return str(sub.files)
            if column == 9:
                if not older:
                    return ""
                return QCoreApplication.translate("ProvinceSubmissions", "{0} 次").format(older)
            if column == 10:
                return sub.package_name
            if column == 11:
                return QCoreApplication.translate("ProvinceSubmissions", "第{0}版").format(sub.version)
            if column == 12:
                return sub.fingerprint
            if column == 13:
                return "{0} / {1} / {2}".format(*(sub.review.get(k, 0) for k in REVIEW_RESULTS))
        if role == Qt.ItemDataRole.ToolTipRole and sub is not None and column == 11 and sub.changes:
            return QCoreApplication.translate("ProvinceSubmissions", "与上一版相比有变化的举措：{0}").format(
                "、".join(sub.changes))
        if role == Qt.ItemDataRole.ForegroundRole and column == 13 and sub is not None \
                and sub.review.get(REVIEW_RESULTS[1]):
            return QColor("#b42318")
        if role == Qt.ItemDataRole.BackgroundRole and sub is None and unit not in self.direct:
            return MISSING_COLOR
        if role == Qt.ItemDataRole.BackgroundRole and sub is not None and sub.late and column == 1:
            return LATE_COLOR
        if role == Qt.ItemDataRole.ToolTipRole and sub is not None and column == 1 and sub.round:
            return QCoreApplication.translate("ProvinceSubmissions", "报送轮次：{0}，应于 {1} 前报送").format(
                sub.round, sub.round_due or "")
        if role == Qt.ItemDataRole.TextAlignmentRole and (4 <= column <= 9 or column >= 11):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 4 <= section < 8:
                # Stored status labels are translated for display in the "Model" context.
                return QCoreApplication.translate("Model", _UNIT_HEADERS[section])
            return _tr(_UNIT_HEADERS[section])
        return None


class HistoryModel(QAbstractTableModel):
    """One unit's packages, newest import first; superseded ones are marked so."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows = []

    def load(self, submissions) -> None:
        self.beginResetModel()
        self.rows = list(reversed(submissions))
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(_HISTORY_HEADERS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        sub = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            state = (QCoreApplication.translate("ProvinceSubmissions", "当前")
                     if sub.superseded_by is None
                     else QCoreApplication.translate("ProvinceSubmissions", "已被替换（历史）"))
            version = QCoreApplication.translate("ProvinceSubmissions", "第{0}版").format(sub.version)
            return (sub.package_name, _when(sub.made_at), _when(sub.imported_at), state,
                    str(sub.files), version, sub.fingerprint, "、".join(sub.changes),
                    sub.package_sha256[:16])[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and sub.superseded_by is not None:
            return QColor("#6b7280")
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(_HISTORY_HEADERS[section])
        return None


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    return table


class SubmissionsWidget(QWidget):
    """Units' hand-ins, the selected unit's package history and its files."""

    def __init__(self, session, parent=None, *, host=None):
        super().__init__(parent)
        self.session = session
        self.host = host         # ui.host.LedgerWindow: copies files out in the background
        self._temp = None        # where opened copies go; removed with the widget
        layout = QVBoxLayout(self)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)

        self.model = SubmissionsModel(self)
        self.table = _table(self.tr("各单位报送情况"))
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 110), (1, 96), (2, 130), (3, 130), (4, 58), (5, 58), (6, 58),
                              (7, 58), (8, 56), (9, 70), (10, 240), (11, 56), (12, 120)):
            # A translation's longer header widens its column rather than being clipped.
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        self.table.selectionModel().currentRowChanged.connect(self._on_unit)

        self.history_model = HistoryModel(self)
        self.history = _table(self.tr("报送历史"))
        self.history.setModel(self.history_model)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setColumnWidth(0, 260)
        for column, width in ((1, 130), (2, 130), (3, 110), (4, 56), (5, 56), (6, 120), (7, 160)):
            self.history.setColumnWidth(column, width)
        self.history.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        self.history_label = QLabel()
        self.open_xlsx = QPushButton(self.tr("打开完成情况表（Excel）(&X)"))
        self.open_pdf = QPushButton(self.tr("打开工作报告（PDF）(&R)"))
        self.open_xlsx.clicked.connect(lambda: self.open_file(ROLE_XLSX))
        self.open_pdf.clicked.connect(lambda: self.open_file(ROLE_REPORT))
        lower = QWidget()
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.history_label, 1)
        row.addWidget(self.open_xlsx)
        row.addWidget(self.open_pdf)
        column.addLayout(row)
        column.addWidget(self.history, 1)

        # The selected unit's current submission under review, and its package history.
        from .review import ReviewWidget
        self.review = ReviewWidget(session, host=host)
        self.lower_tabs = QTabWidget()
        self.lower_tabs.addTab(self.review, self.tr("逐项审核(&A)"))
        self.lower_tabs.addTab(lower, self.tr("报送历史(&H)"))

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.lower_tabs)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout.addWidget(split, 1)
        self.reload()

    # ---- data ----------------------------------------------------------------------------
    def reload(self, round_name: str | None = None) -> None:
        """Re-read the submissions (after an import), keeping the selected unit; for a
        reporting round, each unit's package of that round and whether it came late."""
        keep = self.current_unit()
        self.round_name = round_name
        status = submission_status(self.session.ledger, round_name=round_name)
        self.model.load(status)
        total = len(status.handed_in) + len(status.missing) + len(status.recorded_directly)
        if status.round is not None:
            text = self.tr("报送轮次“{0}”（截至 {1}，报送 {2}）：已报送 {3} 个单位，其中逾期报送 {4} 个；"
                           "未报送 {5} 个（共 {6} 个）。").format(
                status.round.name, status.round.cutoff, status.round.due, len(status.handed_in),
                len(status.late), len(status.missing), total)
        else:
            text = self.tr(
                "《{0}》 报送截止 {1}：已报送 {2} 个单位，未报送 {3} 个（共 {4} 个）。"
                "把各单位的报送材料包（.zip）拖到窗口上即可导入。").format(
                status.plan_title, status.deadline, len(status.handed_in), len(status.missing), total)
        self.summary_label.setText(text + (
            self.tr("省局直接填报的处室 {0} 个。").format(len(status.recorded_directly))
            if status.recorded_directly else ""))
        row = self.model.row_of(keep) if keep else -1
        self.table.selectRow(row if row >= 0 else 0)
        self._on_unit()

    def current_unit(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.unit_at(index.row()) if index.isValid() else None

    def _on_unit(self, *_args) -> None:
        unit = self.current_unit()
        history = submission_history(self.session.ledger, unit=unit) if unit else []
        self.history_model.load(history)
        if not unit:
            self.history_label.setText("")
        elif history:
            self.history_label.setText(self.tr("{0} 的报送记录（{1} 个材料包）").format(
                unit, len(history)))
        else:
            self.history_label.setText(self.tr("{0} 尚未报送").format(unit))
        if history:
            self.history.selectRow(0)
        self._update_buttons()
        self.review.show_unit(unit)

    def selected_submission(self):
        """The package selected in the history (the unit's current one by default)."""
        index = self.history.currentIndex()
        return self.history_model.rows[index.row()] if index.isValid() else None

    def _update_buttons(self) -> None:
        enabled = self.selected_submission() is not None
        self.open_xlsx.setEnabled(enabled)
        self.open_pdf.setEnabled(enabled)

    # ---- opening a handed-in file --------------------------------------------------------
    def open_file(self, role: str):
        """Copy the selected package's file of ``role`` out of the store (in the background)
        and open it; returns the job (None when there is nothing to open)."""
        sub = self.selected_submission()
        if sub is None:
            return None
        member = next((f["path"] for f in submission_files(self.session.ledger, sub.id)
                       if f["role"] == role), None)
        if member is None:
            show_error(self, LedgerError(self.tr("材料包 {0} 中没有这类文件").format(
                sub.package_name)))
            return None
        if self._temp is None:
            self._temp = tempfile.TemporaryDirectory(prefix="taskledger-")
        # One folder per submission: two packages' 完成情况表 share a name.
        folder = Path(self._temp.name) / str(sub.id)

        def work(ledger, progress, cancelled):
            return copy_submission_file(ledger, sub.id, member, folder)

        def opened(copy: Path) -> None:
            self.last_opened = copy
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))

        return self.host.start_job(work, self.tr("正在打开 {0}…").format(Path(member).name),
                                   opened)

    def cleanup(self) -> None:
        if self._temp is not None:
            self._temp.cleanup()
            self._temp = None
