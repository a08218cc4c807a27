"""Fonts for the PDFs: which file plays 仿宋, 黑体, 楷体, 宋体 and the 小标宋-style title.

Order for every role: a font the user chose → the PC's own (Windows C:\\Windows\\Fonts and the
per-user font folder; CESI/WPS fonts on 统信 UOS / 麒麟 Kylin; common Linux folders) → the
freely licensed TrueType fonts shipped in resources/fonts (see its README.md).

ReportLab embeds only TrueType (glyf) outlines, always as a subset; a CFF/OpenType file is
refused when loaded and simply skipped here. The non-embedded CID font STSong-Light is never
used: common viewers show it blank.

Glyph coverage is checked before anything is written: :func:`missing_glyphs` names the
characters a font lacks; :class:`FontSet.markup` falls back, per character, to another font of
the set that has the glyph and records what no font has, so the export can warn instead of
printing silent blanks.
"""
from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from models.errors import LedgerError
from models.paths import resource_path

FANGSONG, HEITI, KAITI, SONG, TITLE = "fangsong", "heiti", "kaiti", "song", "title"
ROLES = (FANGSONG, HEITI, KAITI, SONG, TITLE)
ROLE_LABELS = {FANGSONG: "仿宋", HEITI: "黑体", KAITI: "楷体", SONG: "宋体", TITLE: "标题（小标宋）"}

# Chinese names a user may give on the command line (--font 黑体=PATH).
ROLE_ALIASES = {"仿宋": FANGSONG, "正文": FANGSONG, "黑体": HEITI, "楷体": KAITI, "宋体": SONG,
                "标题": TITLE, "小标宋": TITLE, **{r: r for r in ROLES}}

# File names as Chinese Windows, WPS, 方正 installers and the CESI fonts of 统信 UOS / 麒麟 ship
# them, best first. A .ttc entry may carry "#index" for its sub-font.
SYSTEM_CANDIDATES: dict[str, tuple[str, ...]] = {
    FANGSONG: ("仿宋_GB2312.ttf", "FS_GB2312.ttf", "FangSong_GB2312.ttf", "CESI_FS_GB2312.TTF",
               "simfang.ttf", "方正仿宋_GBK.ttf", "FZFSK.TTF", "STFANGSO.TTF"),
    HEITI: ("simhei.ttf", "CESI_HT_GB2312.TTF", "方正黑体_GBK.ttf", "FZHTK.TTF", "STHeiti.ttf",
            "msyh.ttc#0"),
    KAITI: ("楷体_GB2312.ttf", "KaiTi_GB2312.ttf", "KT_GB2312.ttf", "CESI_KT_GB2312.TTF",
            "simkai.ttf", "方正楷体_GBK.ttf", "FZKTK.TTF", "STKAITI.TTF"),
    SONG: ("simsun.ttc#0", "CESI_SS_GB2312.TTF", "方正书宋_GBK.ttf", "FZSSK.TTF", "STSONG.TTF",
           "simsun.ttf"),
    TITLE: ("方正小标宋简体.ttf", "方正小标宋_GBK.ttf", "FZXBSJW.TTF", "FZXBSK.TTF",
            "FZXiaoBiaoSong-B05S.ttf", "FZXiaoBiaoSong-B05.ttf", "CESI_XBS_GB2312.TTF",
            "方正小标宋简体.TTF"),
}

# The shipped fonts (resources/fonts): 报宋 stands in for 仿宋/宋体/小标宋, 楷体 is a 楷体,
# 文泉驿微米黑 a 黑体. Free 仿宋 fonts in TrueType outlines are not to be had, so a Song face
# stands in; on a Chinese Windows PC the real 仿宋 is found first.
BUNDLED = {
    FANGSONG: "gbsn00lp.ttf", SONG: "gbsn00lp.ttf", TITLE: "gbsn00lp.ttf",
    KAITI: "gkai00mp.ttf", HEITI: "wqy-microhei.ttc#0",
}
BUNDLED_FALLBACK = "wqy-microhei.ttc#0"     # the widest coverage shipped (GBK and more)

# Rare characters (CJK Extension B and beyond, e.g. 𠀀 in a person's or a company's name):
# Windows ships SimSun-ExtB (simsunb.ttf) for exactly these; MingLiU-ExtB on Traditional
# Chinese Windows. Else the shipped 花園明朝B (HanaMinB, GlyphWiki, OFL / Hanazono licence),
# TrueType glyf outlines covering all of Extension B. Both are large and rarely needed, so
# they are loaded only when a character no other font has turns up.
RARE_CANDIDATES = ("simsunb.ttf", "SimSun-ExtB.ttf", "mingliub.ttc#0")
BUNDLED_RARE = "HanaMinB.ttf"
RARE_ROLE = SONG

