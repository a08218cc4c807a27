"""Provincial import: packages made by the program round-trip; every bad package is refused
with the provincial ledger unchanged; re-import is idempotent; newer packages supersede."""
from __future__ import annotations

from datetime import datetime, timedelta

import json
import struct
import zipfile
from pathlib import Path

import pytest

from models.errors import LedgerError
from models.province.checking import PackageRefused
from models.province.recording import (IMPORTED, OLDER, UNCHANGED, create_province_ledger,
                                       import_package, import_packages)
from models.province.submissions import submission_files, submission_history, submission_status
from models.summary import evidence_numbers
from models.ledger import Ledger
from tests.province.handin_fixtures import (copy_file, copy_ledger, make_city, make_package,
                                           rewrite_zip)
from tests.support import dump_tables


def _unit_view(ledger, unit):
    rows = []
    for row in ledger.measures(unit=unit):
        detail = ledger.measure(row.code, unit=unit)
        rows.append((row.code, row.status, row.involved, row.problems, row.next_steps,
                     [(e.date, e.author, e.text) for e in detail.entries],
                     [(i.raw, i.value) for i in detail.indicators],
                     [(e.original_name, e.sha256, e.size, e.evidence_date, e.note)
                      for e in detail.evidence]))
    return rows


def test_round_trip_into_provincial_ledger(province, city, package):
    result = import_package(province, package)
    assert result.outcome == IMPORTED and result.unit == "洛阳市"
    assert _unit_view(province, "洛阳市") == _unit_view(city, "洛阳市")
    # The province numbers evidence exactly as the unit's package did.
    assert ([n.package_name for n in evidence_numbers(province, unit="洛阳市")]
            == [n.package_name for n in evidence_numbers(city)])
    for item in province.evidence_for(unit="洛阳市"):
        assert province.evidence_path(item.sha256).read_bytes() == \
            city.evidence_path(item.sha256).read_bytes()
    status = submission_status(province)
    assert [s.unit for s in status.handed_in] == ["洛阳市"]
    assert status.handed_in[0].counts["已完成"] == 1
    assert "洛阳市" not in status.missing and len(status.missing) == 27
    roles = {f["role"] for f in submission_files(province, result.submission_id)}
    assert roles == {"progress_xlsx", "report_pdf", "data", "evidence"}
    assert province.verify() == []


def test_reimport_is_idempotent(province, package):
    import_package(province, package)
    before = dump_tables(province.path)
    again = import_package(province, package)
    assert again.outcome == UNCHANGED
    assert dump_tables(province.path) == before


def test_same_package_zipped_again_is_unchanged(province, package, tmp_path):
    import_package(province, package)
    before = dump_tables(province.path)
    rezipped = rewrite_zip(package, tmp_path / "rezipped.zip")
    assert rezipped.read_bytes() != package.read_bytes()
    assert import_package(province, rezipped).outcome == UNCHANGED
    assert dump_tables(province.path) == before


def test_newer_package_supersedes_and_history_is_kept(province, city, package, tmp_path,
                                                      monkeypatch):
    first = import_package(province, package)
    first_entries = _unit_view(province, "洛阳市")
    row = city.measures()[2]
    city.record(row.code, status="已完成", note="第二次报送前完成", date="2021-10-01")
    import exports.package as package_module
    # Later than the first (made at the start of the session), within the clock allowance.
    later = (datetime.now().astimezone() + timedelta(hours=1)).isoformat(timespec="seconds")
    monkeypatch.setattr(package_module, "now_stamp", lambda: later)
    newer = make_package(city, tmp_path / "out2")
    second = import_package(province, newer)
    assert second.outcome == IMPORTED and second.replaced == first.submission_id
    assert _unit_view(province, "洛阳市") == _unit_view(city, "洛阳市") != first_entries
    history = submission_history(province, unit="洛阳市")
    assert [(h.id, h.superseded_by) for h in history] == [
        (first.submission_id, second.submission_id), (second.submission_id, None)]
    # The older package, seen again, changes nothing.
    before = dump_tables(province.path)
    assert import_package(province, package).outcome == UNCHANGED
    assert dump_tables(province.path) == before
    assert submission_status(province).history["洛阳市"] == 1


def test_older_package_after_newer_goes_to_history_only(province, city, tmp_path, monkeypatch):
    import exports.package as package_module
    monkeypatch.setattr(package_module, "now_stamp", lambda: "2021-11-01T09:00:00+08:00")
    old = make_package(city, tmp_path / "old")
    city.record(city.measures()[3].code, status="推进中", note="后来补的", date="2021-10-02")
    monkeypatch.setattr(package_module, "now_stamp", lambda: "2021-11-20T09:00:00+08:00")
    new = make_package(city, tmp_path / "new")
    import_package(province, new)
    view = _unit_view(province, "洛阳市")
    result = import_package(province, old)
    assert result.outcome == OLDER
    assert _unit_view(province, "洛阳市") == view
    assert [h.superseded_by is None for h in submission_history(province)] == [True, False]


