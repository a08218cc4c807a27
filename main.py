"""TaskLedger 任务台账. Wires: parses arguments, then runs a command or opens the window.

Only argparse and the models are imported before we know which is wanted, so the command
line never loads Qt and the window never loads openpyxl or ReportLab at start-up.
"""
from __future__ import annotations

import difflib
import sys

# Options the window takes with a value (ours, then Qt's own: -style fusion, -platform xcb…).
WINDOW_VALUE_OPTIONS = {"--db", "--screenshot", "-platform", "-style", "-stylesheet",
                        "-qwindowgeometry", "-qwindowtitle", "-qwindowicon", "-platformpluginpath",
                        "-platformtheme", "-plugin", "-display", "-geometry", "-session"}
EXIT_ERROR = 2


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from cli.names import CLI_OPTIONS, COMMANDS
    if any(arg in COMMANDS or arg in CLI_OPTIONS for arg in argv):
        from cli.main import run
        return run(argv)
    stray = stray_words(argv)
    if stray:
        # A mistyped command (exprot, settings) must not silently open the window instead.
        close = difflib.get_close_matches(stray[0], sorted(COMMANDS), n=1)
        hint = f"，是不是“{close[0]}”？" if close else "。"
        sys.stderr.write(f"错误：未知命令“{stray[0]}”{hint}可用的命令：{'、'.join(sorted(COMMANDS))}"
                         "（python main.py --help 查看说明）\n")
        return EXIT_ERROR
    from ui.app import run_window
    return run_window(argv)


def stray_words(argv: list[str]) -> list[str]:
    """Arguments that are neither an option nor an option's value: for the window, mistakes."""
    stray, skip = [], False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in WINDOW_VALUE_OPTIONS:
            skip = True
        elif not arg.startswith("-"):
            stray.append(arg)
    return stray


if __name__ == "__main__":
    sys.exit(main())
