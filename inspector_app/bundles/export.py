"""Writing bundles from the store: an expert's work, the panel's settled result, the bureau's plan package.

The payload is canonical JSON plus photo files (see docs/bundle-format.md);
`bag.write_bag` signs, writes atomically and verifies. The signer's sequence
number is consumed only once the bundle is safely at its destination.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from inspector_app.bundles import canonical
from inspector_app.bundles.bag import read_bag
from inspector_app.bundles.bag_write import write_bag
from inspector_app.bundles.keys import KeyStore
from inspector_app.bundles.tagfiles import make_info
from inspector_app.numbers import fmt_points, stored_points
from inspector_app.store import entries as E
from inspector_app.store import photo_records as PR
from inspector_app.store.bundle_records import consume_sequence, merged_expert_bundles, next_sequence
from inspector_app.store.consensus import panel_scorer, places, settled_points
from inspector_app.store.db import Store, now
from inspector_app.store.findings import get_findings
from inspector_app.store.history import changes
from inspector_app.store.photo_location import strip_location
from inspector_app.store.plans import (Group, Plan, assigned, baselines, expert_public_key, experts, groups,
                                       plan_rubric, prior_results, rubric_source, self_scores)

FORMAT = 1
# `file_work(fn)` runs fn (writing and re-reading the zip; it touches no database) and returns its result;
# a window passes one that runs fn on a worker thread. The store is read and written only by the caller.
FileWork = Callable[[Callable[[], Any]], Any]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_hash: str
    sequence: int
    photos: int


def _slug(text: str) -> str:
    """A file-name-safe rendering that keeps Chinese readable."""
    return re.sub(r"[\\/:*?\"<>|\s]+", "_", text).strip("._")[:40] or "x"


def _sign_and_write(store: Store, keystore: KeyStore, plan: Plan, kind: str, sequence: int, previous: str,
                    filename: str, payload: dict[str, Any], out_dir: Path, group: Group | None,
                    progress: Callable[[int, int], Any] | None, cancelled: Any, photos: int = 0,
                    file_work: FileWork | None = None) -> ExportResult:
    """Write, verify and only then consume the sequence number."""
    rubric = plan_rubric(store, plan)
    info = make_info(kind, plan_id=plan.id, rubric_id=rubric.id, rubric_version=rubric.version,
                     rubric_hash=rubric.content_hash, group=group.id if group else None, sequence=sequence,
                     previous_bundle_hash=previous or None)

    def write() -> tuple[Path, str]:  # files only, no store: may run on another thread
        written = write_bag(out_dir, filename, payload, info, keystore, progress, cancelled)
        return written, read_bag(written, keystore).bundle_hash

    path, bundle_hash = file_work(write) if file_work else write()
    consume_sequence(store, plan.id, kind, sequence, bundle_hash)
    return ExportResult(path, bundle_hash, sequence, photos)


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _header(store: Store, plan: Plan, kind: str, sequence: int, previous: str, signer: str,
            group: Group | None = None, expert: Any = None) -> dict:
    rubric = plan_rubric(store, plan)
    head = {"format": FORMAT, "kind": kind, "created_at": now(), "sequence": sequence, "previous": previous,
            "signer_key_id": signer,
            "plan": {"id": plan.id, "title": plan.title, "school_year": plan.school_year, "stage": plan.stage,
                     "demo": plan.demo},
            "rubric": {"id": rubric.id, "version": rubric.version, "hash": rubric.content_hash}}
    if group is not None:
        head["group"] = {"id": group.id, "name": group.name}
    if expert is not None:
        head["expert"] = {"id": expert.id, "name": expert.name, "role": expert.role}
    return head


def _entries_json(store: Store, plan: Plan, group: Group, expert_id: str) -> list[dict]:
    return [{"school": e.school_id, "indicator": e.indicator, "inputs": e.inputs, "evidence": list(e.evidence),
             "methods": list(e.methods), "note": e.note, "points": stored_points(e.points),
             "explanation": list(e.explanation), "updated_at": e.updated_at}
            for e in E.entries(store, plan.id, group.id, expert_id)]


def _photos_payload(store: Store, plan: Plan, group: Group, expert_id: str | None,
                    payload: dict[str, Any]) -> list[dict]:
    result = []
    for photo in PR.list_photos(store, plan.id, group.id, expert_id=expert_id, include_removed=True):
        data = PR.file_path(store, photo).read_bytes()
        if not plan.export_location and photo.has_location:
            data = strip_location(data, name=photo.original)
        sha = hashlib.sha256(data).hexdigest()
        name = f"photos/{sha}{Path(photo.original).suffix}"
        payload[name] = data
        result.append({"file": name, "sha256": sha, "original_sha256": photo.sha256, "school": photo.school_id,
                       "indicator": photo.indicator, "expert": photo.expert_id, "caption": photo.caption,
                       "taken_at": photo.taken_at, "mime": photo.mime, "chosen": photo.chosen,
                       "removed": photo.removed})
    return result


def export_expert(store: Store, keystore: KeyStore, plan: Plan, group: Group, expert_id: str, out_dir: Path, *,
                  progress: Callable[[int, int], Any] | None = None, cancelled: Any = None,
                  file_work: FileWork | None = None) -> ExportResult:
    """One expert's entries, vetoes, notes, photos and history for one group."""
    expert = next(e for e in experts(store, plan.id) if e.id == expert_id)
    signer = keystore.own_key().key_id
    sequence, previous = next_sequence(store, plan.id, "expert")
    payload: dict[str, Any] = {}
    head = _header(store, plan, "expert", sequence, previous, signer, group, expert)
    payload["bundle.json"] = canonical.dumps(head)
    payload["entries.json"] = canonical.dumps(_entries_json(store, plan, group, expert_id))
    payload["vetoes.json"] = canonical.dumps(
        [{"key": k, "value": v, "reason": r} for eid, k, v, r in E.vetoes(store, plan.id, group.id, expert_id)])
    findings = get_findings(store, plan.id, group.id) if expert.role == "lead" else {}
    payload["findings.json"] = canonical.dumps(findings)
    photos = _photos_payload(store, plan, group, expert_id, payload)
    payload["photos.json"] = canonical.dumps(photos)
    history = [c.__dict__ for c in changes(store, plan.id) if c.expert_id == expert_id and c.key.get("group") == group.id]
    payload["history.json"] = canonical.dumps(history)
    filename = f"{_slug(expert.name)}-{_slug(group.name)}-{_stamp()}-{sequence}.zip"
    return _sign_and_write(store, keystore, plan, "expert", sequence, previous, filename, payload, out_dir, group,
                           progress, cancelled, len(photos), file_work)


