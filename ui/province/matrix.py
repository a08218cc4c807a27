"""The province's consolidated matrix: units × tasks (or × measures) of status, coloured.

Everything comes from models.province.consolidate.consolidate(); a unit that has not handed in is
shown as 未报送 (hatched), not as 未启动, because the province knows nothing of its work.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from models.status import DONE, IN_PROGRESS, NOT_INVOLVED, NOT_STARTED, STATUS_TINTS

TASKS, MEASURES = "tasks", "measures"
NOT_SUBMITTED = "未报送"
RETURNED, RETURNED_MARK, RETURNED_COLOUR = "退回修改", "↩", "#b42318"

# Fill and text colour per cell state (a printout of the screen stays readable).
CELL_COLORS = {status: QColor(hex_value) for status, hex_value in STATUS_TINTS.items()}
NOT_SUBMITTED_BRUSH = QBrush(QColor("#b0b4ba"), Qt.BrushStyle.BDiagPattern)
STATE_ROLE = Qt.ItemDataRole.UserRole + 1       # the cell's state (a status or NOT_SUBMITTED)


def task_state(progress, submitted: bool) -> str | None:
    """One unit on one task as a single state: all done, some moving, none, or not its task."""
    if not submitted:
        return NOT_SUBMITTED
    if progress is None:
        return None
    if progress.carried == 0:
        return NOT_INVOLVED if progress.not_involved else None
    if progress.done == progress.carried:
        return DONE
    if progress.done or progress.in_progress:
        return IN_PROGRESS
    return NOT_STARTED


class MatrixModel(QAbstractTableModel):
    """Rows are units, columns tasks or measures; DisplayRole is short, colour carries state."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = None
        self.mode = TASKS
        # unit → measure → (progress entries, evidence files)
        self.details: dict[str, dict[str, tuple[int, int]]] = {}
        # unit → measure → (review result, comment) of its current submission
        self.reviews: dict[str, dict[str, tuple[str, str]]] = {}

    # ---- data ----------------------------------------------------------------------------
    def load(self, view, details: dict[str, dict[str, tuple[int, int]]],
             reviews: dict[str, dict[str, tuple[str, str]]] | None = None) -> None:
        """Show ``view`` (a Consolidation); ``details`` gives each unit's entry and evidence
        counts per measure for the tooltips, ``reviews`` the review results
        (models.review.current_results)."""
        self.beginResetModel()
        self.view, self.details, self.reviews = view, details, reviews or {}
        self.endResetModel()

    def review_of(self, row: int, column: int) -> tuple[str, str] | None:
        """(result, comment) on the cell's measure (by-measure view only), None if none."""
        if self.mode != MEASURES or self.view is None:
            return None
        return self.reviews.get(self.view.units[row].unit, {}).get(self.view.measures[column].code)

    def set_mode(self, mode: str) -> None:
        self.beginResetModel()
        self.mode = mode
        self.endResetModel()

    def columns(self) -> list:
        if self.view is None:
            return []
        return self.view.tasks if self.mode == TASKS else self.view.measures

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() or self.view is None else len(self.view.units)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.columns())

    def state(self, row: int, column: int) -> str | None:
        """The cell's state: a status, NOT_SUBMITTED, or None (not the unit's measure/task)."""
        line = self.view.units[row]
        submitted = line.submitted_at is not None
        if self.mode == TASKS:
            return task_state(line.tasks.get(self.view.tasks[column][0]), submitted)
        if not submitted:
            return NOT_SUBMITTED
        return line.statuses.get(self.view.measures[column].code)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.view is None:
            return None
        row, column = index.row(), index.column()
        state = self.state(row, column)
        if role == STATE_ROLE:
            return state
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column, state)
        if role == Qt.ItemDataRole.BackgroundRole:
            if state == NOT_SUBMITTED:
                return NOT_SUBMITTED_BRUSH
            return CELL_COLORS.get(state)
        if role == Qt.ItemDataRole.ForegroundRole:
            review = self.review_of(row, column)
            return QColor(RETURNED_COLOUR if review and review[0] == RETURNED else "#1f2328")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column, state)
        return None

    def _text(self, row: int, column: int, state: str | None) -> str:
        if state in (None, NOT_SUBMITTED):
            return ""
        if self.mode == TASKS:
            progress = self.view.units[row].tasks.get(self.view.tasks[column][0])
            if state == NOT_INVOLVED:
                return "—"
            return f"{progress.done}/{progress.carried}"
        glyph = {DONE: "✓", IN_PROGRESS: "…", NOT_STARTED: "○", NOT_INVOLVED: "—"}.get(state, "")
        review = self.review_of(row, column)
        # 退回修改 marked in the cell; 通过 only in the tooltip (✓ already means done).
        return glyph + RETURNED_MARK if review and review[0] == RETURNED else glyph

    def _measure_ids(self, column: int) -> list[str]:
        if self.mode == TASKS:
            no = self.view.tasks[column][0]
            return [m.code for m in self.view.measures if m.task_no == no]
        return [self.view.measures[column].code]

    def _tooltip(self, row: int, column: int, state: str | None) -> str:
        line = self.view.units[row]
        if self.mode == TASKS:
            no, content, _section = self.view.tasks[column]
            head = QCoreApplication.translate("ProvinceMatrix", "{0} · 任务{1}：{2}").format(
                line.unit, no, content)
        else:
            measure = self.view.measures[column]
            head = QCoreApplication.translate("ProvinceMatrix", "{0} · 举措 {1}：{2}").format(
                line.unit, measure.code, measure.text)
        if state == NOT_SUBMITTED:
            return head + "\n" + QCoreApplication.translate("ProvinceMatrix", "该单位尚未报送")
        if state is None:
            return head + "\n" + QCoreApplication.translate("ProvinceMatrix", "不属该单位的举措")
        counts = self.details.get(line.unit, {})
        ids = [i for i in self._measure_ids(column) if i in line.statuses]
        entries = sum(counts.get(i, (0, 0))[0] for i in ids)
        evidence = sum(counts.get(i, (0, 0))[1] for i in ids)
        lines = [head]
        if self.mode == TASKS:
            progress = line.tasks.get(self.view.tasks[column][0])
            lines.append(QCoreApplication.translate(
                "ProvinceMatrix", "承担 {0} 项：已完成 {1}，推进中 {2}，未启动 {3}，不涉及 {4}").format(
                progress.carried, progress.done, progress.in_progress, progress.not_started,
                progress.not_involved))
        else:
            lines.append(QCoreApplication.translate("ProvinceMatrix", "状态：{0}").format(
                QCoreApplication.translate("Model", state)))
        lines.append(QCoreApplication.translate(
            "ProvinceMatrix", "进展记录 {0} 条，佐证材料 {1} 个").format(entries, evidence))
        review = self.review_of(row, column)
        if review:
            lines.append(QCoreApplication.translate("ProvinceMatrix", "审核：{0}").format(
                QCoreApplication.translate("Model", review[0])) + (
                QCoreApplication.translate("ProvinceMatrix", "　意见：{0}").format(review[1])
                if review[1] else ""))
        late = [i for i in ids if i in line.late]
        if late:
            lines.append(QCoreApplication.translate("ProvinceMatrix", "逾期：{0}").format(
                "、".join(late)))
        return "\n".join(lines)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if self.view is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            line = self.view.units[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return line.unit
            if role == Qt.ItemDataRole.ToolTipRole:
                if line.submitted_at is None:
                    return QCoreApplication.translate("ProvinceMatrix", "{0}：未报送").format(line.unit)
                return QCoreApplication.translate(
                    "ProvinceMatrix", "{0}：报送于 {1}，完成 {2:.0%}").format(
                    line.unit, line.submitted_at, line.share_done)
            return None
        if self.mode == TASKS:
            no, content, section_title = self.view.tasks[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return str(no)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{section_title}\n{no}. {content}"
            return None
        measure = self.view.measures[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return measure.code
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{measure.code} {measure.text}"
        return None


# ---- indicator totals ---------------------------------------------------------------------
# An indicator reached is coloured as done, one not reached as not started.
MET_COLOR, UNMET_COLOR = CELL_COLORS[DONE], CELL_COLORS[NOT_STARTED]
SHARE_ROLE = Qt.ItemDataRole.UserRole + 2      # total / lower target bound, for the bar

_INDICATOR_HEADERS = (QT_TRANSLATE_NOOP("ProvinceMatrix", "举措"),
                      QT_TRANSLATE_NOOP("ProvinceMatrix", "指标"),
                      QT_TRANSLATE_NOOP("ProvinceMatrix", "全省目标"),
                      QT_TRANSLATE_NOOP("ProvinceMatrix", "全省合计"),
                      QT_TRANSLATE_NOOP("ProvinceMatrix", "进度"),
                      QT_TRANSLATE_NOOP("ProvinceMatrix", "是否达标"),
                      QT_TRANSLATE_NOOP("ProvinceMatrix", "各单位数值"))


def _num(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


class IndicatorModel(QAbstractTableModel):
    """Indicator totals across units against the provincial target, one row each."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows = []

    def load(self, indicators) -> None:
        self.beginResetModel()
        self.rows = list(indicators)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(_INDICATOR_HEADERS)

    def met_text(self, total) -> str:
        if total.met is None:
            return QCoreApplication.translate("ProvinceMatrix", "暂无数值")
        return (QCoreApplication.translate("ProvinceMatrix", "已达标") if total.met
                else QCoreApplication.translate("ProvinceMatrix", "未达标"))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        total, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return total.measure_code
            if column == 1:
                return total.raw
            if column == 2:
                return total.target
            if column == 3:
                value = _num(total.total)
                if total.total is not None and total.aggregate == "mean":
                    return QCoreApplication.translate("ProvinceMatrix", "平均 {0}{1}").format(
                        value, total.quantity_unit)
                return value if total.total is None else value + total.quantity_unit
            if column == 4:
                return ""
            if column == 5:
                return self.met_text(total)
            if column == 6:
                return "，".join(f"{unit} {_num(v)}" for unit, v in total.by_unit.items())
        if role == SHARE_ROLE and column == 4:
            if total.total is None or not total.min:
                return None
            return total.total / total.min
        if role == Qt.ItemDataRole.BackgroundRole and column == 5 and total.met is not None:
            return MET_COLOR if total.met else UNMET_COLOR
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{total.measure_code} {total.measure_text}\n{total.raw}"
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ProvinceMatrix", _INDICATOR_HEADERS[section])
        return None
