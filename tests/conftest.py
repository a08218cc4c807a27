"""Shared fixtures: every test gets its own data folder and ledger; nothing touches $HOME."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")



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
    from models.ledger import Ledger
    with Ledger.create(ledger_path, unit="洛阳市", user="张三") as opened:
        yield opened


@pytest.fixture
def sample_file(tmp_path) -> Path:
    path = tmp_path / "会议纪要.pdf"
    path.write_bytes(b"%PDF-1.4\n% sample evidence\n")
    return path
