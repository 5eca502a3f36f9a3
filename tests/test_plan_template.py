"""A template rubric (status template, items of 0 points) is never scored, whichever way it comes in: the
window's 新建考核 and `inspector plan create` refuse it with the same explanation (one check,
rubric/readiness.py), naming the 0-point items and how to complete them with `inspector rubric
export/import`; a plan package on one is refused on the expert's laptop; and a plan on one already stored
(made by an older version) takes no score."""
from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.bundles.keys import KeyStore
from inspector_app.cli.main import main
from inspector_app.rubric import readiness
from inspector_app.rubric.catalog import load_catalog
from inspector_app.store import plans as P

# rubrics/jiexi.yaml: "status: template", its six dimensions "points: 待定" (D1.待补充 … D6.待补充, 0 points each)
ROSTER = """\
title: 模板测试考核
school_year: 2024—2025
groups:
  - id: g1
    name: 揭西县第一教育集团
    schools:
      - {id: s1, name: 揭西县第一中学, role: lead}
experts:
  - {id: lead, name: 张组长, role: lead, key: lead.pub}
"""


def run(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), *args])


@pytest.fixture(scope="module")
def jiexi():
    return load_catalog().rubrics["jiexi-2023"]


def test_the_check_names_the_zero_point_items_and_the_way_to_complete_them(jiexi):
    text = readiness.scoring_refusal(jiexi)
    zero = [i.code for i in jiexi.indicators if not i.points]
    assert len(zero) == 6 and "6 项指标的分值是 0" in text and "、".join(zero) in text
    assert jiexi.open_points[0] in text
    assert "inspector rubric export jiexi-2023" in text and "inspector rubric import" in text
    assert readiness.scoring_refusal(load_catalog().rubrics["suizhou-jlt"]) == ""


def test_plan_create_refuses_a_template_with_the_windows_words(tmp_path, capsys, jiexi):
    (tmp_path / "roster.yaml").write_text(ROSTER, encoding="utf-8")
    assert run(tmp_path / "kit", "keys", "export", "--name", "lead", "--out", str(tmp_path / "lead.pub")) == 0
    capsys.readouterr()
    assert run(tmp_path / "bureau", "plan", "create", "--rubric", "jiexi-2023",
               "--roster", str(tmp_path / "roster.yaml")) == 2
    err = capsys.readouterr().err
    assert "未建立考核计划" in err and readiness.scoring_refusal(jiexi) in err
    assert run(tmp_path / "bureau", "plan", "list") == 0 and "模板测试考核" not in capsys.readouterr().out


def test_a_package_on_a_template_is_refused_and_a_stored_one_takes_no_score(tmp_path, capsys, monkeypatch, jiexi):
    (tmp_path / "roster.yaml").write_text(ROSTER, encoding="utf-8")
    usb, bureau, lead = tmp_path / "usb", tmp_path / "bureau", tmp_path / "lead"
    assert run(lead, "keys", "export", "--name", "lead", "--out", str(tmp_path / "lead.pub")) == 0
    with monkeypatch.context() as old_version:  # a package made by a version without the check
        old_version.setattr(readiness, "scoring_refusal", lambda rubric: "")
        old_version.setattr(P, "scoring_refusal", lambda rubric: "")
        assert run(bureau, "plan", "create", "--plain", "--rubric", "jiexi-2023",
                   "--roster", str(tmp_path / "roster.yaml")) == 0
        assert run(bureau, "package", "--out", str(usb)) == 0
    package = next(usb.glob("考核计划-*.zip"))
    assert run(lead, "merge", str(package)) == 1  # held: the bureau's key is not trusted yet
    assert run(lead, "keys", "trust", KeyStore(bureau).own_key().fingerprint, "--name", "教育局") == 0
    capsys.readouterr()
    assert run(lead, "merge", str(package)) != 0
    out = capsys.readouterr()
    assert "计划包未导入" in out.out + out.err and "6 项指标的分值是 0" in out.out + out.err
    assert run(lead, "plan", "list") == 0 and "模板测试考核" not in capsys.readouterr().out
    with monkeypatch.context() as old_version:  # read by an older version: the plan is on this laptop
        old_version.setattr(readiness, "scoring_refusal", lambda rubric: "")
        old_version.setattr(P, "scoring_refusal", lambda rubric: "")
        assert run(lead, "merge", str(package)) == 0
    capsys.readouterr()
    code = jiexi.indicators[0].code
    assert run(lead, "entry", "set", "--group", "g1", "--indicator", code, "value=3") != 0
    err = capsys.readouterr().err
    assert "是一份模板，还不能用来评分" in err and "inspector rubric export jiexi-2023" in err
    assert run(lead, "entry", "show", "--group", "g1", "--indicator", code) == 0
    assert "尚未评分" in capsys.readouterr().out


def test_the_refusal_says_what_to_do_in_plain_words_and_the_commands_only_for_it_staff(jiexi):
    """The expert reads what to do (ask the bureau, complete it in Excel as the manual says); the commands are
    a last aside for IT staff."""
    text = readiness.scoring_refusal(jiexi)
    plain, _, aside = text.partition("（供技术人员：")
    assert aside and "inspector" not in plain and "complete" not in plain
    assert "向教育局要完整的指标体系" in plain and "在 Excel 中把这份模板补全" in plain and "使用手册" in plain
    assert "inspector rubric export jiexi-2023" in aside and "inspector rubric import" in aside
