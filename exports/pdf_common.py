"""What both PDFs share: Chinese line breaking, the result of an export, cancelling, and
writing to a temporary file that only becomes ``out_path`` once the PDF is complete.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .atomic import atomic_output
from models.errors import Cancelled, LedgerError
from models.wording import chinese_date  # noqa: F401  (one date style for every document)

# Closing punctuation that must not start a line (GB/T 15834 and common typesetting rules).
# ReportLab's own list is Japanese-centred and lacks ，；：？！》” among others.
CHINESE_CANNOT_START = "，。、；：？！）》」』”’〕】〉〗％‰·…—～"

Progress = Callable[[int, int], None] | None
CancelCheck = Callable[[], bool] | None


class MissingGlyphsError(LedgerError):
    """Raised instead of writing when ``strict`` is asked and some characters have no glyph."""


@dataclass
class PdfResult:
    """What an export made: the file, its page count, and warnings for the user (Chinese)."""
    path: Path
    pages: int
    warnings: list[str] = field(default_factory=list)
    fonts: list[str] = field(default_factory=list)


# Opening punctuation that must not end a line.
CHINESE_CANNOT_END = "（《「『“‘〔【〈〖"


def enable_chinese_line_breaking() -> None:
    """Teach ReportLab's ``wordWrap='CJK'`` the Chinese rules (idempotent).

    Closing punctuation (，。、；：？！）》」』”’…) never starts a line: the character before it
    moves down with it (ReportLab would hang it into the margin, or across a table border).
    Opening punctuation （《“〔 never ends a line: it moves down with the character it opens. ReportLab's own set is Japanese-centred and knows neither rule for
    these marks; both only ever move punctuation, so the patch is safe for any text.
    """
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    extra = "".join(c for c in CHINESE_CANNOT_START if c not in paragraph.ALL_CANNOT_START)
    if extra:
        paragraph.ALL_CANNOT_START += extra
        textsplit.ALL_CANNOT_START = paragraph.ALL_CANNOT_START
    if paragraph.cjkFragSplit is not _cjk_frag_split:
        paragraph.cjkFragSplit = _cjk_frag_split       # paragraphs of several fragments
    if textsplit.dumbSplit is not _dumb_split:
        textsplit.dumbSplit = _dumb_split               # paragraphs of one fragment
    if textsplit.getCharWidths is not _char_widths:
        textsplit.getCharWidths = _char_widths


_CHAR_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}


def _char_widths(word, fontName, fontSize):
    """ReportLab's ``textsplit.getCharWidths``, remembered per font, size and character.

    ReportLab measures every character of a paragraph again each time the paragraph is
    wrapped, and a table cell that runs over several pages is wrapped once per page: a
    20,000-character note took seconds in stringWidth alone.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth
    known = _CHAR_WIDTHS.setdefault((fontName, fontSize), {})
    widths = []
    for char in word:
        width = known.get(char)
        if width is None:
            width = known[char] = stringWidth(char, fontName, fontSize)
        widths.append(width)
    return widths


def _settle_break(text, i: int, line_start: int, width_of, cannot_start: str) -> tuple[int, float]:
    """Where a line that overflowed at ``text[i - 1]`` ends: (end index, width moved down).

    The overflowing character goes to the next line; if it is closing punctuation the
    character before it goes down with it (rather than hanging into the margin or a table
    border); a number such as 4.2 or a Latin word is not cut in two (unless it fills more
    than half the line); an opening mark never stays at the end of the line. At least one
    character always stays on the line, so wrapping makes progress.
    """
    if i <= line_start + 1:
        return i, 0.0
    end = i - 1
    while True:
        before = end
        while end > line_start + 1 and text[end] and text[end] in cannot_start:
            end -= 1
        run = end
        while run > line_start + 1 and _wordish(text[run]) and _wordish(text[run - 1]):
            run -= 1
        if run != end and (end - run) * 2 < end - line_start:
            end = run
        while end > line_start + 1 and text[end - 1] and text[end - 1] in CHINESE_CANNOT_END:
            end -= 1
        if end == before:
            break
    return end, sum(width_of(n) for n in range(end, i))


