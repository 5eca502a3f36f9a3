"""No merge changes what the local user typed (hypothesis).

The lead's laptop has the lead's own entries, findings and a photo. For any
sequence of merges drawn from valid bundles, replays, conflicting bundles (same
signer and sequence, different content), bundles claiming the lead's name,
bundles signed by a key that is not the plan's for the expert they name, the
lead's own bundle coming back, another plan's bundle and a panel bundle, the
lead's entries, findings and photos stay byte-identical, file bytes included.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from inspector_app.bundles import canonical
from inspector_app.bundles.bag import read_bag
from inspector_app.bundles.bag_write import write_bag
from inspector_app.bundles.export import export_expert
from inspector_app.bundles.keys import KeyStore
from inspector_app.bundles.merge import merge_file
from inspector_app.bundles.tagfiles import make_info
from inspector_app.rubric.catalog import load_catalog
from inspector_app.store import entries as E
from inspector_app.store import identity as I
from inspector_app.store import photo_records as PR
from inspector_app.store import plans as P
from inspector_app.store.db import open_store
from inspector_app.store.findings import set_finding

SCHOOLS = [("第四中学总校", "lead", "初中"), ("第四中学镇罗校区", "member", "初中")]


def _plan(store, keys: dict[str, KeyStore], issuer: str, plan_id: str = "p1"):
    rubric = load_catalog().get("suizhou-jlt")
    experts = []
    for eid, name, role in (("e0", "组长", "lead"), ("e1", "专家甲", "member"), ("e2", "专家乙", "member")):
        spec = P.ExpertSpec(name, role, eid)
        own = keys[eid].own_key()
        spec.key_id, spec.public_key, spec.fingerprint = own.key_id, own.public_key, own.fingerprint
        experts.append(spec)
    spec = P.PlanSpec(title=f"测试考核 {plan_id}", school_year="2023—2024", stage="复评", id=plan_id, experts=experts,
                      groups=[P.GroupSpec("第四中学教育集团", [P.SchoolSpec(n, r, k, id=f"s{i}")
                                                         for i, (n, r, k) in enumerate(SCHOOLS)],
                                          group_type="共建型", id="g4")])
    plan = P.create_plan(store, rubric, spec, issuer_key_id=issuer)
    return plan, P.plan_rubric(store, plan), P.get_group(store, plan.id, "g4")


def _own(keys: KeyStore) -> I.OwnKey:
    own = keys.own_key()
    return I.OwnKey(own.key_id, own.public_key, own.fingerprint)


def _resign(bundle: Path, keys: KeyStore, out: Path, name: str, head_changes=None, files=None,
            reader: KeyStore | None = None) -> Path:
    """The same bundle with its description or files changed, signed again by `keys`."""
    bag = read_bag(bundle, reader or keys)
    payload = {n: bag.files[n] for n in bag.sha256}
    head = json.loads(payload["bundle.json"])
    head.update(head_changes or {})
    head["signer_key_id"] = keys.own_key().key_id
    payload["bundle.json"] = canonical.dumps(head)
    for file, value in (files or {}).items():
        payload[file] = canonical.dumps(value)
    info = make_info(bag.kind, plan_id=bag.field("plan_id"), rubric_id=bag.field("rubric_id"),
                     rubric_version=bag.field("rubric_version"), rubric_hash=bag.field("rubric_hash"),
                     group=bag.field("group"), sequence=int(head["sequence"]))
    return write_bag(out, name, payload, info, keys)


def _local_state(store, plan_id: str, lead_id: str) -> list:
    """Every stored row and file of the lead's own work, as bytes."""
    conn = store.conn
    rows = [("entries", list(conn.execute("SELECT * FROM entries WHERE plan_id = ? AND expert_id = ? AND typed_by = ''"
                                          " ORDER BY id", (plan_id, lead_id)))),
            ("findings", list(conn.execute("SELECT * FROM findings WHERE plan_id = ? AND expert_id = ? ORDER BY kind",
                                           (plan_id, lead_id)))),
            ("photos", list(conn.execute("SELECT * FROM photos WHERE plan_id = ? AND expert_id = ? ORDER BY id",
                                         (plan_id, lead_id))))]
    files = [hashlib.sha256(PR.file_path(store, p).read_bytes()).hexdigest()
             for p in PR.list_photos(store, plan_id, None, expert_id=lead_id, include_removed=True)]
    return rows + [("files", files)]


