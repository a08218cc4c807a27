"""Fixtures of the provincial tests: a new provincial ledger, and 洛阳市's ledger and package
(copies of the session's, tests/conftest.py city_template)."""
from __future__ import annotations

from pathlib import Path

import pytest

from models.ledger import Ledger
from tests.province.handin_fixtures import copy_file, copy_ledger
from tests.support import fresh_province_ledger


@pytest.fixture
def province(tmp_path):
    with fresh_province_ledger(tmp_path / "province.db", user="省局王五") as ledger:
        yield ledger


@pytest.fixture
def city(tmp_path, city_template):
    """洛阳市's ledger (a copy of the session's), the one ``package`` was made from."""
    with Ledger.open(copy_ledger(city_template.db, tmp_path / "city")) as ledger:
        yield ledger


@pytest.fixture
def package(city_template, tmp_path) -> Path:
    """洛阳市's package (version 1), a copy of the session's."""
    return copy_file(city_template.package, tmp_path / "v1")
