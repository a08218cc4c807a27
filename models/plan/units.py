"""Unit text of a task list → the units it names, each with its role.

What offices write in a 责任单位 cell or after an item, and how it is read:

- names are separated by 、 ， ； / and line breaks, but only outside brackets:
  各县（市、区）人民政府 is one name;
- 牵头单位：A，责任单位：B、C / A牵头，B配合 / （A负责） / A、B按职责分工负责: roles. 牵头/主办/主责
  mark the lead; 配合/协办/参与/协助 the assisting units; 责任/负责 are the responsible units, who
  assist where the text also names a lead (and lead where it names only assisting units);
- 等 closes an open list (A、B等单位 → A, B); 有关/相关 mark units that confirm whether they are
  involved;
- collective names stand for a kind of unit (各省辖市 → every 省辖市 of the plan's unit list,
  各县（市、区） → every county and district, 市直各有关单位 → the departments, each confirming);
- a clause that is no unit (预期性指标, 2022年6月底前完成) is set aside: a deadline becomes the
  measure's 完成时限 when it has none, anything else is reported as a doubt.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .deadlines import looks_like_deadline

LEAD, ASSISTING, RESPONSIBLE = "lead", "assisting", ""
ROLE_LABELS = {LEAD: "牵头单位", ASSISTING: "配合单位"}

# Marks that stand for the whole responsibility cell (kept as before: scope issuer/relevant).
ISSUER_MARKS = {"--", "—", "——", "-", "－－", "－", "/", "省局", "省级"}
RELEVANT_MARKS = ("相关地市", "有关地市", "相关省辖市", "有关省辖市", "相关单位", "有关单位",
                  "各有关单位", "各相关单位")

# The kinds a unit list knows (models.plan.store.UNIT_KINDS repeats them for the ledger).
KIND_LABELS = {"city": "省辖市", "zone": "示范区", "county": "省直管县（市）",
               "district": "县（市、区）", "department": "部门单位", "street": "乡镇（街道）",
               "park": "开发区（园区）", "division": "处室", "other": "其他"}
# Kinds that are not "the units" of a list: names only the document brings in, and the
# issuing office's own divisions (they carry the 省级 measures, issue 16).
OUTSIDE_KINDS = ("other", "division")

MAX_UNIT_TEXT = 2000
MAX_NAME = 60

_OPEN, _CLOSE = "（(〔[【《“［", "）)〕]】》”］"
_PAREN = str.maketrans({"(": "（", ")": "）"})

_LABEL = re.compile(r"(牵头单位|牵头部门|牵头处室|牵头科室|牵头领导单位|主办单位|主责单位|主责部门|"
                    r"责任单位|责任部门|责任处室|责任科室|责任主体|配合单位|配合部门|配合处室|"
                    r"协办单位|协办部门|参与单位|参与部门|协同单位|协助单位|实施单位|落实单位|"
                    r"承办单位|执行单位|执行部门|牵头|配合|协办)\s*[:：]")
_SUFFIXES = (
    (re.compile(r"(?:分别|共同)?牵头(?:负责|抓总|推进|落实)?$"), LEAD),
    (re.compile(r"主办$"), LEAD),
    (re.compile(r"(?:配合|协办|参与|协助|协同)(?:落实|推进)?$"), ASSISTING),
    (re.compile(r"(?:按照?职责分工|按照?职责|根据职责|依职责|按分工)?(?:分别|共同|具体)?(?:负责|落实|推进)$"),
     RESPONSIBLE),
)
_OPEN_LIST = re.compile(r"等(?:有关|相关)?(?:单位|部门|地方)?$")
_GOV_SUFFIX = re.compile(r"(?:人民政府|政府|管委会|管理委员会|办事处)$")
_AND = re.compile(r"以及|及|和|与")
# Words that never appear in a unit's name but do in the sentences set beside units.
_NOT_A_UNIT = re.compile(r"以下|均需|不再|指标|完成|开展|实现|确保|力争|每年|逐一|列出|工作$|任务$")
_UNIT_END = re.compile(r"(?:局|委|办|厅|署|院|府|政府|区|县|市|镇|乡|街道|办事处|中心|会|队|处|室|科|部|"
                       r"部门|单位|公司|集团|社|站|所|行|馆|台|团|校|学院|大学|医院|专班|小组|组|"
                       r"管委会|示范区|旗|州|盟|机关|法院|检察院)$")

_RELEVANT_WORD = re.compile(r"有关|相关")
_GOV = r"(?:人民政府|政府|管委会|管理委员会|办事处|（办事处）)*"
_PREFIX = r"(?:各|有关|相关|各有关|各相关|全市各|全区各|全县各|全省各)"
_COLLECTIVES: tuple[tuple[re.Pattern, tuple[str, ...]], ...] = (
    (re.compile(rf"^(?:各|全省各)省辖市{_GOV}$"), ("city",)),
    (re.compile(rf"^{_PREFIX}(?:地市|市|设区市|地级市|省辖市（示范区）){_GOV}$"), ("city", "zone")),
    (re.compile(rf"^{_PREFIX}?市县$|^各市、县$"), ("city", "zone", "county")),
    (re.compile(rf"^{_PREFIX}?省直管县(?:（市）|市)?{_GOV}$"), ("county",)),
    (re.compile(rf"^{_PREFIX}(?:县（市、区）|县（区、市）|县（市）|县（区）|县市区|县区|区县|县市|县){_GOV}$"),
     ("district", "county")),
    (re.compile(rf"^{_PREFIX}(?:区|城区|市辖区){_GOV}$"), ("district",)),
    (re.compile(rf"^{_PREFIX}(?:乡镇（街道）|镇（街道）|乡（镇）|乡、镇|乡镇、街道|乡镇街道|街道（乡镇）|"
                rf"街道|乡镇|镇|街镇){_GOV}$"), ("street",)),
    (re.compile(rf"^{_PREFIX}(?:开发区|园区|功能区|产业集聚区|经开区|高新区|产业园区|开发区（园区）)"
                r"(?:管委会|管理委员会)?$"), ("park",)),
    (re.compile(r"^(?:省|市|区|县)(?:直|级|政府)?(?:各)?(?:有关|相关)?(?:部门|单位|委办局|部门单位)$"),
     ("department",)),
    (re.compile(rf"^{_PREFIX}(?:部门|委办局|职能部门)$"), ("department",)),
    (re.compile(r"^(?:局|厅)?(?:机关)?(?:各|有关|相关|各有关|各相关)(?:处室|科室|处（室）)$"), ("division",)),
)


@dataclass(frozen=True)
class Part:
    """One name in a unit text: a unit, a collective (the kinds it stands for) or a mark."""
    name: str
    role: str = RESPONSIBLE
    kinds: tuple[str, ...] = ()      # a collective: the kinds of unit it stands for
    relevant: bool = False           # 有关/相关: each unit confirms whether it is involved
    mark: str = ""                   # "issuer" (--), "relevant" (相关地市: every unit confirms)


@dataclass
class UnitText:
    """A unit text read: its parts, and what it held that was not a unit."""
    parts: list[Part] = field(default_factory=list)
    deadline_text: str = ""          # 2022年6月底前完成 written among the units
    notes: list[str] = field(default_factory=list)   # clauses that are no unit (预期性指标)
    open_list: bool = False          # the list ends with 等

    @property
    def roles_given(self) -> bool:
        """Whether the text distinguishes lead and assisting units."""
        return any(p.role in (LEAD, ASSISTING) for p in self.parts)


def normalize_name(name: str) -> str:
    """A name compared as offices mean it: no spaces, Chinese brackets, no trailing 、。"""
    name = re.sub(r"[\s\u3000\xa0]+", "", str(name or "")).translate(_PAREN)
    return name.strip("、，,；;。.：:")


def split_top(text: str, separators: str) -> list[str]:
    """``text`` split at ``separators`` that stand outside every bracket; pieces trimmed."""
    pieces, current, depth = [], [], 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif depth == 0 and ch in separators:
            pieces.append("".join(current).strip())
            current = []
            continue
        current.append(ch)
    pieces.append("".join(current).strip())
    return [p for p in pieces if p]


def _depths(text: str) -> list[int]:
    depths, depth = [], 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
            depths.append(depth)
            continue
        depths.append(depth)
        if ch in _CLOSE and depth:
            depth -= 1
    return depths


def _closing_index(text: str, start: int) -> int | None:
    depth = 0
    for index in range(start, len(text)):
        if text[index] in _OPEN:
            depth += 1
        elif text[index] in _CLOSE:
            depth -= 1
            if depth == 0:
                return index
    return None


def strip_outer_brackets(text: str) -> str:
    """（市知识产权局负责） → 市知识产权局负责; 〔牵头单位：…〕 likewise."""
    text = text.strip().rstrip("。；;")
    while text and text[0] in _OPEN and _closing_index(text, 0) == len(text) - 1:
        text = text[1:-1].strip().rstrip("。；;")
    return text


@lru_cache(maxsize=8192)
def collective_kinds(name: str) -> tuple[str, ...] | None:
    """The kinds of unit a collective name stands for (各省辖市 → city), None for a unit."""
    name = normalize_name(name)
    for pattern, kinds in _COLLECTIVES:
        if pattern.match(name):
            return kinds
    return None


@lru_cache(maxsize=8192)
def is_unitlike(name: str) -> bool:
    """Whether ``name`` reads as a unit, a collective or a mark (not a sentence)."""
    name = normalize_name(name)
    if not name or len(name) > MAX_NAME:
        return False
    if name in ISSUER_MARKS or name in RELEVANT_MARKS or collective_kinds(name):
        return True
    if _NOT_A_UNIT.search(name):
        return False
    return bool(_UNIT_END.search(name))


def _accepted(name: str) -> bool:
    """A name kept as a unit: it reads as one, or at least is no sentence or deadline."""
    if is_unitlike(name):
        return True
    return (len(name) <= MAX_NAME and not _NOT_A_UNIT.search(name)
            and not looks_like_deadline(name))


def _part(name: str, role: str) -> Part:
    name = normalize_name(name)
    if name in ISSUER_MARKS:
        return Part(name, role, mark="issuer")
    if name in RELEVANT_MARKS:
        return Part(name, role, relevant=True, mark="relevant")
    kinds = collective_kinds(name)
    if kinds:
        return Part(name, role, kinds=kinds, relevant=bool(_RELEVANT_WORD.search(name)))
    return Part(name, role)


def _names(clause: str) -> tuple[list[str], bool]:
    """The names in one clause (、 / 及 separated), and whether it ended with 等."""
    names, open_list = [], False
    for piece in split_top(clause, "、，,；;/\n"):
        piece = normalize_name(piece)
        if not piece:
            continue
        stripped = _OPEN_LIST.sub("", piece)
        if stripped != piece:
            open_list, piece = True, stripped
        # "市级各有关部门及各县市区政府": 及/和 join two units, never inside one name
        pieces = [p for p in _AND.split(piece) if p]
        if len(pieces) > 1 and all(is_unitlike(p) for p in pieces):
            names.extend(normalize_name(p) for p in pieces)
        elif piece:
            names.append(piece)
    return names, open_list


def _role_of_suffix(clause: str) -> tuple[str | None, str]:
    for pattern, role in _SUFFIXES:
        match = pattern.search(clause)
        if match and match.start() > 0:
            return role, clause[:match.start()]
    return None, clause


def _label_role(label: str) -> str:
    if label.startswith(("牵头", "主办", "主责")):
        return LEAD
    if label.startswith(("配合", "协办", "参与", "协同", "协助")):
        return ASSISTING
    return RESPONSIBLE


def parse_unit_text(text: str, *, default_role: str = RESPONSIBLE) -> UnitText:
    """Read a unit text (a 责任单位 cell, a bracket after an item) into parts with roles.

    Lists repeat the same unit texts row after row: each is read once (the result is shared,
    callers only read it).
    """
    return _parse_unit_text(str(text or "")[:MAX_UNIT_TEXT], default_role)


@lru_cache(maxsize=4096)
def _parse_unit_text(text: str, default_role: str) -> UnitText:
    result = UnitText()
    text = strip_outer_brackets(text.translate(_PAREN))
    flat = normalize_name(text)
    if not flat:
        return result
    if flat in ISSUER_MARKS:
        result.parts.append(Part(flat, mark="issuer"))
        return result
    # Labelled segments: 牵头单位：…，责任单位：…
    depths = _depths(text)
    labels = [m for m in _LABEL.finditer(text) if depths[m.start()] == 0]
    segments: list[tuple[str | None, str]] = []
    if labels:
        if labels[0].start() > 0:
            segments.append((None, text[:labels[0].start()]))
        for index, match in enumerate(labels):
            end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
            segments.append((_label_role(match.group(1)), text[match.end():end]))
    else:
        segments.append((None, text))
    for label_role, segment in segments:
        clauses = split_top(segment, "；;，,\n") if label_role is None else [segment]
        for clause in clauses:
            clause = clause.strip().strip("、，,；;。")
            if not clause:
                continue
            role, rest = _role_of_suffix(clause)
            if label_role is not None:
                role = label_role if role is None or role == RESPONSIBLE else role
            role = default_role if role is None else role
            names, open_list = _names(rest)
            result.open_list |= open_list
            accepted = [n for n in names if _accepted(n)]
            if not accepted:
                if looks_like_deadline(clause) and not result.deadline_text:
                    result.deadline_text = clause
                else:
                    result.notes.append(clause)
                continue
            for name in names:
                if name in accepted:
                    result.parts.append(_part(name, role))
                elif looks_like_deadline(name) and not result.deadline_text:
                    result.deadline_text = name
                else:
                    result.notes.append(name)
    return result


def name_key(name: str) -> str:
    """郑州市人民政府 and 郑州市 name the same unit; so do 济源示范区管委会 and 济源示范区."""
    name = normalize_name(name)
    return _GOV_SUFFIX.sub("", name) or name


@dataclass
class Member:
    """A unit a measure concerns: its name on the unit list, its role, whether it confirms."""
    name: str
    role: str
    relevant: bool = False


@dataclass
class Resolution:
    """Who a measure concerns, resolved against the plan's unit list."""
    scope: str                                     # issuer / all / relevant / named
    members: list[Member] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)    # names the list lacks
    empty: list[str] = field(default_factory=list)      # collectives with no unit on the list
    roles_given: bool = False
    notes: list[str] = field(default_factory=list)
    deadline_text: str = ""

    @property
    def lead(self) -> list[str]:
        """The responsible units (lead, or every unit when the list gives no roles)."""
        return [m.name for m in self.members if m.role in (LEAD, RESPONSIBLE)]

    @property
    def assisting(self) -> list[str]:
        return [m.name for m in self.members if m.role == ASSISTING]


