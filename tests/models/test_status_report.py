"""The 进度报告's content (models.status_report): what each measure 推进中 did, every measure once."""
from __future__ import annotations

from models.status_report import LATEST_ENTRIES, build_status_report


def test_in_progress_measures_show_their_latest_entries_once(ledger):
    for day in range(1, 6):
        ledger.record("2.3", status="推进中", note=f"第{day}次推进", date=f"2021-0{day}-10")
    ledger.record("1.2", status="已完成", note="印发", date="2021-03-01")
    report = build_status_report(ledger)
    assert report.title == "洛阳市2021年推动知识产权高质量发展进度报告"
    part = next(p for p in report.parts if p.heading.startswith("四、推进中举措"))
    assert part.heading.endswith("（1项）")
    (code, cell, deadline, flags), = part.table.rows
    lines = cell.split("\n")
    assert code == "2.3" and deadline == "2021年11月30日"
    assert lines[1:1 + LATEST_ENTRIES] == ["· 2021年5月10日：第5次推进", "· 2021年4月10日：第4次推进",
                                           "· 2021年3月10日：第3次推进"]
    assert lines[-1] == "· 另有更早的进展2条"
    listed = [row[0] for p in report.parts[3:6] if p.table for row in p.table.rows]
    assert len(listed) == len(set(listed))                       # each measure once
    assert "1.2" in listed                                       # done, no evidence
    unconfirmed = next(row for p in report.parts[3:6] if p.table for row in p.table.rows
                       if row[0] == "8.4")
    assert "待确认是否涉及" in unconfirmed[-1] and "超过30天未更新" in unconfirmed[-1]
    overview = report.parts[0]
    assert overview.paragraphs[0] == report.summary.sentence()
    assert overview.table.rows[0][:3] == ("已完成", "1项", "2.0%")
