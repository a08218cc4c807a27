"""The one stream copy: hashes what it copies, counts bytes, reports progress, honours
cancel and limits, fsyncs only when asked, and never leaves half a file."""
from __future__ import annotations

import hashlib
import io
import os
import zipfile

import pytest

from models import fsutil
from models.errors import Cancelled
from models.fsutil import CHUNK, LimitExceeded, copy_hashed, sha256_file


@pytest.fixture
def big(tmp_path):
    path = tmp_path / "big.bin"
    path.write_bytes(os.urandom(CHUNK) * 3 + b"tail")   # four chunks, the last one short
    return path


def test_copy_returns_the_hash_and_size_of_what_it_wrote(big, tmp_path):
    dest = tmp_path / "copy.bin"
    sha, size = copy_hashed(big, dest)
    data = big.read_bytes()
    assert (sha, size) == (hashlib.sha256(data).hexdigest(), len(data))
    assert dest.read_bytes() == data
    assert sha256_file(dest) == sha
    assert copy_hashed(big) == (sha, size)                    # hash only


def test_handles_in_and_out_are_left_open(big):
    out = io.BytesIO()
    with open(big, "rb") as src:
        sha, size = copy_hashed(src, out)
        assert not src.closed
    assert out.getvalue() == big.read_bytes() and not out.closed
    assert sha == hashlib.sha256(out.getvalue()).hexdigest()


def test_progress_is_monotone_and_ends_at_the_total(big):
    seen = []
    copy_hashed(big, progress=lambda done, total: seen.append((done, total)))
    size = big.stat().st_size
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and len(seen) == 4
    assert seen[-1] == (size, size) and {t for _, t in seen} == {size}


def test_an_empty_file_still_reports_its_end(tmp_path):
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    seen = []
    assert copy_hashed(empty, progress=lambda d, t: seen.append((d, t)))[1] == 0
    assert seen == [(0, 0)]


def test_a_zip_member_with_a_known_total(tmp_path, big):
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(big, "m")
    seen = []
    with zipfile.ZipFile(archive) as zf, zf.open("m") as src:
        copy_hashed(src, total=zf.getinfo("m").file_size, progress=lambda d, t: seen.append(t))
    assert set(seen) == {big.stat().st_size}


def test_cancel_removes_the_partial_copy(big, tmp_path):
    dest = tmp_path / "copy.bin"
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 2                 # two chunks in
    with pytest.raises(Cancelled):
        copy_hashed(big, dest, cancelled=cancelled)
    assert not dest.exists()


def test_limit_counts_bytes_as_they_come(big, tmp_path):
    dest = tmp_path / "copy.bin"
    with pytest.raises(LimitExceeded):
        copy_hashed(big, dest, limit=CHUNK + 1)
    assert not dest.exists()
    assert copy_hashed(big, limit=big.stat().st_size)[1] == big.stat().st_size


def test_fsync_only_when_asked(big, tmp_path, monkeypatch):
    synced = []
    real = os.fsync
    monkeypatch.setattr(fsutil.os, "fsync", lambda fd: (synced.append(fd), real(fd)))
    copy_hashed(big, tmp_path / "kept.bin")
    assert len(synced) == 1
    copy_hashed(big, tmp_path / "checked.bin", fsync=False)
    copy_hashed(big)
    assert len(synced) == 1


def test_a_failed_write_leaves_no_file(big, tmp_path, monkeypatch):
    def full(fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(fsutil.os, "fsync", full)
    dest = tmp_path / "copy.bin"
    with pytest.raises(OSError):
        copy_hashed(big, dest)
    assert not dest.exists()
