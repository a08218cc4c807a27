"""Broken and wrong task-list files are refused, naming where and why; nothing is written."""
from __future__ import annotations

import zipfile

import docx
import pytest
from openpyxl import Workbook

from cli.main import run
from models.errors import PlanFormatError
from models.ledger import Ledger
from models.plan.reader import read_plan_file

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _sheet(path, rows, merges=()):
    wb = Workbook()
    ws = wb.active
    ws.title = "清单"
    for row in rows:
        ws.append(list(row))
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path


HEADER = ("任务内容", "落实举措", "责任地市")


def _not_a_zip(tmp_path):
    path = tmp_path / "坏文件.xlsx"
    path.write_bytes(b"this is not a workbook at all")
    return path, "已损坏"


def _random_xlsx(tmp_path):
    return _sheet(tmp_path / "随便.xlsx", [("姓名", "年龄"), ("张三", 30), ("李四", 41)]), "不是任务清单"


def _encrypted(tmp_path):
    path = tmp_path / "加密.xlsx"
    path.write_bytes(OLE + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 2048)
    return path, "密码"


def _old_xls_renamed(tmp_path):
    path = tmp_path / "旧版.xlsx"
    path.write_bytes(OLE + b"\0" * 4096)
    return path, "旧版"


def _zip_not_xlsx(tmp_path):
    path = tmp_path / "压缩包.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return path, "不是Excel"


def _measure_before_task(tmp_path):
    rows = [("2022年任务清单",), HEADER, ("一、部分",), (None, "没有任务的举措", "郑州市")]
    return _sheet(tmp_path / "无任务.xlsx", rows), "工作表“清单”第4行"


def _task_without_measure(tmp_path):
    rows = [("2022年任务清单",), HEADER, ("一、部分",), ("1.有任务", "举措一", "郑州市"),
            ("2.第二项任务", None, "郑州市")]
    return _sheet(tmp_path / "无举措.xlsx", rows), "工作表“清单”第5行：任务 2 没有落实举措"


def _task_before_sections(tmp_path):
    rows = [("2022年任务清单",), HEADER, ("1.孤立任务", "举措", "郑州市"), ("一、部分",),
            ("2.任务", "举措", "郑州市")]
    return _sheet(tmp_path / "顺序.xlsx", rows), "第3行：任务出现在第一个部分标题"


def _first_responsibility_empty(tmp_path):
    rows = [("2022年任务清单",), HEADER, ("一、部分",), ("1.任务", "举措", None)]
    return _sheet(tmp_path / "无责任.xlsx", rows), "第4行：第一条举措的责任地市为空"


def _duplicate_task_number(tmp_path):
    rows = [("2022年任务清单",), HEADER, ("一、部分",), ("1.任务甲", "举措", "郑州市"),
            ("1.任务乙", "举措", "郑州市")]
    return _sheet(tmp_path / "重复.xlsx", rows), "第5行：任务编号 1 与工作表“清单”第4行的任务重复"


def _no_year(tmp_path):
    rows = [("任务清单",), HEADER, ("一、部分",), ("1.任务", "举措", "郑州市")]
    return _sheet(tmp_path / "无年度.xlsx", rows), "无法确定方案年度"


def _merged_task_and_measure(tmp_path):
    rows = [("2022年任务清单",), HEADER, ("一、部分",), ("1.任务", "举措", "郑州市"),
            ("2.任务和举措写在一起", None, "郑州市")]
    return _sheet(tmp_path / "合并.xlsx", rows, merges=["A3:C3", "A5:B5"]), "第5行：任务内容与落实举措合并"


def _docx_measure_before_task(tmp_path):
    document = docx.Document()
    document.add_paragraph("2022年任务清单")
    table = document.add_table(rows=3, cols=3)
    for col, name in enumerate(HEADER):
        table.cell(0, col).text = name
    table.cell(1, 0).merge(table.cell(1, 2)).text = "一、部分"
    table.cell(2, 1).text = "悬空的举措"
    table.cell(2, 2).text = "郑州市"
    path = tmp_path / "悬空.docx"
    document.save(path)
    return path, "第1个表格第3行"


def _docx_without_table(tmp_path):
    document = docx.Document()
    document.add_paragraph("会议通知：请于周五参加会议。")
    path = tmp_path / "通知.docx"
    document.save(path)
    return path, "不是任务清单"


