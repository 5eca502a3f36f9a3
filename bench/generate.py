"""Bench data at real sizes, built once and kept under /tmp (never in the repository).

- city: 100 groups × 6 experts on the 004 rubric, in panel bundles, one camera-like photo per expert;
- province: 2,000 groups × 6 experts = 12,000 expert bundles inside 2,000 panel bundles;
- sealed: 600 groups × 6 experts, on a plan whose bundles are encrypted: each panel bundle sealed to the
  bureau with age as `panel export` seals it (docs/bundle-format.md §5a), each member's bundle.json naming
  the lead and the bureau as its recipients;
- large: one group of 30 schools on the 000 rubric (every indicator scored per school), one
  expert's data folder with most places answered, for the window benchmarks.

Each panel bundle is what a panel lead's `panel export` writes: the lead's signature over the
settled result, with every member's own signed expert bundle inside. The payload files are built
here directly in the export's format (the store is not involved: 12,000 laptops' worth of
`set_entry` would take hours) and written by the real `write_bag`, so every bundle is signed,
verified on writing and accepted by `inspector merge`. A bureau template holds the plan (every
expert with the public key the roster carries) and the trust list; each benchmark copies it.

Photos: 1920×1440 JPEGs with sensor-like noise over shapes and gradients (~290 kB at quality 82,
as phones send them), each made unique by a comment segment so no two share a hash.

    python bench/generate.py city|province|sealed|large [--root /tmp/inspector-bench] [--force]

The result is cached in ROOT/<size>/ with a stamp of FORMAT; it is rebuilt when FORMAT changes
or with --force.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import shutil
import sys
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from inspector_app.bundles import canonical  # noqa: E402
from inspector_app.bundles.bag_write import write_bag  # noqa: E402
from inspector_app.bundles.keys import KeyStore, PublicKeyInfo
from inspector_app.bundles.public_keys import fingerprint, key_id, raw_public
from inspector_app.bundles.sealing import Recipient, encryption_head, seal  # noqa: E402
from inspector_app.bundles.tagfiles import make_info  # noqa: E402
from inspector_app.numbers import fmt_points  # noqa: E402
from inspector_app.rubric.catalog import load_catalog  # noqa: E402
from inspector_app.scoring.engine import Scorer, targeted_schools
from inspector_app.scoring.school import School
from inspector_app.rubric.rules.base import Outcome, q  # noqa: E402
from inspector_app.store import plans as P  # noqa: E402
from inspector_app.store.demo import demo_inputs  # noqa: E402

ROOT = Path(os.environ.get("INSPECTOR_BENCH_ROOT", "/tmp/inspector-bench"))
SIZES = {"city": (100, 6, 7), "province": (2000, 6, 7), "sealed": (600, 6, 7)}  # groups, experts, schools
SEALED = {"sealed"}  # sizes whose plan encrypts its bundles
RUBRIC = "suizhou-jlt"  # 004
LARGE_RUBRIC = "ankang-2022"  # 000: every indicator scored per school
PHOTO_SIZE = (1920, 1440)
PHOTO_QUALITY = 80
BASE_PHOTOS = 16


FORMAT = "6"  # raise when what is generated changes: the caches under ROOT are then rebuilt


def stamp() -> str:
    return FORMAT


# --------------------------------------------------------------------------- photos

def camera_photo(seed: int) -> bytes:
    """A JPEG that compresses like a camera's: gradients and shapes, softened, under sensor-like noise."""
    from PIL import Image, ImageChops, ImageDraw, ImageFilter
    rng = random.Random(seed)
    w, h = PHOTO_SIZE
    base = Image.linear_gradient("L").resize(PHOTO_SIZE).rotate(rng.randint(0, 360))
    image = Image.merge("RGB", [base.point(lambda v, a=rng.uniform(.3, 1), b=rng.randint(0, 80): int(v * a + b))
                                for _ in range(3)])
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x, y, s = rng.randrange(w), rng.randrange(h), rng.randint(20, 400)
        shape = draw.rectangle if rng.random() < .5 else draw.ellipse
        shape([x, y, x + s, y + s * rng.uniform(.3, 2)], fill=tuple(rng.randint(0, 255) for _ in range(3)))
    image = image.filter(ImageFilter.GaussianBlur(2))
    noise = Image.merge("RGB", [Image.effect_noise(PHOTO_SIZE, rng.uniform(20, 35)) for _ in range(3)])
    out = io.BytesIO()
    ImageChops.blend(image, noise, 0.22).save(out, "JPEG", quality=PHOTO_QUALITY)
    return out.getvalue()


