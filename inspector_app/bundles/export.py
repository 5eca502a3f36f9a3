"""Writing bundles from the store: an expert's work, the panel's settled result, the bureau's plan package.

The payload is canonical JSON plus photo files (see docs/bundle-format.md);
`bag.write_bag` signs, writes atomically and verifies. The signer's sequence
number is consumed only once the bundle is safely at its destination.
"""
from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from inspector_app.bundles import canonical
from inspector_app.bundles import export_files as EF
from inspector_app.bundles.bag import read_bag
from inspector_app.bundles.verification import PLAIN, SEALED_FOR
from inspector_app.bundles.bag_write import write_bag
from inspector_app.bundles.keys import KeyStore, fingerprint_of_id
from inspector_app.bundles.recipients import recipients_for
from inspector_app.bundles.sealing import Recipient, encryption_head, seal
from inspector_app.bundles.tagfiles import make_info
from inspector_app.numbers import fmt_points, stored_points
from inspector_app.store import entries as E
from inspector_app.store import finalisation as F
from inspector_app.store import identity as I
from inspector_app.store.bundle_records import (consume_sequence, merged_expert_bundles, next_sequence,
                                                reserve_sequence)
from inspector_app.store.db import Store, now
from inspector_app.store.findings import get_findings
from inspector_app.store.plans import (Group, Plan, baselines, get_plan, groups, plan_rubric, prior_results,
                                       rubric_source, self_scores)
from inspector_app.store.experts import assigned, expert_by_id, expert_public_key, experts
from inspector_app.said import Said

LOCATION_REMOVED = Said("{0}（已去除位置信息）", "{0} (location data removed)")
CARRIED_PHOTOS = Said("收入的照片（{0} 张）：{1}", "Photos included ({0}): {1}")
CARRIED_FILES = Said("收入的佐证文件（{0} 个）：{1}", "Evidence files included ({0}): {1}")
ISSUER_BOUND_NOW = Said("本考核计划建于旧版本，没有登记签发密钥：已把本机密钥（指纹 {0}）登记为签发密钥，此后只有本机能签发本计划的"
                        "计划包和修订；请把这份计划包发给各台电脑导入一次",
                        "This inspection was made by an older version and has no issuing key: this computer's key "
                        "(fingerprint {0}) is now registered as the issuing key, and only this computer can issue this "
                        "plan's plan packages and revisions from now on; send this plan package to every computer to "
                        "import once")
SCORES_ONLY_HERE = Said("{0} 的 {1} 项评分（{2}）只在本机，不在任何数据包中",
                        "{1} scores of {0} ({2}) are only on this computer, in no bundle")
TRANSCRIBED_GO_WITH_LEAD = Said("代录的评分由组长放入专家组数据包；若是您代录的，请交组长在其电脑上代录，或请该专家本人导出",
                                "Transcribed scores go into the panel bundle by the lead; if you transcribed them, "
                                "hand them to the lead to transcribe on their computer, or ask the expert to export "
                                "them")
NOT_FINALISED_YET = Said("集团 {0} 尚未定稿：教育局将列为未完成，不排名（inspector panel finalise）",
                         "Group {0} is not finalised yet: the bureau will list it as unfinished and not rank it "
                         "(inspector panel finalise)")

FINAL_CHANGED_SINCE = Said('集团 {0} 定稿（第 {1} 版）后评分有改动：{2}。请重新定稿并写明理由（inspector panel finalise … --reason），或撤回改动后再导出',
                            "Group {0}'s scores changed after it was finalised (version {1}): {2}. Finalise again with a reason (inspector panel finalise … --reason), or undo the changes, then export")

INSPECTION_HAS_EXPERT = Said('考核计划中没有专家 {0}',
                              'The inspection has no expert {0}')
PANEL_LEAD_INSPECTION_REGISTERS = Said('{0} 不是本考核计划登记的专家组组长，不能导出专家组数据包',
                                        '{0} is not the panel lead this inspection registers: cannot export a panel bundle')

FORMAT = 1


