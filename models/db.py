"""Opening a ledger file: checks, migrations, connection settings, transactions."""
from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import errno

from .errors import (DamagedLedger, DiskFull, LedgerError, LedgerNotFound, LedgerNotWritable,
                     NotALedger, SchemaTooNew)
from .schema import APPLICATION_ID, LATEST_VERSION, MIGRATIONS

if TYPE_CHECKING:
    import sqlite_utils

SQLITE_HEADER = b"SQLite format 3\x00"


class LedgerDatabase:
    """A ledger connection with the calls the models make — ``execute`` (a cursor),
    ``query`` (rows as dicts, as sqlite-utils gives them) and ``conn`` — answered by sqlite3
    alone. Anything else sqlite-utils offers (``db["table"]``, ``db.table_names()``…) loads
    sqlite-utils on first use: its imports cost about as much as the whole window's first
    paint, which needs none of it.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._utils = None

    def execute(self, sql: str, parameters=None) -> sqlite3.Cursor:
        """Run one statement (the connection is in autocommit mode: see transaction())."""
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    def query(self, sql: str, params=None):
        """The rows of a SELECT as dicts (repeated column names get _2, _3…, as sqlite-utils
        names them)."""
        cursor = self.execute(sql, params)
        if cursor.description is None:
            raise ValueError("query() can only be used with SQL that returns rows")
        keys, seen = [], {}
        for description in cursor.description:
            name = description[0]
            seen[name] = seen.get(name, 0) + 1
            keys.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
        return (dict(zip(keys, row)) for row in cursor)

    @property
    def utils(self) -> "sqlite_utils.Database":
        """The same connection as a sqlite_utils.Database (imported on first use)."""
        if self._utils is None:
            import sqlite_utils
            self._utils = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._utils

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.utils, name)

    def __getitem__(self, table: str):
        return self.utils[table]


def read_schema_version(path: Path) -> int:
    """The ledger's schema version, read without changing a byte of the file.

    Raises NotALedger for a file that is not a TaskLedger database.
    """
    path = Path(path)
    if not path.is_file():
        raise LedgerNotFound(f"找不到台账文件：{path}（先运行 init 创建）")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise NotALedger(f"无法读取台账文件 {path}：{exc.strerror}") from None
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise NotALedger(f"{path} 不是台账文件（不是 SQLite 数据库，或已损坏）")
    app_id = int.from_bytes(header[68:72], "big")
    version = int.from_bytes(header[60:64], "big")
    wal = path.with_name(path.name + "-wal")
    if wal.is_file() and wal.stat().st_size > 0:
        # Pages not yet checkpointed (another connection has the ledger open, or a crash left
        # the WAL) may hold a newer header than the file: ask SQLite, read-only.
        app_id, version = _header_through_sqlite(path)
    if app_id != APPLICATION_ID:
        raise NotALedger(f"{path} 是 SQLite 数据库，但不是 TaskLedger 台账")
    return version


def ledger_id_of(path: Path) -> str:
    """The identity a ledger file carries (meta ``ledger_id``), read without writing;
    "" when the file has none (an older version's, before migration 0009) or cannot be read."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error:
        return ""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'ledger_id'").fetchone()
        return str(row[0]) if row and row[0] else ""
    except sqlite3.Error:
        return ""
    finally:
        conn.close()


def _header_through_sqlite(path: Path) -> tuple[int, int]:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise NotALedger(f"台账 {path} 已损坏或无法打开：{exc}") from None
    return app_id, version


def connect(path: Path) -> LedgerDatabase:
    """Open a connection with the settings every ledger connection uses.

    A connection belongs to the thread that opened it: background jobs call this again.
    """
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=10)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 10000")
    # What sqlite_utils.Database sets on a connection it is given (the ledgers were always
    # opened through it); third-party sqlite-utils plugins never hook into ledger connections.
    conn.execute("PRAGMA recursive_triggers = on")
    return LedgerDatabase(conn)


def open_ledger_db(path: Path) -> LedgerDatabase:
    """Open an existing ledger, upgrading its schema if it is older than the program.

    A newer schema is refused before anything is written. Before an upgrade the file is
    copied aside (``NAME.bak-vN-TIMESTAMP``) with SQLite's backup API, WAL content included.
    """
    path = Path(path)
    version = read_schema_version(path)
    if version > LATEST_VERSION:
        raise SchemaTooNew(
            f"台账 {path} 由更新版本的 TaskLedger 创建（数据结构版本 {version}，本程序支持到 "
            f"{LATEST_VERSION}），请升级程序后再打开；文件未作任何改动。")
    try:
        db = connect(path)
    except sqlite3.Error as exc:
        raise explain_error(exc, path) from None
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        db.conn.close()
        raise explain_error(exc, path) from None
    if version < LATEST_VERSION:
        backup = None
        try:
            if version > 0:
                backup = backup_copy(db, path.with_name(
                    f"{path.name}.bak-v{version}-{datetime.now():%Y%m%d%H%M%S}"))
            migrate(db, version)
        except Exception as exc:   # SQL or a Python step: either way rolled back whole
            db.conn.close()
            kept = f"；升级前的副本：{backup}" if backup else ""
            raise NotALedger(f"台账 {path} 升级数据结构失败（{exc}），文件保持原版本{kept}") from None
    try:
        db.execute("PRAGMA journal_mode = WAL")
    except sqlite3.Error as exc:
        db.conn.close()
        raise explain_error(exc, path) from None
    return db


