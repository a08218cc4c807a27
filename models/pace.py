"""Progress against time (序时进度): what share of a measure's time is gone, and its light.

Offices compare 形象进度 (the share of a measure done, the unit's 完成进度 %) with 序时进度 (the
share of its time gone). The common rule (FORMATS.md, "Progress against time"): green when on
pace, yellow 10–30 points behind, red more than 30 behind or past the deadline. The
thresholds are ledger settings (台账设置); everything here is a pure function of dates and
numbers, tested at pinned dates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Sequence

from .status import DONE, NOT_INVOLVED, NOT_STARTED

GREEN, YELLOW, RED = "green", "yellow", "red"
LIGHTS = (RED, YELLOW, GREEN)
NO_LIGHT = "none"                      # the filter for measures without a light
LIGHT_LABELS = {GREEN: "绿灯", YELLOW: "黄灯", RED: "红灯", NO_LIGHT: "无灯"}
# Strong colours for dots and text, light tints for filled cells (hex, like models.status).
LIGHT_COLOURS = {GREEN: "#2e7d32", YELLOW: "#f9a825", RED: "#c62828"}
LIGHT_TINTS = {GREEN: "#c8e6c9", YELLOW: "#fff3c4", RED: "#ffcdd2"}

# Defaults of the ledger settings (台账设置): points behind for yellow and for red, and how
# many days ahead the reminders look.
DEFAULT_YELLOW, DEFAULT_RED, DEFAULT_REMINDER_DAYS = 10, 30, 7
THRESHOLD_RANGE = (1, 100)
REMINDER_DAYS_RANGE = (1, 90)

_YEAR = re.compile(r"(19|20|21)\d\d")


@dataclass(frozen=True)
class Pace:
    """The ledger's rules for lights and reminders (台账设置)."""
    yellow: float = DEFAULT_YELLOW      # at least this many points behind: yellow
    red: float = DEFAULT_RED            # more than this many points behind: red
    reminder_days: int = DEFAULT_REMINDER_DAYS


def plan_start(year: int, period: str = "") -> date:
    """The day a plan's time starts: 1 January of its year, or of the first year of its
    period ("2022—2023" → 2022-01-01), as offices count 序时进度 ("时间过半").
    """
    match = _YEAR.search(period or "")
    first = int(match.group(0)) if match else int(year)
    if not 1990 <= first <= 2100:
        first = int(year)
    return date(first, 1, 1)


def expected_progress(start: date, deadline: date, on: date,
                      milestones: Sequence[date] = ()) -> float:
    """序时进度 on ``on``: the share (0–100) of the measure's time gone from ``start`` (the
    plan's start) to ``deadline``.

    Milestones split that time into equal stages: each stage runs from the previous
    milestone (or the start) to the next one (or the deadline), and the time gone within the
    current stage counts as that share of the stage. Without milestones this is the plain
    share of time gone; with evenly spread ones, nearly the same.
    """
    if on >= deadline:
        return 100.0
    if on <= start:
        return 0.0
    points = sorted({d for d in milestones if start < d < deadline})
    bounds = [start, *points, deadline]
    stages = len(bounds) - 1
    for k in range(stages):
        low, high = bounds[k], bounds[k + 1]
        if on < high:
            within = (on - low).days / (high - low).days
            return round(100.0 * (k + within) / stages, 1)
    return 100.0


def effective_progress(status: str, recorded: float | None) -> float | None:
    """The 完成进度 a measure shows: 100 when 已完成, else what the unit recorded (None:
    not recorded)."""
    if status == DONE:
        return 100.0
    return None if recorded is None else float(recorded)


def light(status: str, progress: float | None, expected: float, *, overdue: bool = False,
          milestone_late: bool = False, pace: Pace = Pace()) -> str | None:
    """The light of a measure: GREEN, YELLOW, RED, or None (no light).

    不涉及 has no light; 已完成 is green, never red. Past the deadline, or with a milestone
    past its date and not done, it is red. Otherwise the gap between 序时进度 ``expected``
    and 完成进度 ``progress`` decides: more than ``pace.red`` points behind red, at least
    ``pace.yellow`` behind yellow, else green. A measure 未启动 counts as 0 %; one 推进中
    without a recorded 完成进度 has no light until it has one (or it is late).
    """
    if status == NOT_INVOLVED:
        return None
    if status == DONE:
        return GREEN
    if overdue or milestone_late:
        return RED
    if progress is None:
        if status != NOT_STARTED:
            return None
        progress = 0.0
    gap = expected - progress
    if gap > pace.red:
        return RED
    if gap >= pace.yellow:
        return YELLOW
    return GREEN


def parse_milestone_dates(text: str | None) -> list[tuple[str, str | None]]:
    """(planned, done) pairs from the measure query's ``milestone_dates`` column
    ("2021-06-30|2021-06-28;2021-09-30|")."""
    pairs = []
    for item in (text or "").split(";"):
        planned, _, done = item.partition("|")
        if planned:
            pairs.append((planned, done or None))
    return pairs


def measure_pace(*, status: str, recorded: float | None, deadline: str | None,
                 start: date, milestones: Sequence[tuple[str, str | None]], on: date,
                 pace: Pace = Pace()) -> tuple[float | None, float, str | None, int]:
    """(完成进度, 序时进度, light, milestones late) of one measure on ``on``.

    ``milestones`` are (planned, done) ISO dates; one done after ``on`` counts as not done
    yet (a report 截至 an earlier cut-off).
    """
    progress = effective_progress(status, recorded)
    if not deadline:
        return progress, 0.0, light(status, progress, 0.0, pace=pace), 0
    end = date.fromisoformat(deadline)
    planned = [date.fromisoformat(p) for p, _ in milestones]
    expected = expected_progress(start, end, on, planned)
    late = sum(1 for p, done in milestones
               if date.fromisoformat(p) < on and (done is None or done > on.isoformat()))
    shown = light(status, progress, expected, overdue=end < on, milestone_late=late > 0,
                  pace=pace)
    return progress, expected, shown, late


def parse_progress(value, *, code: str = "") -> float | str:
    """A 完成进度 typed by a clerk: a number from 0 to 100 (a trailing % allowed), or "" to
    clear it. InvalidInput otherwise, naming the measure."""
    from .errors import InvalidInput
    from .inputs import parse_number
    text = str(value).strip().rstrip("%％").strip()
    if text == "":
        return ""
    where = f"举措 {code} 的完成进度" if code else "完成进度"
    number = parse_number(text, what=where, negative=True)
    if not 0 <= number <= 100:
        raise InvalidInput(f"{where}“{value}”无效，应在 0 到 100 之间（百分比）")
    return number
