"""Costs that must not grow with the plan: batched reads, indexed lookups, the trust list read once."""
from __future__ import annotations

from inspector_app.bundles.keys import KeyStore
from inspector_app.rubric.catalog import load_catalog
from inspector_app.scoring.engine import Scorer
from inspector_app.store import entries as E
from inspector_app.store import experts as EX
from inspector_app.store import plans as P
from inspector_app.store.db import open_store
from inspector_app.store.demo import demo_inputs
from inspector_app.store.history import changes


def _plan(store, groups: int, schools: int = 3, rubric_id: str = "suizhou-jlt"):
    rubric = load_catalog().get(rubric_id)
    spec = P.PlanSpec(
        title="规模测试", school_year="2024—2025", stage="复评",
        groups=[P.GroupSpec(f"集团{g}", [P.SchoolSpec(f"集团{g}学校{s}", "lead" if s == 0 else "member", id=f"g{g}s{s}")
                                       for s in range(schools)], id=f"g{g}") for g in range(groups)],
        experts=[P.ExpertSpec(f"专家{g}", "lead", f"e{g}", assignments=[(f"g{g}", "*", "*")]) for g in range(groups)])
    return P.create_plan(store, rubric, spec), rubric


def _statements(store, fn):
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    try:
        result = fn()
    finally:
        store.conn.set_trace_callback(None)
    return result, [s for s in seen if s.lstrip().upper().startswith("SELECT")]


def test_groups_reads_the_plan_in_a_fixed_number_of_queries(tmp_path):
    small, large = open_store(tmp_path / "a"), open_store(tmp_path / "b")
    plan_small, _ = _plan(small, 3)
    plan_large, _ = _plan(large, 40)
    groups_small, queries_small = _statements(small, lambda: P.groups(small, plan_small.id))
    groups_large, queries_large = _statements(large, lambda: P.groups(large, plan_large.id))
    assert len(groups_large) == 40 and len(queries_small) == len(queries_large) == 2
    # Same content and order as one query per group would give: lead first, then members by position.
    g7 = groups_large[7]
    assert g7.id == "g7" and [s.id for s in g7.schools] == ["g7s0", "g7s1", "g7s2"]
    assert g7.schools[0].role == "lead"
    assert P.group_by_id(large, plan_large.id, "g7") == g7
    assert P.group_by_id(large, plan_large.id, "nope") is None
    small.close(), large.close()


def test_lookups_of_one_bundle_use_indexes(tmp_path):
    store = open_store(tmp_path / "d")
    plan, _ = _plan(store, 5)
    plans = {
        "SELECT id FROM schools WHERE plan_id = ? AND group_id = ? ORDER BY position": "schools_by_group",
        "SELECT id FROM experts WHERE plan_id = ? AND key_id = ?": "experts_by_key",
        "SELECT id FROM history WHERE plan_id = ? AND expert_id = ?": "history_by_expert",
        "SELECT MAX(sequence) FROM bundles WHERE plan_id = ? AND group_id = ? AND kind = 'expert'"
        " AND signer_key_id = ?": "bundles_by_group",
    }
    for sql, index in plans.items():
        detail = " ".join(r[-1] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql, ("x",) * sql.count("?")))
        assert index in detail, (sql, detail)
    store.close()


def test_the_lookups_themselves_use_their_indexes(tmp_path):
    """The statements the store really runs (not a copy of their text): an ORDER BY can lead SQLite away
    from an index into a walk over every expert of the plan."""
    store = open_store(tmp_path / "f")
    plan, _ = _plan(store, 5)
    lookups = {"experts_by_key": lambda: EX.experts_with_key(store, plan.id, "k1"),
               "sqlite_autoindex_experts_1 (plan_id=? AND id=?)": lambda: EX.expert_by_id(store, plan.id, "e1"),
               "schools_by_group (plan_id=? AND group_id=?)": lambda: P.group_by_id(store, plan.id, "g1")}
    for index, lookup in lookups.items():
        _, statements = _statements(store, lookup)
        for sql in statements:
            if " experts " in sql or " schools " in sql:
                plan_rows = store.conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
                assert index in " ".join(r[-1] for r in plan_rows), (sql, plan_rows)
    store.close()


def test_experts_by_id_and_by_key(tmp_path):
    store = open_store(tmp_path / "e")
    plan, _ = _plan(store, 3)
    store.conn.execute("UPDATE experts SET key_id = 'k1' WHERE id = 'e2'")
    assert EX.expert_by_id(store, plan.id, "e1").name == "专家1"
    assert EX.expert_by_id(store, plan.id, "zz") is None
    assert [e.id for e in EX.experts_with_key(store, plan.id, "k1")] == ["e2"]
    assert EX.experts_with_key(store, plan.id, "k2") == []
    store.close()


def test_history_filtered_by_expert_and_group_in_sql(tmp_path):
    store = open_store(tmp_path / "h")
    plan, rubric = _plan(store, 2)
    import random
    rng = random.Random(3)
    ind = next(i for i in rubric.indicators if not i.scope.per_school)
    for gid, eid in (("g0", "e0"), ("g1", "e1"), ("g0", "e1")):
        group = P.group_by_id(store, plan.id, gid)
        E.set_entry(store, plan, rubric, group, eid, E.GROUP, ind.code, inputs=demo_inputs(ind.rule, rng))
    every = changes(store, plan.id)
    picked = changes(store, plan.id, expert_id="e1", group_id="g0")
    assert picked and picked == [c for c in every if c.expert_id == "e1" and c.key.get("group") == "g0"]
    store.close()


def test_loading_answers_at_once_scores_like_one_at_a_time(tmp_path):
    import random
    rubric = load_catalog().get("ankang-2022")
    store = open_store(tmp_path / "s")
    plan, _ = _plan(store, 1, schools=6, rubric_id="ankang-2022")
    group = P.groups(store, plan.id)[0]
    rng = random.Random(11)
    answers = []
    for ind in rubric.indicators:
        places = [s.id for s in group.schools] if ind.scope.per_school else [None]
        for place in places:
            if rng.random() < 0.8:
                answers.append((ind.code, place, demo_inputs(ind.rule, rng)))
    one_by_one = Scorer(rubric, group.schools, group.group_type)
    for code, school, answer in answers:
        one_by_one.set_answer(code, answer, school)
    at_once = Scorer(rubric, group.schools, group.group_type)
    at_once.load_answers(answers)
    assert at_once.card().to_json() == one_by_one.card().to_json()
    store.close()


def test_trust_list_written_once_for_many_keys_and_reread_when_changed(tmp_path):
    experts = [KeyStore(tmp_path / f"x{i}").own_key() for i in range(5)]
    bureau = KeyStore(tmp_path / "bureau")
    writes = []
    original = bureau._save_trust
    bureau._save_trust = lambda doc: (writes.append(1), original(doc))[1]
    kids = bureau.trust_many([(k.public_key, f"专家{i}", "专家") for i, k in enumerate(experts)])
    assert kids == [k.key_id for k in experts] and len(writes) == 1
    assert all(bureau.status(k) == "trusted" for k in kids)
    bureau.trust(experts[0].public_key, "专家0", "专家")  # already so: the list is not written again
    assert len(writes) == 1
    # Another process (another KeyStore on the same folder) revokes one: the first sees it at once.
    KeyStore(tmp_path / "bureau").revoke(kids[2], "离职")
    assert bureau.status(kids[2]) == "revoked" and bureau.status(kids[3]) == "trusted"
