"""The header of a task-list table: which column holds what.

Offices word their headers freely: 重点任务 / 重点工作任务 / 工作任务; 落实举措 / 具体措施 /
工作内容; 责任地市 / 责任单位 / 执行部门（单位）; 牵头单位 and 配合单位 side by side or under one
two-row header (责任单位 over 牵头 | 配合); 完成时限 / 时间节点; 任务目标 / 预期成果; 序号. A
header is the first row (within the first rows) naming a task or measure column and at least
one other known column. A column whose header is not understood is kept: its text is stored
on each measure and shown in the preview, never dropped in silence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# Header words by role (compared without spaces, line breaks, colons or a bracketed tail).
ROLE_WORDS = {
    "no": ("序号", "编号", "序", "项目编号", "任务编号"),
    "lead": ("牵头单位", "牵头部门", "牵头处室", "牵头科室", "主办单位", "主责单位", "主责部门",
             "牵头责任单位", "牵头"),
    "assisting": ("配合单位", "配合部门", "配合处室", "协办单位", "协办部门", "参与单位", "参与部门",
                  "协同单位", "协助单位", "配合", "协办", "参与"),
    "resp": ("责任地市", "责任单位", "责任部门", "责任主体", "责任市县", "责任地区", "执行部门",
             "执行单位", "承办单位", "落实单位", "实施单位", "责任处室", "负责单位", "责任科室",
             "责任分工", "责任", "主体"),
    "deadline": ("完成时限", "完成时间", "时间节点", "完成期限", "时限要求", "时限", "时间安排",
                 "进度安排", "推进时限", "完成时间节点", "时间进度", "进度要求", "计划完成时间",
                 "完成时间要求", "时间"),
    "target": ("任务目标", "工作目标", "预期成果", "目标", "预期目标", "成果形式", "完成标准",
               "目标要求", "工作标准", "预期成效", "年度目标", "目标任务值", "绩效目标"),
    "task": ("任务内容", "重点任务", "主要任务", "工作任务", "任务名称", "重点工作", "任务",
             "重点工作任务", "目标任务", "任务事项", "重点事项", "工作事项", "事项", "重点工作内容",
             "主要工作", "工作重点", "重点任务内容", "主要目标任务", "重点项目", "项目名称"),
    "measure": ("落实举措", "工作措施", "具体措施", "主要措施", "工作举措", "具体举措", "主要举措",
                "落实措施", "措施", "举措", "工作内容", "具体内容", "主要内容", "具体任务",
                "具体工作", "任务分解", "推进措施", "重点举措", "具体工作任务", "具体工作措施",
                "实施内容", "工作要求", "主要工作措施", "工作安排"),
}
# People, not units: such a column is kept as text (责任领导 is not a unit).
PERSON_WORDS = ("责任人", "责任领导", "分管领导", "牵头领导", "联系人", "责任领导人", "分管市领导",
                "分管副市长", "分管区领导", "牵头市领导")
ROLE_NAMES = {"no": "编号", "task": "任务", "measure": "举措", "resp": "责任单位", "lead": "牵头单位",
              "assisting": "配合单位", "deadline": "完成时限", "target": "任务目标"}
HEADER_SCAN_ROWS = 30
MAX_HEADER_CELL = 20
_UNIT_ROLES = ("resp", "lead", "assisting")
_OTHER_ROLES = ("no", "resp", "lead", "assisting", "deadline", "target")


@dataclass
class Header:
    """The header found: its (last) row, the column of each role, the columns not understood."""
    index: int                                  # the last header row (data starts below it)
    columns: dict[str, int] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)    # column → header text as written
    extra: dict[int, str] = field(default_factory=dict)     # columns kept as text: label
    rows: tuple[int, ...] = ()                  # every header row (one or two)

    @property
    def two_level(self) -> bool:
        """Tasks with several measures (task and measure columns), or one row per task."""
        return "task" in self.columns and "measure" in self.columns

    @property
    def text_column(self) -> int:
        """The column holding the measure text (the task text in a one-level table)."""
        return self.columns.get("measure", self.columns.get("task"))


def normalize_header(text: str) -> str:
    """Header text compared without spaces, line breaks or a trailing colon."""
    return re.sub(r"[\s\u3000:：*＊]", "", text or "")


def _without_brackets(key: str) -> str:
    return re.sub(r"[（(][^）)]*[）)]", "", key)


def role_of(text: str) -> str | None:
    """The role of a header cell (no/task/measure/resp/lead/assisting/deadline/target) or None."""
    key = normalize_header(text)
    if not key or len(key) > MAX_HEADER_CELL:
        return None
    for candidate in (key, _without_brackets(key)):
        if candidate in PERSON_WORDS or any(candidate.startswith(w) for w in PERSON_WORDS):
            return None
        for role, words in ROLE_WORDS.items():
            if candidate in words:
                return role
    bare = _without_brackets(key) or key
    # 具体工作措施, 主要工作任务: the last words say what the column is
    for role in ("lead", "assisting", "resp", "deadline", "target", "measure", "task", "no"):
        if any(bare.endswith(w) for w in ROLE_WORDS[role] if len(w) >= 2):
            return role
    for role in ("lead", "assisting", "resp", "deadline", "target", "measure", "task"):
        if any(bare.startswith(w) for w in ROLE_WORDS[role] if len(w) >= 2):
            return role
    return None


def _row_roles(cells) -> dict[int, str]:
    roles = {}
    for col, cell in enumerate(cells):
        if cell.cont:
            continue
        role = role_of(cell.text)
        if role:
            roles[col] = role
    return roles


def _is_header_row(cells, roles: dict[int, str]) -> bool:
    found = set(roles.values())
    if not ({"task", "measure"} & found):
        return False
    if not (set(_OTHER_ROLES) & found) and not {"task", "measure"} <= found:
        return False
    long_cells = [c for c in cells if not c.cont and len(normalize_header(c.text)) > MAX_HEADER_CELL]
    return not long_cells


def find_header(rows) -> Header | None:
    """The header of ``rows`` (grid rows), or None when the first rows hold none."""
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        roles = _row_roles(row.cells)
        if not _is_header_row(row.cells, roles):
            continue
        header = Header(index=index, rows=(index,))
        for col, cell in enumerate(row.cells):
            if not cell.cont and cell.text.strip():
                header.labels[col] = normalize_header(cell.text)
        _two_row(rows, header, roles)
        _assign(header, roles)
        return header
    return None


def _two_row(rows, header: Header, roles: dict[int, str]) -> None:
    """责任单位 over 牵头单位 | 配合单位: the lower row names the columns under a group."""
    index = header.index
    if index + 1 >= len(rows):
        return
    below = rows[index + 1].cells
    texts = [(col, c) for col, c in enumerate(below) if not c.cont and c.text.strip()]
    if not texts:
        return
    lower = {}
    for col, cell in texts:
        role = role_of(cell.text)
        if role is None or len(normalize_header(cell.text)) > MAX_HEADER_CELL:
            return            # a data row, not the lower half of the header
        lower[col] = role
    for col, role in lower.items():
        upper = roles.get(col)
        if upper in _UNIT_ROLES and role == "resp":
            role = upper
        roles[col] = role
        header.labels[col] = normalize_header(below[col].text)
    header.index = index + 1
    header.rows = (index, index + 1)


def _assign(header: Header, roles: dict[int, str]) -> None:
    found = set(roles.values())
    if len(found & set(_UNIT_ROLES)) == 1 and not {"resp"} & found:
        # A lone 牵头单位 column names the responsible units: nothing to tell apart.
        roles = {c: ("resp" if r in _UNIT_ROLES else r) for c, r in roles.items()}
    # 责任单位 beside 牵头单位 is the assisting column; beside 配合单位 it is the lead.
    elif "resp" in found and "lead" in found and "assisting" not in found:
        roles = {c: ("assisting" if r == "resp" else r) for c, r in roles.items()}
    elif "resp" in found and "assisting" in found and "lead" not in found:
        roles = {c: ("lead" if r == "resp" else r) for c, r in roles.items()}
    for col in sorted(header.labels):
        role = roles.get(col)
        if role and role not in header.columns:
            header.columns[role] = col
        else:
            header.extra[col] = header.labels[col]
