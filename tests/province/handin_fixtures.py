"""Helpers for hand-in tests: city ledgers with data, packages made by the program, and
hand-made bad zips (imported as tests.province.handin_fixtures). The ledgers and packages
most tests share are built once per session by the fixtures in tests/conftest.py."""
from __future__ import annotations

import json
import shutil
import warnings
import zipfile
from pathlib import Path

from models.evidence_store import evidence_dir_for
from models.ledger import Ledger

# A minimal real PDF (one blank A4 page) and PNG, so evidence is of the kinds clerks attach.
def tiny_pdf(path: Path, pages: int = 1) -> Path:
    from pypdf import PdfWriter
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def tiny_png(path: Path, size=(40, 30), colour=(200, 30, 30)) -> Path:
    from PIL import Image
    Image.new("RGB", size, colour).save(path)
    return path


def make_city(folder: Path, unit: str = "洛阳市", *, plan: dict | None = None,
              contacts: bool = True) -> Ledger:
    """A city ledger with statuses, entries, problems, an indicator figure and evidence."""
    folder.mkdir(parents=True, exist_ok=True)
    ledger = Ledger.create(folder / f"{unit}.db", unit=unit, user="张三", plan=plan)
    if contacts:
        ledger.set_settings(unit_full_name=f"{unit}知识产权局", contact_person="张三",
                            contact_phone="0379-12345678")
    rows = ledger.measures()
    first, second = rows[0].code, rows[1].code
    ledger.record(first, status="已完成", note="召开推进会", date="2021-05-10",
                  problems="经费不足", next_steps="继续推进")
    ledger.record(first, note="印发实施细则", date="2021-06-01")
    ledger.record(second, status="推进中", note=f"{unit}正在调研", date="2021-07-01")
    src = folder / "src"
    src.mkdir(exist_ok=True)
    ledger.attach(first, tiny_pdf(src / "会议纪要.pdf"), note="推进会纪要", date="2021-05-10")
    ledger.attach(first, tiny_png(src / "现场照片.png"), date="2021-05-11")
    ledger.attach(second, _text(src / "调研名单.txt", f"{unit} 调研名单\n"), date="2021-07-02")
    with_target = next(r for r in rows if ledger.measure(r.code).indicators)
    ledger.record(with_target.code, status="推进中", value=3, note="已建成3家", date="2021-08-01")
    return ledger


def copy_ledger(db: Path, folder: Path) -> Path:
    """Copy a closed ledger file and its evidence folder into ``folder``; return the copy's path.

    Session-built ledgers (tests/conftest.py) are copied before a test opens them, so no test
    sees another's changes."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / Path(db).name
    shutil.copy2(db, target)
    if evidence_dir_for(db).is_dir():
        shutil.copytree(evidence_dir_for(db), evidence_dir_for(target))
    return target


def copy_file(path: Path, folder: Path) -> Path:
    """Copy one file (a package) into ``folder`` under its own name; return the copy."""
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy2(path, folder / Path(path).name))


def _text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def make_package(ledger: Ledger, out: Path) -> Path:
    """The unit's package, made by the program itself."""
    from exports.package import write_package
    out.mkdir(parents=True, exist_ok=True)
    return write_package(ledger, out)


def rewrite_zip(src: Path, dst: Path, *, transform=None, extra=(), manifest=None) -> Path:
    """Copy a zip member by member. ``transform(name, data)`` returns (name, data) or None to
    drop; ``extra`` adds (ZipInfo or name, data); ``manifest(dict)`` edits manifest.json."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")     # duplicate names are written on purpose
            for info in zin.infolist():
                data = zin.read(info)
                name = info.filename
                if name == "manifest.json" and manifest is not None:
                    doc = json.loads(data)
                    manifest(doc)
                    data = json.dumps(doc, ensure_ascii=False).encode("utf-8")
                if transform is not None:
                    changed = transform(name, data)
                    if changed is None:
                        continue
                    name, data = changed
                zout.writestr(name, data)
            for info, data in extra:
                zout.writestr(info, data)
    return dst


FIGURES = {"郑州市": 4, "洛阳市": 3, "兰考县": 1}      # 4.1: 高价值专利培育中心 6-10家
SHARES = {"郑州市": 90, "洛阳市": 70}                 # 6.1: 覆盖面达到80%以上
