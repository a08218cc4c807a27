"""Who reports on a measure: its unit text resolved against the plan's unit list.

The reading of unit text (roles, collectives, 等/有关) is models.plan.units; this module keeps
the scope kinds, their labels and the "same as the row above" rule of merged cells.
"""
from __future__ import annotations

from dataclasses import dataclass, field

ISSUER = "issuer"       # "--": done by the plan's issuer itself (省级); units see it read-only
ALL = "all"             # 各省辖市、济源示范区、省直管县（市）: every unit on the list
RELEVANT = "relevant"   # 相关地市: each unit confirms whether it is involved
NAMED = "named"         # the units the text names (collectives expanded to the list's units)

SCOPE_LABELS = {ISSUER: "省级", ALL: "全部地市", RELEVANT: "相关地市", NAMED: "指定地市"}


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


def resolve_scope(responsibility: str, units: list) -> tuple[Scope, list[str]]:
    """Classify an effective unit text; return the scope and names the unit list lacks.

    ``units`` is the plan's list: dicts with name and kind (or bare names, read as the units
    of a provincial list). Names the list lacks are still part of the scope: the caller adds
    them as units of kind "other" rather than failing, because lists name departments and
    new districts freely.
    """
    from .units import resolve_unit_text
    listed = [u if isinstance(u, dict) else {"name": u, "kind": "city"} for u in units]
    resolution = resolve_unit_text(responsibility, listed)
    names = tuple(m.name for m in resolution.members)
    if resolution.scope == ALL:
        names = tuple(u["name"] for u in listed if u.get("kind") not in ("other", "division"))
    return Scope(resolution.scope, names), resolution.unknown