# Every bundle's name ends so: still a zip to any tool, and a name the desktop can tell from other zips
# (a suffix glob in build/linux/inspector-mime.xml), so double-clicking a bundle opens Inspector.
BUNDLE_SUFFIX = ".inspector.zip"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_hash: str
    sequence: int
    photos: int  # the photos carried in use, as carried_said counts them (a removed one travels as a record only)
    warnings: tuple[str, ...] = ()  # what was typed on this laptop and travels in no bundle
    recipients: tuple[Recipient, ...] | None = None  # None: plain (the plan chose unencrypted bundles)
    photo_list: tuple[tuple[str, bool], ...] = ()  # (file name, location data removed) of each photo carried
    file_list: tuple[str, ...] = ()  # the name of each evidence file carried (PDF, Word, spreadsheet, recording)

    @property
    def photos_said(self) -> str:
        """The photos carried, in words: each file name, and where GPS was removed from the copy."""
        return "、".join(LOCATION_REMOVED(name) if stripped else name for name, stripped in self.photo_list)

    def carried_said(self) -> tuple[str, ...]:
        """What went in, one line a kind, counted and named: the window's message and `inspector export` say these."""
        lines = (CARRIED_PHOTOS(len(self.photo_list), self.photos_said) if self.photo_list else None,
                 CARRIED_FILES(len(self.file_list), "、".join(self.file_list)) if self.file_list else None)
        return tuple(line for line in lines if line)

    @property
    def sealed_to(self) -> str:
        """In words: encrypted to whom, or that the bundle is plain."""
        if self.recipients is None:
            return PLAIN()
        return SEALED_FOR("、".join(r.name for r in self.recipients))


@dataclass
class PreparedExport:
    """One bundle with everything read from the store, in three steps a window runs apart:
    `prepare_*` reads the store (its thread), `write` makes the files only (any thread; it touches no
    database), `record` chains the bundle's hash to the next one (the store's thread again). The sequence
    number is recorded as used while preparing, before the bundle has its final name: a kill, a failure or
    a cancel skips a number, and a number is never signed twice."""
    plan_id: str
    kind: str
    sequence: int
    filename: str
    payload: dict[str, Any]
    info: dict[str, Any]
    out_dir: Path
    keystore: KeyStore
    photo_sources: list[EF.CarriedFile] = field(default_factory=list)
    file_sources: list[EF.CarriedFile] = field(default_factory=list)  # evidence files other than photos
    inner: "PreparedExport | None" = None  # a panel bundle: the lead's own expert bundle, written first, carried inside
    members: list[str] = field(default_factory=list)
    path: Path | None = None
    bundle_hash: str = ""
    warnings: tuple[str, ...] = ()
    recipients: list[Recipient] | None = None  # encrypted to them; None: plain
    seal: bool = True  # False: written plain (the lead's own bundle, carried inside the sealed panel bundle)
    photo_list: list[tuple[str, bool]] = field(default_factory=list)  # filled by write: (name, GPS removed)
    file_list: list[str] = field(default_factory=list)  # filled by write: the evidence files' names
    bind_issuer: str = ""  # a plan package of a plan with no issuing key (before migration 5) binds its signer

    def write(self, progress: Callable[[int, int], Any] | None = None, cancelled: Any = None) -> "PreparedExport":
        if self.inner is not None:
            self.inner.write(None, cancelled)
            self.members.insert(0, f"members/{self.inner.bundle_hash}.zip")
            self.payload[self.members[0]] = self.inner.path
            self.payload["members.json"] = canonical.dumps(self.members)
        if self.kind == "expert":
            self.payload["photos.json"] = canonical.dumps(EF.read_photos(self.photo_sources, self.payload,
                                                                         self.photo_list))
            self.payload["files.json"] = canonical.dumps(EF.read_evidence(self.file_sources, self.payload,
                                                                          self.file_list))
        if self.recipients is None or not self.seal:
            self.path = write_bag(self.out_dir, self.filename, self.payload, self.info, self.keystore, progress,
                                  cancelled)
            self.bundle_hash = read_bag(self.path, self.keystore, check_json=False).bundle_hash
            return self
        # Sign, then encrypt: the signed bundle is made on this laptop's disk, never on the stick in clear.
        with tempfile.TemporaryDirectory(prefix=".inspector-seal-", dir=self.keystore.data_dir) as tmp:
            plain = write_bag(Path(tmp), self.filename, self.payload, self.info, self.keystore, progress, cancelled)
            self.bundle_hash = read_bag(plain, self.keystore, check_json=False).bundle_hash
            self.path = seal(plain, self.out_dir, self.filename, self.recipients, self.keystore, cancelled=cancelled)
        return self

    def record(self, store: Store) -> ExportResult:
        if self.path is None:
            raise ValueError("the bundle has not been written")
        if self.inner is not None and self.inner.path is not None:
            self.inner.record(store)
        consume_sequence(store, self.plan_id, self.kind, self.sequence, self.bundle_hash)
        if self.bind_issuer and I.bind_issuer(store, get_plan(store, self.plan_id), self.bind_issuer,
                                              I.ISSUER_BOUND_BY_EXPORT()):
            self.warnings += (ISSUER_BOUND_NOW(fingerprint_of_id(self.bind_issuer)),)
        recipients = tuple(self.recipients) if self.recipients is not None and self.seal else None
        # photo_list holds the photos written in use; photo_sources also the removed ones kept as records
        return ExportResult(self.path, self.bundle_hash, self.sequence, len(self.photo_list), self.warnings,
                            recipients, tuple(self.photo_list), tuple(self.file_list))


