"""Evidence in the window (issue 14): refused drops named, large files asked about, the
file's own date and note edited, unlinked files purged, the compressed 汇编 offered."""
from __future__ import annotations

import json
import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from models.ledger import Ledger
from tests.ui.qt_support import drop_on, when_modal
from tests.support import fresh_ledger


def _select(window, code: str) -> None:
    window.table.selectRow(window.model.row_of(code))
    assert window.panel.code == code


def _wait(qtbot, handle, timeout=60000):
    if handle is not None and not handle.done:
        with qtbot.waitSignal(handle.finished, timeout=timeout):
            pass


def test_dropped_folders_and_empty_files_are_named_and_the_rest_attached(
        ledger_path, tmp_path, open_window, messages, qtbot):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    _select(window, "5.2")
    empty = tmp_path / "空文件.pdf"
    empty.write_bytes(b"")
    folder = tmp_path / "照片文件夹"
    folder.mkdir()
    good = tmp_path / "验收报告.pdf"
    good.write_bytes(b"%PDF-1.4 acceptance")
    drop_on(window.table.viewport(), [empty, folder, good])
    assert messages[-1][0] == "warning"
    assert "空文件.pdf" in messages[-1][2] and "照片文件夹" in messages[-1][2]
    qtbot.waitUntil(lambda: window.panel.evidence_table.rowCount() == 1, timeout=10000)
    assert window.panel.evidence_table.item(0, 0).text() == "验收报告.pdf"


def test_a_large_file_is_attached_only_after_the_clerk_agrees(
        ledger_path, tmp_path, open_window, messages, monkeypatch, qtbot):
    with fresh_ledger(ledger_path) as ledger:
        ledger.set_settings(evidence_large_mb="1")
    window = open_window(ledger_path)
    _select(window, "5.2")
    video = tmp_path / "现场视频.mp4"
    video.write_bytes(os.urandom(1024) * 1200)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: messages.append(("question", a[1], a[2]))
                        or QMessageBox.StandardButton.No)
    assert window.panel.attach_files([video]) is None
    assert "现场视频.mp4" in messages[-1][2] and "备份" in messages[-1][2]
    assert window.panel.evidence_table.rowCount() == 0 and window.jobs == []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _wait(qtbot, window.panel.attach_files([video]))
    assert window.panel.evidence_table.rowCount() == 1
    with Ledger.open(ledger_path) as ledger:
        assert ledger.evidence_for("5.2")[0].size == video.stat().st_size


def test_date_and_note_are_edited_in_the_panel(ledger_path, sample_file, open_window, qtbot):
    with fresh_ledger(ledger_path) as ledger:
        ledger.attach("5.2", sample_file, date="2021-10-15")
    window = open_window(ledger_path)
    _select(window, "5.2")
    window.panel.evidence_table.selectRow(0)

    def fill(dialog):
        dialog.date_edit.setDate(dialog.date_edit.date().fromString("2021-06-18", "yyyy-MM-dd"))
        dialog.note_edit.setPlainText("专题会议纪要（盖章版）")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    when_modal(fill, qtbot)
    qtbot.mouseClick(window.panel.edit_evidence_button, Qt.MouseButton.LeftButton)
    table = window.panel.evidence_table
    assert (table.item(0, 1).text(), table.item(0, 2).text()) == ("2021-06-18", "专题会议纪要（盖章版）")
    with Ledger.open(ledger_path) as ledger:
        item = ledger.evidence_for("5.2")[0]
        assert (item.evidence_date, item.note) == ("2021-06-18", "专题会议纪要（盖章版）")
        assert ledger.audit_log()[-1].action == "edit_evidence"


def test_unlinked_files_are_purged_from_the_tools_menu(ledger_path, sample_file, open_window,
                                                       messages, qtbot):
    with fresh_ledger(ledger_path) as ledger:
        item = ledger.attach("5.2", sample_file)
        stored = ledger.evidence_path(item.sha256)
    window = open_window(ledger_path)
    window.build_menus()
    _select(window, "5.2")
    window.panel.evidence_table.selectRow(0)
    window.panel.unlink_evidence()
    assert "清理未关联的佐证材料" in messages[-1][2]
    assert stored.is_file()
    _wait(qtbot, window.evidence_actions.purge())
    assert "会议纪要.pdf" in messages[-1][2] and messages[-1][0] == "question"
    assert not stored.exists()
    assert window.evidence_actions.last_purge.files_removed == 1
    with Ledger.open(ledger_path) as ledger:
        audit = ledger.audit_log()[-1]
        assert audit.action == "purge_evidence"
        assert json.loads(audit.detail)["records"][0]["name"] == "会议纪要.pdf"
    assert window.evidence_actions.purge() is None            # nothing left
    assert "没有未关联" in messages[-1][2]


def test_the_compressed_book_is_offered_under_its_own_name(ledger_path, tmp_path, open_window,
                                                          monkeypatch, qtbot):
    from PIL import Image
    photo = tmp_path / "现场.jpg"
    Image.new("RGB", (1600, 1200), (30, 90, 160)).save(photo)
    with fresh_ledger(ledger_path) as ledger:
        ledger.attach("5.2", photo)
    window = open_window(ledger_path)
    window.build_menus()
    assert "压缩" in window.handin.evidence_pdf_compact_action.text()
    asked = []
    out = tmp_path / "汇编.pdf"

    def save_dialog(parent, title, start, *args):
        asked.append(start)
        return str(out), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    offered = []
    monkeypatch.setattr(type(window), "offer_open", lambda self, path: offered.append(path))
    window.handin.evidence_pdf_compact_action.trigger()
    qtbot.waitUntil(lambda: offered == [out], timeout=60000)
    assert asked[0].endswith("佐证材料汇编（压缩）.pdf")
    from pypdf import PdfReader
    assert "压缩" in PdfReader(out).pages[0].extract_text()


def test_the_large_file_size_is_a_ledger_setting(ledger_path, qtbot):
    from ui.dialogs import SettingsDialog
    with fresh_ledger(ledger_path) as ledger:
        dialog = SettingsDialog(ledger.settings())
        qtbot.addWidget(dialog)
        assert dialog.large_spin.value() == 100
        dialog.large_spin.setValue(250)
        ledger.set_settings(**dialog.values())
        assert ledger.large_evidence_bytes() == 250 * 1024 * 1024
        again = SettingsDialog(ledger.settings())
        qtbot.addWidget(again)
        assert again.large_spin.value() == 250