def resolve_unit_text(text: str, units: list[dict], *,
                      default_role: str = RESPONSIBLE) -> Resolution:
    """Resolve a unit text against ``units`` (the plan's list: dicts with name and kind).

    The scope is "issuer" for -- or no text, "relevant" for 相关地市 alone, "all" when the text
    names (without roles) exactly every unit of the list, else "named" with its members.
    """
    read = parse_unit_text(text, default_role=default_role)
    resolution = Resolution(scope="issuer", roles_given=read.roles_given, notes=read.notes,
                            deadline_text=read.deadline_text)
    parts = read.parts
    if not parts or (len(parts) == 1 and parts[0].mark == "issuer"):
        return resolution
    if len(parts) == 1 and parts[0].mark == "relevant" and not read.roles_given:
        resolution.scope = "relevant"
        return resolution
    has_lead = any(p.role == LEAD for p in parts)
    listed = [u for u in units if u.get("kind") not in OUTSIDE_KINDS]
    by_key = {}
    for unit in units:
        by_key.setdefault(name_key(unit["name"]), unit["name"])
    members: dict[str, Member] = {}

    def add(name: str, role: str, relevant: bool) -> None:
        known = members.get(name)
        if known is None:
            members[name] = Member(name, role, relevant)
        elif known.role == ASSISTING and role != ASSISTING:
            known.role = role         # named as lead somewhere: lead wins
        if known is not None and not relevant:
            known.relevant = False    # named outright: no need to confirm

    collective = False
    for part in parts:
        role = part.role
        if read.roles_given and role == RESPONSIBLE:
            role = ASSISTING if has_lead else LEAD
        if part.mark == "issuer":
            continue
        if part.mark == "relevant":
            collective = True
            for unit in listed:
                add(unit["name"], role, True)
            continue
        if part.kinds:
            collective = True
            found = [u["name"] for u in listed if u.get("kind") in part.kinds]
            if not found:
                resolution.empty.append(part.name)
            for name in found:
                add(name, role, part.relevant)
            continue
        name = by_key.get(name_key(part.name))
        if name is None:
            name = part.name
            if name not in resolution.unknown:
                resolution.unknown.append(name)
        add(name, role, False)
    resolution.members = list(members.values())
    everyone = {u["name"] for u in listed}
    if (collective and not read.roles_given and everyone
            and not any(m.relevant for m in resolution.members)
            and {m.name for m in resolution.members} == everyone):
        resolution.scope = "all"
        resolution.members = []
        return resolution
    resolution.scope = "named"
    return resolution


# ---- a unit's kind from its name -------------------------------------------------------------
_DIVISION = re.compile(r"(?<!办公)(?:处|科|室)$")
_STREET = re.compile(r"(?:街道|街道办事处|办事处|镇|乡)(?:人民政府|政府)?$")
_PARK = re.compile(r"(?:开发区|高新区|园区|功能区|集聚区|试验区|实验区|新区|港区|管委会|管理委员会)$")
_DISTRICT = re.compile(r"(?:区|县|旗)(?:人民政府|政府)?$")
_CITY = re.compile(r"市(?:人民政府|政府)?$")
_DEPARTMENT = re.compile(r"(?:局|委|办|厅|署|院|中心|会|队|部|公司|集团|社|站|所|行|馆|台|团|校|学院|"
                         r"大学|医院|办公室|专班|小组|法院|检察院|机关|协会)$")


def guess_kind(name: str, *, city_level: bool = False) -> str:
    """The kind of a unit named in a list without a unit list to say it.

    ``city_level``: the list is a city's (its 市 names are county-level cities, kind
    "district"), not a province's (its 市 names are 省辖市, kind "city").
    """
    name = normalize_name(name)
    for pattern, kind in ((_STREET, "street"), (_PARK, "park"), (_DIVISION, "division"),
                          (_DEPARTMENT, "department"), (_DISTRICT, "district")):
        if pattern.search(name):
            return kind
    if _CITY.search(name):
        return "district" if city_level else "city"
    return "other"
