"""The provincial ledger's plan as a plan file (.json): the task list with the province's
divisions (处室) on the unit list and, for every "--" measure, the divisions carrying it.

A division starts its own ledger from it (``init --unit 保护处 --plan FILE``) and hands in
like a city; any ledger reads it back with ``import-plan``/``init --plan``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from models.plan.saved import plan_definition

from .atomic import atomic_output


def write_plan_file(ledger, out_path: Path, *,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> Path:
    """Write the current plan (with divisions and their measures) to ``out_path``."""
    plan = plan_definition(ledger)
    with atomic_output(Path(out_path), suffix=".json.tmp") as temp:
        temp.write_text(json.dumps(plan, ensure_ascii=False, indent=1), encoding="utf-8")
    if progress:
        progress(1, 1)
    return Path(out_path)
