"""Reporting rounds (报送轮次): the reports the province asks for during the year.

A round has a name, a cut-off (截至) and a due date (报送), e.g. 2021年第三季度, 截至
2021-09-30, 报送 2021-10-10. Every export and the package can be made for a round
(Ledger.as_of: entries and evidence after the cut-off are left out and the documents say
截至 that day); a package records its round, and the provincial ledger shows hand-ins,
lateness and the matrix per round. Rounds belong to a plan, are set in either ledger and
travel with the plan file and the packages (store_rounds).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import db as dbmod
from .clock import now_text
from .errors import InvalidInput
from .inputs import clean_name, parse_date

MAX_ROUNDS = 100            # per plan: twelve 月报 a year for several years still fit
MAX_ROUND_NAME = 60


@dataclass
class Round:
    """One reporting round of a plan."""
    name: str
    cutoff: str                 # ISO date: the last day the round's reports cover
    due: str                    # ISO date: when the reports are due at the province
    plan_id: int = 0
    created_at: str = ""
    created_by: str = ""

    def to_dict(self) -> dict:
        """What travels in a plan file, a manifest and ``rounds --json``."""
        return {"name": self.name, "cutoff": self.cutoff, "due": self.due}

    @property
    def label(self) -> str:
        """``2021年第三季度（截至2021年9月30日）``."""
        return f"{self.name}（截至{chinese_day(self.cutoff)}）"


def chinese_day(iso: str) -> str:
    """``2021-09-30`` → ``2021年9月30日`` (no zero padding, as documents write dates)."""
    day = date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"


def as_of_phrase(cutoff: str) -> str:
    """``截至2021年9月30日``: how every document names the day it reports up to."""
    return f"截至{chinese_day(cutoff)}"


def _round(row: dict) -> Round:
    return Round(name=row["name"], cutoff=row["cutoff"], due=row["due"], plan_id=row["plan_id"],
                 created_at=row["created_at"], created_by=row["created_by"])


def rounds(ledger, *, plan_id: int | None = None) -> list[Round]:
    """The plan's rounds (default: current plan), by cut-off."""
    return [_round(row) for row in ledger.db.query(
        "SELECT * FROM rounds WHERE plan_id = ? ORDER BY cutoff, due, name",
        [plan_id or ledger.plan_id])]


def find_round(ledger, name: str, *, plan_id: int | None = None) -> Round:
    """The round called ``name``; InvalidInput naming the rounds there are when none is."""
    wanted = str(name or "").strip()
    known = rounds(ledger, plan_id=plan_id)
    for item in known:
        if item.name == wanted:
            return item
    names = "、".join(r.name for r in known) or "（尚未设置任何轮次，用 round add 添加）"
    raise InvalidInput(f"没有名为“{wanted}”的报送轮次。已有：{names}")


def _checked_name(name) -> str:
    text = clean_name(name, what="轮次名称")
    if not text:
        raise InvalidInput("轮次名称不能为空，例如 2021年第三季度")
    if len(text) > MAX_ROUND_NAME:
        raise InvalidInput(f"轮次名称过长（{len(text)} 字，上限 {MAX_ROUND_NAME} 字）")
    return text


def add_round(ledger, name: str, *, cutoff: str, due: str) -> Round:
    """Add a round to the current plan (one transaction, audited).

    Refused with one line, nothing changed: an empty or too long name, a name the plan
    already has, a cut-off in the future (a report cannot be 截至 a day still to come) or
    before the plan's period, a due date before the cut-off, more than MAX_ROUNDS rounds.
    """
    from .pace import plan_start
    ledger.note_changes(rounds=True)
    name = _checked_name(name)
    cutoff = parse_date(cutoff, what="截至日期")
    due = parse_date(due, what="报送日期")
    today = ledger.today().isoformat()
    if cutoff > today:
        raise InvalidInput(f"截至日期 {cutoff} 还没有到（今天是 {today}）：报送轮次只能截至今天或以前")
    plan = ledger.plan()
    start = plan_start(plan.year, plan.period).isoformat()
    if cutoff < start:
        raise InvalidInput(f"截至日期 {cutoff} 早于方案期间的开始（{start}）")
    if due < cutoff:
        raise InvalidInput(f"报送日期 {due} 早于截至日期 {cutoff}")
    known = rounds(ledger)
    if any(r.name == name for r in known):
        raise InvalidInput(f"已有名为“{name}”的报送轮次")
    if len(known) >= MAX_ROUNDS:
        raise InvalidInput(f"每个方案最多 {MAX_ROUNDS} 个报送轮次")
    from .ledger import record_audit
    with dbmod.transaction(ledger.db):
        ledger.db.execute("INSERT INTO rounds (plan_id, name, cutoff, due, created_at, created_by)"
                          " VALUES (?,?,?,?,?,?)",
                          [ledger.plan_id, name, cutoff, due, now_text(), ledger.user])
        record_audit(ledger.db, ledger.user, "add_round", name, {"cutoff": cutoff, "due": due})
    return find_round(ledger, name)


