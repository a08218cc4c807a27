"""Writing an output file all at once: under a temporary name beside it, then renamed.

A failed or cancelled export leaves no half-written file, and a file already at the
destination stays as it was until the new one is complete.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from models.errors import LedgerError
from models.fsutil import ordinary_file_mode


@contextlib.contextmanager
def atomic_output(out_path: Path, *, suffix: str = ".tmp"):
    """Yield a temporary path beside ``out_path``; on success fsync and rename it into place."""
    out_path = Path(out_path)
    folder = out_path.parent if str(out_path.parent) else Path(".")
    if not folder.is_dir():
        raise LedgerError(f"输出文件夹不存在：{folder}")
    handle, temp_name = tempfile.mkstemp(prefix=f".{out_path.stem}.", suffix=suffix, dir=folder)
    os.close(handle)
    try:
        yield Path(temp_name)
        with open(temp_name, "rb") as written:
            os.fsync(written.fileno())
        os.chmod(temp_name, ordinary_file_mode())
        os.replace(temp_name, out_path)
    except PermissionError:
        _remove(temp_name)
        raise LedgerError(f"无法写入 {out_path}：文件可能正被其他程序（如 Excel、WPS 或 PDF "
                          "阅读器）打开，或没有写入权限；请关闭后重试") from None
    except BaseException:
        _remove(temp_name)
        raise


def _remove(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass
