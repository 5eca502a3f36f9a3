"""Importing bundles into the store: members' work at the panel, panels' results at the bureau, plan packages.

A bundle is verified completely before anything is written. Merging is safe to
repeat: a bundle's identity (the hash of its signed tag manifest) is the key of
the `bundles` table, so the same bundle twice changes nothing; a different
bundle that claims the same signer and sequence number hits the unique key and
is shown as a conflict, never written over. A rejected bundle leaves the
database exactly as it was.
"""
from __future__ import annotations

import collections
import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from inspector_app import gc_pace
from inspector_app.said import Said
from inspector_app.bundles.bag import Bag, BundleError, read_json
from inspector_app.bundles.opening import OpenedBundle, Openers, open_bundle
from inspector_app.bundles.keys import KeyStore
from inspector_app.bundles.merge_checks import Reject, bundle_head
from inspector_app.bundles.merge_entries import check_entries, check_photo_place, check_vetoes, entry_values
from inspector_app.bundles.plan_import import ALREADY, AMENDED, ITEMS_MERGED, import_plan
from inspector_app.bundles.roles import check_expert_signer, local_user
from inspector_app.fsutil import commit_staged, write_atomic
from inspector_app.store import bundle_records as BR
from inspector_app.store import entries as E
from inspector_app.store import evidence_files as EF
from inspector_app.store import evidence_records as ER
from inspector_app.store import photo_markup
from inspector_app.store import photo_storage
from inspector_app.store import photo_records as PR
from inspector_app.store import photos as photo_files
from inspector_app.store.consensus import withdraw_stale_decisions
from inspector_app.store.findings import merge_findings
from inspector_app.store.db import Store, StoreError
from inspector_app.store.history import record
from inspector_app.store import experts as EX
from inspector_app.store import plans as P

NOTE_CONFLICT = Said("注意：{0}。", "Note: {0}.")


INSPECTION_HAS_GROUP = Said('本考核计划中没有集团 {0}',
                             'This inspection has no group {0}')
INSPECTION_BUNDLE_DESCRIPTION_DIFFERS = Said('数据包说明中的考核计划与签名信息不一致',
                                              "The inspection in the bundle's description differs from the signed information")
BUNDLE_USES_ANOTHER_VERSION = Said('数据包所用的指标体系版本与本机考核计划不同，不能合并',
                                    "The bundle uses another version of the rubric than this computer's inspection: it cannot be merged")
GROUP_BUNDLE_DESCRIPTION_DIFFERS = Said('数据包说明中的集团与签名信息不一致',
                                         "The group in the bundle's description differs from the signed information")
INSPECTION_REQUIRES_BUNDLES_ENCRYPTED = Said('考核计划要求数据包加密，而这个数据包未加密（可能是有人解密后转交的）；未合并，本机没有任何改变。请发送人重新导出',
                                              'The inspection requires bundles to be encrypted, and this one is not (someone may have decrypted it and passed it on); not merged, nothing on this computer changed. Ask the sender to export it again')
BUNDLE_DESCRIPTION_HAS_VALID = Said('数据包说明中没有有效的专家编号',
                                     "The bundle's description has no valid expert id")
INSPECTION_HAS_SUCH_EXPERT = Said('考核计划中没有这位专家（{0}）',
                                   'The inspection has no such expert ({0})')
BUNDLE_PAPER_SCORE_SHEET = Said('{0} 的数据包与本机代录的 {1} 纸质评分表在指标 {2} 重复；未合并，代录的评分保留。请核对后只保留一份',
                                 'The bundle of {0} and the paper score sheet of {1} entered on this computer overlap on indicator(s) {2}; not merged, the entered scores are kept. Check them and keep only one')
DATA_FILE_BUNDLE_RIGHT = Said('数据包中的数据文件格式不对',
                               'A data file in the bundle is not in the right format')
BUNDLE_ANOTHER_INSPECTION_WHICH = Said('这是另一个考核计划（{0}）的数据包，本机没有这个计划；请先导入该计划的计划包',
                                        "This is a bundle of another inspection ({0}), which this computer does not have; import that inspection's plan package first")
