"""Odd figures, dates and text are refused (or cleaned) where they enter, in one line, with
nothing changed; text that slipped in before never breaks an export."""
from __future__ import annotations

import pytest

from cli.main import run
from models.errors import InvalidInput
from models.ledger import Ledger


@pytest.mark.parametrize("value", ["1_000", "٣", "1e-400", "-1", "1,20", "nan", "inf", "1e5",
                                   "12元", "0x10"])
def test_odd_figures_are_refused_and_nothing_changes(ledger, value):
    with pytest.raises(InvalidInput, match="完成值"):
        ledger.record("4.1", value=value, status="推进中")
    detail = ledger.measure("4.1")
    assert detail.indicators[0].value is None and detail.row.status == "未启动"


@pytest.mark.parametrize("value, expected", [("１２", 12), ("1,200", 1200), ("12.5", 12.5),
                                             (" 7 ", 7)])
def test_figures_as_clerks_type_them(ledger, value, expected):
    ledger.record("4.1", value=value)
    assert ledger.measure("4.1").indicators[0].value == expected


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "2021-02-30", "2021/06/01", "明天"])
def test_odd_dates_are_refused(ledger, day):
    with pytest.raises(InvalidInput, match="进展日期"):
        ledger.record("4.1", note="开会", date=day)
    assert ledger.measure("4.1").entries == []


def test_control_and_non_characters_are_cleaned(ledger):
    ledger.record("4.1", note="召开\x07推进会\ufffe\uffff", problems="经费\x00不足")
    detail = ledger.measure("4.1")
    assert detail.entries[0].text == "召开推进会" and detail.row.problems == "经费不足"


def test_undecodable_bytes_and_huge_text_are_refused(ledger):
    with pytest.raises(InvalidInput, match="UTF-8"):
        ledger.record("4.1", note="坏" + "\udcff" + "字")           # a non-UTF-8 terminal
    with pytest.raises(InvalidInput, match="上限 20000 字"):
        ledger.record("4.1", note="字" * 20_001)
    assert ledger.measure("4.1").entries == []


def test_a_file_name_that_is_not_utf8_is_kept_readable(ledger, tmp_path):
    odd = tmp_path / "scan-\udcff.pdf"
    try:
        odd.write_bytes(b"%PDF-1.4 odd name")
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system takes only valid names")
    item = ledger.attach("4.1", odd)
    assert item.original_name == "scan-_.pdf"


def test_old_text_with_non_characters_still_exports(ledger, tmp_path):
    """A note stored before the checks (or by an older version) is written around, not fatal."""
    from openpyxl import load_workbook

    from exports.xlsx_progress import write_progress_workbook
    ledger.record("4.1", note="先记一条", status="推进中")
    ledger.db.execute("UPDATE entries SET text = ? WHERE measure_id IN (SELECT id FROM measures"
                      " WHERE code = '4.1')", ["旧数据\ufffe\uffff里的字"])
    out = tmp_path / "表.xlsx"
    write_progress_workbook(ledger, out)
    cells = [str(c.value) for row in load_workbook(out).worksheets[0].iter_rows() for c in row
             if c.value]
    assert any("旧数据里的字" in c for c in cells)


def test_cli_refuses_with_one_line_and_exit_2(ledger_path, capsys):
    Ledger.create(ledger_path, unit="洛阳市", user="张三").close()
    for argv in (["record", "4.1", "--value", "1_000"], ["record", "4.1", "--note", "x",
                                                          "--date", "9999-12-31"]):
        assert run(["--db", str(ledger_path), *argv]) == 2
        err = capsys.readouterr().err
        assert err.startswith("错误：") and err.count("\n") == 1 and "Traceback" not in err
    with Ledger.open(ledger_path) as ledger:
        assert ledger.measure("4.1").entries == [] and ledger.measure("4.1").indicators[0].value is None


@pytest.mark.parametrize("raw, message", [
    ("[" * 200_000 + "]" * 200_000, "嵌套过深"),
    ('{"year": NaN}', "不是有效的 JSON"),
    ('{"year": 1' + "0" * 5000 + "}", "不是有效的 JSON"),
    (b"\xff\xfe{}", "不是 UTF-8"),
    ("x" * 2000, "过大"),
])
def test_hostile_json_is_refused_in_one_line_and_fast(raw, message):
    import time

    from models.inputs import load_json
    start = time.perf_counter()
    with pytest.raises(InvalidInput, match=message):
        load_json(raw, what="材料包清单", max_bytes=1500 if raw == "x" * 2000 else 10_000_000)
    assert time.perf_counter() - start < 1.0


def test_json_depth_skips_brackets_inside_strings():
    from models.inputs import json_depth, load_json
    assert json_depth('{"a": "[[[{{{", "b": "\\\\", "c": [[1]]}') == 3
    assert load_json('{"a": "\\"[[["}', what="x", max_bytes=100) == {"a": '"[[['}


def test_the_longest_note_allowed_still_exports_in_seconds(ledger, tmp_path):
    """20,000 characters (the limit) in an entry and in 存在问题: once a 120 KB note took two
    minutes and a 10 MB one never finished."""
    import time

    from exports.pdf_report import write_work_report
    long_text = "推进知识产权工作，" * 2222
    ledger.record("4.1", status="推进中", note=long_text, problems=long_text)
    start = time.perf_counter()
    result = write_work_report(ledger, tmp_path / "长.pdf")
    assert result.pages > 10 and time.perf_counter() - start < 60