def _docx_not_a_zip(tmp_path):
    path = tmp_path / "坏.docx"
    path.write_bytes(b"PK\x03\x04 truncated")
    return path, "已损坏"


def _running_text_without_units(tmp_path):
    path = tmp_path / "通知.txt"
    path.write_text("关于召开会议的通知\n一、会议时间\n1.上午九点。\n2.下午三点。\n", encoding="utf-8")
    return path, "不是任务清单"


def _huge_txt(tmp_path):
    path = tmp_path / "巨大.txt"
    path.write_bytes(("1.开展工作。（市发改委负责）\n" * 200_000).encode("utf-8"))
    return path, "文本文件过大"


def _binary_txt(tmp_path):
    path = tmp_path / "图片.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" * 100)
    return path, "不是文本文件"


def _running_text_without_year(tmp_path):
    path = tmp_path / "无年度.txt"
    path.write_text("重点工作分工方案\n一、加强保护\n1.开展执法检查。（市市场监管局负责）\n",
                    encoding="utf-8")
    return path, "无法确定方案年度"


def _giant_measure_cell(tmp_path):
    rows = [("2022年任务清单",), HEADER, ("一、部分",), ("1.任务", "举" * 6000, "郑州市")]
    return _sheet(tmp_path / "巨大.xlsx", rows), "举措 1.1 的内容超过 5000 字"


def _one_level_row_without_text(tmp_path):
    rows = [("2022年重点工作分工",), ("序号", "重点工作任务", "责任单位"), (1, "做好甲", "区发改局"),
            (2, None, "区财政局")]
    return _sheet(tmp_path / "一级.xlsx", rows), "工作表“清单”第4行：“重点工作任务”为空"


def _docx_neither_table_nor_items(tmp_path):
    document = docx.Document()
    document.add_paragraph("2022年工作总结")
    document.add_paragraph("一、主要成效")
    document.add_paragraph("1.完成了各项任务。")
    path = tmp_path / "总结.docx"
    document.save(path)
    return path, "正文中也没有注明责任单位的条目"


CASES = [_not_a_zip, _random_xlsx, _encrypted, _old_xls_renamed, _zip_not_xlsx,
         _measure_before_task, _task_without_measure, _task_before_sections,
         _first_responsibility_empty, _duplicate_task_number, _no_year, _merged_task_and_measure,
         _docx_measure_before_task, _docx_without_table, _docx_not_a_zip,
         _running_text_without_units, _huge_txt, _binary_txt, _running_text_without_year, _giant_measure_cell,
         _one_level_row_without_text, _docx_neither_table_nor_items]


@pytest.mark.parametrize("case", CASES, ids=[c.__name__.strip("_") for c in CASES])
def test_refused_with_a_message_naming_the_problem(case, tmp_path):
    path, expected = case(tmp_path)
    with pytest.raises(PlanFormatError) as info:
        read_plan_file(path)
    message = str(info.value)
    assert expected in message
    assert path.name in message
    assert "\n" not in message


@pytest.mark.parametrize("case", [_encrypted, _measure_before_task, _docx_measure_before_task],
                         ids=["encrypted", "xlsx-row", "docx-row"])
def test_init_refuses_and_leaves_no_ledger(case, tmp_path, capsys):
    path, expected = case(tmp_path)
    db = tmp_path / "new.db"
    assert run(["--db", str(db), "init", "--unit", "郑州市", "--plan", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and expected in err and err.count("\n") == 1
    assert not db.exists() and not (tmp_path / "new.db-wal").exists()


@pytest.mark.parametrize("case", [_random_xlsx, _task_without_measure, _docx_not_a_zip,
                                  _running_text_without_units, _giant_measure_cell],
                         ids=["random", "xlsx-row", "docx-broken", "txt-no-units", "giant-cell"])
def test_import_plan_refuses_and_leaves_the_ledger_unchanged(case, ledger_path, ledger, tmp_path,
                                                             capsys):
    path, expected = case(tmp_path)
    before = (ledger.plans(), ledger.plan_id, ledger.db.execute("SELECT count(*) FROM measures").fetchone())
    ledger.close()
    assert run(["--db", str(ledger_path), "import-plan", str(path)]) == 2
    assert expected in capsys.readouterr().err
    with Ledger.open(ledger_path) as again:
        after = (again.plans(), again.plan_id,
                 again.db.execute("SELECT count(*) FROM measures").fetchone())
    assert after == before
