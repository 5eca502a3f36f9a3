"""Results: ranks, ties, every consequence worked by hand, the workbook, the PDF,
history read back, and the bureau's roster spreadsheet."""
from __future__ import annotations

import csv
import shutil
import subprocess
import zipfile
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest

from inspector_app.cli.main import main
from inspector_app.numbers import fmt_points
from inspector_app.results.cards import results_from_cards
from inspector_app.results.consequences import POLICIES, Policy, policy_for
from inspector_app.results.history import HistoryError, read_history
from inspector_app.results.model import History, IndicatorScore, PastResult, UnitResult
from inspector_app.scoring.school import School
from inspector_app.results.ranking import award_cut, compute_results
from inspector_app.results.roster import RosterError, read_roster
from inspector_app.results.roster_template import write_roster_template
from inspector_app.results.summary_pdf import write_summary_pdf
from inspector_app.results.workbook import SUMMARY, SUMMARY_HEADERS, write_results_workbook
from inspector_app.rubric.catalog import load_catalog
from inspector_app.scoring.answers import load_answers

ROOT = Path(__file__).resolve().parents[1]
INJECTION = "=cmd|' /C calc'!A0"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog([ROOT / "rubrics"])


@pytest.fixture(scope="module")
def suizhou(catalog):
    return catalog.get("suizhou-jlt")


def unit(rubric, gid, name, gtype, total, *, vetoed=False, self_scores=None, panel=None):
    """A unit with a few indicators; panel/self points only where a test needs them."""
    total = D(total)
    panel = panel or {}
    self_scores = self_scores or {}
    schools = (School(f"{gid}-1", f"{name}核心校", "lead", "初中", "总校校长"),
               School(f"{gid}-2", f"{name}成员校", "member", "小学", "执行校长"))
    inds = []
    for code in ("C1", "C5", "C20"):
        ind = rubric.indicator(code)
        pts = D(panel.get(code, ind.points * D("0.8")))
        per_school = {s.id: pts for s in schools} if ind.scope.per_school else {}
        inds.append(IndicatorScore(code, ind.area_code, ind.points, pts, self_scores.get(code),
                                   ("王老师", "李老师"), per_school))
    grade = rubric.grades.lowest if vetoed else rubric.grades.grade(total)
    return UnitResult(gid, name, gtype, schools[0].name, total, grade, (), tuple(inds), schools,
                      vetoed, "辖区学校出现重大安全责任事件" if vetoed else "")


@pytest.fixture()
def case(suizhou):
    """Six units, 2025, with 2024's results. Worked by hand:

    | id | type | total | grade | rank | class rank | 2024 rank, grade |
    | G1 | 融合型 | 91 | 优秀 | 1 | 1 | 1 优秀 |
    | G2 | 共建型 | 86.5 | 优秀 | 2 | 1 | 5 良好 | up 3
    | G3 | 融合型 | 86.5 | 优秀 | 2 | 2 | 2 优秀 | tie with G2: both 2nd, next is 4th
    | G4 | 共建型 | 78 | 良好 | 4 | 2 | 3 良好 |
    | G5 | 融合型 | 58 | 不合格 | 5 | 3 | 4 合格 |
    | G6 | 共建型 | 88, vetoed | 不合格 | 6 | 3 | 6 不合格 (last of 6) | veto ranks it last
    """
    units = [
        unit(suizhou, "G1", "阳光教联体", "融合型", "91", self_scores={"C1": D(4), "C5": D(10)},
             panel={"C1": "4", "C5": "7"}),
        unit(suizhou, "G2", INJECTION, "共建型", "86.5"),
        unit(suizhou, "G3", "东城教联体", "融合型", "86.5"),
        unit(suizhou, "G4", "西城教联体", "共建型", "78", self_scores={"C1": D("4.5")}, panel={"C1": "4"}),
        unit(suizhou, "G5", "南城教联体", "融合型", "58"),
        unit(suizhou, "G6", "北城教联体", "共建型", "88", vetoed=True),
    ]
    history = History()
    for gid, rank, grade, total in [("G1", 1, "优秀", "90"), ("G2", 5, "良好", "76"), ("G3", 2, "优秀", "88"),
                                    ("G4", 3, "良好", "80"), ("G5", 4, "合格", "70"), ("G6", 6, "不合格", "55")]:
        history.add(gid, 2024, PastResult(D(total), grade, rank))
    return units, history