def _wordish(char) -> bool:
    """Part of a Latin word or a number (4.2, 2021, R&D), which a line break must not cut."""
    return bool(char) and ord(char) < 0x3000 and not char.isspace()


def _width(unit, max_width: float) -> float:
    w = unit.width
    if hasattr(w, "normalizedValue"):
        w._normalizer = max_width
        w = w.normalizedValue(max_width)
    return w


def _dumb_split(word, widths, maxWidths):
    """ReportLab 5.1's ``textsplit.dumbSplit`` (BSD licence) plus the can't-end-a-line rule."""
    from unicodedata import category

    from reportlab.lib import textsplit
    from reportlab.rl_config import _FUZZ

    if not isinstance(maxWidths, (list, tuple)):
        maxWidths = [maxWidths]
    lines = []
    i = width_used = line_start = 0
    max_width = maxWidths[0]
    count = len(word)
    while i < count:
        w = widths[i]
        c = word[i]
        width_used += w
        i += 1
        if width_used > max_width + _FUZZ and width_used > 0:
            extra_space = max_width - width_used
            if ord(c) < 0x3000:
                limit = (line_start + i) >> 1
                for j in range(i - 1, limit, -1):
                    cj = word[j]
                    if category(cj) == "Zs" or ord(cj) >= 0x3000:
                        k = j + 1
                        if k < i:
                            j = k + 1
                            extra_space += sum(widths[j:i])
                            i = j
                            break
            i, moved = _settle_break(word, i, line_start, lambda n: widths[n],
                                     textsplit.ALL_CANNOT_START)
            extra_space += moved
            lines.append([extra_space, word[line_start:i].strip()])
            try:
                max_width = maxWidths[len(lines)]
            except IndexError:
                max_width = maxWidths[-1]
            line_start = i
            width_used = 0
    if width_used > 0:
        lines.append([max_width - width_used, word[line_start:]])
    return lines


def _cjk_frag_split(frags, maxWidths, calcBounds, encoding="utf8"):
    """ReportLab 5.1's ``cjkFragSplit`` (BSD licence) plus the can't-end-a-line rule."""
    from unicodedata import category

    from reportlab.lib.utils import isBytes
    from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine
    from reportlab.platypus import paragraph
    from reportlab.rl_config import _FUZZ

    cannot_start = paragraph.ALL_CANNOT_START
    units = []
    for f in frags:
        text = f.text
        if isBytes(text):
            text = text.decode(encoding)
        if text:
            units.extend([cjkU(t, f, encoding) for t in text])
        else:
            units.append(cjkU(text, f, encoding))
    lines = []
    i = width_used = line_start = 0
    max_width = maxWidths[0]
    count = len(units)
    while i < count:
        u = units[i]
        i += 1
        width_used += _width(u, max_width)
        line_break = hasattr(u.frag, "lineBreak")
        if (width_used > max_width + _FUZZ and width_used > 0) or line_break:
            extra_space = max_width - width_used
            if not line_break:
                if ord(u) < 0x3000:
                    # Inside a run of Latin letters or digits: break at a space or where the
                    # CJK text resumes, at worst about half way back.
                    limit = (line_start + i) >> 1
                    for j in range(i - 1, limit, -1):
                        uj = units[j]
                        if uj and category(uj) == "Zs" or ord(uj) >= 0x3000:
                            k = j + 1
                            if k < i:
                                j = k + 1
                                extra_space += sum(units[ii].width for ii in range(j, i))
                                i = j
                                break
                i, moved = _settle_break(units, i, line_start, lambda n: _width(units[n], max_width),
                                         cannot_start)
                extra_space += moved
            lines.append(makeCJKParaLine(units[line_start:i], max_width, width_used, extra_space,
                                         line_break, calcBounds))
            try:
                max_width = maxWidths[len(lines)]
            except IndexError:
                max_width = maxWidths[-1]
            line_start = i
            width_used = 0
    if width_used > 0:
        lines.append(makeCJKParaLine(units[line_start:], max_width, width_used,
                                     max_width - width_used, False, calcBounds))
    return ParaLines(kind=1, lines=lines)


def check_cancel(cancelled: CancelCheck) -> None:
    """Raise models.errors.Cancelled when the user asked to stop."""
    if cancelled and cancelled():
        raise Cancelled("已取消导出，未生成文件")


def build_atomically(out_path: Path, build: Callable[[str], int]) -> int:
    """Run ``build(temp_file_name)`` and move the result to ``out_path`` only if it succeeds."""
    with atomic_output(out_path, suffix=".pdf.tmp") as temp:
        return build(str(temp))


def progress_hook(progress: Progress, cancelled: CancelCheck, *, start: int, span: int,
                  total: int) -> Callable[[str, int], None]:
    """A ReportLab progress callback that maps laying out onto ``progress`` and honours cancel.

    ``start``/``span`` place the layout phase inside the overall ``total`` steps.
    """
    state = {"size": 1, "last": start}

    def hook(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            state["size"] = max(1, value)
        elif kind == "PROGRESS":
            check_cancel(cancelled)
            # ReportLab re-estimates as flowables split; never let the bar run backwards.
            done = max(state["last"], start + min(span, span * value // state["size"]))
            if progress and done != state["last"]:
                progress(done, total)
            state["last"] = done
    return hook


def cjk_paragraph(text: str, style):
    """A ReportLab Paragraph for Chinese text: laid out once per width, and safe to split.

    * A long table is re-measured every time it splits at a page end, and every cell is
      wrapped again at the same width; line breaking depends only on the width, so the
      result is kept. This turns the 100-page report from quadratic into linear work.
    * ReportLab 5.1 crashes ("'FragLine' object is not subscriptable") drawing the first
      part of a split CJK paragraph of several fragments when that part holds one fragment:
      it re-labels the split lines as simple ones. Lines of fragments are kept as such.
    * When such a paragraph continues on the next page (a long table cell), ReportLab joins
      the lines it carries over with a space, as if they had broken at spaces between Latin
      words: 装 备制造, 下一 步 in print and in copied text. Chinese lines break between
      characters, so the carried-over lines are joined as they are.
    """
    return _paragraph_class()(text, style)


_CLASS = []


def _join_cjk_lines(bl_para, start: int, stop: int) -> list:
    """The fragments of lines ``start:stop`` in order, without the space ReportLab's
    ``_split_blParaHard`` appends to every line but the last (and writes into the shared
    fragments themselves)."""
    return [word for line in bl_para.lines[start:stop] for word in line.words]


def _paragraph_class():
    if not _CLASS:
        from reportlab.platypus import Paragraph

        class CJKParagraph(Paragraph):
            _wrapped_at = None

            def wrap(self, availWidth, availHeight):
                if self._wrapped_at == availWidth:
                    return self.width, self.height
                result = super().wrap(availWidth, availHeight)
                self._wrapped_at = availWidth
                return result

            def split(self, availWidth, availHeight):
                self._wrapped_at = None          # split() may re-wrap and trim this one
                return super().split(availWidth, availHeight)

            def _get_split_blParaFunc(self):
                from reportlab.platypus.paragraph import _split_blParaHard

                func = super()._get_split_blParaFunc()
                return _join_cjk_lines if func is _split_blParaHard else func

            def breakLinesCJK(self, maxWidths):
                # split() labels every part kind 1; the lines themselves tell the truth:
                # tuples for simple lines, FragLine objects for lines of fragments.
                bl_para = getattr(self, "blPara", None)
                lines = getattr(bl_para, "lines", None)
                if (getattr(self, "_splitpara", 0) and lines
                        and not isinstance(lines[0], (tuple, list))):
                    bl_para.kind = 1
                    return bl_para
                return super().breakLinesCJK(maxWidths)

        _CLASS.append(CJKParagraph)
    return _CLASS[0]
