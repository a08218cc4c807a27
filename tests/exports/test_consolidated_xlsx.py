"""The consolidated workbook: totals equal the sum of the units' figures (reopened with
openpyxl), the matrix is coloured, one sheet per unit that handed in."""
from __future__ import annotations


from cli.main import run
from tests.province.handin_fixtures import FIGURES


def _indicator_rows(ws):
    from exports.consolidated_xlsx import INDICATOR_HEADING
    start = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == INDICATOR_HEADING)
    header = start + 1
    units = {ws.cell(header, c).value: c for c in range(4, ws.max_column + 1)}
    rows = {}
    r = header + 1
    while ws.cell(r, 1).value and ws.cell(r, 1).value[0].isdigit():
        rows[ws.cell(r, 1).value] = r
        r += 1
    return units, rows


def test_totals_equal_sum_of_unit_figures(filled_province, tmp_path):
    from openpyxl import load_workbook
    province, cities = filled_province
    out = tmp_path / "全省汇总.xlsx"
    path = province.path
    province.close()
    assert run(["--db", str(path), "export", "consolidated-xlsx", "--out", str(out)]) == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["全省汇总", "分任务完成情况", "报送情况", "郑州市", "洛阳市", "兰考县"]
    tasks = wb["分任务完成情况"]
    task_col = {tasks.cell(1, c).value: c for c in range(1, tasks.max_column + 1)}
    unit_row = {tasks.cell(r, 1).value: r for r in range(2, 30)}
    done4 = sum(1 for m, s in cities["洛阳市"].items() if m.startswith("4.") and s == "已完成")
    carried4 = sum(1 for m, s in cities["洛阳市"].items() if m.startswith("4.") and s != "不涉及")
    assert tasks.cell(unit_row["洛阳市"], task_col["任务4"]).value == f"{done4}/{carried4}"
    assert tasks.cell(unit_row["开封市"], task_col["任务4"]).value is None
    ws = wb["全省汇总"]
    units, rows = _indicator_rows(ws)
    total_col = units["全省合计"]
    r = rows["4.1"]
    figures = {unit: ws.cell(r, units[unit]).value for unit in FIGURES}
    assert figures == {u: float(v) for u, v in FIGURES.items()} or figures == FIGURES
    assert isinstance(ws.cell(r, total_col).value, (int, float))
    assert ws.cell(r, total_col).value == sum(ws.cell(r, c).value or 0 for u, c in units.items()
                                              if u != "全省合计") == 8
    # Matrix: each unit's status under its column, coloured; units not handed in stay blank.
    header = 3
    col = {ws.cell(header, c).value: c for c in range(1, ws.max_column + 1)}
    row = next(r for r in range(4, ws.max_row) if ws.cell(r, 1).value == "4.1")
    cell = ws.cell(row, col["洛阳市"])
    assert cell.value == cities["洛阳市"]["4.1"] == "已完成"
    assert cell.fill.fgColor.rgb.endswith("C6EFCE")
    assert ws.cell(row, col["开封市"]).value is None
    assert ws.cell(row, col["已完成单位数"]).value == 3
    unit_sheet = wb["洛阳市"]
    assert "洛阳市" in str(unit_sheet.cell(1, 1).value)
    submissions = wb["报送情况"]
    states = {submissions.cell(r, 1).value: submissions.cell(r, 2).value
              for r in range(2, submissions.max_row + 1)}
    assert states["洛阳市"] == "已报送" and states["开封市"] == "未报送"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_unit_sheets_belong_to_the_current_plan(filled_province, tmp_path):
    """A province that imported 2021 packages and then moved to a 2022 plan writes no 2021
    unit sheets into the 2022 workbook; switching back brings them back."""
    import copy

    from openpyxl import load_workbook

    from exports.consolidated_xlsx import write_consolidated_workbook
    from models.plan.definition import load_builtin_plan

    province, _ = filled_province
    first_plan = province.plan_id
    plan = copy.deepcopy(load_builtin_plan())
    plan["year"], plan["title"] = 2022, plan["title"].replace("2021", "2022")
    province.add_plan(plan)
    out = write_consolidated_workbook(province, tmp_path / "2022.xlsx")
    assert load_workbook(out).sheetnames == ["全省汇总", "分任务完成情况", "报送情况"]
    province.switch_plan(first_plan)
    out = write_consolidated_workbook(province, tmp_path / "2021.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames[3:] == ["郑州市", "洛阳市", "兰考县"]
    # Each unit sheet names the 填报人 its package gave.
    assert "填报人：张三" in wb["洛阳市"].cell(2, 1).value
