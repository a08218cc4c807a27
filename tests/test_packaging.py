"""Packaging: resources are found the same way frozen and from source; build.spec ships them.

A PyInstaller one-folder bundle sets ``sys._MEIPASS`` to its ``_internal/`` folder and
build.spec copies resources/ there. The first tests simulate that layout with a copy of the
tree; the others run build.spec against stand-ins for PyInstaller's classes and check what
it would put in the bundle. tools/build_and_selftest.sh (run by CI) builds the real thing.
"""
from __future__ import annotations

import ast
import shutil
import sys
from pathlib import Path

import pytest

from models.paths import app_root, resource_path, user_data_dir
from tests.support import ROOT


@pytest.fixture
def frozen(tmp_path, monkeypatch):
    """A bundle's _internal/ with a copy of resources/, and sys._MEIPASS pointing at it."""
    internal = tmp_path / "dist" / "TaskLedger" / "_internal"
    shutil.copytree(ROOT / "resources", internal / "resources",
                    ignore=shutil.ignore_patterns("__pycache__", "*.py", "*.ts"))
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    return internal


def test_source_run_uses_the_checkout():
    assert app_root() == ROOT
    assert resource_path("plans", "henan-ip-2021.json") == ROOT / "resources" / "plans" / "henan-ip-2021.json"


def test_frozen_run_finds_the_plan_in_the_bundle(frozen):
    from models.plan.definition import load_builtin_plan
    plan_file = resource_path("plans", "henan-ip-2021.json")
    assert plan_file == frozen / "resources" / "plans" / "henan-ip-2021.json" and plan_file.is_file()
    plan = load_builtin_plan()
    assert plan["doc_no"] == "豫知〔2021〕35号" and len(plan["units"]) == 28


def test_frozen_run_loses_what_the_bundle_lacks(frozen):
    # The lookup really goes to the bundle: take the plan out of it and loading fails.
    (frozen / "resources" / "plans" / "henan-ip-2021.json").unlink()
    from models.errors import LedgerError
    from models.plan.definition import load_builtin_plan
    with pytest.raises(LedgerError):
        load_builtin_plan()


def test_frozen_run_finds_fonts_with_their_licences(frozen):
    fonts = resource_path("fonts")
    assert fonts == frozen / "resources" / "fonts"
    font_files = sorted(p.name for p in fonts.iterdir() if p.suffix.lower() in (".ttf", ".ttc"))
    assert font_files, "resources/fonts ships no TrueType font"
    licences = [p.name for p in fonts.iterdir() if p.suffix.lower() in (".txt", ".md")]
    assert any("LICENSE" in n.upper() or "ARPHICPL" in n.upper() or "COPYRIGHT" in n.upper()
               for n in licences)
    from exports.pdf_fonts import resolve_fonts
    chosen = resolve_fonts(use_system=False)   # as on a PC without Chinese fonts
    used = {font.path for font in chosen.fonts.values()}
    assert used and all(path.is_relative_to(frozen) for path in used), used


def test_frozen_run_finds_the_icon(frozen):
    for name in ("taskledger.png", "taskledger.ico"):
        assert resource_path("icons", name) == frozen / "resources" / "icons" / name
        assert resource_path("icons", name).stat().st_size > 1000


