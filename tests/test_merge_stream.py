"""A long merge hands on each outcome as its file is done and keeps none of them: memory stays flat."""
from __future__ import annotations

from inspector_app.bundles.merge import merge_each, merge_files

from test_review_fixes import lead_with_members, panel, setup_plans, world  # noqa: F401 - fixtures


def test_merge_each_hands_on_each_outcome_before_the_next_file_is_merged(world):
    made = setup_plans(world, with_keys=True)
    lead_with_members(world, made)
    bureau = world["bureau"]
    bundle = panel(world, made)
    done: list[int] = []
    outcomes = merge_each(bureau.store, bureau.keys, [bundle, bundle],
                          progress=lambda n, total, name: done.append(n))
    first = next(outcomes)
    assert first.status == "merged" and len(first.members) == 3, first  # the lead and two experts
    assert done == [1]  # the second file is not merged yet
    assert bureau.store.conn.execute("SELECT COUNT(*) FROM bundles WHERE kind = 'panel'").fetchone()[0] == 1
    second = next(outcomes)
    assert second.status == "already" and done == [1, 2]
    assert list(outcomes) == []


def test_merge_files_is_every_outcome_of_merge_each(world):
    made = setup_plans(world, with_keys=True)
    lead_with_members(world, made)
    bureau = world["bureau"]
    bundle = panel(world, made)
    assert [o.status for o in merge_files(bureau.store, bureau.keys, [bundle, bundle])] == ["merged", "already"]


def test_merge_each_stopped_early_leaves_no_file_open(world, tmp_path, monkeypatch):
    import tempfile
    made = setup_plans(world, with_keys=True)
    lead_with_members(world, made)
    bureau = world["bureau"]
    bundle = panel(world, made)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    outcomes = merge_each(bureau.store, bureau.keys, [bundle, bundle, bundle])
    assert next(outcomes).status == "merged"
    outcomes.close()  # stopped: the file opened ahead is closed, its copies removed
    assert list(scratch.iterdir()) == []
