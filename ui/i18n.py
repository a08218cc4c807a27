"""The interface language: Chinese (the source text) or English (Qt Linguist translation).

The choice is a per-user display preference in QSettings (``ui/language``): ``auto``,
``zh_CN`` or ``en``. ``auto`` stays Chinese unless the system locale is explicitly English:
the program is written for Chinese bureaus, and a Chinese interface is never wrong there.

The English text lives in resources/i18n/taskledger_en.ts. A bundle carries the compiled
.qm (build.spec runs lrelease); a source checkout may have no .qm, or one older than the .ts,
so it is compiled on the fly into the user's data folder — never into the program folder.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale,
                            QSettings, QTranslator)

from models.paths import resource_path, user_data_dir

LANGUAGE_KEY = "ui/language"
AUTO, CHINESE, ENGLISH = "auto", "zh_CN", "en"
LANGUAGES = (AUTO, CHINESE, ENGLISH)
# Overrides the saved choice for one run (screenshots, support): TASKLEDGER_LANGUAGE=en.
LANGUAGE_ENV = "TASKLEDGER_LANGUAGE"
BASENAME = "taskledger"

# Values the models store in Chinese (they are what every report prints) but that the
# window shows as labels: translated for display only, never written back translated.
# (lupdate reads the context only as a literal.)
MODEL_LABELS = (
    QT_TRANSLATE_NOOP("Model", "未启动"), QT_TRANSLATE_NOOP("Model", "推进中"),
    QT_TRANSLATE_NOOP("Model", "已完成"), QT_TRANSLATE_NOOP("Model", "不涉及"),
    QT_TRANSLATE_NOOP("Model", "逾期"), QT_TRANSLATE_NOOP("Model", "临期"),
    QT_TRANSLATE_NOOP("Model", "省级"), QT_TRANSLATE_NOOP("Model", "全部地市"),
    QT_TRANSLATE_NOOP("Model", "相关地市"), QT_TRANSLATE_NOOP("Model", "指定地市"),
    QT_TRANSLATE_NOOP("Model", "待确认"),
    # Where a search matched (models.search.PLACE_LABELS).
    QT_TRANSLATE_NOOP("Model", "编号"), QT_TRANSLATE_NOOP("Model", "举措内容"),
    QT_TRANSLATE_NOOP("Model", "任务"), QT_TRANSLATE_NOOP("Model", "进展记录"),
    QT_TRANSLATE_NOOP("Model", "佐证材料"), QT_TRANSLATE_NOOP("Model", "存在问题"),
    QT_TRANSLATE_NOOP("Model", "下一步打算"),
    # Document names (exports.documents): one name in menus, file names and titles.
    QT_TRANSLATE_NOOP("Model", "任务完成情况表"), QT_TRANSLATE_NOOP("Model", "工作情况报告"),
    QT_TRANSLATE_NOOP("Model", "进度报告"), QT_TRANSLATE_NOOP("Model", "佐证材料汇编"),
    QT_TRANSLATE_NOOP("Model", "任务清单"), QT_TRANSLATE_NOOP("Model", "任务完成情况全省汇总表"),
    QT_TRANSLATE_NOOP("Model", "任务完成情况全省汇总报告"),
    # Kinds of unit on a plan's unit list (models.plan.units.KIND_LABELS).
    QT_TRANSLATE_NOOP("Model", "省辖市"), QT_TRANSLATE_NOOP("Model", "示范区"),
    QT_TRANSLATE_NOOP("Model", "省直管县（市）"), QT_TRANSLATE_NOOP("Model", "县（市、区）"),
    QT_TRANSLATE_NOOP("Model", "部门单位"), QT_TRANSLATE_NOOP("Model", "乡镇（街道）"),
    QT_TRANSLATE_NOOP("Model", "开发区（园区）"), QT_TRANSLATE_NOOP("Model", "处室"),
    QT_TRANSLATE_NOOP("Model", "其他"),
    # What to check before a task list is imported (models.plan.doubts.KIND_TITLES).
    QT_TRANSLATE_NOOP("Model", "未识别的列"), QT_TRANSLATE_NOOP("Model", "不在单位名单中的名称"),
    QT_TRANSLATE_NOOP("Model", "没有责任单位的举措"), QT_TRANSLATE_NOOP("Model", "名单中没有对应单位的统称"),
    QT_TRANSLATE_NOOP("Model", "责任单位中不是单位的文字"), QT_TRANSLATE_NOOP("Model", "以“等”结尾的单位"),
    QT_TRANSLATE_NOOP("Model", "未读作任务的标题"), QT_TRANSLATE_NOOP("Model", "没有具体日期的完成时限"),
    QT_TRANSLATE_NOOP("Model", "审核反馈"), QT_TRANSLATE_NOOP("Model", "任务清单（含处室分工）"),
    # Review results (models.review).
    QT_TRANSLATE_NOOP("Model", "通过"), QT_TRANSLATE_NOOP("Model", "退回修改"),
    QT_TRANSLATE_NOOP("Model", "待审核"),
    # The filtered list for the leader (exports.filtered_list, issue 12).
    QT_TRANSLATE_NOOP("Model", "举措进展清单"),
)


def label(value: str) -> str:
    """The display text of a stored status, deadline state, scope label or document name."""
    return QCoreApplication.translate("Model", value) if value else value


def saved_language() -> str:
    """The user's choice: auto, zh_CN or en (the environment override wins)."""
    value = os.environ.get(LANGUAGE_ENV) or QSettings().value(LANGUAGE_KEY, AUTO)
    return value if value in LANGUAGES else AUTO


