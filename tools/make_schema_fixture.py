"""Write a schema fixture: a real city ledger made by the program as it is now.

    python tools/make_schema_fixture.py [OUT_DIR]

OUT_DIR defaults to tests/fixtures/schema-vN (N = the program's latest schema version) and
must not exist. Run it once, on the commit that releases schema N, and commit the folder:
tests/models/test_schema.py upgrades every fixture to the latest version and checks that the
data below survived. Never regenerate an existing fixture with newer code — it must stay a
file the released program wrote.

The data is the same in every fixture where the schema allows it (8.5 推进中 with its entry
and evidence, 4.1's figure 3, 2.2 不涉及), plus enough of each kind of row to count.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build(out: Path) -> Path:
    """Create ``out``/ledger.db (and its evidence folder) with the fixture data; return the path."""
    from models.ledger import Ledger

    out = Path(out)
    if out.exists():
        raise SystemExit(f"{out} exists: a released fixture is never rewritten")
    out.mkdir(parents=True)
    path = out / "ledger.db"
    with tempfile.TemporaryDirectory() as scratch, Ledger.create(path, unit="洛阳市", user="王五") as ledger:
        ledger.set_settings(unit_full_name="洛阳市知识产权局", contact_person="王五",
                            contact_phone="0379-12345678", page_number_style="center")
        ledger.record("8.5", status="推进中", note="洛阳市运营服务体系中期评价材料已报送",
                      date="2021-05-20")
        ledger.record("8.5", note="召开运营服务体系建设推进会", date="2021-07-02",
                      problems="资金到位较慢", next_steps="九月底前完成年度建设任务")
        ledger.record("4.1", value=3)
        ledger.record("2.2", status="不涉及")
        ledger.record("1.2", status="已完成", note="印发配套文件", date="2021-04-10")
        ledger.record("2.3", status="推进中", value="12.5")
        ledger.record("7.2", status="推进中", note="洛阳市知识产权保护中心申建材料已提交",
                      date="2021-06-30")
        minutes = Path(scratch) / "纪要.txt"
        minutes.write_text("会议纪要内容\n", encoding="utf-8")
        ledger.attach("8.5", minutes, note="推进会纪要", date="2021-05-20")
        # The same content backing a second measure: one stored file, one record, two links.
        ledger.attach("7.2", minutes, date="2021-05-20")
        assert ledger.verify() == []
    return path


def main(argv: list[str] | None = None) -> int:
    from models.schema import LATEST_VERSION

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path,
                        default=ROOT / "tests" / "fixtures" / f"schema-v{LATEST_VERSION}")
    args = parser.parse_args(argv)
    os.environ.setdefault("TASKLEDGER_TODAY", "2021-10-15")
    print(build(args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
