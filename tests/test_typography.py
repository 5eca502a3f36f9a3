"""Chinese line breaking (避头尾) and full-width punctuation, as the report layout applies them."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.typeset.fonts import SONG, string_width
from inspector_app.typeset.linebreak import (FORBIDDEN_END, FORBIDDEN_START, NO_END, NO_START, break_lines,
                                             fullwidth, line_breaks_ok)

HAN = st.sampled_from(list("考核组认为集团交流教师比例"))
# Text as a writer makes it: it begins and ends with a character, marks anywhere between.
TEXT = st.builds(lambda a, body, z: a + body + z, HAN,
                 st.text(alphabet=list("考核组认为集团交流教师比例") + list("，。、；：？！）》」』（《「『")
                         + list("12.5% ab"), max_size=120), HAN)


def measure(text: str) -> float:
    return string_width(text, 10.5, face=SONG)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(min_value=3, max_value=30))
def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(text, chars):
    lines = break_lines(text, chars * 10.5, measure)
    assert line_breaks_ok(lines), lines
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost or added


def test_a_comma_that_would_start_a_line_takes_the_last_character_with_it():
    # Ten characters fit; the eleventh is "，", which may not begin the next line.
    text = "交流教师比例未达标准，部分成员校年度总结缺失。"
    width = measure("交流教师比例未达标准") + 0.5
    lines = break_lines(text, width, measure)
    assert lines[0] == "交流教师比例未达标"
    assert lines[1].startswith("准，部分")
    assert all(line.strip()[0] not in NO_START for line in lines)


def test_an_opening_bracket_never_ends_a_line():
    text = "集团章程和三年规划齐全（含年度计划）"
    width = measure("集团章程和三年规划齐全（") + 0.5
    lines = break_lines(text, width, measure)
    assert lines[0] == "集团章程和三年规划齐全"
    assert lines[1].startswith("（含")
    assert all(line.strip()[-1] not in NO_END for line in lines)
    assert set(FORBIDDEN_START) <= NO_START and set(FORBIDDEN_END) <= NO_END


def test_ascii_punctuation_in_chinese_becomes_full_width():
    assert fullwidth("总校: 6.9") == "总校：6.9"
    assert fullwidth("镇罗校区(九年制),郭滩校区") == "镇罗校区（九年制），郭滩校区"
    assert fullwidth("例会 10:30 开始") == "例会 10:30 开始"
    assert fullwidth("see (a), b: c") == "see (a), b: c"
    assert fullwidth("平均分 (4 所学校)") == "平均分（4 所学校）"