def saved_choice() -> str:
    """What 视图 → 语言 shows as chosen (the saved choice, without the environment override)."""
    value = QSettings().value(LANGUAGE_KEY, AUTO)
    return value if value in LANGUAGES else AUTO


def save_language(language: str) -> None:
    """Remember the choice for the next start."""
    if language not in LANGUAGES:
        raise ValueError(language)
    QSettings().setValue(LANGUAGE_KEY, language)


def effective_language(language: str | None = None, locale: QLocale | None = None) -> str:
    """zh_CN or en: ``auto`` is Chinese unless the system locale is English (en_*)."""
    language = language or saved_language()
    if language != AUTO:
        return language
    locale = locale or QLocale.system()
    return ENGLISH if locale.language() == QLocale.Language.English else CHINESE


def _lrelease() -> Path | None:
    import shutil

    import PySide6
    folder = Path(PySide6.__file__).parent
    for name in ("lrelease.exe", "lrelease") if os.name == "nt" else ("lrelease",):
        if (folder / name).is_file():
            return folder / name
    found = shutil.which("pyside6-lrelease")
    return Path(found) if found else None


def compile_ts(ts: Path, qm: Path) -> None:
    """Run Qt's lrelease on ``ts`` (written atomically: a half-written .qm never loads)."""
    import subprocess
    tool = _lrelease()
    if tool is None:
        raise FileNotFoundError("lrelease")
    qm.parent.mkdir(parents=True, exist_ok=True)
    partial = qm.with_name(qm.name + ".part")
    subprocess.run([str(tool), "-silent", str(ts), "-qm", str(partial)], check=True,
                   capture_output=True, timeout=60)
    os.replace(partial, qm)


def _fresh(qm: Path, ts: Path | None) -> bool:
    return qm.is_file() and (ts is None or qm.stat().st_mtime >= ts.stat().st_mtime)


def translation_file(language: str) -> Path | None:
    """The .qm to load for ``language``; compiles the .ts on the fly in a source checkout."""
    bundled = resource_path("i18n", f"{BASENAME}_{language}.qm")
    if getattr(sys, "frozen", False):
        return bundled if bundled.is_file() else None
    ts = resource_path("i18n", f"{BASENAME}_{language}.ts")
    if not ts.is_file():
        return bundled if bundled.is_file() else None
    if _fresh(bundled, ts):
        return bundled
    cached = user_data_dir() / "i18n" / f"{BASENAME}_{language}.qm"
    if _fresh(cached, ts):
        return cached
    import subprocess              # only a source checkout compiles; a bundle never gets here
    try:
        compile_ts(ts, cached)
    except (OSError, subprocess.SubprocessError) as error:
        sys.stderr.write(f"警告：无法编译界面翻译 {ts.name}（{error}），界面保持中文\n")
        return None
    return cached


def install_translator(app, language: str | None = None) -> str:
    """Install the translators for ``language`` (None: the saved choice) on ``app``.

    Returns the language in effect (zh_CN or en). Chinese needs no translation of our own
    text, only Qt's (standard buttons, file dialogs). Earlier translators installed by this
    function are removed first, so calling it again switches languages for new widgets.
    """
    remove_translators(app)
    language = effective_language(language)
    installed = []
    if language != CHINESE:
        qm = translation_file(language)
        ours = QTranslator(app)
        if qm is not None and ours.load(str(qm)):
            installed.append(ours)
        else:
            sys.stderr.write(f"警告：找不到界面翻译（{language}），界面保持中文\n")
            language = CHINESE
    # Qt's own text (standard buttons, file and print dialogs) in the same language.
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}",
                          QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt_translator)
    for translator in installed:
        app.installTranslator(translator)
    app.setProperty("taskledger_translators", installed)
    return language


def remove_translators(app) -> None:
    """Undo install_translator (tests switch back to Chinese)."""
    for translator in app.property("taskledger_translators") or []:
        app.removeTranslator(translator)
    app.setProperty("taskledger_translators", [])


def summary_sentence(summary) -> str:
    """The dashboard's summary sentence: exactly models' FORMATS.md sentence in Chinese, the
    same counts and shares in words of the interface language otherwise."""
    from models.status import DONE, IN_PROGRESS, NOT_INVOLVED, NOT_STARTED
    translate = QCoreApplication.translate
    template = "共承担落实举措{0}项，其中已完成{1}项（占{2:.1f}%），推进中{3}项（占{4:.1f}%），未启动{5}项（占{6:.1f}%）"
    translated = translate("Summary", "共承担落实举措{0}项，其中已完成{1}项（占{2:.1f}%），"
                                      "推进中{3}项（占{4:.1f}%），未启动{5}项（占{6:.1f}%）")
    if translated == template:
        return summary.sentence()
    numbers = [summary.carried]
    for status in (DONE, IN_PROGRESS, NOT_STARTED):
        numbers += [summary.counts.get(status, 0), summary.share(status) * 100]
    text = translated.format(*numbers)
    if summary.counts.get(NOT_INVOLVED):
        text += translate("Summary", "；另有{0}项经确认不涉及").format(summary.counts[NOT_INVOLVED])
    return text + translate("Summary", "。")
