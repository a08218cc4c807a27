"""帮助 → 关于, the application icon and the window title."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from models.version import __version__, version_line
from tests.support import fresh_ledger


def test_about_dialog_names_version_fonts_and_libraries(ledger_path, open_window, tmp_path):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    window.build_menus()
    assert [a.text() for a in window.help_menu.actions() if not a.isSeparator()] == [
        "使用说明(&G)", "关于任务台账(&A)…"]
    seen = {}

    def look(dialog):
        seen["title"] = dialog.windowTitle()
        seen["version"] = dialog.version_label.text()
        seen["licences"] = dialog.licences.toPlainText()
        seen["icon"] = dialog.icon_label.pixmap()
        seen["png"] = dialog.grab().save(str(tmp_path / "about.png"))
        dialog.reject()

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        look(dialog)
    QTimer.singleShot(0, poll)
    window.about.about_action.trigger()
    assert seen["title"] == "关于任务台账"
    assert version_line() in seen["version"] and __version__ in seen["version"]
    text = seen["licences"]
    for name, licence in (("PySide6", "LGPLv3"), ("openpyxl", "MIT"), ("ReportLab", "BSD"),
                          ("sqlite-utils", "Apache-2.0"), ("pypdf", "BSD"),
                          ("python-docx", "MIT"), ("Pillow", "HPND")):
        line = next(ln for ln in text.splitlines() if name in ln)
        assert licence in line, line
    assert "Arphic Public License" in text and "WenQuanYi" in text and "Apache License 2.0" in text
    assert not seen["icon"].isNull() and seen["icon"].width() == 64
    assert seen["png"]


def test_application_icon_and_window_title(ledger_path, open_window, monkeypatch):
    import ui.i18n
    from ui.app import make_application
    # Only the icon is under test: no translator left installed for later tests.
    monkeypatch.setattr(ui.i18n, "install_translator", lambda app: None)
    app = make_application([])
    assert not app.windowIcon().isNull()
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    assert window.windowTitle().startswith("任务台账") and "洛阳市" in window.windowTitle()
