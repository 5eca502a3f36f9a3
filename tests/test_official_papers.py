"""The unit's 现场反馈报告 and the panel's 合议记录 made from the demo: what each may and may not carry."""
from __future__ import annotations

import re
import shutil

import pytest

from inspector_app.cli.main import main
from inspector_app.numbers import fmt_points
from inspector_app.reports.from_store import report_data
from inspector_app.store import rectification as R
from inspector_app.store.db import open_store
from inspector_app.store.demo import make_demo
from inspector_app.store.plans import get_group, groups
from tests.pdf_checks import assert_official, pdftotext

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("demo")
    store = open_store(data_dir)
    plan = make_demo(store)
    datas = {g.id: report_data(store, plan, g) for g in groups(store, plan.id)}
    store.close()
    return data_dir, datas


def _cli(data_dir, *args):
    assert main(["--data-dir", str(data_dir), *args]) == 0


def test_the_units_report_carries_settled_figures_only(demo_dir, tmp_path):
    data_dir, datas = demo_dir
    for gid, data in datas.items():
        out = tmp_path / f"{gid}.pdf"
        _cli(data_dir, "report", "--group", gid, "--out", str(out))
        assert_official(out)
        flat = squeeze(pdftotext(out))
        assert squeeze(fmt_points(data.card.total)) in flat
        for expert in data.experts:  # the panel is named, but no expert's own score stands beside a name
            assert not re.search(re.escape(squeeze(expert.name)) + r"[:：]?\d", flat), (gid, expert.name)
            for note in expert.notes.values():
                assert squeeze(note) not in flat, (gid, note)
        for place in data.places:
            if place.reason:
                assert squeeze(place.reason) not in flat
        assert "组长定分理由" not in flat and "代录" not in flat and "演示：与组长评分不同" not in flat
        # what a feedback must carry (004 四（二）, 003 增量评价)
        for words in ("考核工作开展情况", "察看校园环境与设施设备", "整改要求", "整改报告", "反馈会记录", "签署",
                      "（盖章）", "与自评、上学年比较", "上学年"):
            assert words in flat, (gid, words)
        if not data.status.final:
            pages = int(re.search(r"共(\d+)页", flat).group(1))
            assert flat.count("征求意见稿") >= pages


def test_the_panel_record_carries_each_experts_scores(demo_dir, tmp_path):
    data_dir, datas = demo_dir
    data = datas["g4"]
    out = tmp_path / "record.pdf"
    _cli(data_dir, "report", "--group", "g4", "--record", "--out", str(out))
    assert_official(out)
    flat = squeeze(pdftotext(out))
    assert "合议记录" in flat and "内部资料" in flat
    for expert in data.experts:
        assert squeeze(expert.name) in flat
        assert squeeze(fmt_points(expert.card.total)) in flat
    spread = max(data.places, key=lambda p: p.spread)
    assert spread.spread > 0 and "极差" in flat


def test_every_score_sheet_totals_as_the_core_does(demo_dir, tmp_path):
    # 004 C20: "各校得分的平均分即为教联体最终得分" — the per-school mean counts in A5 and the total.
    data_dir, datas = demo_dir
    for gid, data in datas.items():
        for expert in data.experts:
            out = tmp_path / f"{gid}-{expert.name}.pdf"
            _cli(data_dir, "report", "--group", gid, "--sheet", expert.name, "--out", str(out))
            assert_official(out)
            layout = pdftotext(out, layout=True)
            flat = squeeze(layout)
            pages = int(re.search(r"共(\d+)页", flat).group(1))
            assert flat.count("本页评分专家签名") == pages  # initials on every page
            total_line = next(ln for ln in layout.splitlines() if ln.strip().startswith("总分") and "110" in ln)
            if not expert.points and not expert.school_points:
                assert re.findall(r"\d+(?:\.\d+)?", total_line) == ["110"], total_line  # a blank sheet
                assert "未评" not in flat and "空白评分表" in flat
                continue
            card = expert.card
            assert re.findall(r"\d+(?:\.\d+)?", total_line)[-1] == fmt_points(card.total), (gid, expert.name)
            for area in card.areas:
                line = next(ln for ln in layout.splitlines() if ln.strip().startswith(f"{area.code} 小计"))
                assert re.findall(r"\d+(?:\.\d+)?", line.split("小计", 1)[1])[-1] == fmt_points(area.points)
            if card.done < card.count:
                assert "未评" in flat  # no row left blank beside a printed total


def test_the_public_notice_is_ready_to_post(demo_dir, tmp_path):
    data_dir, datas = demo_dir
    from inspector_app.store.demo import PUBLICATION
    out = tmp_path / "公示.pdf"
    _cli(data_dir, "results", "--out", str(tmp_path / "r.xlsx"), "--pdf", str(out))
    assert_official(out)
    flat = squeeze(pdftotext(out))
    plan_title = next(iter(datas.values())).plan_title
    assert f"关于{squeeze(plan_title)}结果的公示" in flat
    assert squeeze(PUBLICATION.issuing_body) in flat and squeeze(PUBLICATION.objection_channel) in flat
    assert "2023年11月1日至2023年11月7日" in flat  # 公示期
    assert "（盖章）" in flat and "演示数据，不作为考核结果" in flat
    pages = int(re.search(r"共(\d+)页", flat).group(1))
    assert f"第1页共{pages}页" in flat
    for internal in ("自评差异", "标记", "（004", "（003", "类内排名"):
        assert internal not in flat
    final = [d for d in datas.values() if d.status.final]
    assert final and all(squeeze(fmt_points(d.card.total)) in flat for d in final)


