"""Time on the command line: record --progress, deadline, milestone, due, round add, rounds,
--round on the exports, export list, and the time fields of tasks --json."""
from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from cli.main import run
from tests.support import dump_tables

Q3 = "2021年第三季度"


@pytest.fixture
def db(tmp_path, capsys):
    path = tmp_path / "cli.db"
    assert run(["--db", str(path), "init", "--unit", "洛阳市", "--user", "李四"]) == 0
    capsys.readouterr()
    return path


def _run(capsys, db, *argv) -> str:
    assert run(["--db", str(db), *argv]) == 0
    return capsys.readouterr().out


def _json(capsys, db, *argv):
    return json.loads(_run(capsys, db, *argv, "--json"))


def _refused(capsys, db, *argv, words: str) -> None:
    before = dump_tables(db)
    assert run(["--db", str(db), *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and words in err and err.count("\n") == 1, err
    assert dump_tables(db) == before


def test_tasks_json_gains_deadline_progress_expected_and_light(db, capsys):
    out = _run(capsys, db, "record", "1.2", "--progress", "60")
    assert "完成进度 60%（序时进度 86%） 黄灯" in out
    _run(capsys, db, "deadline", "1.3", "--date", "2021-10-20")
    tasks = {t["code"]: t for t in _json(capsys, db, "tasks")}
    assert {k: tasks["1.2"][k] for k in ("deadline", "deadline_source", "progress", "expected",
                                         "light", "status")} == {
        "deadline": "2021-11-30", "deadline_source": "plan", "progress": 60.0,
        "expected": 86.2, "light": "yellow", "status": "推进中"}
    assert (tasks["1.3"]["deadline"], tasks["1.3"]["deadline_source"]) == ("2021-10-20", "measure")
    assert tasks["1.3"]["progress"] is None and tasks["1.3"]["light"] == "red"
    relevant = next(t for t in tasks.values() if t["scope"] == "relevant")
    _run(capsys, db, "record", relevant["code"], "--status", "不涉及")
    tasks = {t["code"]: t for t in _json(capsys, db, "tasks")}
    assert tasks[relevant["code"]]["light"] is None
    assert "黄灯" in _run(capsys, db, "tasks")


def test_bad_time_input_is_refused_with_nothing_changed(db, capsys):
    _run(capsys, db, "deadline", "1.2", "--date", "2021-09-30")
    _refused(capsys, db, "record", "1.2", "--progress", "101", "--note", "x", words="0 到 100")
    _refused(capsys, db, "record", "1.2", "--progress", "-5", words="0 到 100")
    _refused(capsys, db, "deadline", "1.2", "--date", "2022-06-30", words="超出方案期间")
    _refused(capsys, db, "milestone", "1.2", "--date", "2021-10-08", "--text", "晚于时限",
             words="晚于举措 1.2 的完成时限")
    _refused(capsys, db, "milestone", "1.2", "--text", "缺日期", words="--date")
    _refused(capsys, db, "round", "add", "年终", "--cutoff", "2021-12-31", "--due", "2022-01-10",
             words="还没有到")
    _refused(capsys, db, "export", "xlsx", "--out", str(db.parent / "x.xlsx"), "--round", "没有这轮",
             words="没有名为")
    _refused(capsys, db, "due", "--days", "-3", words="提前天数")


def test_milestones_on_the_command_line(db, capsys):
    out = _run(capsys, db, "milestone", "2.1", "--date", "2021-06-30", "--text", "出台实施方案")
    assert "已添加阶段节点：2021-06-30 出台实施方案" in out
    _run(capsys, db, "milestone", "2.1", "--date", "2021-09-30", "--text", "完成评估")
    _run(capsys, db, "milestone", "2.1", "--text", "出台实施方案", "--done", "2021-06-28")
    steps = _json(capsys, db, "milestone", "2.1")
    assert [(m["planned"], m["text"], m["done"]) for m in steps] == [
        ("2021-06-30", "出台实施方案", "2021-06-28"), ("2021-09-30", "完成评估", None)]
    listing = _run(capsys, db, "milestone", "2.1")
    assert "已完成（2021-06-28）　出台实施方案" in listing and "已逾期　完成评估" in listing
    _run(capsys, db, "milestone", "2.1", "--text", "出台实施方案", "--done", "no")
    _run(capsys, db, "milestone", "2.1", "--text", "完成评估", "--remove")
    assert [m["done"] for m in _json(capsys, db, "milestone", "2.1")] == [None]


def test_due_lists_overdue_due_soon_and_milestones(db, capsys, monkeypatch):
    _run(capsys, db, "deadline", "1.2", "--date", "2021-10-10")
    _run(capsys, db, "deadline", "1.3", "--date", "2021-10-20")
    _run(capsys, db, "milestone", "2.1", "--date", "2021-10-18", "--text", "出台方案")
    found = _json(capsys, db, "due")
    assert [m["code"] for m in found["overdue"]] == ["1.2"]
    assert [(m["code"], m["days_left"]) for m in found["due_soon"]] == [("1.3", 5)]
    assert [(m["code"], m["text"], m["late"]) for m in found["milestones"]] == [("2.1", "出台方案", False)]
    assert _json(capsys, db, "due", "--days", "2")["due_soon"] == []
    text = _run(capsys, db, "due")
    assert "已逾期 1 项" in text and "1.3    2021-10-20（还有 5 天）" in text
    monkeypatch.setenv("TASKLEDGER_TODAY", "2021-01-05")
    assert "没有逾期" in _run(capsys, db, "due")


def test_rounds_and_exports_for_a_round(db, capsys, tmp_path):
    _run(capsys, db, "record", "1.2", "--status", "推进中", "--note", "九月底推进会", "--date", "2021-09-30")
    _run(capsys, db, "record", "1.2", "--note", "十月一日印发", "--date", "2021-10-01")
    out = _run(capsys, db, "round", "add", Q3, "--cutoff", "2021-09-30", "--due", "2021-10-10")
    assert "已添加报送轮次" in out
    assert _json(capsys, db, "rounds") == [{"name": Q3, "cutoff": "2021-09-30", "due": "2021-10-10"}]
    xlsx = tmp_path / "q3.xlsx"
    _run(capsys, db, "export", "xlsx", "--out", str(xlsx), "--round", Q3)
    cells = [str(c.value) for row in load_workbook(xlsx).worksheets[0].iter_rows() for c in row if c.value]
    assert any("九月底推进会" in c for c in cells) and not any("十月一日印发" in c for c in cells)
    assert any("截至2021年9月30日" in c for c in cells)
    for fmt, name in (("pdf", "q3.pdf"), ("status-pdf", "s.pdf"), ("evidence-pdf", "e.pdf")):
        _run(capsys, db, "export", fmt, "--out", str(tmp_path / name), "--round", Q3)
        assert (tmp_path / name).stat().st_size > 1000
    out = _run(capsys, db, "export", "package", "--out", str(tmp_path), "--round", Q3, "--yes")
    assert f"报送轮次“{Q3}”：本次为第1版" in out
    assert (tmp_path / f"洛阳市-{Q3}-报送材料.zip").is_file()
    out = _run(capsys, db, "export", "list", "--out", str(tmp_path / "red.xlsx"), "--light", "red")
    assert "举措进展清单（红灯）" in out
    assert load_workbook(tmp_path / "red.xlsx").active["A1"].value == "洛阳市2021年举措进展清单（红灯）"
    _refused(capsys, db, "round", "remove", Q3, words="已有 1 份报送材料包")


def test_rounds_come_in_from_the_province_plan_file(db, capsys, tmp_path):
    province = tmp_path / "省.db"
    assert run(["--db", str(province), "init", "--province"]) == 0
    _run(capsys, province, "round", "add", Q3, "--cutoff", "2021-09-30", "--due", "2021-10-10")
    plan_file = tmp_path / "全省方案.json"
    _run(capsys, province, "export", "plan", "--out", str(plan_file))
    out = _run(capsys, db, "round", "import", str(plan_file))
    assert f"已导入报送轮次 1 个：{Q3}" in out
    assert [r["name"] for r in _json(capsys, db, "rounds")] == [Q3]
