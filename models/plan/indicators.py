"""Numeric targets inside measure text: 建设…6-10家, 不少于100家, 覆盖面达到80%以上, 达到23亿元.

Each target becomes an indicator (min, max, unit of measure, comparator) for which a unit
reports its own figure and the province adds the figures up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Units of count or amount that make a number a target. 年 is left out on purpose: "2021-2035年"
# and "2020年" are periods, not targets.
_MEASURE_UNITS = ("亿元", "万元", "元", "家", "个", "项", "件", "所", "次", "人次", "人", "场", "%", "％")
_NUMBER = r"\d+(?:\.\d+)?"
_TARGET = re.compile(
    rf"(?P<prefix>不少于|不低于|至少|超过|达到|突破|力争)?\s*"
    rf"(?P<min>{_NUMBER})(?:\s*[-－~～至到]\s*(?P<max>{_NUMBER}))?\s*"
    rf"(?P<unit>{'|'.join(re.escape(u) for u in sorted(_MEASURE_UNITS, key=len, reverse=True))})"
    rf"(?P<suffix>以上|以下|左右)?"
)

# Comparator: how a unit's (or the province's total) figure is judged against the target.
AT_LEAST = ">="
RANGE = "range"
ABOUT = "~"
AT_MOST = "<="


@dataclass(frozen=True)
class Indicator:
    """A parsed target: ``raw`` is the matched text, e.g. "6-10家"."""
    raw: str
    min: float
    max: float | None
    quantity_unit: str           # 家, %, 亿元… (a "unit" is a bureau)
    comparator: str

    def describe(self) -> str:
        """The target as a clerk reads it: "6–10家", "≥100家", "≥80%"."""
        low = _fmt(self.min)
        if self.comparator == RANGE:
            return f"{low}–{_fmt(self.max)}{self.quantity_unit}"
        symbol = {AT_LEAST: "≥", AT_MOST: "≤", ABOUT: "约"}.get(self.comparator, "")
        return f"{symbol}{low}{self.quantity_unit}"

    def met_by(self, value: float | None) -> bool | None:
        """Whether ``value`` reaches the target (None when there is no value)."""
        if value is None:
            return None
        if self.comparator == AT_MOST:
            return value <= self.min
        return value >= self.min


def _fmt(number: float | None) -> str:
    if number is None:
        return ""
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def parse_indicators(text: str) -> list[Indicator]:
    """Every numeric target in a measure's text, in order of appearance."""
    found = []
    for match in _TARGET.finditer(text or ""):
        start = match.start("min")
        # A digit right before means we matched the tail of a longer number or a date.
        if start > 0 and (text[start - 1].isdigit() or text[start - 1] in "-－"):
            continue
        low = float(match["min"])
        high = float(match["max"]) if match["max"] else None
        unit = "%" if match["unit"] == "％" else match["unit"]
        if high is not None:
            comparator = RANGE
        elif match["suffix"] == "以下":
            comparator = AT_MOST
        elif match["suffix"] == "左右":
            comparator = ABOUT
        else:
            # 不少于100家, 80%以上, 达到23亿元 and a bare "13家" (a number to build) are all floors.
            comparator = AT_LEAST
        raw = text[match.start("min"):match.end()]
        found.append(Indicator(raw=raw, min=low, max=high, quantity_unit=unit,
                               comparator=comparator))
    return found