def test_two_units_are_kept_apart(province, city, package, tmp_path, unit_packages):
    made = unit_packages["郑州市"]
    other_package = copy_file(made.package, tmp_path / "out-zz")
    with Ledger.open(copy_ledger(made.db, tmp_path / "zz")) as other:
        results = import_packages(province, [package, other_package])
        assert [r.outcome for r in results] == [IMPORTED, IMPORTED]
        assert _unit_view(province, "郑州市") == _unit_view(other, "郑州市")
        assert _unit_view(province, "洛阳市") == _unit_view(city, "洛阳市")
    assert {s.unit for s in submission_status(province).handed_in} == {"洛阳市", "郑州市"}


# ---- refusals ------------------------------------------------------------------------------
def _refused(province, path, expected: str, **limits):
    before = dump_tables(province.path)
    store_before = sorted(p.name for p in province.evidence.root.rglob("*")) \
        if province.evidence.root.exists() else []
    with pytest.raises(PackageRefused) as caught:
        import_package(province, path, **limits)
    message = str(caught.value)
    assert Path(path).name in message and expected in message, message
    assert "\n" not in message
    assert dump_tables(province.path) == before
    store_after = sorted(p.name for p in province.evidence.root.rglob("*")) \
        if province.evidence.root.exists() else []
    assert store_after == store_before        # not even a temporary file left behind
    return message


def test_tampered_evidence_refused(province, package, tmp_path):
    bad = rewrite_zip(package, tmp_path / "tampered.zip", transform=lambda name, data: (
        name, data + b"changed" if name.endswith(".txt") else data))
    _refused(province, bad, "SHA-256")


def test_tampered_data_refused(province, package, tmp_path):
    def edit(name, data):
        if name == "data.json":
            doc = json.loads(data)
            doc["measures"][0]["status"] = "已完成"
            doc["measures"][0]["problems"] = "篡改"
            data = json.dumps(doc, ensure_ascii=False).encode()
        return name, data
    _refused(province, rewrite_zip(package, tmp_path / "data.zip", transform=edit), "data.json")


