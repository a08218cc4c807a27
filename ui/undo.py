"""Undo and redo over the ledger's own writes (编辑 → 撤销 / 重做, Ctrl+Z / Ctrl+Shift+Z).

Every change made in the workbench goes through :meth:`LedgerUndo.write` (or, for work done
by a background job, :meth:`LedgerUndo.begin` … :meth:`LedgerUndo.finish`): the measures it
touches are captured before and after (models.revert.capture), and a command on a
QUndoStack remembers both. Undo and redo write the other state back with
models.revert.restore through Session.write — one audited transaction each, published to the
views like any change. A change that can no longer be undone (someone changed the measure
since) says so and leaves the stack.

While the clerk types in a text field, Ctrl+Z undoes the typing (the field takes the key
first); elsewhere it undoes the last saved change.
"""
from __future__ import annotations

import traceback
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack

from models.changes import Changes

from .host import WindowActions

UNDO_LIMIT = 200


class LedgerCommand(QUndoCommand):
    """One change already made in the ledger: ``before`` and ``after`` per measure code."""

    def __init__(self, owner: "LedgerUndo", label: str, before: dict, after: dict):
        super().__init__(label)
        self.owner, self.before, self.after = owner, before, after
        self._made = True           # pushed after the write: the first redo() does nothing

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        self._restore(self.after, self.before, "redo")

    def undo(self) -> None:
        self._restore(self.before, self.after, "undo")

    def _restore(self, target: dict, made: dict, action: str) -> None:
        # Called from C++ (QUndoStack): an exception escaping here would take the program
        # down, so anything unexpected is shown and the command leaves the stack.
        try:
            done = self.owner.restore(target, made=made, action=action, what=self.text())
        except Exception:  # noqa: BLE001
            traceback.print_exc()
            done = False
        if not done:
            self.setObsolete(True)


class LedgerUndo(QObject):
    """The window's undo stack over ledger writes (see the module docstring)."""

    def __init__(self, session, window):
        super().__init__(window)
        self.session = session
        self.window = window
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(UNDO_LIMIT)
        session.signals.changed.connect(self._on_changed)

    # ---- making changes ------------------------------------------------------------------
    def begin(self, codes) -> dict:
        """The measures' state before a change (for :meth:`finish`); {} if it cannot be read."""
        from models.revert import capture
        try:
            return capture(self.session.ledger, codes)
        except Exception:  # noqa: BLE001 — no undo for this change, but the change goes on
            traceback.print_exc()
            return {}

    def finish(self, label: str, before: dict) -> None:
        """Push a command for a change made since :meth:`begin` (nothing if nothing changed)."""
        if not before:
            return
        after = self.begin(list(before))
        if after and after != before:
            self.stack.push(LedgerCommand(self, label, before, after))

    def write(self, parent, label: str, codes, action, *args, **kwargs) -> bool:
        """Session.write(parent, action, …) made undoable as ``label``; True if it was made."""
        before = self.begin(codes)
        made = self.session.write(parent, action, *args, **kwargs)
        self.finish(label, before)          # a refused write changed nothing: no command
        return made

    # ---- undoing -------------------------------------------------------------------------
    def restore(self, target: dict, *, made: dict, action: str, what: str) -> bool:
        from models.revert import restore
        session = self.session
        # No commit_pending() here: a save made now would push a command while the stack is
        # undoing. A field being typed in keeps its text; it is saved when left.
        # Session.write's own parameter is called "action": pass restore's through partial.
        return session.write(self.window, partial(restore, session.ledger, target, made=made,
                                                  action=action, what=what))

    def _on_changed(self, changes: Changes) -> None:
        # Another plan, a restored backup or another unit: the states on the stack are of a
        # ledger that is no longer on screen.
        if changes.everything:
            self.stack.clear()


class UndoActions(WindowActions):
    """编辑 → 撤销 / 重做 for the workbench (``host.undo`` is its LedgerUndo)."""

    def add_to(self, menu) -> None:
        stack = self.host.undo.stack
        translate = QCoreApplication.translate
        self.undo_action = stack.createUndoAction(self.host, translate("UndoActions", "撤销"))
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = stack.createRedoAction(self.host, translate("UndoActions", "重做"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
