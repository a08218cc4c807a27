"""The 进度报告 as a QTextDocument for the print preview and printing.

The content is models.status_report.build_status_report — the same the PDF (exports/
pdf_status.py) prints: title, facts, the numbered parts and their tables, the bars of the
shares. Only the drawing differs (Qt's rich text here, ReportLab there).
"""
from __future__ import annotations

from html import escape

from PySide6.QtGui import QTextDocument

from models.status_report import ReportTable, StatusReport, build_status_report


def _cell(text: str) -> str:
    return "<br/>".join(escape(line) for line in text.split("\n"))


def _bar(share: float, colour: str) -> str:
    done = max(0, min(100, round(share * 100)))
    cells = (f"<td width='{done}%' bgcolor='{colour}'>&nbsp;</td>" if done else "") + \
        (f"<td width='{100 - done}%' bgcolor='#e0e0e0'>&nbsp;</td>" if done < 100 else "")
    return f"<table width='100%' cellspacing='0' cellpadding='0'><tr>{cells}</tr></table>"


def _table(table: ReportTable) -> str:
    total = sum(table.widths_mm)
    head = "".join(f"<th bgcolor='#e8e8e8' width='{w * 100 / total:.0f}%'>{escape(h)}</th>"
                   for h, w in zip(table.columns, table.widths_mm))
    rows = []
    for r, row in enumerate(table.rows):
        cells = []
        for c, text in enumerate(row):
            align = " align='center'" if c in table.centred else ""
            body = _bar(table.bars[r], table.bar_colours[r]) if c == table.bar_column else _cell(text)
            cells.append(f"<td{align}>{body}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (f"<table width='100%' border='1' cellspacing='0' cellpadding='3'>"
            f"<tr>{head}</tr>{''.join(rows)}</table>")


def status_report_html(report: StatusReport) -> str:
    """HTML of the report (no numbers or wording composed here)."""
    facts = report.facts
    parts = [f"<h2 align='center'>{escape(report.title)}</h2>",
             "<table width='100%' border='1' cellspacing='0' cellpadding='3'>"
             f"<tr><td><b>{escape(facts[0][0])}</b></td><td>{escape(facts[0][1])}</td>"
             f"<td><b>{escape(facts[2][0])}</b></td><td>{escape(facts[2][1])}</td></tr>"
             f"<tr><td><b>{escape(facts[1][0])}</b></td><td>{escape(facts[1][1])}</td>"
             f"<td><b>{escape(facts[3][0])}</b></td><td>{escape(facts[3][1])}</td></tr></table>"]
    for part in report.parts:
        parts.append(f"<h3>{escape(part.heading)}</h3>")
        parts += [f"<p>{_cell(text)}</p>" for text in part.paragraphs]
        if part.table is not None and part.table.rows:
            parts.append(_table(part.table))
        else:
            parts.append(f"<p>{escape(part.empty)}</p>")
    return "".join(parts)


def status_report_document(ledger, plan=None) -> QTextDocument:
    """The report as a document that QPrintPreviewDialog can print page by page."""
    document = QTextDocument()
    document.setHtml(status_report_html(build_status_report(ledger)))
    return document
