"""The 审核反馈 file: the province's review of a unit's latest submission, written for the
unit to import (the format and its signature are models.feedback's).

Written under a temporary name and renamed when complete, like every output.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from models.errors import Cancelled
from models.feedback import feedback_bytes, feedback_document

from .atomic import atomic_output
from .documents import FEEDBACK


def feedback_file_name(ledger, unit: str) -> str:
    """``洛阳市2021年审核反馈.json``."""
    return FEEDBACK.file_name(year=ledger.plan().year, unit=unit)


def write_feedback(ledger, out_path: Path, *, unit: str,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> Path:
    """Write ``unit``'s feedback file to ``out_path`` (a folder: under its standard name);
    return its path. Refused (models.errors.InvalidInput) when the unit has not handed in."""
    document = feedback_document(ledger, unit)
    out_path = Path(out_path)
    if out_path.is_dir():
        out_path = out_path / feedback_file_name(ledger, unit)
    if cancelled and cancelled():
        raise Cancelled("导出已取消，未生成文件")
    with atomic_output(out_path, suffix=".json.tmp") as temp:
        temp.write_bytes(feedback_bytes(document))
    if progress:
        progress(1, 1)
    return out_path


def write_all_feedback(ledger, folder: Path, *,
                       progress: Callable[[int, int], None] | None = None,
                       cancelled: Callable[[], bool] | None = None) -> list[Path]:
    """One feedback file per unit with a current submission, into ``folder``; return the
    paths. A cancel stops before the next file (those written stay, each whole)."""
    from models.province.submissions import submission_status
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    units = [s.unit for s in submission_status(ledger).handed_in]
    written = []
    for index, unit in enumerate(units, 1):
        if cancelled and cancelled():
            raise Cancelled(f"导出已取消：已写出 {len(written)} 个审核反馈文件")
        written.append(write_feedback(ledger, folder / feedback_file_name(ledger, unit), unit=unit))
        if progress:
            progress(index, len(units))
    return written
