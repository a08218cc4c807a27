"""What a write changed, as the data layer reports it.

After every write the ledger knows which measures, entries, evidence links, settings or
submissions it touched; the window refreshes from that report instead of from a kind the
caller guessed (Anki's ``OpChanges``). A refused write reports what it meant to touch too, so
a view that already showed the user's edit falls back to what the ledger holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Changes:
    """The parts of a ledger one or more writes touched.

    ``measures``: codes whose reported state changed (status, involvement, problems, next
    steps, figures). ``entries`` and ``evidence``: codes whose progress entries or evidence
    links changed. ``settings``: business settings. ``narrative``: the report's text
    (models.narrative). ``submissions``: units whose hand-ins the
    provincial ledger recorded. ``reviews``: units whose review (the province's results and
    comments, the feedback a unit imported, the packages it made) changed. ``units``: the
    plan's unit list or who carries which measure changed (the province's divisions).
    ``milestones``: codes whose milestones (阶段节点) changed. ``rounds``: the plan's
    reporting rounds (报送轮次) changed.
    ``everything``: the plan worked on or the whole ledger was
    replaced (plan switched or added, backup restored) — views reload from scratch.
    ``initiator`` is the object that asked for the write, so a view can skip its own echo.
    """

    measures: set[str] = field(default_factory=set)
    entries: set[str] = field(default_factory=set)
    evidence: set[str] = field(default_factory=set)
    submissions: set[str] = field(default_factory=set)
    reviews: set[str] = field(default_factory=set)
    milestones: set[str] = field(default_factory=set)
    settings: bool = False
    rounds: bool = False
    units: bool = False
    narrative: bool = False
    everything: bool = False
    initiator: object = field(default=None, compare=False, repr=False)

    def __bool__(self) -> bool:
        return bool(self.measures or self.entries or self.evidence or self.submissions
                    or self.reviews or self.milestones or self.settings or self.rounds
                    or self.units or self.narrative or self.everything)

    @property
    def codes(self) -> set[str]:
        """Every measure code touched in any way."""
        return self.measures | self.entries | self.evidence | self.milestones

    def touches(self, code: str | None) -> bool:
        """Whether a view showing measure ``code`` must re-read it."""
        return self.everything or (code is not None and code in self.codes)

    def touches_measures(self) -> bool:
        """Whether lists of measures (table, tree, dashboard) must re-read."""
        return self.everything or bool(self.codes)

    def merge(self, other: "Changes") -> "Changes":
        """Add ``other``'s changes to these; returns self."""
        self.measures |= other.measures
        self.entries |= other.entries
        self.evidence |= other.evidence
        self.submissions |= other.submissions
        self.reviews |= other.reviews
        self.milestones |= other.milestones
        self.settings = self.settings or other.settings
        self.rounds = self.rounds or other.rounds
        self.units = self.units or other.units
        self.narrative = self.narrative or other.narrative
        self.everything = self.everything or other.everything
        return self
