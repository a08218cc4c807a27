"""Entry point of the command line. ``run(argv)`` returns the exit code."""
from __future__ import annotations

import argparse
import contextlib
import sqlite3
import sys
from pathlib import Path

from models.errors import LedgerError
from models.paths import default_ledger_path

from . import (commands, evidence_commands, export_commands, maintenance_commands,
               plan_commands, province_commands, review_commands, settings_cmd, time_commands)

EXIT_ERROR = 2
# Commands that only read the ledger run beside an open window; every other command that
# opens the ledger takes its lock (models/lock.py). A command may say so itself with
# set_defaults(writes=...).
READ_ONLY_COMMANDS = {"units", "plan", "tasks", "verify", "export", "check", "submissions", "backups"}


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        sys.stderr.write(f"错误：{message}\n")
        raise SystemExit(EXIT_ERROR)


def build_parser() -> argparse.ArgumentParser:
    """The whole command-line grammar (also used by main.py to decide CLI vs window)."""
    parser = _Parser(prog="taskledger", description="任务台账 TaskLedger：推动知识产权高质量发展任务台账")
    parser.add_argument("--db", type=Path, default=None, help="台账文件路径（默认在用户数据目录）")
    from models.version import version_line
    parser.add_argument("--version", action="version", version=version_line(),
                        help="显示版本号并退出")
    parser.add_argument("--selftest", action="store_true",
                        help="自检：在临时文件夹中建台账、填报、导出并校验，全部通过时返回 0")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="命令")
    for module in (commands, evidence_commands, plan_commands, export_commands,
                   maintenance_commands, province_commands, review_commands, settings_cmd,
                   time_commands):
        module.register(sub)
    return parser


def run(argv: list[str]) -> int:
    """Run one command; print one clear line and return non-zero on any user error."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    args = build_parser().parse_args(argv)
    if args.selftest:
        from .selftest import run_selftest
        return run_selftest()
    if not args.command:
        build_parser().print_help()
        return EXIT_ERROR
    args.db = args.db or default_ledger_path()
    from models.ledger import Ledger
    try:
        if not getattr(args, "needs_ledger", True):
            return args.func(args)
        from models import lock
        writes = getattr(args, "writes", args.command not in READ_ONLY_COMMANDS)
        if callable(writes):          # e.g. settings: only a change takes the lock
            writes = writes(args)
        with (lock.acquire(args.db, program="命令行") if writes and args.db.exists()
              else contextlib.nullcontext()) as held:
            if held is not None:
                from models.cleanup import clean_leftovers
                clean_leftovers(args.db)    # what a killed program left, while we hold the lock
            with Ledger.open(args.db) as ledger:
                return args.func(args, ledger)
    except LedgerError as exc:
        sys.stderr.write(f"错误：{exc}\n")
        return EXIT_ERROR
    except (sqlite3.Error, OSError) as exc:
        # A full disk, a read-only folder or a damaged file: one line that says which.
        from models.db import explain_error
        sys.stderr.write(f"错误：{explain_error(exc, args.db)}\n")
        return EXIT_ERROR
