"""Font resolution, glyph coverage and Chinese line breaking for the PDFs."""
from __future__ import annotations

import shutil

import pytest

from exports.pdf_common import enable_chinese_line_breaking
from exports.pdf_fonts import (FANGSONG, HEITI, KAITI, ROLES, SONG, TITLE, FontError,
                               missing_glyphs, resolve_fonts)
from models.paths import resource_path

FONTS = resource_path("fonts")


@pytest.fixture
def no_system_fonts(tmp_path, monkeypatch):
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    monkeypatch.setenv("TASKLEDGER_FONT_DIRS", str(empty))
    return empty


def test_shipped_fonts_are_truetype_with_their_licences():
    for name in ("gbsn00lp.ttf", "gkai00mp.ttf", "wqy-microhei.ttc", "HanaMinB.ttf"):
        head = (FONTS / name).read_bytes()[:4]
        assert head in (b"\x00\x01\x00\x00", b"ttcf"), f"{name} is not TrueType"
    for licence in ("ARPHICPL.TXT", "wqy-microhei-LICENSE-Apache-2.0.txt", "HanaMinB-LICENSE.txt",
                    "README.md"):
        assert (FONTS / licence).stat().st_size > 1000
    total = sum(p.stat().st_size for p in FONTS.iterdir())
    assert total < 80 * 1024 * 1024      # HanaMinB (all of Extension B) is 29 MB of it


def test_without_system_fonts_every_role_uses_a_shipped_font(no_system_fonts):
    fonts = resolve_fonts()
    assert {fonts[r].source for r in ROLES} == {"bundled"}
    assert fonts[KAITI].path.name == "gkai00mp.ttf"
    assert fonts[HEITI].path.name == "wqy-microhei.ttc"
    assert fonts[TITLE].stand_in                    # a Song face drawn emboldened as 小标宋
    text = "河南省知识产权局关于印发《实施方案（2021）》的通知（豫知〔2021〕35号）— 1 —"
    for role in ROLES:
        assert missing_glyphs(text, fonts[role]) == []


def test_windows_font_files_are_preferred(tmp_path):
    windows = tmp_path / "Fonts"
    windows.mkdir()
    # Stand-ins with the names a Chinese Windows gives its fonts (content: a real TrueType).
    shutil.copy(FONTS / "gkai00mp.ttf", windows / "SIMKAI.TTF")
    shutil.copy(FONTS / "gbsn00lp.ttf", windows / "simfang.ttf")
    (windows / "simhei.ttf").write_bytes(b"OTTO" + b"\0" * 64)      # CFF outlines: skipped
    fonts = resolve_fonts(search_dirs=[windows])
    assert fonts[KAITI].source == "system" and fonts[KAITI].path.name == "SIMKAI.TTF"
    assert fonts[FANGSONG].source == "system" and fonts[FANGSONG].path.name == "simfang.ttf"
    assert fonts[HEITI].source == "bundled"
    assert fonts[TITLE].stand_in
    shutil.copy(FONTS / "gbsn00lp.ttf", windows / "FZXBSJW.TTF")      # 方正小标宋简体
    fonts = resolve_fonts(search_dirs=[windows])
    assert fonts[TITLE].path.name == "FZXBSJW.TTF" and not fonts[TITLE].stand_in


def test_a_chosen_font_comes_first_and_a_bad_one_is_refused(tmp_path, no_system_fonts):
    chosen = tmp_path / "my.ttf"
    shutil.copy(FONTS / "gkai00mp.ttf", chosen)
    fonts = resolve_fonts(str(chosen))
    assert fonts[FANGSONG].source == "user" and fonts[FANGSONG].path == chosen
    fonts = resolve_fonts({"黑体": chosen})
    assert fonts[HEITI].source == "user"

    otf = tmp_path / "思源宋体.otf"
    otf.write_bytes(b"OTTO" + b"\0" * 64)
    with pytest.raises(FontError, match="CFF/OpenType"):
        resolve_fonts(str(otf))
    with pytest.raises(FontError, match="不存在"):
        resolve_fonts(str(tmp_path / "nope.ttf"))
    with pytest.raises(FontError, match="未知的字体用途"):
        resolve_fonts({"草书": chosen})


def test_missing_glyphs_names_what_the_font_lacks(no_system_fonts):
    fonts = resolve_fonts()
    song = fonts[SONG]
    assert missing_glyphs("张喆𠀀😀喆 好", song) == ["喆", "𠀀", "😀"]
    assert missing_glyphs("张喆", fonts[HEITI]) == []


