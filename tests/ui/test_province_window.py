"""The provincial office's window on real widgets: packages made by the program are dropped
on it (a QDropEvent with file URLs, the same path as the menu), the submissions table and the
matrix model show what the units handed in, a tampered package is refused and changes nothing,
a unit's handed-in files open, and the consolidated exports run through the window."""
from __future__ import annotations

import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog

import exports.package as package_module
from models.ledger import Ledger
from models.status import DONE, IN_PROGRESS, NOT_INVOLVED, NOT_STARTED
from tests.province.handin_fixtures import copy_ledger, make_package, rewrite_zip
from tests.support import as_in_a_test, built_once_per_run, dump_tables
from tests.ui.qt_support import drop_on

FIGURES = {"郑州市": 4, "洛阳市": 3, "兰考县": 1}      # 4.1: 高价值专利培育中心 6-10家


@pytest.fixture(scope="module")
def packages(tmp_path_factory, unit_packages):
    """Three units' packages (the session's) and a newer one from 洛阳市, with each city's
    statuses and per-measure entry/evidence counts to compare against."""
    def build(root):
        with as_in_a_test(root), pytest.MonkeyPatch.context() as mp:
            # made_at has whole seconds: the newer package is made a minute later (within the
            # clock allowance), not after waiting for the clock to tick
            later = (datetime.now().astimezone() + timedelta(minutes=1)).isoformat(timespec="seconds")
            mp.setattr(package_module, "now_stamp", lambda: later)
            with Ledger.open(copy_ledger(unit_packages["洛阳市"].db, root / "洛阳市")) as city:
                city.record("4.1", value=5, note="又建成2家", date="2021-10-01")
                newer = make_package(city, root / "out-洛阳市-new")
            tampered = rewrite_zip(unit_packages["郑州市"].package, root / "郑州市-tampered.zip",
                                   transform=lambda name, data: (name, data + b"x")
                                   if name.startswith("佐证材料/") and name.endswith(".txt")
                                   else (name, data))
        return {"newer": str(newer), "tampered": str(tampered)}

    built = built_once_per_run(tmp_path_factory, "province-window-packages", build)
    made = {unit: p.package for unit, p in unit_packages.items()}
    assert list(made) == list(FIGURES)
    made["洛阳市-new"] = Path(built["newer"])
    return {"zips": made, "cities": {unit: p.measures for unit, p in unit_packages.items()},
            "tampered": Path(built["tampered"])}


def drop(window, qtbot, paths):
    """Drag ``paths`` onto the window as a file manager would, and wait for the import.

    Sent to the table under the cursor: Qt hands it up to the window, as on a real drop."""
    window.last_results = None
    drop_on(window.tabs.currentWidget().table.viewport(), paths)
    qtbot.waitUntil(lambda: window.last_results is not None and not window.jobs, timeout=30000)
    return window.result_dialog


def units_in(window) -> list[str]:
    model = window.submissions.model
    return [model.unit_at(r) for r in range(model.rowCount())]


def cell(model, row, column, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column), role)


