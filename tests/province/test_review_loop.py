"""The loop with the province: review, 退回 with comments, the unit's feedback, resubmission
with what changed, and the fingerprint tying the printed documents to the package."""
from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from cli.main import run
from exports.feedback import write_feedback
from models.check import RETURNED_GAP, check_ledger
from models.errors import InvalidInput
from models.feedback import FeedbackRefused, current_feedback, import_feedback, returned_measures
from models.province.recording import IMPORTED, import_package
from models.province.submissions import submission_history
from models.queries import MeasureFilter, measure_codes
from models.review import PASSED, PENDING, RETURNED, set_review, set_review_comment, submission_review
from models.versions import package_versions
from tests.province.handin_fixtures import make_package
from tests.support import dump_tables


def _manifest(package: Path) -> dict:
    with zipfile.ZipFile(package) as zf:
        return json.loads(zf.read("manifest.json"))


def test_round_trip_return_fix_resubmit(province, city, package, tmp_path, capsys):
    first, second, third = [row.code for row in city.measures()[:3]]
    assert _manifest(package)["version"] == 1 and _manifest(package)["changelog"] == []
    assert import_package(province, package).version == 1

    # The province reviews: one sent back with a comment, one passed, the rest pending.
    set_review(province, "洛阳市", first, result="退回修改", comment="请补充会议纪要原件")
    set_review(province, "洛阳市", second, result="通过")
    set_review_comment(province, "洛阳市", "总体较好，个别举措需补充")
    review = submission_review(province, "洛阳市")
    assert review.counts == {PASSED: 1, RETURNED: 1, PENDING: len(review.items) - 2}
    assert province.take_changes().reviews == {"洛阳市"}
    feedback = _feedback(province, tmp_path, "fb")
    assert feedback.name == "洛阳市2021年审核反馈.json"

    # The unit imports it: the comment reaches the measure, a filter lists it, the check too.
    result = import_feedback(city, feedback)
    assert result.outcome == IMPORTED and result.returned == [first]
    row = city.measure(first).row
    assert (row.review, row.review_comment) == (RETURNED, "请补充会议纪要原件")
    assert city.measure(second).row.review == PASSED
    assert measure_codes(city, MeasureFilter(review=RETURNED)) == [first]
    info = current_feedback(city)
    assert info.comment == "总体较好，个别举措需补充" and info.version == 1
    gaps = [g for g in check_ledger(city) if g.kind == RETURNED_GAP]
    assert [g.measure_code for g in gaps] == [first] and "请补充会议纪要原件" in gaps[0].message
    assert run(["--db", str(city.path), "tasks", "--json"]) == 0
    items = {item["code"]: item for item in json.loads(capsys.readouterr().out)}
    assert items[first]["review"] == RETURNED and items[first]["review_comment"] == "请补充会议纪要原件"
    assert items[third]["review"] == PENDING

    # The unit fixes it: the check no longer lists it; version 2 says only that one changed.
    city.record(first, note="补充会议纪要原件", date="2021-10-12")
    assert [r.changed for r in returned_measures(city)] == [True]
    assert not [g for g in check_ledger(city) if g.kind == RETURNED_GAP]
    v2 = make_package(city, tmp_path / "v2")
    manifest = _manifest(v2)
    assert manifest["version"] == 2 and [c["code"] for c in manifest["changelog"]] == [first]
    assert manifest["changelog"][0]["kinds"] == ["entries"]
    assert manifest["previous"]["version"] == 1
    assert [p.version for p in package_versions(city)] == [1, 2]

    # The province sees what changed; only that measure goes back to 待审核.
    imported = import_package(province, v2)
    assert (imported.version, imported.changed, imported.reopened) == (2, [first], [first])
    assert "与上一版相比 1 项举措有变化" in imported.message()
    now = submission_review(province, "洛阳市")
    assert now.version == 2 and now.changed == [first]
    assert now.item(first).result == PENDING and now.item(first).changes == ["进展：新增1条"]
    assert now.item(second).result == PASSED and now.item(second).kept_from == review.submission_id
    assert now.comment == ""            # the overall comment belonged to version 1
    # History: version 1 keeps its own review ("view previous version").
    before = submission_review(province, submission_id=now.previous_id)
    assert (before.version, before.item(first).result, before.comment) == (
        1, RETURNED, "总体较好，个别举措需补充")
    assert [s.version for s in submission_history(province, unit="洛阳市")] == [1, 2]

    assert run(["--db", str(province.path), "submissions", "--json"]) == 0
    handed = json.loads(capsys.readouterr().out)["handed_in"][0]
    assert handed["version"] == 2 and handed["changes"] == [first]
    assert handed["fingerprint"] == manifest["fingerprint"]
    assert handed["review"] == {PASSED: 1, RETURNED: 0, PENDING: len(now.items) - 1}


