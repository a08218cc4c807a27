"""The names of the command-line commands, known without importing the command line.

main.py decides from them whether a start is a command or the window; importing cli.main to
ask (argparse, every command module, the models and sqlite-utils) would cost the window's
start-up more than its first paint. tests/test_cli_names.py keeps this list equal to the
parser's.
"""
COMMANDS = frozenset({
    "assign", "attach", "backup", "backups", "check", "deadline", "division", "due", "evidence",
    "export", "import-feedback", "import-package", "import-plan", "init", "milestone", "plan",
    "purge", "record", "restore", "review", "round", "rounds", "settings", "submissions",
    "tasks", "units", "verify",
})
CLI_OPTIONS = frozenset({"-h", "--help", "--version", "--selftest"})
