"""``--selftest``: prove that this copy of the program works, end to end, on this PC.

Creates a ledger in a temporary folder, records progress, attaches a file, exports the Excel
table and the PDF report, verifies, backs up and restores, reopens and checks — the same
paths a clerk's work takes, so a frozen bundle that lacks a module, a font or a resource
fails here and not in front of the clerk. Prints one line per step; returns 0 only when every
step passed. Nothing outside the temporary folder is touched.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path
from typing import Callable

NOTE = "自检：召开专题推进会议"
EVIDENCE_BYTES = b"%PDF-1.4\n% TaskLedger selftest evidence\n%%EOF\n"


class StepFailed(Exception):
    """A step's check did not hold; the message says which."""


def _check(condition, message: str) -> None:
    if not condition:
        raise StepFailed(message)


class _Context:
    def __init__(self, root: Path):
        self.root = root
        self.ledger_path = root / "selftest.db"
        self.ledger = None
        self.code = ""
        self.unit = ""
        self.evidence_sha = ""
        self.backup = None


def run_selftest(out=None) -> int:
    """Run every step, print a short report to ``out`` (stdout) and return the exit code."""
    out = out or sys.stdout
    from models.version import version_line
    started = time.monotonic()
    _print(out, f"{version_line()} 自检")
    _print(out, f"Python {sys.version.split()[0]}，{'打包版' if getattr(sys, 'frozen', False) else '源码'}运行")
    results: list[bool] = []
    # Keep the user's data folder out of it: backups made here go to the temporary folder.
    saved_env = os.environ.get("TASKLEDGER_DATA_DIR")
    with tempfile.TemporaryDirectory(prefix="taskledger-selftest-") as tmp:
        os.environ["TASKLEDGER_DATA_DIR"] = str(Path(tmp) / "userdata")
        ctx = _Context(Path(tmp))
        try:
            for title, step in STEPS:
                results.append(_run_step(out, title, step, ctx))
        finally:
            if ctx.ledger is not None:
                ctx.ledger.close()
            if saved_env is None:
                os.environ.pop("TASKLEDGER_DATA_DIR", None)
            else:
                os.environ["TASKLEDGER_DATA_DIR"] = saved_env
    passed, total = sum(results), len(results)
    elapsed = time.monotonic() - started
    if passed == total:
        _print(out, f"自检通过：{total} 项全部通过（用时 {elapsed:.1f} 秒）")
        return 0
    _print(out, f"自检失败：{total - passed} 项未通过，共 {total} 项（用时 {elapsed:.1f} 秒）")
    return 1


def _run_step(out, title: str, step: Callable[[_Context], str], ctx: _Context) -> bool:
    try:
        if step not in (step_resources, step_create) and not ctx.ledger_path.exists():
            raise StepFailed("未能新建台账，跳过")
        detail = step(ctx)
    except StepFailed as exc:
        _print(out, f"[失败] {title}：{exc}")
        return False
    except Exception as exc:  # the self-test reports every failure instead of stopping
        where = traceback.extract_tb(exc.__traceback__)[-1]
        _print(out, f"[失败] {title}：{type(exc).__name__}: {exc}"
                    f"（{Path(where.filename).name}:{where.lineno}）")
        return False
    _print(out, f"[通过] {title}" + (f"：{detail}" if detail else ""))
    return True


def _print(out, line: str) -> None:
    out.write(line + "\n")
    out.flush()


# ---- the steps --------------------------------------------------------------------------------
def step_resources(ctx: _Context) -> str:
    from models.paths import resource_path
    from models.plan.definition import load_builtin_plan
    plan_file = resource_path("plans", "henan-ip-2021.json")
    _check(plan_file.is_file(), f"找不到内置方案 {plan_file}")
    plan = load_builtin_plan()
    fonts = sorted(p.name for p in resource_path("fonts").glob("*.tt[fc]")) \
        if resource_path("fonts").is_dir() else []
    return f"内置方案 {plan['title']}（{len(plan.get('units', []))} 个单位），字体 {len(fonts)} 个"