def test_dropped_packages_are_imported_and_every_view_shows_them(province_window, qtbot,
                                                                 packages):
    from ui.province.matrix import CELL_COLORS, MEASURES, NOT_SUBMITTED, STATE_ROLE
    window = province_window
    zips = packages["zips"]
    dialog = drop(window, qtbot, [zips[u] for u in FIGURES])
    assert dialog.isVisible()
    assert [outcome for outcome, _ in dialog.lines] == ["imported"] * 3
    assert all(message.startswith("已导入：") for _, message in dialog.lines)
    assert {Path(p).name for p in map(str, (zips[u] for u in FIGURES))} == {
        message.split("：", 1)[1].split("（")[0] for _, message in dialog.lines}

    # 报送情况: the three units first, with the counts their own ledgers hold; the rest missing.
    model = window.submissions.model
    assert sorted(units_in(window)[:3]) == sorted(FIGURES)
    for row in range(3):
        unit = model.unit_at(row)
        statuses = [s for s, _e, _v in packages["cities"][unit].values()]
        assert cell(model, row, 1) == "已报送"
        for column, status in zip(range(4, 8), (DONE, IN_PROGRESS, NOT_STARTED, NOT_INVOLVED)):
            assert cell(model, row, column) == str(statuses.count(status)), (unit, status)
        assert cell(model, row, 10) == zips[unit].name
    assert cell(model, 3, 1) == "未报送" and model.submission_at(3) is None
    from models.province.submissions import submission_status
    assert model.rowCount() == 3 + len(submission_status(window.session.ledger).missing)

    # 汇总矩阵 by measure: each cell is the unit's own status, coloured; tooltips count.
    matrix = window.consolidated.model
    window.consolidated.by_measure.setChecked(True)
    assert matrix.mode == MEASURES
    rows = {line.unit: i for i, line in enumerate(matrix.view.units)}
    columns = {m.code: j for j, m in enumerate(matrix.view.measures)}
    checked = 0
    for unit in FIGURES:
        for code, (status, entries, evidence) in packages["cities"][unit].items():
            if code not in columns:
                continue
            r, c = rows[unit], columns[code]
            assert cell(matrix, r, c, STATE_ROLE) == status
            assert cell(matrix, r, c, Qt.ItemDataRole.BackgroundRole) == CELL_COLORS[status]
            tip = cell(matrix, r, c, Qt.ItemDataRole.ToolTipRole)
            assert f"进展记录 {entries} 条，佐证材料 {evidence} 个" in tip
            checked += 1
    assert checked > 100
    missing = next(u for u in rows if u not in FIGURES)
    assert cell(matrix, rows[missing], 0, STATE_ROLE) == NOT_SUBMITTED
    brush = cell(matrix, rows[missing], 0, Qt.ItemDataRole.BackgroundRole)
    assert brush.style() == Qt.BrushStyle.BDiagPattern
    assert cell(matrix, rows[missing], 0) == ""

    # By task: "done/carried" of the unit on that task, green when all done.
    window.consolidated.by_task.setChecked(True)
    task_col = next(j for j, t in enumerate(matrix.view.tasks)
                    if t[0] == matrix.view.measures[columns["4.1"]].task_no)
    line = matrix.view.units[rows["郑州市"]]
    progress = line.tasks[matrix.view.tasks[task_col][0]]
    assert cell(matrix, rows["郑州市"], task_col) == f"{progress.done}/{progress.carried}"
    assert progress.done >= 1

    # Indicator totals: 4.1 adds up the units' figures against 6–10家.
    indicators = window.consolidated.indicator_model
    row = next(i for i, t in enumerate(indicators.rows) if t.measure_code == "4.1")
    assert cell(indicators, row, 3) == "8家"
    assert cell(indicators, row, 5) == "已达标"
    assert "6" in cell(indicators, row, 2) and "10" in cell(indicators, row, 2)
    assert "郑州市 4" in cell(indicators, row, 6)

    # The data is in the ledger file, not only on screen.
    with Ledger.open(window.session.path) as reopened:
        units = {r["unit"] for r in reopened.db.query("SELECT unit FROM submissions")}
    assert units == set(FIGURES)


def test_tampered_package_is_refused_with_its_message_and_changes_nothing(province_window,
                                                                          qtbot, packages):
    window = province_window
    before = dump_tables(window.session.path)
    window.tabs.setCurrentWidget(window.consolidated)       # dropped on the matrix this time
    dialog = drop(window, qtbot, [packages["tampered"]])
    assert len(dialog.lines) == 1
    outcome, message = dialog.lines[0]
    assert outcome == "refused"
    assert message == str(window.last_results[0])
    assert "郑州市-tampered.zip" in message and "未导入" in message and "SHA-256" in message
    assert dialog.list.item(0).text() == message
    assert dump_tables(window.session.path) == before
    assert "郑州市" not in [window.submissions.model.unit_at(r) for r in range(
        window.submissions.model.rowCount()) if window.submissions.model.submission_at(r)]


def test_one_refused_package_does_not_stop_the_others(province_window, qtbot, packages,
                                                     tmp_path):
    window = province_window
    note = tmp_path / "说明.txt"
    note.write_text("不是材料包", encoding="utf-8")
    dialog = drop(window, qtbot, [packages["tampered"], note, packages["zips"]["兰考县"]])
    assert sorted(outcome for outcome, _m in dialog.lines) == ["imported", "refused", "refused"]
    messages = [m for _o, m in dialog.lines]
    assert any("说明.txt" in m and "不是 zip 压缩包" in m for m in messages)
    assert "3 个材料包：导入 1 个" in dialog.summary.text()
    handed_in = [window.submissions.model.unit_at(r) for r in range(
        window.submissions.model.rowCount()) if window.submissions.model.submission_at(r)]
    assert handed_in == ["兰考县"]
    # Double-clicking the unit's row in the matrix shows its hand-in.
    matrix = window.consolidated
    window.tabs.setCurrentWidget(matrix)
    row = next(i for i, line in enumerate(matrix.model.view.units) if line.unit == "兰考县")
    matrix.table.doubleClicked.emit(matrix.model.index(row, 0))
    assert window.tabs.currentWidget() is window.submissions
    assert window.submissions.current_unit() == "兰考县"
    assert window.submissions.history_model.rowCount() == 1


