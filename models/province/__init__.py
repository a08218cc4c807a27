"""The provincial office's side of the hand-in, one module per job.

- ``checking``: is a unit's submission package safe and consistent? (zip members, manifest,
  data.json) — nothing is written while checking.
- ``recording``: the provincial ledger itself, importing packages into it, recording a
  submission and replacing a unit's data.
- ``submissions``: what was handed in: history, who has and has not, the files of a
  submission.
- ``consolidate``: the consolidated view of every unit × every measure.

Import from the module that holds a name (``models.province.recording``); this package
re-exports nothing.
"""
