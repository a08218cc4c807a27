"""Layers stay honest: an AST walk over every import.

models/ never imports Qt widgets, ui/ or exports/; exports/ never imports ui/ or Qt;
cli/ never imports Qt or ui/. Relative imports count as what they resolve to. SQL (statement
text, .execute()/.query() calls) appears only in models/.
"""
from __future__ import annotations

import ast
import re

import pytest

from tests.support import ROOT

RULES = {
    "models": ("PySide6.QtWidgets", "PySide6.QtGui", "ui", "exports"),
    "exports": ("PySide6", "ui"),
    "cli": ("PySide6", "ui"),
}


def imports_in(source: str, module: str, *, is_package: bool = False, filename: str = "<source>"):
    """For each import in ``source`` (the text of ``module``), the absolute names it may load.

    ``from X import a, b`` may load X, X.a and X.b (``from PySide6 import QtWidgets`` loads a
    module). A relative import is resolved against the module's package, as Python does; one
    that climbs above a top-level package resolves against the checkout's root, where models/,
    exports/ and ui/ sit side by side (Python refuses it; the layer rule holds all the same).
    """
    package = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source, filename=filename)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield [alias.name]
        elif isinstance(node, ast.ImportFrom):
            base = package[:max(len(package) - (node.level - 1), 0)] if node.level else []
            parts = base + (node.module.split(".") if node.module else [])
            names = [".".join(parts)] if parts else []
            names += [".".join(parts + [alias.name]) for alias in node.names if alias.name != "*"]
            yield names


def imported_modules(path):
    """What each import of the file at ``path`` (inside the checkout) may load, absolute."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    module = ".".join(parts[:-1] if is_package else parts)
    return imports_in(path.read_text(encoding="utf-8"), module, is_package=is_package,
                      filename=str(path))


def violations(package: str, forbidden: tuple[str, ...]):
    for path in sorted((ROOT / package).rglob("*.py")):
        for names in imported_modules(path):
            bad = [m for m in names if any(m == f or m.startswith(f + ".") for f in forbidden)]
            if bad:
                yield f"{path.relative_to(ROOT)} imports {bad[0]}"


@pytest.mark.parametrize("package", sorted(RULES))
def test_layer_imports(package):
    assert list(violations(package, RULES[package])) == []


def test_the_check_catches_a_violation(tmp_path, monkeypatch):
    bad = tmp_path / "models"
    bad.mkdir()
    (bad / "oops.py").write_text("from PySide6.QtWidgets import QWidget\nimport exports.x\n")
    monkeypatch.setattr("tests.test_architecture.ROOT", tmp_path)
    assert len(list(violations("models", RULES["models"]))) == 2


@pytest.mark.parametrize("module, is_package, source, resolved", [
    ("models.ledger", False, "from . import db as dbmod", "models.db"),
    ("models.plan.grid", False, "from .scope import resolve_scope", "models.plan.scope"),
    ("models.plan.grid", False, "from ..errors import PlanFormatError", "models.errors"),
    ("models.plan", True, "from .store import read_plan", "models.plan.store"),
    ("models.plan", True, "from . import grid", "models.plan.grid"),
    ("models.ledger", False, "from ..exports import xlsx_progress", "exports.xlsx_progress"),
    ("models.plan.grid", False, "from ... import ui", "ui"),
    ("exports.pdf_report", False, "from ..ui.main_window import MainWindow", "ui.main_window"),
    ("models.ledger", False, "from PySide6 import QtWidgets", "PySide6.QtWidgets"),
])
def test_relative_imports_resolve_to_absolute_names(module, is_package, source, resolved):
    assert resolved in {name for names in imports_in(source, module, is_package=is_package)
                        for name in names}


def test_a_relative_import_across_a_layer_is_caught(tmp_path, monkeypatch):
    plan = tmp_path / "models" / "plan"
    plan.mkdir(parents=True)
    (plan / "__init__.py").write_text("from .. import exports\n")   # models.exports: no layer
    (plan / "fine.py").write_text("from . import grid\nfrom ..errors import LedgerError\n")
    (plan / "oops.py").write_text("from ...exports import xlsx_progress\n"
                                  "from ... import ui\n"
                                  "from PySide6 import QtWidgets\n")
    monkeypatch.setattr("tests.test_architecture.ROOT", tmp_path)
    found = list(violations("models", RULES["models"]))
    assert found and all(line.startswith("models/plan/oops.py imports ") for line in found)
    assert sorted(line.rsplit(" ", 1)[1] for line in found) == ["PySide6.QtWidgets", "exports", "ui"]


# ---- SQL lives in models/ ------------------------------------------------------------------
# Outside models/ nothing speaks SQL: no statement text and no .execute()/.query() on a
# database. bench/ and tools/ are exempt (they measure or build, they are not the program).
SQL_FREE = ("exports", "ui", "cli", "main.py")
SQL_STATEMENT = re.compile(
    r"\bSELECT\b.*\bFROM\b|\bSELECT\s+(\d|count\(|1\b)|\bINSERT\s+(OR\s+[A-Z]+\s+)?INTO\b"
    r"|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b|\bREPLACE\s+INTO\b"
    r"|\bCREATE\s+(TEMP\w*\s+|UNIQUE\s+|VIRTUAL\s+)*(TABLE|INDEX|VIEW|TRIGGER)\b"
    r"|\bDROP\s+(TABLE|INDEX|VIEW|TRIGGER)\b|\bPRAGMA\s+\w+", re.S)
DB_CALLS = {"execute", "executemany", "executescript", "query"}


def sql_violations(root, targets=SQL_FREE):
    for target in targets:
        paths = [root / target] if target.endswith(".py") else sorted((root / target).rglob("*.py"))
        for path in paths:
            where = path.relative_to(root)
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
                if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                        and SQL_STATEMENT.search(node.value)):
                    yield f"{where}:{node.lineno} SQL text {node.value[:60]!r}"
                elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                      and node.func.attr in DB_CALLS):
                    yield f"{where}:{node.lineno} calls .{node.func.attr}()"


def test_sql_lives_in_models():
    assert list(sql_violations(ROOT)) == []


def test_the_sql_check_catches_a_violation(tmp_path):
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "oops.py").write_text(
        'def count(ledger):\n'
        '    return ledger.db.execute("SELECT count(*) FROM evidence").fetchone()[0]\n'
        'Q = f"DELETE FROM assignments WHERE unit = {1}"\n'
        'rows = db.query("select " "1")\n'
        'OK = "Select a file to attach"\n', encoding="utf-8")
    (tmp_path / "main.py").write_text('X = "PRAGMA user_version"\n', encoding="utf-8")
    found = list(sql_violations(tmp_path, ("ui", "main.py")))
    assert len(found) == 5, found
