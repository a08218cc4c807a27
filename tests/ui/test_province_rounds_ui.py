"""The province window by reporting round: the round chosen above the tabs shows each unit's
package of that round, whether it came late, and the matrix of that round."""
from __future__ import annotations

import pytest

from exports.package import write_package
from models.ledger import Ledger
from models.province.recording import import_package
from tests.province.handin_fixtures import copy_ledger
from tests.support import fresh_province_ledger

Q3 = "2021年第三季度"


@pytest.fixture
def province_window(tmp_path, qtbot, city_template):
    from models import lock
    from ui.province.window import ProvinceWindow
    from ui.session import Session
    with Ledger.open(copy_ledger(city_template.db, tmp_path / "city")) as city:
        city.add_round(Q3, cutoff="2021-09-30", due="2021-10-10")   # made today: late
        (tmp_path / "out").mkdir()
        package = write_package(city, tmp_path / "out", round_name=Q3)
    path = tmp_path / "province.db"
    with fresh_province_ledger(path, user="王五") as province:
        import_package(province, package)
    session = Session(Ledger.open(path), lock=lock.acquire(path, program="测试"))
    window = ProvinceWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    window.session.close()


def test_choosing_a_round_shows_its_hand_ins_and_lateness(province_window):
    window = province_window
    combo = window.round_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [None, Q3]
    model = window.submissions.model
    # its current package is the Q3 one, made after the round's due date
    assert model.index(model.row_of("洛阳市"), 1).data() == "逾期报送"
    assert "报送轮次" not in window.submissions.summary_label.text()
    combo.setCurrentIndex(1)
    assert window.export_round == Q3
    assert model.index(model.row_of("洛阳市"), 1).data() == "逾期报送"
    assert "其中逾期报送 1 个" in window.submissions.summary_label.text()
    assert Q3 in window.consolidated.summary_label.text()
    late = [window.consolidated.late_list.item(i).text()
            for i in range(window.consolidated.late_list.count())]
    assert any(text.startswith("洛阳市：逾期报送") for text in late)
    window.round_actions.choose(None)             # 文件 → 报送轮次 → 不按轮次
    assert combo.currentIndex() == 0 and window.export_round is None
    assert "报送轮次" not in window.submissions.summary_label.text()
