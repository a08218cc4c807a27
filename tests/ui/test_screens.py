"""The window on office screens: 1366×768 and 1280×720, at 100–150 % scaling. Each size runs
in a process of its own (the screen is fixed when Qt starts) via tests/ui/screen_probe.py."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import fresh_ledger

ROOT = Path(__file__).resolve().parents[2]
SIZES = [(1366, 768, "1"), (1280, 720, "1"), (1366, 768, "1.25"), (1280, 720, "1.5")]


@pytest.fixture(scope="module")
def small_ledger(tmp_path_factory):
    path = tmp_path_factory.mktemp("screens") / "ledger.db"
    with fresh_ledger(path) as ledger:
        ledger.record("4.1", status="推进中", problems="经费不足", next_steps="争取资金")
        for day in range(1, 7):
            ledger.add_entry("4.1", "召开专利质量提升推进会，组织企业培训。" * 3, date=f"2021-09-0{day}")
    return path


@pytest.mark.parametrize("width,height,scale", SIZES, ids=lambda v: str(v))
def test_every_control_is_reachable(small_ledger, tmp_path, width, height, scale):
    large_before = (width, height, scale) == (1366, 768, "1")
    if large_before:
        # The clerk last closed the window on a docking station's monitor: Qt alone would
        # open it at half this screen.
        _remember_a_window_from_a_larger_screen(tmp_path / "cfg", 1600, 1000)
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "office", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               QT_SCALE_FACTOR=scale, HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "ui" / "screen_probe.py"),
                             str(small_ledger)], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    logical = (round(width / float(scale)), round(height / float(scale)))
    assert abs(report["screen"][2] - logical[0]) <= 1 and abs(report["screen"][3] - logical[1]) <= 1
    assert report["window_on_screen"], report
    if large_before:
        assert report["frame"][2] >= width - 48 and report["frame"][3] >= height - 96, report
    assert report["single"] == []
    assert report["bulk_shown"] and report["bulk"] == []


def _geometry_saved_on_a_large_screen(width: int, height: int) -> bytes:
    """QWidget.saveGeometry() of a window of that size (not maximized) on a 1920×1080 screen,
    in Qt's format (version 3)."""
    import struct
    rect = struct.pack(">4i", 0, 0, width - 1, height - 1)
    return (struct.pack(">IHH", 0x1D9D0CB, 3, 0) + rect + rect
            + struct.pack(">iBBi", 0, 0, 0, 1920) + rect)


def _remember_a_window_from_a_larger_screen(cfg, width: int, height: int) -> None:
    from PySide6.QtCore import QByteArray, QSettings
    settings = QSettings(str(cfg / "TaskLedger" / "TaskLedger.conf"), QSettings.Format.IniFormat)
    settings.setValue("window/geometry", QByteArray(_geometry_saved_on_a_large_screen(width, height)))
    settings.sync()


def test_saved_size_reads_qts_geometry_and_refuses_anything_else(qapp):
    from PySide6.QtWidgets import QWidget

    from ui.layouts import saved_size
    widget = QWidget()
    widget.resize(1000, 700)
    assert saved_size(widget.saveGeometry()) == (1000, 700, False)
    assert saved_size(_geometry_saved_on_a_large_screen(1600, 1000)) == (1600, 1000, False)
    for junk in (b"", b"\x01\xd9\xd0\xcb", b"not a geometry", "1400x860", 17, None):
        assert saved_size(junk) is None