class World:
    def __init__(self, root: Path):
        names = ("bureau", "lead", "x1", "x2", "stranger", "lead_copy")
        self.keys = {n: KeyStore(root / n) for n in names}
        self.stores = {n: open_store(root / n) for n in ("lead", "x1", "x2", "lead_copy")}
        by_expert = {"e0": self.keys["lead"], "e1": self.keys["x1"], "e2": self.keys["x2"]}
        issuer = self.keys["bureau"].own_key().key_id
        people = {"bureau": "教育局", "lead": "组长", "x1": "专家甲", "x2": "专家乙", "stranger": "专家甲"}
        for name in ("lead", "x1", "x2"):
            for other, label in people.items():
                if other != name:
                    self.keys[name].trust(self.keys[other].own_key().public_key, label)
        made = {n: _plan(s, by_expert, issuer) for n, s in self.stores.items()}
        self.plan, self.rubric, self.group = made["lead"]
        lead = self.stores["lead"]
        I.choose(lead, self.plan, "e0", _own(self.keys["lead"]))
        # The lead's own work: entries, findings, a photo.
        E.set_entry(lead, self.plan, self.rubric, self.group, "e0", "", "C6", inputs={"met": "是"}, note="走教课表齐全")
        E.set_entry(lead, self.plan, self.rubric, self.group, "e0", "s0", "C20", inputs={"value": "90"})
        set_finding(lead, self.plan.id, "g4", "problems", "组长写的存在问题", "e0")
        photo = root / "c6.jpg"
        Image.new("RGB", (40, 30), (20, 120, 60)).save(photo, "JPEG")
        PR.add_photos(lead, self.plan, self.group, "e0", "", "C6", [photo])
        out = root / "usb"
        self.pool: list[Path] = []

        def export(name, expert):
            plan, rubric, group = made[name]
            keys = self.keys[name] if name != "lead_copy" else self.keys["lead"]
            return export_expert(self.stores[name], keys, plan, group, expert, out).path

        def score(name, expert, code, school="", **inputs):
            plan, rubric, group = made[name]
            E.set_entry(self.stores[name], plan, rubric, group, expert, school, code, inputs=inputs)

        score("x1", "e1", "C6", met="否")
        x1_first = export("x1", "e1")
        score("x1", "e1", "C20", "s0", value="70")
        x1_second = export("x1", "e1")
        score("x2", "e2", "C6", met="是")
        x2_first = export("x2", "e2")
        # The lead's own bundle, made on a copy of the lead's laptop with the lead's key.
        score("lead_copy", "e0", "C6", met="否")
        own_back = export("lead_copy", "e0")
        self.pool = [
            x1_first, x2_first, x1_second,                        # valid, in order or not
            _resign(x1_first, self.keys["x1"], out, "conflict.zip",  # same signer and sequence, other content
                    files={"entries.json": []}),
            _resign(x1_first, self.keys["x1"], out, "claims-lead.zip",  # x1's key, in the lead's name
                    head_changes={"expert": {"id": "e0", "name": "组长", "role": "lead"}}),
            _resign(x1_first, self.keys["stranger"], out, "stranger.zip",  # trusted as 专家甲, not the plan's key
                    reader=self.keys["lead"]),
            _resign(x1_first, self.keys["stranger"], out, "stranger-lead.zip", reader=self.keys["lead"],
                    head_changes={"expert": {"id": "e0", "name": "组长", "role": "lead"}}),
            own_back,                                             # the lead's own work coming back
        ]
        other_store = open_store(root / "other")
        other = _plan(other_store, by_expert, issuer, plan_id="p2")
        E.set_entry(other_store, other[0], other[1], other[2], "e1", "", "C6", inputs={"met": "否"})
        self.pool.append(export_expert(other_store, self.keys["x1"], other[0], other[2], "e1", root / "usb2").path)
        other_store.close()

    def close(self):
        for store in self.stores.values():
            store.close()


def test_no_sequence_of_merges_changes_the_local_experts_work(tmp_path_factory):
    world = World(tmp_path_factory.mktemp("merges"))
    lead = world.stores["lead"]
    keys = world.keys["lead"]
    before = _local_state(lead, world.plan.id, "e0")
    seen: dict[int, set[str]] = {}

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.integers(0, len(world.pool) - 1), min_size=1, max_size=7))
    def merges(order):
        for i in order:
            outcome = merge_file(lead, keys, world.pool[i])
            seen.setdefault(i, set()).add(outcome.status)
        assert _local_state(lead, world.plan.id, "e0") == before

    try:
        merges()
    finally:
        world.close()
    # The sequences really mixed kinds of bundles: valid ones went in, the others were refused or held.
    valid = {"merged", "already", "superseded", "conflict"}
    for i, path in enumerate(world.pool[:4]):
        assert seen.get(i, set()) <= valid, (path.name, seen[i])
    assert any("merged" in seen.get(i, ()) for i in range(3))
    for i, path in enumerate(world.pool[4:], start=4):
        assert seen.get(i, set()) <= {"rejected", "held"}, (path.name, seen[i])