def test_truncated_package_refused(province, package, tmp_path):
    raw = package.read_bytes()
    for cut in (len(raw) // 2, len(raw) - 30):
        short = tmp_path / f"truncated-{cut}.zip"
        short.write_bytes(raw[:cut])
        _refused(province, short, "zip")


@pytest.mark.parametrize("name", ["佐证材料/../../evil.txt", "..\\..\\evil.txt", "a/./../../b"])
def test_zip_slip_refused(province, package, tmp_path, name):
    bad = rewrite_zip(package, tmp_path / "slip.zip", extra=[(name, b"x")])
    _refused(province, bad, "..")


def test_absolute_path_refused(province, package, tmp_path):
    for name in ("/etc/evil.txt", "C:/Windows/evil.txt", "\\\\server\\share\\evil.txt"):
        info = zipfile.ZipInfo("x")
        info.filename = info.orig_filename = name
        bad = rewrite_zip(package, tmp_path / "abs.zip", extra=[(info, b"x")])
        _refused(province, bad, "绝对路径")


def test_symlink_refused(province, package, tmp_path):
    info = zipfile.ZipInfo("佐证材料/link.pdf")
    info.create_system = 3
    info.external_attr = (0o120777 << 16)
    bad = rewrite_zip(package, tmp_path / "link.zip", extra=[(info, b"/etc/passwd")])
    _refused(province, bad, "符号链接")


def test_duplicate_name_refused(province, package, tmp_path):
    def twice(name, data):
        return name, data
    bad = rewrite_zip(package, tmp_path / "dup.zip", transform=twice,
                      extra=[("data.json", b"{}")])
    _refused(province, bad, "重复")


def test_member_over_limit_refused(province, package):
    _refused(province, package, "上限", max_member_bytes=50_000)


def test_zip_bomb_refused(province, package, tmp_path):
    bomb = rewrite_zip(package, tmp_path / "bomb.zip",
                       extra=[("佐证材料/zeros.bin", b"\0" * (20 * 1024 * 1024))])
    assert bomb.stat().st_size < 1_000_000        # 20 MB of zeros deflates to almost nothing
    _refused(province, bomb, "压缩炸弹", max_total_bytes=10 * 1024 * 1024)


def test_zip_bomb_with_lying_sizes_refused(province, package, tmp_path):
    """Declared sizes can lie: bytes are counted (and checked) while reading."""
    bomb = rewrite_zip(package, tmp_path / "liar.zip",
                       extra=[("佐证材料/zeros.bin", b"\0" * (5 * 1024 * 1024))])
    raw = bytearray(bomb.read_bytes())
    # Shrink the declared uncompressed size of the last member in the central directory.
    central = raw.rfind(b"PK\x01\x02")
    struct.pack_into("<I", raw, central + 24, 100)
    bomb.write_bytes(bytes(raw))
    with zipfile.ZipFile(bomb) as zf:
        assert zf.getinfo("佐证材料/zeros.bin").file_size == 100
    _refused(province, bomb, "")


def test_unlisted_file_refused(province, package, tmp_path):
    bad = rewrite_zip(package, tmp_path / "extra.zip", extra=[("佐证材料/多出来的.txt", b"x")])
    _refused(province, bad, "清单未列出")


def test_missing_member_refused(province, package, tmp_path):
    bad = rewrite_zip(package, tmp_path / "missing.zip",
                      transform=lambda n, d: None if n.endswith(".png") else (n, d))
    _refused(province, bad, "不在压缩包中")


def test_wrong_plan_refused(province, tmp_path):
    from models.plan.definition import load_builtin_plan
    plan = load_builtin_plan()
    plan.update(year=2022, title="河南省推动知识产权高质量发展年度实施方案（2022）",
                doc_no="豫知〔2022〕1号", deadline="2022-11-30")
    with make_city(tmp_path / "c2022", plan=plan) as other:
        wrong = make_package(other, tmp_path / "out2022")
    message = _refused(province, wrong, "另一方案")
    assert "2022" in message


def test_non_zip_refused(province, tmp_path):
    fake = tmp_path / "洛阳市-2021-报送材料.zip"
    fake.write_text("这不是压缩包", encoding="utf-8")
    _refused(province, fake, "zip")


def test_city_ledger_does_not_import(city, package):
    with pytest.raises(LedgerError, match="省级台账"):
        import_package(city, package)


def test_refused_package_does_not_stop_the_others(province, package, tmp_path):
    fake = tmp_path / "bad.zip"
    fake.write_bytes(b"PK\x03\x04 not really")
    results = import_packages(province, [fake, package])
    assert isinstance(results[0], PackageRefused) and results[1].outcome == IMPORTED


def test_many_packages_progress_and_cancel(province, package, tmp_path, unit_packages):
    second = copy_file(unit_packages["兰考县"].package, tmp_path / "out-lk")
    seen = []
    results = import_packages(province, [package, second], progress=lambda d, t: seen.append((d, t)))
    assert [r.outcome for r in results] == [IMPORTED, IMPORTED]
    assert seen[-1] == (1000, 1000) and all(t == 1000 for _, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    # Cancelled before the first package: nothing imported, nothing changed.
    with create_province_ledger(tmp_path / "p2.db") as fresh:
        before = dump_tables(fresh.path)
        assert import_packages(fresh, [package, second], cancelled=lambda: True) == []
        assert dump_tables(fresh.path) == before


def test_cancel_midway_changes_nothing(province, package):
    from models.province.recording import CANCELLED
    before = dump_tables(province.path)
    calls = []
    result = import_package(province, package, progress=lambda d, t: calls.append(d),
                            cancelled=lambda: len(calls) >= 2)
    assert result.outcome == CANCELLED and len(calls) == 2
    assert dump_tables(province.path) == before
    assert not [p for p in province.evidence.root.rglob("*") if p.is_file()]


def _forged(package, dst, edit, *, fingerprint=True):
    """A package whose data.json was changed and whose manifest was made to agree (its file
    list, and its fingerprint unless ``fingerprint`` is False)."""
    import hashlib
    holder = {}

    def data_edit(name, data):
        if name == "data.json":
            doc = json.loads(data)
            edit(doc)
            data = json.dumps(doc, ensure_ascii=False).encode("utf-8")
            holder["data"] = data
        return name, data
    step = rewrite_zip(package, dst.with_suffix(".step.zip"), transform=data_edit)

    def fix(manifest):
        from models.fingerprint import content_fingerprint
        for entry in manifest["files"]:
            if entry["path"] == "data.json":
                entry["size"] = len(holder["data"])
                entry["sha256"] = hashlib.sha256(holder["data"]).hexdigest()
        if fingerprint:
            manifest["fingerprint"] = content_fingerprint(json.loads(holder["data"]))
    return rewrite_zip(step, dst, manifest=fix)


@pytest.mark.parametrize("edit, expected", [
    (lambda d: d["measures"][0].update(status="完成了"), "状态"),
    (lambda d: d["measures"][0].update(id="1.1"), "不是洛阳市需填报"),
    (lambda d: d["measures"][0].update(problems={"x": 1}), "存在问题"),
    (lambda d: d["measures"][0].update(updated_at=[1]), "更新时间"),
    (lambda d: d["measures"][0]["entries"][0].update(date="2021-13-45"), "进展日期"),
    (lambda d: d["measures"][0]["entries"][0].update(text=7), "进展记录"),
    (lambda d: d["measures"][0]["evidence"][0].update(evidence_date="昨天"), "佐证材料信息"),
    (lambda d: d["measures"][0]["evidence"][0].update(id="x"), "佐证材料信息"),
    (lambda d: d["measures"][0]["evidence"][0].update(sha256="0" * 64), "与清单不符"),
    (lambda d: d["measures"][0].update(entries="none"), "不是列表"),
    (lambda d: d.update(unit="郑州市"), "单位与清单不一致"),
    (lambda d: d["measures"].append(dict(d["measures"][0])), "重复"),
])
def test_forged_data_refused(province, package, tmp_path, edit, expected):
    forged = _forged(package, tmp_path / "forged.zip", edit)
    _refused(province, forged, expected)


def test_data_changed_behind_the_fingerprint_is_refused(province, package, tmp_path):
    """Hashes made to agree but the declared fingerprint (the one printed on paper) left:
    the content is not what the paper says."""
    forged = _forged(package, tmp_path / "fp.zip",
                     lambda d: d["measures"][1].update(problems="补充说明"), fingerprint=False)
    before = dump_tables(province.path)
    with pytest.raises(PackageRefused, match="校验码.*与其内容.*不符"):
        import_package(province, forged)
    assert dump_tables(province.path) == before


def test_forged_but_valid_data_is_accepted(province, package, tmp_path):
    """The check is on form, not on a digital signature: a consistent package imports."""
    forged = _forged(package, tmp_path / "ok.zip",
                     lambda d: d["measures"][1].update(problems="补充说明"))
    assert import_package(province, forged).outcome == IMPORTED
    assert province.measure(province.measures(unit="洛阳市")[1].code, unit="洛阳市").row.problems == "补充说明"


def test_a_package_from_the_future_is_refused_and_never_shadows(province, city, package,
                                                               tmp_path, monkeypatch):
    """A unit PC whose clock is a year ahead: its package would become current and file
    every genuine later package as history. It is refused, and the genuine one goes in."""
    import exports.package as package_module
    monkeypatch.setattr(package_module, "now_stamp", lambda: "2099-01-01T09:00:00+08:00")
    ahead = make_package(city, tmp_path / "ahead")
    before = dump_tables(province.path)
    with pytest.raises(PackageRefused, match="时钟"):
        import_package(province, ahead)
    assert dump_tables(province.path) == before
    monkeypatch.undo()
    assert import_package(province, package).outcome == IMPORTED


@pytest.mark.parametrize("made_at", ["0001-01-01T00:00:00", "9999-12-31T23:59:59", "昨天", 17])
def test_impossible_made_at_is_refused_in_one_line(province, package, tmp_path, made_at):
    odd = rewrite_zip(package, tmp_path / "odd.zip", manifest=lambda doc: doc.update(made_at=made_at))
    before = dump_tables(province.path)
    with pytest.raises(PackageRefused, match="制作时间"):
        import_package(province, odd)
    assert dump_tables(province.path) == before


def test_a_garbage_update_time_is_refused_at_import(province, package, tmp_path):
    """Once stored, a garbage updated_at broke the consolidated export; now it never gets in."""
    def garbage(doc):
        doc["measures"][0]["updated_at"] = "上周三下午"
    forged = _forged(package, tmp_path / "坏时间.zip", garbage)
    before = dump_tables(province.path)
    with pytest.raises(PackageRefused, match="更新时间"):
        import_package(province, forged)
    assert dump_tables(province.path) == before


def test_a_manifest_nested_200000_deep_is_refused_in_one_line(province, package, tmp_path):
    from tests.province.handin_fixtures import rewrite_zip

    def deep(name, data):
        if name == "manifest.json":
            data = b'{"format": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
        return name, data
    nested = rewrite_zip(package, tmp_path / "深.zip", transform=deep)
    with pytest.raises(PackageRefused, match="嵌套过深|manifest"):
        import_package(province, nested)
