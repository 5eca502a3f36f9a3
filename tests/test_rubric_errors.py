"""Broken rubric files: each is rejected with the file, the line and the field named."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from inspector_app.cli.main import main
from inspector_app.rubric.catalog import load_catalog
from inspector_app.rubric.loader import RubricError, load_rubric

ROOT = Path(__file__).resolve().parents[1]

BASE = """\
format: 1
id: test-rubric
version: "1"
title: 测试指标
source: {seed: test, document: 测试文件, issuer: 测试局}
status: complete
group_types: [融合型, 共建型]
total: 10
grades:
  - {label: 优秀, min: 85}
  - {label: 良好, min: 75, max: 85}
  - {label: 合格, min: 60, max: 75}
  - {label: 不合格, min: 0, max: 60}
veto:
  - {key: incident, text: 发生重大责任事件}
areas:
  - code: A1
    title: 管理
    max: 6
    indicators:
      - code: C1
        text: 制定章程和规划
        points: 2
        rule:
          type: items
          items:
            - {key: charter, label: 章程, points: 1}
            - {key: plan, label: 规划, points: 1}
        targets: [lead]
        methods: [查阅资料]
      - code: C2
        text: 教师交流制度
        points: 4
        rule: {type: deduct, deductions: [{key: missing, label: 缺少的制度, points: 0.5}]}
        targets: [lead, members]
        methods: [查阅资料, 数据统计]
  - code: A2
    title: 评价
    max: 4
    indicators:
      - code: C3
        text: 满意度
        points: 4
        rule: {type: percentage}
        targets: [lead, members]
        scope: {per_school: mean}
        methods: [问卷调查]
"""


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line number of the nth line containing needle."""
    hits = [i for i, row in enumerate(text.splitlines(), 1) if needle in row]
    assert len(hits) >= nth, needle
    return hits[nth - 1]


def replace_line(needle: str, new: str, nth: int = 1) -> tuple[str, int]:
    rows = BASE.splitlines()
    number = line_of(BASE, needle, nth)
    rows[number - 1] = new
    return "\n".join(rows) + "\n", number


