"""Starting the window: arguments, the ledger (first start creates one), the main window.

``python main.py [--db PATH] [--screenshot FILE.png]``. With --screenshot the window opens on
the ledger, paints fully, is saved to FILE.png (at least 1280×800) and the program exits 0.

A second start on a ledger whose window is open brings that window forward and ends
(ui.single_instance); one on a ledger the command line or another PC holds says who, in
plain words. Closing makes the daily backup with the window still up and a 跳过 button.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from models.errors import LedgerError
from models.ledger import CITY, PROVINCE_ROLE, Ledger
from models.paths import default_ledger_path, resource_path

SCREENSHOT_SIZE = (1440, 900)
# Benchmarks set this to learn when a populated window has painted (bench/bench_ui.py).
EXIT_WHEN_PAINTED = "TASKLEDGER_EXIT_WHEN_PAINTED"


def parse_window_args(argv: list[str]) -> SimpleNamespace:
    """``--db PATH`` and ``--screenshot FILE`` (``--db=PATH`` too); anything else is Qt's.

    A few lines instead of argparse, whose import the window's start-up does not need.
    """
    values: dict[str, Path | None] = {"db": None, "screenshot": None}
    index = 0
    while index < len(argv):
        arg = argv[index]
        for name in values:
            flag = f"--{name}"
            if arg == flag and index + 1 < len(argv):
                values[name] = Path(argv[index + 1])
                index += 1
                break
            if arg.startswith(flag + "="):
                values[name] = Path(arg[len(flag) + 1:])
                break
        index += 1
    return SimpleNamespace(**values)


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with names QSettings uses and the UI translation for the locale."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "taskledger", *(argv or [])])
    app.setOrganizationName("TaskLedger")
    app.setApplicationName("TaskLedger")
    # Source strings are Chinese; the user's choice (视图 → 语言, QSettings) may load English.
    # Installed before any text is translated, the display name included.
    from .i18n import install_translator
    install_translator(app)
    app.setApplicationDisplayName(QCoreApplication.translate("App", "任务台账"))
    from PySide6.QtGui import QIcon
    app.setWindowIcon(QIcon(str(resource_path("icons", "taskledger.png"))))
    _prefer_cjk_sans(app)
    return app


def _prefer_cjk_sans(app: QApplication) -> None:
    """On Linux the default font may resolve Chinese to a Song/Kai face (or to nothing);
    prefer a sans one, the bundled WenQuanYi Micro Hei when the system has none.

    Windows and macOS already default to a CJK sans UI font (Microsoft YaHei, PingFang).
    """
    if sys.platform.startswith(("win", "darwin")):
        return
    from PySide6.QtGui import QFontDatabase
    available = set(QFontDatabase.families())
    preferred = [f for f in ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                             "WenQuanYi Zen Hei", "Droid Sans Fallback") if f in available]
    if not preferred:
        # A PC (or CI machine) without Chinese fonts: use the one shipped in resources/fonts.
        bundled = resource_path("fonts", "wqy-microhei.ttc")
        if bundled.is_file() and QFontDatabase.addApplicationFont(str(bundled)) >= 0:
            preferred = [f for f in ("WenQuanYi Micro Hei",) if f in QFontDatabase.families()]
    if preferred:
        font = app.font()
        font.setFamilies(preferred + [font.family()])
        app.setFont(font)


def open_or_create(path: Path, *, interactive: bool = True) -> Ledger | None:
    """Open the ledger at ``path``; on first start (no file) ask unit and user and create it.

    Errors are shown in a message box (and on stderr); None means nothing was opened.
    The caller takes the ledger's lock (models.lock) before writing to it.
    """
    path = Path(path)
    try:
        if path.exists():
            return Ledger.open(path)
        if not interactive:
            raise LedgerError(QCoreApplication.translate("App", "找不到台账文件：{0}").format(path))
        from models.plan.definition import load_units

        from PySide6.QtWidgets import QMessageBox

        from .dialogs import FirstStartDialog
        dialog = FirstStartDialog(load_units(), path)
        while not dialog.exec():
            # Cancelling is a choice to quit; say so rather than vanish.
            answer = QMessageBox.question(
                None, QCoreApplication.translate("App", "任务台账"),
                QCoreApplication.translate("App", "还没有建立台账，任务台账将退出。\n"
                                                  "下次启动时会再次询问本单位和填报人。\n\n确定退出吗？"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes)
            if answer == QMessageBox.StandardButton.Yes:
                return None
        # Closing checkpoints the WAL into the file, so the header other connections read
        # (schema version) is current when a background job opens its own connection.
        if getattr(dialog, "role", lambda: "city")() == "province":
            from models.province.recording import create_province_ledger
            create_province_ledger(path, user=dialog.user()).close()
        else:
            Ledger.create(path, unit=dialog.unit(), user=dialog.user()).close()
        return Ledger.open(path)
    except LedgerError as error:
        sys.stderr.write(f"错误：{error}\n")
        if interactive:
            _critical(QCoreApplication.translate("App", "无法打开台账"), str(error))
        return None


class _PaintWatch(QObject):
    """Calls ``done`` once the table has painted with rows (the window is populated on
    screen): the table's own paint, whose pass paints its rows too, then the queue is run.

    The table rather than its viewport: asking PySide for the viewport (a QWidget it has not
    wrapped yet) costs ~20 ms of type lookups the measurement would charge to the program.
    """

    def __init__(self, window, done):
        super().__init__(window)
        self.window, self.done, self.fired = window, done, False
        window.table.installEventFilter(self)

    def eventFilter(self, obj, event):
        if (not self.fired and event.type() == QEvent.Type.Paint
                and self.window.model.rowCount() > 0):
            self.fired = True
            QTimer.singleShot(0, self.done)
        return False


def locked_message(ledger_path: Path, error: LedgerError) -> str:
    """Who has the ledger, in plain words (no process numbers): for the message box."""
    holder = getattr(error, "holder", None)
    translate = QCoreApplication.translate
    if holder is None:
        return str(error)
    when = holder.since.replace("T", " ")[:16] if holder.since else ""
    how = (translate("App", "命令行") if holder.program == "命令行"
           else translate("App", "任务台账窗口"))
    return translate("App", "这份台账正由计算机“{0}”上的用户“{1}”用{2}打开（自 {3} 起）。\n"
                            "同一份台账同时只能在一处修改：请等那边关闭后再打开。\n\n台账文件：{4}"
                     ).format(holder.host or "?", holder.user or "?", how, when, ledger_path)


def _wait_for_closing_window(path: Path) -> bool:
    """The window on ``path`` is making its closing backup: wait (with 取消) until the lock
    is free. True when it is."""
    from PySide6.QtWidgets import QProgressDialog

    from models import lock
    dialog = QProgressDialog(QCoreApplication.translate(
        "App", "上一个任务台账窗口正在备份并关闭，请稍候…"),
        QCoreApplication.translate("App", "取消"), 0, 0)
    dialog.setWindowTitle(QCoreApplication.translate("App", "任务台账"))
    dialog.setMinimumDuration(0)
    dialog.show()
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and not dialog.wasCanceled():
        if lock.holder(path) is None:
            dialog.close()
            return True
        QApplication.processEvents()
        time.sleep(0.1)
    dialog.close()
    return False


def run_window(argv: list[str]) -> int:
    """Open the workbench; returns the process exit code."""
    args = parse_window_args(argv)
    app = make_application(argv)
    path = args.db or default_ledger_path()
    from models import lock
    if args.screenshot is None and path.exists() and lock.holder(path) is not None:
        from .single_instance import CLOSING, RAISED, ask_running_window
        answer = ask_running_window(path)
        if answer == RAISED:
            sys.stderr.write("任务台账已在运行：已把它的窗口带到前面\n")
            return 0
        if answer == CLOSING and not _wait_for_closing_window(path):
            return 1
    ledger = open_or_create(path, interactive=args.screenshot is None)
    if ledger is None:
        return 2 if path.exists() or args.screenshot else 1

    from .main_window import MainWindow
    from .session import Session
    try:
        # One writer per ledger: a second window or a CLI write is refused while this is open.
        held = lock.acquire(ledger.path, program="窗口")
    except LedgerError as error:
        ledger.close()
        sys.stderr.write(f"错误：{error}\n")
        if args.screenshot is None:
            _critical(QCoreApplication.translate("App", "台账正在使用中"),
                      locked_message(ledger.path, error))
        return 2
    session = Session(ledger, lock=held)
    try:
        if ledger.role == PROVINCE_ROLE:
            # The provincial office's ledger: hand-ins and the consolidated view.
            from .province.window import ProvinceWindow
            window = ProvinceWindow(session)
        elif ledger.role == CITY:
            window = MainWindow(session)
        else:
            raise LedgerError(QCoreApplication.translate(
                "App", "台账类型“{0}”无法识别：文件可能由更新版本的任务台账创建，或已损坏。").format(
                    ledger.role))
    except LedgerError as error:
        session.close()
        sys.stderr.write(f"错误：{error}\n")
        if args.screenshot is None:
            _critical(QCoreApplication.translate("App", "无法打开台账"), str(error))
        return 2
    if args.screenshot:
        session.daily_backup = False        # a screenshot run is not a working session
        window.keeps_state = False
        return _screenshot(app, window, args.screenshot)
    if os.environ.get(EXIT_WHEN_PAINTED):
        def painted():
            print(f"painted {time.perf_counter():.3f} cpu {time.process_time():.3f}", flush=True)
            window.close()
            app.quit()
        _PaintWatch(window, painted)
    window.backup_on_close = True       # the daily backup runs while the window is still up
    window.show()
    # A second start on this ledger brings this window forward instead of a refusal
    # (QtNetwork loads after the first paint); what a killed program left beside the ledger
    # goes once we hold the lock and have painted.
    window.after_first_paint(lambda: listen_for_second_start(window))
    window.after_first_paint(lambda: _clean_leftovers(ledger.path))
    code = app.exec()
    window.finish_closing()             # a closing backup still running is waited for
    if getattr(window, "instance_server", None) is not None:
        window.instance_server.close()
    # Normally done by the window already; this covers a window closed some other way.
    backing_up, progress = _backup_progress()
    session.close(progress=progress, cancelled=backing_up.wasCanceled)
    backing_up.reset()                  # stops its show-after timer too
    backing_up.hide()
    if session.backup_error:
        from PySide6.QtWidgets import QMessageBox
        QMessageBox.warning(None, QCoreApplication.translate("App", "自动备份未完成"),
                            QCoreApplication.translate("App", "台账已保存并关闭，但自动备份失败：\n")
                            + session.backup_error)
    return code


def _clean_leftovers(path: Path) -> None:
    from models.cleanup import clean_leftovers
    clean_leftovers(path)


def _critical(title: str, text: str) -> None:
    # Message boxes (and their Qt types) load when one is shown, not at every start-up.
    from PySide6.QtWidgets import QMessageBox
    QMessageBox.critical(None, title, text)


def listen_for_second_start(window) -> None:
    """Answer later starts on the window's ledger by bringing it forward."""
    from .single_instance import InstanceServer, bring_forward
    server = InstanceServer(window.session.path, window)
    server.raise_requested.connect(lambda: bring_forward(window))
    window.instance_server = server


