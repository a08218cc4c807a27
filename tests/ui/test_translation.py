"""The English interface (resources/i18n/taskledger_en.ts): complete, current, and covering
every string of the main window; Chinese stays the default."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QGroupBox, QLabel,
                               QLineEdit, QListWidget, QMenu, QPlainTextEdit, QTextEdit,
                               QTreeWidget, QWidget)

from models.ledger import Ledger
from models.summary import summarize
from tests.support import fresh_ledger

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "taskledger_en.ts"
# CJK characters and CJK punctuation; the ideographic space (U+3000) is only a separator.
CJK = re.compile(r"[\u3001-\u303f\u3400-\u9fff\uff00-\uffef]")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
sys.path.insert(0, str(ROOT / "tools"))
import i18n as i18n_tool  # noqa: E402  (tools/i18n.py)


# ---- the .ts file ----------------------------------------------------------------------------
def messages_of(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message.findtext("source"), message.find("translation")


def test_every_message_has_a_finished_english_translation():
    assert TS.is_file()
    assert i18n_tool.unfinished(TS) == []
    seen = 0
    for context, source, translation in messages_of(TS):
        seen += 1
        text = translation.text or ""
        where = f"[{context}] {source!r} → {text!r}"
        assert text.strip(), where
        # Placeholders survive, accelerators too (one & marker in, one out).
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), where
        assert source.replace("&&", "").count("&") == text.replace("&&", "").count("&"), where
        # File name patterns stay Chinese (what the province receives); nothing else does.
        if not re.search(r"\.(pdf|xlsx)$", source):
            assert not CJK.search(text), where
    assert seen > 200


def test_the_ts_holds_every_string_the_code_marks(tmp_path):
    """lupdate over the current code adds nothing untranslated: the .ts is not stale."""
    copy = tmp_path / "taskledger_en.ts"
    shutil.copy(TS, copy)
    files = [str(p) for p in i18n_tool.sources()]
    subprocess.run([i18n_tool._tool("lupdate"), *files, "-ts", str(copy), "-no-obsolete",
                    "-locations", "none", "-source-language", "zh_CN", "-target-language", "en"],
                   check=True, capture_output=True, cwd=ROOT)
    assert i18n_tool.unfinished(copy) == []


def test_lrelease_compiles_the_ts(tmp_path):
    from ui.i18n import compile_ts
    qm = tmp_path / "taskledger_en.qm"
    compile_ts(TS, qm)
    from PySide6.QtCore import QTranslator
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("MainWindow", "文件(&F)") == "&File"
    assert translator.translate("Model", "已完成") == "Done"


# ---- choosing the language -------------------------------------------------------------------
def test_chinese_stays_the_default():
    from ui import i18n
    assert i18n.saved_language() == "auto"
    for name in ("zh_CN", "zh_TW", "C", "de_DE", "ja_JP", "fr_FR"):
        assert i18n.effective_language("auto", QLocale(name)) == "zh_CN", name
    assert i18n.effective_language("auto", QLocale("en_US")) == "en"
    assert i18n.effective_language("auto", QLocale("en_GB")) == "en"
    assert i18n.effective_language("zh_CN", QLocale("en_US")) == "zh_CN"
    assert i18n.effective_language("en", QLocale("zh_CN")) == "en"


def test_chinese_window_is_untouched_by_the_translation(ledger_path, open_window, qapp):
    from ui import i18n
    fresh_ledger(ledger_path).close()
    assert i18n.install_translator(qapp, "zh_CN") == "zh_CN"
    try:
        window = open_window(ledger_path)
        window.build_menus()
        assert [a.text() for a in window.menuBar().actions()][:5] == [
            "文件(&F)", "编辑(&E)", "方案(&P)", "工具(&T)", "视图(&V)"]
        assert window.model.headerData(2, Qt.Orientation.Horizontal) == "落实举措"
        assert window.status_combo.itemText(1) == "已完成"
    finally:
        i18n.remove_translators(qapp)


def test_qm_is_compiled_into_the_user_folder_never_the_program_folder(tmp_path, monkeypatch):
    from models.paths import user_data_dir
    from ui import i18n
    program = tmp_path / "program"
    (program / "i18n").mkdir(parents=True)
    shutil.copy(TS, program / "i18n" / "taskledger_en.ts")
    monkeypatch.setattr(i18n, "resource_path", lambda *parts: program.joinpath(*parts))
    qm = i18n.translation_file("en")
    assert qm == user_data_dir() / "i18n" / "taskledger_en.qm" and qm.is_file()
    assert sorted(p.name for p in (program / "i18n").iterdir()) == ["taskledger_en.ts"]
    built = qm.stat().st_mtime_ns
    assert i18n.translation_file("en") == qm and qm.stat().st_mtime_ns == built   # cached
    # A .qm in the program folder newer than the .ts (tools/i18n.py build) is used as is.
    shipped = program / "i18n" / "taskledger_en.qm"
    shutil.copy(qm, shipped)
    assert i18n.translation_file("en") == shipped
    # Frozen: only the bundled .qm counts, nothing is compiled.
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert i18n.translation_file("en") == shipped
    shipped.unlink()
    assert i18n.translation_file("en") is None


def test_language_menu_saves_the_choice_for_the_next_start(ledger_path, open_window, messages):
    from ui import i18n
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    window.build_menus()
    actions = {a.data(): a for a in window.language.language_menu.actions()}
    assert set(actions) == {"auto", "zh_CN", "en"} and actions["auto"].isChecked()
    actions["en"].trigger()
    assert QSettings().value(i18n.LANGUAGE_KEY) == "en"
    assert i18n.saved_language() == "en" and i18n.effective_language() == "en"
    assert messages and "重新启动" in messages[-1][2]


# ---- the English main window -----------------------------------------------------------------
@pytest.fixture
def english(qapp, tmp_path):
    from ui import i18n
    qm = tmp_path / "taskledger_en.qm"
    i18n.compile_ts(TS, qm)
    from PySide6.QtCore import QTranslator
    translator = QTranslator(qapp)
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def filled(ledger, sample_file):
    """A ledger with every kind of data the window shows: statuses, entries, evidence,
    problems, next steps, an indicator value, a relevant-units measure left to confirm."""
    measures = [m for s in ledger.plan().sections for t in s.tasks for m in t.measures]
    rows = {r.code: r for r in ledger.measures()}
    carried = [m for m in measures if m.code in rows and rows[m.code].scope != "issuer"]
    ledger.record(carried[0].code, status="已完成", note="印发实施方案", date="2021-09-01",
                  problems="资金不足", next_steps="继续推进")
    ledger.attach(carried[0].code, sample_file)
    ledger.record(carried[1].code, status="推进中", note="召开推进会", date="2021-10-10")
    ledger.record(carried[2].code, status="已完成", date="2021-10-11")
    with_indicator = next(m for m in carried if m.indicators)
    detail = ledger.measure(with_indicator.code)
    ledger.set_indicator_value(detail.indicators[0].id, 3)
    relevant = [r for r in rows.values() if r.scope == "relevant"]
    if len(relevant) > 1:
        ledger.record(relevant[1].code, involved=False)
    return ledger


def user_data(ledger) -> list[str]:
    """Every text that comes from the ledger itself (plan, units, the unit's own writing)."""
    texts = {ledger.unit, ledger.user or "", str(ledger.path)}
    plan = ledger.plan()
    texts.add(plan.title)
    for section in plan.sections:
        texts.add(section.title)
        from ui.dashboard import short_section
        texts.add(short_section(section.title))
        for task in section.tasks:
            texts.add(task.content)
    from models.plan.indicators import Indicator
    for measure in plan.measures():
        texts.update({measure.text, measure.responsibility or "", *measure.units})
        for ind in measure.indicators:
            # The target as the plan states it ("≥100家"): plan data, units included.
            texts.add(Indicator(ind.raw, ind.min, ind.max, ind.quantity_unit, ind.comparator).describe())
            texts.update({ind.quantity_unit or "", ind.raw or "", ind.target or ""})
    # What the unit wrote (a provincial ledger has no unit of its own).
    rows = ledger.measures() if ledger.role == "city" else []
    for row in rows:
        texts.update({row.text, row.responsibility or "", row.problems or "", row.next_steps or ""})
        detail = ledger.measure(row.code)
        texts.update(e.text for e in detail.entries)
        texts.update(e.author or "" for e in detail.entries)
        texts.update(e.original_name for e in detail.evidence)
    for info in ledger.plans():
        texts.add(info.title)
    texts.update(u["name"] if isinstance(u, dict) else getattr(u, "name", str(u))
                 for u in ledger.units())
    texts.add("简体中文")      # the language menu names each language in itself
    return sorted((t for t in texts if t), key=len, reverse=True)


def strip_data(text: str, data: list[str]) -> str:
    for item in data:
        if item in text:
            text = text.replace(item, "")
    return text


def action_texts(menu: QMenu, path: str):
    for action in menu.actions():
        if action.isSeparator():
            continue
        where = f"{path} → {action.text()}"
        yield where, action.text()
        yield where + " (tip)", action.toolTip()
        yield where + " (status tip)", action.statusTip()
        if action.menu() is not None:
            yield from action_texts(action.menu(), where)


def widget_texts(root: QWidget):
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__} {widget.objectName()}"
        yield name + " tooltip", widget.toolTip()
        yield name + " accessible", widget.accessibleName()
        yield name + " whatsthis", widget.whatsThis()
        if widget.isWindow():
            yield name + " title", widget.windowTitle()
        if isinstance(widget, QLabel):
            yield name, widget.text()
        if isinstance(widget, QAbstractButton):
            yield name, widget.text()
        if isinstance(widget, QGroupBox):
            yield name, widget.title()
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            yield name + " placeholder", widget.placeholderText()
        if isinstance(widget, QTextEdit):
            yield name + " text", widget.toPlainText()
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{name} item {i}", widget.itemText(i)
        if isinstance(widget, QListWidget):
            for i in range(widget.count()):
                yield f"{name} item {i}", widget.item(i).text()
                yield f"{name} item {i} tip", widget.item(i).toolTip()
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            for c in range(header.columnCount()):
                yield f"{name} header {c}", header.text(c)
            items = [widget.topLevelItem(i) for i in range(widget.topLevelItemCount())]
            while items:
                item = items.pop()
                for c in range(widget.columnCount()):
                    yield f"{name} cell", item.text(c)
                    yield f"{name} cell tip", item.toolTip(c)
                items += [item.child(i) for i in range(item.childCount())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            header = (widget.horizontalHeader() if hasattr(widget, "horizontalHeader")
                      else widget.header() if hasattr(widget, "header") else None)
            columns = header.count() if header is not None else 1
            for c in range(columns if header is not None else 0):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.headerData(c, Qt.Orientation.Horizontal, role)
                    yield f"{name} header {c}", value if isinstance(value, str) else ""
            for r in range(min(model.rowCount(), 400)):
                for c in range(columns):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.data(model.index(r, c), role)
                        yield f"{name} cell {r},{c}", value if isinstance(value, str) else ""


def painted_texts(widgets) -> list[str]:
    """Text the dashboard draws with QPainter (no widget holds it)."""
    drawn = []
    original = QPainter.drawText

    def draw_text(painter, *args):
        drawn.extend(a for a in args if isinstance(a, str))
        return original(painter, *args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QPainter, "drawText", draw_text)
        for widget in widgets:
            widget.grab()
    assert drawn
    return drawn


def test_english_main_window_has_no_chinese_left(filled, english, open_window, qtbot,
                                                  monkeypatch, tmp_path):
    # Two days before the plan's deadline: open measures are 临期, so that label shows too.
    monkeypatch.setenv("TASKLEDGER_TODAY", "2021-11-28")
    path = filled.path
    data = user_data(filled)
    sentence_numbers = summarize(filled)
    filled.close()
    window = open_window(path)
    window.build_menus()
    window._fill_plan_menu()
    window.tabs.setCurrentIndex(1)               # the dashboard is built when first shown
    qtbot.waitUntil(lambda: window._dashboard is not None and window._dashboard.summary is not None)
    dashboard = window._dashboard
    window.tabs.setCurrentIndex(0)
    # Show a measure of every kind in the panel: with entries and evidence, with an indicator.
    found = []
    for row in range(window.model.rowCount()):
        window.table.selectRow(row)
        detail = window.panel.detail
        if detail.entries or detail.evidence or detail.indicators or detail.row.scope == "relevant":
            found.append(_collect(window, data))
    assert len(found) >= 3
    # Several rows at once: the bulk panel.
    from PySide6.QtCore import QItemSelection, QItemSelectionModel
    selection = QItemSelection()
    selection.select(window.model.index(0, 0), window.model.index(2, window.model.columnCount() - 1))
    window.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert window.right.currentWidget() is window.bulk
    found.append(_collect(window, data))
    # Searching: the table and the panel say where the text was found.
    window.search_edit.setText("a")
    window.apply_filter()
    found.append(_collect(window, data))
    window.search_edit.clear()
    window.apply_filter()

    texts = list(_collect(window, data))
    texts += [("window title", window.windowTitle()), ("status bar", window.statusBar().currentMessage())]
    for i in range(window.tabs.count()):
        texts.append((f"tab {i}", window.tabs.tabText(i)))
    for action in window.menuBar().actions():
        texts.append(("menu bar", action.text()))
        texts += list(action_texts(action.menu(), action.text()))
    texts += [("painted", t) for t in painted_texts(
        [dashboard.status_chart, dashboard.days_left, dashboard.section_bars,
         dashboard.indicator_bars])]
    texts += [t for group in found for t in group]

    left = sorted({(where, text) for where, text in texts
                   if text and CJK.search(strip_data(text, data))})
    assert left == [], "\n".join(f"{w}: {t[:120]!r}" for w, t in left)
    # The walk saw English where it matters.
    assert [a.text() for a in window.menuBar().actions()][:4] == ["&File", "&Edit", "&Plan", "&Tools"]
    assert window.model.headerData(2, Qt.Orientation.Horizontal) == "Measure"
    assert window.status_combo.itemText(1) == "Done"
    assert str(sentence_numbers.carried) in dashboard.sentence.text()
    window.grab().save(str(tmp_path / "en.png"))


def _collect(window, data):
    return [(where, text) for where, text in widget_texts(window) if text]


@pytest.fixture(params=["zh_CN", "en"])
def either_language(request):
    if request.param == "en":
        request.getfixturevalue("english")
    return request.param


def test_alt_keys_do_not_clash_in_either_language(ledger_path, either_language, open_window):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    window.build_menus()
    window._fill_plan_menu()

    def key(text):
        match = re.search(r"&([^&])", text.replace("&&", ""))
        return match.group(1).lower() if match else None

    # One window: the menu bar, the tabs and the 台账 tab's own widgets share Alt+letter.
    keys = [key(a.text()) for a in window.menuBar().actions()]
    keys += [key(window.tabs.tabText(i)) for i in range(window.tabs.count())]
    for widget in window.tabs.widget(0).findChildren(QWidget):
        if isinstance(widget, (QAbstractButton, QLabel)):
            keys.append(key(widget.text()))
        elif isinstance(widget, QGroupBox):
            keys.append(key(widget.title()))
    keys = [k for k in keys if k]
    assert len(keys) > 15
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []
    # Within each menu.
    for action in window.menuBar().actions():
        menu_keys = [key(a.text()) for a in action.menu().actions() if key(a.text())]
        assert len(menu_keys) == len(set(menu_keys)), action.text()


def strings_in(value) -> list[str]:
    """Every string inside a plan dict (all of it is the plan's own text)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in strings_in(v)]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in strings_in(v)]
    return []


def chinese_left(widget, data) -> list[str]:
    texts = list(widget_texts(widget))
    for menu in widget.findChildren(QMenu):
        texts += list(action_texts(menu, menu.title()))
    return sorted({f"{where}: {text[:100]!r}" for where, text in texts
                   if text and CJK.search(strip_data(text, data))})


def test_english_dialogs_have_no_chinese_left(filled, english, open_window, sample_file):
    """The dialogs the window opens: settings, progress entry, first start, about, backups,
    pre-submission check, plan import preview."""
    from models import backup
    from models.check import check_ledger
    from models.plan.definition import load_units
    from models.version import APP_NAME_ZH
    from ui.about_dialog import FONTS, AboutDialog
    from ui.backup_dialog import BackupListDialog
    from ui.check_dialog import CheckDialog
    from ui.dialogs import EntryDialog, FirstStartDialog, ReasonDialog, SettingsDialog
    from ui.help_dialog import HelpDialog
    from ui.plan_preview import PlanPreviewDialog

    data = user_data(filled)
    gaps = check_ledger(filled)
    assert gaps
    # The window words every gap itself (ui.check_dialog); only names in it are data.
    data += [name for name, _licence in FONTS] + [APP_NAME_ZH]
    units = load_units()
    data += [u["name"] for u in units]
    from models.plan.unit_lists import builtin_lists
    # the built-in unit lists' own names and notes (where each list came from)
    data += [text for info in builtin_lists() for text in (info.title, info.note)]
    plan_file = next((ROOT / "resources" / "plans").glob("*.json"))
    import json
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    data += strings_in(plan)
    data = sorted(set(data), key=len, reverse=True)
    path = filled.path
    settings = filled.settings()
    filled.close()
    backup.backup_ledger(path)
    window = open_window(path)

    dialogs = {
        "settings": SettingsDialog(settings, window),
        "entry": EntryDialog(window, title="x", date="2021-10-01", text=""),
        "first start": FirstStartDialog(units, path),
        "about": AboutDialog(window),
        "backups": BackupListDialog(path, window),
        "check": CheckDialog(gaps, window),
        "check before export": CheckDialog(gaps, window, confirm=True),
        "plan preview": PlanPreviewDialog(plan, plan_file, window),
        "reason": ReasonDialog(window, code="2.2"),
        "guide": HelpDialog(window),
    }
    left = {name: chinese_left(dialog, data) for name, dialog in dialogs.items()}
    for dialog in dialogs.values():
        dialog.deleteLater()
    assert {k: v for k, v in left.items() if v} == {}
    assert dialogs["backups"].table.rowCount() == 1      # the walk saw a listed backup


def test_english_province_window_has_no_chinese_left(tmp_path, english, open_window):
    from models.province.recording import create_province_ledger
    from ui.province.window import ProvinceWindow
    path = tmp_path / "province.db"
    create_province_ledger(path, user="李四").close()
    with Ledger.open(path) as ledger:
        data = user_data(ledger)
    from models import lock
    from ui.session import Session
    session = Session(Ledger.open(path), lock=lock.acquire(path, program="测试"))
    window = ProvinceWindow(session)
    try:
        window.show()
        for i in range(window.tabs.count()) if hasattr(window, "tabs") else ():
            window.tabs.setCurrentIndex(i)
        texts = chinese_left(window, data)
        texts += [t for t in (window.windowTitle(), window.statusBar().currentMessage())
                  if CJK.search(strip_data(t, data))]
        for action in window.menuBar().actions():
            if CJK.search(action.text()):
                texts.append(action.text())
        assert texts == []
        assert window.menuBar().actions()[0].text() == "&File"
        assert window.language.language_menu.title() == "&Language"
    finally:
        window.close()
        session.close()


def test_install_translator_switches_and_falls_back_to_chinese(qapp, monkeypatch):
    from PySide6.QtCore import QCoreApplication
    from ui import i18n
    try:
        assert i18n.install_translator(qapp, "en") == "en"
        assert QCoreApplication.translate("MainWindow", "文件(&F)") == "&File"
        # The saved choice is read when no language is given.
        i18n.save_language("zh_CN")
        assert i18n.install_translator(qapp) == "zh_CN"
        assert QCoreApplication.translate("MainWindow", "文件(&F)") == "文件(&F)"
        # No usable .qm: a warning and the Chinese interface, never a half-translated one.
        monkeypatch.setattr(i18n, "translation_file", lambda language: None)
        assert i18n.install_translator(qapp, "en") == "zh_CN"
        assert QCoreApplication.translate("MainWindow", "文件(&F)") == "文件(&F)"
    finally:
        i18n.remove_translators(qapp)
    assert QCoreApplication.translate("MainWindow", "文件(&F)") == "文件(&F)"
