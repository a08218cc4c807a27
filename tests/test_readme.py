"""README's two opening commands stay true: CI runs the second; the first starts the app."""
from __future__ import annotations

import re
import subprocess
import sys

from tests.support import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.+?)\n```", text, re.S)[:2]


def test_readme_opens_with_install_and_test_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = text.index("```bash")
    assert text[:first_block].count("\n") <= 3, "the commands must open the README"
    run_app, run_tests = readme_commands()
    assert "requirements.txt" in run_app and run_app.rstrip().endswith("main.py")
    assert "requirements-dev.txt" in run_tests and "pytest" in run_tests


def test_ci_runs_the_readme_test_command():
    _, run_tests = readme_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    # .ci/run reads the command out of README and runs it; check it would pick this one.
    picked = next(line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
                  if re.search(r"requirements-dev\.txt.*pytest", line))
    assert picked == run_tests
    assert "grep -m1 -E 'requirements-dev\\.txt.*pytest' README.md" in ci


def test_requirements_are_pinned_and_complete():
    runtime = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    dev = (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)$", runtime + dev, re.M))
    for name in ("PySide6-Essentials", "sqlite-utils", "openpyxl", "reportlab", "pytest", "pytest-qt"):
        assert name in pins, f"{name} must be pinned"
    assert "-r requirements.txt" in dev


def test_the_app_command_targets_a_working_entry_point(tmp_path):
    proc = subprocess.run([sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True,
                          text=True, env={"PATH": "/usr/bin:/bin", "TASKLEDGER_DATA_DIR": str(tmp_path)})
    assert proc.returncode == 0 and "init" in proc.stdout
