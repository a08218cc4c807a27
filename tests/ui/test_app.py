"""`python main.py --db X --screenshot F.png` and start-up without heavy imports."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from models.ledger import Ledger
from tests.support import fresh_ledger

ROOT = Path(__file__).resolve().parents[2]


def run_main(*args, env_extra=None, timeout=60):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env_extra or {}))
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_screenshot_writes_a_png_of_the_populated_window(ledger_path, tmp_path):
    from PySide6.QtGui import QImage
    with fresh_ledger(ledger_path) as ledger:
        ledger.record("1.2", status="已完成", note="印发配套文件", date="2021-09-01")
    out = tmp_path / "shot.png"
    cfg = tmp_path / "cfg"
    result = run_main("--db", str(ledger_path), "--screenshot", str(out),
                      env_extra={"XDG_CONFIG_HOME": str(cfg)})
    assert result.returncode == 0, result.stderr
    # the picture's window size is not remembered as the clerk's
    assert "geometry" not in "".join(p.read_text() for p in cfg.rglob("*.conf"))
    image = QImage(str(out))
    assert image.width() >= 1280 and image.height() >= 800
    # Not a blank picture: many distinct colours once text and the table are drawn.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 20


def test_screenshot_of_a_missing_ledger_fails_cleanly(tmp_path):
    result = run_main("--db", str(tmp_path / "nope.db"), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "找不到台账文件" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "nope.db").exists()


def test_window_start_up_does_not_import_openpyxl_or_reportlab(ledger_path):
    fresh_ledger(ledger_path).close()
    probe = ("import sys, runpy; sys.argv=['main.py','--db',%r];"
             "import os; os.environ['TASKLEDGER_EXIT_WHEN_PAINTED']='1';"
             "sys.path.insert(0, %r); import main; rc = main.main(sys.argv[1:]);"
             "print('heavy', sorted(m for m in ('openpyxl','reportlab') if m in sys.modules))"
             % (str(ledger_path), str(ROOT)))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "painted" in result.stdout
    assert "heavy []" in result.stdout


def test_a_ledger_open_elsewhere_is_refused_with_a_message(ledger_path, tmp_path):
    from models import lock
    fresh_ledger(ledger_path).close()
    with lock.acquire(ledger_path, program="命令行"):
        result = run_main("--db", str(ledger_path), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "已被" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_a_provincial_ledger_opens_the_province_window(tmp_path):
    from PySide6.QtGui import QImage
    path = tmp_path / "province.db"
    Ledger.create(path, unit="河南省知识产权局", role="province").close()
    out = tmp_path / "x.png"
    result = run_main("--db", str(path), "--screenshot", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    image = QImage(str(out))
    assert image.width() >= 1280 and image.height() >= 800
