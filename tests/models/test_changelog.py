"""What changed between two versions of a submission, measure by measure."""
from __future__ import annotations

import copy

from models.changelog import compare_unit_data
from models.fingerprint import content_fingerprint, measure_digest, short_code


def _data() -> dict:
    return {"plan": {"year": 2021, "title": "方案", "doc_no": "豫知〔2021〕35号"}, "unit": "洛阳市",
            "contacts": {"unit_full_name": "洛阳市知识产权局", "contact_person": "张三",
                         "contact_phone": "0379-63900000"},
            "measures": [
                {"id": "1.2", "status": "推进中", "involved": None, "problems": "", "next_steps": "",
                 "updated_at": "2021-06-01T10:00:00",
                 "entries": [{"date": "2021-06-01", "author": "张三", "text": "开会",
                              "created_at": "x", "updated_at": "x"}],
                 "indicators": [{"seq": 1, "raw": "6-10家", "value": 3.0}],
                 "evidence": [{"id": 1, "number": "1.2-1", "path": "佐证材料/a", "sha256": "a" * 64,
                               "size": 10, "original_name": "纪要.pdf", "evidence_date": "2021-06-01",
                               "note": "", "added_at": "x", "added_by": "张三"}]},
                {"id": "1.3", "status": "未启动", "involved": None, "problems": "", "next_steps": "",
                 "updated_at": None, "entries": [], "indicators": [], "evidence": []}]}


def test_each_kind_of_change_is_named():
    old, new = _data(), _data()
    m = new["measures"][0]
    m["status"] = "已完成"
    m["entries"].append({"date": "2021-07-01", "author": "张三", "text": "验收"})
    m["indicators"][0]["value"] = 7
    m["evidence"] = [dict(m["evidence"][0], sha256="b" * 64, original_name="验收报告.pdf")]
    m["problems"] = "无"
    changes = compare_unit_data(old, new)
    assert [c.code for c in changes] == ["1.2"]
    assert changes[0].kinds == ["status", "entries", "figures", "evidence", "problems"]
    assert changes[0].details == ["状态：推进中→已完成", "进展：新增1条", "指标完成值：3→7",
                                  "佐证材料：新增 验收报告.pdf；移除 纪要.pdf", "存在问题已修改"]


def test_times_and_authors_are_not_changes():
    old, new = _data(), _data()
    new["measures"][0]["updated_at"] = "2021-10-01T00:00:00"
    new["measures"][0]["entries"][0]["author"] = "李四"
    new["measures"][0]["evidence"][0]["added_at"] = "later"
    new["made_on"] = "2021-10-15"
    assert compare_unit_data(old, new) == []
    assert content_fingerprint(old) == content_fingerprint(new)
    assert measure_digest(old["measures"][0]) == measure_digest(new["measures"][0])


def test_added_and_removed_measures_and_hostile_shapes():
    old, new = _data(), copy.deepcopy(_data())
    new["measures"] = new["measures"][1:] + [{"id": "2.1", "status": "推进中"}]
    changes = {c.code: c.kinds for c in compare_unit_data(old, new)}
    assert changes == {"2.1": ["added"], "1.2": ["removed"]}
    assert compare_unit_data({"measures": "x"}, {"measures": [None, 3, {"id": 5}]}) == []
    assert content_fingerprint({"measures": [{"entries": "x", "evidence": [None]}]})


def test_short_codes_are_readable():
    code = short_code(bytes(range(32)))
    assert len(code) == 14 and code.count("-") == 2
    assert not set(code) & set("ILOU")


def test_the_ledger_fingerprint_is_that_of_the_package_data(tmp_path):
    """models.fingerprint reads the ledger in bulk; it must give the code of unit_data."""
    from models.fingerprint import ledger_fingerprint
    from models.handin import unit_data
    from models.ledger import Ledger
    files = []
    for k, name in enumerate(("b.pdf", "a.pdf", "c.png")):
        path = tmp_path / name
        path.write_bytes(f"evidence {k}".encode())
        files.append(path)
    with Ledger.create(tmp_path / "l.db", unit="洛阳市", user="张三") as ledger:
        ledger.set_settings(unit_full_name="洛阳市知识产权局", contact_phone="0379-63900000")
        ledger.record("4.1", status="推进中", value=3, note="第二条", date="2021-06-02")
        ledger.record("4.1", note="第一条", date="2021-06-01", problems="无")
        ledger.record("2.2", status="不涉及")
        ledger.attach("4.1", files[0], date="2021-06-03", note="纪要")
        ledger.attach("4.1", files[1], date="2021-06-01")
        ledger.attach("1.2", files[1], date="2021-06-01")
        ledger.attach("1.2", files[2], date="2021-05-01")
        assert ledger_fingerprint(ledger) == content_fingerprint(unit_data(ledger))
        ledger.set_indicator_value(ledger.measure("4.1").indicators[0].id, None)
        assert ledger_fingerprint(ledger) == content_fingerprint(unit_data(ledger))
