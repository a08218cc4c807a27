"""Placeholder until the workbench lands: opens nothing, says so."""
import sys


def run_window(argv):
    sys.stderr.write("窗口界面尚未完成；请使用命令行（python main.py --help）。\n")
    return 2
