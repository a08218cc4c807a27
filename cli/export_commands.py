"""``export …``: every output format registers its own sub-command here."""
from __future__ import annotations

from . import export_docx_cmd, export_excel_cmd, export_pdf_cmd
from . import export_consolidated_cmd, export_list_cmd, export_package_cmd, export_review_cmd


def register(sub) -> None:
    """Add ``export`` with one sub-command per format."""
    p = sub.add_parser("export", help="导出：xlsx / tasklist / pdf / docx / status-pdf / package / list / feedback …")
    formats = p.add_subparsers(dest="format", metavar="格式", required=True,
                               parser_class=type(p))
    export_excel_cmd.register(formats)
    export_pdf_cmd.register(formats)
    export_docx_cmd.register(formats)
    export_package_cmd.register(formats)
    export_consolidated_cmd.register(formats)
    export_review_cmd.register(formats)
    export_list_cmd.register(formats)
