"""The loop with the province in both windows, on real widgets: the province reviews and
sends feedback; the unit's window shows it (banner, column, filter, panel, 缺项清单) and shows
the changelog before the next package; the province sees what changed; divisions."""
from __future__ import annotations

import json
import zipfile

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from exports.feedback import write_feedback
from models.ledger import Ledger
from models.province.recording import import_package
from models.review import PASSED, PENDING, RETURNED, set_review, set_review_comment
from tests.province.handin_fixtures import copy_file, copy_ledger, make_package
from tests.ui.qt_support import drop_on, when_modal
from tests.support import fresh_province_ledger


def _wait(qtbot, handle, timeout=120000):
    if handle is not None and not handle.done:
        with qtbot.waitSignal(handle.finished, timeout=timeout):
            pass


@pytest.fixture
def reviewed(city_template, tmp_path):
    """洛阳市's ledger (copy) and a feedback file from the province sending its first
    measure back; its second passed."""
    city_db = copy_ledger(city_template.db, tmp_path / "city")
    with fresh_province_ledger(tmp_path / "province.db", user="王五") as province:
        import_package(province, city_template.package)
        codes = [row.code for row in province.measures(unit="洛阳市")]
        set_review(province, "洛阳市", codes[0], result=RETURNED, comment="请补充会议纪要原件")
        set_review(province, "洛阳市", codes[1], result=PASSED)
        set_review_comment(province, "洛阳市", "请于月底前重报")
        (tmp_path / "fb").mkdir()
        feedback = write_feedback(province, tmp_path / "fb", unit="洛阳市")
    return city_db, feedback, codes


def test_the_unit_window_shows_the_feedback_and_the_changelog(reviewed, open_window, qtbot,
                                                              messages, tmp_path, monkeypatch):
    from ui.measure_table import REVIEW_COLUMN
    city_db, feedback, codes = reviewed
    window = open_window(city_db)
    window.build_menus()
    assert "导入审核反馈(&F)…" in [a.text() for a in window.file_menu.actions()]
    assert window.feedback_banner.isHidden() and window.table.isColumnHidden(REVIEW_COLUMN)
    assert window.returned_check.isHidden()

    # Dropped on the window: a feedback file is imported, not attached as evidence.
    window.handin.last_feedback_lines = None
    drop_on(window.table.viewport(), [feedback])
    qtbot.waitUntil(lambda: window.handin.last_feedback_lines is not None and not window.jobs,
                    timeout=30000)
    assert messages and messages[-1][0] == "information" and "已导入" in messages[-1][2]
    assert window.panel.detail.evidence == [] or all(
        e.original_name != feedback.name for e in window.panel.detail.evidence)
    banner = window.feedback_banner
    assert banner.isVisible() and "退回修改 1 项" in banner.text() and "请于月底前重报" in banner.text()
    assert not window.table.isColumnHidden(REVIEW_COLUMN) and window.returned_check.isVisible()
    row = window.model.row_of(codes[0])
    shown = window.model.data(window.model.index(row, REVIEW_COLUMN))
    assert shown == "退回修改：请补充会议纪要原件"
    assert window.model.data(window.model.index(window.model.row_of(codes[2]), REVIEW_COLUMN)) == ""

    # The filter lists the measures sent back; the panel shows the comment.
    window.returned_check.setChecked(True)
    assert window.model.codes() == [codes[0]]
    window.table.selectRow(0)
    assert window.panel.review_label.isVisible()
    assert "请补充会议纪要原件" in window.panel.review_label.text()
    assert "尚未修改" in window.panel.review_label.text()

    # The unit fixes it; the panel says so; the next package shows what changed first.
    window.session.write(window, window.session.ledger.record, codes[0],
                         note="补充会议纪要原件", date="2021-10-12")
    assert "已修改，待重新报送" in window.panel.review_label.text()
    out = tmp_path / "v2.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(type(window), "offer_open", lambda self, path: None)
    seen = {}

    def changelog(dialog):
        seen["title"] = dialog.windowTitle()
        seen["text"] = dialog.details.toPlainText()
        next(b for b in dialog.findChild(QDialogButtonBox).buttons()
             if b.objectName() == "export").click()

    def gaps(dialog):
        seen["gaps"] = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        when_modal(changelog)
        next(b for b in dialog.findChild(QDialogButtonBox).buttons()
             if b.objectName() == "export_anyway").click()
    when_modal(gaps)
    _wait(qtbot, window.handin.export_package())
    _wait(qtbot, window.handin.package_job)
    assert "省级退回修改" not in seen["gaps"]              # changed since: no longer a gap
    assert "第2版" in seen["title"] and f"举措 {codes[0]}：进展：新增1条" in seen["text"]
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["version"] == 2 and [c["code"] for c in manifest["changelog"]] == [codes[0]]
    assert "已制作第2版，等待省级审核" in banner.text()


