"""Business settings are checked in one place (models.settings) before they are stored."""
from __future__ import annotations

import pytest

from models.errors import InvalidInput
from models.settings import check_phone


@pytest.mark.parametrize("phone", ["0379-63900000", "0379 6390 0000", "13800138000",
                                   "0379-63900000转8001", "0379-63900000 分机 12",
                                   "+86 379 6390 0000", "（0379）63900000",
                                   "0379-63900000、13800138000", "0379-63900000-8001",
                                   "63900000 ext. 5"])
def test_phone_numbers_as_offices_write_them(phone):
    assert check_phone(phone) == " ".join(phone.split())


@pytest.mark.parametrize("phone", ["0123x", "12345", "0379-6390000x", "电话0379", "0379--",
                                   "=1+1", "0379-63900000\n13800138000", "1" * 19,
                                   "0379-63900000转", "9" * 61])
def test_bad_phone_numbers_are_refused(phone):
    with pytest.raises(InvalidInput, match="联系电话"):
        check_phone(phone)


def test_the_ledger_refuses_bad_settings_and_keeps_the_old(ledger):
    ledger.set_settings(contact_phone="0379-63900000", unit_full_name="洛阳市知识产权局")
    for bad in ({"contact_phone": "0123x"}, {"unit_full_name": "两行\n名称"},
                {"unit_full_name": "名" * 101}, {"page_number_style": "left"},
                {"contact_person": "王五\x07"}):
        with pytest.raises(InvalidInput):
            ledger.set_settings(unit_full_name="不会保存", **bad) if "unit_full_name" not in bad \
                else ledger.set_settings(contact_person="不会保存", **bad)
        assert ledger.setting("contact_phone") == "0379-63900000"
        assert ledger.setting("unit_full_name") == "洛阳市知识产权局"
        assert ledger.setting("contact_person") == ""
    ledger.set_settings(contact_phone="", page_number_style="center")
    assert ledger.setting("contact_phone") == "" and ledger.setting("page_number_style") == "center"