def base_photos(root: Path = ROOT) -> list[bytes]:
    folder = root / "photos"
    folder.mkdir(parents=True, exist_ok=True)
    result = []
    for i in range(BASE_PHOTOS):
        path = folder / f"camera-{i:02d}.jpg"
        if not path.exists():
            tmp = path.with_suffix(".part")
            tmp.write_bytes(camera_photo(i))
            tmp.replace(path)
        result.append(path.read_bytes())
    return result


def unique_photo(base: bytes, tag: str) -> bytes:
    """The same picture with a JPEG comment (COM) segment naming it: a distinct file, the same decode cost."""
    text = tag.encode("utf-8")
    return base[:2] + b"\xff\xfe" + (len(text) + 2).to_bytes(2, "big") + text + base[2:]


def photos_for_report(count: int, folder: Path, root: Path = ROOT) -> list[Path]:
    """`count` distinct camera-like photos as files (for the report and photo benchmarks)."""
    bases = base_photos(root)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"IMG_{i:04d}.jpg"
        if not path.exists():
            path.write_bytes(unique_photo(bases[i % len(bases)], f"photo {i}"))
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- signing without a key folder

class MemoryKeys(KeyStore):
    """An expert's key pair held in memory: the generator signs 14,000 bundles for 12,000 experts and
    needs no key folder for each. Signing and verifying are KeyStore's own."""

    def __init__(self, seed: bytes, scratch: Path):
        super().__init__(scratch)
        self._private = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(seed).digest())
        pub = raw_public(self._private.public_key())
        self._own = PublicKeyInfo(key_id(pub), pub, fingerprint(pub))

    def has_own_key(self) -> bool:
        return True

    def status(self, kid: str) -> str:
        return "own" if kid == self._own.key_id else "unknown"


def expert_keys(plan_id: str, expert_id: str, scratch: Path) -> MemoryKeys:
    return MemoryKeys(f"{plan_id}/{expert_id}".encode(), scratch)


# --------------------------------------------------------------------------- the plan

@dataclass
class World:
    name: str
    groups: int
    experts: int
    schools: int
    folder: Path

    @property
    def bundles(self) -> Path:
        return self.folder / "bundles"

    @property
    def bureau(self) -> Path:
        return self.folder / "bureau-template"


def plan_spec(size: str, groups: int, experts: int, schools: int, keys: dict[str, MemoryKeys] | None) -> P.PlanSpec:
    """The plan; its bundles are encrypted for the sizes in SEALED."""
    def expert(g: int, e: int) -> P.ExpertSpec:
        eid = f"e{g}-{e}"
        k = keys[eid].own_key() if keys else None
        return P.ExpertSpec(f"专家{g}-{e}", "lead" if e == 0 else "member", eid,
                            key_id=k.key_id if k else None, public_key=k.public_key if k else None,
                            fingerprint=k.fingerprint if k else None, assignments=[(f"g{g}", "*", "*")])
    return P.PlanSpec(
        title=f"基准测试考核（{size}）", school_year="2024—2025", stage="复评", id=f"bench-{size}",
        groups=[P.GroupSpec(f"第{g}教育集团", [P.SchoolSpec(f"第{g}教育集团第{s}校", "lead" if s == 0 else "member",
                                                           "初中", id=f"g{g}s{s}") for s in range(schools)],
                            group_type="共建型", id=f"g{g}") for g in range(groups)],
        experts=[expert(g, e) for g in range(groups) for e in range(experts)], encrypted=size in SEALED)


def _header(plan: dict, rubric, kind: str, signer: str, group: P.GroupSpec, expert: P.ExpertSpec,
            recipients: list[Recipient] | None = None) -> dict:
    sealed = {"encryption": encryption_head(recipients)} if recipients else {}
    return {**sealed, "format": 1, "kind": kind, "created_at": "2025-05-20T10:00:00+08:00", "sequence": 1, "previous": "",
            "signer_key_id": signer, "plan": plan,
            "rubric": {"id": rubric.id, "version": rubric.version, "hash": rubric.content_hash},
            "group": {"id": group.id, "name": group.name},
            "expert": {"id": expert.id, "name": expert.name, "role": expert.role}}


