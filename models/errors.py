"""Errors the ledger raises. Every message is Chinese, one line, and says what to fix."""


class LedgerError(Exception):
    """A problem the user can act on; the CLI prints it and the window shows it."""


class LedgerNotFound(LedgerError):
    pass


class LedgerExists(LedgerError):
    pass


class NotALedger(LedgerError):
    pass


class SchemaTooNew(LedgerError):
    pass


class UnknownUnit(LedgerError):
    pass


class UnknownMeasure(LedgerError):
    pass


class InvalidInput(LedgerError):
    pass


class LargeEvidence(InvalidInput):
    """A file over the ledger's large-evidence size, attached without the clerk's consent."""


class Cancelled(LedgerError):
    """The user stopped a long operation (export, backup, check, restore, copy).

    The one cancel type of the program: work functions raise it when their ``cancelled()``
    callable turns True, after undoing what they had begun, so a cancel never leaves half a
    file or half a change behind.
    """


class PlanFormatError(LedgerError):
    """A task list that cannot be read; the message names where (sheet/row/line) and why."""


class DamagedLedger(LedgerError):
    """The database file itself is damaged (SQLite found a bad page)."""


class LedgerNotWritable(LedgerError):
    """The ledger or its folder cannot be written (read-only medium, permissions)."""


class DiskFull(LedgerError):
    """The disk holding the ledger (or an output) has no room left; nothing was saved."""
