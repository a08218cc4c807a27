"""Evidence files on disk, addressed by SHA-256 and stored once however often they are used.

The store lives in a folder beside the ledger file. A file is written under a temporary name,
flushed, fsynced and renamed into place before any row names it, so a crash never leaves a
row pointing at half a file. The user's original is only read.
"""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Callable, Iterator

from .errors import Cancelled, InvalidInput
from .fsutil import LimitExceeded, copy_hashed, fsync_dir, ordinary_file_mode, sha256_file

OK, MISSING, ALTERED = "ok", "missing", "altered"

#: No evidence file may be bigger than this, whatever the clerk answers: the package, the
#: backups and a FAT32 USB stick (4 GB files at most) all have to carry it.
MAX_EVIDENCE_BYTES = 4 * 1024 ** 3 - 1
#: Windows shortcuts (and their cousins) are pointers to a file, never the file itself.
_LINK_SUFFIXES = {".lnk", ".url", ".desktop", ".webloc"}
_SHA_RE = re.compile(r"^[0-9a-f]{64}$")


def inspect_source(source: Path) -> int:
    """Check that ``source`` can be evidence and return its size in bytes.

    Refuses, with one line saying what is wrong (errors.InvalidInput): a path that does not
    exist, a folder, a symbolic link or a shortcut (.lnk/.url), anything but a regular file
    (a device, a pipe), an empty file, one that cannot be opened for reading, and one over
    MAX_EVIDENCE_BYTES. Only metadata and one open are needed: quick enough for the window to
    ask before it starts copying.
    """
    source = Path(source)
    try:
        info = os.lstat(source)
    except FileNotFoundError:
        raise InvalidInput(f"找不到文件：{source}") from None
    except OSError as exc:
        raise InvalidInput(f"无法读取佐证材料 {source}：{exc.strerror or exc}") from None
    if stat.S_ISLNK(info.st_mode) or source.suffix.lower() in _LINK_SUFFIXES:
        raise InvalidInput(f"“{source.name}”是快捷方式或链接，不是文件本身：请添加它指向的原文件")
    if stat.S_ISDIR(info.st_mode):
        raise InvalidInput(f"“{source.name}”是文件夹：请选择其中的文件（可一次选择多个）")
    if not stat.S_ISREG(info.st_mode):
        raise InvalidInput(f"“{source.name}”不是普通文件，不能作为佐证材料")
    if info.st_size == 0:
        raise InvalidInput(f"“{source.name}”是空文件（0 字节），不能作为佐证材料")
    if info.st_size > MAX_EVIDENCE_BYTES:
        raise InvalidInput(f"“{source.name}”有 {describe_size(info.st_size)}，超过佐证材料的上限 "
                           f"{describe_size(MAX_EVIDENCE_BYTES)}，请压缩或拆分后再添加")
    try:
        with open(source, "rb") as handle:
            handle.read(1)
    except OSError as exc:
        raise InvalidInput(f"无法读取“{source.name}”：{exc.strerror or exc}"
                           "（文件可能被其他程序占用或没有读取权限）") from None
    return info.st_size


def describe_size(size: int) -> str:
    """1 288 490 188 → "1.2 GB" (for messages)."""
    value = float(size)
    for unit in ("字节", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{size} 字节" if unit == "字节" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} 字节"


def evidence_dir_for(ledger_path: Path) -> Path:
    """The evidence folder that belongs to a ledger file."""
    ledger_path = Path(ledger_path).resolve()
    return ledger_path.with_name(ledger_path.stem + "_evidence")


class EvidenceStore:
    """A content-addressed folder of evidence files."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        """Where the file with this hash lives (whether or not it is there)."""
        return self.root / sha256[:2] / sha256

    def add(self, source: Path, *, progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> tuple[str, int]:
        """Copy ``source`` into the store; return (sha256, size). Idempotent per content.

        ``progress(done_bytes, total_bytes)`` follows the copy. When ``cancelled()`` turns
        True the temporary copy is removed and errors.Cancelled raised: the store is as it was.
        """
        source = Path(source)
        inspect_source(source)
        self.root.mkdir(parents=True, exist_ok=True)
        import tempfile
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        os.close(fd)
        try:
            sha, size = copy_hashed(source, tmp_name, progress=progress, cancelled=cancelled,
                                    limit=MAX_EVIDENCE_BYTES)
            if size == 0:       # emptied between the check and the copy
                raise InvalidInput(f"“{source.name}”是空文件（0 字节），不能作为佐证材料")
            # mkstemp makes the file private (0600); stored evidence is ordinary user data.
            os.chmod(tmp_name, ordinary_file_mode())
            final = self.path_for(sha)
            if final.is_file() and self.check(sha) == OK:
                os.unlink(tmp_name)
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp_name, final)
                fsync_dir(final.parent)
        except Cancelled:
            _remove(tmp_name)
            raise Cancelled(f"已取消添加 {source.name}，台账未改动") from None
        except LimitExceeded:
            _remove(tmp_name)
            raise InvalidInput(f"“{source.name}”在复制时变得超过上限 "
                               f"{describe_size(MAX_EVIDENCE_BYTES)}，未添加") from None
        except InvalidInput:
            _remove(tmp_name)
            raise
        except OSError as exc:
            _remove(tmp_name)
            raise InvalidInput(f"无法读取或保存佐证材料 {source}：{exc.strerror or exc}") from None
        return sha, size

    def check(self, sha256: str) -> str:
        """OK, MISSING or ALTERED for the stored copy of ``sha256``."""
        path = self.path_for(sha256)
        if not path.is_file():
            return MISSING
        return OK if sha256_file(path) == sha256 else ALTERED

    def stored(self) -> Iterator[tuple[str, int, float]]:
        """(sha256, size, modification time) of every file in the store named by a hash.

        Temporary copies (``.incoming-…``) and anything else not named by a SHA-256 are left
        out: they are not evidence."""
        if not self.root.is_dir():
            return
        for folder in sorted(self.root.iterdir()):
            if not (folder.is_dir() and len(folder.name) == 2):
                continue
            for file in sorted(folder.iterdir()):
                if _SHA_RE.match(file.name) and file.name[:2] == folder.name and file.is_file():
                    info = file.stat()
                    yield file.name, info.st_size, info.st_mtime

    def remove(self, sha256: str) -> int:
        """Delete the stored copy of ``sha256`` (and its folder once empty); return the bytes
        freed (0 when it was not there). The caller makes sure no record names it any more."""
        path = self.path_for(sha256)
        try:
            size = path.stat().st_size
            path.unlink()
        except FileNotFoundError:
            return 0
        try:
            path.parent.rmdir()
        except OSError:
            pass        # other files share the folder
        return size


def _remove(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass        # already gone (copy_hashed removes what it wrote) or not ours to fix now
