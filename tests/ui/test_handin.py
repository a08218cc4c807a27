"""Hand-in from the window: 缺项清单, the submission package, the 佐证材料汇编, the province's
workbook and the blank task list — driven through the real menu code, files read back."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from tests.support import fresh_ledger
from tests.ui.qt_support import when_modal




def make_ledger(path: Path, evidence: Path | None = None) -> None:
    with fresh_ledger(path) as ledger:
        ledger.record("1.2", status="已完成", note="印发配套文件", date="2021-09-01")
        ledger.record("2.1", status="推进中")           # no progress entry: a gap
        if evidence is not None:
            ledger.record("3.1", status="已完成", note="完成评估", date="2021-09-10")
            ledger.attach("3.1", evidence)


def ready(window):
    window.build_menus()            # normally right after the first paint
    return window


def wait_job(qtbot, handle, timeout=120000):
    if not handle.done:
        with qtbot.waitSignal(handle.finished, timeout=timeout):
            pass


def test_check_lists_the_gaps_and_double_click_opens_the_measure(ledger_path, open_window,
                                                                 sample_file, qtbot):
    make_ledger(ledger_path)
    window = ready(open_window(ledger_path))
    texts = [a.text() for a in window.file_menu.actions()]
    assert "报送前检查(&C)…" in texts and "导出报送材料包(&B)…" in texts
    window.handin.check_action.trigger()
    qtbot.waitUntil(lambda: window.handin.check_dialog is not None, timeout=30000)
    dialog = window.handin.check_dialog
    assert dialog.isVisible()
    rows = [[dialog.table.item(r, c).text() for c in range(4)]
            for r in range(dialog.table.rowCount())]
    assert ["已完成但无佐证", "1.2"] in [r[:2] for r in rows]
    assert ["无进展记录", "2.1"] in [r[:2] for r in rows]
    assert any(r[0] == "联系信息未填" and r[1] == "—" for r in rows)   # contacts not filled
    no_evidence = next(r for r in rows if r[:2] == ["已完成但无佐证", "1.2"])
    # The window's words, not a command line.
    assert no_evidence[2] == "已完成，但没有佐证材料" and no_evidence[3] == "添加佐证材料 →"
    assert not any("record" in r[3] or "attach" in r[3] or "命令" in r[3] for r in rows)
    # Click the 1.2 row: the main window shows that measure, its evidence list focused.
    row = next(i for i, r in enumerate(rows) if r[:2] == ["已完成但无佐证", "1.2"])
    window.table.selectRow(window.model.row_of("4.1"))
    assert window.panel.code == "4.1"
    rect = dialog.table.visualRect(dialog.table.model().index(row, 2))
    QTest.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.panel.code == "1.2", timeout=3000)
    assert window.focusWidget() is window.panel.add_evidence_button
    # 2.1's missing progress entry: the link focuses 添加进展.
    entry_gap = next(i for i, r in enumerate(rows) if r[:2] == ["无进展记录", "2.1"])
    dialog.table.activated.emit(dialog.table.model().index(entry_gap, 0))
    assert window.panel.code == "2.1" and window.focusWidget() is window.panel.add_entry_button
    # A contact gap opens 台账设置 with the cursor in that field.
    contact = next(i for i, r in enumerate(rows) if r[0] == "联系信息未填")
    seen = []

    def look(settings_dialog):
        seen.append([key for key, edit in settings_dialog.edits.items()
                     if settings_dialog.focusWidget() is edit])
        settings_dialog.reject()
    when_modal(look, qtbot)
    dialog.table.activated.emit(dialog.table.model().index(contact, 0))
    assert seen == [["unit_full_name"]]
    assert window.panel.code == "2.1"
    # The clerk adds evidence for 1.2 and checks again: that gap is gone, the dialog the same.
    dialog.table.activated.emit(dialog.table.model().index(row, 0))
    assert window.panel.code == "1.2"
    before = dialog.table.rowCount()
    wait_job(qtbot, window.panel.attach_files([sample_file]))
    assert window.panel.last_attached == 1
    dialog.recheck_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == before - 1, timeout=30000)
    assert window.handin.check_dialog is dialog
    rows = [[dialog.table.item(r, c).text() for c in range(2)]
            for r in range(dialog.table.rowCount())]
    assert ["已完成但无佐证", "1.2"] not in rows


def test_package_is_written_only_after_the_clerk_confirms_the_gaps(
        ledger_path, sample_file, tmp_path, open_window, qtbot, messages, monkeypatch):
    make_ledger(ledger_path, evidence=sample_file)
    window = ready(open_window(ledger_path))
    out = tmp_path / "报送" / "洛阳市-2021-报送材料.zip"
    out.parent.mkdir()
    asked = []

    def save_name(parent, title, default, file_filter):
        asked.append(Path(default).name)
        return str(out), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    offered = []
    monkeypatch.setattr(type(window), "offer_open", lambda self, path: offered.append(path))

    # First time the clerk goes back to fix things: nothing is asked, nothing written.
    seen = []

    def decline(dialog):
        seen.append(dialog.table.rowCount())
        dialog.findChild(QDialogButtonBox).buttons()[-1].click()      # 取消，先去补齐
    when_modal(decline)
    wait_job(qtbot, window.handin.export_package())
    assert seen and seen[0] > 0
    assert asked == [] and not out.exists()

    # Then exports anyway.
    def confirm(dialog):
        box = dialog.findChild(QDialogButtonBox)
        next(b for b in box.buttons() if b.objectName() == "export_anyway").click()
    when_modal(confirm)
    wait_job(qtbot, window.handin.export_package())
    wait_job(qtbot, window.handin.package_job)
    assert asked == ["洛阳市-2021-报送材料.zip"]        # exports.package's standard name
    assert offered == [out] and not messages, messages
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
    assert any(n.endswith(".xlsx") for n in names) and any(n.endswith(".pdf") for n in names)
    assert any(n.startswith("佐证材料/佐证3.1-1_") for n in names), names
    assert manifest["unit"] == "洛阳市"
    listed = {f["path"] for f in manifest["files"]}
    assert any(p.startswith("佐证材料/佐证3.1-1_") for p in listed)


def test_package_without_gaps_asks_nothing(ledger_path, tmp_path, open_window, qtbot,
                                           monkeypatch):
    make_ledger(ledger_path)
    window = ready(open_window(ledger_path))
    out = tmp_path / "包.zip"
    monkeypatch.setattr("models.check.check_ledger", lambda *a, **k: [])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    offered = []
    monkeypatch.setattr(type(window), "offer_open", lambda self, path: offered.append(path))
    wait_job(qtbot, window.handin.export_package())
    wait_job(qtbot, window.handin.package_job)
    assert offered == [out] and zipfile.is_zipfile(out)


def test_evidence_pdf_is_written_and_its_warnings_shown(ledger_path, sample_file, tmp_path,
                                                        open_window, qtbot, messages,
                                                        monkeypatch):
    make_ledger(ledger_path, evidence=sample_file)      # a PDF pypdf cannot merge: a warning
    window = ready(open_window(ledger_path))
    out = tmp_path / "汇编.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    offered = []
    monkeypatch.setattr(type(window), "offer_open", lambda self, path: offered.append(path))
    wait_job(qtbot, window.handin.export_evidence_pdf())
    assert offered == [out]
    from tests.exports.pdf_support import page_texts
    text = "".join(page_texts(out))
    assert "佐证材料汇编" in text and "3.1" in text
    assert messages and messages[-1][0] == "warning" and "佐证3.1-1" in messages[-1][2]


def test_tasklist_template_and_filling_the_provinces_workbook(ledger_path, tmp_path,
                                                              open_window, qtbot, messages,
                                                              monkeypatch):
    from openpyxl import load_workbook

    from models.plan.reader import read_plan_file
    make_ledger(ledger_path)
    window = ready(open_window(ledger_path))
    blank = tmp_path / "任务清单.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(blank), ""))
    offered = []
    monkeypatch.setattr(type(window), "offer_open", lambda self, path: offered.append(path))
    wait_job(qtbot, window.handin.export_tasklist())
    assert offered == [blank]
    plan = read_plan_file(blank)                       # reads back as the same plan
    assert plan["year"] == 2021
    assert sum(len(t["measures"]) for s in plan["sections"] for t in s["tasks"]) == 59

    # The province sends that table back; one row's text no longer matches any measure.
    wb = load_workbook(blank)
    ws = wb.active
    changed = [c for c in ws["B"] if c.value and len(str(c.value)) > 20][-1]   # the last measure
    changed.value = "这一行的内容省里改得面目全非，无法对应任何举措"
    template = tmp_path / "省里发来的表.xlsx"
    wb.save(template)
    filled = tmp_path / "填好的表.xlsx"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(template), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(filled), ""))
    wait_job(qtbot, window.handin.fill_template())
    assert offered[-1] == filled
    report = window.handin.last_template_report
    assert report.unmatched
    assert messages[-1][0] == "warning" and "未能匹配" in messages[-1][2]
    cells = [str(c.value) for row in load_workbook(filled).active.iter_rows() for c in row
             if c.value is not None]
    assert any("印发配套文件" in c for c in cells) and "已完成" in cells
    assert load_workbook(template).active[changed.coordinate].value.startswith("这一行")


def test_cancelled_file_choice_exports_nothing(ledger_path, open_window, monkeypatch):
    make_ledger(ledger_path)
    window = ready(open_window(ledger_path))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    assert window.handin.export_evidence_pdf() is None
    assert window.handin.export_tasklist() is None
    assert window.handin.fill_template() is None
    assert window.handin.import_plan() is None
    assert window.jobs == []