FILES_JSON_POINTS_EVIDENCE = Said('files.json 指向数据包中不存在的佐证文件“{0}”',
                                   'files.json points to evidence file "{0}", which the bundle does not hold')
CHECKSUM_EVIDENCE_FILE_DIFFERS = Said('佐证文件“{0}”的校验值与数据包清单不一致',
                                       'The checksum of evidence file "{0}" differs from the bundle\'s manifest')
EVIDENCE_FILE_TOO_LARGE = Said('佐证文件“{0}”过大（{1} MB，最多 {2} MB）',
                                'Evidence file "{0}" is too large ({1} MB, at most {2} MB)')
PHOTOS_JSON_POINTS_PHOTO = Said('photos.json 指向数据包中不存在的照片',
                                 'photos.json points to a photo the bundle does not hold')
ANOTHER_DIFFERENT_BUNDLE_SAME = Said('同一签名人、同一序号已有另一份不同的数据包；两份都保留待人工核对，未覆盖',
                                      'Another, different bundle of the same signer with the same sequence number is here; both are kept for people to check, neither overwritten')
FILES_JSON_PLACE_EVIDENCE = Said('files.json 中佐证文件“{0}”的位置无效：{1}',
                                  'In files.json, the place of evidence file "{0}" is invalid: {1}')
BUNDLE_EVIDENCE_FILES_INVALID = Said('数据包中的佐证文件无效：{0}',
                                      "The bundle's evidence files are invalid: {0}")
BUNDLE_PHOTOS_INVALID = Said('数据包中的照片无效：{0}',
                              "The bundle's photos are invalid: {0}")
UNKNOWN_KIND_BUNDLE = Said('未知的数据包类型 {0}',
                            'Unknown kind of bundle {0}')

STATUS_TEXT = {
    "merged": Said("已合并", "merged")(),
    "already": Said("已合并过（重复导入，未改变任何内容）", "merged before (a repeat: nothing changed)")(),
    "held": Said("暂缓：签名人尚未受信任", "held: the signer is not trusted yet")(),
    "rejected": Said("已拒绝", "refused")(),
    "conflict": Said("冲突：需要人工处理", "conflict: to be settled by people")(),
    "superseded": Said("已记录（同一专家已有更新的数据包）", "recorded (a newer bundle of the same expert is here)")(),
    "created": Said("已建立考核计划", "inspection created")(),
    "amended": Said("已按修订的计划包更新考核计划", "inspection updated from the amended plan package")(),
    "differs": Said("暂缓：签名的结果与重算的不一致，未合并", "held: the signed result differs from the one recomputed; "
                    "not merged")()}
MERGED = Said("{0}：{1} 项评分，{2} 张照片", "{0}: {1} score(s), {2} photo(s)")
WITH_FILES = Said("{0}，{1} 份佐证文件", "{0}, {1} evidence file(s)")
WITHDRAWN = Said("{0}；评分已改变，组长对 {1} 的决定已撤回，须重新决定",
                 "{0}; the scores changed, so the lead's decisions on {1} are withdrawn and must be made again")
OLDER = Said("序号 {0} 早于已合并的 {1}", "sequence {0} is older than {1}, already merged")


@dataclass
class MergeOutcome:
    file: str
    status: str
    message: str
    kind: str = ""
    signer: str = ""
    fingerprint: str = ""
    group: str = ""
    bundle_hash: str = ""
    members: list["MergeOutcome"] = field(default_factory=list)
    claims: str = ""  # held: the name the bundle claims, for the trust dialog
    conflict: str = ""  # held: how that claim disagrees with the plan, in words

    def __str__(self) -> str:
        return f"{self.file}: {STATUS_TEXT.get(self.status, self.status)}。{self.message}".rstrip("。") + "。"


def merge_files(store: Store, keystore: KeyStore, files: list[Path | str], *,
                progress: Callable[[int, int, str], Any] | None = None,
                cancelled: Callable[[], bool] | None = None) -> list[MergeOutcome]:
    """Merge files in order; every outcome, in a list (see `merge_each` for a long run)."""
    return list(merge_each(store, keystore, files, progress=progress, cancelled=cancelled))