FONT_DIRS_ENV = "TASKLEDGER_FONT_DIRS"       # os.pathsep-separated; replaces the system folders


class FontError(LedgerError):
    """A font file the user chose cannot be used (missing, not a font, CFF outlines…)."""


@dataclass
class PdfFont:
    """One loaded TrueType font, registered with ReportLab under ``name``."""
    role: str
    name: str              # the ReportLab font name (unique per file and sub-font)
    path: Path
    index: int
    source: str            # "user", "system" or "bundled" ("rare-…" for the rare-character font)
    family: str            # the font's own name, for messages
    glyphs: frozenset = field(repr=False, default=frozenset())
    stand_in: bool = False  # a Song face playing 小标宋: the title is drawn emboldened

    def has(self, char: str) -> bool:
        """Whether the font has a glyph for ``char``."""
        return ord(char) in self.glyphs

    def describe(self) -> str:
        """'仿宋：simfang.ttf（本机字体）' — for the export's report to the user."""
        where = {"user": "指定字体", "system": "本机字体", "rare-system": "本机字体",
                 "bundled": "内置开源字体", "rare-bundled": "内置开源字体"}[self.source]
        return f"{ROLE_LABELS[self.role]}：{self.family}（{self.path.name}，{where}）"


def missing_glyphs(text: str, font: PdfFont) -> list[str]:
    """Characters of ``text`` that ``font`` has no glyph for, each once, in order of appearance.

    Whitespace and control characters are ignored (they are never drawn as glyphs).
    """
    seen, missing = set(), []
    for char in text:
        if char in seen or char.isspace() or ord(char) < 32:
            continue
        seen.add(char)
        if not font.has(char):
            missing.append(char)
    return missing


def _split_index(spec: str | os.PathLike) -> tuple[Path, int]:
    text = str(spec)
    head, sep, tail = text.rpartition("#")
    if sep and tail.isdigit():
        return Path(head), int(tail)
    return Path(text), 0


_LOADED: dict[tuple[str, int], tuple[str, str, frozenset]] = {}


def _to_unicode_cmap(fontname, subset):
    """ReportLab 5.1's ``makeToUnicodeCMap`` (BSD licence), writing each character as
    UTF-16BE as the PDF reference asks: ReportLab writes U+20000 as <20000>, so a rare
    character (CJK Extension B) printed fine but copied or searched as garbage."""
    def utf16(code: int) -> str:
        return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        "<< /Registry (%s)" % fontname, "/Ordering (%s)" % fontname, "/Supplement 0", ">> def",
        "/CMapName /%s def" % fontname, "/CMapType 2 def", "1 begincodespacerange",
        "<00> <%02X>" % (len(subset) - 1), "endcodespacerange",
        "%d beginbfchar" % len(subset),
        *["<%02X> <%s>" % (i, utf16(v)) for i, v in enumerate(subset)],
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"])


def load_font(spec: str | os.PathLike, *, role: str, source: str) -> PdfFont:
    """Load a TrueType font file (``path`` or ``path#subfont`` for a .ttc) for ``role``.

    Raises FontError naming the file when it is missing, not a font, or has CFF outlines
    (ReportLab cannot embed those).
    """
    from reportlab.pdfbase import pdfmetrics, ttfonts
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    path, index = _split_index(spec)
    if not path.is_file():
        raise FontError(f"字体文件不存在：{path}")
    key = (str(path.resolve()), index)
    if key not in _LOADED:
        digest = hashlib.sha1(f"{key[0]}#{index}".encode("utf-8")).hexdigest()[:10]
        name = f"TL-{path.stem[:20]}-{index}-{digest}"
        try:
            font = TTFont(name, str(path), subfontIndex=index)
        except TTFError as exc:
            if "postscript outlines" in str(exc):
                raise FontError(f"字体 {path.name} 是 CFF/OpenType（PostScript 轮廓）字体，"
                                "PDF 无法嵌入；请选择 TrueType 字体（.ttf/.ttc）") from None
            raise FontError(f"无法读取字体 {path}：{exc}") from None
        except (OSError, ValueError, IndexError, KeyError) as exc:
            raise FontError(f"无法读取字体 {path}：{exc}") from None
        pdfmetrics.registerFont(font)
        face = font.face
        family = face.name.decode("latin-1") if isinstance(face.name, bytes) else str(face.name)
        _LOADED[key] = (name, family, frozenset(face.charToGlyph))
    name, family, glyphs = _LOADED[key]
    return PdfFont(role=role, name=name, path=path, index=index, source=source, family=family,
                   glyphs=glyphs)


