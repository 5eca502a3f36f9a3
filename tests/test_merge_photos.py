"""Merged photos are hashed, not decoded: their bytes stay in the kept bundle until first shown.

A panel bundle is kept whole at the bureau; its members and their photos are written out when
first needed, checked against the hashes recorded at the merge.
"""
from __future__ import annotations

import hashlib
import io
import random
from pathlib import Path

from PIL import Image

from inspector_app.bundles.export import export_expert, export_panel
from inspector_app.bundles.keys import KeyStore
from inspector_app.bundles.merge import merge_file
from inspector_app.rubric.catalog import load_catalog
from inspector_app.store import bundle_records as BR
from inspector_app.store import entries as E
from inspector_app.store import photo_records as PR
from inspector_app.store import plans as P
from inspector_app.store.db import open_store


def photo(seed: int) -> bytes:
    rng = random.Random(seed)
    image = Image.effect_noise((640, 480), 40).convert("RGB")
    image.paste((rng.randrange(256), rng.randrange(256), rng.randrange(256)), (0, 0, 200, 200))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def machine(root: Path, name: str, keys: dict[str, KeyStore] | None = None, issuer: str = ""):
    folder = root / name
    store, ks = open_store(folder), KeyStore(folder)
    rubric = load_catalog().get("suizhou-jlt")

    def expert(eid, ename, role):
        spec = P.ExpertSpec(ename, role, eid)
        if keys and eid in keys:
            info = keys[eid].own_key()
            spec.key_id, spec.public_key, spec.fingerprint = info.key_id, info.public_key, info.fingerprint
        return spec
    spec = P.PlanSpec(title="测试考核", school_year="2023—2024", stage="复评", id="p1",
                      groups=[P.GroupSpec("第四中学教育集团", [P.SchoolSpec("总校", "lead", "初中", id="s0"),
                                                          P.SchoolSpec("分校", "member", "初中", id="s1")],
                                          group_type="共建型", id="g4")],
                      experts=[expert("e0", "组长", "lead"), expert("e1", "专家甲", "member")])
    plan = P.create_plan(store, rubric, spec, issuer_key_id=issuer)
    return store, ks, plan, rubric, P.groups(store, plan.id)[0]


def originals(store) -> list[Path]:
    return sorted((store.photos_dir / "originals").rglob("*.jpg")) if (store.photos_dir / "originals").exists() else []


def test_photos_of_a_panel_bundle_are_made_on_first_display(tmp_path):
    x1_keys, lead_keys = KeyStore(tmp_path / "x1"), KeyStore(tmp_path / "lead")
    issuer = KeyStore(tmp_path / "bureau").own_key().key_id  # the bureau issued the plan
    keys = {"e0": lead_keys, "e1": x1_keys}
    x1, _, plan, rubric, group = machine(tmp_path, "x1", keys, issuer)
    lead, _, _, _, lead_group = machine(tmp_path, "lead", keys, issuer)
    bureau, bureau_keys, _, _, bureau_group = machine(tmp_path, "bureau", keys, issuer)
    for ks in (x1_keys, lead_keys):
        bureau_keys.trust(ks.own_key().public_key, "专家")
    lead_keys.trust(x1_keys.own_key().public_key, "专家甲")
    sources = []
    for i in range(3):
        path = tmp_path / f"IMG_{i}.jpg"
        path.write_bytes(photo(i))
        sources.append(path)
    E.set_entry(x1, plan, rubric, group, "e1", E.GROUP, "C3", inputs={"principals.met": True})
    PR.add_photos(x1, plan, group, "e1", E.GROUP, "C3", sources)
    bundle = export_expert(x1, x1_keys, plan, group, "e1", tmp_path / "usb").path

    # The lead merges the member's bundle: the rows are there, no photo file yet.
    assert merge_file(lead, lead_keys, bundle).status == "merged"
    merged = PR.list_photos(lead, plan.id, lead_group.id)
    assert len(merged) == 3 and originals(lead) == []
    assert {p.sha256 for p in merged} == {hashlib.sha256(s.read_bytes()).hexdigest() for s in sources}
    # First display: the thumbnail (and the original) are made, from the kept bundle, byte for byte.
    thumb = PR.file_path(lead, merged[0], thumb=True)
    with Image.open(thumb) as im:
        assert max(im.size) <= 320
    assert hashlib.sha256(PR.file_path(lead, merged[0]).read_bytes()).hexdigest() == merged[0].sha256

    # The lead's panel bundle at the bureau: one kept file, members and photos inside it.
    panel = export_panel(lead, lead_keys, plan, lead_group, "e0", tmp_path / "usb").path
    outcome = merge_file(bureau, bureau_keys, panel)
    assert outcome.status == "merged", outcome
    kept = sorted(p.name for p in (bureau.data_dir / "bundles").iterdir())
    assert kept == [f"{outcome.bundle_hash}.zip"]
    at_bureau = PR.list_photos(bureau, plan.id, bureau_group.id)
    assert len(at_bureau) == 3 and originals(bureau) == []
    assert PR.prepare_files(bureau, at_bureau) == {}  # in parallel, all of them
    assert len(originals(bureau)) == 3
    assert all((bureau.photos_dir / p.thumb).is_file() for p in at_bureau)
    assert PR.missing_files(bureau, plan.id) == []
    # A member's own file is written out when first needed, and is the bundle that was signed.
    member = next(m for m in outcome.members if m.signer == x1_keys.own_key().key_id)
    path = BR.kept_original(bureau, member.bundle_hash)
    assert path.read_bytes() == bundle.read_bytes()
    for s in (x1, lead, bureau):
        s.close()


def test_a_damaged_kept_bundle_is_said_in_words(tmp_path):
    x1_keys = KeyStore(tmp_path / "x1")
    x1, _, plan, rubric, group = machine(tmp_path, "x1", {"e1": x1_keys})
    lead, lead_keys, _, _, lead_group = machine(tmp_path, "lead", {"e1": x1_keys})
    lead_keys.trust(x1_keys.own_key().public_key, "专家甲")
    source = tmp_path / "IMG.jpg"
    source.write_bytes(photo(9))
    E.set_entry(x1, plan, rubric, group, "e1", E.GROUP, "C3", inputs={"principals.met": True})
    PR.add_photos(x1, plan, group, "e1", E.GROUP, "C3", [source])
    outcome = merge_file(lead, lead_keys, export_expert(x1, x1_keys, plan, group, "e1", tmp_path / "usb").path)
    BR.original_path(lead, outcome.bundle_hash).unlink()
    [merged] = PR.list_photos(lead, plan.id, lead_group.id)
    problems = PR.prepare_files(lead, [merged])
    assert outcome.bundle_hash[:12] in problems[merged.id]
    assert PR.missing_files(lead, plan.id) == [merged]
    x1.close(), lead.close()