def explain_error(exc: BaseException, path: Path | str | None = None) -> LedgerError:
    """A SQLite or file-system error as the one line a clerk can act on.

    A full disk and a read-only folder are not a damaged ledger, and must not be called one:
    the first needs space, the second a copy on a writable disk, only the third a backup.
    """
    if isinstance(exc, LedgerError):
        return exc
    where = f"台账 {path}" if path else "台账"
    if isinstance(exc, OSError) and exc.filename:
        where = f"文件 {exc.filename} "        # an output or input file, not the ledger
    text = str(exc).lower()
    number = getattr(exc, "errno", None)
    if "disk is full" in text or number == errno.ENOSPC:
        return DiskFull(f"磁盘已满：{where}所在的磁盘没有剩余空间，这次修改没有保存（台账保持原样）。"
                        "请清理磁盘后再试")
    if "readonly" in text or "read-only" in text or number in (errno.EROFS, errno.EACCES,
                                                                 errno.EPERM):
        return LedgerNotWritable(f"{where}无法写入：文件或所在文件夹是只读的（只读U盘、光盘或没有"
                                 "权限）。请把台账复制到本机可写的文件夹再打开")
    if "unable to open database file" in text:
        return LedgerNotWritable(f"无法打开{where}：所在文件夹不存在、不可写或没有权限")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DamagedLedger(f"{where}文件已损坏（{exc}）。请不要再写入它，用“从备份恢复”"
                             "（命令 restore）换回最近的备份")
    if "database is locked" in text or "busy" in text:
        return LedgerError(f"{where}正被另一个程序写入，请稍后再试")
    return LedgerError(f"{where}操作失败：{exc}")


def integrity_problems_of(path: Path) -> list[str]:
    """integrity_problems of a database file no one else is using (a backup's snapshot)."""
    conn = sqlite3.connect(str(path))
    try:
        return integrity_problems(LedgerDatabase(conn))
    finally:
        conn.close()


def integrity_problems(db: LedgerDatabase, *, limit: int = 20) -> list[str]:
    """What SQLite's integrity check finds wrong in the database file (empty when healthy)."""
    try:
        rows = db.execute(f"PRAGMA integrity_check({int(limit)})").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    found = [row[0] for row in rows]
    return [] if found == ["ok"] else found


def create_ledger_db(path: Path) -> LedgerDatabase:
    """Create a new, empty ledger file at the latest schema."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = connect(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA journal_mode = WAL")
    migrate(db, 0)
    # Move the new schema into the main file so that its header is current from the start.
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


def migrate(db: "LedgerDatabase", from_version: int) -> None:
    """Apply every step after ``from_version``, each in its own transaction.

    A step is SQL text or a callable ``step(db)`` (see models/schema.py); either runs inside
    the BEGIN IMMEDIATE…COMMIT that also records its version, so a step that fails is rolled
    back whole and the file stays at the previous version.
    """
    # Foreign keys off while steps run (it cannot change inside a transaction): rebuilding
    # a table drops the old one, which with them on would cascade into every child table.
    # Each step is checked before it commits instead.
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        for version, name, step in MIGRATIONS:
            if version <= from_version:
                continue
            # executescript would COMMIT first; run statements one by one inside
            # BEGIN…COMMIT so a failing step leaves the file at the previous version.
            db.execute("BEGIN IMMEDIATE")
            try:
                if callable(step):
                    _run_python_step(db, name, step)
                else:
                    for statement in _split_sql(step):
                        db.execute(statement)
                broken = db.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise sqlite3.IntegrityError(
                        f"迁移步骤 {name} 之后有 {len(broken)} 行引用不存在的记录（{broken[0][0]}）")
                db.execute(f"PRAGMA user_version = {version}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
    finally:
        db.execute("PRAGMA foreign_keys = ON")


def _run_python_step(db: "LedgerDatabase", name: str, step) -> None:
    # A COMMIT inside the step (executescript() issues one first) would leave half a
    # migration in the file under the old version number: SQLite refuses it instead.
    refused = []

    def no_transaction_control(action, *_):
        if action == sqlite3.SQLITE_TRANSACTION:
            refused.append(action)
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    db.conn.set_authorizer(no_transaction_control)
    try:
        step(db)
    except sqlite3.DatabaseError as exc:
        if refused:
            raise sqlite3.OperationalError(f"迁移步骤 {name} 试图自行提交或结束事务") from exc
        raise
    finally:
        db.conn.set_authorizer(None)


def _split_sql(script: str) -> list[str]:
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        if not current and (not line.strip() or line.lstrip().startswith("--")):
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


def backup_copy(db: "LedgerDatabase", dest: Path) -> Path:
    """Copy the live database to ``dest`` consistently (SQLite online backup)."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    target = sqlite3.connect(str(dest))
    try:
        db.conn.backup(target)
    finally:
        target.close()
    return dest


@contextlib.contextmanager
def transaction(db: "LedgerDatabase"):
    """One change = one transaction; nests through savepoints."""
    conn = db.conn
    if conn.in_transaction:
        name = f"sp{id(object())}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield db
        except BaseException:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise explain_error(exc) from None
    try:
        yield db
    except sqlite3.Error as exc:
        _rollback(conn)
        raise explain_error(exc) from exc
    except BaseException:
        _rollback(conn)
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        # e.g. "database or disk is full" at COMMIT: nothing of the change is kept.
        _rollback(conn)
        raise explain_error(exc) from None


def _rollback(conn) -> None:
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass
