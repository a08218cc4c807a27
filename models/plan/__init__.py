"""The plan: a province's task list, from the file a clerk receives to the rows of a ledger.

    reader.py      read_plan_file(): picks the reader by file type
    text.py        the notice as plain text (the seed of the built-in plan)
    xlsx.py        an Excel workbook  ─┐ both turn their table into rows of cells and
    docx.py        a Word document    ─┘ hand them to grid.py
    grid.py        a table of cells → a plan definition (header, sections, tasks, measures)
    definition.py  the plan definition (a plain dict), its checks, the built-in plan and units
    scope.py       who reports on a measure (the 责任地市 cell)
    indicators.py  numeric targets inside measure text
    store.py       a plan definition into a ledger's tables and back as dataclasses

Every reader checks the whole file before it returns; nothing here writes except store.py.
"""