def labels(results):
    return {r.unit.group_id: [f.label for f in r.flags] for r in results.units}


# --- ranks -----------------------------------------------------------------------


def test_ranks_ties_and_classes(case, suizhou):
    units, history = case
    res = compute_results(units, suizhou, history, 2025, POLICIES["basic"])
    assert [(r.unit.group_id, r.rank) for r in res.units] == [
        ("G1", 1), ("G2", 2), ("G3", 2), ("G4", 4), ("G5", 5), ("G6", 6)]
    # 分类评价: ranks inside 融合型 (G1, G3, G5) and 共建型 (G2, G4, G6)
    assert {r.unit.group_id: (r.class_rank, r.class_size) for r in res.units} == {
        "G1": (1, 3), "G3": (2, 3), "G5": (3, 3), "G2": (1, 3), "G4": (2, 3), "G6": (3, 3)}
    assert {r.unit.group_id: r.rank_change for r in res.units} == {
        "G1": 0, "G2": 3, "G3": 0, "G4": -1, "G5": -1, "G6": 0}
    # the tie is listed by group id; the input order does not matter
    again = compute_results(list(reversed(units)), suizhou, history, 2025, POLICIES["basic"])
    assert [r.unit.group_id for r in again.units] == [r.unit.group_id for r in res.units]


def test_all_tied_has_no_last_place(suizhou):
    units = [unit(suizhou, f"G{i}", f"集团{i}", "融合型", "80") for i in range(3)]
    res = compute_results(units, suizhou, None, 2025, POLICIES["003"])
    assert [r.rank for r in res.units] == [1, 1, 1]
    assert all(not r.flags for r in res.units)


def test_policy_chosen_by_rubric(catalog):
    assert policy_for(catalog.get("suizhou-jlt")) is POLICIES["004"]
    assert policy_for(catalog.get("ankang-2022")) is POLICIES["000"]
    assert policy_for(catalog.get("sanya-2021")) is POLICIES["003"]
    assert policy_for(catalog.get("jiexi-2023")) is POLICIES["basic"]


# --- consequences, seed by seed --------------------------------------------------


def test_003_progress_and_last_place(case, suizhou):
    units, history = case
    res = compute_results(units, suizhou, history, 2025, POLICIES["003"])
    got = labels(res)
    # 003 七(2): "考核评估综合排序比上年前进三位或以上的单位，授予学区化集团化办学进步单位称号。"
    # G2: 5th → 2nd = 3 places. G1, G3 stayed; G4, G5 fell one place.
    assert got["G2"] == ["进步单位"]
    # 003 七(2): "考核评估末位的学区或集团向市（区）教育局作出情况说明。" G6 is 6th of 6.
    # 003 七(2): "对连续两年排名末尾的教育共同体成员学校予以通报批评" G6 was 6th of 6 in 2024 too.
    assert got["G6"] == ["末位", "连续两年末位"]
    assert got["G1"] == ["自评差异"] and got["G3"] == got["G4"] == got["G5"] == []


def test_004_yellow_card_and_second_year(case, suizhou):
    units, history = case
    res = compute_results(units, suizhou, history, 2025)  # policy from the rubric: 004
    got = labels(res)
    # 004 五: "对县（市、区）年度考核评价为“优秀”的教联体由随州市教育局组织考核，择优发放奖补资金"
    assert got["G1"] == ["奖补候选", "自评差异"]
    assert got["G2"] == got["G3"] == ["奖补候选"]
    assert got["G4"] == []
    # 004 五: "实行“一年亮黄牌、两年对教联体核心校或牵头校校长予以调整”" — G5 fails for the first
    # time (合格 in 2024); G6 fails again (vetoed in 2025, 不合格 in 2024).
    assert got["G5"] == ["黄牌"]
    assert got["G6"] == ["黄牌", "两年不合格"]
    assert "一票否决：辖区学校出现重大安全责任事件" in res.by_id("G6").flags[0].detail