# From this many files on, a plain bundle is opened in a second process rather than on a second thread: reading
# and checking a bundle is Python work that holds the interpreter's lock, so on a thread it only takes turns
# with the merge; in a process the two cores truly share it. Below it, starting the process costs more.
PROCESS_FROM = 16
# Files opened ahead in the opening process: with two, the next one is already queued when it finishes one, so it
# never waits for this process to hand it on (which waits for this busy process's interpreter lock).
AHEAD = 2


def merge_each(store: Store, keystore: KeyStore, files: list[Path | str], *,
               progress: Callable[[int, int, str], Any] | None = None,
               cancelled: Callable[[], bool] | None = None) -> Iterator[MergeOutcome]:
    """Merge files in order, each outcome handed on as its file is done and not kept here: a province's
    thousands of bundles merge in flat memory. The next files are opened (read, verified; no database) while
    this one is written, so the cores share the work: one file ahead on a thread, two in the opening
    processes of a long run (opening takes longer than writing, so one process alone kept the merge waiting)."""
    paths = [Path(name) for name in files]
    keep_dir = BR.originals_dir(store)
    with contextlib.suppress(OSError):  # made now, so the first files opened are staged there too
        keep_dir.mkdir(exist_ok=True)
    with Openers(store, keystore, elsewhere=len(paths) >= PROCESS_FROM) as openers:
        depth = AHEAD if openers.elsewhere else 1
        ahead: collections.deque = collections.deque()
        following = 0  # the next file to open

        def open_ahead() -> None:
            nonlocal following
            while len(ahead) < depth and following < len(paths):
                ahead.append(openers.submit(paths[following], keep_dir))
                following += 1

        def let_go_ahead() -> None:
            while ahead:
                ahead.popleft().result().close()

        open_ahead()
        try:
            with gc_pace.fewer_collections():  # for the length of the run; the caller's pace is back at its end
                for i, path in enumerate(paths):
                    opened = ahead.popleft().result()
                    if cancelled and cancelled():
                        opened.close()
                        break
                    open_ahead()
                    try:
                        outcome = merge_opened(store, keystore, opened)
                    finally:
                        opened.close()
                    if outcome.kind == "plan" and ahead:
                        # a plan package changes the keys and the plan the next files are judged by: open them again
                        let_go_ahead()
                        following = i + 1
                        open_ahead()
                    if progress:
                        progress(i + 1, len(paths), path.name)
                    yield outcome
        finally:
            let_go_ahead()


def merge_file(store: Store, keystore: KeyStore, path: Path) -> MergeOutcome:
    opened = open_bundle(path, keystore, store.photos_dir)
    try:
        return merge_opened(store, keystore, opened)
    finally:
        opened.close()


def merge_opened(store: Store, keystore: KeyStore, opened: OpenedBundle) -> MergeOutcome:
    path, bag = opened.path, opened.bag
    if bag is None:
        exc = opened.error
        status = "held" if exc.code == "unknown_key" else "rejected"
        outcome = MergeOutcome(path.name, status, exc.message if hasattr(exc, "message") else str(exc))
        if status == "held":
            from inspector_app.bundles.roles import held_claim
            outcome.claims, outcome.conflict = held_claim(store, keystore, path)
            if outcome.conflict:
                outcome.message += NOTE_CONFLICT(outcome.conflict)
        return outcome
    outcome = MergeOutcome(path.name, "merged", "", bag.kind, bag.signer_key_id, bag.signer_fingerprint,
                           bag.field("group") or "", bag.bundle_hash)
    try:
        # Evidence files are stored by hash before the transaction that names them; a refusal (in the
        # transaction or before it) removes again those this merge created, so the folder is as it was.
        with photo_storage.undone_on_failure():
            if bag.kind == "plan":
                outcome.message = import_plan(store, keystore, bag)
                outcome.status = ("merged" if ITEMS_MERGED in outcome.message and outcome.message.startswith(ALREADY)
                                  else "already" if outcome.message.startswith(ALREADY)
                                  else "amended" if outcome.message.startswith(AMENDED) else "created")
            elif bag.kind == "expert":
                outcome.status, outcome.message = _merge_expert(store, keystore, bag, path, opened=opened)
            elif bag.kind == "panel":
                from inspector_app.bundles.merge_panel import merge_panel
                outcome.status, outcome.message, outcome.members = merge_panel(store, keystore, bag, path, opened)
            else:
                raise Reject(UNKNOWN_KIND_BUNDLE(bag.kind))
    except Reject as exc:
        outcome.status, outcome.message = exc.status, str(exc)
    except BundleError as exc:
        outcome.status, outcome.message = "rejected", str(exc)
    return outcome


