"""Evidence on the way in (issue 14): refused inputs, large files asked about, the document's
own date; editing date and note; removing unlinked files with the audit naming them."""
from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest

from models.errors import InvalidInput, LargeEvidence
from models.ledger import Ledger
from tests.support import dump_tables


def _store_files(ledger) -> list[str]:
    root = ledger.evidence.root
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _refusal(ledger, path, match, **kw):
    before = dump_tables(ledger.path)
    files = _store_files(ledger)
    with pytest.raises(InvalidInput, match=match) as caught:
        ledger.attach("8.5", path, **kw)
    assert "\n" not in str(caught.value)
    assert dump_tables(ledger.path) == before and _store_files(ledger) == files
    return str(caught.value)


def test_empty_folder_link_shortcut_and_device_are_refused(ledger, tmp_path, sample_file):
    empty = tmp_path / "空白.pdf"
    empty.write_bytes(b"")
    _refusal(ledger, empty, "空文件")
    folder = tmp_path / "照片"
    folder.mkdir()
    _refusal(ledger, folder, "文件夹")
    link = tmp_path / "纪要链接.pdf"
    link.symlink_to(sample_file)
    _refusal(ledger, link, "快捷方式或链接")
    shortcut = tmp_path / "会议纪要.pdf.lnk"
    shortcut.write_bytes(b"L\x00\x00\x00 windows shortcut")
    _refusal(ledger, shortcut, "快捷方式")
    fifo = tmp_path / "管道"
    os.mkfifo(fifo)
    _refusal(ledger, fifo, "不是普通文件")
    _refusal(ledger, tmp_path / "不存在.pdf", "找不到")


def test_an_unreadable_file_is_refused(ledger, sample_file, monkeypatch):
    import builtins
    real_open = builtins.open

    def locked(file, *args, **kwargs):
        if Path(str(file)) == sample_file:
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)
    monkeypatch.setattr(builtins, "open", locked)
    message = _refusal(ledger, sample_file, "无法读取")
    assert "占用" in message


def test_a_large_file_needs_consent_and_the_limit_is_a_setting(ledger, tmp_path):
    big = tmp_path / "现场视频.mp4"
    big.write_bytes(os.urandom(1024) * 2100)            # 2.05 MB
    ledger.set_settings(evidence_large_mb="2")
    message = _refusal(ledger, big, "超过本台账设定")
    assert "备份" in message and "--large-ok" in message
    with pytest.raises(LargeEvidence):
        ledger.attach("8.5", big)
    item = ledger.attach("8.5", big, large_ok=True)
    assert item.size == big.stat().st_size
    assert ledger.check_evidence_file(big) == (big.stat().st_size, True)
    ledger.set_settings(evidence_large_mb="3")
    assert ledger.check_evidence_file(big)[1] is False
    for bad in ("0", "abc", "5000", "-1"):
        with pytest.raises(InvalidInput, match="大文件提醒"):
            ledger.set_settings(evidence_large_mb=bad)
    assert ledger.setting("evidence_large_mb") == "3"
    assert Ledger.open(ledger.path).large_evidence_bytes() == 3 * 1024 * 1024


def test_the_same_content_is_stored_once(ledger, tmp_path, sample_file):
    copy = tmp_path / "另一个名字.pdf"
    copy.write_bytes(sample_file.read_bytes())
    first = ledger.attach("8.5", sample_file)
    second = ledger.attach("4.1", copy)
    assert first.id == second.id and second.measures == ["4.1", "8.5"]
    assert len(_store_files(ledger)) == 1


def test_the_document_date_comes_from_the_file(ledger, tmp_path):
    from PIL import Image
    photo = tmp_path / "现场.jpg"
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "2021:05:09 10:11:12"
    Image.new("RGB", (64, 48), (10, 120, 30)).save(photo, exif=exif)
    assert ledger.attach("8.5", photo).evidence_date == "2021-05-09"
    report = tmp_path / "报告.docx"
    with zipfile.ZipFile(report, "w") as zf:
        zf.writestr("docProps/core.xml", '<cp:coreProperties><dcterms:created xsi:type="x">'
                                          "2021-03-02T08:00:00Z</dcterms:created></cp:coreProperties>")
        zf.writestr("word/document.xml", "<w:document/>")
    assert ledger.attach("8.5", report).evidence_date == "2021-03-02"
    future = tmp_path / "未来.jpg"
    exif[0x0132] = "2031:01:01 00:00:00"
    Image.new("RGB", (8, 8)).save(future, exif=exif)
    # The Exif IFD still says 2021-05-09: the original date wins over the file's DateTime.
    assert ledger.attach("8.5", future).evidence_date == "2021-05-09"
    plain = tmp_path / "名单.txt"
    plain.write_text("名单", encoding="utf-8")
    assert ledger.attach("8.5", plain).evidence_date == "2021-10-15"          # today
    assert ledger.attach("4.1", plain, date="2021-01-01").evidence_date == "2021-10-15"  # kept


def test_a_pdf_gives_its_creation_date_and_a_false_pdf_is_not_searched(
        ledger, tmp_path, monkeypatch):
    from pypdf import PdfWriter
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_metadata({"/CreationDate": "D:20210405093000+08'00'"})
    scan = tmp_path / "扫描件.pdf"
    with open(scan, "wb") as out:
        writer.write(out)
    assert ledger.attach("8.5", scan).evidence_date == "2021-04-05"
    # A photo renamed .pdf (no %%EOF at its end): pypdf would hunt backwards through all of it,
    # 40 s for a 120 MB file; it is not even opened, and the date is today's.
    import pypdf
    fake = tmp_path / "照片.pdf"
    fake.write_bytes(b"%PDF-1.4\n" + os.urandom(256 * 1024))
    monkeypatch.setattr(pypdf, "PdfReader", lambda *a, **k: pytest.fail("read a false PDF"))
    assert ledger.attach("8.5", fake).evidence_date == "2021-10-15"


