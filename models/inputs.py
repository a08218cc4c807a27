"""What comes in from a clerk, a command line or a file is checked here, where it enters.

Dates, figures and text are validated before any write, each with a one-line message that
names the field, the value and the rule, so a bad value never reaches the ledger (and never
breaks an export later: a U+FFFF in a note once made every Excel export fail).
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date

from .deadlines import today
from .errors import InvalidInput

# Dates a ledger holds: the plans are yearly work from 2000 on; 0001-01-01 or 9999-12-31 is a
# typing slip, not a plan year.
EARLIEST_YEAR, LATEST_YEAR = 1990, 2100
# Longest text one field takes (a progress entry, 存在问题, a note): a long report paragraph
# fits; a pasted document does not (it would also make every PDF slow to set).
MAX_TEXT_CHARS = 20_000
MAX_NAME_CHARS = 200
# Largest figure a measure's target can be reported against (亿元, 家, %).
MAX_FIGURE = 1e12

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Plain decimal notation only: digits, one point, thousands separators between groups of 3.
_NUMBER_RE = re.compile(r"^[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?$|^[+-]?\.[0-9]+$")
# Control characters other than tab and newline; Unicode non-characters (U+FFFE, U+FFFF,
# U+FDD0–U+FDEF and the last two of every plane); lone surrogates (undecodable bytes).
_STRIP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufdd0-\ufdef\ufffe\uffff"
                    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}"
                              for plane in range(1, 17)) + "]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_date(value: str | date | None, *, what: str = "日期") -> str:
    """A YYYY-MM-DD string (today when None) between 1990 and 2100; InvalidInput otherwise."""
    if value is None:
        return today().isoformat()
    if isinstance(value, date):
        parsed = value
    else:
        text = str(value).strip()
        try:
            if not _DATE_RE.match(text):
                raise ValueError
            parsed = date.fromisoformat(text)
        except ValueError:
            raise InvalidInput(f"{what}“{_shown(text)}”无效，应为 YYYY-MM-DD，例如 2021-11-30") from None
    if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        raise InvalidInput(f"{what}“{parsed.isoformat()}”超出可用范围（{EARLIEST_YEAR}—{LATEST_YEAR}年），"
                           "请检查年份")
    return parsed.isoformat()


def parse_number(value, *, what: str = "完成值", negative: bool = False) -> float:
    """A figure typed by a clerk: decimal notation (full-width digits accepted), thousands
    separators only between groups of three, at most 10¹² in size; negative only when
    ``negative`` (a rate may fall; a count of 家 or 项 cannot)."""
    text = unicodedata.normalize("NFKC", str(value)).strip().replace("，", ",")
    if not _NUMBER_RE.match(text):
        raise InvalidInput(f"{what}“{_shown(str(value))}”不是数字（请写成 12、12.5 或 1,200 这样的形式）")
    number = float(text.replace(",", ""))
    if number < 0 and not negative:
        raise InvalidInput(f"{what}“{_shown(str(value))}”不能为负数")
    if abs(number) > MAX_FIGURE:
        raise InvalidInput(f"{what}“{_shown(str(value))}”过大（上限 {MAX_FIGURE:.0e}）")
    return number


def clean_text(value, *, what: str, limit: int = MAX_TEXT_CHARS, strip: bool = True) -> str:
    """Text a clerk typed, as the ledger stores it: line ends made \\n, control characters and
    Unicode non-characters removed. Refused when it holds undecodable bytes (a file or a
    terminal not in UTF-8) or is longer than ``limit`` characters."""
    text = "" if value is None else str(value)
    if _SURROGATE.search(text):
        raise InvalidInput(f"{what}含有无法识别的字符（不是有效的 UTF-8 文本），请重新输入")
    text = _STRIP.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if strip:
        text = text.strip()
    if len(text) > limit:
        raise InvalidInput(f"{what}过长（{len(text)} 字，上限 {limit} 字），请精简或作为佐证材料附上")
    return text


def clean_name(value, *, what: str) -> str:
    """A short name (unit, person, file name): one line, at most 200 characters.

    Undecodable bytes in a file name become "_" rather than a refusal: the file itself is
    fine, only its name came from a system in another encoding.
    """
    text = _SURROGATE.sub("_", "" if value is None else str(value))
    text = " ".join(_STRIP.sub("", text).split())
    if len(text) > MAX_NAME_CHARS:
        raise InvalidInput(f"{what}过长（{len(text)} 字，上限 {MAX_NAME_CHARS} 字）")
    return text


def _shown(text: str) -> str:
    """A value quoted back in a message: printable and short."""
    text = _SURROGATE.sub("?", _STRIP.sub("", text))
    return text if len(text) <= 40 else text[:40] + "…"


# ---- JSON from files (plans, package and backup manifests, feedback) -------------------------
MAX_JSON_DEPTH = 64


def load_json(raw: bytes | str, *, what: str, max_bytes: int, max_depth: int = MAX_JSON_DEPTH):
    """Parse JSON that came in a file, refusing with one line what would hurt: more than
    ``max_bytes``, nesting deeper than ``max_depth`` (a 200,000-deep manifest once ended in a
    RecursionError), NaN/Infinity, numbers too long to read, bytes that are not UTF-8."""
    if len(raw) > max_bytes:
        raise InvalidInput(f"{what}过大（{len(raw)} 字节，上限 {max_bytes} 字节）")
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InvalidInput(f"{what}不是 UTF-8 编码的 JSON") from None
    depth = json_depth(raw)
    if depth > max_depth:
        raise InvalidInput(f"{what}嵌套过深（{depth} 层，上限 {max_depth} 层）")

    def no_constant(name):
        raise ValueError(f"不允许 {name}")
    try:
        import json
        return json.loads(raw, parse_constant=no_constant)
    except (ValueError, RecursionError) as exc:
        raise InvalidInput(f"{what}不是有效的 JSON：{str(exc)[:80]}") from None


def json_depth(text: str) -> int:
    """The deepest nesting of [ and { in JSON text (strings skipped), without parsing it."""
    depth = deepest = 0
    in_string = False
    skip_at = -1                                  # the character a backslash escapes
    for match in _JSON_MARKS.finditer(text):
        at, ch = match.start(), match.group()
        if at == skip_at:
            continue
        if in_string:
            if ch == "\\":
                skip_at = at + 1
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


_JSON_MARKS = re.compile(r'[\[\]{}"\\]')
