"""Where the task list gave roles, deadlines and targets, the 任务完成情况表 and the 工作情况报告
show them; the built-in 2021 plan (no roles, no 完成时限) prints as before."""
from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from exports.pdf_report import write_work_report
from exports.xlsx_progress import PROGRESS_COLUMNS, write_progress_workbook
from models.ledger import Ledger
from models.plan.reader import read_plan_file
from tests.exports.pdf_support import page_texts, squeeze
from tests.models import task_list_shapes as shapes

REMARK_COLUMN = [name for name, _ in PROGRESS_COLUMNS].index("备注") + 1


@pytest.fixture
def assisting_ledger(tmp_path):
    plan = read_plan_file(shapes.city_plan_table(tmp_path / "纲要分工.docx"))
    with Ledger.create(tmp_path / "统计局.db", unit="市统计局", user="李四", plan=plan) as ledger:
        ledger.record("2.1", status="推进中", note="完成研发投入统计口径核对。", date="2021-06-10")
        yield ledger


def _remarks(path) -> dict[str, str]:
    ws = load_workbook(path).active
    found = {}
    for row in range(1, ws.max_row + 1):
        value = ws.cell(row, REMARK_COLUMN).value
        if isinstance(value, str) and value.startswith("举措"):
            found[value.split("\n")[0][2:]] = value
    return found


def test_progress_table_shows_role_deadline_and_target(assisting_ledger, tmp_path):
    out = write_progress_workbook(assisting_ledger, tmp_path / "表.xlsx")
    remarks = _remarks(out)
    assert remarks["2.1"].split("\n") == ["举措2.1", "本单位为配合单位", "完成时限：2023年底前",
                                         "任务目标：2.5%"]
    # Not yet confirmed: the one wording every output uses (issue 13), then the list's facts.
    assert remarks["1.1"].split("\n")[1] == "待确认是否涉及"
    assert "完成时限：2025年底前" in remarks["1.1"]


def test_work_report_annex_shows_role_and_deadline(assisting_ledger, tmp_path):
    out = tmp_path / "报告.pdf"
    write_work_report(assisting_ledger, out, on=date(2021, 11, 30))
    text = squeeze("".join(page_texts(out)))
    assert "本单位为配合单位" in text and "完成时限：2023年底前" in text


def test_builtin_plan_remarks_are_unchanged(ledger, tmp_path):
    out = write_progress_workbook(ledger, tmp_path / "表.xlsx")
    remarks = _remarks(out)
    relevant = {row.code for row in ledger.measures() if row.scope == "relevant"}
    assert remarks and all(
        value == (f"举措{code}\n待确认是否涉及" if code in relevant else f"举措{code}")
        for code, value in remarks.items())
