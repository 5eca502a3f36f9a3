"""Rubrics as Excel workbooks: every shipped rubric survives the round trip, a bureau completes a
template in Excel and scores with it, and every broken workbook is refused naming sheet and cell."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from inspector_app.cli.main import main
from inspector_app.cli.rubric_cmd import rubric_json
from inspector_app.rubric.loader import load_rubric, load_rubric_bytes
from inspector_app.rubric.workbook_export import export_workbook
from inspector_app.rubric.workbook_import import import_workbook
from inspector_app.rubric.workbook_layout import AREAS, GRADES, INDICATORS, INFO, PARTS, WorkbookError, plain
from inspector_app.rubric.yamlnodes import read_yaml_file

RUBRICS = sorted((Path(__file__).resolve().parents[1] / "rubrics").glob("*.yaml"))


def _export(rubric_file: Path, out: Path) -> Path:
    export_workbook(plain(read_yaml_file(rubric_file)), str(out))
    return out


@pytest.mark.parametrize("rubric_file", RUBRICS, ids=lambda p: p.stem)
def test_round_trip_is_lossless(rubric_file, tmp_path):
    xlsx = _export(rubric_file, tmp_path / "r.xlsx")
    text = import_workbook(xlsx)
    back = tmp_path / "r.yaml"
    back.write_text(text, encoding="utf-8")
    before, after = rubric_json(load_rubric(rubric_file)), rubric_json(load_rubric(back))
    before.pop("content_hash"), after.pop("content_hash")
    assert json.dumps(after, ensure_ascii=False, sort_keys=True) == json.dumps(before, ensure_ascii=False,
                                                                               sort_keys=True)
    # the file's own tree too, value for value (comments aside)
    assert plain(read_yaml_file(back)) == plain(read_yaml_file(rubric_file))


def test_workbook_is_laid_out_like_the_seed_table(tmp_path):
    wb = openpyxl.load_workbook(_export(Path("rubrics/suizhou-2022.yaml").resolve() if Path("rubrics").exists()
                                        else RUBRICS[-1], tmp_path / "s.xlsx"))
    headers = [c.value for c in wb[INDICATORS][1]]
    assert headers[:9] == ["一级指标", "二级指标", "三级指标", "考核要点", "分值", "评分标准", "考核对象", "评价方式",
                           "佐证材料"]
    rows = {r[2]: r for r in wb[INDICATORS].iter_rows(min_row=2, values_only=True)}
    # 004 C6: “建立健全教联体学科教研制度（5分）” — a gate worth 5, targeting the lead school
    assert rows["C6"][4] == 5 and rows["C6"][9] == "gate" and "核心校" in rows["C6"][6]
    validations = wb[INDICATORS].data_validations.dataValidation
    assert any("gate" in (v.formula1 or "") for v in validations), "rule types offered as a drop-down"


def test_cli_export_and_import(tmp_path, capsys):
    xlsx, yaml_out = tmp_path / "随州.xlsx", tmp_path / "随州.yaml"
    assert main(["--data-dir", str(tmp_path / "d"), "rubric", "export", "suizhou-jlt", "--out", str(xlsx)]) == 0
    assert main(["--data-dir", str(tmp_path / "d"), "rubric", "import", str(xlsx), "--out", str(yaml_out)]) == 0
    assert "已写出" in capsys.readouterr().out
    assert load_rubric(yaml_out).indicator("C20").points == Decimal(10)


def _complete_sanya(xlsx: Path) -> None:
    """What a bureau officer does in Excel to finish 003's template (the figures are this test's own)."""
    wb = openpyxl.load_workbook(xlsx)
    info = wb[INFO]
    for row in info.iter_rows(min_row=2):
        key = row[1].value
        if key == "status":
            row[2].value = "complete"
        elif key == "total":
            row[2].value = 100
        elif key in ("open_points", "grades"):
            row[2].value = None
    grades = wb[GRADES]
    for r, (label, lo, hi) in enumerate([("A", 85, None), ("B", 75, 85), ("C", 60, 75), ("D", 0, 60)], start=2):
        grades.cell(r, 1, label), grades.cell(r, 2, lo), grades.cell(r, 3, hi)
    for row in wb[AREAS].iter_rows(min_row=2):
        row[2].value = 20
    ind = wb[INDICATORS]
    for row in ind.iter_rows(min_row=2):
        area = row[0].value.split()[0]
        row[2].value = f"{area}.1"
        row[3].value = f"测试用指标（{area}）"
        row[4].value = 20
        row[11].value = None  # no longer a placeholder
        if area == "一":
            row[9].value, row[10].value = "gate", "{condition: 学区、集团管理机构健全}"
    wb.save(xlsx)


def test_bureau_completes_a_template_in_excel_and_scores_with_it(tmp_path, capsys):
    xlsx = _export(RUBRICS[[p.stem for p in RUBRICS].index("sanya-2021")], tmp_path / "三亚.xlsx")
    _complete_sanya(xlsx)
    out = tmp_path / "三亚.yaml"
    assert main(["rubric", "import", str(xlsx), "--out", str(out)]) == 0
    rubric = load_rubric(out)
    assert rubric.status == "complete" and rubric.total == 100
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "rubric: sanya-2021\nschools:\n  - {id: s1, name: 测试学校, role: lead}\nanswers:\n"
        "  一.1: {met: 是}\n  二.1: {points: 18, reason: 校本课程少一门}\n  三.1: {points: 15, reason: 培训记录不全}\n"
        "  四.1: {points: 16.5, reason: 资源平台使用不足}\n  五.1: {points: 12, reason: 成员校差距大}\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["score", str(out), str(answers), "--json"]) == 0
    card = json.loads(capsys.readouterr().out)
    # Worked by hand: the gate met gives its 20; the four panel-judged scores (manual, each with its reason) add 18 + 15 + 16.5 + 12.
    # 20 + 61.5 = 81.5, in the band [75, 85) the bureau wrote for B.
    assert Decimal(str(card["total"])) == Decimal("81.5")
    assert card["grade"] == "B"


def _broken(tmp_path: Path, name: str, edit) -> Path:
    xlsx = _export(RUBRICS[[p.stem for p in RUBRICS].index("suizhou-2022")], tmp_path / f"{name}.xlsx")
    wb = openpyxl.load_workbook(xlsx)
    edit(wb)
    wb.save(xlsx)
    return xlsx


def _ind_row(wb, code: str) -> int:
    for r in range(2, wb[INDICATORS].max_row + 1):
        if wb[INDICATORS].cell(r, 3).value == code:
            return r
    raise AssertionError(code)


def _set(sheet: str, cell: str, value):
    def edit(wb):
        wb[sheet][cell] = value
    return edit


def _ind(code: str, col: int, value):
    def edit(wb):
        wb[INDICATORS].cell(_ind_row(wb, code), col).value = value
    return edit


def _merge_codes(wb):
    r = _ind_row(wb, "C6")
    wb[INDICATORS].merge_cells(start_row=r, start_column=3, end_row=r + 1, end_column=3)


def _delete_sheet(name):
    def edit(wb):
        del wb[name]
    return edit


BROKEN = {
    # name: (edit, cell expected in the message, words expected)
    "merged-code": (_merge_codes, "指标!C", "合并单元格"),
    "points-as-text": (_ind("C6", 5, "五分"), "指标!E", "不是数字"),
    "rule-type-not-in-list": (_ind("C6", 10, "magic"), "指标!J", "magic"),
    "missing-sheet": (_delete_sheet(INDICATORS), "指标", "缺少工作表"),
    "full-width-code": (_ind("C7", 3, "Ｃ6"), "指标!C", "半角“C6”"),
    "duplicate-code": (_ind("C7", 3, "C6"), "指标!C", "重复"),
    "unknown-area": (_ind("C6", 1, "A9"), "指标!A", "不在「一级指标」表中"),
    "area-title-disagrees": (_ind("C6", 1, "A2 别的名称"), "指标!A", "不一致"),
    "group-of-other-area": (_ind("C6", 2, "B1"), "指标!B", "不属于"),
    "negative-points": (_ind("C6", 5, -1), "指标!E", "不能小于"),
    "target-unknown": (_ind("C6", 7, "区教育局"), "指标!G", "考核对象"),
    "method-unknown": (_ind("C6", 8, "掷骰子"), "指标!H", "评价方式"),
    "bad-rule-params": (_ind("C6", 11, "{condition: "), "指标!K", "写法有误"),
    "params-not-a-mapping": (_ind("C6", 11, "[1, 2]"), "指标!K", "{键: 值"),
    "missing-code": (_ind("C6", 3, None), "指标!C", "缺少编号"),
    "header-renamed": (_set(INDICATORS, "E1", "分数"), "指标!E1", "表头"),
    "area-max-text": (_set(AREAS, "C2", "十"), "一级指标!C2", "不是数字"),
    "status-unknown": (_set(INFO, "C6", "draft"), "基本信息!C6", "draft"),
    "grade-min-text": (_set(GRADES, "B2", "八十五"), "等级!B2", "不是数字"),
    "part-of-unknown-indicator": (_set(PARTS, "A2", "C99"), "评分部分!A2", "C99"),
    "part-of-non-parts-rule": (_set(PARTS, "A2", "C6"), "评分部分!A2", "不是 parts"),
    "total-mismatch": (_set(INFO, "C7", 90), "基本信息!C7", "不符"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_workbook_is_refused_naming_sheet_and_cell(case, tmp_path):
    edit, cell, words = BROKEN[case]
    xlsx = _broken(tmp_path, case, edit)
    with pytest.raises(WorkbookError) as caught:
        import_workbook(xlsx)
    text = str(caught.value)
    assert cell in text and words in text, text
    assert str(xlsx) in text


@pytest.mark.parametrize("content,words", [(b"", "空的"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".xls"),
                                           (b"rubric: not a workbook\n", "不是 Excel")])
def test_files_that_are_not_workbooks(tmp_path, content, words, capsys):
    xlsx = tmp_path / "x.xlsx"
    xlsx.write_bytes(content)
    out = tmp_path / "x.yaml"
    assert main(["rubric", "import", str(xlsx), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert not out.exists()


def test_full_width_points_read_as_in_a_rubric_file(tmp_path):
    # A Chinese input method types ２ for 2: rubric files accept it (NFKC), so the workbook does too.
    xlsx = _broken(tmp_path, "fw", _ind("C8", 5, "２"))
    assert load_rubric_bytes(import_workbook(xlsx).encode(), "x").indicator("C8").points == 2


def test_refused_import_writes_nothing(tmp_path, capsys):
    xlsx = _broken(tmp_path, "bad", _ind("C6", 5, "五分"))
    out = tmp_path / "out.yaml"
    out.write_text("kept", encoding="utf-8")
    assert main(["rubric", "import", str(xlsx), "--out", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "kept"
    assert "指标!E" in capsys.readouterr().err