def test_returned_measures_are_listed_by_the_check_until_changed(reviewed, open_window, qtbot):
    from models.feedback import import_feedback
    city_db, feedback, codes = reviewed
    with Ledger.open(city_db) as city:
        import_feedback(city, feedback)
    window = open_window(city_db)
    window.build_menus()
    window.handin.check_action.trigger()
    qtbot.waitUntil(lambda: window.handin.check_dialog is not None, timeout=30000)
    dialog = window.handin.check_dialog
    rows = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())]
    returned = [r for r in rows if r[0] == "省级退回修改"]
    assert returned == [["省级退回修改", codes[0], "被省级退回修改：请补充会议纪要原件"]]


def _import(window, qtbot, path):
    window.last_results = None
    _wait(qtbot, window.import_packages([path]))
    qtbot.waitUntil(lambda: window.last_results is not None, timeout=30000)
    window.result_dialog.close()
    return window.last_results[0]


def _row(review, code) -> int:
    return next(r for r in range(review.table.rowCount())
                if review.table.item(r, 0).text() == code)


def test_the_province_reviews_sees_changes_and_sends_feedback(province_window, qtbot, messages,
                                                              city_template, tmp_path, monkeypatch):
    window = province_window
    assert _import(window, qtbot, copy_file(city_template.package, tmp_path / "v1")).version == 1
    subs = window.submissions
    window.show_unit("洛阳市")
    assert subs.current_unit() == "洛阳市"
    review = subs.review
    codes = [item.code for item in review.review.items]
    total = len(codes)
    review.table.selectRow(_row(review, codes[1]))
    assert review.pass_button.isEnabled()
    review.pass_button.click()
    assert subs.model.data(subs.model.index(0, 13)) == f"1 / 0 / {total - 1}"
    assert subs.model.data(subs.model.index(0, 11)) == "第1版"

    # 退回修改… asks for the comment.
    review.table.selectRow(_row(review, codes[0]))

    def comment(dialog):
        dialog.comment.setPlainText("请补充会议纪要原件")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    when_modal(comment)
    assert review.return_button.isEnabled()
    review.return_button.click()
    item = next(i for i in review.review.items if i.code == codes[0])
    assert (item.result, item.comment) == (RETURNED, "请补充会议纪要原件")
    assert review.table.item(_row(review, codes[0]), 4).text() == RETURNED
    review.overall.setPlainText("请于月底前重报")
    review.overall.document().setModified(True)
    review.overall.commit()
    assert review.review.comment == "请于月底前重报"

    # The matrix marks what was sent back; by measure, a double-click opens the review.
    matrix = window.consolidated
    matrix.by_measure.setChecked(True)
    r = next(i for i, line in enumerate(matrix.model.view.units) if line.unit == "洛阳市")
    c = next(j for j, m in enumerate(matrix.model.view.measures) if m.code == codes[0])
    assert matrix.model.data(matrix.model.index(r, c)).endswith("↩")
    assert "请补充会议纪要原件" in matrix.model.data(matrix.model.index(r, c),
                                              Qt.ItemDataRole.ToolTipRole)
    opened = {}

    def look(dialog):
        opened["title"] = dialog.windowTitle()
        dialog.reject()
    when_modal(look)
    matrix.table.doubleClicked.emit(matrix.model.index(r, c))
    assert opened["title"] == f"审核 — 洛阳市 举措 {codes[0]}"

    # Feedback for the unit shown in 报送情况.
    out = tmp_path / "fb.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    _wait(qtbot, window.review_actions.export_feedback())
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["content"]["comment"] == "请于月底前重报"

    # Version 2 changes only the measure sent back: it is pending again, the other kept.
    with Ledger.open(copy_ledger(city_template.db, tmp_path / "city")) as city:
        city.record(codes[0], note="补充会议纪要原件", date="2021-10-12")
        v2 = make_package(city, tmp_path / "v2")
    result = _import(window, qtbot, v2)
    assert (result.version, result.changed) == (2, [codes[0]])
    assert review.review.version == 2 and review.review.changed == [codes[0]]
    assert review.table.item(_row(review, codes[0]), 4).text() == PENDING
    assert review.table.item(_row(review, codes[0]), 3).text() == "进展：新增1条"
    assert review.table.item(_row(review, codes[1]), 4).text() == PASSED
    review.changed_only.setChecked(True)
    assert review.table.rowCount() == 1
    review.table.selectRow(0)
    dialog = review.show_previous()
    assert dialog.table.horizontalHeaderItem(0).text() == "第1版（上一版）"
    entries = [dialog.table.item(1, k).text() for k in range(2)]
    assert "补充会议纪要原件" in entries[1] and "补充会议纪要原件" not in entries[0]
    assert "上一版审核：退回修改" in " ".join(l.text() for l in dialog.findChildren(type(dialog.summary)))
    dialog.close()
    assert subs.history_model.rowCount() == 2


