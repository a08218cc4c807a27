"""Things tests import (conftest.py is not importable under --import-mode=importlib)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "henan-ip-2021-plan.txt"
FIXTURES = ROOT / "tests" / "fixtures"


def dump_tables(path) -> dict:
    """Every row of every table of a ledger file (FTS shadow tables aside), for before/after checks."""
    import sqlite3
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
                for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                        " AND name NOT LIKE 'search_fts%'")}
    finally:
        con.close()
