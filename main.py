"""TaskLedger 任务台账. Wires: parses arguments, then runs a command or opens the window.

Only argparse and the models are imported before we know which is wanted, so the command
line never loads Qt and the window never loads openpyxl or ReportLab at start-up.
"""
from __future__ import annotations

import sys

WINDOW_OPTIONS = {"--screenshot"}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from cli.main import build_parser, run
    commands = build_parser()._subparsers._group_actions[0].choices  # noqa: SLF001
    wants_cli = any(arg in commands for arg in argv) or any(
        arg in ("-h", "--help", "--version", "--selftest") for arg in argv)
    if wants_cli:
        return run(argv)
    from ui.app import run_window
    return run_window(argv)


if __name__ == "__main__":
    sys.exit(main())