def test_divisions_in_the_province_window(province_window, qtbot, messages):
    from models.province.divisions import divisions
    from ui.province.divisions import CODE_ROLE
    window = province_window
    dialog = window.review_actions.edit_divisions()
    dialog.name_edit.setText("保护处")
    assert dialog.add()
    assert dialog.table.columnCount() == 3
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "1.1")
    cell = dialog.table.item(row, 2)
    assert cell.data(CODE_ROLE) == "1.1"
    cell.setCheckState(Qt.CheckState.Checked)
    assert divisions(window.session.ledger)[0].measures == ["1.1"]
    dialog.name_edit.setText("郑州市")
    assert not dialog.add() and "已在本方案的单位名单中" in messages[-1][2]

    record = window.review_actions.record_for_division()
    assert record.division_combo.currentData() == "保护处" and record.measure_combo.currentData() == "1.1"
    record.status_combo.setCurrentIndex(record.status_combo.findData("已完成"))
    record.note_edit.setPlainText("规划已印发")
    assert record.save()
    row = window.session.ledger.measure("1.1", unit="保护处").row
    assert (row.status, row.entry_count) == ("已完成", 1)
    units = [window.submissions.model.unit_at(r) for r in range(window.submissions.model.rowCount())]
    at = units.index("保护处")
    assert window.submissions.model.data(window.submissions.model.index(at, 1)) == "省局直接填报"
    matrix = window.consolidated.model
    assert "保护处" in [line.unit for line in matrix.view.units]
    assert "1.1" in [m.code for m in matrix.view.measures]
    # A division with data cannot lose its measure.
    cell = dialog.table.item(row_of(dialog, "1.1"), 2)
    cell.setCheckState(Qt.CheckState.Unchecked)
    assert "不能取消分配" in messages[-1][2]
    assert dialog.table.item(row_of(dialog, "1.1"), 2).checkState() == Qt.CheckState.Checked


def row_of(dialog, code: str) -> int:
    return next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == code)
