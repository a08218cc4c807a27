"""PyInstaller runtime hook: give a windowed program somewhere to write.

A Windows program built without a console starts with ``sys.stdout`` and ``sys.stderr`` set
to None, so ``sys.stderr.write(...)`` — and every traceback — would fail or vanish. Send both
to ``TaskLedger.log`` in the user's data folder instead (kept under 1 MB), so an error on an
offline PC leaves a trace someone can read.
"""
import os
import sys


def _log_stream():
    try:
        from models.paths import user_data_dir
        folder = user_data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "TaskLedger.log"
        if path.exists() and path.stat().st_size > 1_000_000:
            path.replace(path.with_suffix(".log.old"))
        return open(path, "a", encoding="utf-8", buffering=1)
    except Exception:  # no data folder: better silent than crashing at start-up
        return open(os.devnull, "w", encoding="utf-8")


if sys.stdout is None or sys.stderr is None:
    _stream = _log_stream()
    if sys.stdout is None:
        sys.stdout = _stream
    if sys.stderr is None:
        sys.stderr = _stream
