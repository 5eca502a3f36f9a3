"""The inspection store: entries, history, migrations, faults."""
from __future__ import annotations

from datetime import datetime, timedelta
import os
import sqlite3
from decimal import Decimal

import pytest

from inspector_app.numbers import fmt_points
from inspector_app.store import backup as B
from inspector_app.store import entries as E
from inspector_app.store import migrations
from inspector_app.store import photo_records as PR
from inspector_app.store.db import DB_NAME, StoreError, open_store
from inspector_app.store.demo import demo_photo_bytes, make_demo
from inspector_app.store.history import changes
from inspector_app.store.plans import groups, self_scores

from store_helpers import crashed_after_an_entry, small_plan


@pytest.fixture
def store(data_dir):
    s = open_store(data_dir)
    yield s
    s.close()


def test_pragmas_on_every_connection(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    # statement journals and sorts in memory: no page of an inspection in the system's temporary folder
    assert store.conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST


def test_entry_is_scored_and_saved(store):
    plan, rubric, group = small_plan(store)
    # 004 C5: "交流教师比例每学年不得低于20%。（8分）。教师交流周期至少为1年（2分）。" 评分标准 "按完成比例计分".
    # By hand: 15% of the 20% target is 75% of 8 = 6; a full cycle ratio gives 2; total 8.
    entry = E.set_entry(store, plan, rubric, group, "e0", E.GROUP, "C5",
                        inputs={"ratio.value": "１５", "cycle.value": "100"}, note="交流名单 21 人")
    assert entry.points == Decimal("8")
    stored = E.get_entry(store, plan.id, group.id, "e0", E.GROUP, "C5")
    assert stored.inputs == {"ratio.value": "15", "cycle.value": "100"}
    assert stored.note == "交流名单 21 人"
    # Full-width digits in the plan's self-evaluation are normalised too.
    assert self_scores(store, plan.id, group.id)[("", "C5")] == Decimal("9")


def test_bad_values_are_refused_and_nothing_changes(store):
    plan, rubric, group = small_plan(store)
    E.set_entry(store, plan, rubric, group, "e0", E.GROUP, "C5", inputs={"ratio.value": "10", "cycle.value": "50"})
    before = E.get_entry(store, plan.id, group.id, "e0", E.GROUP, "C5")
    for bad in ("abc", "1e3", "8_5", "-1", "101", "NaN"):
        with pytest.raises(E.EntryError) as err:
            E.set_entry(store, plan, rubric, group, "e0", E.GROUP, "C5", inputs={"ratio.value": bad})
        assert "C5" in str(err.value)
        assert err.value.field_key == "ratio.value"
    assert E.get_entry(store, plan.id, group.id, "e0", E.GROUP, "C5") == before


def test_place_is_checked(store):
    plan, rubric, group = small_plan(store)
    with pytest.raises(E.EntryError, match="逐校评分"):
        E.set_entry(store, plan, rubric, group, "e0", E.GROUP, "C20", inputs={"value": "90"})
    with pytest.raises(E.EntryError, match="整体评分"):
        E.set_entry(store, plan, rubric, group, "e0", "s1", "C5", inputs={"ratio.value": "10"})


def test_history_records_every_change_in_order(store):
    plan, rubric, group = small_plan(store)
    values = ["12", "14", "16.5", "20"]
    for v in values:
        E.set_entry(store, plan, rubric, group, "e1", E.GROUP, "C5", inputs={"ratio.value": v, "cycle.value": "100"})
    rows = [c for c in changes(store, plan.id, entity="entry") if c.field == "inputs.ratio.value"]
    assert [c.new for c in rows] == values
    assert [c.old for c in rows] == [None] + values[:-1]
    assert [c.id for c in rows] == sorted(c.id for c in rows)
    assert all(c.expert_id == "e1" for c in rows)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("UPDATE history SET new = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("DELETE FROM history")


def test_quotes_and_sql_in_text_are_data(store):
    plan, rubric, group = small_plan(store)
    note = "'); DROP TABLE entries; -- \u200f\u202e 右到左 \u200b"
    E.set_entry(store, plan, rubric, group, "e0", E.GROUP, "C6", inputs={"met": True}, note=note)
    assert E.get_entry(store, plan.id, group.id, "e0", E.GROUP, "C6").note == note


def test_every_migration_runs_from_every_earlier_schema(tmp_path):
    for start in range(0, migrations.LATEST):
        conn = sqlite3.connect(tmp_path / f"m{start}.db")
        migrations.migrate(conn, target=start)
        if start >= 1:
            conn.execute("INSERT INTO settings (key, value) VALUES ('me', 'e0')")
            conn.commit()
        ran = migrations.migrate(conn)
        assert ran == list(range(start + 1, migrations.LATEST + 1))
        assert migrations.current_version(conn) == migrations.LATEST
        if start >= 1:
            assert conn.execute("SELECT value FROM settings WHERE key = 'me'").fetchone() == ("e0",)
        conn.close()


def test_entries_of_a_group_are_found_by_the_unique_key_alone(store):
    """One index on the entries: their unique key, whose first columns are the plan and the group."""
    indexes = {row[1] for row in store.conn.execute("PRAGMA index_list(entries)")}
    assert indexes == {"sqlite_autoindex_entries_1"}
    for sql in ("SELECT * FROM entries WHERE plan_id = ? AND group_id = ?",
                "SELECT * FROM entries WHERE plan_id = ? AND group_id = ? AND expert_id = ?",
                "SELECT * FROM entries WHERE plan_id = ?"):
        plan = " ".join(row[-1] for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql, ("p",) * sql.count("?")))
        assert "USING INDEX sqlite_autoindex_entries_1" in plan, (sql, plan)


def test_newer_database_is_refused(tmp_path):
    conn = sqlite3.connect(tmp_path / "new.db")
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    with pytest.raises(RuntimeError, match="升级"):
        migrations.migrate(conn)


def test_corrupt_database_is_reported_and_left_alone(data_dir):
    data_dir.mkdir(parents=True)
    garbage = b"SQLite format 3\x00" + os.urandom(4096)
    (data_dir / DB_NAME).write_bytes(garbage)
    with pytest.raises(StoreError, match="损坏|错误"):
        open_store(data_dir)
    assert (data_dir / DB_NAME).read_bytes() == garbage


def test_read_only_database_gives_a_plain_message(data_dir, monkeypatch):
    open_store(data_dir).close()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if str(p).endswith(DB_NAME) and mode == os.W_OK
                        else real_access(p, mode))
    with pytest.raises(StoreError, match="只读"):
        open_store(data_dir)