def test_markup_escapes_and_borrows_glyphs(no_system_fonts):
    fonts = resolve_fonts()
    marked = fonts.markup("R&D <5%> 张喆\n下一行", FANGSONG)
    assert "R&amp;D &lt;5%&gt;" in marked and "<br/>" in marked
    assert f'<font face="{fonts.name(HEITI)}">喆</font>' in marked
    assert fonts.missing == {}
    fonts.markup("𠀀𰀀", TITLE)        # Extension B is drawn from HanaMinB; G from no font
    warning = "\n".join(fonts.warnings())
    assert "𰀀" in warning and "U+30000" in warning and "喆" in warning
    assert "U+20000" not in warning and "𠀀" in warning


def _lines(text: str, width: float, font: str) -> list[str]:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph
    style = ParagraphStyle("t", fontName=font, fontSize=10, leading=12, wordWrap="CJK")
    para = Paragraph(text, style)
    para.wrap(width, 1000)
    out = []
    for line in para.blPara.lines:
        out.append("".join(line[1]) if isinstance(line, tuple) else "".join(w.text for w in line.words))
    return out


@pytest.mark.parametrize("with_second_font", [False, True])
def test_chinese_punctuation_never_starts_or_ends_a_line_wrongly(no_system_fonts, with_second_font):
    enable_chinese_line_breaking()
    fonts = resolve_fonts()
    samples = ["一二三四，五六七八九。十一二三（四五六七八九十", "一二三（四五六七八九十一二三四五",
               "一二三四五六七八”。一二三四五六七", "各省辖市、济源示范区、省直管县（市）",
               "按照《河南省推动知识产权高质量发展年度实施方案（2021）》（豫知〔2021〕35号）要求",
               "（举措2.1、2.3、3.1、3.2、3.3、4.1、4.2、4.3、5.2、5.3、10.1）"]
    for text in samples:
        if with_second_font:   # several fragments take ReportLab's other wrapping path
            text += f'<font face="{fonts.name(HEITI)}">喆</font>'
        for width in (40.5, 45, 61, 75):
            lines = _lines(text, width, fonts.name(FANGSONG))
            assert len(lines) > 1
            for line in lines[1:]:
                assert line[0] not in "，。、；：？！）》」』”’〕", (text, width, lines)
            for line, following in zip(lines, lines[1:]):
                assert line[-1] not in "（《「『“‘〔", (text, width, lines)
                # a number such as 4.2 or 2021 is not cut in two (unless the column is so
                # narrow that it would fill more than half a line)
                if width > 60:
                    assert not (line[-1] in "0123456789." and following[0] in "0123456789."), lines


def test_split_paragraph_of_several_fonts_draws(no_system_fonts, tmp_path):
    """ReportLab alone crashes drawing the first part of such a split; ours does not."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph

    from exports.pdf_common import cjk_paragraph

    enable_chinese_line_breaking()
    fonts = resolve_fonts()
    text = fonts.markup("一二三四五六七八九十" * 6 + "张喆", FANGSONG)
    style = ParagraphStyle("t", fontName=fonts.name(FANGSONG), fontSize=10, leading=12,
                           wordWrap="CJK", allowOrphans=1)
    canvas = Canvas(str(tmp_path / "x.pdf"))

    def first_part_drawn(make):
        para = make(text, style)
        para.wrap(100, 1000)
        first, rest = para.split(100, 13)            # room for one line
        first.wrap(100, 13)
        first.drawOn(canvas, 0, 0)
        rest.wrap(100, 1000)
        rest.drawOn(canvas, 0, 100)

    first_part_drawn(cjk_paragraph)
    with pytest.raises(TypeError):                    # the ReportLab bug this works around
        first_part_drawn(Paragraph)


def test_line_breaking_keeps_every_character_and_terminates(no_system_fonts):
    import random
    enable_chinese_line_breaking()
    fonts = resolve_fonts()
    alphabet = "一二三四五六七八九十，。、；：？！）》”（《“〔〕0123456789.-ABCxyz &"
    rng = random.Random(9)
    for _ in range(150):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 120)))
        for width in (12, 23, 40.5, 75, 150):
            markup = fonts.markup(text, FANGSONG)
            if rng.random() < 0.5:
                markup += f'<font face="{fonts.name(HEITI)}">喆</font>'
                expected = text + "喆"
            else:
                expected = text
            lines = _lines(markup, width, fonts.name(FANGSONG))
            assert "".join("".join(lines).split()) == "".join(expected.split()), (text, width)
