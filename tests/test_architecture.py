"""Layers stay honest: an AST walk over every import.

models/ never imports Qt widgets, ui/ or exports/; exports/ never imports ui/ or Qt;
cli/ never imports Qt or ui/.
"""
from __future__ import annotations

import ast

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
