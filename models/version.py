"""The program's version: the one place it is written (CLI --version, 关于, backups, build)."""
from __future__ import annotations

__version__ = "0.1.0"

APP_NAME = "TaskLedger"
APP_NAME_ZH = "任务台账"


def version_line() -> str:
    """What ``--version`` prints, e.g. ``TaskLedger 任务台账 0.1.0``."""
    return f"{APP_NAME} {APP_NAME_ZH} {__version__}"
