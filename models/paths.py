"""Where things live: bundled resources and the user's data folder.

One helper serves a source checkout and a PyInstaller bundle alike: build.spec copies
resources/ next to the frozen modules, so the same relative path works in both.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "TaskLedger"
DEFAULT_LEDGER_NAME = "taskledger.db"


def app_root() -> Path:
    """The folder holding resources/: the checkout, or the frozen bundle's data folder."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("plans", "henan-ip-2021.json")``."""
    return app_root().joinpath("resources", *parts)


def user_data_dir() -> Path:
    """The per-user data folder (never the program folder).

    ``TASKLEDGER_DATA_DIR`` overrides it, so tests and portable installs can point elsewhere.
    """
    override = os.environ.get("TASKLEDGER_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform.startswith("win"):
        base = os.environ.get("LOCALAPPDATA") or os.environ.get("APPDATA")
        return Path(base or Path.home() / "AppData" / "Local") / APP_DIR_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_DIR_NAME


def default_ledger_path() -> Path:
    """The ledger used when no ``--db`` is given."""
    return user_data_dir() / DEFAULT_LEDGER_NAME