def remove_round(ledger, name: str) -> None:
    """Remove a round of the current plan no package was made for (audited)."""
    ledger.note_changes(rounds=True)
    item = find_round(ledger, name)
    used = ledger.db.execute(
        "SELECT (SELECT count(*) FROM package_versions WHERE plan_id = ? AND round = ?)"
        " + (SELECT count(*) FROM submissions WHERE plan_id = ? AND round = ?)",
        [ledger.plan_id, item.name, ledger.plan_id, item.name]).fetchone()[0]
    if used:
        raise InvalidInput(f"报送轮次“{item.name}”已有 {used} 份报送材料包，不能删除")
    from .ledger import record_audit
    with dbmod.transaction(ledger.db):
        ledger.db.execute("DELETE FROM rounds WHERE plan_id = ? AND name = ?",
                          [ledger.plan_id, item.name])
        record_audit(ledger.db, ledger.user, "remove_round", item.name, item.to_dict())


def checked_rounds(items, *, source: str) -> list[dict]:
    """Rounds as a plan file or a manifest brings them, checked: a list of at most
    MAX_ROUNDS {"name", "cutoff", "due"} with valid dates and names. InvalidInput (one line
    naming ``source``) otherwise. Cut-offs ahead of today are kept: the province announces
    its rounds in advance."""
    if items is None:
        return []
    if not isinstance(items, list) or len(items) > MAX_ROUNDS:
        raise InvalidInput(f"{source}的报送轮次无效（应为最多 {MAX_ROUNDS} 项的列表）")
    checked, names = [], set()
    for item in items:
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str)
                                                 for k in ("name", "cutoff", "due")):
            raise InvalidInput(f"{source}的报送轮次格式不对（每项应有 name、cutoff、due）")
        name = _checked_name(item["name"])
        cutoff = parse_date(item["cutoff"], what=f"{source}中轮次“{name}”的截至日期")
        due = parse_date(item["due"], what=f"{source}中轮次“{name}”的报送日期")
        if due < cutoff:
            raise InvalidInput(f"{source}中轮次“{name}”的报送日期早于截至日期")
        if name in names:
            continue
        names.add(name)
        checked.append({"name": name, "cutoff": cutoff, "due": due})
    return checked


def store_rounds(db, plan_id: int, items: list[dict], *, user: str = "") -> list[str]:
    """Add the rounds of ``items`` (already checked) the plan does not have yet, inside the
    caller's transaction; a round the plan already has keeps its own dates. Returns the
    names added."""
    have = {row[0] for row in db.execute("SELECT name FROM rounds WHERE plan_id = ?",
                                         [plan_id]).fetchall()}
    added = []
    for item in items:
        if item["name"] in have or len(have) >= MAX_ROUNDS:
            continue
        db.execute("INSERT INTO rounds (plan_id, name, cutoff, due, created_at, created_by)"
                   " VALUES (?,?,?,?,?,?)",
                   [plan_id, item["name"], item["cutoff"], item["due"], now_text(), user])
        have.add(item["name"])
        added.append(item["name"])
    return added


def is_late(made_at: str, due: str | None) -> bool:
    """Whether a package made at ``made_at`` (ISO time) missed its due date."""
    return bool(due) and (made_at or "")[:10] > due


MAX_PLAN_FILE_BYTES = 64 * 1024 * 1024


def import_rounds(ledger, path) -> list[str]:
    """Take the rounds of a plan file (exports.plan_file; the province's 任务清单（含处室分工）)
    into the current plan, when the file is for this plan (same year, title and 文号). Rounds
    the plan has keep their own dates; returns the names added (one transaction, audited).
    Refused with one line, nothing changed: a file that is not a plan file, is too big, is
    for another plan, or has malformed rounds."""
    from pathlib import Path

    from .handin import plan_identity
    from .inputs import load_json
    ledger.note_changes(rounds=True)
    path = Path(path)
    try:
        if path.stat().st_size > MAX_PLAN_FILE_BYTES:
            raise InvalidInput(f"{path.name} 过大（上限 {MAX_PLAN_FILE_BYTES // 2**20} MB），不是方案文件")
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"无法读取 {path.name}：{exc.strerror or exc}") from None
    data = load_json(raw, what=f"方案文件 {path.name} ", max_bytes=MAX_PLAN_FILE_BYTES)
    if not isinstance(data, dict) or not isinstance(data.get("sections"), list):
        raise InvalidInput(f"{path.name} 不是方案文件（省级台账“导出任务清单（含处室分工）”生成的 .json）")
    ours = plan_identity(ledger.plan())
    theirs = {"year": data.get("year"), "title": data.get("title"), "doc_no": data.get("doc_no", "")}
    if theirs != ours:
        raise InvalidInput(f"{path.name} 是另一方案（{theirs['year']}年《{theirs['title']}》）的方案文件，"
                           f"本台账当前方案是{ours['year']}年《{ours['title']}》")
    items = checked_rounds(data.get("rounds") or [], source=f"{path.name} ")
    from .ledger import record_audit
    with dbmod.transaction(ledger.db):
        added = store_rounds(ledger.db, ledger.plan_id, items, user=ledger.user)
        record_audit(ledger.db, ledger.user, "import_rounds", path.name, {"added": added})
    return added
