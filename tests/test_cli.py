"""The command line: real ledgers in temporary folders, one clear line on every error."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cli.main import run
from tests.support import ROOT, dump_tables


@pytest.fixture
def db(tmp_path, capsys):
    path = tmp_path / "cli.db"
    assert run(["--db", str(path), "init", "--unit", "洛阳市", "--user", "李四"]) == 0
    capsys.readouterr()
    return path


def _json(capsys, argv):
    assert run(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_init_uses_the_default_data_folder(capsys, _isolated_data_dir):
    assert run(["init", "--unit", "郑州市"]) == 0
    assert (_isolated_data_dir / "taskledger.db").is_file()
    assert "郑州市" in capsys.readouterr().out


def test_units_json(db, capsys):
    units = _json(capsys, ["--db", str(db), "units", "--json"])
    assert units[0] == {"name": "郑州市", "kind": "city"} and len(units) == 28
    assert {"name": "济源示范区", "kind": "zone"} in units


def test_plan_json_shape(db, capsys):
    plan = _json(capsys, ["--db", str(db), "plan", "--json"])
    assert (plan["year"], plan["doc_no"], plan["deadline"]) == (2021, "豫知〔2021〕35号", "2021-11-30")
    task8 = plan["sections"][2]["tasks"][0]
    assert task8["no"] == 8
    m85 = task8["measures"][4]
    assert m85["id"] == "8.5" and m85["scope"] == "named" and m85["units"] == ["郑州市", "洛阳市"]
    assert m85["responsibility"] == "郑州市、洛阳市"


def test_record_attach_and_tasks(db, capsys, sample_file):
    base = ["--db", str(db)]
    assert run(base + ["record", "8.5", "--status", "推进中", "--note", "召开会议", "--date",
                       "2021-06-18", "--problems", "无", "--next", "继续"]) == 0
    assert run(base + ["record", "4.1", "--value", "7"]) == 0
    assert run(base + ["attach", "8.5", str(sample_file), "--note", "纪要"]) == 0
    capsys.readouterr()
    rows = _json(capsys, base + ["tasks", "--json"])
    row = next(r for r in rows if r["id"] == "8.5")
    assert (row["status"], row["evidence_count"], row["entry_count"], row["scope"]) == (
        "推进中", 1, 1, "named")
    assert all(r["scope"] != "issuer" for r in rows)
    only = _json(capsys, base + ["tasks", "--status", "推进中", "--json"])
    assert [r["id"] for r in only] == ["8.5"]
    other = _json(capsys, base + ["tasks", "--unit", "郑州市", "--json"])
    assert "8.1" in {r["id"] for r in other}
    assert run(base + ["tasks"]) == 0
    assert "8.5" in capsys.readouterr().out


def test_verify_exit_codes(db, capsys, sample_file):
    base = ["--db", str(db)]
    run(base + ["attach", "4.1", str(sample_file)])
    assert run(base + ["verify"]) == 0
    store = db.with_name("cli_evidence")
    next(p for p in store.rglob("*") if p.is_file()).write_bytes(b"changed")
    capsys.readouterr()
    assert run(base + ["verify"]) == 1
    assert "已被改动：会议纪要.pdf" in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["tasks", "--unit", "北京市"], "不在本方案的单位名单"),
    (["record", "99.9", "--status", "已完成"], "没有编号为“99.9”"),
    (["record", "8.5", "--status", "干完了"], "状态“干完了”无效"),
    (["record", "8.5", "--note", "x", "--date", "2021/06/18"], "YYYY-MM-DD"),
    (["record", "4.1", "--value", "很多"], "不是数字"),
    (["record", "1.1", "--status", "已完成"], "省级负责"),
    (["record", "8.5"], "没有要填报的内容"),
    (["attach", "8.5", "/no/such/file.pdf"], "找不到文件"),
    (["init", "--unit", "洛阳市"], "已存在"),
])
def test_errors_print_one_line_and_change_nothing(db, capsys, argv, message):
    before = dump_tables(db)
    assert run(["--db", str(db)] + argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and message in err and err.count("\n") == 1
    assert "Traceback" not in err
    assert dump_tables(db) == before


def test_unreadable_ledger(tmp_path, capsys):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 10)
    assert run(["--db", str(bad), "tasks"]) == 2
    assert "不是台账文件" in capsys.readouterr().err
    assert run(["--db", str(tmp_path / "missing.db"), "tasks"]) == 2
    assert "找不到台账文件" in capsys.readouterr().err


def test_cli_runs_without_qt_in_a_subprocess(tmp_path):
    code = ("import sys, runpy; sys.argv=['main.py','--db',sys.argv[1],'init','--unit','洛阳市'];"
            "import main; rc = main.main(sys.argv[1:]);"
            "bad = [m for m in sys.modules if m.startswith(('PySide6','openpyxl','reportlab'))];"
            "print('LOADED', bad); sys.exit(rc)")
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "s.db")], cwd=ROOT,
                          capture_output=True, text=True, env={"PATH": "/usr/bin:/bin",
                                                               "TASKLEDGER_DATA_DIR": str(tmp_path)})
    assert proc.returncode == 0, proc.stderr
    assert "LOADED []" in proc.stdout