def write(tmp_path: Path, text: str | bytes, name: str = "broken.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def problems_of(path: Path):
    with pytest.raises(RubricError) as info:
        load_rubric(path)
    return info.value.problems


def assert_named(path: Path, line: int, field: str, message: str = ""):
    """Some problem names this file, this line and a field containing `field`."""
    problems = problems_of(path)
    for p in problems:
        if p.file == str(path) and p.line == line and field in p.field and message in p.message:
            assert str(p).startswith(f"{path}:{line}: ")
            return p
    raise AssertionError(f"no problem at line {line} naming {field!r} ({message!r}) in:\n"
                         + "\n".join(str(p) for p in problems))


def test_base_file_is_valid(tmp_path):
    rubric = load_rubric(write(tmp_path, BASE))
    assert [i.code for i in rubric.indicators] == ["C1", "C2", "C3"]


def case_missing_code():
    rows = BASE.splitlines()
    number = line_of(BASE, "- code: C2")
    rows[number - 1: number + 1] = ["      - text: 教师交流制度"]
    return "\n".join(rows) + "\n", number, "indicators[1].code", "缺少"


def case_duplicate_code():
    text, number = replace_line("- code: C2", "      - code: C1")
    return text, number, "code", "重复"


def case_duplicate_yaml_key():
    rows = BASE.splitlines()
    number = line_of(BASE, "points: 4")
    rows.insert(number, "        points: 4")
    return "\n".join(rows) + "\n", number + 1, "points", "键重复"


def case_points_not_adding_to_area_max():
    text, number = replace_line("   max: 6", "    max: 7")
    return text, number, "areas[A1].max", "不符"


def case_areas_not_adding_to_total():
    text, number = replace_line("total: 10", "total: 12")
    return text, number, "total", "不符"


def case_unknown_rule_type():
    text, number = replace_line("rule: {type: percentage}", "        rule: {type: percent}")
    return text, number, "rule.type", "未知的计分规则"


def case_unknown_key_typo():
    text, number = replace_line("methods: [问卷调查]", "        method: [问卷调查]")
    return text, number, "method", "methods"  # the message suggests the right key


def case_grade_gap():
    text, number = replace_line("{label: 良好", "  - {label: 良好, min: 75, max: 84}")
    return text, number, "grades[1].max", "空档"


def case_grade_overlap():
    text, number = replace_line("{label: 良好", "  - {label: 良好, min: 75, max: 86}")
    return text, number, "grades[1].max", "重叠"


def case_non_numeric_points():
    text, number = replace_line("points: 2", "        points: 五分")
    return text, number, "C1.points", "不是数字"


def case_negative_points():
    text, number = replace_line("points: 2", "        points: -2")
    return text, number, "C1.points", "不能小于 0"


def case_unknown_method():
    text, number = replace_line("methods: [问卷调查]", "        methods: [座谈会]")
    return text, number, "C3.methods", "座谈会"


def case_unknown_target():
    text, number = replace_line("targets: [lead]", "        targets: [principal]")
    return text, number, "C1.targets", "principal"


def case_items_not_adding_up():
    text, number = replace_line("{key: charter", "            - {key: charter, label: 章程, points: 1.5}")
    # the items list starts on the charter line; the message gives both sums
    return text, number, "C1.rule.items", "2.5"


def case_veto_without_text():
    text, number = replace_line("{key: incident", "  - {key: incident}")
    return text, number, "veto[0].text", "缺少"


def case_composite_weights():
    rows = BASE.splitlines()
    at = line_of(BASE, "areas:")
    block = ["composite:",
             "  parts:",
             "    - {key: a, label: 管理线, weight: 0.5, areas: [A1]}",
             "    - {key: b, label: 评价线, weight: 0.4, areas: [A2]}"]
    rows[at - 1: at - 1] = block
    return "\n".join(rows) + "\n", at + 2, "composite.parts", "应为 1"


def case_template_without_open_points():
    text, number = replace_line("status: complete", "status: template")
    return text, number, "open_points", "open_points"


def case_unknown_group_type_variant():
    rows = BASE.splitlines()
    number = line_of(BASE, "text: 满意度")
    rows[number:number] = ["        variants: {紧密型: 紧密型集团的满意度}"]
    return "\n".join(rows) + "\n", number + 1, "C3.variants", "紧密型"


def case_open_points_in_complete_rubric():
    text, number = replace_line("points: 2", "        points: 待定")
    return text, number, "C1.points", "模板"


CASES = {name[5:]: fn for name, fn in globals().items() if name.startswith("case_")}


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_file_names_file_line_and_field(tmp_path, name):
    text, line, field, message = CASES[name]()
    assert_named(write(tmp_path, text), line, field, message)


def test_gbk_file(tmp_path):
    path = write(tmp_path, BASE.encode("gbk"))
    # the first non-ASCII byte is in the title on line 4
    assert_named(path, line_of(BASE, "title: 测试指标"), "title", "UTF-8")


def test_truncated_file(tmp_path):
    cut = BASE.index("deductions: [{key: missing, lab") + len("deductions: [{key: missing, lab")
    path = write(tmp_path, BASE[:cut])
    line = line_of(BASE, "deductions: [{key: missing")
    problems = problems_of(path)
    assert len(problems) == 1
    p = problems[0]
    assert p.file == str(path) and p.line == line and p.field.endswith("rule"), p
    assert "意外结束" in p.message


def test_truncated_at_a_line_end(tmp_path):
    # cut after C1's text: the file parses, but C1 lacks its points, rule and targets
    rows = BASE.splitlines()
    number = line_of(BASE, "text: 制定章程和规划")
    path = write(tmp_path, "\n".join(rows[:number]) + "\n")
    c1 = line_of(BASE, "- code: C1")
    assert_named(path, c1, "C1.points", "缺少")
    assert_named(path, c1, "C1.targets", "缺少")


def test_empty_file(tmp_path):
    assert_named(write(tmp_path, ""), 1, "文件", "空")
    assert_named(write(tmp_path, "# 只有注释\n", "comment.yaml"), 1, "文件", "没有内容")


def test_tab_indentation(tmp_path):
    text, number = replace_line("points: 2", "\t\tpoints: 2")
    problem = assert_named(write(tmp_path, text), number, "points", "Tab")
    assert problem.field == "areas.indicators.points"


def test_alias_bomb(tmp_path):
    bomb = ['lol0: &a0 ["哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈"]']
    for i in range(1, 9):
        bomb.append(f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    text = "\n".join(bomb) + "\n" + BASE
    path = write(tmp_path, text)
    problems = problems_of(path)
    assert len(problems) == 1
    p = problems[0]
    assert p.file == str(path) and 1 <= p.line <= len(bomb) and p.field.startswith("lol")
    assert "别名" in p.message


def test_bom_is_accepted(tmp_path):
    path = write(tmp_path, b"\xef\xbb\xbf" + BASE.encode("utf-8"))
    assert load_rubric(path).id == "test-rubric"


def test_every_problem_is_reported_at_once(tmp_path):
    text = BASE.replace("total: 10", "total: 12").replace("rule: {type: percentage}", "rule: {type: percent}")
    fields = {p.field for p in problems_of(write(tmp_path, text))}
    assert "total" in fields and any(f.endswith("rule.type") for f in fields)


# --- the data folder and the command line -------------------------------------------------

def test_broken_file_in_data_folder_does_not_stop_the_others(data_dir, capsys):
    folder = data_dir / "rubrics"
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text(BASE.replace("total: 10", "total: 12"), encoding="utf-8")
    catalog = load_catalog()
    assert {"suizhou-jlt", "ankang-2022"} <= set(catalog.rubrics)
    assert "test-rubric" not in catalog.rubrics
    assert any(p.file.endswith("broken.yaml") and p.field == "total" for p in catalog.problems)

    assert main(["rubric", "list"]) == 0
    out = capsys.readouterr().out
    assert "suizhou-jlt" in out and "ankang-2022" in out
    assert re.search(r"（未载入）.*broken\.yaml:\d+: total: ", out)


def test_data_folder_file_with_same_id_replaces_the_shipped_one(data_dir):
    folder = data_dir / "rubrics"
    folder.mkdir(parents=True)
    text = (ROOT / "rubrics" / "ankang-2022.yaml").read_text(encoding="utf-8")
    (folder / "ankang-corrected.yaml").write_text(text.replace('version: "2022.1"', 'version: "2022.2"'),
                                                  encoding="utf-8")
    assert load_catalog().rubrics["ankang-2022"].version == "2022.2"


def test_check_command_lists_problems_and_exits_1(tmp_path, capsys):
    good = write(tmp_path, BASE, "good.yaml")
    bad = write(tmp_path, BASE.replace("   max: 6\n", "   max: 7\n"), "bad.yaml")
    assert main(["rubric", "check", str(good)]) == 0
    assert "全部有效" in capsys.readouterr().out
    assert main(["rubric", "check", str(good), str(bad)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines
    for row in lines:
        assert re.match(rf"^{re.escape(str(bad))}:\d+: [^:]+: .+$", row), row
    assert any(f":{line_of(BASE, '   max: 6')}: areas[A1].max: " in row for row in lines)


def test_subprocess_list_with_broken_data_file(tmp_path):
    data = tmp_path / "data2"
    (data / "rubrics").mkdir(parents=True)
    (data / "rubrics" / "gbk.yaml").write_bytes(BASE.encode("gbk"))
    env = dict(os.environ, INSPECTOR_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-m", "inspector_app", "rubric", "list"], capture_output=True,
                         text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "suizhou-jlt" in run.stdout and "sanya-2021" in run.stdout
    assert "gbk.yaml:4: title: " in run.stdout
