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


def test_a_long_merge_collects_at_the_bulk_pace_and_puts_the_callers_pace_back(world):
    """Merging collects garbage less often (gc_pace); the pace the caller had is back when the run ends,
    run to its end or stopped after one file."""
    import gc
    from inspector_app import gc_pace
    made = setup_plans(world, with_keys=True)
    lead_with_members(world, made)
    bureau = world["bureau"]
    bundle = panel(world, made)
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        seen = []
        for outcome in merge_each(bureau.store, bureau.keys, [bundle, bundle],
                                  progress=lambda *_: seen.append(gc.get_threshold())):
            assert outcome.status in ("merged", "already")
        assert seen == [(gc_pace.BULK_YOUNG, *gc_pace.BULK_OLDER)] * 2
        assert gc.get_threshold() == (700, 10, 10)
        outcomes = merge_each(bureau.store, bureau.keys, [bundle, bundle])
        next(outcomes)
        outcomes.close()
        assert gc.get_threshold() == (700, 10, 10)
        gc.set_threshold(100_000, 50, 200)  # a caller already collecting less is not made to collect more
        list(merge_each(bureau.store, bureau.keys, [bundle], progress=lambda *_: seen.append(gc.get_threshold())))
        assert seen[-1] == (100_000, 50, 200)
    finally:
        gc.set_threshold(*before)


def test_the_opening_process_collects_at_the_bulk_pace_and_gives_way_to_the_merge(world):
    import gc
    import os
    from inspector_app.bundles import opening
    from inspector_app import gc_pace
    from inspector_app.bundles.opening import Openers
    made = setup_plans(world, with_keys=True)
    lead_with_members(world, made)
    bureau = world["bureau"]
    bundle = panel(world, made)
    with Openers(bureau.store, bureau.keys, elsewhere=True) as openers:
        openers.submit(bundle, bureau.folder / "bundles").result().close()
        assert openers.process is not None
        assert openers.process.submit(gc.get_threshold).result() == (gc_pace.BULK_YOUNG, *gc_pace.BULK_OLDER)
        if hasattr(os, "nice"):  # a lower priority than the merging process, which alone writes the store
            assert openers.process.submit(os.nice, 0).result() == min(os.nice(0) + opening.OPENERS_NICE, 19)


def test_the_thread_opens_the_first_files_while_the_opening_process_starts(world):
    """A long merge does not wait half a second for the second process: until it is ready the thread opens."""
    from inspector_app.bundles.opening import Openers
    made = setup_plans(world, with_keys=True)
    lead_with_members(world, made)
    bureau = world["bureau"]
    bundle = panel(world, made)
    with Openers(bureau.store, bureau.keys, elsewhere=True) as openers:
        on_thread = []
        submit = openers.thread.submit
        openers.thread.submit = lambda *a, **k: on_thread.append(a[1]) or submit(*a, **k)
        assert not openers.ready.done()  # an interpreter takes far longer than this to start
        first = openers.submit(bundle, bureau.folder / "bundles").result()
        assert on_thread == [bundle] and first.bag is not None
        first.close()
        openers.ready.result()
        later = openers.submit(bundle, bureau.folder / "bundles").result()
        assert on_thread == [bundle] and later.bag is not None  # the process opened this one
        later.close()


def test_opened_members_leave_their_explanations_behind_and_the_merge_stores_the_rules_own(world):
    """What crosses to the merging process is what it reads: an entry's explanation lines are made again from
    the inputs by the rule, so the opened member carries none, and the bureau stores the same lines as the
    expert's own laptop shows."""
    from inspector_app.bundles.bag import Bag, read_json
    from inspector_app.bundles.merge import merge_opened
    from inspector_app.bundles.opening import open_bundle
    made = setup_plans(world, with_keys=True)
    lead_with_members(world, made)
    bureau = world["bureau"]
    opened = open_bundle(panel(world, made), bureau.keys, bureau.store.photos_dir)
    members = [m for m, _copy in opened.members.values() if isinstance(m, Bag) and m.kind == "expert"]
    assert sum(len(read_json(m, "entries.json")) for m in members) == 2  # 专家甲 and 专家乙 scored C6
    assert not any("explanation" in row for m in members for row in read_json(m, "entries.json"))
    try:
        assert merge_opened(bureau.store, bureau.keys, opened).status == "merged"
    finally:
        opened.close()
    query = "SELECT indicator, points, explanation FROM entries WHERE expert_id = ? ORDER BY indicator"
    for name, eid in (("x1", "e1"), ("x2", "e2")):
        expert_rows = world[name].store.conn.execute(query, (eid,)).fetchall()
        assert expert_rows and bureau.store.conn.execute(query, (eid,)).fetchall() == expert_rows
        assert all(explanation != "[]" for _code, _points, explanation in expert_rows)