def step_create(ctx: _Context) -> str:
    from models.ledger import Ledger
    from models.plan.definition import load_builtin_plan
    plan = load_builtin_plan()
    ctx.unit = next(u["name"] for u in plan["units"] if u.get("kind") == "city")
    ctx.ledger = Ledger.create(ctx.ledger_path, unit=ctx.unit, user="自检")
    rows = ctx.ledger.measures()
    _check(rows, "新台账中本单位没有需填报的举措")
    return f"{ctx.unit}，需填报或确认的举措 {len(rows)} 项"


def step_record(ctx: _Context) -> str:
    row = next(r for r in ctx.ledger.measures() if r.scope == "all")
    ctx.code = row.code
    ctx.ledger.record(ctx.code, status="推进中", note=NOTE, date="2021-06-18",
                      problems="无", next_steps="继续推进")
    detail = ctx.ledger.measure(ctx.code)
    _check(detail.row.status == "推进中", f"举措 {ctx.code} 的状态未保存")
    _check([e.text for e in detail.entries] == [NOTE], f"举措 {ctx.code} 的进展记录未保存")
    return f"举措 {ctx.code} 推进中，进展 1 条"


def step_attach(ctx: _Context) -> str:
    source = ctx.root / "自检佐证材料.pdf"
    source.write_bytes(EVIDENCE_BYTES)
    item = ctx.ledger.attach(ctx.code, source, note="自检", date="2021-06-18")
    ctx.evidence_sha = item.sha256
    _check(ctx.ledger.evidence_path(item.sha256).read_bytes() == EVIDENCE_BYTES,
           "佐证材料副本与原文件不一致")
    _check(source.read_bytes() == EVIDENCE_BYTES, "原文件被改动")
    return f"{item.original_name}（{item.size} 字节）"


def step_export_xlsx(ctx: _Context) -> str:
    try:
        from exports.xlsx_progress import write_progress_workbook
    except ImportError as exc:
        raise StepFailed(f"缺少 Excel 导出模块 exports.xlsx_progress（{exc}）") from None
    target = ctx.root / "完成情况表.xlsx"
    write_progress_workbook(ctx.ledger, target)
    _check(target.is_file() and target.stat().st_size > 0, f"没有生成 {target.name}")
    from openpyxl import load_workbook
    book = load_workbook(target)
    texts = {str(c.value) for ws in book.worksheets for r in ws.iter_rows() for c in r
             if c.value is not None}
    book.close()
    _check(any(NOTE in t for t in texts), "导出的 Excel 中找不到刚填报的进展")
    return f"{target.name}，{len(book.sheetnames)} 个工作表，{target.stat().st_size} 字节"


def step_export_pdf(ctx: _Context) -> str:
    try:
        from exports.pdf_report import write_work_report
    except ImportError as exc:
        raise StepFailed(f"缺少 PDF 导出模块 exports.pdf_report（{exc}）") from None
    target = ctx.root / "工作情况报告.pdf"
    write_work_report(ctx.ledger, target)
    _check(target.is_file() and target.read_bytes()[:5] == b"%PDF-", f"没有生成有效的 {target.name}")
    from pypdf import PdfReader
    reader = PdfReader(str(target))
    _check(len(reader.pages) >= 1, "PDF 没有页面")
    text = "".join(page.extract_text() or "" for page in reader.pages)
    _check(ctx.unit[:2] in text, f"PDF 中提取不到单位名称“{ctx.unit}”（字体未嵌入？）")
    fonts = _embedded_fonts(reader)
    _check(fonts, "PDF 中没有嵌入字体")
    faces = sorted({name.split("+")[-1] for name in fonts})  # subsets share a face name
    return f"{target.name}，{len(reader.pages)} 页，嵌入字体：{'、'.join(faces)}"