def test_menu_import_reimport_and_newer_package_keep_history(province_window, qtbot, packages,
                                                             monkeypatch):
    window = province_window
    zips = packages["zips"]
    chosen = [str(zips["洛阳市"])]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    window.last_results = None
    window.import_action.trigger()
    qtbot.waitUntil(lambda: window.last_results is not None and not window.jobs, timeout=30000)
    assert window.result_dialog.lines[0][0] == "imported"

    before = dump_tables(window.session.path)
    window.last_results = None
    window.import_action.trigger()
    qtbot.waitUntil(lambda: window.last_results is not None and not window.jobs, timeout=30000)
    assert window.result_dialog.lines[0] == ("unchanged", window.last_results[0].message())
    assert dump_tables(window.session.path) == before

    dialog = drop(window, qtbot, [zips["洛阳市-new"]])
    assert dialog.lines[0][0] == "imported" and "替换" in dialog.lines[0][1]
    subs = window.submissions
    row = subs.model.row_of("洛阳市")
    assert cell(subs.model, row, 9) == "1 次"
    assert cell(subs.model, row, 10) == zips["洛阳市-new"].name
    subs.table.selectRow(row)
    assert subs.history_model.rowCount() == 2
    assert cell(subs.history_model, 0, 3) == "当前"
    assert cell(subs.history_model, 1, 3) == "已被替换（历史）"
    # The matrix follows the current package: 4.1 now counts 洛阳市's newer figure.
    indicators = window.consolidated.indicator_model
    total = next(t for t in indicators.rows if t.measure_code == "4.1")
    assert total.by_unit == {"洛阳市": 5}


def test_handed_in_files_open_as_copies(province_window, qtbot, packages, monkeypatch):
    import openpyxl
    from pypdf import PdfReader
    window = province_window
    drop(window, qtbot, [packages["zips"]["兰考县"]])
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(Path(url.toLocalFile())))
    subs = window.submissions
    subs.table.selectRow(subs.model.row_of("兰考县"))
    assert subs.open_xlsx.isEnabled()
    qtbot.mouseClick(subs.open_xlsx, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10000)   # copied off the GUI thread
    qtbot.mouseClick(subs.open_pdf, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=10000)
    workbook = openpyxl.load_workbook(opened[0])
    assert any("兰考县" in str(c.value) for ws in workbook for row in ws.iter_rows(max_row=5)
               for c in row if c.value)
    assert len(PdfReader(opened[1]).pages) >= 1
    # A unit that has not handed in has nothing to open.
    subs.table.selectRow(subs.model.row_of("郑州市"))
    assert not subs.open_xlsx.isEnabled() and not subs.open_pdf.isEnabled()


def test_consolidated_exports_run_through_the_window(province_window, qtbot, packages,
                                                     monkeypatch, tmp_path):
    import openpyxl
    window = province_window
    drop(window, qtbot, [packages["zips"][u] for u in FIGURES])
    offered = []
    monkeypatch.setattr(type(window), "offer_open", lambda self, path: offered.append(path))
    for action, name in ((window.exports.actions["province_table"], "全省.xlsx"),
                         (window.exports.actions["province_report"], "全省.pdf")):
        out = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, out=out, **k: (str(out), ""))
        action.trigger()
        qtbot.waitUntil(lambda out=out: bool(offered) and offered[-1] == out and not window.jobs,
                        timeout=60000)
    workbook = openpyxl.load_workbook(tmp_path / "全省.xlsx")
    for unit in FIGURES:
        assert any(unit in title for title in workbook.sheetnames), workbook.sheetnames
    text = "\n".join(str(c.value) for row in workbook.worksheets[0].iter_rows() for c in row
                     if c.value is not None)
    assert "郑州市" in text
    from tests.exports.pdf_support import page_texts
    assert "全省汇总" in "".join(page_texts(tmp_path / "全省.pdf"))


def test_first_start_can_create_a_provincial_ledger(tmp_path, monkeypatch):
    from ui.app import open_or_create
    from ui.dialogs import FirstStartDialog

    def accept_as_province(dialog):
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("province"))
        dialog.user_edit.setText("王五")
        assert not dialog.unit_combo.isEnabled()
        return 1

    monkeypatch.setattr(FirstStartDialog, "exec", accept_as_province)
    ledger = open_or_create(tmp_path / "new.db")
    try:
        assert ledger.role == "province" and ledger.user == "王五"
        assert len(ledger.units()) > 20
    finally:
        ledger.close()
    # The default kind is still a city ledger (the unit is the clerk's choice: none is made
    # for her).
    def accept_as_city(dialog):
        assert dialog.unit() == "" and not dialog.ok_button.isEnabled()
        dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findText("洛阳市"))
        dialog.user_edit.setText("李四")
        assert dialog.ok_button.isEnabled()
        return 1
    monkeypatch.setattr(FirstStartDialog, "exec", accept_as_city)
    with open_or_create(tmp_path / "city.db") as city:
        assert city.role == "city"


