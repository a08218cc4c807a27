"""Who reports on a measure: the 责任地市 cell resolved against the plan's unit list."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

ISSUER = "issuer"       # "--": done by the plan's issuer itself (省级); units see it read-only
ALL = "all"             # 各省辖市、济源示范区、省直管县（市）
RELEVANT = "relevant"   # 相关地市: each unit confirms whether it is involved
NAMED = "named"         # the units listed in the cell

SCOPE_LABELS = {ISSUER: "省级", ALL: "全部地市", RELEVANT: "相关地市", NAMED: "指定地市"}

_ISSUER_MARKS = {"--", "—", "——", "-", "－－", "/", "省局", "省级"}
_ALL_MARKS = ("各省辖市", "各地市", "各市县", "各省直管县")
_RELEVANT_MARKS = ("相关地市", "有关地市", "相关单位", "有关单位", "相关省辖市")
_SPLIT = re.compile(r"[、，,；;/\s]+")


@dataclass(frozen=True)
class Scope:
    """Who reports on a measure: the kind, and the units it names (every unit for ALL)."""
    kind: str
    units: tuple[str, ...] = field(default_factory=tuple)


def inherit_responsibility(cells: list[str]) -> list[str]:
    """Fill empty 责任地市 cells from the row above (they were vertically merged)."""
    effective, previous = [], ""
    for cell in cells:
        cell = (cell or "").strip()
        previous = cell or previous
        effective.append(previous)
    return effective


def resolve_scope(responsibility: str, unit_names: list[str]) -> tuple[Scope, list[str]]:
    """Classify an effective 责任地市 text; return the scope and names the unit list lacks.

    Names the list lacks are still part of the scope: the caller adds them as units of kind
    "other" rather than failing, because provinces name departments and new districts freely.
    """
    text = (responsibility or "").strip()
    if text in _ISSUER_MARKS or not text:
        return Scope(ISSUER), []
    if any(mark in text for mark in _ALL_MARKS):
        return Scope(ALL, tuple(unit_names)), []
    if any(text.startswith(mark) or text == mark for mark in _RELEVANT_MARKS):
        return Scope(RELEVANT), []
    names = [name for name in _SPLIT.split(text) if name]
    unknown = [name for name in names if name not in unit_names]
    return Scope(NAMED, tuple(names)), unknown
