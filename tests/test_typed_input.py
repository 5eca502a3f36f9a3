"""Typed input at its bounds: every case refused in words naming the field, and nothing stored changes."""
from __future__ import annotations

from decimal import Decimal

import pytest

from inspector_app.store import entries as E
from inspector_app.store import photo_records as PR
from inspector_app.store.db import open_store
from inspector_app.store.demo import demo_photo_bytes
from inspector_app.store.photo_records import MAX_CAPTION
from inspector_app.store.plans import find_plan, get_group, plan_rubric

GROUP, CODE = "第四中学", "C6"


def cli(folder, *args: str) -> int:
    """The command's exit status; argparse's own refusals (usage errors) exit with 2."""
    from inspector_app.cli.main import main
    try:
        return main(["--data-dir", str(folder), *args])
    except SystemExit as exc:
        return int(exc.code)


@pytest.fixture
def demo(data_dir, capsys):
    assert cli(data_dir, "demo") == 0
    assert cli(data_dir, "entry", "set", "--group", GROUP, "--indicator", CODE, "met=true") == 0
    capsys.readouterr()
    return data_dir


def _stored(data_dir) -> tuple:
    store = open_store(data_dir)
    try:
        rows = store.conn.execute("SELECT * FROM entries ORDER BY id").fetchall()
        photos = store.conn.execute("SELECT COUNT(*) FROM photos").fetchone()[0]
        history = store.conn.execute("SELECT COUNT(*) FROM history").fetchone()[0]
        return rows, photos, history
    finally:
        store.close()


ENTRY = ["entry", "set", "--group", GROUP, "--indicator", CODE]
CASES = {
    "history-limit-huge": (["history", "--limit", "9" * 30], "--limit"),
    "history-limit-zero": (["history", "--limit", "0"], "--limit"),
    "history-limit-negative": (["history", "--limit", "-5"], "--limit"),
    "history-limit-text": (["history", "--limit", "many"], "--limit"),
    "empty-value-over-a-score": (ENTRY + ["met="], "entry clear"),
    "blank-value-over-a-score": (ENTRY + ["met=  "], "entry clear"),
    "no-key": (ENTRY + ["=true"], "缺少名称"),
    "empty-group": (["entry", "set", "--group", "", "--indicator", CODE, "met=false"], "--group 的值为空"),
    "blank-group": (["progress", "--group", " "], "--group 的值为空"),
    "empty-plan": (["progress", "--plan", ""], "为空"),
    "empty-expert": (ENTRY + ["--expert", "", "met=false"], "--expert 的值为空"),
    "empty-group-progress": (["progress", "--group", ""], "--group 的值为空"),
    "empty-indicator": (["entry", "set", "--group", GROUP, "--indicator", "", "met=false"], "--indicator"),
    "surrogate-note": (ENTRY + ["met=false", "--note", "备注\udcff"], "--note"),
    "surrogate-value": (ENTRY + ["met=\udcff"], "个参数"),
    "surrogate-group": (["progress", "--group", "\udce4"], "--group"),
    "long-caption": (["photo", "add", "--group", GROUP, "--indicator", "C3", "PHOTO", "--caption",
                      "长" * (MAX_CAPTION + 1)], "照片说明过长"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_typed_input_is_refused_in_words_and_changes_nothing(demo, capsys, tmp_path, case):
    argv, words = CASES[case]
    photo = tmp_path / "会议.jpg"
    photo.write_bytes(demo_photo_bytes("会议记录", (50, 90, 160), size=(320, 240)))
    argv = [str(photo) if a == "PHOTO" else a for a in argv]
    before = _stored(demo)
    code = cli(demo, *argv)
    err = capsys.readouterr().err
    assert code in (1, 2), (case, code, err)
    assert "Traceback" not in err and words in err, err
    assert _stored(demo) == before


def test_entry_clear_is_the_way_to_clear_and_is_recorded(demo, capsys):
    assert cli(demo, "entry", "clear", "--group", GROUP, "--indicator", CODE, "--reason", "录错了") == 0
    assert "已清除" in capsys.readouterr().out
    assert cli(demo, "entry", "show", "--group", GROUP, "--indicator", CODE) == 0
    assert "尚未评分" in capsys.readouterr().out
    assert cli(demo, "history", "--indicator", CODE) == 0
    assert "录错了" in capsys.readouterr().out  # the clearing and its reason are in the history


def test_nul_and_lone_surrogates_are_refused_by_the_store_with_the_field_named(data_dir):
    store = open_store(data_dir)
    from store_helpers import small_plan
    plan, rubric, group = small_plan(store)
    for kwargs, field in (({"note": "a\x00b"}, "备注"), ({"note": "\ud800"}, "备注"),
                          ({"evidence": ["\udfff"]}, "佐证材料"), ({"inputs": {"met": True, "x\x00": "1"}}, "输入项")):
        with pytest.raises(E.EntryError, match=field):
            E.set_entry(store, plan, rubric, group, "e0", E.GROUP, CODE, **{"inputs": {"met": True}, **kwargs})
    assert E.get_entry(store, plan.id, group.id, "e0", E.GROUP, CODE) is None
    store.close()


def test_the_window_reports_a_lone_surrogate_in_a_note_instead_of_crashing(data_dir):
    from inspector_app.workspace import Place, Workspace
    store = open_store(data_dir)
    from store_helpers import small_plan
    plan, rubric, group = small_plan(store)
    from inspector_app.bundles.keys import KeyStore
    from inspector_app.store import identity as I
    I.choose(store, plan, "e0", KeyStore(data_dir).own_key())
    ws = Workspace(store, plan, "e0")
    place = Place(E.GROUP, CODE)
    ws.draft(place, "met", True)
    ws.draft_entry(place, note="粘贴的\ud800文字")
    change = ws.commit()
    assert "备注" in (change.error or change.save_error), change
    store.close()


def test_a_too_long_caption_adds_no_photo_through_the_store_either(data_dir, tmp_path):
    store = open_store(data_dir)
    from store_helpers import small_plan
    plan, rubric, group = small_plan(store)
    assert PR.caption_problem("长" * (MAX_CAPTION + 1))
    assert not PR.caption_problem("会议记录")
    store.close()
