"""The unit's measures as a table model that holds only codes and fetches rows on demand.

Filtering and sorting happen in SQL (models.queries); the model asks for rows in blocks as
the view paints them, so a long list costs what is on screen.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from models import queries
from models.deadlines import DUE_SOON, LATE
from models.plan.scope import SCOPE_LABELS
from models.queries import MeasureFilter
from models.status import STATUS_COLOURS

from . import i18n


SORT_ROLE = Qt.ItemDataRole.UserRole + 1      # raw value for sorting (numbers stay numbers)
CODE_ROLE = Qt.ItemDataRole.UserRole + 2      # the measure code of the row
BLOCK = 100                                   # rows fetched per query

# (key for models.queries sorting, header source text; lupdate needs the context literal)
COLUMNS = (
    ("id", QT_TRANSLATE_NOOP("MeasureTableModel", "编号")), ("task", QT_TRANSLATE_NOOP("MeasureTableModel", "任务")),
    ("text", QT_TRANSLATE_NOOP("MeasureTableModel", "落实举措")), ("scope", QT_TRANSLATE_NOOP("MeasureTableModel", "责任范围")),
    ("status", QT_TRANSLATE_NOOP("MeasureTableModel", "状态")), ("updated", QT_TRANSLATE_NOOP("MeasureTableModel", "最近更新")),
    ("evidence", QT_TRANSLATE_NOOP("MeasureTableModel", "佐证")), ("deadline", QT_TRANSLATE_NOOP("MeasureTableModel", "期限")),
    # the unit's part where the list tells lead and assisting units apart (牵头 / 配合)
    ("role", QT_TRANSLATE_NOOP("MeasureTableModel", "分工")),
    # 完成进度 / 序时进度 with the light (models.pace)
    ("light", QT_TRANSLATE_NOOP("MeasureTableModel", "进度/序时")),
    # The province's result in the feedback imported (shown once there is feedback).
    ("review", QT_TRANSLATE_NOOP("MeasureTableModel", "省级审核")),
)
REVIEW_COLUMN = len(COLUMNS) - 1
REVIEW_COLOURS = {"退回修改": "#b42318", "通过": "#2e7d32", "待审核": "#6b7280"}
ROLE_TEXT = {"lead": QT_TRANSLATE_NOOP("MeasureTableModel", "牵头"),
             "assisting": QT_TRANSLATE_NOOP("MeasureTableModel", "配合")}
DEADLINE_BACKGROUND = {LATE: "#fbe3e1", DUE_SOON: "#fff3d6"}
_ROLES = {Qt.ItemDataRole.DisplayRole, SORT_ROLE, CODE_ROLE, Qt.ItemDataRole.ToolTipRole,
          Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole,
          Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.FontRole,
          Qt.ItemDataRole.DecorationRole}



class MeasureTableModel(QAbstractTableModel):
    """Rows are measure codes; ``data`` loads MeasureRows in blocks and caches them."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.filter = MeasureFilter()
        self.order, self.descending = "id", False
        self._codes: list[str] = []
        self._rows: dict = {}
        # While searching: code → the places the text was found (models.search), shown with
        # the measure's text so the clerk sees why a row is listed.
        self.search_hits: dict[str, set[str]] = {}

    # ---- what to show --------------------------------------------------------------------
    def set_filter(self, flt: MeasureFilter) -> None:
        self.filter = flt
        self.reload()

    def _search(self) -> dict:
        from models.search import normalise_query, search_places
        if not normalise_query(self.filter.search):
            self.search_hits = {}
        else:
            self.search_hits = search_places(self.session.ledger, self.filter.search)
        return self.search_hits

    def reload(self) -> None:
        """Re-run the filter and sort in SQL; rows are fetched again as they are painted."""
        self.beginResetModel()
        self._codes = queries.measure_codes(self.session.ledger, self.filter,
                                            order=self.order, descending=self.descending,
                                            search_hits=self._search())
        self._rows.clear()
        self.endResetModel()

    def codes(self) -> list[str]:
        return list(self._codes)

    def code_at(self, row: int) -> str:
        return self._codes[row]

    def row_of(self, code: str) -> int:
        try:
            return self._codes.index(code)
        except ValueError:
            return -1

    def _row(self, index: int):
        code = self._codes[index]
        row = self._rows.get(code)
        if row is None:
            start = (index // BLOCK) * BLOCK
            block = [c for c in self._codes[start:start + BLOCK] if c not in self._rows]
            self._rows.update(queries.measure_rows(self.session.ledger, block))
            row = self._rows.get(code)
        return row

    # ---- Qt model interface --------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._codes)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("MeasureTableModel", COLUMNS[section][1])
        return None

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        self.order = COLUMNS[column][0]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self._codes = queries.measure_codes(self.session.ledger, self.filter,
                                            order=self.order, descending=self.descending,
                                            search_hits=self.search_hits)
        self.layoutChanged.emit()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # The view asks ~10 roles per cell on every paint; answer the unused ones at once.
        if role not in _ROLES or not index.isValid():
            return None
        row = self._row(index.row())
        if row is None:
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == SORT_ROLE:
            return self._raw(row, key)
        if role == CODE_ROLE:
            return row.code
        if key == "light" and role in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole):
            from .pace_view import light_icon, pace_tip
            return light_icon(row.light) if role == Qt.ItemDataRole.DecorationRole else pace_tip(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "text":
                places = self._places(row.code)
                return f"{places}\n{row.text}" if places else row.text
            if key == "task":
                return f"{row.task_no}. {row.task_content}"
            if key == "status" and row.pending:
                return QCoreApplication.translate(
                    "MeasureTableModel", "相关地市举措：尚未确认本单位是否涉及（状态：{0}）"
                ).format(i18n.label(row.status))
            if key == "deadline":
                return deadline_tip(row)
            if key == "role" and row.role in ROLE_TEXT:
                return QCoreApplication.translate(
                    "MeasureTableModel", "本单位为{0}单位").format(self._display(row, key))
            if key == "review" and row.review:
                return QCoreApplication.translate("MeasureTableModel", "省级审核：{0}\n{1}").format(
                    i18n.label(row.review), row.review_comment).strip()
            return None
        if role == Qt.ItemDataRole.ForegroundRole and key == "review" and row.review:
            return QBrush(QColor(REVIEW_COLOURS.get(row.review, "#000000")))
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return QBrush(QColor(STATUS_COLOURS.get(row.status, "#000000")))
        if role == Qt.ItemDataRole.ForegroundRole and key == "deadline" and not row.deadline_state:
            return QBrush(QColor("#8a8a8a" if row.own_deadline else "#b0b0b0"))
        if role == Qt.ItemDataRole.FontRole and key == "deadline" and not row.own_deadline:
            font = QFont()
            font.setItalic(True)      # the plan's hand-in date standing in for a 完成时限
            return font
        if role == Qt.ItemDataRole.BackgroundRole and row.deadline_state in DEADLINE_BACKGROUND:
            if key in ("id", "deadline"):
                return QBrush(QColor(DEADLINE_BACKGROUND[row.deadline_state]))
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("id", "evidence", "status",
                                                                "deadline", "updated", "role"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, row, key):
        if key == "id":
            return row.code
        if key == "task":
            return f"{row.task_no}. {row.task_content}"
        if key == "text":
            places = self._places(row.code)
            return f"〔{places}〕{row.text}" if places else row.text
        if key == "scope":
            # Scope labels come from models (data); a translation may still provide them.
            return i18n.label(SCOPE_LABELS.get(row.scope, row.scope))
        if key == "status":
            return i18n.label(row.shown_status)
        if key == "updated":
            return queries.last_touch(row) or "—"
        if key == "evidence":
            return str(row.evidence_count)
        if key == "deadline":
            return i18n.label(row.deadline_state) or (row.deadline or "")[5:]
        if key == "role":
            text = ROLE_TEXT.get(row.role)
            return QCoreApplication.translate("MeasureTableModel", text) if text else ""
        if key == "light":
            from .pace_view import pace_text
            return pace_text(row)
        if key == "review":
            # 待审核 stays blank: what the province decided stands out.
            if not row.review or row.review == "待审核":
                return ""
            shown = i18n.label(row.review)
            if not row.review_comment:
                return shown
            return QCoreApplication.translate("MeasureTableModel", "{0}：{1}").format(
                shown, row.review_comment)
        return None

    def places_text(self, code: str) -> str:
        """Where the search text was found in this measure, in words ("" when not searching)."""
        places = self.search_hits.get(code)
        if not places:
            return ""
        from models.search import PLACE_LABELS, PLACES
        return QCoreApplication.translate("MeasureTableModel", "、").join(
            i18n.label(PLACE_LABELS[p]) for p in PLACES if p in places)

    def _places(self, code: str) -> str:
        text = self.places_text(code)
        return QCoreApplication.translate("MeasureTableModel", "匹配：{0}").format(text) if text else ""

    def _raw(self, row, key):
        if key == "text":
            return row.text
        if key == "id":
            task, _, measure = row.code.partition(".")
            return int(task) * 1000 + int(measure or 0)
        if key == "task":
            return row.task_no
        if key == "evidence":
            return row.evidence_count
        if key == "updated":
            return queries.last_touch(row)
        if key == "deadline":
            return {LATE: 2, DUE_SOON: 1}.get(row.deadline_state, 0)
        if key == "light":
            return {"red": 0, "yellow": 1, "green": 2}.get(row.light, 3)
        return self._display(row, key)


def deadline_tip(row) -> str:
    """The 完成时限 as the list wrote it with its date, or that the hand-in date stands in."""
    if getattr(row, "unit_deadline", None):
        return QCoreApplication.translate("MeasureTableModel", "完成时限：{0}（本单位设定）").format(
            row.unit_deadline)
    if row.own_deadline:
        if row.deadline_text:
            return QCoreApplication.translate("MeasureTableModel", "完成时限：{0}（{1}）").format(
                row.deadline_text, row.own_deadline)
        return QCoreApplication.translate("MeasureTableModel", "完成时限：{0}").format(row.own_deadline)
    if row.deadline_text:
        return QCoreApplication.translate(
            "MeasureTableModel", "完成时限：{0}（无具体日期，按报送截止日期 {1} 提示）").format(
                row.deadline_text, row.deadline or "")
    return QCoreApplication.translate(
        "MeasureTableModel", "清单未规定完成时限：按报送截止日期 {0} 提示").format(row.deadline or "")
