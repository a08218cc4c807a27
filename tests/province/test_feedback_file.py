"""The 审核反馈 file is hostile input to the unit's ledger: each bad file is refused whole,
with the reason, and the ledger is left exactly as it was."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from exports.feedback import write_feedback
from models.feedback import FeedbackRefused, import_feedback, signature
from models.province.recording import create_province_ledger, import_package
from models.review import set_review
from tests.support import dump_tables


@pytest.fixture(scope="module")
def good_feedback(city_template, tmp_path_factory) -> Path:
    """A real feedback file on 洛阳市's package: its first measure sent back."""
    root = tmp_path_factory.mktemp("feedback")
    with create_province_ledger(root / "province.db", user="王五") as province:
        import_package(province, city_template.package)
        code = province.measures(unit="洛阳市")[0].code
        set_review(province, "洛阳市", code, result="退回修改", comment="请补充")
        return write_feedback(province, root / "good.json", unit="洛阳市")


def _document(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _write(path: Path, document: dict, *, resign: bool = True) -> Path:
    if resign:
        document["signature"]["value"] = signature(document["content"])
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _refused(city, path: Path, reason: str) -> None:
    before = dump_tables(city.path)
    with pytest.raises(FeedbackRefused, match=reason) as caught:
        import_feedback(city, path)
    assert str(caught.value).startswith(f"审核反馈文件 {path.name} 未导入：")
    assert str(caught.value).endswith("台账未改动") and "\n" not in str(caught.value)
    assert dump_tables(city.path) == before


def test_the_good_file_imports(city, good_feedback):
    assert import_feedback(city, good_feedback).returned == [city.measures()[0].code]


def _edited(good: Path, tmp: Path, edit, *, resign: bool = True) -> Path:
    document = _document(good)
    edit(document)
    return _write(tmp / "edited.json", document, resign=resign)


@pytest.mark.parametrize("edit, resign, reason", [
    # tampered: a comment changed, signature left
    (lambda d: d["content"]["items"][0].update(comment="已通过"), False, "校验值不符"),
    (lambda d: d["content"].update(unit="郑州市"), True, "给“郑州市”的审核反馈"),
    (lambda d: d["content"]["plan"].update(title="另一方案", year=2022), True, "另一方案"),
    (lambda d: d["content"]["submission"].update(package_sha256="0" * 64, made_at="2021-01-01T00:00:00"),
     True, "不是本台账制作的"),
    (lambda d: d["content"]["items"][0].update(result="同意"), True, "举措审核结果格式不对"),
    (lambda d: d["content"]["items"][0].update(code="99.9"), True, "99.9 不是本单位需填报"),
    (lambda d: d["content"]["items"].append(dict(d["content"]["items"][0])), True, "重复出现"),
    (lambda d: d["content"]["submission"].update(version=True), True, "所针对的报送信息格式不对"),
    (lambda d: d["content"].update(comment="长" * 5000), True, "总体意见格式不对"),
    (lambda d: d.update(format_version=9), True, "格式版本 9 比本程序支持的 1 新"),
    (lambda d: d.update(format="taskledger-package"), True, "不是 TaskLedger 审核反馈文件"),
    (lambda d: d["signature"].update(algorithm="md5"), False, "校验值不符"),
])
def test_edited_files_are_refused(city, good_feedback, tmp_path, edit, resign, reason):
    _refused(city, _edited(good_feedback, tmp_path, edit, resign=resign), reason)


def test_truncated_binary_deep_duplicate_and_huge_files_are_refused(city, good_feedback, tmp_path):
    raw = good_feedback.read_bytes()
    truncated = tmp_path / "truncated.json"
    truncated.write_bytes(raw[: len(raw) // 2])
    _refused(city, truncated, "内容不完整或已损坏")
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00PK\x03\x04" + raw[:50])
    _refused(city, binary, "不是 UTF-8")
    deep = tmp_path / "deep.json"
    deep.write_text('{"format": "taskledger-feedback", "x": ' + "[" * 5000 + "]" * 5000 + "}",
                    encoding="utf-8")
    _refused(city, deep, "嵌套层数过多")
    duplicate = tmp_path / "duplicate.json"
    duplicate.write_text(raw.decode("utf-8").replace('"format": "taskledger-feedback",',
                                                     '"format": "x", "format": "taskledger-feedback",', 1),
                         encoding="utf-8")
    _refused(city, duplicate, "重复的键")
    huge = tmp_path / "huge.json"
    huge.write_bytes(raw[:-1] + b" " * (4 * 1024 * 1024) + b"}")
    _refused(city, huge, "超过审核反馈文件的上限")
    _refused(city, tmp_path / "missing.json", "找不到该文件")


def test_a_provincial_ledger_does_not_import_feedback(good_feedback, tmp_path):
    with create_province_ledger(tmp_path / "p.db") as province:
        before = dump_tables(province.path)
        with pytest.raises(FeedbackRefused, match="省级台账不导入审核反馈"):
            import_feedback(province, good_feedback)
        assert dump_tables(province.path) == before


def test_cli_import_feedback_reports_each_file(city, good_feedback, tmp_path, capsys):
    from cli.main import run
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    path = str(city.path)
    city.close()
    assert run(["--db", path, "import-feedback", str(good_feedback), str(bad)]) == 2
    out, err = capsys.readouterr()
    assert "已导入：河南省知识产权局对第1版报送材料的审核反馈" in out
    assert err.startswith("错误：审核反馈文件 bad.json 未导入：")
    assert run(["--db", path, "import-feedback", str(good_feedback)]) == 0
    assert "此前已导入过" in capsys.readouterr().out
