"""Under English the window says the core's evidence file types and the warnings after exporting a bundle in
English; the core (the command line, the printed documents) keeps saying them in Chinese."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from inspector_app.store import evidence_files as EF  # noqa: E402
from inspector_app.store import evidence_records as ER  # noqa: E402
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