def _slug(text: str) -> str:
    """A file-name-safe rendering that keeps Chinese readable."""
    return re.sub(r"[\\/:*?\"<>|\s]+", "_", text).strip("._")[:40] or "x"


def _prepared(store: Store, keystore: KeyStore, plan: Plan, kind: str, sequence: int, previous: str,
              filename: str, payload: dict[str, Any], out_dir: Path, group: Group | None,
              recipients: list[Recipient] | None, **more) -> PreparedExport:
    rubric = plan_rubric(store, plan)
    info = make_info(kind, plan_id=plan.id, rubric_id=rubric.id, rubric_version=rubric.version,
                     rubric_hash=rubric.content_hash, group=group.id if group else None, sequence=sequence,
                     previous_bundle_hash=previous or None)
    reserve_sequence(store, plan.id, kind, sequence)
    return PreparedExport(plan.id, kind, sequence, filename, payload, info, Path(out_dir), keystore,
                          recipients=recipients, **more)


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _header(store: Store, plan: Plan, kind: str, sequence: int, previous: str, signer: str,
            recipients: list[Recipient] | None, group: Group | None = None, expert: Any = None) -> dict:
    rubric = plan_rubric(store, plan)
    head = {"format": FORMAT, "kind": kind, "created_at": now(), "sequence": sequence, "previous": previous,
            "signer_key_id": signer, "encryption": encryption_head(recipients),
            "plan": {"id": plan.id, "title": plan.title, "school_year": plan.school_year, "stage": plan.stage,
                     "demo": plan.demo},
            "rubric": {"id": rubric.id, "version": rubric.version, "hash": rubric.content_hash}}
    if group is not None:
        head["group"] = {"id": group.id, "name": group.name}
    if expert is not None:
        head["expert"] = {"id": expert.id, "name": expert.name, "role": expert.role}
    return head


def _entry_json(e: E.Entry) -> dict:
    return {"school": e.school_id, "indicator": e.indicator, "inputs": e.inputs, "evidence": list(e.evidence),
            "methods": list(e.methods), "note": e.note, "points": stored_points(e.points),
            "explanation": list(e.explanation), "updated_at": e.updated_at}


def _entries_json(store: Store, plan: Plan, group: Group, expert_id: str) -> list[dict]:
    """An expert's bundle speaks only for the expert's own typing: never for a transcription or a merged entry."""
    return [_entry_json(e) for e in E.entries(store, plan.id, group.id, expert_id)
            if not e.transcribed and not e.source]


def _transcribed_json(store: Store, plan: Plan, group: Group, typist: str) -> dict[str, list[dict]]:
    """Paper sheets this laptop's user typed for other experts (代录), by expert."""
    found: dict[str, list[dict]] = {}
    for e in E.entries(store, plan.id, group.id):
        if e.typed_by == typist and e.transcribed and not e.source:
            found.setdefault(e.expert_id, []).append(_entry_json(e))
    return found