def test_the_printed_fingerprint_matches_what_the_province_recomputes(province, package):
    """The 工作情况报告 and the 完成情况表 in the package carry the code in their footers;
    the province computes it from the package's data and shows it beside the submission."""
    from openpyxl import load_workbook
    from pypdf import PdfReader
    result = import_package(province, package)
    code = result.fingerprint
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", code)
    assert submission_history(province)[0].fingerprint == code
    with zipfile.ZipFile(package) as zf:
        report = next(n for n in zf.namelist() if n.endswith("工作情况报告.pdf"))
        xlsx = next(n for n in zf.namelist() if n.endswith("任务完成情况表.xlsx"))
        pages = PdfReader(io.BytesIO(zf.read(report))).pages
        workbook = load_workbook(io.BytesIO(zf.read(xlsx)))
    texts = [re.sub(r"\s+", "", page.extract_text()) for page in pages]
    assert all(f"校验码{code}" in text for text in texts), "every page carries the code"
    assert all(ws.oddFooter.left.text == f"校验码 {code}" for ws in workbook.worksheets)


def test_fingerprint_follows_content_not_time(city, tmp_path):
    from models.fingerprint import ledger_fingerprint
    code = city.measures()[0].code
    before = ledger_fingerprint(city)
    city.set_settings(addressee="河南省知识产权局协调管理处")   # not part of what is reported
    assert ledger_fingerprint(city) == before
    city.record(code, problems="经费不足，已申请追加")
    assert ledger_fingerprint(city) != before


def test_a_second_package_without_changes_keeps_its_version(city, tmp_path):
    again = make_package(city, tmp_path / "again")
    manifest = _manifest(again)
    assert manifest["version"] == 1 and manifest["previous"]["version"] == 1
    assert [p.version for p in package_versions(city)] == [1, 1]


def _feedback(province, tmp_path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    return write_feedback(province, folder, unit="洛阳市")


def test_stale_and_earlier_feedback_are_refused(province, city, package, tmp_path):
    code = city.measures()[0].code
    import_package(province, package)
    set_review(province, "洛阳市", code, result="退回修改", comment="第一次意见")
    early = _feedback(province, tmp_path, "early")
    set_review(province, "洛阳市", code, comment="补充：附上原件扫描件")
    late = _feedback(province, tmp_path, "late")
    assert import_feedback(city, late).outcome == IMPORTED
    before = dump_tables(city.path)
    with pytest.raises(FeedbackRefused, match="更晚的审核反馈"):
        import_feedback(city, early)
    assert import_feedback(city, late).outcome == "unchanged"      # twice: nothing changes
    assert dump_tables(city.path) == before

    # The unit hands in version 2 before this (older) feedback arrives: it is stale.
    city.record(code, note="按意见补充", date="2021-10-13")
    make_package(city, tmp_path / "v2")
    set_review(province, "洛阳市", code, comment="第三次意见")
    stale = _feedback(province, tmp_path, "stale")
    before = dump_tables(city.path)
    with pytest.raises(FeedbackRefused, match="第1版.*此后已制作第2版.*已过时"):
        import_feedback(city, stale)
    assert dump_tables(city.path) == before


def test_review_refuses_what_it_cannot_mean(province, city, package):
    with pytest.raises(InvalidInput, match="尚未报送"):
        set_review(province, "洛阳市", "1.2", result="通过")
    import_package(province, package)
    with pytest.raises(InvalidInput, match="审核结果“同意”无效"):
        set_review(province, "洛阳市", city.measures()[0].code, result="同意")
    with pytest.raises(InvalidInput, match="不在洛阳市第1版报送的举措中"):
        set_review(province, "洛阳市", "1.1", result="通过")
    with pytest.raises(InvalidInput, match="过长"):
        set_review_comment(province, "洛阳市", "长" * 2001)
    with pytest.raises(InvalidInput, match="只有省级台账"):
        set_review(city, "洛阳市", "1.2", result="通过")
    assert submission_review(province, "洛阳市").counts[PENDING] == len(city.measures())


def test_review_and_export_feedback_on_the_command_line(province, city, package, tmp_path, capsys):
    import_package(province, package)
    code = city.measures()[0].code
    db = str(province.path)
    province.close()
    assert run(["--db", db, "review", "洛阳市", code, "--result", "退回修改", "--comment", "补原件"]) == 0
    assert "已记录：洛阳市 举措" in capsys.readouterr().out
    assert run(["--db", db, "review", "洛阳市", "--comment", "请于11月20日前重报"]) == 0
    assert run(["--db", db, "review", "洛阳市", "--result", "通过"]) == 2
    assert "--result 需要举措编号" in capsys.readouterr().err
    assert run(["--db", db, "review", "郑州市", code, "--result", "通过"]) == 2
    assert "郑州市尚未报送" in capsys.readouterr().err
    assert run(["--db", db, "review", "洛阳市", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["comment"] == "请于11月20日前重报" and shown["counts"][RETURNED] == 1
    assert shown["items"][0] | {"result": RETURNED, "comment": "补原件"} == shown["items"][0]
    folder = tmp_path / "反馈"
    assert run(["--db", db, "export", "feedback", "--out", str(folder)]) == 0
    files = sorted(p.name for p in folder.iterdir())
    assert files == ["洛阳市2021年审核反馈.json"]
    assert run(["--db", db, "export", "feedback", "--unit", "郑州市", "--out", str(tmp_path / "z.json")]) == 2
    assert not (tmp_path / "z.json").exists()
