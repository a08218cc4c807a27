"""Checking business settings before they are stored: the one place that says what a phone
number, a unit's full name or a page-number position may be. The command line (``settings``),
the window's 台账设置 dialog and ``Ledger.set_settings`` all use it, so a value one of them
refuses is refused by all.
"""
from __future__ import annotations

import re

from .errors import InvalidInput
from .wording import printable

PAGE_NUMBER_STYLES = ("outer", "center")
TEXT_LIMIT = 100            # characters of a one-line setting (全称, 报送对象, 联系人)
PHONE_LIMIT = 60

# One number: optional +country code, digits with - or spaces between them, optional
# extension (转 8001, 分机8001, ext. 8001, x8001, -8001 is already digits-and-dashes).
_NUMBER = re.compile(
    r"^(?:\+\d{1,3}[ -]?)?(?:[（(]\d{2,4}[)）][ -]?)?\d[\d -]*\d"
    r"(?:\s*(?:转|分机|ext\.?|x|X|#)\s*\d{1,6})?$")
_SEPARATORS = re.compile(r"\s*[、，,;；/]\s*")
_EXTENSION = re.compile(r"(?:转|分机|ext\.?|x|X|#)\s*\d{1,6}$")

_LABELS = {"unit_full_name": "单位全称", "addressee": "报送对象", "contact_person": "联系人",
           "contact_phone": "联系电话", "page_number_style": "页码位置", "user": "填报人"}


def check_phone(text: str | None) -> str:
    """The phone number as it will be printed, or InvalidInput saying what is wrong.

    Digits, - and spaces, an optional +country code or (area code), an optional extension
    (转 / 分机 / ext / x followed by digits); several numbers separated by 、 ， , ; or /.
    Each number has 7 to 18 digits (an extension written with - counts). Empty means no phone number.
    """
    value = " ".join(str(text or "").split())
    if not value:
        return ""
    if len(value) > PHONE_LIMIT:
        raise InvalidInput(f"联系电话太长（{len(value)} 个字符，最多 {PHONE_LIMIT} 个）")
    for number in _SEPARATORS.split(value):
        main = _EXTENSION.sub("", number)
        digits = sum(c.isdigit() for c in main)
        if not _NUMBER.match(number) or not 7 <= digits <= 18:
            raise InvalidInput(
                f"联系电话“{value}”无效：只能写数字、-、空格和分机号，每个号码7～18位数字，"
                "例如 0379-63900000 或 0379-63900000转8001")
    return value


def check_line(key: str, text: str | None) -> str:
    """A one-line setting (全称, 报送对象, 联系人): control characters and line breaks
    refused, at most TEXT_LIMIT characters, surrounding spaces dropped."""
    label = _LABELS.get(key, key)
    value = str(text or "")
    if printable(value) != value or "\n" in value:
        raise InvalidInput(f"{label}不能含换行或控制字符")
    value = value.strip()
    if len(value) > TEXT_LIMIT:
        raise InvalidInput(f"{label}太长（{len(value)} 个字符，最多 {TEXT_LIMIT} 个）")
    return value


def check_settings(values: dict[str, str]) -> dict[str, str]:
    """``values`` cleaned for storing (see the functions above); InvalidInput on the first
    bad one, so nothing is stored."""
    cleaned = {}
    for key, value in values.items():
        if key == "contact_phone":
            cleaned[key] = check_phone(value)
        elif key == "page_number_style":
            value = str(value or "").strip() or "outer"
            if value not in PAGE_NUMBER_STYLES:
                raise InvalidInput(f"页码位置“{value}”无效，应为 outer（单页居右、双页居左）或 center（居中）")
            cleaned[key] = value
        elif key in _LABELS:
            cleaned[key] = check_line(key, value)
        else:
            cleaned[key] = value
    return cleaned
