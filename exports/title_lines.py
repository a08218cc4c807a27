"""Breaking a 公文 title into lines (GB/T 9704-2012 7.3.1): between words, never inside
one; lines balanced (a trapezoid or diamond, not a full line and a stub); no lone tail such as
的报告 on the last line.

Plain Python, shared by the PDF and the Word report: the caller passes the width of each
character (points in the title's font, or ems) and the line width; the result is the lines,
which the PDF draws centred and the Word report joins with line breaks.

Words are found by longest match against a small dictionary of the words official titles
are made of, plus the words the caller knows (unit names); a break inside a run of unknown
characters is allowed but costs as much as a badly balanced line.
"""
from __future__ import annotations

from typing import Callable, Iterable

# Words of titles of work reports and plans. Longest match wins, so a long compound
# (市场监督管理局) keeps together while its parts still mark boundaries elsewhere.
TITLE_WORDS = frozenset("""
关于 工作 情况 报告 的报告 请示 通知 意见 方案 实施方案 年度 年度实施方案 上半年 下半年 全年
推动 推进 促进 加强 加快 深化 深入 全面 落实 贯彻 贯彻落实 实施 开展 完成 任务 重点 重点任务
知识产权 知识产权局 高质量 发展 高质量发展 建设 强国 强省 强市 强县 保护 运用 创造 管理 服务
创新 改革 提升 工程 行动 计划 规划 纲要 战略 体系 能力 水平 质量 专利 商标 版权 地理标志
市场 监督 监督管理 管理局 市场监督管理局 市场监管局 人民政府 政府 办公室 办公厅 委员会 领导小组
科学技术局 科技局 工业和信息化局 商务局 发展和改革委员会 示范区 济源示范区 管委会 开发区 高新区
营商环境 经济 社会 产业 企业 中小企业 试点 示范 标杆 引领 培育 转化 运营 审查 执法 维权 援助
宣传 培训 人才 文化 合作 交流 统计 监测 评价 考核 督导 督查 年度 以来 有关 相关 省 市 县 区
""".split())

_DIGITS = set("0123456789０１２３４５６７８９.．%％-—")
_OPENING = set("（(《“‘〔【〈「『")
_CLOSING = set("）)》”’〕】〉」』，。、；：？！")
_UNIT_END = set("局厅委办院会府处室所站队中心")

INSIDE_WORD = 60        # a break between two characters of no known word
WORD = 2                # a break between words
BEFORE_OF = 40          # a break before 的 (的报告 alone, 的 starting a line)
BEFORE_BRACKET = 25     # a break between a unit's name and its bracketed other name
INSIDE_BRACKETS = 45
BALANCE = 200           # weight of the squared deviation from equal lines (in line widths)
EXTRA_LINE = 35         # one line more than needed


def title_lines(text: str, width_of: Callable[[str], float], line_width: float, *,
                words: Iterable[str] = ()) -> list[str]:
    """``text`` as balanced lines no wider than ``line_width`` (``width_of(char)`` gives a
    character's width). A title that fits on one line stays one line."""
    text = " ".join(str(text).split())
    if not text:
        return [""]
    widths = [width_of(c) for c in text]
    total = sum(widths)
    if total <= line_width:
        return [text]
    penalty = _break_penalties(text, frozenset(words))
    n = len(text)
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)

    def width(i: int, j: int) -> float:
        return prefix[j] - prefix[i]

    fewest = _greedy_count(widths, line_width)
    best: tuple[float, list[int]] | None = None
    for count in (fewest, fewest + 1):
        mean = total / count
        inf = float("inf")
        # cost[k][j]: best cost of k lines covering text[:j]; back[k][j] the previous break.
        cost = [[inf] * (n + 1) for _ in range(count + 1)]
        back = [[0] * (n + 1) for _ in range(count + 1)]
        cost[0][0] = 0.0
        for k in range(1, count + 1):
            for j in range(1, n + 1):
                if k == count and j != n:
                    continue
                end_penalty = 0.0 if j == n else penalty[j]
                if end_penalty == inf:
                    continue
                for i in range(j - 1, -1, -1):
                    w = width(i, j)
                    if w > line_width + 1e-6:
                        break
                    if cost[k - 1][i] == inf:
                        continue
                    c = cost[k - 1][i] + end_penalty + BALANCE * ((w - mean) / line_width) ** 2
                    if c < cost[k][j]:
                        cost[k][j], back[k][j] = c, i
        if cost[count][n] == inf:
            continue
        total_cost = cost[count][n] + (EXTRA_LINE if count > fewest else 0)
        breaks, j = [], n
        for k in range(count, 0, -1):
            breaks.append(j)
            j = back[k][j]
        if best is None or total_cost < best[0]:
            best = (total_cost, sorted(breaks))
    if best is None:          # nothing fits the rules: break wherever the width ends
        return _greedy_lines(text, widths, line_width)
    lines, start = [], 0
    for end in best[1]:
        lines.append(text[start:end].strip())
        start = end
    return lines


def _greedy_count(widths: list[float], line_width: float) -> int:
    count, used = 1, 0.0
    for w in widths:
        if used + w > line_width + 1e-6 and used > 0:
            count, used = count + 1, 0.0
        used += w
    return count


def _greedy_lines(text: str, widths: list[float], line_width: float) -> list[str]:
    lines, start, used = [], 0, 0.0
    for i, w in enumerate(widths):
        if used + w > line_width + 1e-6 and i > start:
            lines.append(text[start:i])
            start, used = i, 0.0
        used += w
    lines.append(text[start:])
    return lines


def _break_penalties(text: str, extra: frozenset) -> list[float]:
    """penalty[i]: the cost of breaking before text[i] (inf where never allowed)."""
    n = len(text)
    inf = float("inf")
    words = TITLE_WORDS | extra
    longest = max(len(w) for w in words)
    # Longest-match segmentation: token boundaries and whether each token is a known word.
    starts = {}
    i = 0
    while i < n:
        for size in range(min(longest, n - i), 0, -1):
            piece = text[i:i + size]
            if size == 1 or piece in words:
                starts[i] = size > 1 or piece in words
                i += size
                break
    penalty = [inf] * (n + 1)
    depth = 0
    for i in range(1, n):
        prev, char = text[i - 1], text[i]
        depth += (prev in "（(〔【") - (prev in "）)〕】")
        if i in starts:
            known_after = starts[i]
            p = WORD if (known_after or _known_before(starts, i)) else INSIDE_WORD
        else:
            p = INSIDE_WORD * 3           # inside a known word
        if prev in _DIGITS and (char in _DIGITS or char in "年月日号家项个万亿元"):
            p = inf                       # 2021年, 100家, 4.2 stay whole
        if prev in _OPENING or char in _CLOSING:
            p = inf
        if prev == "的":
            p = inf                       # 的 goes with the word it qualifies
        elif char == "的":
            p = max(p, BEFORE_OF)
        if char in "（(" and prev in _UNIT_END:
            p = BEFORE_BRACKET
        elif depth > 0 and p != inf:
            p = max(p, INSIDE_BRACKETS)
        if text[i:i + 2] == "关于" and p != inf:
            p = 0                          # 关于 opens the title's second part
        penalty[i] = p
    return penalty


def _known_before(starts: dict[int, bool], i: int) -> bool:
    """Whether the token ending just before ``i`` is a known word."""
    j = i - 1
    while j >= 0 and j not in starts:
        j -= 1
    return bool(starts.get(j))