def _backup_progress():
    """A progress dialog for the daily backup made on closing (a big evidence store takes a
    while); it appears only after half a second, and 跳过 skips today's backup."""
    from PySide6.QtWidgets import QProgressDialog
    dialog = QProgressDialog(QCoreApplication.translate("App", "正在备份台账…"),
                             QCoreApplication.translate("App", "跳过"), 0, 0)
    dialog.setWindowTitle(QCoreApplication.translate("App", "任务台账"))
    dialog.setMinimumDuration(500)
    dialog.setAutoClose(False)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(min(done, total))
        QApplication.processEvents()
    return dialog, progress


def _screenshot(app: QApplication, window, out: Path) -> int:
    window.resize(*SCREENSHOT_SIZE)
    if hasattr(window, "splitter") and window.splitter.count() == 3:
        # The panes as a first start on a screen this size has them (the offscreen screen
        # the window was made on may be narrower).
        width = SCREENSHOT_SIZE[0]
        window.splitter.setSizes([width * 19 // 100, width * 51 // 100, width * 30 // 100])
    window.show()
    result = {"code": 1}

    def grab():
        app.processEvents()
        image = window.grab()
        out.parent.mkdir(parents=True, exist_ok=True)
        if image.width() >= 1280 and image.height() >= 800 and image.save(str(out)):
            result["code"] = 0
        else:
            sys.stderr.write(f"错误：无法保存截图 {out}（{image.width()}×{image.height()}）\n")
        window.close()
        app.quit()

    def when_painted():
        # Let queued paints and layout settle before grabbing.
        QTimer.singleShot(300, grab)

    _PaintWatch(window, when_painted)
    QTimer.singleShot(10000, grab)      # never hang if nothing paints
    app.exec()
    window.session.close()
    return result["code"]
