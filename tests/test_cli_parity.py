"""What the window does, the command line does: findings, clearing an entry, removing a photo,
withdrawing a decision (the lead only), readable history, indicator codes in any case."""
from __future__ import annotations

import json

import pytest
from PIL import Image

from inspector_app import paths
from inspector_app.cli.main import main
from inspector_app.store.db import open_store
from inspector_app.store.demo import make_demo
from store_helpers import small_plan


@pytest.fixture
def plan_as(data_dir):
    """A 004 plan on this laptop, its user chosen as the named expert (专家甲 is the lead)."""
    def make(who: str):
        store = open_store()
        small_plan(store)
        store.close()
        assert main(["me", "--set", who]) == 0
        return data_dir
    return make


def _out(capsys) -> str:
    return capsys.readouterr().out


def test_findings_set_and_show(plan_as, capsys):
    plan_as("专家甲")
    assert main(["findings", "set", "--group", "g4", "--problems", "交流教师比例 15%，未达 20%",
                 "--suggestions", "制定交流计划"]) == 0
    _out(capsys)
    assert main(["findings", "show", "--group", "g4", "--json"]) == 0
    found = json.loads(_out(capsys))["findings"]
    assert found["problems"]["text"] == "交流教师比例 15%，未达 20%" and found["problems"]["by"] == "专家甲"
    assert found["suggestions"]["text"] == "制定交流计划" and found["achievements"]["text"] == ""


def test_entry_clear_keeps_the_old_value_in_history(plan_as, capsys):
    plan_as("专家甲")
    # 004 C6 “建立健全教联体学科教研制度（5分）”: a gate, here met, so 5 points
    assert main(["entry", "set", "--group", "g4", "--indicator", "c6", "met=是"]) == 0
    assert "5 分" in _out(capsys)
    assert main(["entry", "clear", "--group", "g4", "--indicator", "C6", "--reason", "录错了集团"]) == 0
    _out(capsys)
    assert main(["entry", "show", "--group", "g4", "--indicator", "C6"]) == 0
    assert "尚未评分" in _out(capsys)
    assert main(["history", "--group", "g4", "--indicator", "c6"]) == 0
    shown = _out(capsys)
    assert "清除" in shown and "录错了集团" in shown and "专家甲" in shown and "中卫市第四中学教育集团" in shown
    for python_words in ("None", "{'", "['", "True", "False"):
        assert python_words not in shown, shown


def test_photo_remove_and_restore(plan_as, capsys, tmp_path):
    plan_as("专家甲")
    photo = tmp_path / "现场.jpg"
    Image.new("RGB", (64, 48), (120, 160, 90)).save(photo)
    assert main(["photo", "add", "--group", "g4", "--indicator", "C6", str(photo)]) == 0
    said = _out(capsys)
    assert "现场.jpg（64×48）" in said and "originals/" not in said  # the expert's file name, not where it is kept
    assert main(["photo", "list", "--group", "g4", "--json"]) == 0
    photo_id = json.loads(_out(capsys))[0]["id"]
    assert main(["photo", "remove", str(photo_id)]) == 0
    assert "已移除" in _out(capsys)
    main(["photo", "list", "--group", "g4", "--json"])
    assert json.loads(_out(capsys)) == []  # a removed photo is out of the list (and of every bundle and report)
    assert main(["photo", "restore", str(photo_id)]) == 0
    assert "已恢复" in _out(capsys)
    main(["photo", "list", "--group", "g4", "--json"])
    assert [p["id"] for p in json.loads(_out(capsys))] == [photo_id]
    assert main(["photo", "remove", "999"]) == 1


def test_lead_decides_and_withdraws(plan_as, capsys):
    plan_as("专家甲")
    assert main(["panel", "decide", "--group", "g4", "--indicator", "C6", "--points", "4",
                 "--reason", "制度只有草稿"]) == 0
    assert main(["panel", "withdraw", "--group", "g4", "--indicator", "c6", "--reason", "核对原件后撤回"]) == 0
    assert "已撤回" in _out(capsys)
    assert main(["panel", "withdraw", "--group", "g4", "--indicator", "C6", "--reason", "再撤一次"]) == 0
    assert "没有组长定分" in _out(capsys)