def test_unclean_exit_is_reported(data_dir):
    plan_id, group_id = crashed_after_an_entry(data_dir)
    again = open_store(data_dir)
    assert again.report.unclean
    assert "没有正常退出" in again.report.recovered and "C6" in again.report.recovered
    assert E.get_entry(again, plan_id, group_id, "e0", E.GROUP, "C6").points == Decimal(5)
    again.close()
    assert not open_store(data_dir).report.unclean


def test_backup_and_restore(data_dir):
    store = open_store(data_dir)
    plan, rubric, group = small_plan(store)
    E.set_entry(store, plan, rubric, group, "e0", E.GROUP, "C6", inputs={"met": True})
    made = B.backup_now(store)
    E.set_entry(store, plan, rubric, group, "e0", E.GROUP, "C6", inputs={"met": False})
    store.close()
    check = sqlite3.connect(made.path)
    assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    check.close()
    aside = B.restore(data_dir, made.path)
    assert aside.exists()
    store = open_store(data_dir)
    assert E.get_entry(store, plan.id, group.id, "e0", E.GROUP, "C6").points == Decimal(5)
    store.close()


def test_backups_are_kept_by_age_not_by_count(store):
    small_plan(store)
    for _ in range(15):  # fifteen writes in a minute: every one is kept (the last hour keeps all)
        store.changes_since_backup = 1
        B.backup_now(store)
    assert len(B.list_backups(store.data_dir)) == 15


def test_the_age_rule_keeps_the_last_hour_one_an_hour_for_a_day_and_one_a_day_for_a_month(tmp_path):
    now = datetime(2025, 5, 31, 12, 0, 0)
    made = [now - timedelta(minutes=m) for m in range(0, 60, 5)]              # 12 in the last hour
    made += [now - timedelta(hours=h, minutes=m) for h in range(2, 24) for m in (10, 40)]  # two an hour
    made += [now - timedelta(days=d, hours=h) for d in range(2, 30) for h in (3, 9)]       # two a day
    made += [now - timedelta(days=40)]                                       # beyond a month
    backups = [B.Backup(tmp_path / f"{i}.db", t, 1) for i, t in enumerate(sorted(made, reverse=True))]
    dropped = {b.made_at for b in B.to_prune(backups, now)}
    kept = [b.made_at for b in backups if b.made_at not in dropped]
    assert sum(1 for t in kept if now - t < timedelta(hours=1)) == 12
    assert sum(1 for t in kept if timedelta(hours=1) <= now - t < timedelta(days=1)) == 22
    assert sum(1 for t in kept if timedelta(days=1) <= now - t <= timedelta(days=31)) == 28
    assert now - timedelta(days=40) not in kept


