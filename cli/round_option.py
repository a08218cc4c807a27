"""``--round NAME`` on every export: the document is made for a reporting round."""
from __future__ import annotations

ROUND_HELP = ("报送轮次名称（见 rounds）：只含截至该轮截至日期的进展和佐证材料，"
              "文件写明“截至”该日")


def add_round_option(parser) -> None:
    """``--round NAME`` on an export: the document is made for that reporting round."""
    parser.add_argument("--round", metavar="NAME", help=ROUND_HELP)


def round_view(args, ledger):
    """The ledger as the export reads it: "as of" the round's cut-off with --round
    (models.ledger.Ledger.as_of), else the ledger itself."""
    name = getattr(args, "round", None)
    return ledger.as_of(round_name=name) if name else ledger