def test_the_kept_original_is_the_verified_file_copied_off_the_store_thread(world, monkeypatch):
    from inspector_app.bundles import merge as M
    from inspector_app.store import bundle_records as BR
    made = setup_plans(world, with_keys=True)
    lead_with_members(world, made)
    bureau = world["bureau"]
    first, second = panel(world, made), panel(world, made)
    kept = BR.originals_dir(bureau.store)
    assert not kept.exists()  # a fresh bureau: the folder is made when the merge starts, so the first is staged too

    def no_copy_here(*_args, **_kwargs):
        raise AssertionError("the kept original was copied on the store's thread")

    monkeypatch.setattr(M, "write_atomic", no_copy_here)
    assert [o.status for o in merge_each(bureau.store, bureau.keys, [first])] == ["merged"]
    newer = list(merge_each(bureau.store, bureau.keys, [second, second]))
    assert [o.status for o in newer] == ["merged", "already"]
    for bundle, outcome in ((first, None), (second, newer[0])):
        digest = outcome.bundle_hash if outcome else None
        if digest is None:
            digest = bureau.store.conn.execute("SELECT hash FROM bundles WHERE kind = 'panel' AND file_name = ?",
                                               (bundle.name,)).fetchone()[0]
        assert BR.original_path(bureau.store, digest).read_bytes() == bundle.read_bytes()
    # the repeat's staged copy is removed again: nothing but kept originals in the folder
    assert sorted(p.name for p in kept.iterdir()) == sorted(
        f"{h}.zip" for (h,) in bureau.store.conn.execute("SELECT hash FROM bundles WHERE kind = 'panel'"))


def test_the_kept_original_is_the_very_bytes_checked_not_the_file_read_again(world, monkeypatch):
    """A file changed on the stick while it is checked: what is kept is what was verified (and signed)."""
    from inspector_app.bundles import opening
    from inspector_app.store import bundle_records as BR
    made = setup_plans(world, with_keys=True)
    lead_with_members(world, made)
    bureau = world["bureau"]
    bundle = panel(world, made)
    signed = bundle.read_bytes()
    checked = opening.read_bag

    def then_changed(*args, **kwargs):
        bag = checked(*args, **kwargs)
        bundle.write_bytes(b"PK\x03\x04 changed after it was checked")
        return bag

    monkeypatch.setattr(opening, "read_bag", then_changed)
    [outcome] = merge_each(bureau.store, bureau.keys, [bundle])
    assert outcome.status == "merged", outcome
    assert BR.original_path(bureau.store, outcome.bundle_hash).read_bytes() == signed


def test_a_refused_bundle_leaves_no_staged_copy(world, tmp_path):
    from inspector_app.store import bundle_records as BR
    made = setup_plans(world, with_keys=True)
    lead_with_members(world, made)
    bureau = world["bureau"]
    assert [o.status for o in merge_each(bureau.store, bureau.keys, [panel(world, made)])] == ["merged"]
    kept = BR.originals_dir(bureau.store)
    before = sorted(p.name for p in kept.iterdir())
    # an expert's own bundle is not taken at the bureau (it comes inside the lead's panel bundle)
    from test_review_fixes import export
    expert_bundle = export(world["x1"], made["x1"], "e1")
    [outcome] = merge_each(bureau.store, bureau.keys, [expert_bundle])
    assert outcome.status == "rejected", outcome
    assert sorted(p.name for p in kept.iterdir()) == before


def test_stage_copy_then_commit_puts_the_bytes_in_place(tmp_path):
    from inspector_app.fsutil import commit_staged, stage_copy
    src = tmp_path / "src.zip"
    src.write_bytes(b"signed bytes" * 1000)
    folder = tmp_path / "kept"
    folder.mkdir()
    staged = stage_copy(src, folder)
    assert staged.parent == folder and staged.name.startswith(".") and staged.name.endswith(".part")
    commit_staged(staged, folder / "abc.zip")
    assert (folder / "abc.zip").read_bytes() == src.read_bytes()
    assert [p.name for p in folder.iterdir()] == ["abc.zip"]