def test_user_data_never_goes_into_the_program_folder(frozen, monkeypatch, tmp_path):
    monkeypatch.delenv("TASKLEDGER_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    data = user_data_dir()
    assert not data.is_relative_to(frozen.parent) and not data.is_relative_to(ROOT)
    from models.backup import backups_dir
    assert backups_dir(Path("x/taskledger.db")) == data / "backups" / "taskledger"


# ---- build.spec, run against stand-ins for PyInstaller -------------------------------------------
class _Recorder:
    made: list = []

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        for key, value in kwargs.items():
            setattr(self, key, value)
        _Recorder.made.append(self)


def _run_spec(root: Path = ROOT):
    _Recorder.made = []
    kinds = {name: type(name, (_Recorder,), {}) for name in ("Analysis", "PYZ", "EXE", "COLLECT")}

    def analysis_init(self, scripts, **kwargs):
        _Recorder.__init__(self, scripts, **kwargs)
        self.scripts, self.pure = scripts, []
        self.binaries = [("libQt6Network.so.6", "/x/libQt6Network.so.6", "BINARY"),
                         ("opengl32sw.dll", "/x/opengl32sw.dll", "BINARY"),
                         ("PySide6/Qt/lib/libQt6Widgets.so.6", "/x/w", "BINARY")]
        self.datas = list(kwargs["datas"]) + [
            ("PySide6/Qt/translations/qtbase_de.qm", "/x/de", "DATA"),
            ("PySide6/Qt/translations/qtbase_zh_CN.qm", "/x/zh", "DATA")]
    kinds["Analysis"].__init__ = analysis_init
    namespace = {"SPECPATH": str(root), "__file__": str(root / "build.spec"), **kinds}
    exec(compile((ROOT / "build.spec").read_text(encoding="utf-8"), "build.spec", "exec"), namespace)
    by_kind = {}
    for made in _Recorder.made:
        by_kind.setdefault(type(made).__name__, []).append(made)
    return namespace, by_kind


def test_spec_ships_every_resource_at_the_same_relative_place():
    _ns, made = _run_spec()
    analysis = made["Analysis"][0]
    shipped = {(Path(src).resolve(), dest) for src, dest in analysis.kwargs["datas"]}
    for path in (ROOT / "resources").rglob("*"):
        if path.suffix == ".qm" and path.with_suffix(".ts").is_file():
            continue       # tools/i18n.py build output: the spec ships a fresh build/i18n copy
        if path.is_file() and path.suffix not in (".py", ".pyc", ".ts") and "__pycache__" not in path.parts:
            assert (path.resolve(), str(path.parent.relative_to(ROOT))) in shipped, path


def test_spec_two_programs_one_folder():
    _ns, made = _run_spec()
    exes = {exe.kwargs["name"]: exe.kwargs for exe in made["EXE"]}
    assert exes["TaskLedger"]["console"] is False and exes["taskledger-cli"]["console"] is True
    collect = made["COLLECT"][0]
    assert collect.kwargs["name"] == "TaskLedger" and len(collect.args) == 4
    assert all(exe.kwargs["exclude_binaries"] for exe in made["EXE"])  # one folder, not one file


def _qt_modules_used() -> set[str]:
    used = set()
    for path in [*(ROOT / "ui").rglob("*.py"), ROOT / "main.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else \
                [a.name for a in node.names] if isinstance(node, ast.Import) else []
            used.update(n.split(".")[1] for n in names if n.startswith("PySide6."))
    return used


def test_spec_leaves_out_unused_qt_but_nothing_the_program_uses():
    ns, made = _run_spec()
    excludes = set(made["Analysis"][0].kwargs["excludes"])
    used = _qt_modules_used()
    assert {"QtWidgets", "QtGui", "QtCore"} <= used
    assert not {f"PySide6.{m}" for m in used} & excludes, "build.spec excludes a module ui/ imports"
    # QtNetwork is used: the window's single-instance socket (ui/single_instance.py).
    for unused in ("QtWebEngineCore", "Qt3DCore", "QtMultimedia", "QtQuick", "QtQml"):
        assert f"PySide6.{unused}" in excludes
    hidden = set(made["Analysis"][0].kwargs["hiddenimports"])
    assert {"exports.xlsx_progress", "exports.pdf_report", "cli.selftest", "models.backup",
            "models.province", "models.province.recording"} <= hidden
    # Sub-packages too: models.plan.reader imports its readers only when a file needs them.
    assert {"models.plan", "models.plan.docx", "models.plan.xlsx", "models.plan.text"} <= hidden
    assert "_rl_accel" in hidden            # ReportLab imports it by a computed name
    analysis = made["Analysis"][0]
    assert [b[0] for b in analysis.binaries] == ["libQt6Network.so.6",
                                                 "PySide6/Qt/lib/libQt6Widgets.so.6"]
    kept = [d[0] for d in analysis.datas if d[0].startswith("PySide6/")]
    assert kept == ["PySide6/Qt/translations/qtbase_zh_CN.qm"]


def test_windowed_program_writes_errors_to_a_log(monkeypatch, tmp_path):
    # A windowed Windows .exe starts with no stdout/stderr; the runtime hook gives it a log.
    monkeypatch.setenv("TASKLEDGER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    hook = ROOT / "tools" / "pyinstaller" / "rth_windowed_streams.py"
    exec(compile(hook.read_text(encoding="utf-8"), str(hook), "exec"), {"__name__": "rth"})
    sys.stderr.write("错误：台账已被打开\n")
    sys.stderr.flush()
    log = tmp_path / "data" / "TaskLedger.log"
    assert log.read_text(encoding="utf-8") == "错误：台账已被打开\n"
    sys.stderr.close()


def test_spec_installs_the_windowed_streams_hook():
    _ns, made = _run_spec()
    hooks = made["Analysis"][0].kwargs["runtime_hooks"]
    assert [Path(h).name for h in hooks] == ["rth_windowed_streams.py"] and Path(hooks[0]).is_file()


TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context><name>MainWindow</name>
<message><source>任务台账</source><translation>Task ledger</translation></message>
</context>
</TS>
"""


def test_spec_builds_translations_from_their_sources(tmp_path):
    for package in ("models", "exports", "cli", "ui"):
        (tmp_path / package).mkdir()
    (tmp_path / "resources" / "i18n").mkdir(parents=True)
    (tmp_path / "resources" / "i18n" / "taskledger_en.ts").write_text(TS, encoding="utf-8")
    (tmp_path / "resources" / "i18n" / "taskledger_en.qm").write_bytes(b"stale")
    _ns, made = _run_spec(tmp_path)
    datas = [(src, dest) for src, dest in made["Analysis"][0].kwargs["datas"]
             if Path(src).is_relative_to(tmp_path)]       # the rest: libraries' own data files
    assert [(Path(src).relative_to(tmp_path).as_posix(), dest) for src, dest in datas] == [
        ("build/i18n/taskledger_en.qm", "resources/i18n")]   # the .ts is not shipped, the stale .qm replaced
    qm = tmp_path / "build" / "i18n" / "taskledger_en.qm"
    assert qm.read_bytes()[:4] == bytes.fromhex("3cb86418")   # Qt's .qm magic
    from PySide6.QtCore import QTranslator
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("MainWindow", "任务台账") == "Task ledger"


def test_spec_ships_the_word_templates_where_python_docx_looks_for_them():
    # python-docx reads docx/parts/../templates/default-footer.xml: both folders must exist.
    _ns, made = _run_spec()
    shipped = {(Path(src).name, dest) for src, dest in made["Analysis"][0].kwargs["datas"]}
    assert ("default-footer.xml", "docx/templates") in shipped
    assert ("default-header.xml", "docx/templates") in shipped
    assert any(dest == "docx/parts" for _name, dest in shipped)


def test_ci_builds_the_bundle_and_runs_its_selftest_after_the_tests():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.index('bash -c "$test_command"') < ci.index("tools/build_and_selftest.sh")
    script = (ROOT / "tools" / "build_and_selftest.sh").read_text(encoding="utf-8")
    assert "build.spec" in script and "--clean" in script
    assert "taskledger-cli\" --selftest" in script and "--version" in script