def test_date_and_note_are_edited_with_audit_and_search(ledger, sample_file):
    item = ledger.attach("8.5", sample_file, note="纪要", date="2021-06-18")
    ledger.take_changes()
    updated = ledger.update_evidence(item.id, date="2021-06-01", note="第三次专题会议纪要")
    assert (updated.evidence_date, updated.note) == ("2021-06-01", "第三次专题会议纪要")
    assert ledger.take_changes().evidence == {"8.5"}
    path = ledger.path
    ledger.close()
    with Ledger.open(path) as again:
        assert again.evidence_item(item.id).note == "第三次专题会议纪要"
        audit = again.audit_log()[-1]
        assert audit.action == "edit_evidence"
        detail = json.loads(audit.detail)
        assert detail["old"] == {"date": "2021-06-18", "note": "纪要"}
        assert detail["new"]["date"] == "2021-06-01"
        assert "8.5" in again.search("第三次专题")
        before = dump_tables(path)
        with pytest.raises(InvalidInput, match="材料日期"):
            again.update_evidence(item.id, date="2021-13-01")
        with pytest.raises(InvalidInput, match="上限"):
            again.update_evidence(item.id, note="长" * 1001)
        with pytest.raises(InvalidInput, match="没有编号"):
            again.update_evidence(9999, note="x")
        assert dump_tables(path) == before


def test_evidence_is_found_by_number_or_label(ledger, sample_file, tmp_path):
    other = tmp_path / "照片.png"
    other.write_bytes(b"\x89PNG not really")
    first = ledger.attach("8.5", sample_file, date="2021-06-01")
    second = ledger.attach("8.5", other, date="2021-06-02")
    assert ledger.find_evidence(str(first.id)).id == first.id
    assert ledger.find_evidence("8.5-2").id == second.id
    assert ledger.find_evidence("佐证8.5-1").id == first.id
    with pytest.raises(InvalidInput, match="8.5-9"):
        ledger.find_evidence("8.5-9")


def test_purge_removes_unlinked_files_and_names_them_in_the_audit(ledger, tmp_path, sample_file):
    kept = tmp_path / "保留.pdf"
    kept.write_bytes(b"%PDF-1.4 kept")
    gone = ledger.attach("8.5", sample_file)
    stays = ledger.attach("8.5", kept)
    ledger.unlink_evidence(gone.id, "8.5")
    assert [e.id for e in ledger.unlinked_evidence()] == [gone.id]
    gone_path = ledger.evidence_path(gone.sha256)
    # A stored file no record names: from an interrupted attach long ago, and one just now.
    old_orphan = ledger.evidence.path_for("a" * 64)
    old_orphan.parent.mkdir(parents=True)
    old_orphan.write_bytes(b"left by a crash")
    os.utime(old_orphan, (1_600_000_000, 1_600_000_000))
    fresh_orphan = ledger.evidence.path_for("b" * 64)
    fresh_orphan.parent.mkdir(parents=True)
    fresh_orphan.write_bytes(b"an attach in progress")
    seen = []
    result = ledger.purge_evidence(progress=lambda d, t: seen.append((d, t)))
    assert [e.original_name for e in result.records] == ["会议纪要.pdf"]
    assert result.unrecorded == ["a" * 64] and result.files_removed == 2
    assert result.bytes_freed == gone.size + len(b"left by a crash")
    assert seen[-1] == (2, 2)
    assert not gone_path.exists() and not old_orphan.exists() and fresh_orphan.exists()
    assert ledger.evidence_path(stays.sha256).is_file() and ledger.verify() == []
    path = ledger.path
    ledger.close()
    with Ledger.open(path) as again:
        audit = again.audit_log()[-1]
        assert audit.action == "purge_evidence"
        detail = json.loads(audit.detail)
        assert detail["records"][0]["name"] == "会议纪要.pdf"
        assert detail["records"][0]["sha256"] == gone.sha256
        assert detail["unrecorded_files"] == [{"sha256": "a" * 64, "size": 15}]
        with pytest.raises(InvalidInput):
            again.evidence_item(gone.id)
        # Nothing left to purge: nothing changes, no audit row.
        rows = len(again.audit_log())
        assert again.purge_evidence().files_removed == 0
        assert len(again.audit_log()) == rows


def test_purge_keeps_a_file_another_record_names(tmp_path, sample_file):
    with Ledger.create(tmp_path / "l.db", unit="洛阳市", user="张三") as ledger:
        mine = ledger.attach("8.5", sample_file)
        ledger.unlink_evidence(mine.id, "8.5")
        # The same content as another unit's record (a shared ledger, e.g. after an import).
        other = ledger.db.execute(
            "INSERT INTO evidence (unit, sha256, original_name, size, evidence_date, added_at)"
            " VALUES ('郑州市', ?, 'x.pdf', 1, '2021-01-01', '')", [mine.sha256]).lastrowid
        ledger.db.execute("INSERT INTO evidence_links VALUES (?, (SELECT id FROM measures"
                          " WHERE code = '1.1'), '')", [other])
        ledger.db.conn.commit()
        result = ledger.purge_evidence()
        assert [e.id for e in result.records] == [mine.id] and result.files_removed == 0
        assert ledger.evidence_path(mine.sha256).is_file()