def step_export_docx(ctx: _Context) -> str:
    try:
        from exports.docx_report import write_work_report_docx
    except ImportError as exc:
        raise StepFailed(f"缺少 Word 导出模块 exports.docx_report（{exc}）") from None
    target = ctx.root / "工作情况报告.docx"
    write_work_report_docx(ctx.ledger, target)
    from docx import Document
    document = Document(str(target))
    text = "\n".join(p.text for p in document.paragraphs)
    _check(ctx.unit in text, f"Word 文件中找不到单位名称“{ctx.unit}”")
    _check(len(document.tables) >= 1, "Word 文件中没有附件1的完成情况表")
    return f"{target.name}，{len(document.sections)} 节，{target.stat().st_size} 字节"


def _embedded_fonts(reader) -> set[str]:
    names = set()
    for page in reader.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            for desc_owner in [font, *[d.get_object() for d in font.get("/DescendantFonts", [])]]:
                desc = desc_owner.get("/FontDescriptor")
                if desc and any(k in desc.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.add(str(font.get("/BaseFont")).lstrip("/"))
    return names


def step_verify(ctx: _Context) -> str:
    problems = ctx.ledger.verify()
    _check(not problems, f"{len(problems)} 份佐证材料校验不通过")
    return "佐证材料 SHA-256 全部一致"


def step_lock(ctx: _Context) -> str:
    from models import lock
    first = lock.acquire(ctx.ledger_path, program="自检")
    try:
        try:
            lock.acquire(ctx.ledger_path, program="自检")
        except lock.LedgerLocked:
            pass
        else:
            raise StepFailed("同一台账可以被第二个程序同时打开（台账锁无效）")
    finally:
        first.release()
    lock.acquire(ctx.ledger_path).release()
    return "第二个程序被拒绝，释放后可再次打开"


def step_reopen(ctx: _Context) -> str:
    from models.ledger import Ledger
    ctx.ledger.close()
    ctx.ledger = None
    with Ledger.open(ctx.ledger_path) as again:
        _check_contents(again, ctx)
    return "重新打开后状态、进展、佐证一致"


def step_backup_restore(ctx: _Context) -> str:
    from models import backup
    from models.ledger import Ledger
    info = backup.backup_ledger(ctx.ledger_path, ctx.root / "backups")
    backup.check_backup(info.path)
    target = ctx.root / "restored" / "restored.db"
    result = backup.restore_backup(info.path, target)
    with Ledger.open(target) as restored:
        _check_contents(restored, ctx)
    # A damaged copy must be refused and change nothing.
    bad = ctx.root / "damaged.zip"
    data = bytearray(info.path.read_bytes())
    bad.write_bytes(bytes(data[: len(data) // 2]))
    before = target.read_bytes()
    try:
        backup.restore_backup(bad, target)
    except backup.BadBackup:
        pass
    else:
        raise StepFailed("损坏的备份没有被拒绝")
    _check(target.read_bytes() == before, "拒绝损坏备份时台账被改动")
    with zipfile.ZipFile(info.path) as zf:
        members = len(zf.namelist())
    return (f"备份 {info.path.name}（{members} 个文件），恢复后一致，"
            f"佐证放回 {result.evidence_added} 份；损坏的备份被拒绝")


def _check_contents(ledger, ctx: _Context) -> None:
    detail = ledger.measure(ctx.code)
    _check(detail.row.status == "推进中", "状态不一致")
    _check([e.text for e in detail.entries] == [NOTE], "进展记录不一致")
    _check([e.sha256 for e in detail.evidence] == [ctx.evidence_sha], "佐证材料记录不一致")
    _check(not ledger.verify(), "佐证材料文件不一致")


STEPS: list[tuple[str, Callable[[_Context], str]]] = [
    ("内置资源", step_resources),
    ("新建台账", step_create),
    ("填报进展", step_record),
    ("添加佐证材料", step_attach),
    ("导出 Excel 完成情况表", step_export_xlsx),
    ("导出 PDF 工作情况报告", step_export_pdf),
    ("导出 Word 工作情况报告", step_export_docx),
    ("校验佐证材料", step_verify),
    ("台账锁", step_lock),
    ("重新打开台账", step_reopen),
    ("备份与恢复", step_backup_restore),
]
