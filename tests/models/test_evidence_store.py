"""EvidenceStore.add: bytes progress, and a cancel that leaves the store as it was."""
from __future__ import annotations

import hashlib
import os

import pytest

from models.errors import Cancelled
from models.evidence_store import OK, EvidenceStore
from models.fsutil import CHUNK


def _files(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.fixture
def store(tmp_path):
    store = EvidenceStore(tmp_path / "ledger_evidence")
    first = tmp_path / "first.pdf"
    first.write_bytes(b"%PDF-1.4 already stored")
    store.add(first)
    return store


@pytest.fixture
def large(tmp_path):
    path = tmp_path / "扫描件.pdf"
    path.write_bytes(os.urandom(CHUNK) * 4 + b"end")
    return path


def test_add_reports_bytes_up_to_the_size(store, large):
    seen = []
    sha, size = store.add(large, progress=lambda done, total: seen.append((done, total)))
    assert size == large.stat().st_size and sha == hashlib.sha256(large.read_bytes()).hexdigest()
    assert seen[-1] == (size, size) and len(seen) == 5
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert store.check(sha) == OK


def test_cancelled_add_leaves_the_store_as_it_was(store, large):
    before = _files(store.root)
    calls = []

    def cancelled():
        calls.append(1)
        # Stop halfway, once the temporary copy exists and holds two chunks.
        if len(calls) == 3:
            assert [p.name for p in store.root.glob(".incoming-*")]
            return True
        return False
    with pytest.raises(Cancelled, match="已取消"):
        store.add(large, cancelled=cancelled)
    assert _files(store.root) == before
    assert not list(store.root.glob(".incoming-*"))
    assert large.read_bytes()                          # the original is only read
