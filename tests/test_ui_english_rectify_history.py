"""Under English the window says a rectification item's history in English: what each change did (listed,
corrected, status, rectification report, evidence added, re-check scores, removed), the reason a re-check
score was recorded by the bureau's rule and who recorded it; a photo whose file is missing is said in English
too. The core (the command line's `rectify show`, the stored reasons) keeps its Chinese."""
from __future__ import annotations

import re

import pytest

pytest.importorskip("pytestqt")

from inspector_app.results.rectify_ledger import event_summary  # noqa: E402
from inspector_app.store import rectification as R  # noqa: E402
from inspector_app.store.db import open_store  # noqa: E402
from inspector_app.store.demo import make_demo  # noqa: E402
from tests.test_evidence_files import PDF  # noqa: E402
from tests.test_ui_language import language  # noqa: E402,F401
from tests.test_ui_rectify import _window  # noqa: E402
from tests.test_ui_window import open_window, store  # noqa: E402,F401

CJK = re.compile(r"[\u4e00-\u9fff]")


def _without(text: str, names) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "")
    return text


def _history(store, tmp_path):
    """The demo's first item with every kind of change: edited, reported fixed with a report and a file,
    passed at re-check, re-scored by the bureau's rule (as merging a re-check panel's bundle does), removed."""
    from inspector_app.bundles import rectify_payload as RP
    from inspector_app.bundles.merge_panel import RECHECK_MERGE
    from inspector_app.store import rectify_evidence as RE
    from inspector_app.store.rectify_plans import mark_recheck_plan
    plan = make_demo(store)
    item = R.items(store, plan.id)[0]
    bureau = R.Actor("沙坡头区教育局")
    from inspector_app.store import plans as P
    rubric = P.plan_rubric(store, plan)
    group = P.get_group(store, plan.id, item.group_id)
    item = R.edit_item(store, plan, rubric, group, item, {"deadline": "2024-01-31", "person": "王校长"}, bureau,
                       "时限顺延")
    (tmp_path / "整改报告.pdf").write_bytes(PDF)
    files = RE.store_files(store, [tmp_path / "整改报告.pdf"])
    item = R.set_status(store, item, R.FIXED, bureau, "收到整改报告", response="已统一管理", on_date="2023-12-01",
                        evidence=tuple(files))
    item = R.set_status(store, item, R.PASSED, bureau, "走教记录齐全")
    with store.tx():
        mark_recheck_plan(store, plan.id, "上年考核", True)
        R.link(store, plan.id, item.uid, "recheck")
    code = item.indicators[0]
    RP.rescore(store, plan.id, item.group_id, {"indicators": [{"code": code, "points": 4.5}]},
               R.Actor(RECHECK_MERGE(), "", ""))
    events = R.events(store, item.uid)
    assert events[-1].reason == RP.RESCORE_REASON() and events[-1].fields["recheck_points"] == {code: 4.5}
    assert events[-1].actor == "教育局（复查合并）"  # stored in Chinese, as the command line shows it
    return plan, item, code


def test_rectification_history_in_english(qtbot, language, tmp_path):  # noqa: F811
    store = open_store(tmp_path / "bureau")
    plan, item, code = _history(store, tmp_path)
    events = R.events(store, item.uid)
    summaries = [event_summary(e) for e in events]
    assert summaries[0] == "列出" and "修改整改时限；修改责任人" in summaries  # the core: Chinese
    assert f"指标 {code} 复查得分 4.5" in summaries and "添加佐证：整改报告.pdf" in summaries
    language("en")
    window = _window(qtbot, store)
    window.data_menus.show_bureau()
    view = window.data_menus.bureau.open_rectification(modal=False)
    qtbot.addWidget(view)
    view.show()
    row = next(r for r in range(view.table.rowCount()) if view.table.item(r, 0).text() == item.uid)
    view.table.setCurrentCell(row, 0)
    lines = [view.record.history.item(i).text() for i in range(view.record.history.count())]
    assert len(lines) == len(events), lines
    from inspector_app.store.experts import experts
    typed = ["沙坡头区教育局", "整改报告.pdf", *(e.name for e in experts(store, plan.id)),
             *(e.reason for e in events[:-1])]  # names and the reasons typed (the demo's, this test's)
    for line in lines:
        assert not CJK.search(_without(line, typed)), line
    text = "\n".join(lines)
    assert "listed" in lines[0]
    assert "deadline corrected; responsible person corrected" in text, text
    assert "status not rectified → rectified; rectification report updated" in text, text
    assert "evidence added: 整改报告.pdf" in text, text
    assert f"indicator {code}: re-check score 4.5" in text, text
    assert "the bureau (re-check merge)" in lines[-1], lines[-1]
    assert "by the bureau's re-check rule, the re-check panel's settled score" in lines[-1], lines[-1]
    view.close()
    window.close()
    store.close()


def test_a_removed_item_and_a_field_without_a_word_in_english(language):
    from inspector_app.ui.core_words import core_text
    language("en")
    removed = R.Event("e", "u", "", 1, "", "x", "", "", "removed", {}, "重复", "p")
    assert core_text(event_summary(removed)) == "removed"
    edited = R.Event("e", "u", "", 1, "", "x", "", "", "edited", {"text": "新", "colour": "x"}, "", "p")
    assert event_summary(edited) == "修改整改事项的内容；修改字段 colour"
    assert core_text(event_summary(edited)) == "text corrected; field colour corrected"
    both = R.Event("e", "u", "", 1, "", "x", "", "", "status",
                   {"status": "复查通过", "old_status": "已整改", "recheck_points": {"C6": 5, "C7": 2.5}}, "", "p")
    assert core_text(event_summary(both)) == \
        "status rectified → passed at re-check; indicator C6: re-check score 5; indicator C7: re-check score 2.5"


