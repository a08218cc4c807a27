"""The 佐证材料汇编: bookmarks by task → measure → evidence, merged PDF pages counted and
numbered, images placed on pages, other files listed by name and hash."""
from __future__ import annotations

import pytest

from cli.main import run
from models.ledger import Ledger
from tests.province.handin_fixtures import copy_ledger, tiny_pdf


@pytest.fixture
def city(tmp_path, city_template):
    with Ledger.open(copy_ledger(city_template.db, tmp_path / "city")) as ledger:
        ledger.attach("1.3", tiny_pdf(tmp_path / "三页通知.pdf", pages=3), note="三页", date="2021-07-03")
        broken = tmp_path / "坏文件.pdf"
        broken.write_bytes(b"%PDF-1.4 not really a pdf")
        ledger.attach("1.3", broken, date="2021-07-04")
        yield ledger


def _outline(reader):
    out = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title, reader.get_destination_page_number(item) + 1))
    walk(reader.outline, 0)
    return out


def test_bookmarks_pages_and_numbers(city, tmp_path):
    from pypdf import PdfReader
    from exports.evidence_pdf import write_evidence_pdf
    out = tmp_path / "汇编.pdf"
    result = write_evidence_pdf(city, out)
    reader = PdfReader(out)
    # cover + contents + 1.2-1 (heading + 1 merged) + 1.2-2 image + 1.3-1 txt
    # + 1.3-2 (heading + 3 merged) + 1.3-3 broken (listed only)
    assert len(reader.pages) == result.pages == 2 + 2 + 1 + 1 + 4 + 1
    outline = _outline(reader)
    assert outline[:2] == [(0, "封面", 1), (0, "目录", 2)]
    evidence = [(title.split()[0], page) for depth, title, page in outline if depth == 2]
    assert evidence == [("佐证1.2-1", 3), ("佐证1.2-2", 5), ("佐证1.3-1", 6), ("佐证1.3-2", 7),
                        ("佐证1.3-3", 11)]
    assert [d for d, *_ in outline].count(0) == 2 + 1          # one task (1.) under the covers
    assert [t for d, t, _ in outline if d == 1] == [t for d, t, _ in outline if d == 1 and t.startswith("举措")]
    # Every page but the cover carries its number, merged pages included.
    for number in (2, 4, 8, 9, 10, 11):
        assert f"— {number} —" in reader.pages[number - 1].extract_text()
    assert "— 1 —" not in reader.pages[0].extract_text()
    # The contents list the page of each evidence file.
    contents = reader.pages[1].extract_text()
    assert "佐证1.3-2" in contents and "举措 1.3" in contents
    # The image sits on its page; the broken PDF is listed by hash and reported.
    assert reader.pages[4].images
    broken = next(e for e in city.evidence_for() if e.original_name == "坏文件.pdf")
    assert broken.sha256 in reader.pages[10].extract_text().replace("\n", "")
    assert any("坏文件.pdf" in w for w in result.warnings)


def test_cli_evidence_pdf(city, tmp_path, capsys):
    from pypdf import PdfReader
    db = city.path
    city.close()
    out = tmp_path / "e.pdf"
    assert run(["--db", str(db), "export", "evidence-pdf", "--out", str(out)]) == 0
    assert "11 页" in capsys.readouterr().out
    assert len(PdfReader(out).pages) == 11


def test_cancel_leaves_nothing(city, tmp_path):
    from exports.evidence_pdf import write_evidence_pdf
    from models.errors import LedgerError
    with pytest.raises(LedgerError, match="取消"):
        write_evidence_pdf(city, tmp_path / "x.pdf", cancelled=lambda: True)
    assert not (tmp_path / "x.pdf").exists()
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())
