"""The 进度报告 as a QTextDocument for the print preview (the PDF comes from exports/)."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument

from models.status import DONE, IN_PROGRESS, NOT_INVOLVED, NOT_STARTED
from models.summary import summarize



def status_report_html(ledger, plan) -> str:
    """HTML of the status report from models.summary (no numbers recomputed here)."""
    s = summarize(ledger)
    unit = ledger.setting("unit_full_name") or s.unit
    parts = [f"<h2 align='center'>{escape(unit)}{QCoreApplication.translate('StatusReport', '工作进度报告')}</h2>",
             f"<p align='center'>{escape(plan.title)}</p>",
             "<p>" + QCoreApplication.translate('StatusReport', "统计日期：{0}　报送截止：{1}　剩余 {2} 天").format(
                 s.on.isoformat(), s.deadline, s.days_left) + "</p>",
             f"<p>{escape(s.sentence())}</p>",
             "<h3>" + QCoreApplication.translate('StatusReport', "按状态统计") + "</h3><table border='1' cellspacing='0' cellpadding='4'>"
             "<tr><th>" + QCoreApplication.translate('StatusReport', "状态") + "</th><th>" + QCoreApplication.translate('StatusReport', "项数") + "</th><th>" + QCoreApplication.translate('StatusReport', "占比") + "</th></tr>"]
    for status in (DONE, IN_PROGRESS, NOT_STARTED, NOT_INVOLVED):
        share = "—" if status == NOT_INVOLVED else f"{s.share(status) * 100:.1f}%"
        parts.append(f"<tr><td>{status}</td><td align='right'>{s.counts.get(status, 0)}</td>"
                     f"<td align='right'>{share}</td></tr>")
    parts.append("</table><h3>" + QCoreApplication.translate('StatusReport', "各部分完成情况") + "</h3>"
                 "<table border='1' cellspacing='0' cellpadding='4'><tr><th>" + QCoreApplication.translate('StatusReport', "部分")
                 + "</th><th>" + QCoreApplication.translate('StatusReport', "已完成/承担") + "</th><th>" + QCoreApplication.translate('StatusReport', "完成率") + "</th></tr>")
    for sec in s.sections:
        parts.append(f"<tr><td>{escape(sec.title)}</td><td align='right'>{sec.done}/{sec.total}</td>"
                     f"<td align='right'>{sec.share * 100:.0f}%</td></tr>")
    parts.append("</table>")
    for title, rows in ((QCoreApplication.translate('StatusReport', "逾期"), s.late), (QCoreApplication.translate('StatusReport', "临期（7天内到期）"), s.due_soon),
                        (QCoreApplication.translate('StatusReport', "未启动"), s.not_started), (QCoreApplication.translate('StatusReport', "已完成但无佐证材料"), s.done_without_evidence),
                        (QCoreApplication.translate('StatusReport', "30天未更新"), s.stale)):
        parts.append(f"<h3>{title}（{len(rows)}）</h3>")
        if rows:
            parts.append("<ul>" + "".join(
                f"<li>{row.id}　{escape(row.text)}（{QCoreApplication.translate('StatusReport', '截止')} {row.deadline or '—'}）</li>"
                for row in rows) + "</ul>")
        else:
            parts.append("<p>" + QCoreApplication.translate('StatusReport', "无") + "</p>")
    if s.indicators:
        parts.append("<h3>" + QCoreApplication.translate('StatusReport', "量化指标") + "</h3><table border='1' cellspacing='0' cellpadding='4'>"
                     "<tr><th>" + QCoreApplication.translate('StatusReport', "举措") + "</th><th>" + QCoreApplication.translate('StatusReport', "目标") + "</th><th>"
                     + QCoreApplication.translate('StatusReport', "本单位完成值") + "</th><th>" + QCoreApplication.translate('StatusReport', "是否达标") + "</th></tr>")
        for item in s.indicators:
            ind = item.indicator
            value = "—" if ind.value is None else f"{ind.value:g}{ind.unit}"
            met = {None: QCoreApplication.translate('StatusReport', "未填报"), True: QCoreApplication.translate('StatusReport', "达标"), False: QCoreApplication.translate('StatusReport', "未达标")}[item.met]
            parts.append(f"<tr><td>{item.measure_id}</td><td>{escape(ind.raw)}</td>"
                         f"<td align='right'>{value}</td><td>{met}</td></tr>")
        parts.append("</table>")
    return "".join(parts)


def status_report_document(ledger, plan) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(status_report_html(ledger, plan))
    return document
