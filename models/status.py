"""Work status of a measure. Stored as the Chinese label: it is what every report prints."""
from __future__ import annotations

from .errors import InvalidInput

NOT_STARTED = "未启动"
IN_PROGRESS = "推进中"
DONE = "已完成"
NOT_INVOLVED = "不涉及"

STATUSES = (DONE, IN_PROGRESS, NOT_STARTED, NOT_INVOLVED)
# Not a stored status: a 相关地市 measure whose unit has not yet confirmed whether it is
# involved. The window shows and filters it so instead of 未启动 (what is stored).
PENDING = "待确认"

# One palette for statuses wherever they are drawn — the table and dashboard on screen, the
# province's matrix, the workbooks and the PDFs: strong colours for text, bars and chart
# segments; light tints for filled cells. Hex strings, so no layer needs Qt or ReportLab here.
STATUS_COLOURS = {DONE: "#2e7d32", IN_PROGRESS: "#1565c0", NOT_STARTED: "#e65100",
                  NOT_INVOLVED: "#757575"}
STATUS_TINTS = {DONE: "#c8e6c9", IN_PROGRESS: "#bbdefb", NOT_STARTED: "#ffe0b2",
                NOT_INVOLVED: "#eeeeee"}
_ALIASES = {
    "not_started": NOT_STARTED, "in_progress": IN_PROGRESS, "done": DONE,
    "not_involved": NOT_INVOLVED, "完成": DONE, "进行中": IN_PROGRESS,
}


def normalize_status(value: str) -> str:
    """Accept the Chinese label or its English key; raise InvalidInput otherwise."""
    value = (value or "").strip()
    if value in STATUSES:
        return value
    if value.lower() in _ALIASES:
        return _ALIASES[value.lower()]
    if value in _ALIASES:
        return _ALIASES[value]
    raise InvalidInput(f"状态“{value}”无效，应为：{' / '.join(STATUSES)}")
