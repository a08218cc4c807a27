"""TaskLedger 任务台账. Wires: parses arguments, then runs a command or opens the window.

Only argparse and the models are imported before we know which is wanted, so the command
line never loads Qt and the window never loads openpyxl or ReportLab at start-up.
"""
from __future__ import annotations

import sys

WINDOW_OPTIONS = {"--screenshot"}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from cli.names import CLI_OPTIONS, COMMANDS
    if any(arg in COMMANDS or arg in CLI_OPTIONS for arg in argv):
        from cli.main import run
        return run(argv)
    from ui.app import run_window
    return run_window(argv)


if __name__ == "__main__":
    sys.exit(main())
