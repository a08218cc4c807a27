"""Consolidation: the matrix repeats each unit's statuses, totals add the units' figures,
late units are named; the submissions command reports who has handed in."""
from __future__ import annotations

import json
from datetime import date

from cli.main import run
from models.province.consolidate import MEAN, SUM, consolidate
from tests.province.handin_fixtures import FIGURES, SHARES


def test_matrix_repeats_each_units_statuses(filled_province):
    province, cities = filled_province
    view = consolidate(province)
    assert len(view.units) == 28 and len(view.submitted) == 3
    for unit, statuses in cities.items():
        line = next(u for u in view.units if u.unit == unit)
        assert line.statuses == statuses
        assert line.submitted_at is not None
        task4 = line.tasks[4]
        assert task4.done == sum(1 for m, s in statuses.items() if m.startswith("4.") and s == "已完成")
    assert all(m.scope != "issuer" for m in view.measures)
    assert view.status_of("洛阳市", "4.1") == "已完成"


def test_indicator_totals_add_the_units_figures(filled_province):
    province, _ = filled_province
    view = consolidate(province)
    centres = next(i for i in view.indicators if i.measure_code == "4.1")
    assert centres.aggregate == SUM and centres.target == "6–10家"
    assert centres.by_unit == {u: float(v) for u, v in FIGURES.items()}
    assert centres.total == sum(FIGURES.values()) == 8 and centres.met is True
    share = next(i for i in view.indicators if i.measure_code == "6.1")
    assert share.aggregate == MEAN and share.total == sum(SHARES.values()) / len(SHARES)


def test_late_units(filled_province):
    province, _ = filled_province
    assert consolidate(province, on=date(2021, 10, 15)).late_units == []
    after = consolidate(province, on=date(2021, 12, 15))
    late = {u.unit: u for u in after.late_units}
    assert len(late) == 28                       # 3 with unfinished measures, 25 never handed in
    assert "4.1" not in late["洛阳市"].late and late["洛阳市"].late
    assert late["郑州市"].submitted_at and late["开封市"].submitted_at is None


def test_submissions_command(filled_province, capsys):
    province, _ = filled_province
    path = province.path
    province.close()
    assert run(["--db", str(path), "submissions", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["unit"] for s in data["handed_in"]] == ["郑州市", "洛阳市", "兰考县"]
    assert data["handed_in"][0]["counts"]["已完成"] >= 1
    assert len(data["missing"]) == 25 and "开封市" in data["missing"]
    assert run(["--db", str(path), "submissions"]) == 0
    out = capsys.readouterr().out
    assert "已报送 3 / 28" in out and "未报送：开封市" in out


def test_import_package_command(tmp_path, capsys, city_template):
    from tests.province.handin_fixtures import copy_file
    package = copy_file(city_template.package, tmp_path / "out")
    db = tmp_path / "province.db"
    assert run(["--db", str(db), "init", "--province"]) == 0
    assert "省级台账" in capsys.readouterr().out
    fake = tmp_path / "坏包.zip"
    fake.write_text("no", encoding="utf-8")
    assert run(["--db", str(db), "import-package", str(package), str(fake)]) == 2
    captured = capsys.readouterr()
    assert "已导入" in captured.out and "坏包.zip" in captured.err
    assert run(["--db", str(db), "import-package", str(package)]) == 0
    assert "未改动" in capsys.readouterr().out


def test_submission_history_and_files(filled_province, tmp_path, capsys):
    from openpyxl import load_workbook
    from models.province.submissions import copy_submission_file, submission_files, submission_history
    province, _ = filled_province
    current = submission_history(province, unit="洛阳市")[-1]
    xlsx = next(f for f in submission_files(province, current.id) if f["role"] == "progress_xlsx")
    copy = copy_submission_file(province, current.id, xlsx["path"], tmp_path / "打开")
    assert copy.name == xlsx["path"] and "完成情况表" in load_workbook(copy).sheetnames
    path = province.path
    province.close()
    assert run(["--db", str(path), "submissions", "--history", "--json"]) == 0
    assert [h["unit"] for h in json.loads(capsys.readouterr().out)] == ["郑州市", "洛阳市", "兰考县"]