def system_font_dirs() -> list[Path]:
    """Folders where this PC keeps its fonts (``TASKLEDGER_FONT_DIRS`` replaces the list)."""
    override = os.environ.get(FONT_DIRS_ENV)
    if override is not None:
        return [Path(p) for p in override.split(os.pathsep) if p]
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot") or r"C:\Windows"
        dirs = [Path(windir) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:   # fonts a user installed "for me only" (often 方正小标宋) land here
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    home = Path.home()
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local/share/fonts",
            home / ".fonts", Path("/opt/kingsoft/wps-office/office6/fonts"),
            Path("/opt/apps/cn.wps.wps-office-pro/files/kingsoft/wps-office/office6/fonts"),
            Path("/Library/Fonts"), home / "Library/Fonts", Path("/System/Library/Fonts")]


def _index_font_files(dirs: list[Path]) -> dict[str, Path]:
    """Lower-cased file name → path, first folder wins; folders are searched recursively."""
    found: dict[str, Path] = {}
    for folder in dirs:
        if not folder.is_dir():
            continue
        for root, _subdirs, files in os.walk(folder):
            for name in files:
                if name.lower().endswith((".ttf", ".ttc")):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


class FontSet:
    """The fonts of one export, one per role, plus what the coverage check found."""

    def __init__(self, fonts: dict[str, PdfFont], fallbacks: list[PdfFont],
                 rare_fonts=None):
        self.fonts = fonts
        self.fallbacks = fallbacks
        self._rare_fonts = rare_fonts        # called once, on the first character no font has
        self.rare_used: list[PdfFont] = []
        self.substituted: dict[str, set[str]] = {}   # char -> roles that borrowed a glyph
        self.missing: dict[str, set[str]] = {}       # char -> roles no font could draw

    def __getitem__(self, role: str) -> PdfFont:
        return self.fonts[role]

    def name(self, role: str) -> str:
        """The ReportLab font name for ``role``."""
        return self.fonts[role].name

    def check(self, text: str, role: str) -> None:
        """Record which characters of ``text`` the ``role`` font lacks (see :meth:`warnings`)."""
        self.markup(text, role)

    def markup(self, text: str, role: str) -> str:
        """``text`` as safe Paragraph markup in the ``role`` font.

        ``&``, ``<`` and ``>`` are escaped, line breaks become ``<br/>``; a character the font
        lacks is drawn from the first other font that has it (and recorded), or recorded as
        missing when none has it.
        """
        font = self.fonts[role]
        out = []
        for char in str(text):
            if char == "\n":
                out.append("<br/>")
                continue
            if char == "\r":
                continue
            if char == "\t":
                char = " "
            escaped = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}.get(char, char)
            if char.isspace() or font.has(char):
                out.append(escaped)
                continue
            other = next((f for f in self.fallbacks if f.has(char)), None)
            if other is None and self._rare_fonts is not None:
                self.fallbacks += self._rare_fonts()
                self._rare_fonts = None
                other = next((f for f in self.fallbacks if f.has(char)), None)
            if other is not None and other.source.startswith("rare") and other not in self.rare_used:
                self.rare_used.append(other)
            if other is None:
                self.missing.setdefault(char, set()).add(role)
                out.append(escaped)
            else:
                self.substituted.setdefault(char, set()).add(role)
                out.append(f'<font face="{other.name}">{escaped}</font>')
        return "".join(out)

    def plain(self, text: str, role: str) -> str:
        """``text`` for direct canvas drawing in the ``role`` font (coverage recorded)."""
        self.markup(text, role)
        return str(text)

    def warnings(self) -> list[str]:
        """Chinese one-line warnings about borrowed and missing glyphs (empty when all fine)."""
        lines = []
        if self.missing:
            chars = "".join(sorted(self.missing))
            codes = "、".join(f"U+{ord(c):04X}" for c in sorted(self.missing))
            lines.append(f"字体缺字：以下 {len(self.missing)} 个字符在所有可用字体中都没有字形，"
                         f"PDF 中将显示为空白或方框：{chars}（{codes}）。请改用常用字或指定含这些字的字体（--font）")
        if self.substituted:
            chars = "".join(sorted(self.substituted))
            if len(chars) > 40:     # a font without Chinese at all: say so without 3 000 chars
                chars = f"{chars[:40]}…等 {len(self.substituted)} 个字符"
            roles = sorted({ROLE_LABELS[r] for rs in self.substituted.values() for r in rs})
            lines.append(f"字体替代：{'、'.join(roles)}字体缺少以下字符，已改用其他字体显示：{chars}")
        return lines

    def describe(self) -> list[str]:
        """One line per role naming the file used (and the rare-character font, if used)."""
        return [self.fonts[role].describe() for role in ROLES] + [
            f"生僻字：{font.family}（{font.path.name}，"
            f"{'本机字体' if font.source == 'rare-system' else '内置开源字体'}）"
            for font in self.rare_used]


