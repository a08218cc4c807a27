"""models.queries.issuer_codes/issuer_rows: the measures the plan's issuer does itself, which units see."""
from __future__ import annotations

from models import queries
from models.queries import MeasureFilter


def test_province_measures_are_listed_apart_from_the_units_own(ledger):
    codes = queries.issuer_codes(ledger)
    own = {row.code for row in ledger.measures()}
    assert codes[:3] == ["1.1", "1.4", "1.5"] and not own & set(codes)
    rows = queries.issuer_rows(ledger, codes)
    assert set(rows) == set(codes)
    assert all(r.scope == "issuer" and r.status == "" and r.deadline_state is None
               for r in rows.values())
    assert rows["1.1"].responsibility == "--" and rows["1.1"].deadline == "2021-11-30"


def test_filters_apply_to_the_provincial_measures(ledger):
    assert queries.issuer_codes(ledger, MeasureFilter(task_no=1)) == ["1.1", "1.4", "1.5"]
    assert queries.issuer_codes(ledger, MeasureFilter(search="强国战略纲要")) == ["1.1"]
    assert queries.issuer_codes(ledger, MeasureFilter(status="已完成")) == []
    assert queries.issuer_codes(ledger, MeasureFilter(scope="all")) == []
    assert queries.issuer_rows(ledger, ["1.2"]) == {}          # not a provincial one
