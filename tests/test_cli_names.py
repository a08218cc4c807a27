"""main.py tells commands from the window by cli.names, without importing the command line."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_names_are_the_parsers():
    from cli.main import build_parser
    from cli.names import COMMANDS
    parser = build_parser()
    choices = parser._subparsers._group_actions[0].choices  # noqa: SLF001
    assert COMMANDS == set(choices)


def test_the_window_starts_without_the_command_line_or_sqlite_utils(ledger_path):
    """Up to the first paint only sqlite3 reads: no sqlite-utils, argparse's command modules,
    openpyxl or ReportLab."""
    from models.ledger import Ledger
    Ledger.create(ledger_path, unit="洛阳市", user="张三").close()
    probe = ("import sys, os; sys.argv=['main.py','--db',%r]\n"
             "os.environ['TASKLEDGER_EXIT_WHEN_PAINTED']='1'\n"
             "sys.path.insert(0, %r)\n"
             "import ui.app as app\n"
             "seen = {}\n"
             "class Watch(app._PaintWatch):\n"
             "    def eventFilter(self, obj, event):\n"
             "        if not seen and event.type() == app.QEvent.Type.Paint:\n"
             "            seen['mods'] = sorted(m for m in ('sqlite_utils', 'cli.main', 'openpyxl',\n"
             "                'reportlab', 'PySide6.QtNetwork') if m in sys.modules)\n"
             "        return super().eventFilter(obj, event)\n"
             "app._PaintWatch = Watch\n"
             "import main; rc = main.main(sys.argv[1:])\n"
             "print('loaded before paint', seen.get('mods'))\n" % (str(ledger_path), str(ROOT)))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "painted" in result.stdout
    assert "loaded before paint []" in result.stdout, result.stdout