def resolve_fonts(chosen: dict[str, str | os.PathLike] | str | os.PathLike | None = None, *,
                  search_dirs: list[Path] | None = None, use_system: bool = True) -> FontSet:
    """The fonts for a PDF: ``chosen`` (a path for the body font, or role → path) first, then
    the PC's own fonts, then the fonts shipped in resources/fonts.

    A chosen font that cannot be used raises FontError; unusable system fonts are skipped.
    """
    if chosen is None:
        chosen = {}
    elif not isinstance(chosen, dict):
        chosen = {FANGSONG: chosen}
    chosen = {ROLE_ALIASES.get(k, k): v for k, v in chosen.items()}
    unknown = [k for k in chosen if k not in ROLES]
    if unknown:
        raise FontError(f"未知的字体用途：{'、'.join(map(str, unknown))}（可用：仿宋、黑体、楷体、宋体、标题）")
    index = _index_font_files(search_dirs if search_dirs is not None else system_font_dirs()) \
        if use_system else {}
    fonts: dict[str, PdfFont] = {}
    for role in ROLES:
        if role in chosen:
            fonts[role] = load_font(chosen[role], role=role, source="user")
            continue
        fonts[role] = _first_system_font(role, index) or _bundled(role, BUNDLED[role])
    if TITLE not in chosen and fonts[TITLE].source == "bundled" and fonts[SONG].source != "bundled":
        # No 小标宋 here but a real 宋体 is: a PC's own 宋体 beats the shipped one.
        fonts[TITLE] = PdfFont(**{**fonts[SONG].__dict__, "role": TITLE})
    if TITLE not in chosen and (fonts[TITLE].source == "bundled"
                                or fonts[TITLE].path == fonts[SONG].path):
        fonts[TITLE].stand_in = True
    fallbacks = []
    for font in [*fonts.values(), _bundled(SONG, BUNDLED[SONG]), _bundled(HEITI, BUNDLED_FALLBACK)]:
        if all(font.name != f.name for f in fallbacks):
            fallbacks.append(font)
    return FontSet(fonts, fallbacks, rare_fonts=lambda: rare_fonts(index))


def rare_fonts(index: dict[str, Path]) -> list[PdfFont]:
    """The fonts for rare characters, best first: the PC's SimSun-ExtB (or MingLiU-ExtB),
    then the shipped HanaMinB. ``index`` is the PC's font files (see resolve_fonts)."""
    found = []
    system = _first_system_font(RARE_ROLE, index, RARE_CANDIDATES)
    if system is not None:
        system.source = "rare-system"
        found.append(system)
    try:
        bundled = _bundled(RARE_ROLE, BUNDLED_RARE)
    except FontError:
        return found             # an incomplete install: the characters are reported instead
    bundled.source = "rare-bundled"
    return found + [bundled]


def _first_system_font(role: str, index: dict[str, Path],
                       candidates: tuple[str, ...] | None = None) -> PdfFont | None:
    for candidate in candidates or SYSTEM_CANDIDATES[role]:
        file_name, sep, sub = candidate.partition("#")
        path = index.get(file_name.lower())
        if path is None:
            continue
        try:
            return load_font(f"{path}#{sub}" if sep else path, role=role, source="system")
        except FontError:
            continue   # e.g. an OpenType 方正 file: skip to the next candidate
    return None


def _bundled(role: str, spec: str) -> PdfFont:
    file_name, sep, sub = spec.partition("#")
    path = resource_path("fonts", file_name)
    if not path.is_file():
        raise FontError(f"内置字体缺失：{path}（安装不完整，请重新安装程序）")
    return load_font(f"{path}#{sub}" if sep else path, role=role, source="bundled")