def test_the_kept_originals_folder_is_synced_meanwhile_and_before_the_commit_that_names_it(world, monkeypatch):
    """The folder's fsync runs on a thread while the merge works, and the transaction waits for it."""
    import time
    from inspector_app import fsutil
    from inspector_app.store.db import Store
    made = setup_plans(world, with_keys=True)
    lead_with_members(world, made)
    bureau = world["bureau"]
    bundle = panel(world, made)
    events: list[str] = []
    synced = fsutil.fsync_dir

    def slow_sync(folder):
        time.sleep(0.2)  # a slow disk: the merge's own work goes on meanwhile
        synced(folder)
        events.append("folder synced")

    committed = Store._note_commit

    def note(self):
        events.append("committed")
        committed(self)

    from inspector_app.bundles import merge as M
    member = M._merge_expert

    def merging(*args, **kwargs):
        if "merging" not in events:
            events.append("merging")
        return member(*args, **kwargs)

    monkeypatch.setattr(fsutil, "fsync_dir", slow_sync)
    monkeypatch.setattr(Store, "_note_commit", note)
    monkeypatch.setattr(M, "_merge_expert", merging)
    [outcome] = merge_each(bureau.store, bureau.keys, [bundle])
    assert outcome.status == "merged", outcome
    assert events[:3] == ["merging", "folder synced", "committed"], events


def test_a_transaction_waits_for_what_must_be_durable_first_and_not_when_it_fails(world):
    store = world["bureau"].store
    calls: list[bool] = []
    with store.tx(first=lambda: calls.append(store.conn.in_transaction)):
        store.set_setting("probe", "1")
    assert calls == [True]  # inside the transaction, before its commit
    try:
        with store.tx(first=lambda: calls.append(True)):
            store.set_setting("probe", "2")
            raise RuntimeError("refused")
    except RuntimeError:
        pass
    assert calls == [True] and store.setting("probe") == "1"


