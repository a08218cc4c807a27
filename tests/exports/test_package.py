"""The submission package: contents, manifest hashes, atomic writing, CLI confirmation."""
from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest

from cli.main import run
from models.version import __version__
from models.ledger import Ledger
from tests.province.handin_fixtures import copy_ledger, make_package


@pytest.fixture
def city(tmp_path, city_template):
    with Ledger.open(copy_ledger(city_template.db, tmp_path / "city")) as ledger:
        yield ledger


def test_package_contents_and_manifest(city, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader
    path = make_package(city, tmp_path / "out")
    assert path.name == "洛阳市-2021-报送材料.zip"
    assert [p.name for p in path.parent.iterdir()] == [path.name]      # no temporary left
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["format"] == "taskledger-package" and manifest["format_version"] == 1
        assert manifest["program_version"] == __version__
        assert manifest["plan"] == {"year": 2021, "title": "河南省推动知识产权高质量发展年度实施方案（2021）",
                                    "doc_no": "豫知〔2021〕35号"}
        assert manifest["unit"] == "洛阳市" and manifest["made_at"]
        listed = {f["path"]: f for f in manifest["files"]}
        assert set(listed) == set(names) - {"manifest.json"}
        for name, entry in listed.items():
            data = zf.read(name)
            assert entry["size"] == len(data)
            assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        evidence = sorted(n for n in names if n.startswith("佐证材料/"))
        assert evidence == ["佐证材料/佐证1.2-1_会议纪要.pdf", "佐证材料/佐证1.2-2_现场照片.png",
                            "佐证材料/佐证1.3-1_调研名单.txt"]
        item = next(e for e in city.evidence_for() if e.original_name == "会议纪要.pdf")
        assert zf.read(evidence[0]) == city.evidence_path(item.sha256).read_bytes()
        xlsx = next(n for n in names if n.endswith(".xlsx"))
        pdf = next(n for n in names if n.endswith(".pdf") and "/" not in n)
        workbook = load_workbook(io.BytesIO(zf.read(xlsx)))
        assert "完成情况表" in workbook.sheetnames
        assert len(PdfReader(io.BytesIO(zf.read(pdf))).pages) >= 1
        data = json.loads(zf.read("data.json"))
        assert data["unit"] == "洛阳市" and data["counts"]["已完成"] == 1
        measure = next(m for m in data["measures"] if m["id"] == "1.2")
        assert [e["text"] for e in measure["entries"]] == ["召开推进会", "印发实施细则"]
        assert measure["problems"] == "经费不足" and measure["next_steps"] == "继续推进"
        assert [e["number"] for e in measure["evidence"]] == ["1.2-1", "1.2-2"]
        assert any(i["value"] == 3 for m in data["measures"] for i in m["indicators"])


def test_cancelled_package_leaves_nothing(city, tmp_path):
    from exports.package import write_package
    from models.errors import LedgerError
    out = tmp_path / "out"
    out.mkdir()
    existing = out / "洛阳市-2021-报送材料.zip"
    existing.write_bytes(b"old")
    calls = []
    with pytest.raises(LedgerError) as caught:
        write_package(city, existing, progress=lambda d, t: calls.append(d),
                      cancelled=lambda: len(calls) >= 3)
    assert "取消" in str(caught.value)
    assert [p.name for p in out.iterdir()] == [existing.name]
    assert existing.read_bytes() == b"old"


def test_altered_evidence_stops_the_package(city, tmp_path):
    from models.errors import LedgerError
    item = city.evidence_for()[0]
    city.evidence_path(item.sha256).write_bytes(b"changed")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(LedgerError, match="改动"):
        make_package(city, out)
    assert list(out.iterdir()) == []


def test_cli_warns_and_needs_confirmation(city, tmp_path, capsys):
    db = city.path
    city.close()
    out = tmp_path / "pkg.zip"
    assert run(["--db", str(db), "export", "package", "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert "缺项清单" in captured.out and "--yes" in captured.err
    assert not out.exists()
    assert run(["--db", str(db), "export", "package", "--out", str(out), "--yes"]) == 0
    assert out.is_file() and zipfile.is_zipfile(out)