def test_000_award_fail_and_two_years(case, suizhou):
    units, history = case
    res = compute_results(units, suizhou, history, 2025, POLICIES["000"])
    got = labels(res)
    # 000 六、2: "在考核评价确定为“优秀”和“良好”等次的教育集团中，依据总评分从高到低，
    # 分别按不超过30%的比例确定奖励对象" — 优秀: 3 units × 30% = 0.9 → 0; 良好: 1 × 30% → 0.
    assert not any(r.award for r in res.units)
    assert any("3 个单位 × 30% 向下取整 = 0 个名额" in n for n in res.notes)
    # 000 六、3: "对考核评价“不合格”的教育集团，由教育主管部门督促整改提升；连续两年“不合格”的，
    # 由教育主管部门优化组合"
    assert got["G5"] == ["督促整改"]
    assert got["G6"] == ["督促整改", "连续两年不合格"]
    # 000 六、1 concerns 一体型 groups only; these are 融合型 and 共建型.
    assert not any("高级岗位+5%" in g for g in got.values())


def test_000_award_combined_pool(case, suizhou):
    units, history = case
    award = POLICIES["000"].consequences[0]
    from dataclasses import replace
    policy = Policy("combined", (replace(award, pool="combined"),))
    res = compute_results(units, suizhou, history, 2025, policy)
    # 优秀 and 良好 together: G1, G2, G3, G4 = 4 × 30% = 1.2 → 1: the highest, G1 (91).
    assert [r.unit.group_id for r in res.units if r.award] == ["G1"]


def test_000_award_tie_at_the_cut(suizhou):
    totals = {"A": "95", "B": "92", "C": "92", "D": "90", "E": "88", "F": "87", "G": "86"}
    units = [unit(suizhou, gid, f"集团{gid}", "融合型", t) for gid, t in totals.items()]
    res = compute_results(units, suizhou, None, 2025, POLICIES["000"])
    # 7 优秀 × 30% = 2.1 → 2 places; B and C tie at the 2nd place: taking both would be 3 > 30%,
    # so neither is listed ("不超过"), both are marked for the bureau to decide.
    assert award_cut(7, D("0.3")) == 2
    assert [r.unit.group_id for r in res.units if r.award] == ["A"]
    got = labels(res)
    assert got["B"] == got["C"] == ["奖励并列待定"]
    assert got["D"] == []


def test_award_cut_rounds_down():
    assert [award_cut(n, D("0.3")) for n in (0, 1, 3, 4, 7, 10, 11)] == [0, 0, 0, 1, 2, 3, 3]


def test_000_senior_posts_for_excellent_integrated_groups(catalog):
    ankang = catalog.get("ankang-2022")
    units = [UnitResult("Y", "一体型集团", "一体型", "", D(92), "优秀"),
             UnitResult("T", "托管型集团", "托管型", "", D(93), "优秀")]
    got = labels(compute_results(units, ankang, None, 2025))
    # 000 六、1: "对考核评价确定为“优秀”的一体型教育集团，高级教师岗位设置比例…提高5%"
    assert got["Y"] == ["高级岗位+5%"] and got["T"] == []


def test_self_evaluation_difference(case, suizhou):
    units, history = case
    res = compute_results(units, suizhou, history, 2025, POLICIES["basic"])
    g1 = res.by_id("G1")
    # C5 (10 points): self 10, panel 7: 3 ≥ 20% × 10 → flagged; C1: 4 vs 4 → not.
    assert [(d.code, d.diff, d.flagged) for d in g1.diffs] == [("C1", D(0), False), ("C5", D(3), True)]
    assert g1.flags[0].label == "自评差异" and "C5（+3）" in g1.flags[0].detail
    # G4: C1 self 4.5, panel 4: 0.5 < 20% × 5 and the totals differ by 0.5 < 5 → no flag.
    g4 = res.by_id("G4")
    assert [d.flagged for d in g4.diffs] == [False] and g4.flags == []


# --- workbook -----------------------------------------------------------------------