def test_screenshot_of_the_province_window(province_window, qtbot, packages):
    window = province_window
    drop(window, qtbot, [packages["zips"][u] for u in FIGURES])
    window.result_dialog.close()
    window.resize(1440, 900)
    for index, name in ((0, "submissions"), (1, "matrix")):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        image = window.grab()
        assert image.save(f"/tmp/province-window-{name}.png")
        assert image.width() >= 1280


def test_late_units_after_the_deadline(province_window, qtbot, packages, monkeypatch):
    window = province_window
    drop(window, qtbot, [packages["zips"]["郑州市"]])
    late = window.consolidated.late_list
    assert [late.item(i).text() for i in range(late.count())] == ["没有逾期单位"]
    monkeypatch.setenv("TASKLEDGER_TODAY", "2021-12-05")     # past the plan's 2021-11-30
    window.consolidated.reload()
    lines = [late.item(i).text() for i in range(late.count())]
    view = window.consolidated.view
    assert len(lines) == len(view.late_units) > 20
    zhengzhou = next(line for line in view.units if line.unit == "郑州市")
    row = next(i for i, text in enumerate(lines) if text.startswith("郑州市："))
    assert lines[row].startswith(f"郑州市：逾期举措 {len(zhengzhou.late)} 项")
    assert late.item(row).toolTip() == "、".join(zhengzhou.late)
    assert "开封市：截止日期已过，尚未报送" in lines


def test_a_missing_stored_copy_is_reported_not_opened(province_window, qtbot, packages,
                                                      monkeypatch, messages):
    from models.province.submissions import submission_files
    window = province_window
    drop(window, qtbot, [packages["zips"]["兰考县"]])
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    subs = window.submissions
    subs.table.selectRow(subs.model.row_of("兰考县"))
    sub = subs.selected_submission()
    stored = next(Path(f["stored"]) for f in submission_files(window.session.ledger, sub.id)
                  if f["role"] == "report_pdf")
    stored.unlink()
    handle = subs.open_file("report_pdf")
    qtbot.waitUntil(lambda: handle.done, timeout=10000)
    assert opened == []
    assert messages and "存档副本已缺失" in messages[-1][2]


def test_cancelled_import_keeps_what_was_whole_and_the_views_show_it(province_window, qtbot,
                                                                      packages, monkeypatch):
    import threading

    import ui.province.import_dialog as province_import
    from models.province.recording import import_package
    window = province_window
    started = threading.Event()

    def first_then_wait(ledger, paths, *, progress=None, cancelled=None):
        # The first package goes in whole; the cancel arrives before the second.
        results = [import_package(ledger, paths[0])]
        started.set()
        for _ in range(500):
            if cancelled():
                return results
            time.sleep(0.01)
        raise AssertionError("cancel never arrived")

    monkeypatch.setattr(province_import, "import_packages", first_then_wait)
    handle = window.import_packages([packages["zips"]["郑州市"], packages["zips"]["洛阳市"]])
    qtbot.waitUntil(started.is_set, timeout=30000)
    handle.cancel()
    qtbot.waitUntil(lambda: not window.jobs, timeout=30000)
    assert window.last_results is None and window.result_dialog is None
    assert "导入已取消" in window.statusBar().currentMessage()
    handed_in = [window.submissions.model.unit_at(r) for r in range(
        window.submissions.model.rowCount()) if window.submissions.model.submission_at(r)]
    assert handed_in == ["郑州市"]
    assert [line.unit for line in window.consolidated.view.submitted] == ["郑州市"]


def test_export_offers_to_open_the_file_or_its_folder(province_window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox
    window = province_window
    opened, texts = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(Path(url.toLocalFile())))
    for choice in ("打开文件", "打开所在文件夹", "关闭"):
        def exec_(box, choice=choice):
            texts.append(box.text())
            box.chosen = next(b for b in box.buttons() if b.text() == choice)
            return 0
        monkeypatch.setattr(QMessageBox, "exec", exec_)
        monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: box.chosen)
        window.offer_open(tmp_path / "全省.xlsx")
    assert opened == [tmp_path / "全省.xlsx", tmp_path]
    assert texts == [f"已保存：{tmp_path / '全省.xlsx'}"] * 3