def left_behind(store: Store, plan: Plan, group: Group, signer_id: str, *, panel: bool) -> list[str]:
    """Entries typed on this laptop that the bundle being written does not carry, nor any other bundle
    from here: an expert's bundle carries the expert's own typing; the lead's panel bundle adds the
    lead's transcriptions (代录)."""
    names = {e.id: e.name for e in experts(store, plan.id)}
    lost: dict[str, list[str]] = {}
    for e in E.entries(store, plan.id, group.id):
        if e.source:
            continue  # merged from a bundle: its signed original travels, not this copy
        if e.expert_id == signer_id and not e.transcribed:
            continue
        if panel and e.typed_by == signer_id:
            continue
        lost.setdefault(names.get(e.expert_id, e.expert_id), []).append(e.indicator)
    warnings = [SCORES_ONLY_HERE(who, len(codes), '、'.join(sorted(set(codes))[:8]))
                for who, codes in sorted(lost.items())]
    if warnings and not panel:
        warnings.append(TRANSCRIBED_GO_WITH_LEAD())
    return warnings


def prepare_expert(store: Store, keystore: KeyStore, plan: Plan, group: Group, expert_id: str,
                   out_dir: Path) -> PreparedExport:
    """One expert's entries, vetoes, notes, photos and history for one group, read from the store."""
    expert = expert_by_id(store, plan.id, expert_id)
    if expert is None:
        raise ValueError(INSPECTION_HAS_EXPERT(expert_id))
    signer = keystore.own_key().key_id
    recipients, _none = recipients_for(store, keystore, plan, "expert")
    sequence, previous = next_sequence(store, plan.id, "expert")
    payload: dict[str, Any] = {}
    head = _header(store, plan, "expert", sequence, previous, signer, recipients, group, expert)
    payload["bundle.json"] = canonical.dumps(head)
    payload["entries.json"] = canonical.dumps(_entries_json(store, plan, group, expert_id))
    payload["vetoes.json"] = canonical.dumps(
        [{"key": k, "value": v, "reason": r} for eid, k, v, r in E.vetoes(store, plan.id, group.id, expert_id)])
    findings = get_findings(store, plan.id, group.id) if expert.role == "lead" else {}
    payload["findings.json"] = canonical.dumps(findings)
    filename = f"{_slug(expert.name)}-{_slug(group.name)}-{_stamp()}-{sequence}{BUNDLE_SUFFIX}"
    warnings = () if expert.role == "lead" else tuple(left_behind(store, plan, group, expert_id, panel=False))
    return _prepared(store, keystore, plan, "expert", sequence, previous, filename, payload, out_dir, group,
                     recipients, photo_sources=EF.photo_sources(store, plan, group, expert_id),
                     file_sources=EF.evidence_sources(store, plan, group, expert_id), warnings=warnings)


def export_expert(store: Store, keystore: KeyStore, plan: Plan, group: Group, expert_id: str, out_dir: Path, *,
                  progress: Callable[[int, int], Any] | None = None, cancelled: Any = None) -> ExportResult:
    return prepare_expert(store, keystore, plan, group, expert_id, out_dir).write(progress, cancelled).record(store)


def prepare_panel(store: Store, keystore: KeyStore, plan: Plan, group: Group, lead_id: str,
                  out_dir: Path) -> PreparedExport:
    """The panel's settled result for a group, with the members' original signed bundles inside."""
    lead = expert_by_id(store, plan.id, lead_id)
    if lead is None or lead.role != "lead":
        raise ValueError(PANEL_LEAD_INSPECTION_REGISTERS(lead.name if lead else lead_id))
    rubric = plan_rubric(store, plan)
    state = F.report_state(store, plan, rubric, group)
    if state.status == F.CHANGED:
        raise ValueError(FINAL_CHANGED_SINCE(group.name, state.version, "；".join(state.changes[:6])))
    signer = keystore.own_key().key_id
    # The lead's own work travels as the lead's own expert bundle, like every member's (written first).
    own = prepare_expert(store, keystore, plan, group, lead_id, store.data_dir / "bundles")
    own.seal = False  # inside the panel bundle, which is sealed as a whole
    recipients, _none = recipients_for(store, keystore, plan, "panel")
    sequence, previous = next_sequence(store, plan.id, "panel")
    payload: dict[str, Any] = {}
    payload["bundle.json"] = canonical.dumps(_header(store, plan, "panel", sequence, previous, signer, recipients,
                                                     group, lead))
    payload["consensus.json"] = canonical.dumps(F.settled_rows(store, plan, group))
    payload["result.json"] = canonical.dumps(F.live_result(store, plan, rubric, group))
    if state.finalised is not None:
        # The finalised result is what the lead signs; every older version travels with it, kept.
        payload["finalised.json"] = canonical.dumps(state.finalised.to_json())
        payload["versions.json"] = canonical.dumps([v.to_json() for v in F.versions(store, plan.id, group.id)])
    transcribed = _transcribed_json(store, plan, group, lead_id)
    if transcribed:
        payload["transcribed.json"] = canonical.dumps(transcribed)
    payload["findings.json"] = canonical.dumps(get_findings(store, plan.id, group.id))
    from inspector_app.bundles.rectify_payload import add_panel_files
    add_panel_files(store, plan.id, group.id, payload)  # 整改事项 with their history and evidence, the 反馈会
    members = []
    for bundle_hash, path in merged_expert_bundles(store, plan.id, group.id):
        name = f"members/{bundle_hash}.zip"
        payload[name] = Path(path)
        members.append(name)
    filename = f"专家组-{_slug(group.name)}-{_stamp()}-{sequence}{BUNDLE_SUFFIX}"
    warnings = left_behind(store, plan, group, lead_id, panel=True)
    if state.finalised is None:
        warnings.insert(0, NOT_FINALISED_YET(group.name))
    return _prepared(store, keystore, plan, "panel", sequence, previous, filename, payload, out_dir, group,
                     recipients, inner=own, members=members, warnings=tuple(warnings))


