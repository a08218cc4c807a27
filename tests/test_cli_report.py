"""``settings`` and ``export docx`` on the command line (issue 13)."""
from __future__ import annotations

import json

import pytest
from docx import Document

from cli.main import run
from tests.support import dump_tables


@pytest.fixture
def db(tmp_path, capsys):
    path = tmp_path / "cli.db"
    assert run(["--db", str(path), "init", "--unit", "洛阳市", "--user", "李四"]) == 0
    capsys.readouterr()
    return path


def test_settings_shown_changed_and_used_by_the_report(db, tmp_path, capsys):
    assert run(["--db", str(db), "settings"]) == 0
    out = capsys.readouterr().out
    assert "单位：洛阳市" in out and "联系电话：（未填写）" in out and "报送对象：河南省知识产权局" in out
    assert run(["--db", str(db), "settings", "--full-name", "洛阳市知识产权局", "--contact", "王五",
                "--phone", "0379-63900000转8001", "--page-number", "center"]) == 0
    assert "已保存设置" in capsys.readouterr().out
    assert run(["--db", str(db), "settings", "--json"]) == 0
    values = json.loads(capsys.readouterr().out)
    assert values["unit_full_name"] == "洛阳市知识产权局"
    assert values["contact_phone"] == "0379-63900000转8001"
    assert values["page_number_style"] == "center" and values["unit"] == "洛阳市"

    out_file = tmp_path / "报告.docx"
    assert run(["--db", str(db), "export", "docx", "--out", str(out_file), "--date", "2021-11-30"]) == 0
    assert "已导出工作情况报告（Word）" in capsys.readouterr().out
    texts = [p.text for p in Document(str(out_file)).paragraphs]
    assert "（联系人：王五，联系电话：0379-63900000转8001）" in texts
    assert "2021年11月30日" in texts and "洛阳市知识产权局" in texts
    assert texts[0].startswith("洛阳市知识产权局关于2021年")


@pytest.mark.parametrize("argv, message", [
    (["--phone", "0123x"], "联系电话"),
    (["--full-name", "名" * 101], "单位全称太长"),
    (["--contact", "王五\n李四"], "联系人不能含换行"),
])
def test_bad_settings_are_refused_and_change_nothing(db, capsys, argv, message):
    before = dump_tables(db)
    assert run(["--db", str(db), "settings", "--addressee", "某某局", *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and message in err and err.count("\n") == 1
    assert dump_tables(db) == before


def test_export_docx_refuses_a_wrong_suffix(db, tmp_path, capsys):
    assert run(["--db", str(db), "export", "docx", "--out", str(tmp_path / "r.pdf")]) == 2
    assert ".docx" in capsys.readouterr().err