def test_only_the_lead_decides_or_withdraws(plan_as, capsys):
    plan_as("专家乙")
    assert main(["panel", "decide", "--group", "g4", "--indicator", "C6", "--points", "4",
                 "--reason", "x"]) == 1
    assert "只有本计划登记的组长" in capsys.readouterr().err
    assert main(["panel", "withdraw", "--group", "g4", "--indicator", "C6", "--reason", "x"]) == 1
    assert "只有本计划的组长" in capsys.readouterr().err


def test_keys_export_takes_the_chosen_name(plan_as, capsys):
    plan_as("专家乙")
    _out(capsys)
    assert main(["keys", "export"]) == 0
    assert "Name: 专家乙" in _out(capsys)


def test_keys_export_without_a_name_never_writes_a_blank_one(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    monkeypatch.setattr("getpass.getuser", lambda: "zhangsan")
    assert main(["keys", "export"]) == 0
    captured = capsys.readouterr()
    assert "Name: zhangsan" in captured.out and "--name" in captured.err
    assert not (paths.data_dir() / "inspector.db").exists()


def test_json_everywhere_and_errors_on_stderr(plan_as, capsys, tmp_path):
    plan_as("专家甲")
    capsys.readouterr()
    for command in (["me", "--json"], ["keys", "show", "--json"], ["keys", "list", "--json"],
                    ["backup", "list", "--json"]):
        assert main(command) == 0, command
        json.loads(capsys.readouterr().out)
    not_a_bundle = tmp_path / "假的.zip"
    not_a_bundle.write_text("hello", encoding="utf-8")
    assert main(["verify", str(not_a_bundle)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith("inspector: 未通过")
    assert main(["verify", "--json", str(not_a_bundle)]) == 1
    assert json.loads(capsys.readouterr().out)[0]["ok"] is False
    assert main(["merge", str(not_a_bundle)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "inspector: " in captured.err
    not_a_photo = tmp_path / "a.jpg"
    not_a_photo.write_text("text", encoding="utf-8")
    assert main(["photo", "add", "--group", "g4", "--indicator", "C6", str(not_a_photo)]) == 1
    assert capsys.readouterr().err.startswith("inspector: 未添加")


@pytest.mark.parametrize("option,expected", [
    ("张专家", {"name": "张专家", "role": "member"}),
    ("张专家:lead", {"name": "张专家", "role": "lead"}),
    ("张专家:lead:zhang.pub", {"name": "张专家", "role": "lead", "key": "zhang.pub"}),
    ("张专家:D:/keys/zhang.pub", {"name": "张专家", "role": "member", "key": "D:/keys/zhang.pub"}),
    ("张专家:lead:D:\\\\keys\\\\zhang.pub", {"name": "张专家", "role": "lead", "key": "D:\\\\keys\\\\zhang.pub"}),
    ("张专家:D:/keys/zhang.pub:lead", {"name": "张专家", "role": "lead", "key": "D:/keys/zhang.pub"}),
])
def test_expert_option_takes_windows_paths(option, expected):
    from inspector_app.cli.roster_files import expert_option
    assert expert_option(option) == expected


def test_yaml_roster_checks_school_kinds_as_the_excel_one_does(tmp_path, capsys):
    from test_bundle_chain import ROSTER
    roster = tmp_path / "名单.yaml"
    roster.write_text(ROSTER.replace("kind: 初中}", "kind: 大学}", 1).replace("key: ", "keyfile_unused: "),
                      encoding="utf-8")
    assert main(["plan", "create", "--rubric", "suizhou-jlt", "--roster", str(roster)]) == 1
    assert "学段应为 小学、初中、九年制、高中、完全中学、幼儿园 之一" in capsys.readouterr().err


def test_changing_a_finalised_group_says_so_at_once(tmp_path, capsys):
    data = str(tmp_path / "demo")
    assert main(["--data-dir", data, "demo"]) == 0
    capsys.readouterr()
    # The demo finalises 兴仁; a changed score there no longer equals the signed result.
    assert main(["--data-dir", data, "entry", "set", "--group", "兴仁", "--indicator", "C6", "met=否"]) == 0
    said = capsys.readouterr().err
    assert "已定稿（第 1 版）" in said and "重新定稿" in said
    with pytest.raises(SystemExit) as refused:
        main(["--data-dir", data, "entry", "clear", "--group", "兴仁", "--indicator", "C7"])
    assert refused.value.code == 2 and "--reason" in capsys.readouterr().err


def test_a_paper_sheet_typed_after_finalising_is_said_at_once(tmp_path, capsys):
    """代录 into a finalised group (the demo's 兴仁, version 1) follows the rule of every change after 定稿: kept,
    and said at once naming the group. A sheet agreeing with the panel (C6 是, as the lead scored it: the mean
    stays 5) leaves the result as it is and is said all the same; one that disagrees (否: the mean 2.5) makes the
    result differ, to be finalised again with a reason."""
    data = str(tmp_path / "demo")
    assert main(["--data-dir", data, "demo"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data, "entry", "set", "--expert", "demo-li", "--group", "兴仁", "--indicator", "C6",
                 "met=是"]) == 0
    said = capsys.readouterr().err
    assert "中卫市兴仁教育集团 已定稿（第 1 版）" in said and "李静（演示专家） 的纸质评分表是定稿后代录的" in said, said
    assert "定稿的结果不因此改变" in said
    assert main(["--data-dir", data, "entry", "set", "--expert", "demo-li", "--group", "兴仁", "--indicator", "C6",
                 "met=否"]) == 0
    said = capsys.readouterr().err
    assert "中卫市兴仁教育集团 已定稿（第 1 版），这次改动后结果与定稿不同，" in said and "重新定稿并写明理由" in said, said
    assert "总分：签名结果 78.44，重算 75.94" in said  # C6 (5 + 0) / 2 = 2.5 by the plan's mean: 2.5 less


def test_the_transcription_use_case_says_what_a_finalised_group_needs(tmp_path):
    from inspector_app.inspection import Inspection
    from inspector_app.store import entries as E
    from inspector_app.store import experts as EX
    store = open_store(tmp_path / "d")
    try:
        make_demo(store)
        inspection = Inspection.open(store)
        xr, g7 = inspection.group("gxr"), inspection.group("g7")
        li = EX.get_expert(store, inspection.plan.id, "demo-li")
        entry, notice = inspection.transcribe(xr, li, "demo-lead", "", "C6", inputs={"met": True})
        assert entry.typed_by == "demo-lead" and entry.points == 5
        assert notice.startswith("中卫市兴仁教育集团 已定稿（第 1 版），李静（演示专家） 的纸质评分表"), notice
        _entry, notice = inspection.transcribe(g7, li, "demo-lead", "", "C6", inputs={"met": True})
        assert notice == ""  # 第七小学 is not finalised: nothing to say
        assert E.get_entry(store, inspection.plan.id, "g7", "demo-li", "", "C6").typed_by == "demo-lead"
    finally:
        store.close()


def test_verify_changes_nothing_on_the_laptop(tmp_path, capsys):
    from test_bundle_chain import ROSTER
    bureau, other = tmp_path / "bureau", tmp_path / "other"
    (tmp_path / "roster.yaml").write_text(ROSTER.replace(", key: lead.pub", "").replace(", key: x1.pub", "")
                                          .replace(", key: x2.pub", ""), encoding="utf-8")
    # --plain: the package names no key of the other laptop, which could not decrypt a sealed one at all
    assert main(["--data-dir", str(bureau), "plan", "create", "--rubric", "suizhou-jlt", "--plain",
                 "--roster", str(tmp_path / "roster.yaml")]) == 0
    assert main(["--data-dir", str(bureau), "package", "--out", str(tmp_path / "usb")]) == 0
    assert main(["--data-dir", str(other), "keys", "show"]) == 0
    trusted = other / "keys" / "trusted.json"
    before = trusted.read_bytes() if trusted.exists() else None
    capsys.readouterr()
    assert main(["--data-dir", str(other), "verify", *map(str, (tmp_path / "usb").glob("*.zip"))]) == 1
    said = capsys.readouterr().err
    assert "尚未登记" in said and "已暂存" not in said
    assert (trusted.read_bytes() if trusted.exists() else None) == before


def test_transcribed_entries_name_the_expert_in_the_history(plan_as, capsys):
    plan_as("专家甲")
    assert main(["entry", "set", "--expert", "专家乙", "--group", "g4", "--indicator", "C6", "met=否"]) == 0
    capsys.readouterr()
    assert main(["history", "--group", "g4", "--indicator", "C6"]) == 0
    assert "专家甲（代 专家乙 录入）" in capsys.readouterr().out
