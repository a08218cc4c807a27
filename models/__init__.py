"""The ledger: plan, units, assignments, progress entries, evidence, audit.

Plain Python over SQLite (sqlite-utils). Nothing here imports Qt widgets or exports/.
"""