def _soffice_csv(xlsx: Path, outdir: Path) -> list[list[str]]:
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (soffice) is needed to read the workbook independently (.ci/run installs it)"
    profile = outdir / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true", "--outdir", str(outdir),
                    str(xlsx)], check=True, capture_output=True, timeout=180)
    with open(outdir / (xlsx.stem + ".csv"), encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_workbook_summary_through_libreoffice(case, suizhou, tmp_path):
    units, history = case
    res = compute_results(units, suizhou, history, 2025)
    out = write_results_workbook(res, tmp_path / "结果.xlsx")
    rows = _soffice_csv(out, tmp_path)  # the first sheet, as LibreOffice shows it
    assert tuple(rows[0]) == SUMMARY_HEADERS
    expected = []

    def places(values):  # one number of decimals per column: the most any value in it has
        return max(max(0, -D(v).normalize().as_tuple().exponent) for v in values)

    total_places = places([r.unit.total for r in res.units])
    prior_places = places([r.previous.total for r in res.units])
    for r in res.units:
        change = r.rank_change
        expected.append([str(r.rank), r.unit.group_id, r.unit.name, r.unit.group_type, r.unit.lead_school,
                         f"{r.unit.total:.{total_places}f}", r.unit.grade, str(r.class_rank),
                         f"{r.previous.total:.{prior_places}f}", r.previous.grade or "", str(r.previous.rank),
                         "0" if change == 0 else f"{change:+d}", r.flag_text])
    assert [row[:13] for row in rows[1:]] == expected
    assert rows[2][2] == INJECTION and rows[1][5] == "91.0" and rows[2][5] == "86.5"


def test_workbook_cells_types_and_layout(case, suizhou, tmp_path):
    units, history = case
    res = compute_results(units, suizhou, history, 2025)
    out = write_results_workbook(res, tmp_path / "r.xlsx")
    assert not list(tmp_path.glob(".*part"))  # no temporary file left behind
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [SUMMARY, "未完成", "一级指标得分", "指标得分", "指标明细", "分校得分", "整改台账", "自评差异",
                             "说明"]
    ws = wb[SUMMARY]
    name = ws.cell(3, 3)
    assert name.value == INJECTION and name.data_type == "s"  # text, not a formula
    assert isinstance(ws.cell(2, 6).value, (int, float)) and ws.cell(3, 6).value == 86.5
    assert ws.cell(3, 6).number_format == "0.0"
    assert ws.freeze_panes == "D2" and ws.auto_filter.ref == "A1:P7"  # P: the 整改 column
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"
    assert ws.column_dimensions["C"].width >= 2 * len("=cmd|' /C calc'!A0") // 2
    detail = wb["指标明细"]
    assert [c.value for c in detail[2]][:8] == ["G1", "阳光教联体", "A1 管理共进", "C1", 5, 4, 4, "王老师、李老师"]
    schools = wb["分校得分"]
    assert [c.value for c in schools[1]][-2:] == ["C20（10分）", "逐校评分合计"]
    assert schools.cell(2, 8).value == 8
    diff = wb["自评差异"]
    # one sign convention with the feedback report: 考核组 − 自评 (self 10, panel 7 → −3)
    assert [c.value for c in diff[3]][:8] == ["G1", "阳光教联体", "C5", 10, 10, 7, -3, "是"]


def test_history_round_trip(case, suizhou, tmp_path):
    units, history = case
    res = compute_results(units, suizhou, history, 2025)
    out = write_results_workbook(res, tmp_path / "2025.xlsx")
    back = read_history(out)
    assert back.years == res.to_history().years
    assert back.get("G2", 2025) == PastResult(D("86.5"), "优秀", 2, False)
    assert back.was_last("G6", 2025) and not back.was_last("G5", 2025)
    # next year: G5 moves from 5th to 1st → 进步单位 under 003
    nxt = [unit(suizhou, "G5", "南城教联体", "融合型", "95")] + [u for u in units if u.group_id != "G5"]
    res2 = compute_results(nxt, suizhou, back, 2026, POLICIES["003"])
    assert "进步单位" in labels(res2)["G5"]


def test_history_from_another_file_is_refused(tmp_path):
    bad = tmp_path / "x.xlsx"
    openpyxl.Workbook().save(bad)
    with pytest.raises(HistoryError) as err:
        read_history(bad)
    assert "排名汇总: 找不到工作表" in str(err.value)
    (tmp_path / "y.xlsx").write_bytes(b"not a zip")
    with pytest.raises(HistoryError):
        read_history(tmp_path / "y.xlsx")


# --- PDF -------------------------------------------------------------------------------


def test_summary_pdf(case, suizhou, tmp_path):
    units, history = case
    res = compute_results(units, suizhou, history, 2025)
    out = write_summary_pdf(res, tmp_path / "结果.pdf")
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"DroidSansFallback" in data and b"FontFile2" in data
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        flat = "".join(text.split())
        # titled as a notice; the internal flags (两年不合格 …) are for the bureau's workbook, not the public
        assert f"关于{res.rubric_title}结果的公示" in flat and "86.5" in flat
        assert "两年不合格" not in flat and "标记" not in flat


# --- roster -------------------------------------------------------------------------------


def _fill(template: Path, out: Path, data: dict[str, list[list]]) -> Path:
    wb = openpyxl.load_workbook(template)
    for sheet, rows in data.items():
        ws = wb[sheet]
        for r, row in enumerate(rows, start=2):
            for c, value in enumerate(row, start=1):
                ws.cell(r, c, value)
    wb.save(out)
    return out


GOOD = {
    "集团": [["G01", "城区第一教育集团", "融合型"], ["Ｇ０２", "城区第二教育集团", "共建型"]],
    "学校": [["G01", "S01", "第四中学", "核心校", "初中", "总校校长"],
           ["G01", "S02", "镇罗校区", "成员校", "小学", "执行校长"],
           ["G02", "S03", "第二小学", "核心校", "小学", "总校校长"],
           ["G02", "S04", "第二小学附属幼儿园", "成员校", "幼儿园", "执行园长"]],
    "自评": [["G01", "C1", "４.５"], ["G01", "C20", 9], ["G02", "c5", 8]],
    "上年结果": [["G01", 2024, 88, "优秀", 1, None], ["G02", 2024, "７０", "合格", 2, "是"]],
}


def test_roster_template_and_good_roster(suizhou, tmp_path):
    template = tmp_path / "模板.xlsx"
    write_roster_template(template, suizhou)
    wb = openpyxl.load_workbook(template)
    assert {"集团", "学校", "自评", "上年结果", "指标", "填写说明"} <= set(wb.sheetnames)
    assert [c.value for c in wb["学校"][1]] == ["集团编号", "学校编号", "学校名称", "角色", "学段", "负责人职务"]
    assert any('"核心校,成员校"' in (dv.formula1 or "") for dv in wb["学校"].data_validations.dataValidation)
    roster = read_roster(_fill(template, tmp_path / "名单.xlsx", GOOD), suizhou)
    assert [(g.id, g.group_type) for g in roster.groups] == [("G01", "融合型"), ("G02", "共建型")]
    assert roster.lead_of("G02").name == "第二小学"
    assert roster.schools["G02"][1] == School("S04", "第二小学附属幼儿园", "member", "幼儿园", "执行园长")
    assert roster.self_scores == {"G01": {"C1": D("4.5"), "C20": D(9)}, "G02": {"C5": D(8)}}
    assert roster.history.get("G02", 2024) == PastResult(D(70), "合格", 2, True)
    assert roster.history.get("G01", 2024).last_place is None


def test_roster_with_errors_is_refused_whole(suizhou, tmp_path):
    template = tmp_path / "模板.xlsx"
    write_roster_template(template, suizhou)
    bad = {
        "集团": [["G01", "城区第一教育集团", "融合型"], ["G01", "重复编号集团", "融合型"],
               ["G03", "城区第三教育集团", "紧密型"]],
        "学校": [["G01", "S01", "第四中学", "校长", "初中", None],
               ["G09", "S02", "镇罗校区", "成员校", "小学", None],
               ["G01", "S02", "郭滩校区", "成员校", "小学", None],
               ["G01", "S05", "观音校区", "成员校", "大学", None]],
        "自评": [["G01", "C1", 6], ["G01", "C99", 3], ["G01", "C5", "abc"]],
        "上年结果": [["G01", 24, 88, "优秀", 1]],
    }
    with pytest.raises(RosterError) as err:
        read_roster(_fill(template, tmp_path / "名单.xlsx", bad), suizhou)
    problems = [str(p) for p in err.value.problems]
    expected = [
        "集团!A3: 集团编号“G01”与第 2 行重复",
        "集团!C4: 集团类型应为 融合型 或 共建型，而不是“紧密型”",
        "学校!D2: 角色应为 核心校 或 成员校，而不是“校长”",
        "学校!A3: 集团编号“G09”不在“集团”表中",
        "学校!B4: 学校编号“S02”与第 3 行重复",
        "学校!E5: 学段应为 小学、初中、九年制、高中、完全中学、幼儿园 之一，而不是“大学”",
        "集团!A2: 集团“G01”没有核心校：“学校”表中应有一所该集团角色为核心校的学校",
        "自评!C2: 指标 C1 的得分应在 0 至 5 之间，而不是 6",
        "自评!B3: 指标编号“C99”不在随州市教联体建设考核评价标准（试行）中",
        "自评!C4: “abc” 不是数字（允许如 85、84.5、４.５）",
        "上年结果!B2: 年度应为四位数年份",
    ]
    assert problems == expected


def test_roster_not_a_workbook(suizhou, tmp_path):
    path = tmp_path / "名单.xlsx"
    path.write_text("集团编号,集团名称\n", encoding="utf-8")
    with pytest.raises(RosterError) as err:
        read_roster(path, suizhou)
    assert "不是可以读取的 Excel 工作簿" in str(err.value)
    with pytest.raises(RosterError, match="找不到文件"):
        read_roster(tmp_path / "none.xlsx", suizhou)


def test_roster_missing_sheet_and_column(suizhou, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "集团"
    wb.active.append(["集团编号", "集团名称"])
    wb.active.append(["G1", "一集团"])
    path = tmp_path / "r.xlsx"
    wb.save(path)
    with pytest.raises(RosterError) as err:
        read_roster(path, suizhou)
    text = str(err.value)
    assert "学校: 找不到工作表“学校”" in text and "集团!1: 缺少列“集团类型”" in text


# --- from score cards, and the command line -----------------------------------------------


def test_results_from_cards(suizhou, tmp_path):
    template = tmp_path / "t.xlsx"
    write_roster_template(template, suizhou)
    roster = read_roster(_fill(template, tmp_path / "r.xlsx", GOOD), suizhou)
    card = load_answers(ROOT / "docs/examples/answers-suizhou.yaml", suizhou).card()
    res = results_from_cards(suizhou, 2025, {"G01": card, "G02": card}, roster,
                             experts={"G01": {"C1": ["王老师"]}})
    assert [(r.unit.group_id, r.rank, r.unit.total) for r in res.units] == [("G01", 1, card.total),
                                                                             ("G02", 1, card.total)]
    g1 = res.by_id("G01").unit
    assert g1.lead_school == "第四中学" and g1.indicator("C1").experts == ("王老师",)
    assert g1.indicator("C1").self_points == D("4.5")
    assert res.by_id("G02").previous.rank == 2
    with pytest.raises(ValueError, match="还没有考核结果"):
        results_from_cards(suizhou, 2025, {"G01": card}, roster)


def test_cli_roster(tmp_path, capsys):
    out = tmp_path / "模板.xlsx"
    assert main(["roster", "template", "--rubric", "suizhou-jlt", "--out", str(out)]) == 0
    assert zipfile.is_zipfile(out)
    assert main(["roster", "check", str(out), "--rubric", "suizhou-jlt"]) == 1
    assert "集团!A2: 没有填写任何集团" in capsys.readouterr().err
    filled = _fill(out, tmp_path / "名单.xlsx", GOOD)
    assert main(["roster", "check", str(filled), "--rubric", "suizhou-jlt"]) == 0
    assert "集团 2 个，学校 4 所，自评得分 3 项，上年结果 2 条" in capsys.readouterr().out