def _entries(rubric, group: P.GroupSpec, rng: random.Random) -> list[dict]:
    refs = [School(s.id, s.name, s.role) for s in group.schools]
    rows = []
    for ind in rubric.indicators:
        if not ind.applies_to(group.group_type) or ind.points_open:
            continue
        places = [s.id for s in targeted_schools(ind, refs)] if ind.scope.per_school else [""]
        for place in places:
            typed = ind.rule.normalise(demo_inputs(ind.rule, rng))
            outcome = ind.rule.score(typed)
            rows.append({"school": place, "indicator": ind.code,
                         "inputs": {k: (str(v) if isinstance(v, Decimal) else v) for k, v in typed.items()
                                    if v is not None},
                         "evidence": list(ind.evidence[:2]), "methods": ["查阅资料"], "note": "",
                         "points": None if outcome.points is None else fmt_points(outcome.points),
                         "explanation": list(outcome.lines), "updated_at": "2025-05-20T09:30:00+08:00"})
    return rows


def _settled(rubric, group: P.GroupSpec, by_expert: dict[str, list[dict]]) -> tuple[list[dict], dict]:
    """consensus.json and result.json as the lead's export computes them (mean of the experts)."""
    scores: dict[tuple[str, str], dict[str, Decimal]] = {}
    for eid, rows in by_expert.items():
        for row in rows:
            if row["points"] is not None:
                scores.setdefault((row["school"], row["indicator"]), {})[eid] = Decimal(row["points"])
    refs = [School(s.id, s.name, s.role) for s in group.schools]
    scorer = Scorer(rubric, refs, group.group_type)
    settled = []
    for (school, code), by in sorted(scores.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        values = list(by.values())
        points = values[0] if len(set(values)) == 1 else q(sum(values, Decimal(0)) / len(values))
        settled.append({"school": school, "indicator": code, "points": fmt_points(points), "method": "mean",
                        "reason": "", "scores": {e: fmt_points(v) for e, v in sorted(by.items())}})
        scorer.settle(code, Outcome(points, [f"平均分：{fmt_points(points)}"]), school or None)
    return settled, scorer.card().to_json()


def pinned_rubric(world: World, fresh: bool = False):
    """The rubric the world was made with, kept beside it: the bundles stay mergeable when the
    shipped rubric file is edited later (a bundle names its rubric by hash)."""
    from inspector_app.rubric.loader import load_rubric
    path = world.folder / "rubric.yaml"
    if fresh or not path.exists():
        path.write_bytes(Path(load_catalog().get(RUBRIC).path).read_bytes())
    return load_rubric(path)


def build_world(size: str, root: Path = ROOT, force: bool = False, photos_per_expert: int = 1) -> World:
    groups, experts, schools = SIZES[size]
    world = World(size, groups, experts, schools, root / size)
    done = world.folder / "stamp.json"
    if not force and done.exists() and json.loads(done.read_text()).get("stamp") == stamp():
        if not (world.bureau / "inspector.db").exists():  # removed after a schema change: made again
            keys = {f"e{g}-{e}": expert_keys(f"bench-{size}", f"e{g}-{e}", world.folder / "scratch")
                    for g in range(groups) for e in range(experts)}
            _bureau_template(world, pinned_rubric(world), plan_spec(size, groups, experts, schools, keys), keys)
        return world
    start = time.perf_counter()
    shutil.rmtree(world.folder, ignore_errors=True)
    world.bundles.mkdir(parents=True)
    scratch = world.folder / "scratch"
    members_dir = scratch / "members"
    members_dir.mkdir(parents=True)
    rubric = pinned_rubric(world, fresh=True)
    bureau = None
    if size in SEALED:  # the bureau's key first: every panel bundle is sealed to it
        bureau_keys = KeyStore(world.bureau)
        bureau = Recipient(bureau_keys.own_key().key_id, "教育局", "教育局", bureau_keys.own_encryption()[0])
    bases = base_photos(root)
    keys = {f"e{g}-{e}": expert_keys(f"bench-{size}", f"e{g}-{e}", scratch)
            for g in range(groups) for e in range(experts)}
    spec = plan_spec(size, groups, experts, schools, keys)
    plan = {"id": spec.id, "title": spec.title, "school_year": spec.school_year, "stage": spec.stage, "demo": False}
    by_group: dict[str, list[P.ExpertSpec]] = {}
    for e in spec.experts:
        by_group.setdefault(e.assignments[0][0], []).append(e)
    rng = random.Random(21)
    photo_count = 0
    for gi, group in enumerate(spec.groups):
        entries: dict[str, list[dict]] = {}
        member_files = []
        lead = by_group[group.id][0]
        to_lead = None
        if bureau is not None:
            lead_keys = keys[lead.id]
            to_lead = [Recipient(lead_keys.own_key().key_id, lead.name, "组长", lead_keys.own_encryption()[0]), bureau]
        for expert in by_group[group.id]:
            ks = keys[expert.id]
            rows = _entries(rubric, group, rng)
            entries[expert.id] = rows
            payload: dict[str, bytes] = {}
            photos = []
            for p in range(photos_per_expert):
                data = unique_photo(bases[photo_count % len(bases)], f"{size} {expert.id} {p}")
                photo_count += 1
                sha = hashlib.sha256(data).hexdigest()
                row = rows[(p * 7) % len(rows)]
                payload[f"photos/{sha}.jpg"] = data
                photos.append({"file": f"photos/{sha}.jpg", "sha256": sha, "original_sha256": sha,
                               "school": row["school"], "indicator": row["indicator"], "expert": expert.id,
                               "caption": "现场照片", "taken_at": None, "mime": "image/jpeg", "chosen": p == 0,
                               "removed": False})
            findings = ({"achievements": "成效明显。", "problems": "仍有不足。", "suggestions": "继续改进。"}
                        if expert.role == "lead" else {})
            payload.update({
                "bundle.json": canonical.dumps(_header(plan, rubric, "expert", ks.own_key().key_id, group, expert,
                                                      to_lead)),
                "entries.json": canonical.dumps(rows), "vetoes.json": canonical.dumps([]),
                "findings.json": canonical.dumps(findings), "photos.json": canonical.dumps(photos),
                "history.json": canonical.dumps([])})
            info = make_info("expert", plan_id=spec.id, rubric_id=rubric.id, rubric_version=rubric.version,
                             rubric_hash=rubric.content_hash, group=group.id, sequence=1)
            member_files.append(write_bag(members_dir, f"{expert.id}.zip", payload, info, ks, overwrite=True))
        settled, card = _settled(rubric, group, entries)
        payload = {"bundle.json": canonical.dumps(_header(plan, rubric, "panel", keys[lead.id].own_key().key_id,
                                                          group, lead, [bureau] if bureau else None)),
                   "consensus.json": canonical.dumps(settled), "result.json": canonical.dumps(card),
                   "finalised.json": canonical.dumps({  # 定稿, so the bureau ranks the group
                       "version": 1, "visit_date": "2025-05-20", "meeting_date": "2025-05-21", "result": card,
                       "consensus": settled, "reason": "", "finalised_by": lead.id,
                       "finalised_at": "2025-05-21T17:00:00+08:00"}),
                   "findings.json": canonical.dumps({"achievements": "成效明显。", "problems": "仍有不足。",
                                                     "suggestions": "继续改进。"})}
        names = []
        for path in member_files:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            payload[f"members/{digest}.zip"] = path
            names.append(f"members/{digest}.zip")
        payload["members.json"] = canonical.dumps(names)
        info = make_info("panel", plan_id=spec.id, rubric_id=rubric.id, rubric_version=rubric.version,
                         rubric_hash=rubric.content_hash, group=group.id, sequence=1)
        if bureau is None:
            write_bag(world.bundles, f"专家组-g{gi:05d}.zip", payload, info, keys[lead.id])
        else:
            plain = write_bag(scratch, f"专家组-g{gi:05d}.zip", payload, info, keys[lead.id], overwrite=True)
            seal(plain, world.bundles, f"专家组-g{gi:05d}.inspector.zip", [bureau], keys[lead.id])
            plain.unlink()
        for path in member_files:
            path.unlink()
        if (gi + 1) % 200 == 0:
            print(f"  {size}: {gi + 1}/{groups} panel bundles, {time.perf_counter() - start:.0f} s", flush=True)
    _bureau_template(world, rubric, spec, keys)
    shutil.rmtree(scratch, ignore_errors=True)
    size_mb = sum(p.stat().st_size for p in world.bundles.iterdir()) / 1e6
    done.write_text(json.dumps({"stamp": stamp(), "groups": groups, "experts": groups * experts,
                                "megabytes": round(size_mb, 1), "photos": photo_count,
                                "seconds": round(time.perf_counter() - start, 1)}))
    print(f"{size}: {groups} panel bundles ({groups * experts} expert bundles, {photo_count} photos, "
          f"{size_mb:.0f} MB) in {time.perf_counter() - start:.0f} s → {world.folder}")
    return world


def _bureau_template(world: World, rubric, spec: P.PlanSpec, keys: dict[str, MemoryKeys]) -> None:
    """The bureau before the merge: the plan with every expert's registered key, and the trust list."""
    from inspector_app.store.db import open_store
    bureau = KeyStore(world.bureau)
    store = open_store(world.bureau)
    P.create_plan(store, rubric, spec, issuer_key_id=bureau.own_key().key_id)  # this laptop: the bureau
    store.close()
    bureau.trust_many([(k.own_key().public_key, f"专家{eid[1:]}", "专家") for eid, k in keys.items()])


def fresh_bureau(world: World, target: Path) -> Path:
    """A copy of the bureau template to merge into (the template stays untouched)."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(world.bureau, target)
    return target


# --------------------------------------------------------------------------- the large group

def build_large(root: Path = ROOT, force: bool = False, schools: int = 30, answered: float = 0.9) -> Path:
    """One expert's data folder: a group of 30 schools on the 000 rubric, most places answered."""
    folder = root / "large"
    done = folder / "stamp.json"
    if not force and done.exists() and json.loads(done.read_text()).get("stamp") == stamp():
        return folder / "data"
    from inspector_app.store import entries as E
    from inspector_app.store.db import open_store
    shutil.rmtree(folder, ignore_errors=True)
    rubric = load_catalog().get(LARGE_RUBRIC)
    kinds = ["小学", "初中", "九年制"]
    spec = P.PlanSpec(
        title="大集团基准测试", school_year="2024—2025", stage="复评", id="bench-large",
        groups=[P.GroupSpec("安康市大型教育集团", [P.SchoolSpec(f"安康市大型教育集团第{s + 1}校", "lead" if s == 0 else "member",
                                                       kinds[s % 3], id=f"s{s}") for s in range(schools)],
                            group_type=rubric.group_types[0] if rubric.group_types else None, id="big")],
        experts=[P.ExpertSpec("专家甲", "lead", "e0")])
    store = open_store(folder / "data")
    plan = P.create_plan(store, rubric, spec)
    store.set_setting("current_plan", plan.id)
    store.set_setting(f"me:{plan.id}", "e0")
    group = P.groups(store, plan.id)[0]
    rng = random.Random(30)
    for ind in rubric.indicators:  # most indicators scored for every school, the rest not begun
        if rng.random() >= answered:
            continue
        places = [s.id for s in targeted_schools(ind, group.schools)] if ind.scope.per_school else [E.GROUP]
        for place in places:
            E.set_entry(store, plan, rubric, group, "e0", place, ind.code, inputs=demo_inputs(ind.rule, rng))
    store.close()
    done.write_text(json.dumps({"stamp": stamp(), "schools": schools}))
    return folder / "data"




def merged_bureau(world: World, root: Path = ROOT) -> Path:
    """The bureau after merging every panel bundle of the world (cached; benchmarks copy it)."""
    from inspector_app.bundles.merge import merge_files
    from inspector_app.store.db import open_store
    folder = root / f"{world.name}-merged"
    done = folder / "stamp.json"
    if done.exists() and json.loads(done.read_text()).get("stamp") == stamp():
        return folder / "data"
    shutil.rmtree(folder, ignore_errors=True)
    target = fresh_bureau(world, folder / "data")
    store = open_store(target)
    keys = KeyStore(target)
    start = time.perf_counter()
    statuses: dict[str, int] = {}
    for outcome in merge_files(store, keys, sorted(world.bundles.iterdir())):
        statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
    store.close()
    done.write_text(json.dumps({"stamp": stamp(), "statuses": statuses,
                                "seconds": round(time.perf_counter() - start, 1)}))
    return folder / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", choices=[*SIZES, "large"])
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--force", action="store_true")
    parser.add_argument("--merged", action="store_true", help="also the bureau after merging everything")
    args = parser.parse_args()
    if args.size == "large":
        print(build_large(args.root, args.force))
    else:
        world = build_world(args.size, args.root, args.force)
        if args.merged:
            print(merged_bureau(world, args.root))


if __name__ == "__main__":
    main()