# --------------------------------------------------------------------------- shared checks

def _plan_for(store: Store, bag: Bag, head: dict, within: tuple[P.Plan, Any] | None = None) -> tuple[P.Plan, Any]:
    """The bundle's plan and rubric, checked against what it says and what is signed. `within`: the plan and
    rubric of the panel bundle it arrived in (read once for all its members; the same checks apply)."""
    plan_id = (head.get("plan") or {}).get("id")
    if plan_id != bag.field("plan_id"):
        raise Reject(INSPECTION_BUNDLE_DESCRIPTION_DIFFERS())
    try:
        if within is not None and within[0].id != plan_id:
            raise StoreError(plan_id)
        plan = within[0] if within is not None else P.get_plan(store, plan_id)
    except StoreError:
        title = (head.get("plan") or {}).get("title", plan_id)
        raise Reject(BUNDLE_ANOTHER_INSPECTION_WHICH(title)) from None
    rubric_hash = (head.get("rubric") or {}).get("hash")
    if rubric_hash != plan.rubric_hash or bag.field("rubric_hash") != plan.rubric_hash:
        raise Reject(BUNDLE_USES_ANOTHER_VERSION())
    return plan, within[1] if within is not None else P.plan_rubric(store, plan)


def _group_for(store: Store, plan: P.Plan, bag: Bag, head: dict, within: P.Group | None = None) -> P.Group:
    """`within`: the group of the panel bundle the bundle arrived in (read once for all its members)."""
    gid = (head.get("group") or {}).get("id")
    if gid != bag.field("group"):
        raise Reject(GROUP_BUNDLE_DESCRIPTION_DIFFERS())
    if within is not None:
        group = within if gid == within.id else None
    else:
        group = P.group_by_id(store, plan.id, gid) if isinstance(gid, str) else None
    if group is not None:
        return group
    raise Reject(INSPECTION_HAS_GROUP((head.get('group') or {}).get('name', gid)))


def _claim(store: Store, bag: Bag, plan_id: str, group_id: str, file_name: str, status: str = "merged",
           kept_in: tuple[str, str] = ("", "")) -> str | None:
    """Record the bundle; returns None when newly recorded, else 'already' or 'conflict' (nothing written)."""
    return BR.claim_bundle(store, bag.bundle_hash, bag.kind, bag.signer_key_id, int(bag.field("sequence") or 0),
                           plan_id, group_id, file_name, status, bag.info, kept_in=kept_in[0], kept_name=kept_in[1])


def _keep_original(store: Store, bag: Bag, path: Path, opened: OpenedBundle | None = None) -> Callable[[], Any]:
    """The verified signed bundle itself is kept: it is the chain of custody the panel bundle carries on
    (for a sealed bundle, the signed bundle decrypted from it, so its photos read without a key). Durable
    before the transaction that names it: a copy staged by open_bundle is only put in place, and the
    returned wait (for that transaction's `first`) ends once its new name is on disk."""
    staged = opened.take_staged(bag) if opened is not None else None
    if staged is not None:
        return commit_staged(staged, BR.original_path(store, bag.bundle_hash), folder_later=True)
    write_atomic(BR.original_path(store, bag.bundle_hash), bag.path.read_bytes())
    return lambda: None


def require_sealed(plan: P.Plan, bag: Bag) -> None:
    """A plan whose bundles are encrypted takes no plain one from a stick (a decrypted copy passed on)."""
    if plan.encrypted and bag.sealed is None:
        raise Reject(INSPECTION_REQUIRES_BUNDLES_ENCRYPTED())


