"""Exports land whole or not at all, as ordinary (not private) files."""
from __future__ import annotations

import os
import stat

import pytest

from exports.atomic import atomic_output
from models.errors import LedgerError


def test_success_replaces_and_uses_normal_permissions(tmp_path):
    out = tmp_path / "表.xlsx"
    out.write_bytes(b"old")
    with atomic_output(out) as temp:
        assert temp.parent == tmp_path and temp != out
        temp.write_bytes(b"new")
        assert out.read_bytes() == b"old"
    assert out.read_bytes() == b"new"
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o666 & ~_umask()
    assert [p.name for p in tmp_path.iterdir()] == ["表.xlsx"]


def test_failure_keeps_the_old_file_and_leaves_nothing(tmp_path):
    out = tmp_path / "报告.pdf"
    out.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_output(out) as temp:
            temp.write_bytes(b"half")
            raise RuntimeError("boom")
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["报告.pdf"]


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(LedgerError, match="输出文件夹不存在"):
        with atomic_output(tmp_path / "nope" / "x.pdf"):
            pass


def _umask():
    current = os.umask(0)
    os.umask(current)
    return current
