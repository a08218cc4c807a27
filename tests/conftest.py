"""Shared fixtures: every test gets its own data folder and ledger; nothing touches $HOME."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.support import SAMPLE_PDF, as_in_a_test, built_once_per_run, fresh_ledger  # noqa: E402  (needs ROOT on sys.path)



@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    data = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("TASKLEDGER_DATA_DIR", str(data))
    monkeypatch.setenv("TASKLEDGER_TODAY", "2021-10-15")
    monkeypatch.setenv("HOME", str(data))
    return data


@pytest.fixture
def ledger_path(tmp_path) -> Path:
    return tmp_path / "ledger.db"


@pytest.fixture
def ledger(ledger_path):
    """A fresh ledger of 洛阳市 on the built-in 2021 plan."""
    with fresh_ledger(ledger_path) as opened:
        yield opened


@pytest.fixture
def sample_file(tmp_path) -> Path:
    path = tmp_path / "会议纪要.pdf"
    path.write_bytes(SAMPLE_PDF)
    return path


# ---- hand-in ledgers and packages, built once per test run -----------------------------------
# Making a package (完成情况表, PDF report, zip) takes about a second; the province, export
# and window tests need the same few. Each is built once for the run (tests.support
# built_once_per_run, shared by the xdist workers), and copied into a test's own folder
# (tests.province.handin_fixtures.copy_ledger / copy_file) before use.
@pytest.fixture(scope="session")
def city_template(tmp_path_factory):
    """洛阳市's ledger as make_city leaves it (``db``) and its package (``package``)."""
    def build(root):
        from tests.province.handin_fixtures import make_city, make_package
        with as_in_a_test(root), make_city(root / "city") as city:
            return {"db": str(city.path), "package": str(make_package(city, root / "out"))}
    made = built_once_per_run(tmp_path_factory, "city-template", build)
    return SimpleNamespace(db=Path(made["db"]), package=Path(made["package"]))


@pytest.fixture(scope="session")
def unit_packages(tmp_path_factory):
    """郑州市, 洛阳市 and 兰考县 with their 4.1 figures (FIGURES) and 6.1 shares (SHARES):
    per unit its ledger (``db``), package (``package``) and measures as
    {code: (status, entry count, evidence count)}."""
    def build(root):
        from tests.province.handin_fixtures import FIGURES, SHARES, make_city, make_package
        made = {}
        with as_in_a_test(root):
            for unit, figure in FIGURES.items():
                with make_city(root / unit, unit=unit) as city:
                    city.record("4.1", status="已完成", value=figure, note="培育中心建成",
                                date="2021-09-01")
                    if unit in SHARES:
                        city.record("6.1", value=SHARES[unit])
                    made[unit] = {
                        "db": str(city.path),
                        "package": str(make_package(city, root / f"out-{unit}")),
                        "measures": {row.code: [row.status, row.entry_count, row.evidence_count]
                                     for row in city.measures()}}
        return made
    made = built_once_per_run(tmp_path_factory, "unit-packages", build)
    return {unit: SimpleNamespace(db=Path(m["db"]), package=Path(m["package"]),
                                  measures={code: tuple(v) for code, v in m["measures"].items()})
            for unit, m in made.items()}


@pytest.fixture(scope="session")
def province_template(unit_packages, tmp_path_factory) -> Path:
    """A provincial ledger into which the three unit_packages were imported (in that order)."""
    def build(root):
        from models.province.recording import create_province_ledger, import_package
        with as_in_a_test(root), \
                create_province_ledger(root / "province.db", user="王五") as province:
            for made in unit_packages.values():
                import_package(province, made.package)
            return str(province.path)
    return Path(built_once_per_run(tmp_path_factory, "province-template", build))


@pytest.fixture
def filled_province(province_template, unit_packages, tmp_path):
    """(the provincial ledger with three units imported, open; each unit's {code: status})."""
    from models.ledger import Ledger
    from tests.province.handin_fixtures import copy_ledger
    statuses = {unit: {code: status for code, (status, _e, _v) in made.measures.items()}
                for unit, made in unit_packages.items()}
    with Ledger.open(copy_ledger(province_template, tmp_path)) as province:
        yield province, statuses