# --------------------------------------------------------------------------- expert bundles

def _evidence_files(store: Store, rubric, group: P.Group, bag: Bag) -> list[tuple[Any, ER.EvidencePlace]]:
    """The bundle's evidence files checked (place, type by name and first bytes, size, hash against the signed
    manifest) and stored by hash, before the merge's transaction: stored bytes are whole, and a bundle refused
    later has the files it created removed again (merge_opened). A bundle from an older program has no files.json."""
    if "files.json" not in bag.sha256:
        return []
    found = []
    for meta in read_json(bag, "files.json"):
        name, label = meta["file"], meta["name"]
        if name not in bag.sha256:
            raise Reject(FILES_JSON_POINTS_EVIDENCE(label))
        if bag.sha256[name] != meta["sha256"]:
            raise Reject(CHECKSUM_EVIDENCE_FILE_DIFFERS(label))
        try:
            E.check_place(rubric, group, meta.get("school", ""), meta["indicator"])
        except E.EntryError as exc:
            raise Reject(FILES_JSON_PLACE_EVIDENCE(label, exc)) from None
        if bag.sizes.get(name, 0) > EF.MAX_EVIDENCE_BYTES:
            raise Reject(EVIDENCE_FILE_TOO_LARGE(label, bag.sizes[name] // 1024 // 1024, EF.MAX_EVIDENCE_BYTES // 1024 // 1024))
        try:
            stored = EF.ingest_file(bag.files[name], store.photos_dir, name=label)
        except EF.EvidenceError as exc:
            raise Reject(BUNDLE_EVIDENCE_FILES_INVALID(exc)) from None
        found.append((stored, ER.EvidencePlace(str(meta.get("school", "")), meta["indicator"], label,
                                               bool(meta.get("removed")))))
    return found


def _merge_expert(store: Store, keystore: KeyStore, bag: Bag, path: Path, *, in_panel: bool = False,
                  kept_in: tuple[str, str] = ("", ""), opened: OpenedBundle | None = None,
                  within: tuple[P.Plan, Any, P.Group] | None = None) -> tuple[str, str]:
    """`kept_in`: (panel bundle hash, member name) when the bundle arrived inside a panel bundle, whose kept
    original then holds it and its photos; otherwise its own file is kept. `within`: that panel bundle's
    plan, rubric and group, read once for all its members."""
    head = bundle_head(bag)
    plan, rubric = _plan_for(store, bag, head, within[:2] if within else None)
    group = _group_for(store, plan, bag, head, within[2] if within else None)
    expert_id = (head.get("expert") or {}).get("id") if isinstance(head.get("expert"), dict) else None
    if not isinstance(expert_id, str):
        raise Reject(BUNDLE_DESCRIPTION_HAS_VALID())
    known = EX.ExpertIndex(store, plan.id)
    if expert_id not in known:
        raise Reject(INSPECTION_HAS_SUCH_EXPERT((head.get('expert') or {}).get('name', expert_id)))
    check_expert_signer(store, keystore, plan, bag, known, expert_id, in_panel=in_panel)
    if not in_panel:
        require_sealed(plan, bag)
    rows = check_entries(rubric, group, read_json(bag, "entries.json"))
    current = E.entries(store, plan.id, group.id, expert_id)  # read once: for the clash here, replaced below
    typed_here = E.transcribed_places(store, plan.id, group.id, expert_id, rows=current)
    clash = sorted(code for school, code in ((r.get("school", ""), r["indicator"]) for r in rows)
                   if (school, code) in typed_here)
    if clash:
        raise Reject(BUNDLE_PAPER_SCORE_SHEET(known[expert_id].name, known[expert_id].name, '、'.join(clash)))
    vetoes = read_json(bag, "vetoes.json")
    findings = read_json(bag, "findings.json")
    photos = read_json(bag, "photos.json")
    if not isinstance(vetoes, list) or not isinstance(findings, dict) or not isinstance(photos, list):
        raise Reject(DATA_FILE_BUNDLE_RIGHT())
    check_vetoes(rubric, vetoes)
    sequence = int(bag.field("sequence") or 0)
    newest = BR.newest_sequence(store, bag.signer_key_id, plan.id, group.id, "expert")
    superseded = newest is not None and newest > sequence
    # Photos are described, not stored: their bytes stay in the kept original until first use.
    stored_photos = []
    for meta in photos:
        if not isinstance(meta, dict) or not isinstance(meta.get("file"), str) or meta["file"] not in bag.sha256:
            raise Reject(PHOTOS_JSON_POINTS_PHOTO())
        check_photo_place(rubric, group, meta)
        try:
            stored = opened.photos.get((bag.bundle_hash, meta["file"])) if opened else None
            if isinstance(stored, photo_files.PhotoError):
                raise stored
            if stored is None:
                stored = photo_files.describe(bag.files[meta["file"]], meta["file"], bag.sha256[meta["file"]])
        except photo_files.PhotoError as exc:
            raise Reject(BUNDLE_PHOTOS_INVALID(exc)) from None
        stored_photos.append((meta, stored))
    evidence = _evidence_files(store, rubric, group, bag)
    kept = _keep_original(store, bag, path, opened) if not kept_in[0] else None
    with store.tx(first=kept):
        clash = _claim(store, bag, plan.id, group.id, path.name, "superseded" if superseded else "merged", kept_in)
        if clash == "already":
            return "already", ""
        if clash == "conflict":
            raise Reject(ANOTHER_DIFFERENT_BUNDLE_SAME(), "conflict")
        withdrawn: list[str] = []
        if not superseded:
            _apply_expert(store, plan, group, expert_id, rows, vetoes, findings, stored_photos, known[expert_id],
                          path.name, bag.bundle_hash, current)
            ER.replace_expert_files(store, plan.id, group.id, expert_id, evidence, path.name)
            for meta, stored in stored_photos:
                PR.add_photo_source(store, stored.sha256, kept_in[0] or bag.bundle_hash, kept_in[1], meta["file"])
            withdrawn = withdraw_stale_decisions(store, plan.id, group.id, expert_id)
            if not known[expert_id].key_id:
                EX.learn_expert_key(store, plan.id, expert_id, bag.signer_key_id, bag.signer_public_key,
                                   bag.signer_fingerprint)
        record(store, expert_id, plan.id, "bundle", {"plan": plan.id, "group": group.id, "hash": bag.bundle_hash},
               "merged" if not superseded else "superseded", None, path.name)
    if superseded:
        return "superseded", OLDER(sequence, newest)
    message = MERGED((head.get('expert') or {}).get('name', ''), len(rows), len(stored_photos))
    if evidence:
        message = WITH_FILES(message, len(evidence))
    if withdrawn:
        message = WITHDRAWN(message, '、'.join(dict.fromkeys(withdrawn)))
    return "merged", message


def _apply_expert(store: Store, plan: P.Plan, group: P.Group, expert_id: str, rows: list[dict], vetoes: list,
                  findings: dict, stored_photos: list, expert: EX.Expert, source: str, bundle_hash: str,
                  current: list[E.Entry] | None = None) -> None:
    me = local_user(store, plan.id)
    E.replace_expert_entries(store, plan.id, group.id, expert_id, [entry_values(row) for row in rows], source,
                             bundle_hash=bundle_hash, current=current)
    E.replace_expert_vetoes(store, plan.id, group.id, expert_id,
                            [(v["key"], bool(v.get("value")), str(v.get("reason", ""))) for v in vetoes
                             if isinstance(v, dict) and isinstance(v.get("key"), str)], source)
    if expert.role == "lead":
        # What this laptop's own user wrote stays as it is.
        merge_findings(store, plan.id, group.id, findings, expert_id, source, keep_author=me.expert_id if me else "")
    PR.replace_expert_photos(store, plan.id, group.id, expert_id, [
        (stored, PR.PhotoPlace(str(meta.get("school", "")), str(meta.get("indicator", "")),
                               str(meta.get("caption", "")), bool(meta.get("chosen")), bool(meta.get("removed")),
                               str(meta.get("name", "")), photo_markup.dumps(photo_markup.parse(meta.get("markup", ""))),
                               meta.get("file_time")))
        for meta, stored in stored_photos], source)
