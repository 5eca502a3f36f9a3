"""Award and project registers: counts derived from the list a panel holds, worked by hand from 004."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.cli.main import main
from inspector_app.rubric import rules as R
from inspector_app.rubric.loader import load_rubric
from inspector_app.store import entries as E
from inspector_app.store import registers as RG
from inspector_app.store.db import open_store
from store_helpers import past_plan, small_plan

ROOT = Path(__file__).resolve().parents[1]
D = Decimal


@pytest.fixture(scope="module")
def suizhou():
    return load_rubric(ROOT / "rubrics" / "suizhou-2022.yaml")


def item(name, level, year="2023", school="第四中学"):
    return {"name": name, "level": level, "year": year, "school": school}


def test_c16_register_duplicate_baseline_and_cap(suizhou):
    # 004 C16 (5分): “论文、教学获奖及各种评优评先总数在2021年基础上有所增加”；
    # 评分标准: “增加国家级得2分，省级得1分，市级得0.5分。”
    register = [item("省级优质课一等奖（张老师）", "省级", "2021"), item("市级论文一等奖（李老师）", "市级", "2021"),
                item("省级论文二等奖（王老师）", "省级"), item("省级基本功大赛一等奖", "省级"),
                item("全国说课比赛一等奖", "市级"), item("全国说课比赛 一等奖", "国家级"),  # the same award twice
                item("国家级优秀论文（赵老师）", "国家级"), item("国家级微课一等奖", "国家级")]
    # By hand: the duplicate counts once, at 国家级. 2023: 国家级 3, 省级 2, 市级 0; 2021 (baseline): 省级 1, 市级 1.
    # Increase: 国家级 3 − 0 = 3 → 6; 省级 2 − 1 = 1 → 1; 市级 0 − 1 → 0. 6 + 1 = 7, capped at 5.
    out = suizhou.indicator("C16").rule.score({"register": register})
    assert out.points == D(5)
    text = "\n".join(out.lines)
    assert "重复登记（市级、国家级），按国家级计一次" in text
    assert "国家级：本期 3 项 − 2021 年 0 项 = 3 项" in text
    assert "省级：本期 2 项 − 2021 年 1 项 = 1 项" in text
    assert "不足基数，按 0 计" in text and "本项最高 5 分" in text
    # the same counts typed by hand give the same points
    assert suizhou.indicator("C16").rule.score({"national": 3, "provincial": 1, "city": 0}).points == out.points
    # without the two 国家级 singles: 国家级 1 → 2, 省级 1 → 1, total 3 (below the cap)
    fewer = [x for x in register if x["name"] not in ("国家级优秀论文（赵老师）", "国家级微课一等奖")]
    assert suizhou.indicator("C16").rule.score({"register": fewer}).points == D(3)


def test_c15_same_project_counted_once_at_its_highest_level(suizhou):
    # 004 C15 (5分): “每创建成1项市级1分，省级2分，同类项目不累计得分。”
    # 书法 city then provincial → provincial once (2); 足球 city (1): 3
    register = [item("书法特色项目", "市级", "2022"), item("书法特色项目", "省级"), item("足球特色学校", "市级")]
    assert suizhou.indicator("C15").rule.score({"register": register}).points == D(3)


def test_c21_highest_level_from_register(suizhou):
    # 004 C21 (3分): “国家级得3分，省级得2分，市级得1分。（同类取最高分）”
    register = [item("教联体经验 市报", "市级"), item("教联体经验 省报", "省级")]
    out = suizhou.indicator("C21").rule.score({"register": register})
    assert out.points == D(2) and "同类取最高分" in out.lines[-1]
    assert suizhou.indicator("C21").rule.score({"register": []}).points == 0


def test_register_item_errors_are_named(suizhou):
    with pytest.raises(R.InputError, match="第 1 项 “演讲比赛”: 级别 “区级” 不是本项的级别"):
        suizhou.indicator("C16").rule.score({"register": [item("演讲比赛", "区级")]})
    with pytest.raises(R.InputError, match="缺少名称"):
        suizhou.indicator("C16").rule.score({"register": [{"level": "省级"}]})


def test_register_in_the_store_scores_the_entry(data_dir):
    store = open_store(data_dir)
    plan, rubric, group = small_plan(store)
    RG.add_item(store, plan, rubric, group, "C15", name="书法特色项目", level="市级", year="2022", school_id="s1")
    RG.add_item(store, plan, rubric, group, "C15", name="书法特色项目", level="省级", year="2023", school_id="s1")
    with pytest.raises(RG.RegisterError, match="不按获奖/项目级别计分"):
        RG.add_item(store, plan, rubric, group, "C6", name="x", level="省级")
    inputs = RG.register_input(store, plan, rubric, group, "C15")
    entry = E.set_entry(store, plan, rubric, group, "e0", "", "C15", inputs=inputs)
    assert entry.points == D(2)  # one project, provincial
    assert entry.inputs["register"][1]["school"] == "中卫市第四中学教育集团镇罗校区"
    store.close()


def test_register_on_the_command_line(data_dir, capsys):
    store = open_store(data_dir)
    small_plan(store)
    store.close()
    base = ["--data-dir", str(data_dir)]
    assert main(base + ["me", "--set", "专家甲"]) == 0
    for name, level, year in [("a", "省级", "2021"), ("b", "市级", "2021"), ("c", "省级", "2023"),
                              ("d", "省级", "2023"), ("e", "市级", "2023")]:
        assert main(base + ["register", "add", "--group", "g4", "--indicator", "C19", "--name", name,
                            "--level", level, "--year", year]) == 0
    assert main(base + ["register", "add", "--group", "g4", "--indicator", "C19", "--name", "f",
                        "--level", "院级"]) == 1
    capsys.readouterr()
    assert main(base + ["entry", "set", "--group", "g4", "--indicator", "C19",
                        "--from-register", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    # 004 C19 “增加国家级得2分，省级得1分，市级得0.5分”: 省级 2 − 1 = 1 → 1; 市级 1 − 1 = 0 → 0
    assert D(shown["points"]) == D(1)


def test_c16_baseline_is_the_2021_plans_register(data_dir):
    # 004 C16 (5分): “论文、教学获奖及各种评优评先总数在2021年基础上有所增加”；
    # 评分标准: “增加国家级得2分，省级得1分，市级得0.5分。”
    store = open_store(data_dir)
    past, past_rubric, past_group = past_plan(store)
    for name, level in [("省级优秀论文（刘老师）", "省级"), ("市级优质课一等奖（陈老师）", "市级")]:  # the baseline: two awards
        RG.add_item(store, past, past_rubric, past_group, "C16", name=name, level=level, school_id="s1")
    plan, rubric, group = small_plan(store)
    for name, level in [("全国教学技能大赛一等奖", "省级"), ("全国教学技能大赛 一等奖", "国家级"),  # one award, twice
                        ("国家级课题结题（赵老师）", "国家级"), ("省级论文一等奖（王老师）", "省级"),
                        ("省级基本功大赛一等奖", "省级"), ("省级优质课二等奖", "省级"),
                        ("市级论文一等奖（李老师）", "市级"), ("市级说课比赛一等奖", "市级")]:
        RG.add_item(store, plan, rubric, group, "C16", name=name, level=level, year="2023", school_id="s2")
    inputs = RG.register_input(store, plan, rubric, group, "C16")
    assert [x["source"] for x in inputs["register"] if x.get("source")] == \
        ["2021—2022学年考核计划“上年考核”的登记表"] * 2
    entry = E.set_entry(store, plan, rubric, group, "e0", "", "C16", inputs=inputs)
    # By hand: the 技能大赛 award counts once, at 国家级. This year 国家级 2, 省级 3, 市级 2; 2021: 省级 1, 市级 1.
    # Increase: 国家级 2 → 2 × 2 = 4; 省级 3 − 1 = 2 → 2; 市级 2 − 1 = 1 → 0.5. 4 + 2 + 0.5 = 6.5, capped at 5.
    assert entry.points == D(5)
    text = "\n".join(entry.explanation)
    assert "基数来自：2021—2022学年考核计划“上年考核”的登记表" in text
    assert "重复登记（省级、国家级），按国家级计一次" in text
    assert "省级：本期 3 项 − 2021 年 1 项 = 2 项" in text and "市级：本期 2 项 − 2021 年 1 项 = 1 项" in text
    assert "合计 6.5，本项最高 5 分" in text
    # Below the cap the baseline shows: without the 课题 (国家级 1 → 2) it is 2 + 2 + 0.5 = 4.5.
    [project] = [x for x in RG.items(store, plan.id, group.id, "C16") if x.name.startswith("国家级课题")]
    RG.remove_item(store, plan, group, project.id)
    entry = E.set_entry(store, plan, rubric, group, "e0", "", "C16",
                        inputs=RG.register_input(store, plan, rubric, group, "C16"))
    assert entry.points == D("4.5")
    store.close()


def test_no_baseline_register_is_said(data_dir):
    store = open_store(data_dir)
    past_plan(store, "2022—2023")  # not the baseline year: not read
    plan, rubric, group = small_plan(store)
    RG.add_item(store, plan, rubric, group, "C19", name="省级作文比赛一等奖", level="省级", year="2023")
    entry = E.set_entry(store, plan, rubric, group, "e0", "", "C19",
                        inputs=RG.register_input(store, plan, rubric, group, "C19"))
    # 004 C19 “增加国家级得2分，省级得1分，市级得0.5分”: no 2021 register, so 省级 1 − 0 = 1 → 1
    assert entry.points == D(1)
    assert "没有 2021 年（基数）的登记，基数按 0 项计" in "\n".join(entry.explanation)
    store.close()


# Any register and the counts it stands for, typed by hand, give the same points (004 C15, C16, C21, C23).
_ITEMS = st.lists(st.tuples(st.sampled_from("甲乙丙丁戊"), st.sampled_from(["国家级", "省级", "市级"]),
                            st.sampled_from(["2021", "2023"])), max_size=14)


def _by_hand(rule, register):
    """The counts a panel would type: each name once at its highest level, the 2021 ones subtracted level by level."""
    rank = {"国家级": 0, "省级": 1, "市级": 2}
    levels = [lv for lv in rule.level_names]

    def best(items):
        top = {}
        for name, level, _year in items:
            if name not in top or rank[level] < rank[top[name]]:
                top[name] = level
        return top

    year = rule.baseline
    now = best([x for x in register if not year or x[2] != year])
    then = best([x for x in register if year and x[2] == year])
    return {o.key: max(sum(1 for v in now.values() if v == lv) - sum(1 for v in then.values() if v == lv), 0)
            for o, lv in zip(rule.levels, levels)}


@settings(max_examples=120, deadline=None)
@given(raw=_ITEMS, code=st.sampled_from(["C15", "C16", "C21", "C23"]))
def test_a_register_and_its_typed_counts_score_the_same(suizhou, raw, code):
    rule = suizhou.indicator(code).rule
    register = [(n, lv, y) for n, lv, y in raw if lv in rule.level_names]
    by_register = rule.score({"register": [{"name": n, "level": lv, "year": y} for n, lv, y in register]}).points
    counts = _by_hand(rule, register)
    if rule.type == "awards":
        typed = rule.score(counts).points
    else:  # highest level reached, as the 达到的最高级别 choice
        reached = [o for o in rule.levels if counts[o.key]]
        typed = rule.score({"level": max(reached, key=lambda o: o.points).label if reached else "无"}).points
    assert by_register == typed


def test_an_imported_baseline_register_is_subtracted(data_dir, tmp_path, capsys):
    # The 2021 register kept as a spreadsheet (the year was not scored in this program), imported as the baseline.
    store = open_store(data_dir)
    plan, rubric, group = small_plan(store)
    store.close()
    baseline = tmp_path / "2021登记表.csv"
    baseline.write_text("\ufeff名称,级别,学校,佐证\n省级优秀论文（刘老师）,省级,中卫市第四中学教育集团镇罗校区,证书\n"
                        "市级优质课一等奖（陈老师）,市级,,\n\n", encoding="utf-8")
    base = ["--data-dir", str(data_dir)]
    assert main(base + ["me", "--set", "专家甲"]) == 0
    assert main(base + ["register", "import", str(baseline), "--group", "g4", "--indicator", "C16",
                        "--year", "2021"]) == 0
    assert "已导入 2 项：C16 2 项" in capsys.readouterr().out
    for name, level in [("全国说课比赛一等奖", "国家级"), ("省级论文一等奖", "省级"), ("省级基本功一等奖", "省级"),
                        ("市级论文一等奖", "市级")]:
        assert main(base + ["register", "add", "--group", "g4", "--indicator", "C16", "--name", name,
                            "--level", level, "--year", "2023"]) == 0
    capsys.readouterr()
    assert main(base + ["entry", "set", "--group", "g4", "--indicator", "C16", "--from-register", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    # 004 C16 “增加国家级得2分，省级得1分，市级得0.5分”: 国家级 1 → 2; 省级 2 − 1 = 1 → 1; 市级 1 − 1 = 0 → 0: 3
    assert D(shown["points"]) == D(3)
    assert any("省级：本期 2 项 − 2021 年 1 项 = 1 项" in line for line in shown["explanation"])


def test_a_bad_row_of_an_imported_register_is_located_and_nothing_added(data_dir, tmp_path):
    from inspector_app.store.register_file import import_register
    store = open_store(data_dir)
    plan, rubric, group = small_plan(store)
    sheet = tmp_path / "登记表.csv"
    sheet.write_text("指标,名称,级别,年份\nC16,甲,省级,2021\nC16,乙,院级,2021\n", encoding="utf-8")
    with pytest.raises(RG.RegisterError, match="登记表.csv 第 3 行: 指标 C16: 登记表第 1 项 “乙”: 级别 “院级”"):
        import_register(store, plan, rubric, group, sheet)
    assert RG.items(store, plan.id, group.id) == []  # all or nothing
    sheet.write_text("名字,级别\n甲,省级\n", encoding="utf-8")
    with pytest.raises(RG.RegisterError, match="第 1 行: 未知的列 “名字”"):
        import_register(store, plan, rubric, group, sheet, indicator="C16")
    store.close()