def test_the_public_notice_is_dated_by_its_publication_not_by_the_day_it_is_printed(demo_dir, tmp_path, monkeypatch):
    """Printed on two different days, the 公示 (PDF and Word) says the same date: the first day of its 公示期
    (the demo's publication: 2023-11-01 to 2023-11-07), so a reprint is the same notice."""
    import datetime as real
    import types

    import docx

    from inspector_app.results import summary_pdf
    data_dir, _datas = demo_dir
    said = {}
    for day in (real.date(2024, 1, 15), real.date(2025, 6, 30)):
        class Day(real.date):
            @classmethod
            def today(cls, _day=day):
                return cls(_day.year, _day.month, _day.day)
        monkeypatch.setattr(summary_pdf, "_dt", types.SimpleNamespace(date=Day))
        pdf, word = tmp_path / f"公示-{day}.pdf", tmp_path / f"公示-{day}.docx"
        _cli(data_dir, "results", "--pdf", str(pdf))
        _cli(data_dir, "results", "--pdf", str(word))
        flat = squeeze(pdftotext(pdf))
        paras = [p.text for p in docx.Document(str(word)).paragraphs if p.text.strip()]
        wrong = f"{day.year}年{day.month}月{day.day}日"
        assert wrong not in flat and wrong not in "".join(paras), day
        assert flat.count("2023年11月1日") == 2, flat  # in the 公示期 and as the date under the issuing body
        assert paras[-1] == "2023年11月1日", paras[-3:]  # the Word notice ends 发布单位, （盖章）, the date
        said[day] = (flat.split("（盖章）")[-1], tuple(paras[-3:]))
    assert len(set(said.values())) == 1, said


def test_demo_findings_agree_with_its_scores(demo_dir):
    _data_dir, datas = demo_dir
    assert any(d.status.final for d in datas.values()) and any(not d.status.final for d in datas.values())
    texts = set()
    for data in datas.values():
        texts.add(data.findings.problems)
        for item in data.problem_items:
            result = data.card.indicators[item.indicator]
            assert result.done and result.points < result.max, item  # a problem only where points were lost
            assert f"得{fmt_points(result.points)}分" in squeeze(item.text)
            assert item.deadline
        for code in re.findall(r"（(C\d+)）", data.findings.achievements):
            result = data.card.indicators[code]
            assert result.points == result.max, code  # praise only at full marks
    assert len(texts) == len(datas)  # each group its own words


def test_publication_fields_come_from_the_roster(tmp_path):
    roster = tmp_path / "roster.yaml"
    roster.write_text(
        "title: 2024—2025学年集团化办学督导考核\nschool_year: 2024—2025\nstage: 复评\n"
        "groups:\n  - id: g1\n    name: 测试教育集团\n    schools:\n"
        "      - {id: s0, name: 测试教育集团总校, role: lead, short_name: 总校}\n"
        "experts:\n  - {id: lead, name: 张组长, role: lead}\n"
        "publication:\n  issuing_body: 某区教育局\n  publicity_start: 2024-10-08\n  publicity_end: 2024-10-14\n"
        "  objection_channel: 电话 123\n  rectification_due: 2024-12-31\n", encoding="utf-8")
    _cli(tmp_path / "data", "plan", "create", "--rubric", "suizhou-jlt", "--roster", str(roster),
         "--objection", "电话 456")
    store = open_store(tmp_path / "data")
    from inspector_app.store.plans import list_plans
    plan = list_plans(store)[0]
    store.close()
    assert plan.publication.issuing_body == "某区教育局" and plan.publication.publicity_end == "2024-10-14"
    assert plan.publication.objection_channel == "电话 456"  # the command line wins over the roster
    assert main(["--data-dir", str(tmp_path / "data"), "plan", "publication", "--publicity", "2024-10-14..2024-10-08"]) != 0


def test_the_lead_records_the_meeting_and_the_problems(tmp_path):
    data_dir = tmp_path / "d"
    store = open_store(data_dir)
    make_demo(store)
    store.close()
    _cli(data_dir, "panel", "meeting", "--group", "g4", "--held-at", "2023年10月20日 15:00", "--place", "总校会议室",
         "--attendees", "集团领导班子", "--response", "认同意见，按期整改")
    store = open_store(data_dir)
    listed = [i.uid for i in R.items(store, "demo-2023", "g4")]
    store.close()
    for uid in listed:  # the demo's items cleared: `rectify remove` keeps the record
        _cli(data_dir, "rectify", "remove", uid, "--reason", "重新列出")
    _cli(data_dir, "panel", "problem", "--group", "g4", "交流教师比例偏低", "--indicator", "C5", "--school", "镇罗校区",
         "--deadline", "2023-12-01")
    assert main(["--data-dir", str(data_dir), "panel", "problem", "--group", "g4", "x", "--deadline", "12月"]) != 0
    out = tmp_path / "r.pdf"
    _cli(data_dir, "report", "--group", "g4", "--out", str(out))
    flat = squeeze(pdftotext(out))
    for words in ("总校会议室", "集团领导班子", "认同意见，按期整改", "交流教师比例偏低", "镇罗校区", "2023年12月1日"):
        assert words in flat, words