def test_photos_dedupe_remove_restore_and_missing_file(store, tmp_path):
    plan, rubric, group = small_plan(store)
    photo = tmp_path / "a.jpg"
    photo.write_bytes(demo_photo_bytes("会议记录", (50, 90, 160), size=(640, 480)))
    first = PR.add_photos(store, plan, group, "e0", E.GROUP, "C3", [photo, photo])
    assert len({p.id for p in first.added}) == 1
    second = PR.add_photos(store, plan, group, "e0", E.GROUP, "C3", [photo])
    assert second.added[0].id == first.added[0].id
    pid = first.added[0].id
    PR.remove_photo(store, pid, "e0")
    assert PR.list_photos(store, plan.id, group.id) == []
    PR.restore_photo(store, pid, "e0")
    assert [p.id for p in PR.list_photos(store, plan.id, group.id)] == [pid]
    (store.photos_dir / first.added[0].original).unlink()
    with pytest.raises(StoreError, match="照片文件缺失"):
        PR.file_path(store, first.added[0])
    assert [p.id for p in PR.missing_files(store, plan.id)] == [pid]


def test_refused_photo_adds_nothing(store, tmp_path):
    plan, rubric, group = small_plan(store)
    fake = tmp_path / "notes.jpg"
    fake.write_text("这不是照片")
    result = PR.add_photos(store, plan, group, "e0", E.GROUP, "C3", [fake])
    assert result.added == [] and "notes.jpg" in str(result.refused[0])
    assert PR.list_photos(store, plan.id, include_removed=True) == []


def test_demo_has_work_in_it(store):
    plan = make_demo(store)
    assert plan.demo and "演示" in plan.title
    all_groups = groups(store, plan.id)
    assert len(all_groups) == 5 and sum(len(g.schools) for g in all_groups) == 21
    experts_with_entries = {e.expert_id for e in E.entries(store, plan.id)}
    assert experts_with_entries == {"demo-lead", "demo-li", "demo-wang"}
    # some indicator for some school was scored by two experts who disagree
    by_place: dict = {}
    for e in E.entries(store, plan.id):
        by_place.setdefault((e.group_id, e.school_id, e.indicator), set()).add(e.points)
    assert any(len(points) > 1 for points in by_place.values())
    assert len(PR.list_photos(store, plan.id)) >= 4
    assert make_demo(store).id == plan.id  # made once


def test_progress_counts_units(store):
    plan, rubric, group = small_plan(store)
    E.set_entry(store, plan, rubric, group, "e0", E.GROUP, "C6", inputs={"met": True})
    # 004 C20: "各校得分的平均分即为教联体最终得分" — scored per school.
    E.set_entry(store, plan, rubric, group, "e0", "s1", "C20", inputs={"value": "80"})
    units = {u.school_id: u for u in E.progress(store, plan, rubric, group, "e0")}
    assert units[E.GROUP].done == 1 and units[E.GROUP].total == len(rubric.indicators) - 1
    assert units["s1"].done == 1 and units["s1"].total == 1
    assert units["s1"].points == Decimal(8)  # 80% of C20's 10 points
    card = E.expert_scorer(store, plan, rubric, group, "e0").card()
    assert fmt_points(card.indicators["C6"].points) == "5"


def test_removable_and_network_data_folders_are_warned_about(tmp_path):
    from pathlib import Path

    from inspector_app.fsutil import is_removable_or_network
    mounts = ("/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 /media/teacher/U盘 vfat rw 0 0\n"
              "//server/share /mnt/share cifs rw 0 0\n")
    assert is_removable_or_network(Path("/home/teacher/data"), mounts) is None
    assert "可移动存储" in is_removable_or_network(Path("/media/teacher/U盘/inspector"), mounts)
    assert "网络存储" in is_removable_or_network(Path("/mnt/share/inspector"), mounts)
