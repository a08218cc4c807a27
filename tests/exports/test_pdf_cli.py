"""``export pdf`` and ``export status-pdf`` from the command line."""
from __future__ import annotations

import shutil

from pypdf import PdfReader

from cli.main import run
from models.ledger import Ledger
from models.paths import resource_path
from tests.exports.pdf_support import fonts_of, page_texts, squeeze


def _ledger(path, note="召开推进会 & 部署<重点>任务"):
    with Ledger.create(path, unit="洛阳市", user="张三") as ledger:
        ledger.record("1.2", status="推进中", note=note, date="2021-05-01")


def test_export_pdf_writes_the_report_and_names_the_fonts(ledger_path, tmp_path, capsys):
    _ledger(ledger_path)
    out = tmp_path / "报告.pdf"
    assert run(["--db", str(ledger_path), "export", "pdf", "--out", str(out),
                "--page-numbers", "center", "--date", "2021-11-30"]) == 0
    printed = capsys.readouterr()
    assert f"已导出工作情况报告：{out}" in printed.out and "字体　仿宋" in printed.out
    assert "字体" not in printed.err and "警告：" not in printed.err
    assert "提示：各举措均未填写相应内容，报告“三、存在问题”部分写为“暂无。”" in printed.err
    text = squeeze("".join(page_texts(out)))
    assert "召开推进会&部署<重点>任务" in text and "2021年11月30日" in text


def test_export_pdf_with_a_chosen_font(ledger_path, tmp_path, capsys):
    _ledger(ledger_path)
    font = tmp_path / "楷体.ttf"
    shutil.copy(resource_path("fonts", "gkai00mp.ttf"), font)
    out = tmp_path / "r.pdf"
    assert run(["--db", str(ledger_path), "export", "pdf", "--out", str(out),
                "--font", str(font), "--font", f"黑体={font}"]) == 0
    printed = capsys.readouterr().out
    assert "仿宋：GBZenKai-Medium（楷体.ttf，指定字体）" in printed
    assert "黑体：GBZenKai-Medium（楷体.ttf，指定字体）" in printed
    names = [f["name"] for f in fonts_of(out)]
    assert any("GBZenKai" in n for n in names)
    assert all(f["embedded"] for f in fonts_of(out))


def test_missing_glyphs_are_printed_as_warnings(ledger_path, tmp_path, capsys):
    # 𠀀 (Extension B) is drawn from the rare-character font; 𰀀 (Extension G) no font has.
    _ledger(ledger_path, note="走访𠀀记、𰀀记企业")
    out = tmp_path / "r.pdf"
    assert run(["--db", str(ledger_path), "export", "pdf", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("警告：字体缺字") and "𰀀" in err
    assert "已改用其他字体显示：𠀀" in err
    assert out.is_file()


def test_errors_are_one_line_exit_2_and_leave_no_file(ledger_path, tmp_path, capsys):
    _ledger(ledger_path)
    otf = tmp_path / "x.otf"
    otf.write_bytes(b"OTTO" + b"\0" * 64)
    cases = [
        (["export", "pdf", "--out", str(tmp_path / "r.txt")], "应以 .pdf 结尾"),
        (["export", "pdf", "--out", str(tmp_path / "没有的文件夹" / "r.pdf")], "输出文件夹不存在"),
        (["export", "pdf", "--out", str(tmp_path / "r.pdf"), "--font", str(otf)], "CFF/OpenType"),
        (["export", "pdf", "--out", str(tmp_path / "r.pdf"), "--date", "2021/11/30"], "成文日期"),
        (["export", "pdf", "--out", str(tmp_path / "r.pdf"), "--unit", "火星市"], "火星市"),
        (["export", "status-pdf", "--out", str(tmp_path / "s.pdf"), "--unit", "火星市"], "火星市"),
    ]
    for argv, message in cases:
        assert run(["--db", str(ledger_path)] + argv) == 2, argv
        err = capsys.readouterr().err
        assert err.startswith("错误：") and message in err and err.count("\n") == 1, err
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".tmp", ".txt")) == []


def test_export_status_pdf(ledger_path, tmp_path, capsys):
    _ledger(ledger_path)
    out = tmp_path / "s.pdf"
    assert run(["--db", str(ledger_path), "export", "status-pdf", "--out", str(out)]) == 0
    assert "已导出进度报告" in capsys.readouterr().out
    assert len(PdfReader(str(out)).pages) >= 1
    assert "进度报告" in squeeze(page_texts(out)[0])
