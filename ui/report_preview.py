"""The 进度报告 as a QTextDocument for the print preview (the PDF comes from exports/)."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument

from models.status import DONE, IN_PROGRESS, NOT_INVOLVED, NOT_STARTED
from models.summary import summarize


def _labels() -> dict[str, str]:
    return {
        "title": QCoreApplication.translate("StatusReport", "工作进度报告"),
        "dates": QCoreApplication.translate("StatusReport", "统计日期：{0}　报送截止：{1}　剩余 {2} 天"),
        "by_status": QCoreApplication.translate("StatusReport", "按状态统计"),
        "status": QCoreApplication.translate("StatusReport", "状态"),
        "count": QCoreApplication.translate("StatusReport", "项数"),
        "share": QCoreApplication.translate("StatusReport", "占比"),
        "by_section": QCoreApplication.translate("StatusReport", "各部分完成情况"),
        "section": QCoreApplication.translate("StatusReport", "部分"),
        "done_of": QCoreApplication.translate("StatusReport", "已完成/承担"),
        "rate": QCoreApplication.translate("StatusReport", "完成率"),
        "late": QCoreApplication.translate("StatusReport", "逾期"),
        "due_soon": QCoreApplication.translate("StatusReport", "临期（{0}天内到期）"),
        "pace": QCoreApplication.translate("StatusReport", "序时进度"),
        "lights": QCoreApplication.translate("StatusReport", "红灯 {0} 项，黄灯 {1} 项，绿灯 {2} 项，无灯 {3} 项"),
        "progress": QCoreApplication.translate("StatusReport", "完成进度"),
        "not_started": QCoreApplication.translate("StatusReport", "未启动"),
        "no_evidence": QCoreApplication.translate("StatusReport", "已完成但无佐证材料"),
        "stale": QCoreApplication.translate("StatusReport", "30天未更新"),
        "deadline": QCoreApplication.translate("StatusReport", "截止"),
        "none": QCoreApplication.translate("StatusReport", "无"),
        "indicators": QCoreApplication.translate("StatusReport", "量化指标"),
        "measure": QCoreApplication.translate("StatusReport", "举措"),
        "target": QCoreApplication.translate("StatusReport", "目标"),
        "value": QCoreApplication.translate("StatusReport", "本单位完成值"),
        "met?": QCoreApplication.translate("StatusReport", "是否达标"),
        "empty": QCoreApplication.translate("StatusReport", "未填报"),
        "met": QCoreApplication.translate("StatusReport", "达标"),
        "unmet": QCoreApplication.translate("StatusReport", "未达标"),
    }


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table border='1' cellspacing='0' cellpadding='4'><tr>{head}</tr>{body}</table>"


def status_report_html(ledger, plan) -> str:
    """HTML of the status report from models.summary (no numbers recomputed here)."""
    s = summarize(ledger)
    L = _labels()
    unit = ledger.setting("unit_full_name") or s.unit
    parts = [f"<h2 align='center'>{escape(unit)}{L['title']}</h2>",
             f"<p align='center'>{escape(plan.title)}</p>",
             "<p>" + L["dates"].format(s.on.isoformat(), s.deadline, s.days_left) + "</p>",
             f"<p>{escape(s.sentence())}</p>",
             f"<h3>{L['by_status']}</h3>"]
    parts.append(_table([L["status"], L["count"], L["share"]], [
        [status, str(s.counts.get(status, 0)),
         "—" if status == NOT_INVOLVED else f"{s.share(status) * 100:.1f}%"]
        for status in (DONE, IN_PROGRESS, NOT_STARTED, NOT_INVOLVED)]))
    # 序时进度: the lights, and the red and yellow measures with both figures
    parts.append(f"<h3>{L['pace']}</h3>")
    parts.append("<p>" + L["lights"].format(*(s.lights.get(k, 0) for k in ("red", "yellow", "green", "none")))
                 + "</p>")
    lit = s.red + s.yellow
    if lit:
        from .pace_view import light_name
        parts.append(_table(["", L["measure"], L["progress"], L["pace"], L["deadline"]], [
            [light_name(row.light), f"{row.code}　{escape(row.text)}",
             "—" if row.progress is None else f"{row.progress:g}%", f"{row.expected:.0f}%",
             row.deadline or "—"] for row in lit]))
    parts.append(f"<h3>{L['by_section']}</h3>")
    parts.append(_table([L["section"], L["done_of"], L["rate"]], [
        [escape(sec.title), f"{sec.done}/{sec.total}", f"{sec.share * 100:.0f}%"]
        for sec in s.sections]))
    L["due_soon"] = L["due_soon"].format(ledger.pace().reminder_days)
    for key, rows in (("late", s.late), ("due_soon", s.due_soon), ("not_started", s.not_started),
                      ("no_evidence", s.done_without_evidence), ("stale", s.stale)):
        parts.append(f"<h3>{L[key]}（{len(rows)}）</h3>")
        if rows:
            parts.append("<ul>" + "".join(
                f"<li>{row.code}　{escape(row.text)}（{L['deadline']} {row.deadline or '—'}）</li>"
                for row in rows) + "</ul>")
        else:
            parts.append(f"<p>{L['none']}</p>")
    if s.indicators:
        parts.append(f"<h3>{L['indicators']}</h3>")
        verdict = {None: L["empty"], True: L["met"], False: L["unmet"]}
        parts.append(_table([L["measure"], L["target"], L["value"], L["met?"]], [
            [item.measure_code, escape(item.indicator.raw),
             "—" if item.indicator.value is None
             else f"{item.indicator.value:g}{item.indicator.quantity_unit}",
             verdict[item.met]]
            for item in s.indicators]))
    return "".join(parts)


def status_report_document(ledger, plan) -> QTextDocument:
    """The report as a document that QPrintPreviewDialog can print page by page."""
    document = QTextDocument()
    document.setHtml(status_report_html(ledger, plan))
    return document
