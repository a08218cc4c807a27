"""Printing for the command line: readable Chinese for people, JSON for scripts."""
from __future__ import annotations

import json
import sys
import unicodedata


def emit_json(data) -> None:
    """Print ``data`` as JSON (UTF-8, not escaped)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def display_width(text: str) -> int:
    """Columns a string takes in a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns, with … when cut."""
    out, used = "", 0
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + w > width - 1 and display_width(text) > width:
            return out + "…"
        out += ch
        used += w
    return out


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` columns."""
    text = clip(text, width)
    return text + " " * max(0, width - display_width(text))


def table(rows: list[list[str]], widths: list[int]) -> str:
    """A plain fixed-width table."""
    return "\n".join(" ".join(pad(str(cell), w) for cell, w in zip(row, widths)).rstrip()
                     for row in rows)


def confirm(prompt: str) -> bool:
    """Ask a yes/no question on the terminal; no terminal (a script, a pipe) means no."""
    if not sys.stdin or not sys.stdin.isatty():
        return False
    try:
        answer = input(prompt)
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "是", "确认")
