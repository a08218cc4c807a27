"""One window per ledger: a second start brings the running window forward.

The window that has a ledger open listens on a local socket named after the ledger file
and the user (QLocalServer). A second start on the same ledger asks it first (QLocalSocket):
"raise" — the running window comes forward and the second start ends quietly. While the
running window is closing (its backup on closing), it answers "closing" and the second start
waits for it to finish. Nobody answering means no window has the ledger: the lock file
(models.lock) then says whether something else has it (the command line, another PC).
"""
from __future__ import annotations

import getpass
import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

RAISE = b"raise"
RAISED, CLOSING = "raised", "closing"
TIMEOUT_MS = 1500
MAX_MESSAGE = 64             # bytes a client may send; anything longer is not ours


def server_name(ledger_path: Path) -> str:
    """The socket name for one user's ledger file (a hash: no path characters in it)."""
    path = str(Path(ledger_path).resolve())
    if os.name == "nt":
        path = path.lower()
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 — no login name: the path alone still separates ledgers
        user = ""
    digest = hashlib.sha256(f"{user}\0{path}".encode("utf-8")).hexdigest()[:24]
    return f"taskledger-{digest}"


class InstanceServer(QObject):
    """Answers later starts on the same ledger; ``raise_requested`` asks the window forward."""

    raise_requested = Signal()

    def __init__(self, ledger_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.name = server_name(ledger_path)
        self.closing = False          # set while the window makes its closing backup
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.name):
            # A socket left by a program that crashed (Unix): nobody answers it, so take it.
            QLocalServer.removeServer(self.name)
            self.server.listen(self.name)
        self.server.newConnection.connect(self._on_connection)

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._answer(s))
            socket.disconnected.connect(socket.deleteLater)

    def _answer(self, socket: QLocalSocket) -> None:
        message = bytes(socket.read(MAX_MESSAGE)).strip()
        if message != RAISE:
            socket.disconnectFromServer()
            return
        socket.write((CLOSING if self.closing else RAISED).encode("ascii") + b"\n")
        socket.flush()
        socket.disconnectFromServer()
        if not self.closing:
            self.raise_requested.emit()

    def close(self) -> None:
        self.server.close()


def ask_running_window(ledger_path: Path, *, timeout_ms: int = TIMEOUT_MS) -> str | None:
    """Ask the window holding ``ledger_path`` to come forward: RAISED, CLOSING, or None when
    no window of this user has it open."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(ledger_path))
    if not socket.waitForConnected(timeout_ms):
        return None
    socket.write(RAISE + b"\n")
    socket.flush()
    answer = b""
    while socket.waitForReadyRead(timeout_ms):
        answer += bytes(socket.readAll())
        if b"\n" in answer or len(answer) > MAX_MESSAGE:
            break
    socket.abort()
    text = answer.decode("ascii", "replace").strip()
    return text if text in (RAISED, CLOSING) else None


def bring_forward(window) -> None:
    """Show ``window`` on top, restored if it was minimised."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