def export_panel(store: Store, keystore: KeyStore, plan: Plan, group: Group, lead_id: str, out_dir: Path, *,
                 progress: Callable[[int, int], Any] | None = None, cancelled: Any = None) -> ExportResult:
    return prepare_panel(store, keystore, plan, group, lead_id, out_dir).write(progress, cancelled).record(store)


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
            "schools": [{"id": s.id, "name": s.name, "role": s.role, "kind": s.kind, "head_role": s.head_role,
                         "short_name": s.short_name} for s in g.schools],
            "self_scores": [{"school": s, "indicator": c, "points": fmt_points(p)}
                            for (s, c), p in self_scores(store, plan.id, g.id).items()],
            "baselines": baselines(store, plan.id, g.id),
            "prior_results": prior_results(store, plan.id, g.id)})
    return {"plan": {"id": plan.id, "title": plan.title, "school_year": plan.school_year, "stage": plan.stage,
                     "consensus": plan.consensus, "spread_limit": fmt_points(plan.spread_limit), "demo": plan.demo,
                     "export_location": plan.export_location, "encrypted": plan.encrypted,
                     "publication": {k: getattr(plan.publication, k) for k in plan.publication.FIELDS}},
            "groups": group_rows, "experts": expert_rows}


def prepare_plan(store: Store, keystore: KeyStore, plan: Plan, out_dir: Path) -> PreparedExport:
    """The bureau's plan package: everything a panel needs to start, offline."""
    rubric = plan_rubric(store, plan)
    signer = keystore.own_key().key_id
    recipients, warnings = recipients_for(store, keystore, plan, "plan")
    sequence, previous = next_sequence(store, plan.id, "plan")
    source = rubric_source(store, plan.rubric_hash)
    body = plan_body(store, plan)
    for row in body["experts"]:  # each expert's encryption key travels with the signing key, bound to it
        encryption = keystore.encryption_of(row["key_id"]) if row.get("key_id") else None
        if encryption is not None:
            row["encryption_key"], row["encryption_binding"] = encryption
    payload = {"bundle.json": canonical.dumps(_header(store, plan, "plan", sequence, previous, signer, recipients)),
               "plan.json": canonical.dumps(body), f"rubric/{rubric.id}.yaml": source}
    from inspector_app.bundles.rectify_payload import add_plan_files
    add_plan_files(store, plan.id, payload)  # the items a 复查 plan re-checks or next year's plan carries
    filename = f"考核计划-{_slug(plan.title)}-{sequence}{BUNDLE_SUFFIX}"
    unbound = signer if I.unbound(store, plan) else ""
    return _prepared(store, keystore, plan, "plan", sequence, previous, filename, payload, out_dir, None,
                     recipients, warnings=tuple(warnings), bind_issuer=unbound)


def export_plan(store: Store, keystore: KeyStore, plan: Plan, out_dir: Path, *,
                progress: Callable[[int, int], Any] | None = None, cancelled: Any = None) -> ExportResult:
    return prepare_plan(store, keystore, plan, out_dir).write(progress, cancelled).record(store)
