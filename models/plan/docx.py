"""Read a task list sent as a Word document (.docx): the annex table, or the whole notice.

python-docx repeats a merged cell's text for every grid position it covers, which hides
whether a row really starts a new task. We read the table XML instead: ``w:gridSpan`` marks
a horizontal merge and ``w:vMerge`` without ``val="restart"`` marks a cell that continues the
one above. When the document is the whole notice, the title, document number, issuer and
hand-in deadline are taken from its text as the plain-text reader does.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import PlanFormatError
from .grid import DOWN, LEFT, Cell, GridRow, find_header, plan_from_grid

MAX_PARAGRAPHS, MAX_TABLE_ROWS = 50_000, 5000
MAX_SPAN = 64                   # columns one cell may span (Word allows 63)
from .xlsx import check_office_zip

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOC_NO = re.compile(r"[\u4e00-\u9fff]{1,4}〔\d{4}〕\d+号")
_TITLE = re.compile(r"关于印发《(?P<title>[^》]+)》")
_DEADLINE = re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:之)?前[^。]*?报送(?P<to>[^。，,]+)")


def read_plan_docx(path: Path) -> dict:
    """A checked plan definition from a .docx task list; PlanFormatError when it is not one."""
    path = Path(path)
    check_office_zip(path, member="word/document.xml", kind="Word 文档", old_suffix=".doc")
    import docx
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx/lxml raise many kinds on a damaged file
        raise PlanFormatError(f"{path.name}：无法读取 Word 文档（{type(exc).__name__}: {exc}）") from None

    paragraphs: list[str] = []       # every paragraph so far, in order
    all_text: list[str] = []
    grids: list[tuple[list[GridRow], object, int]] = []   # (rows, header, paragraphs before)
    table_no = 0
    for element in document.element.body.iterchildren():
        if len(paragraphs) > MAX_PARAGRAPHS:
            raise PlanFormatError(f"{path.name}：文档过长（超过 {MAX_PARAGRAPHS} 段），不像任务清单")
        if element.tag == f"{_W}p":
            text = _text_of(element)
            all_text.append(text)
            paragraphs.append(text)
        elif element.tag == f"{_W}tbl":
            table_no += 1
            try:
                rows = table_grid(element, table_no)
            except PlanFormatError as exc:
                raise PlanFormatError(f"{path.name}：{exc}") from None
            grids.append((rows, find_header(rows), len(paragraphs)))

    main = next((i for i, (_, header, _) in enumerate(grids) if header is not None), None)
    if main is None:
        # No table with a task-list header: the list may be running text (一、（一）1.…).
        from .running_text import plan_from_running_text
        lines = [(f"第{n}段", text) for n, text in enumerate(paragraphs, 1)]
        plan = plan_from_running_text(lines, source=path.name,
                                      meta=_notice_facts("\n".join(all_text)))
        if plan is not None:
            return plan
        raise PlanFormatError(
            f"{path.name}：不是任务清单：文档的{len(grids)}个表格中都找不到表头"
            "（需要“重点任务/工作任务”或“落实举措/工作措施”列和“责任单位”等列），"
            "正文中也没有注明责任单位的条目（如“1.……（市知识产权局负责）”）")
    rows, header, before = grids[main]
    rows = list(rows)
    width = len(rows[header.index].cells)
    # A long annex is sometimes split into several tables; later ones continue the first.
    for more, more_header, _ in grids[main + 1:]:
        if more_header is not None and more_header.columns == header.columns:
            rows.extend(more[more_header.index + 1:])
        elif more_header is None and more and len(more[0].cells) == width:
            rows.extend(more)
        else:
            break
    titles = [t for t in paragraphs[:before] if t.strip()][-3:]
    meta = _notice_facts("\n".join(all_text))
    return plan_from_grid(rows, header, source=path.name, title_lines=titles, meta=meta,
                          context_lines=[t for t in all_text if t.strip()])


def table_grid(tbl, table_no: int) -> list[GridRow]:
    """A Word table as grid rows with merges marked (gridSpan → LEFT, vMerge continue → DOWN)."""
    grid: list[list[Cell]] = []
    for tr in tbl.iterchildren(f"{_W}tr"):
        if len(grid) >= MAX_TABLE_ROWS:
            raise PlanFormatError(f"第{table_no}个表格超过 {MAX_TABLE_ROWS} 行，超过任务清单的上限；"
                                  "请分成几个文件")
        cells: list[Cell] = []
        tr_pr = tr.find(f"{_W}trPr")
        before = _int_val(tr_pr.find(f"{_W}gridBefore")) if tr_pr is not None else 0
        if not 0 <= (before or 0) <= MAX_SPAN:
            raise PlanFormatError(f"第{table_no}个表格第{len(grid) + 1}行前空 {before} 列，"
                                  f"超过上限 {MAX_SPAN} 列，不是正常的表格")
        cells.extend(Cell() for _ in range(before or 0))
        for tc in _cells_of(tr):
            tc_pr = tc.find(f"{_W}tcPr")
            span, continues = 1, False
            if tc_pr is not None:
                span = _int_val(tc_pr.find(f"{_W}gridSpan")) or 1
                if not 1 <= span <= MAX_SPAN:
                    # gridSpan 100000000 once asked for 8 GB of cells before failing.
                    raise PlanFormatError(f"第{table_no}个表格第{len(grid) + 1}行有单元格横跨 {span} 列，"
                                          f"超过上限 {MAX_SPAN} 列，不是正常的表格")
                v_merge = tc_pr.find(f"{_W}vMerge")
                if v_merge is not None and v_merge.get(f"{_W}val", "continue") != "restart":
                    continues = True
            text = "\n".join(_text_of(p) for p in tc.iterchildren(f"{_W}p"))
            cells.append(Cell(cont=DOWN) if continues else Cell(text=text))
            cells.extend(Cell(cont=DOWN if continues else LEFT) for _ in range(span - 1))
        grid.append(cells)
    width = max((len(r) for r in grid), default=0)
    for cells in grid:
        cells.extend(Cell() for _ in range(width - len(cells)))
    return [GridRow(where=f"第{table_no}个表格第{index}行", cells=cells)
            for index, cells in enumerate(grid, 1)]


def _cells_of(tr):
    """The row's cells, including those wrapped in content controls (w:sdt)."""
    for child in tr.iterchildren():
        if child.tag == f"{_W}tc":
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from content.iterchildren(f"{_W}tc")


def _int_val(element) -> int:
    if element is None:
        return 0
    try:
        return int(element.get(f"{_W}val", "0"))
    except ValueError:
        return 0


def _text_of(element) -> str:
    parts = []
    for node in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def _notice_facts(text: str) -> dict:
    """Title, document number, issuer and deadline when the document is the whole notice."""
    flat = text.replace("\n", "")
    title = _TITLE.search(flat)
    if not title:
        return {}
    facts = {"title": title.group("title")}
    doc_no = _DOC_NO.search(text)
    if doc_no:
        facts["doc_no"] = doc_no.group(0)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    issuer = next((line for line in lines if line.endswith(("局", "厅", "委员会", "办公室"))
                   and "关于" not in line and len(line) <= 30), "")
    if issuer:
        facts["issuer"] = issuer
    deadline = _DEADLINE.search(flat)
    if deadline:
        facts["deadline"] = f"{int(deadline['y']):04d}-{int(deadline['m']):02d}-{int(deadline['d']):02d}"
        facts["recipient"] = deadline.group("to").strip()
    return facts
