"""Things tests import (conftest.py is not importable under --import-mode=importlib)."""
from contextlib import contextmanager
from pathlib import Path

import pytest

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


@contextmanager
def as_in_a_test(root: Path):
    """The surroundings conftest gives every test (its own data folder, the date 2021-10-15),
    for a ledger or file built once per module or session and then only read."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TASKLEDGER_DATA_DIR", str(root / "userdata"))
        mp.setenv("TASKLEDGER_TODAY", "2021-10-15")
        mp.setenv("HOME", str(root / "userdata"))
        yield


SAMPLE_PDF = b"%PDF-1.4\n% sample evidence\n"


@contextmanager
def ledger_built_once(root: Path, evidence_name: str = "会议纪要.pdf"):
    """(洛阳市's fresh ledger, a sample evidence file) in ``root``, for a module-scoped fixture
    whose tests only read what is built from it; as_in_a_test while it is open."""
    evidence = root / evidence_name
    evidence.write_bytes(SAMPLE_PDF)
    with as_in_a_test(root), fresh_ledger(root / "ledger.db") as ledger:
        yield ledger, evidence


def built_once_per_run(tmp_path_factory, name: str, build):
    """``build(folder)`` (returning a JSON value) run once for the whole test run: the first
    xdist worker to ask builds it, the others wait for it and read the same value.

    The packages and ledgers the provincial, export and window tests share take seconds to
    make; each worker used to make its own. Tests copy what they change (handin_fixtures).
    """
    import json
    import os
    import time
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent                  # the run's folder, above each worker's own
    folder, done, failed = (base / f"run-{name}", base / f"run-{name}.json",
                            base / f"run-{name}.failed")
    try:
        folder.mkdir()                      # atomic: who makes the folder builds
    except FileExistsError:
        give_up = time.monotonic() + 600
        while not done.exists():
            if failed.exists():
                pytest.fail(f"building {name} failed in another worker")
            if time.monotonic() > give_up:
                raise TimeoutError(f"{name} was not built within 10 minutes") from None
            time.sleep(0.05)
        return json.loads(done.read_text(encoding="utf-8"))
    try:
        value = build(folder)
    except BaseException:
        failed.touch()
        raise
    partial = done.with_name(done.name + ".partial")
    partial.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, done)
    return value


_TEMPLATES: dict[tuple, Path] = {}


def fresh_ledger(path, unit: str = "洛阳市", user: str = "张三"):
    """A new ledger of ``unit`` at ``path`` on the built-in plan, open: a copy of one that
    Ledger.create made once in this process, with an identity of its own as every created
    ledger has.

    Creating a ledger takes ~0.1 s (every schema step, the whole plan); hundreds of tests
    start from one. Tests of creating a ledger call Ledger.create itself.
    """
    from models.ledger import Ledger
    return _copy_of(("city", unit, user),
                    lambda at: Ledger.create(at, unit=unit, user=user), path)


def fresh_province_ledger(path, user: str = "王五"):
    """A new provincial ledger at ``path``, open, as create_province_ledger makes it (copied
    as fresh_ledger copies)."""
    from models.province.recording import create_province_ledger
    return _copy_of(("province", user), lambda at: create_province_ledger(at, user=user), path)


def _copy_of(key: tuple, create, path):
    import atexit
    import shutil
    import sqlite3
    import tempfile
    import uuid
    from contextlib import closing

    from models.ledger import Ledger
    template = _TEMPLATES.get(key)
    if template is None:
        folder = Path(tempfile.mkdtemp(prefix="taskledger-template-"))
        atexit.register(shutil.rmtree, folder, True)
        template = folder / "ledger.db"
        with as_in_a_test(folder), create(template):
            pass
        _TEMPLATES[key] = template
    path = Path(path)
    if path.exists():
        raise FileExistsError(path)          # as Ledger.create refuses to overwrite
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, path)
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'ledger_id'", [uuid.uuid4().hex])
    return Ledger.open(path)
