"""The unit's 现场反馈报告 and the panel's 合议记录 made from the demo: what each may and may not carry."""
from __future__ import annotations

import re
import shutil

import pytest

from inspector_app.cli.main import main
from inspector_app.numbers import fmt_points
from inspector_app.reports.from_store import report_data
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
