"""Under English the window says the core's evidence file types and the warnings after exporting a bundle in
English; the core (the command line, the printed documents) keeps saying them in Chinese."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from inspector_app.store import evidence_files as EF  # noqa: E402
from inspector_app.store import evidence_records as ER  # noqa: E402
from tests.test_bundle_sealed import ROSTER as SEALED_ROSTER  # noqa: E402
from tests.test_evidence_files import M4A, PDF  # noqa: E402
from tests.test_ui_english_faults import left_chinese  # noqa: E402
from tests.test_ui_language import language  # noqa: E402,F401
from tests.test_ui_bundles import said, stores  # noqa: E402,F401
from tests.test_ui_window import open_window, store  # noqa: E402,F401


def test_evidence_file_types_are_said_in_english(qtbot, store, language, tmp_path):  # noqa: F811
    from inspector_app.ui.core_words import core_text
    language("en")
    window = open_window(qtbot, store)
    view = window.page.files
    (tmp_path / "学校章程.pdf").write_bytes(PDF)
    (tmp_path / "校长访谈.m4a").write_bytes(M4A)
    (tmp_path / "假的.pdf").write_bytes(b"just some text, not a PDF")
    view.import_paths([tmp_path / "学校章程.pdf", tmp_path / "校长访谈.m4a"])
    qtbot.waitUntil(lambda: view.list.topLevelItemCount() == 2, timeout=10000)
    shown = {view.list.topLevelItem(i).text(0): view.list.topLevelItem(i).text(1) for i in range(2)}
    assert shown == {"学校章程.pdf": "PDF document", "校长访谈.m4a": "recording (M4A)"}, shown
    assert {r.type_label for r in view.records()} == {"PDF 文档", "录音（M4A）"}  # the core keeps Chinese
    for label in {t.label for t in EF.FILE_TYPES.values()} | set(EF.KIND_LABELS.values()):
        assert not left_chinese(core_text(label)), label
    # A refusal naming the type and the accepted types: English but for the file's own name.
    for name in ("假的.pdf", "笔记.txt"):
        with pytest.raises(EF.EvidenceError) as caught:
            EF.check_bytes(b"just some text, not a PDF", name)
        said = core_text(str(caught.value))
        assert not left_chinese(said, [name]), said


def test_export_warnings_are_said_in_english(qtbot, stores, tmp_path, said, language):  # noqa: F811
    from inspector_app.store.demo import make_demo
    from inspector_app.store.experts import experts
    from inspector_app.store.plans import groups
    from tests.test_ui_bundles import window_for
    language("en")
    store = stores("one")
    plan = make_demo(store)  # the demo's three experts all scored on this laptop
    store.set_setting(f"me:{plan.id}", "demo-li")
    window = window_for(qtbot, store)
    window.select_group("g4")
    results = window.data_menus.bundles.export_mine(tmp_path / "usb")
    assert results and all(r.warnings for r in results)
    assert any("只在本机" in w for r in results for w in r.warnings)  # the core keeps Chinese
    shown = said["warn"][-1]
    assert "are only on this computer, in no bundle" in shown, shown
    assert "Transcribed scores go into the panel bundle by the lead" in shown, shown
    names = [e.name for e in experts(store, plan.id)] + [g.name for g in groups(store, plan.id)]
    names += [str(r.path) for r in results] + [r.path.name for r in results]
    assert not left_chinese(shown, names), shown


def test_panel_export_not_finalised_is_said_in_english(qtbot, stores, tmp_path, said, language):  # noqa: F811
    from inspector_app.store.demo import make_demo
    from inspector_app.store.experts import experts
    from inspector_app.store.plans import groups
    from tests.test_ui_bundles import window_for
    language("en")
    store = stores("lead")
    plan = make_demo(store)
    store.set_setting(f"me:{plan.id}", "demo-lead")
    window = window_for(qtbot, store)
    results = window.data_menus.bundles.export_panel("g4", tmp_path / "panel")
    assert results and any("尚未定稿" in w for r in results for w in r.warnings)
    shown = said["warn"][-1]
    assert "is not finalised yet: the bureau will list it as unfinished" in shown, shown
    names = [e.name for e in experts(store, plan.id)] + [g.name for g in groups(store, plan.id)]
    names += [str(r.path) for r in results] + [r.path.name for r in results]
    assert not left_chinese(shown, names), shown


def _names(store, *more) -> list[str]:
    """What the data names: the plan, groups, schools (also without their group's name), experts; and `more`."""
    found = {t for (t,) in store.conn.execute("SELECT title FROM plans")}
    groups = {n for (n,) in store.conn.execute("SELECT name FROM groups")}
    found |= groups | {n for (n,) in store.conn.execute("SELECT name FROM experts")}
    for (name,) in store.conn.execute("SELECT name FROM schools"):
        found.add(name)
        found.update(name[len(g):] for g in groups if name.startswith(g) and name != g)
    return sorted(found | {str(m) for m in more}, key=len, reverse=True)


def test_an_export_stopped_by_a_changed_photo_or_a_missing_evidence_file_is_said_in_english(  # noqa: F811
        qtbot, stores, tmp_path, said, language):
    from inspector_app.store import photo_records as PR
    from inspector_app.store.demo import make_demo
    from tests.test_ui_bundles import window_for
    language("en")
    store = stores("one")
    plan = make_demo(store)
    store.set_setting(f"me:{plan.id}", "demo-lead")
    window = window_for(qtbot, store)
    window.select_group("g4")
    # A photo of this expert's changed on disk after it was added: the export stops, naming it.
    photos = PR.list_photos(store, plan.id, "g4", expert_id="demo-lead")
    assert photos
    photo = photos[0]
    path = store.photos_dir / photo.original
    kept = path.read_bytes()
    path.chmod(0o644)
    path.write_bytes(kept + b"changed")
    window.data_menus.bundles.export_mine(tmp_path / "usb")
    shown = said["warn"][-1]
    assert "has been changed (it differs from what was added" in shown, shown
    assert "Delete this photo in the photo list (or add the original again), then export; no bundle was " \
           "written." in shown, shown
    assert not left_chinese(shown, _names(store, path, photo.original, photo.caption, photo.name)), shown
    assert not list((tmp_path / "usb").glob("*中卫市第四中学教育集团*"))  # the stopped group's bundle is not written
    path.write_bytes(kept)
    # An evidence file whose stored file is gone: the export stops, naming it and what to do.
    pdf = tmp_path / "学校章程.pdf"
    pdf.write_bytes(PDF)
    window.page.files.import_paths([pdf])
    qtbot.waitUntil(lambda: window.page.files.list.topLevelItemCount() == 1, timeout=10000)
    [rec] = ER.list_files(store, plan.id, window.workspace.group.id, expert_id="demo-lead")
    gone = store.photos_dir / rec.stored
    gone.unlink()
    window.data_menus.bundles.export_mine(tmp_path / "usb2")
    shown = said["warn"][-1]
    assert 'evidence file "学校章程.pdf" (indicator' in shown and "is missing" in shown, shown
    assert "Remove it from the indicator's evidence files (or add the original again), then export; no bundle " \
           "was written" in shown, shown
    assert not left_chinese(shown, _names(store, gone, rec.stored, "学校章程.pdf")), shown
    window.close()


# the sealed-bundle tests' plan, with 李专家 given no key: left out of a plan package's recipients
ROSTER = SEALED_ROSTER.replace("{id: x1, name: 李专家, key: x1.pub}", "{id: x1, name: 李专家}")


def test_a_plan_packages_recipients_and_the_experts_left_out_are_said_in_english(qtbot, tmp_path, said,  # noqa: F811
                                                                                language):
    from inspector_app.store import identity as I
    from inspector_app.store.db import open_store
    from inspector_app.store.plans import list_plans
    from tests.test_bundle_sealed import run
    from tests.test_ui_bundles import window_for
    assert run(tmp_path / "lead", "keys", "export", "--name", "lead", "--out", str(tmp_path / "lead.pub")) == 0
    (tmp_path / "roster.yaml").write_text(ROSTER, encoding="utf-8")
    assert run(tmp_path / "bureau", "plan", "create", "--rubric", "suizhou-jlt",
               "--roster", str(tmp_path / "roster.yaml")) == 0
    language("en")
    store = open_store(tmp_path / "bureau")
    try:
        [plan] = list_plans(store)
        assert plan.encrypted
        store.set_setting(f"me:{plan.id}", I.BUREAU)
        store.set_setting("current_plan", plan.id)
        window = window_for(qtbot, store)
        results = window.data_menus.bundles.export_plan_package(tmp_path / "usb")
        assert results and any("没有登记公钥" in w for w in results[0].warnings)  # the core keeps Chinese
        shown = said["warn"][-1]
        assert "encrypted: only 张组长, education bureau can open it" in shown, shown
        assert "李专家 has no public key registered in the inspection and cannot receive this encrypted plan " \
               "package" in shown, shown
        assert not left_chinese(shown, _names(store, *(r.path for r in results))), shown
        window.close()
    finally:
        store.close()


def test_the_export_message_and_the_command_line_list_the_evidence_files_as_they_list_the_photos(
        qtbot, stores, tmp_path, said, capsys, monkeypatch):  # noqa: F811
    """导出我的数据包 names what went in: the photos and the evidence files (PDF, recording), each with their count
    and names, in the window's message and in `inspector export`'s, the same lines."""
    from inspector_app import paths
    from inspector_app.cli.main import main
    from inspector_app.store import entries as E
    from inspector_app.store import photo_records as PR
    from inspector_app.store import plans as P
    from inspector_app.store.demo import make_demo
    from tests.test_merge_photos import photo
    from tests.test_ui_bundles import window_for
    store = stores("one")
    plan = make_demo(store)
    store.set_setting(f"me:{plan.id}", "demo-li")
    group = next(g for g in P.groups(store, plan.id) if E.entries(store, plan.id, g.id, "demo-li"))  # she scored
    code = P.plan_rubric(store, plan).indicators[0].code
    (tmp_path / "in").mkdir()
    pdf, m4a, jpg = tmp_path / "in" / "学校章程.pdf", tmp_path / "in" / "校长访谈.m4a", tmp_path / "in" / "校门.jpg"
    pdf.write_bytes(PDF)
    m4a.write_bytes(M4A)
    jpg.write_bytes(photo(1))
    files = ER.add_files(store, plan, group, "demo-li", E.GROUP, code, [pdf, m4a]).added
    added = PR.add_photos(store, plan, group, "demo-li", E.GROUP, code, [jpg])
    assert len(files) == 2 and len(added.added) == 1, (files, added)
    window = window_for(qtbot, store)
    window.data_menus.bundles.export_mine(tmp_path / "usb")
    shown = "\n".join(said["info"] + said["warn"])
    assert "校门.jpg" in shown and "学校章程.pdf" in shown and "校长访谈.m4a" in shown, shown
    assert "2 个佐证文件" in shown or "佐证文件（2 个）" in shown, shown
    monkeypatch.setenv(paths.ENV_VAR, str(store.data_dir))
    paths.set_data_dir(None)
    capsys.readouterr()
    assert main(["export", "--group", group.id, "--out", str(tmp_path / "usb2")]) == 0
    printed = capsys.readouterr().out
    lines = [line.strip() for line in printed.splitlines() if "收入的" in line]
    assert lines and any("学校章程.pdf" in line for line in lines), printed
    for line in lines:  # the same words as the window's
        assert line in shown, (line, shown)
