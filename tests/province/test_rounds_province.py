"""The provincial ledger by reporting round: hand-ins, lateness and the matrix per round; the
rounds travel in the packages; a unit's time (deadline, 完成进度, milestones) arrives with its
data; a forged round or time field is refused whole."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from exports.package import write_package
from models.ledger import Ledger
from models.province.checking import PackageRefused
from models.province.consolidate import consolidate
from models.province.recording import IMPORTED, OLDER, import_package
from models.province.submissions import submission_history, submission_status
from tests.province.handin_fixtures import copy_ledger, rewrite_zip
from tests.support import as_in_a_test, built_once_per_run, dump_tables

Q2, Q3 = "2021年第二季度", "2021年第三季度"


@pytest.fixture(scope="module")
def handed(tmp_path_factory, city_template):
    """洛阳市's packages for Q2 (due far ahead: on time) and Q3 (due 2021-10-10: the package,
    made today, is late); between them its second measure was completed and timed. Built
    once; the packages are only read."""
    def build(root):
        with as_in_a_test(root), Ledger.open(copy_ledger(city_template.db, root / "city")) as city:
            city.add_round(Q2, cutoff="2021-06-30", due="2099-12-31")
            city.add_round(Q3, cutoff="2021-09-30", due="2021-10-10")
            (root / "out").mkdir()
            q2 = write_package(city, root / "out", round_name=Q2)
            second = city.measures()[1].code
            city.record(second, status="已完成", note="九月验收", date="2021-09-20")
            third = next(r.code for r in city.measures() if r.status == "未启动")
            city.set_deadline(third, "2021-09-15")
            city.record(third, progress=30)
            city.add_milestone(third, text="完成调研", planned="2021-08-31", done="2021-08-20")
            q3 = write_package(city, root / "out", round_name=Q3)
        return {"q2": str(q2), "q3": str(q3), "second": second, "third": third}
    made = built_once_per_run(tmp_path_factory, "rounds-handed", build)
    return {**made, "q2": Path(made["q2"]), "q3": Path(made["q3"])}


def test_hand_ins_lateness_and_the_matrix_per_round(province, handed, tmp_path):
    # Q3 arrives first; Q2 after it is older by the day it reports up to: kept as history
    assert import_package(province, handed["q3"]).outcome == IMPORTED
    late_q2 = import_package(province, handed["q2"])
    assert (late_q2.outcome, late_q2.round) == (OLDER, Q2)
    assert [r.name for r in province.rounds()] == [Q2, Q3]       # the rounds travelled
    current = submission_status(province)
    assert [(s.unit, s.round) for s in current.handed_in] == [("洛阳市", Q3)]

    in_q2 = submission_status(province, round_name=Q2)
    assert [(s.unit, s.round, s.late) for s in in_q2.handed_in] == [("洛阳市", Q2, False)]
    assert in_q2.deadline == "2099-12-31" and "郑州市" in in_q2.missing
    in_q3 = submission_status(province, round_name=Q3)
    assert [(s.unit, s.late) for s in in_q3.handed_in] == [("洛阳市", True)]
    assert [s.unit for s in in_q3.late] == ["洛阳市"]

    second = handed["second"]
    assert consolidate(province, round_name=Q2).status_of("洛阳市", second) == "推进中"
    view = consolidate(province, round_name=Q3)
    assert view.status_of("洛阳市", second) == "已完成"
    assert view.on.isoformat() == "2021-09-30" and view.round.name == Q3
    luoyang = next(u for u in view.units if u.unit == "洛阳市")
    assert luoyang.handed_in_late and luoyang in view.late_units
    # the unit's deadline of 2021-09-15 had passed at the Q3 cut-off, not at Q2's
    assert handed["third"] in luoyang.late
    assert handed["third"] not in next(u for u in consolidate(province, round_name=Q2).units
                                       if u.unit == "洛阳市").late
    # a round nobody handed in for shows everyone as not submitted
    province.add_round("2021年一季度", cutoff="2021-03-31", due="2021-04-10")
    assert consolidate(province, round_name="2021年一季度").submitted == []


def test_the_unit_s_time_arrives_with_its_data(province, handed):
    import_package(province, handed["q3"])
    third = handed["third"]
    row = next(r for r in province.measures(unit="洛阳市") if r.code == third)
    assert (row.unit_deadline, row.deadline, row.recorded_progress) == ("2021-09-15", "2021-09-15", 30.0)
    steps = province.milestones(third, unit="洛阳市")
    assert [(m.text, m.planned, m.done) for m in steps] == [("完成调研", "2021-08-31", "2021-08-20")]


def test_consolidated_outputs_per_round(province, handed, tmp_path):
    from exports.consolidated_xlsx import write_consolidated_workbook
    import_package(province, handed["q2"])
    import_package(province, handed["q3"])
    out = write_consolidated_workbook(province, tmp_path / "q3.xlsx", round_name=Q3)
    wb = load_workbook(out)
    assert f"（{Q3}，截至2021年9月30日）" in wb.worksheets[0]["A1"].value
    assert "洛阳市" in wb.sheetnames                       # its current data is the Q3 package
    states = [c.value for c in wb["报送情况"]["B"] if c.value]
    assert "逾期报送" in states
    out = write_consolidated_workbook(province, tmp_path / "q2.xlsx", round_name=Q2)
    # the ledger holds only the latest package's entries: no unit sheet for an earlier round
    assert "洛阳市" not in load_workbook(out).sheetnames


def _forged(package: Path, dst: Path, edit) -> Path:
    """``package`` with data.json edited and the manifest made to agree."""
    from models.fingerprint import content_fingerprint
    holder = {}

    def data_edit(name, data):
        if name == "data.json":
            doc = json.loads(data)
            edit(doc)
            data = holder["data"] = json.dumps(doc, ensure_ascii=False).encode("utf-8")
        return name, data
    step = rewrite_zip(package, dst.with_suffix(".step.zip"), transform=data_edit)

    def fix(manifest):
        for entry in manifest["files"]:
            if entry["path"] == "data.json":
                entry["size"] = len(holder["data"])
                entry["sha256"] = hashlib.sha256(holder["data"]).hexdigest()
        manifest["fingerprint"] = content_fingerprint(json.loads(holder["data"]))
    return rewrite_zip(step, dst, manifest=fix)


def _refused(province, path, words):
    before = dump_tables(province.path)
    with pytest.raises(PackageRefused) as caught:
        import_package(province, path)
    assert words in str(caught.value) and "\n" not in str(caught.value)
    assert dump_tables(province.path) == before


@pytest.mark.parametrize("change, words", [
    ({"name": "季" * 100, "cutoff": "2021-09-30", "due": "2021-10-10"}, "过长"),
    ({"name": Q3, "cutoff": "2021-13-30", "due": "2021-10-10"}, "截至日期"),
    ({"name": Q3, "cutoff": "2021-09-30", "due": "2021-09-01"}, "早于截至日期"),
    ({"name": Q3}, "格式不对"),
    ("2021年第三季度", "格式不对"),
])
def test_a_forged_round_is_refused_whole(province, handed, tmp_path, change, words):
    forged = rewrite_zip(handed["q3"], tmp_path / "round.zip",
                         manifest=lambda m: m.update(round=change))
    _refused(province, forged, words)


@pytest.mark.parametrize("edit, words", [
    (lambda m: m.update(progress=150), "完成进度"),
    (lambda m: m.update(progress="六成"), "完成进度"),
    (lambda m: m.update(deadline_set="下个月"), "完成时限"),
    (lambda m: m.update(milestones=[{"text": "x", "planned": "2021-02-30"}]), "阶段节点"),
    (lambda m: m.update(milestones=[{"text": "", "planned": "2021-02-01"}]), "阶段节点"),
    (lambda m: m.update(milestones=[{"text": "x", "planned": "2021-02-01"}] * 51), "阶段节点过多"),
    (lambda m: m.update(milestones="全年"), "不是列表"),
])
def test_forged_time_fields_are_refused_whole(province, handed, tmp_path, edit, words):
    forged = _forged(handed["q3"], tmp_path / "time.zip",
                     lambda doc: edit(doc["measures"][0]))
    _refused(province, forged, words)
    assert submission_history(province) == []


def test_submissions_command_by_round(province, handed, capsys):
    from cli.main import run
    import_package(province, handed["q3"])
    path = province.path
    province.close()
    assert run(["--db", str(path), "submissions", "--round", Q3, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["round"]["name"] == Q3 and data["deadline"] == "2021-10-10"
    assert [(s["unit"], s["late"], s["round"]) for s in data["handed_in"]] == [("洛阳市", True, Q3)]
    assert run(["--db", str(path), "submissions", "--round", Q3]) == 0
    out = capsys.readouterr().out
    assert f"报送轮次：{Q3}（截至 2021-09-30，报送 2021-10-10）" in out and "逾期报送：洛阳市" in out
    assert run(["--db", str(path), "submissions", "--round", "没有"]) == 2
