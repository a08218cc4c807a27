"""Provincial-level measures (责任地市 "--") in the workbench, read-only.

FORMATS.md: units SEE these measures but do not report on them. The table shows them, when
the clerk ticks 显示省级举措（只读）, with scope 省级 and no status; the panel shows what
they ask with nothing to edit. The unit's own measure list (Ledger.measures, CLI ``tasks``)
is unchanged: these rows come from models.queries.issuer_codes/issuer_rows.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QSizePolicy, QWidget

from models import queries

from .measure_panel import MeasurePanel
from .measure_table import COLUMNS, MeasureTableModel

_C = "ReadOnlyMeasures"


def _id_key(code: str) -> tuple[int, int]:
    task, _, measure = code.partition(".")
    return int(task), int(measure or 0)


class MeasureTableWithIssuer(MeasureTableModel):
    """The unit's measures, plus the provincial-level ones when ``show_issuer`` is on."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.show_issuer = False
        self._issuer: set[str] = set()

    @property
    def issuer_codes(self) -> set[str]:
        """The codes of the read-only issuer's measures among the rows shown."""
        return set(self._issuer)

    @property
    def issuer_count(self) -> int:
        """How many of the rows shown are provincial-level (read-only) measures."""
        return len(self._issuer)

    def _all_codes(self) -> list[str]:
        ledger = self.session.ledger
        codes = queries.measure_codes(ledger, self.filter, order=self.order,
                                      descending=self.descending, search_hits=self.search_hits)
        extra = queries.issuer_codes(ledger, self.filter) if self.show_issuer else []
        self._issuer = set(extra)
        if not extra:
            return codes
        if self.order in ("id", "task"):
            # Sorted by number they sit where the plan has them; otherwise after the unit's own.
            merged = sorted(codes + extra, key=_id_key, reverse=self.descending)
            return merged
        return codes + extra

    def reload(self) -> None:
        self.beginResetModel()
        self._search()
        self._codes = self._all_codes()
        self._rows.clear()
        self.endResetModel()

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        self.order = COLUMNS[column][0]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self._codes = self._all_codes()
        self.layoutChanged.emit()

    def _row(self, index: int):
        code = self._codes[index]
        if code in self._issuer:
            if code not in self._rows:
                missing = [c for c in self._issuer if c not in self._rows]
                self._rows.update(queries.issuer_rows(self.session.ledger, missing))
            return self._rows.get(code)
        return super()._row(index)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._codes[index.row()] not in self._issuer:
            return super().data(index, role)
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#8a8a8a"))
        if key == "status" and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate(_C, "省级负责的举措：本单位只读，无需填报")
            return QCoreApplication.translate(_C, "省级（只读）")
        if key in ("updated", "evidence", "deadline") and role == Qt.ItemDataRole.DisplayRole:
            return ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return None
        return super().data(index, role)


class PanelWithIssuer(MeasurePanel):
    """The measure panel; a provincial-level measure is shown with nothing to edit."""

    def reload(self) -> None:
        row = None
        if self.code:
            row = queries.issuer_rows(self.session.ledger, [self.code]).get(self.code)
        if row is None:
            self._filler().setVisible(False)
            super().reload()
            return
        self.detail = None                  # nothing to save: commit_pending does nothing
        self.review_label.setVisible(False)
        if self.body is not None:
            self.body.setEnabled(False)
            self.body.setVisible(False)
        self._filler().setVisible(True)
        self.title.setText(self.tr("举措 {0}　省级（只读）").format(row.code))
        self.task_label.setText(self.tr("任务 {0}：{1}").format(row.task_no, row.task_content))
        self.text_label.setText(row.text)
        self.info_label.setText(self.list_facts_text(row) + "\n" + self.tr(
            "此举措由省级负责，本单位只需了解，无需填报进展或佐证材料。"))

    def _filler(self) -> QWidget:
        # With the editor hidden, this takes the spare height so the labels stay at the top.
        filler = getattr(self, "_read_only_filler", None)
        if filler is None:
            filler = self._read_only_filler = QWidget()
            filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
            self._outer.addWidget(filler, 1)
        return filler
