"""The workbench driven through its real widgets; outcomes checked by reopening the ledger."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtWidgets import QDialogButtonBox

from models.ledger import Ledger
from tests.ui.qt_support import drop_on, when_modal
from tests.support import fresh_ledger


def select_measure(window, code: str) -> None:
    row = window.model.row_of(code)
    assert row >= 0, f"{code} not in the table"
    window.table.selectRow(row)
    assert window.panel.code == code


def press_ok(dialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def test_first_start_dialog_creates_the_ledger(tmp_path, qtbot):
    from ui.app import open_or_create
    path = tmp_path / "新台账" / "taskledger.db"

    def fill(dialog):
        dialog.unit_combo.setCurrentText("南阳市")
        dialog.user_edit.insert("李四")   # QTest.keyClicks cannot type Chinese
        press_ok(dialog)

    when_modal(fill, qtbot)
    ledger = open_or_create(path)
    assert ledger is not None
    ledger.close()
    with Ledger.open(path) as reopened:
        assert (reopened.unit, reopened.user) == ("南阳市", "李四")
        assert reopened.plan().year == 2021
        assert len(reopened.measures()) > 40


def test_first_start_cancelled_creates_nothing(tmp_path, qtbot):
    from ui.app import open_or_create
    path = tmp_path / "taskledger.db"
    when_modal(lambda dialog: dialog.reject(), qtbot)
    assert open_or_create(path) is None
    assert not path.exists()


def test_opening_a_file_that_is_not_a_ledger_shows_a_message(tmp_path, messages):
    from ui.app import open_or_create
    path = tmp_path / "notes.db"
    path.write_text("这不是台账", encoding="utf-8")
    assert open_or_create(path) is None
    assert messages and messages[0][0] == "critical"
    assert "不是台账" in messages[0][2]
    assert path.read_text(encoding="utf-8") == "这不是台账"


def test_edits_made_in_the_window_are_there_after_reopening(ledger_path, tmp_path, qtbot,
                                                            open_window, close_window, messages):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    select_measure(window, "4.1")

    # Status: keyboard on the combo (未启动 → 推进中), saved at once.
    combo = window.panel.status_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "推进中"
    assert window.panel.detail.row.status == "推进中"

    # A progress entry through the entry dialog.
    def fill(dialog):
        dialog.date_edit.setDate(dialog.date_edit.date().fromString("2021-10-12", "yyyy-MM-dd"))
        dialog.text_edit.insertPlainText("召开专利质量提升推进会")
        press_ok(dialog)

    when_modal(fill, qtbot)
    qtbot.mouseClick(window.panel.add_entry_button, Qt.MouseButton.LeftButton)
    assert window.panel.entries_table.rowCount() == 1

    # Problems typed, then the clerk moves to another measure: the text is saved.
    window.panel.problems_edit.insertPlainText("高价值专利培育经费不足")
    edit = window.panel.indicator_edits[window.panel.detail.indicators[0].id]
    edit.setText("12")                    # typed, not yet left: a refresh must keep it

    # A file dropped on the window becomes evidence of the current measure.
    evidence = tmp_path / "推进会纪要.pdf"
    evidence.write_bytes(b"%PDF-1.4 minutes")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(evidence))])
    drop_on(window.table.viewport(), mime)
    # Copying runs off the GUI thread; the panel shows the file when the job has stored it.
    qtbot.waitUntil(lambda: window.panel.evidence_table.rowCount() == 1, timeout=10000)
    # Dropped on a text field it is still evidence, not a path typed into the text.
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8 photo")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    drop_on(window.panel.problems_edit.viewport(), mime)
    qtbot.waitUntil(lambda: window.panel.evidence_table.rowCount() == 2, timeout=10000)
    assert "现场照片" not in window.panel.problems_edit.toPlainText()
    assert window.panel.indicator_edits[window.panel.detail.indicators[0].id].text() == "12"

    select_measure(window, "4.2")         # leaving 4.1 saves the problems text
    close_window(window)
    assert not messages

    with Ledger.open(ledger_path) as ledger:
        detail = ledger.measure("4.1")
        assert detail.row.status == "推进中"
        assert [(e.date, e.text) for e in detail.entries] == [("2021-10-12", "召开专利质量提升推进会")]
        assert detail.row.problems == "高价值专利培育经费不足"
        assert detail.indicators[0].value == 12
        assert sorted(e.original_name for e in detail.evidence) == ["推进会纪要.pdf", "现场照片.jpg"]
        minutes = next(e for e in detail.evidence if e.original_name == "推进会纪要.pdf")
        stored = ledger.evidence_path(minutes.sha256)
        assert stored.read_bytes() == b"%PDF-1.4 minutes"
    assert evidence.read_bytes() == b"%PDF-1.4 minutes"      # the original is untouched


def test_entries_edit_and_delete_with_confirmation(ledger_path, qtbot, open_window, messages):
    with fresh_ledger(ledger_path) as ledger:
        ledger.add_entry("3.1", "初稿", date="2021-09-01")
        ledger.add_entry("3.1", "第二条", date="2021-09-02")
    window = open_window(ledger_path)
    select_measure(window, "3.1")
    panel = window.panel
    panel.entries_table.selectRow(1)          # newest first: row 1 is 初稿

    def change(dialog):
        dialog.text_edit.setPlainText("修改后的进展")
        press_ok(dialog)

    when_modal(change, qtbot)
    panel.edit_entry()
    panel.entries_table.selectRow(0)          # 第二条
    panel.delete_entry()
    assert messages and messages[0][0] == "question" and "第二条" in messages[0][2]
    with Ledger.open(ledger_path) as reopened:
        assert [e.text for e in reopened.measure("3.1").entries] == ["修改后的进展"]


def test_relevant_measure_confirmation(ledger_path, qtbot, open_window):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    select_measure(window, "2.4")
    panel = window.panel
    assert panel.involved_box.isVisibleTo(window)
    assert not panel.involved_yes.isChecked() and not panel.involved_no.isChecked()
    # Not yet confirmed: shown as 待确认, not as 未启动.
    assert panel.status_combo.currentIndex() == -1
    assert panel.status_combo.placeholderText() == "待确认" and "待确认" in panel.title.text()
    # 不涉及 asks a short reason (printed in the 完成情况表's 备注).
    when_modal(lambda dialog: (dialog.reason_edit.setText("本市没有此类试点"), dialog.accept()), qtbot)
    qtbot.mouseClick(panel.involved_no, Qt.MouseButton.LeftButton)
    with Ledger.open(ledger_path) as reopened:
        row = reopened.measure("2.4").row
        assert (row.involved, row.status) == (False, "不涉及")
        assert row.not_involved_reason == "本市没有此类试点"
    assert "本市没有此类试点" in panel.reason_label.text()
    select_measure(window, "4.1")
    assert not panel.involved_box.isVisibleTo(window)


def test_a_refused_change_shows_a_message_and_changes_nothing(ledger_path, qtbot, open_window,
                                                             messages, monkeypatch):
    import models.ledger as ledger_module
    from models.errors import InvalidInput
    with fresh_ledger(ledger_path) as ledger:
        ledger.record("5.2", status="推进中", problems="原有问题")
    window = open_window(ledger_path)
    select_measure(window, "5.2")

    # Fail at the very end of the transaction, after the UPDATEs ran.
    def failing_audit(*args, **kwargs):
        raise InvalidInput("模拟：写入审计记录失败")
    with monkeypatch.context() as patch:
        patch.setattr(ledger_module, "record_audit", failing_audit)
        combo = window.panel.status_combo
        combo.setCurrentText("已完成")
        combo.activated.emit(combo.currentIndex())
    assert [m[2] for m in messages] == ["模拟：写入审计记录失败"]
    assert combo.currentText() == "推进中"            # the view falls back to the ledger

    # A bad figure is refused before anything is written.
    select_measure(window, "4.1")
    edit = window.panel.indicator_edits[window.panel.detail.indicators[0].id]
    edit.setText("十二")
    edit.editingFinished.emit()
    assert "不是数字" in messages[-1][2]
    with Ledger.open(ledger_path) as reopened:
        assert reopened.measure("5.2").row.status == "推进中"
        assert reopened.measure("5.2").row.problems == "原有问题"
        assert reopened.measure("4.1").indicators[0].value is None


def test_settings_dialog_saves_into_the_ledger(ledger_path, qtbot, open_window):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)

    def fill(dialog):
        dialog.edits["unit_full_name"].setText("洛阳市市场监督管理局")
        dialog.edits["contact_phone"].setText("0379-12345678")
        dialog.page_combo.setCurrentIndex(dialog.page_combo.findData("center"))
        press_ok(dialog)

    when_modal(fill, qtbot)
    window.edit_settings()
    with Ledger.open(ledger_path) as reopened:
        settings = reopened.settings()
    assert settings["unit_full_name"] == "洛阳市市场监督管理局"
    assert settings["contact_phone"] == "0379-12345678"
    assert settings["page_number_style"] == "center"


def test_window_state_goes_to_qsettings_not_the_ledger(ledger_path, open_window, close_window):
    from PySide6.QtCore import QSettings
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    select_measure(window, "9.1")
    close_window(window)
    assert QSettings().value("window/measure") == "9.1"
    assert QSettings().value("window/geometry") is not None
    window = open_window(ledger_path)
    assert window.panel.code == "9.1"


def test_dashboard_draws_the_summary(ledger_path, qtbot, open_window):
    from models.summary import summarize
    with fresh_ledger(ledger_path) as ledger:
        ledger.record("1.2", status="已完成")
        ledger.record("4.1", status="推进中", value=30)
        expected = summarize(ledger)
    window = open_window(ledger_path)
    window.tabs.setCurrentWidget(window.dashboard)
    summary = window.dashboard.summary
    assert summary.counts == expected.counts
    assert window.dashboard.sentence.text().endswith(expected.sentence())
    bars = window.dashboard.section_bars.items
    assert [round(b[1], 3) for b in bars] == [round(s.share, 3) for s in expected.sections]
    image = window.dashboard.grab().toImage()
    assert image.width() > 600
    # A change made in the ledger tab reaches the dashboard through the changed signal.
    window.tabs.setCurrentIndex(0)
    select_measure(window, "1.3")
    window.panel._record(status="已完成")
    window.tabs.setCurrentWidget(window.dashboard)
    assert window.dashboard.summary.counts["已完成"] == expected.counts["已完成"] + 1


def test_print_preview_shows_and_prints_the_same_report_as_the_pdf(ledger_path, tmp_path, qtbot,
                                                                   open_window, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
    from pypdf import PdfReader
    from exports.pdf_status import write_status_report
    from tests.exports.pdf_support import page_texts, squeeze
    with fresh_ledger(ledger_path) as ledger:
        ledger.record("1.2", status="已完成")
        ledger.record("2.3", status="推进中", note="召开推进会 & <部署>", date="2021-09-01")
    window = open_window(ledger_path)
    out = tmp_path / "preview.pdf"

    def exec_to_pdf(dialog):
        # What the preview draws, sent to a PDF instead of the screen.
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        dialog.paintRequested.emit(printer)
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", exec_to_pdf)
    handle = window.print_preview()
    if not handle.done:
        with qtbot.waitSignal(handle.finished, timeout=60000):
            pass
    qtbot.waitUntil(lambda: out.exists(), timeout=10000)
    assert len(PdfReader(out).pages) >= 1
    preview = window._preview_document.toPlainText()
    pdf = tmp_path / "status.pdf"
    write_status_report(window.session.ledger, pdf)
    printed = squeeze("".join(page_texts(pdf)))
    assert "洛阳市2021年推动知识产权高质量发展进度报告" in preview
    for line in preview.split("\n"):
        # every line of the preview is in the PDF: same title, parts, measures, entries
        if line.strip():
            assert squeeze(line) in printed, line
    assert "2021年9月1日：召开推进会 & <部署>" in preview
    with Ledger.open(ledger_path) as reopened:
        from models.summary import summarize
        assert summarize(reopened).sentence() in preview


def test_keyboard_delete_and_unsaved_figure_on_close(ledger_path, qtbot, open_window,
                                                     close_window, messages):
    with fresh_ledger(ledger_path) as ledger:
        ledger.add_entry("4.1", "要删除的进展", date="2021-09-01")
    window = open_window(ledger_path)
    select_measure(window, "4.1")
    table = window.panel.entries_table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert messages and messages[-1][0] == "question"
    assert table.rowCount() == 0
    # A figure typed and never left is still saved when the window closes.
    edit = window.panel.indicator_edits[window.panel.detail.indicators[0].id]
    edit.setText("7")
    close_window(window)
    with Ledger.open(ledger_path) as reopened:
        detail = reopened.measure("4.1")
        assert detail.entries == []
        assert detail.indicators[0].value == 7


def test_switching_to_another_years_plan(ledger_path, open_window, close_window):
    from models.plan.definition import load_builtin_plan
    plan = load_builtin_plan()
    plan.update(year=2022, title=plan["title"].replace("2021", "2022"), deadline="2022-11-30")
    with fresh_ledger(ledger_path) as ledger:
        ledger.record("4.1", status="已完成")
        new_id = ledger.add_plan(plan, make_current=False)
    window = open_window(ledger_path)
    select_measure(window, "4.1")
    assert "已完成" in window.model.data(window.model.index(window.model.row_of("4.1"), 4))
    window.plan_menu.aboutToShow.emit()             # what opening the menu does
    actions = [a for a in window.plan_menu.actions() if a.data() == new_id]
    assert len(actions) == 1 and not actions[0].isChecked()
    actions[0].trigger()
    assert window.plan.year == 2022 and "2022" in window.windowTitle()
    row = window.model.row_of("4.1")
    assert window.model.data(window.model.index(row, 4)) == "未启动"   # a new year starts afresh
    assert window.panel.code == window.model.code_at(0)
    close_window(window)
    with Ledger.open(ledger_path) as reopened:
        assert reopened.plan_id == new_id



def test_a_ledger_from_a_newer_program_is_refused_untouched(ledger_path, messages):
    import sqlite3

    from ui.app import open_or_create
    fresh_ledger(ledger_path).close()
    conn = sqlite3.connect(ledger_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = ledger_path.read_bytes()
    assert open_or_create(ledger_path) is None
    assert messages[-1][0] == "critical" and "更新版本" in messages[-1][2]
    assert ledger_path.read_bytes() == before


def test_menus_and_shortcuts_are_there_once_the_window_is_up(ledger_path, open_window):
    from PySide6.QtGui import QAction, QKeySequence
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    texts = [a.text() for a in window.file_menu.actions()]
    assert any("导出任务完成情况表" in t for t in texts) and any("台账设置" in t for t in texts)
    shortcuts = {a.shortcut().toString() for a in window.findChildren(QAction)}
    assert QKeySequence(QKeySequence.StandardKey.Find).toString() in shortcuts
    assert {"Ctrl+1", "Ctrl+2"} <= shortcuts
    tools = [a.text() for a in window.tools_menu.actions() if not a.isSeparator()]
    assert tools == ["校验佐证材料(&V)", "清理未关联的佐证材料(&U)…", "立即备份(&B)…",
                     "备份到U盘或其他位置(&S)…", "从备份恢复(&R)…"]
    assert [a.text() for a in window.edit_menu.actions()] == ["撤销", "重做"]
    help_items = [a.text() for a in window.help_menu.actions() if not a.isSeparator()]
    assert help_items[0] == "使用说明(&G)" and help_items[-1].startswith("关于")


def test_evidence_opens_as_a_named_copy_and_unlinks_after_confirmation(
        ledger_path, tmp_path, open_window, messages, monkeypatch, qtbot):
    from PySide6.QtGui import QDesktopServices
    source = tmp_path / "验收报告.pdf"
    source.write_bytes(b"%PDF-1.4 acceptance")
    with fresh_ledger(ledger_path) as ledger:
        ledger.attach("5.2", source)
        sha = ledger.evidence_for("5.2")[0].sha256
        stored = ledger.evidence_path(sha)
    window = open_window(ledger_path)
    select_measure(window, "5.2")
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    window.panel.evidence_table.selectRow(0)
    handle = window.panel.open_evidence()
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)     # the copy is made off the GUI thread
    assert handle.done
    shown = Path(opened[0])
    assert shown.name == "验收报告.pdf" and shown.read_bytes() == stored.read_bytes()
    assert shown != stored
    window.panel.unlink_evidence()
    assert messages[-1][0] == "question" and "验收报告.pdf" in messages[-1][2]
    assert window.panel.evidence_table.rowCount() == 0
    with Ledger.open(ledger_path) as reopened:
        assert reopened.evidence_for("5.2") == []
    assert stored.is_file()                       # the stored copy stays in the ledger


def test_dashboard_lists_open_their_measure(ledger_path, open_window, monkeypatch):
    monkeypatch.setenv("TASKLEDGER_TODAY", "2021-12-05")      # everything not done is late
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    window.tabs.setCurrentWidget(window.dashboard)
    late = window.dashboard.late_list
    assert late.count() > 10
    item = late.item(3)
    code = item.data(Qt.ItemDataRole.UserRole + 1)
    late.itemActivated.emit(item)
    assert window.tabs.currentIndex() == 0 and window.panel.code == code


def test_an_unexpected_failure_is_shown_too_and_rolls_back(ledger_path, open_window, messages,
                                                          monkeypatch):
    import sqlite3

    import models.ledger as ledger_module
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    select_measure(window, "5.2")

    def disk_full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")
    with monkeypatch.context() as patch:
        patch.setattr(ledger_module, "record_audit", disk_full)
        window.panel.status_combo.setCurrentText("已完成")
        window.panel.status_combo.activated.emit(window.panel.status_combo.currentIndex())
    assert "磁盘已满" in messages[-1][2]            # told as a full disk, not a damaged ledger
    assert window.panel.status_combo.currentText() == "未启动"
    with Ledger.open(ledger_path) as reopened:
        assert reopened.measure("5.2").row.status == "未启动"
