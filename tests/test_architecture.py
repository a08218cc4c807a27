"""Layers stay honest: an AST walk over every import.

models/ never imports Qt widgets, ui/ or exports/; exports/ never imports ui/ or Qt;
cli/ never imports Qt or ui/. SQL (statement text, .execute()/.query() calls) appears only
in models/.
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


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def violations(package: str, forbidden: tuple[str, ...]):
    for path in sorted((ROOT / package).rglob("*.py")):
        for module in imported_modules(path):
            if any(module == f or module.startswith(f + ".") for f in forbidden):
                yield f"{path.relative_to(ROOT)} imports {module}"


@pytest.mark.parametrize("package", sorted(RULES))
def test_layer_imports(package):
    assert list(violations(package, RULES[package])) == []


def test_the_check_catches_a_violation(tmp_path, monkeypatch):
    bad = tmp_path / "models"
    bad.mkdir()
    (bad / "oops.py").write_text("from PySide6.QtWidgets import QWidget\nimport exports.x\n")
    monkeypatch.setattr("tests.test_architecture.ROOT", tmp_path)
    assert len(list(violations("models", RULES["models"]))) == 2


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
        'Q = f"DELETE FROM reports WHERE unit = {1}"\n'
        'rows = db.query("select " "1")\n'
        'OK = "Select a file to attach"\n', encoding="utf-8")
    (tmp_path / "main.py").write_text('X = "PRAGMA user_version"\n', encoding="utf-8")
    found = list(sql_violations(tmp_path, ("ui", "main.py")))
    assert len(found) == 5, found
