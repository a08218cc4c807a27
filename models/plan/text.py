"""Read a plan from the plain-text form of the province's notice (the seed file).

The text is the Word document saved as text: the notice, the plan body, then the annex whose
table rows are blocks of tab-led cells separated by blank lines. A one-cell block is a section
row; a task's first row carries its number and content; a later row of the same task has an
empty first cell; a missing or empty 责任地市 cell means "same as above" (a vertical merge).
"""
from __future__ import annotations

import re

from ..errors import PlanFormatError
from .definition import subject_from_title, validate_plan
from .unit_lists import builtin_for_year, load_builtin

_DOC_NO = re.compile(r"[\u4e00-\u9fff]{1,4}〔\d{4}〕\d+号")
_TITLE = re.compile(r"关于印发《(?P<title>[^》]+)》", re.S)
_DEADLINE = re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:之)?前[^。]*?报送(?P<to>[^。，,]+)")
_TASK_HEAD = re.compile(r"^\s*(?P<no>\d+)\s*[.．、]\s*(?P<content>.*)$", re.S)
_ANNEX = re.compile(r"^\s*附\s*件\s*$", re.M)


def is_notice_with_annex_table(text: str) -> bool:
    """Whether ``text`` is a notice saved as text whose 附件 is the tab-led annex table."""
    if not _ANNEX.search(text):
        return False
    return re.search(r"^\t(?:任务内容|重点任务)\s*$", text[_find_annex(text, "") :], re.M) is not None


def parse_plan_text(text: str, *, source: str = "文本") -> dict:
    """Parse the notice + annex text into a plan definition (see definition.py)."""
    annex_start = _find_annex(text, source)
    body, annex = text[:annex_start], text[annex_start:]
    head_lines = [line.strip() for line in body.splitlines() if line.strip()]

    title_match = _TITLE.search(body.replace("\n", ""))
    if not title_match:
        raise PlanFormatError(f"{source}：找不到方案标题（“关于印发《…》”）")
    title = title_match.group("title")
    year_match = re.search(r"（(\d{4})）|(\d{4})年", title) or re.search(r"(\d{4})年", annex)
    if not year_match:
        raise PlanFormatError(f"{source}：无法确定方案年度")
    year = int(next(g for g in year_match.groups() if g))

    doc_no = _DOC_NO.search(body)
    issuer = next((line for line in head_lines if line.endswith(("局", "厅", "委员会", "办公室"))
                   and "关于" not in line), "")
    deadline = _DEADLINE.search(body)
    annex_lines = annex.splitlines()
    annex_title = next((line.strip() for line in annex_lines[1:] if line.strip()), "")

    plan = {
        "year": year,
        "title": title,
        "subject": subject_from_title(title),
        "issuer": issuer,
        "doc_no": doc_no.group(0) if doc_no else "",
        "deadline": (f"{int(deadline['y']):04d}-{int(deadline['m']):02d}-{int(deadline['d']):02d}"
                     if deadline else f"{year}-12-31"),
        "recipient": deadline.group("to").strip() if deadline else "",
        "annex_title": annex_title,
        "units": load_builtin(builtin_for_year(year)),
        "units_source": builtin_for_year(year),
        "period": str(year),
        "sections": _parse_annex_rows(annex, source),
    }
    validate_plan(plan, source=source)
    return plan


def _find_annex(text: str, source: str) -> int:
    matches = list(_ANNEX.finditer(text))
    if not matches:
        raise PlanFormatError(f"{source}：找不到“附件”任务清单")
    return matches[-1].start()


def _parse_annex_rows(annex: str, source: str) -> list[dict]:
    sections: list[dict] = []
    task: dict | None = None
    header_seen = False
    line_no = 0
    for block in annex.split("\n\n"):
        line_no_block = line_no + 1
        line_no += block.count("\n") + 2
        lines = [ln for ln in block.split("\n")]
        if not any(ln.startswith("\t") for ln in lines):
            continue
        cells = [ln[1:].rstrip() if ln.startswith("\t") else ln.rstrip()
                 for ln in lines if ln.startswith("\t")]
        if not header_seen:
            if cells and cells[0].strip() in ("任务内容", "重点任务"):
                header_seen = True
            continue
        if len(cells) == 1 and cells[0].strip():
            sections.append({"title": cells[0].strip(), "tasks": []})
            task = None
            continue
        if len(cells) < 2:
            continue
        first, measure_text = cells[0].strip(), cells[1].strip()
        responsibility = cells[2].strip() if len(cells) > 2 else ""
        if not sections:
            raise PlanFormatError(f"{source}：附件第{line_no_block}行附近：任务出现在第一个部分标题之前")
        if first:
            head = _TASK_HEAD.match(first)
            if not head:
                raise PlanFormatError(f"{source}：附件第{line_no_block}行附近：任务“{first[:20]}”没有编号")
            task = {"no": int(head["no"]), "content": head["content"].strip(), "measures": []}
            sections[-1]["tasks"].append(task)
        elif task is None:
            raise PlanFormatError(f"{source}：附件第{line_no_block}行附近：举措不属于任何任务")
        if not measure_text:
            raise PlanFormatError(f"{source}：附件第{line_no_block}行附近：任务 {task['no']} 有一行举措为空")
        task["measures"].append({"text": measure_text, "responsibility": responsibility})
    if not header_seen:
        raise PlanFormatError(f"{source}：附件中找不到表头（任务内容 / 落实举措 / 责任地市）")
    return sections