def test_a_missing_photo_file_is_said_in_english(qtbot, store, language, tmp_path):  # noqa: F811
    """The problem of a photo whose file is gone (and no kept bundle holds it), as the photo list's tooltip and
    the status bar say it: English, the file's path kept as it is."""
    from inspector_app.store import photo_records as PR
    from inspector_app.store.db import StoreError
    from inspector_app.ui.core_words import core_text
    make_demo(store)
    language("en")
    window = open_window(qtbot, store)
    ws = window.workspace
    for group in ws.groups:  # the demo's first photo this laptop's expert took
        window.select_group(group.id)
        place = next((p for p in window.workspace.places if window.workspace.photos(p)), None)
        if place is not None:
            break
    photo = window.workspace.photos(place)[0]
    (store.photos_dir / photo.original).unlink()
    (store.photos_dir / photo.thumb).unlink(missing_ok=True)
    problem = PR.prepare_files(store, [photo])[photo.id]
    with pytest.raises(StoreError) as raised:
        PR.file_path(store, photo)
    assert str(raised.value) == problem and problem.startswith("照片文件缺失")  # the core: Chinese
    path = str(store.photos_dir / photo.original)
    said = core_text(problem)
    assert said == "The photo's file is missing; the scoring records are kept: add this photo again from where " \
                   f"it came from. The missing file: {path}", said
    assert not CJK.search(said.replace(path, "")), said
    window.show_place(place)
    window.page.photos.refresh()
    tips = [window.page.photos.list.item(i).toolTip() for i in range(window.page.photos.list.count())]
    tip = next(t for t in tips if path in t)
    assert "The photo's file is missing" in tip and "照片文件缺失" not in tip, tip
    window.page.photos.list.setCurrentRow(tips.index(tip))
    window.page.photos.edit_markup()  # cannot open it: the status bar says why
    assert window.statusBar().currentMessage() == said, window.statusBar().currentMessage()
    window.close()


def test_english_wording_settled(language):
    """复查 is re-check; a list of codes and figures in a core message is an English list; the direct-points hint
    has no Chinese unit in it."""
    from inspector_app.results import ranking
    from inspector_app.ui.core_words import core_text
    from inspector_app.ui.i18n import translate
    language("en")
    assert core_text("复查") == "re-check"
    assert translate("Forms", "直接给分，如 3.5分") == "points given directly, e.g. 3.5"
    assert core_text(ranking.SELF_ITEMS("自评高 17.46 分", "C2（-0.4）、C11（+2）")) == \
        "self-assessment 17.46 pt higher; indicators that differ widely: C2 (-0.4), C11 (+2)"


def test_the_english_consensus_screen_fits_a_small_screen(qtbot, store, language):  # noqa: F811
    """1366×768 at 125% leaves 1093 logical pixels: the 合议 screen's note and state wrap rather than widen the
    window past it."""
    language("en")
    make_demo(store)
    window = open_window(qtbot, store)
    window.data_menus.show_consensus()
    assert window.minimumSizeHint().width() <= 1093, window.minimumSizeHint()
    window.close()


def test_last_years_open_item_and_trusted_roles_in_english(qtbot, language, tmp_path):
    """An item carried from last year shows its status in English on its indicator's page; the keys list says
    the role a key was trusted with (from a plan package or a re-check plan: stored in Chinese) in English."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from inspector_app.bundles.keys import KeyStore
    from inspector_app.store.experts import RECHECK_TRUST_ROLES, TRUST_ROLES
    from inspector_app.ui.keys_dialog import KeysDialog
    from inspector_app.workspace import Place
    store = open_store(tmp_path / "panel")
    plan = make_demo(store)
    item = next(i for i in R.items(store, plan.id, "g4"))
    with store.tx():
        R.link(store, plan.id, item.uid, "carried")
    store.set_setting("current_plan", plan.id)
    language("en")
    window = _window(qtbot, store)
    window.select_group("g4")
    place = next(p for p in window.workspace.places if p.code == item.indicators[0])
    window.show_place(Place(place.school_id, place.code))
    shown = window.page.carried.text()
    assert item.text in shown and "not rectified" in shown and not CJK.search(shown.replace(item.text, "")), shown
    keystore = KeyStore(tmp_path / "keys")

    def raw():
        return Ed25519PrivateKey.generate().public_key().public_bytes(serialization.Encoding.Raw,
                                                                      serialization.PublicFormat.Raw)
    keystore.trust_many([(raw(), "甲", TRUST_ROLES["lead"]), (raw(), "乙", RECHECK_TRUST_ROLES["lead"]),
                         (raw(), "丙", RECHECK_TRUST_ROLES["member"]), (raw(), "丁", TRUST_ROLES["member"])])
    dialog = KeysDialog(keystore, "", window)
    qtbot.addWidget(dialog)
    details = {dialog.table.item(r, 0).text(): dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())}
    assert details["甲"].startswith("panel lead") and details["乙"].startswith("re-check lead"), details
    assert details["丙"].startswith("re-check expert") and details["丁"].startswith("expert"), details
    window.close()
    store.close()


def test_group_types_of_the_shipped_rubrics_in_english(language):
    """A group's type as the shipped rubrics name it (共建型, 托管型…) is said in English like 融合型 is."""
    from inspector_app.rubric.catalog import load_catalog
    from inspector_app.ui.core_words import core_text
    language("en")
    types = {t for r in load_catalog().rubrics.values() for t in getattr(r, "group_types", ()) if t.endswith("型")}
    assert {"共建型", "托管型", "联盟型", "一体型", "协作型", "融合型", "紧密型"} <= types, types
    for kind in types:
        assert not CJK.search(core_text(kind)), kind
