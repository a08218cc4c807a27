"""Interface translations (Qt Linguist): keep resources/i18n/*.ts in step with the code.

    .venv/bin/python tools/i18n.py update   # pyside6-lupdate over ui/*.py; existing
                                            # translations are kept, new strings come in
                                            # as unfinished for Qt Linguist (or an editor)
    .venv/bin/python tools/i18n.py build    # pyside6-lrelease: resources/i18n/*.qm
    .venv/bin/python tools/i18n.py check    # list unfinished or empty translations; exit 1

The .qm files are build output (ignored by git): build.spec compiles them on every build,
and a source run compiles a missing or stale one into the user's data folder (ui/i18n.py).
Chinese is the source language, so there is no taskledger_zh_CN.ts.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("en",)
# Every module that calls tr()/translate()/QT_TRANSLATE_NOOP: the window code. models/,
# exports/ and cli/ never import Qt, so their text (reports, CLI) is not in the .ts.
SOURCE_DIRS = ("ui",)


def _tool(name: str) -> str:
    """pyside6-<name> next to the running Python (the venv), else on PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / f"pyside6-{name}", here / f"pyside6-{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"找不到 pyside6-{name}：请在装有 PySide6 的虚拟环境中运行")
    return found


def sources() -> list[Path]:
    return sorted(p for d in SOURCE_DIRS for p in (ROOT / d).rglob("*.py")
                  if "__pycache__" not in p.parts)


def ts_path(language: str) -> Path:
    return I18N / f"taskledger_{language}.ts"


def update() -> None:
    """Run lupdate for every language: new strings added, vanished ones dropped."""
    I18N.mkdir(parents=True, exist_ok=True)
    files = [str(p.relative_to(ROOT)) for p in sources()]
    for language in LANGUAGES:
        # No line numbers in the .ts: an edit elsewhere in a file would rewrite every entry.
        subprocess.run([_tool("lupdate"), *files, "-ts", str(ts_path(language).relative_to(ROOT)),
                        "-source-language", "zh_CN", "-target-language", language,
                        "-no-obsolete", "-locations", "none"], cwd=ROOT, check=True)
    problems = check(quiet=True)
    if problems:
        print(f"{len(problems)} 条译文待填写（python tools/i18n.py check 列出）")


def build() -> list[Path]:
    """Run lrelease: resources/i18n/taskledger_<lang>.qm for every .ts."""
    built = []
    for ts in sorted(I18N.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
        print(qm.relative_to(ROOT))
    return built


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished, non-empty translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            numerus = translation.findall("numerusform") if translation is not None else []
            texts = [n.text for n in numerus] if numerus else [
                translation.text if translation is not None else None]
            if kind == "unfinished" or not all((t or "").strip() for t in texts):
                missing.append((name, message.findtext("source")))
    return missing


def check(quiet: bool = False) -> list[tuple[str, str, str]]:
    problems = [(ts.name, ctx, src) for ts in sorted(I18N.glob("*.ts"))
                for ctx, src in unfinished(ts)]
    if not quiet:
        for name, ctx, src in problems:
            print(f"{name}: [{ctx}] {src}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "build", "check"))
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    if args.command == "update":
        update()
    elif args.command == "build":
        build()
    else:
        return 1 if check() else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
