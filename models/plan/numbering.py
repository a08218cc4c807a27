"""The numbering offices put in front of items: 一、 → （一） → 1. → （1）.

A list's own number is kept as written (``number`` on a measure); the text after it is the
item. 1.5万家 is a number in the text, not an item number; 2021年… is a year.
"""
from __future__ import annotations

import re

_CN = "[一二三四五六七八九十百零〇两]+"
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# (level, pattern); level 1 is the outermost. The label is group "label", its value "n".
LEVELS = (
    (1, re.compile(rf"^\s*(?P<label>(?:第(?P<n>{_CN})(?:部分|章|篇|方面))|(?P<n2>{_CN})\s*[、.．])\s*")),
    (2, re.compile(rf"^\s*(?P<label>[（(]\s*(?P<n>{_CN})\s*[）)])\s*")),
    (3, re.compile(r"^\s*(?P<label>(?P<n>\d{1,4})\s*(?:[、．]|\.(?!\d)))\s*")),
    (4, re.compile(rf"^\s*(?P<label>[（(]\s*(?P<n>\d{{1,3}})\s*[）)]|(?P<n2>\d{{1,3}})\s*[)）]|"
                   rf"(?P<n3>[{_CIRCLED}]))\s*")),
)


def cn_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, "3" → 3, ③ → 3; None for anything else."""
    text = (text or "").strip().strip("、.．()（）")
    if len(text) == 1 and text in _CIRCLED:
        return _CIRCLED.index(text) + 1
    if text.isdecimal():
        return int(text)
    if not text or any(ch not in _CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    value = 0
    for ch in text:
        value = value * 10 + _CN_DIGITS[ch]
    return value


def numbered(text: str) -> tuple[int, str, int | None, str] | None:
    """(level, label as written, its value, the text after it), or None when not numbered."""
    for level, pattern in LEVELS:
        match = pattern.match(text or "")
        if not match:
            continue
        rest = text[match.end():]
        if not rest.strip():
            continue
        value = next((match.group(g) for g in ("n", "n2", "n3") if g in pattern.groupindex
                      and match.group(g)), None)
        return level, match.group("label").strip(), cn_number(value or ""), rest.strip()
    return None


def split_number(text: str) -> tuple[str, str]:
    """"（1）加强…" → ("（1）", "加强…"); text without a number → ("", text)."""
    found = numbered(text)
    if not found:
        return "", (text or "").strip()
    return found[1], found[3]