def export_panel(store: Store, keystore: KeyStore, plan: Plan, group: Group, lead_id: str, out_dir: Path, *,
                 progress: Callable[[int, int], Any] | None = None, cancelled: Any = None,
                  file_work: FileWork | None = None) -> ExportResult:
    """The panel's settled result for a group, with the members' original signed bundles inside."""
    lead = next(e for e in experts(store, plan.id) if e.id == lead_id)
    if lead.role != "lead":
        raise ValueError(f"{lead.name} 不是本考核计划登记的专家组组长，不能导出专家组数据包")
    rubric = plan_rubric(store, plan)
    signer = keystore.own_key().key_id
    sequence, previous = next_sequence(store, plan.id, "panel")
    payload: dict[str, Any] = {}
    payload["bundle.json"] = canonical.dumps(_header(store, plan, "panel", sequence, previous, signer, group, lead))
    settled = []
    for place in places(store, plan, group):
        points, method = settled_points(place, plan.consensus)
        settled.append({"school": place.school_id, "indicator": place.indicator,
                        "points": stored_points(points), "method": method,
                        "reason": place.decided_reason,
                        "scores": {e: fmt_points(v) for e, v in sorted(place.scores.items())}})
    payload["consensus.json"] = canonical.dumps(settled)
    card = panel_scorer(store, plan, rubric, group).card()
    payload["result.json"] = canonical.dumps(card.to_json())
    payload["findings.json"] = canonical.dumps(get_findings(store, plan.id, group.id))
    # The lead's own work travels as the lead's own expert bundle, like every member's.
    members = []
    own = export_expert(store, keystore, plan, group, lead_id, store.data_dir / "bundles", cancelled=cancelled,
                        file_work=file_work)
    merged = [(own.bundle_hash, own.path)]
    merged += merged_expert_bundles(store, plan.id, group.id)
    for bundle_hash, path in merged:
        name = f"members/{bundle_hash}.zip"
        payload[name] = Path(path)
        members.append(name)
    payload["members.json"] = canonical.dumps(members)
    filename = f"专家组-{_slug(group.name)}-{_stamp()}-{sequence}.zip"
    return _sign_and_write(store, keystore, plan, "panel", sequence, previous, filename, payload, out_dir, group,
                           progress, cancelled, file_work=file_work)


def plan_body(store: Store, plan: Plan) -> dict:
    """The plan as a plan package's plan.json carries it: roster, division of work, keys, prior figures."""
    expert_rows = []
    for e in experts(store, plan.id):
        pub = expert_public_key(store, plan.id, e.id)
        expert_rows.append({"id": e.id, "name": e.name, "role": e.role, "key_id": e.key_id,
                            "fingerprint": e.fingerprint, "public_key": pub.hex() if pub else None,
                            "assignments": [list(a) for a in assigned(store, plan.id, e.id)]})
    group_rows = []
    for g in groups(store, plan.id):
        group_rows.append({
            "id": g.id, "name": g.name, "type": g.group_type,
            "schools": [{"id": s.id, "name": s.name, "role": s.role, "kind": s.kind, "head_role": s.head_role}
                        for s in g.schools],
            "self_scores": [{"school": s, "indicator": c, "points": fmt_points(p)}
                            for (s, c), p in self_scores(store, plan.id, g.id).items()],
            "baselines": baselines(store, plan.id, g.id),
            "prior_results": prior_results(store, plan.id, g.id)})
    return {"plan": {"id": plan.id, "title": plan.title, "school_year": plan.school_year, "stage": plan.stage,
                     "consensus": plan.consensus, "spread_limit": fmt_points(plan.spread_limit), "demo": plan.demo,
                     "export_location": plan.export_location},
            "groups": group_rows, "experts": expert_rows}


def export_plan(store: Store, keystore: KeyStore, plan: Plan, out_dir: Path, *,
                progress: Callable[[int, int], Any] | None = None, cancelled: Any = None,
                  file_work: FileWork | None = None) -> ExportResult:
    """The bureau's plan package: everything a panel needs to start, offline."""
    rubric = plan_rubric(store, plan)
    signer = keystore.own_key().key_id
    sequence, previous = next_sequence(store, plan.id, "plan")
    source = rubric_source(store, plan.rubric_hash)
    body = plan_body(store, plan)
    payload = {"bundle.json": canonical.dumps(_header(store, plan, "plan", sequence, previous, signer)),
               "plan.json": canonical.dumps(body), f"rubric/{rubric.id}.yaml": source}
    filename = f"考核计划-{_slug(plan.title)}-{sequence}.zip"
    return _sign_and_write(store, keystore, plan, "plan", sequence, previous, filename, payload, out_dir, None,
                           progress, cancelled, file_work=file_work)