def test_a_long_run_opened_in_a_second_process_merges_as_on_the_thread(tmp_path_factory, monkeypatch):
    """The same bundles, merged with every file opened in the second process and with every file opened on the
    thread, leave the same rows (times and ids aside) and the same kept originals; a tampered one is refused."""
    from inspector_app.bundles import merge as M
    from test_review_fixes import Machine

    results = {}
    for way, process_from in (("thread", 10_000), ("process", 1)):
        root = tmp_path_factory.mktemp(way)
        names = ("bureau", "lead", "x1", "x2")
        people = {"bureau": "教育局", "lead": "组长", "x1": "专家甲", "x2": "专家乙"}
        machines = {n: Machine(root, n) for n in names}
        for a in names:
            for b in names:
                if a != b:
                    machines[a].keys.trust(machines[b].keys.own_key().public_key, people[b])
        made = setup_plans(machines, with_keys=True)
        lead_with_members(machines, made)
        bundle = panel(machines, made)
        broken = root / "broken.zip"
        data = bytearray(bundle.read_bytes())
        data[len(data) // 2] ^= 0xFF
        broken.write_bytes(bytes(data))
        bureau = machines["bureau"]
        monkeypatch.setattr(M, "PROCESS_FROM", process_from)
        outcomes = list(merge_each(bureau.store, bureau.keys, [broken, bundle, bundle, root / "missing.zip"]))
        statuses = [o.status for o in outcomes]
        members = sorted((m.status, m.signer) for m in outcomes[1].members)
        kept = sorted(p.name for p in (bureau.folder / "bundles").iterdir())
        entries = sorted(bureau.store.conn.execute(
            "SELECT expert_id, school_id, indicator, inputs, points FROM entries").fetchall())
        results[way] = (statuses, "被改动过" in outcomes[0].message, len(members), len(kept), entries)
        for m in machines.values():
            m.close()
    assert results["process"][0] == ["rejected", "merged", "already", "rejected"]
    assert results["process"] == results["thread"]


def test_an_unknown_signer_opened_in_the_second_process_is_held_and_its_key_kept(world, tmp_path, monkeypatch):
    """The opening process keeps the unknown signer's key in this data folder's key store, where the merging
    process (and the trust dialog) find it to trust by fingerprint, as when it is opened on the thread."""
    from inspector_app.bundles import merge as M
    from test_review_fixes import Machine
    made = setup_plans(world, with_keys=True)
    lead_with_members(world, made)
    bundle = panel(world, made)
    stranger = Machine(tmp_path, "another-bureau")  # trusts nobody
    try:
        monkeypatch.setattr(M, "PROCESS_FROM", 1)
        [outcome] = merge_each(stranger.store, stranger.keys, [bundle])
        assert outcome.status == "held", outcome
        lead_key = world["lead"].keys.own_key()
        assert stranger.keys.status(lead_key.key_id) == "unknown"
        assert stranger.keys.trust_fingerprint(lead_key.fingerprint, "组长") == lead_key.key_id
        assert stranger.keys.status(lead_key.key_id) == "trusted"
    finally:
        stranger.close()


def test_opening_reads_each_member_and_photo_once_and_carries_no_bytes_on(world, monkeypatch, tmp_path):
    """A panel's member bundles and the experts' photos are kept as the first pass hashes them and read from
    there, not read and hashed again; what opening hands to the merge (across processes, by pickle) holds none
    of those bytes. A member bundle changed inside the panel is still refused by that same first pass."""
    import pickle
    from inspector_app.bundles import merge as M
    from inspector_app.bundles import zipsafe
    from inspector_app.bundles.bag import read_bag
    from inspector_app.store import photo_records as PR
    from PIL import Image
    made = setup_plans(world, with_keys=True)
    plan, _rubric, groups = made["x1"]
    picture = tmp_path / "c6.jpg"
    Image.new("RGB", (640, 480), (200, 30, 30)).save(picture, "JPEG")
    PR.add_photos(world["x1"].store, plan, groups["g4"], "e1", "", "C6", [picture])
    lead_with_members(world, made)
    bureau = world["bureau"]
    bundle = panel(world, made)
    hashed: list[str] = []
    real = zipsafe.hash_entry
    monkeypatch.setattr("inspector_app.bundles.bag.hash_entry",
                        lambda fh, entry, *a, **k: hashed.append(entry.info.filename) or real(fh, entry, *a, **k))
    opened = M.open_bundle(bundle, bureau.keys, bureau.store.photos_dir)
    try:
        members = [n for n in hashed if n.startswith("data/members/")]
        photos = [n for n in hashed if n.startswith("data/photos/")]
        assert members and len(members) == len(set(members)) == len(opened.members)
        assert photos and len(photos) == len(set(photos))  # each photo hashed once, then described from those bytes
        assert all(not isinstance(p, Exception) for p in opened.photos.values())
        for member, _copy in opened.members.values():
            assert member._kept == {}
        assert opened.bag._kept == {}
        carried = pickle.dumps(opened)
        assert len(carried) < 64 * 1024, len(carried)  # the entries and descriptions, not the photos
        # each member is verified where it lies, inside the panel's file (nothing copied out), and its files are
        # read from there later, checked again: the same bytes as the member copied out and verified on its own
        import zipfile
        with zipfile.ZipFile(bundle) as whole:
            for name, (member, where) in opened.members.items():
                assert where == bundle and member.window is not None
                alone = tmp_path / "alone.zip"
                alone.write_bytes(whole.read("data/" + name))
                copy = read_bag(alone, bureau.keys)
                assert copy.bundle_hash == member.bundle_hash
                assert {n: member.files[n] for n in member.sha256} == {n: copy.files[n] for n in copy.sha256}
    finally:
        opened.close()
    monkeypatch.undo()
    assert [o.status for o in merge_each(bureau.store, bureau.keys, [bundle])] == ["merged"]


def test_bundles_after_a_plan_package_in_one_long_run_are_judged_by_the_keys_it_brings(tmp_path, monkeypatch):
    """`inspector merge plan.zip e1.zip …` on a lead's laptop that knows only the bureau: the expert's bundles,
    opened ahead while the package was merged, are opened again once its keys are trusted, and merge."""
    from inspector_app.bundles import merge as M
    from inspector_app.bundles.export import export_plan
    from test_review_fixes import Machine, export, make_plan, score
    bureau, lead, x1 = (Machine(tmp_path, n) for n in ("bureau", "lead", "x1"))
    for m in (lead, x1):
        m.keys.trust(bureau.keys.own_key().public_key, "教育局")
    made = make_plan(bureau, {"e0": lead.keys, "e1": x1.keys}, bureau.keys.own_key().key_id)
    package = export_plan(bureau.store, bureau.keys, made[0], bureau.out).path
    assert merge_file_status(x1, package) == "created"
    here = M.P.get_plan(x1.store, made[0].id)
    score(x1, (here, M.P.plan_rubric(x1.store, here), {"g4": M.P.get_group(x1.store, here.id, "g4")}), "e1", "C6",
          met=True)
    first = export(x1, (here, None, {"g4": M.P.get_group(x1.store, here.id, "g4")}), "e1")
    assert lead.keys.status(x1.keys.own_key().key_id) == "unknown"
    monkeypatch.setattr(M, "PROCESS_FROM", 1)  # every file opened in the second process, two ahead
    statuses = [o.status for o in merge_each(lead.store, lead.keys, [package, first, first])]
    assert statuses == ["created", "merged", "already"], statuses
    for m in (bureau, lead, x1):
        m.close()


def merge_file_status(machine, path) -> str:
    from inspector_app.bundles.merge import merge_file
    return merge_file(machine.store, machine.keys, path).status
