"""The bureau takes in a panel bundle: the members' originals, the lead's transcriptions and decisions, and
the finalised result, which must be what the bureau recomputes from them, figure by figure.

Everything is merged in one transaction and then the group's result is
recomputed here from the members' signed entries; when the signed result differs
in any figure, the transaction is rolled back and the bundle is held with every
difference named: a panel's result is never silently replaced.
"""
from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from inspector_app.said import Said
from inspector_app.bundles import merge as M
from inspector_app.bundles import rectify_payload as RP
from inspector_app.bundles.bag import Bag, BundleError, read_bag, read_json
from inspector_app.bundles.keys import KeyStore
from inspector_app.bundles.merge_checks import Reject, bundle_head
from inspector_app.bundles.merge_entries import check_entries, entry_values
from inspector_app.bundles.roles import check_panel_signer
from inspector_app.numbers import NumberError, parse_decimal
from inspector_app.store import bundle_records as BR
from inspector_app.store import entries as E
from inspector_app.store import finalisation as F
from inspector_app.store import experts as EX
from inspector_app.store import plans as P
from inspector_app.store import rectification as R
from inspector_app.store.consensus import replace_lead_decisions
from inspector_app.store.db import Store
from inspector_app.store.findings import merge_findings
from inspector_app.store.history import record

RECHECK_MERGE = Said("教育局（复查合并）", "the bureau (re-check merge)")  # who a re-check score's change is recorded by
SUPERSEDED = Said("序号 {0} 早于已合并的 {1}，合议结果未改变", "sequence {0} is older than {1}, already merged; the consensus is unchanged")
RESULT_JSON_FORMAT = Said("result.json 格式不对", "result.json is not in the right format")
MORE_DIFFERENCES = Said("等共 {0} 处", "{0} in all")

DATA_FILE_BUNDLE_RIGHT = Said('数据包中的数据文件格式不对',
                               'A data file in the bundle is not in the right format')
GROUP_ALREADY_HAS_RESULT = Said('集团 {0} 已有另一个专家组（{1}）的结果；两个专家组的结果都保留待人工核对，未覆盖',
                                 "Group {0} already has the result of another panel ({1}); both panels' results are kept for people to check, neither overwritten")
FINAL_RESULT_WAS_FINALISED = Said('定稿结果不是由签名的组长定稿的',
                                   'The final result was not finalised by the lead who signed it')
TRANSCRIBED_JSON_RIGHT_FORMAT = Said('transcribed.json 格式不对',
                                      'transcribed.json is not in the right format')
FINAL_RESULT_INVALID = Said('定稿结果无效：{0}',
                             'The final result is invalid: {0}')
EXPERT_TRANSCRIBED_JSON_INSPECTION = Said('transcribed.json 中的专家 {0} 不在本计划中（或是组长本人）',
                                           'Expert {0} in transcribed.json is not in this inspection (or is the lead)')
CONSENSUS_JSON_RIGHT_FORMAT = Said('consensus.json 格式不对',
                                    'consensus.json is not in the right format')
PANEL_AGREED_SCORE_INDICATOR = Said('合议结果中指标 {0} 的得分超出范围',
                                     "The panel's agreed score of indicator {0} is out of range")
MEMBERS_JSON_POINTS_FILE = Said('members.json 指向数据包中不存在的文件',
                                 'members.json points to a file the bundle does not hold')
EXPERT_BUNDLE_INSIDE_PANEL = Said('专家组数据包中的专家数据包 {0} 未通过校验：{1}',
                                   'Expert bundle {0} inside the panel bundle failed its check: {1}')
PANEL_BUNDLE_EXPERT_BUNDLE = Said('专家组数据包中的 {0} 不是本集团的专家数据包',
                                   '{0} in the panel bundle is not an expert bundle of this group')
ANOTHER_DIFFERENT_BUNDLE_SAME = Said('同一专家组组长、同一序号已有另一份不同的数据包；未覆盖',
                                      'Another, different bundle of the same panel lead with the same sequence number is here; not overwritten')
RESULT_PANEL_BUNDLE_SIGNS = Said('专家组数据包签名的结果与教育局按各专家签名评分重算的结果不一致：{0}。该专家组的结果暂缓，未合并，本机没有任何改变；请与组长核对',
                                  "The result the panel bundle signs differs from the one the bureau recomputes from each expert's signed scores: {0}. The panel's result is held, not merged, nothing on this computer changed; check with the lead")
PANEL_AGREED_RESULT_INVALID = Said('合议结果无效：{0}',
                                    "The panel's agreed result is invalid: {0}")
INDICATOR_S_HAVE_BOTH = Said('{0} 的指标 {1} 既有本人签名的评分又有组长代录的评分；未合并，请与组长核对后只保留一份',
                              'Indicator(s) {1} of {0} have both a score signed by the expert and one entered by the lead; not merged. Check with the lead and keep only one')

SHOWN_DIFFERENCES = 12


PANEL_MERGED = Said("专家组结果：{0} 项合议，{1} 份专家数据包{2}；{3}",
                    "the panel's result: {0} place(s) settled, {1} expert bundle(s){2}; {3}")
TYPED = Said("，{0} 项代录", ", {0} typed from paper sheets")
FINAL_STATE = Said("已定稿（第 {0} 版），重算一致", "finalised (version {0}), recomputed alike")
DRAFT_STATE = Said("未定稿（未完成），不参与排名", "not finalised (unfinished): not ranked")

def merge_panel(store: Store, keystore: KeyStore, bag: Bag, path: Path,
                opened: "M.OpenedBundle | None" = None) -> tuple[str, str, list]:
    head = bundle_head(bag)
    plan, rubric = M._plan_for(store, bag, head)
    group = M._group_for(store, plan, bag, head)
    members = read_json(bag, "members.json")
    consensus = read_json(bag, "consensus.json")
    if not isinstance(members, list) or not isinstance(consensus, list):
        raise Reject(DATA_FILE_BUNDLE_RIGHT())
    known = EX.ExpertIndex(store, plan.id)
    lead = check_panel_signer(store, keystore, plan, bag, known, (head.get("expert") or {}).get("id"))
    M.require_sealed(plan, bag)
    other = BR.other_panel_signer(store, plan.id, group.id, bag.signer_key_id)
    if other:
        raise Reject(GROUP_ALREADY_HAS_RESULT(group.name, keystore.name_of(other) or other[:12]), "conflict")
    if BR.bundle_known(store, bag.bundle_hash):
        return "already", "", []
    signed_result = read_json(bag, "result.json")
    final = _finalised(bag, plan.id, group.id, lead.id)
    transcribed = _transcriptions(bag, rubric, group, known, lead.id)
    member_bags = []
    with contextlib.ExitStack() as stack:
        tmp = None  # made only for members not verified already (by open_bundle)
        for name in members:
            if not isinstance(name, str) or name not in bag.sha256:
                raise Reject(MEMBERS_JSON_POINTS_FILE())
            if opened is not None and name in opened.members:
                member, _copy = opened.members[name]  # verified already, off the store's thread
            else:
                if tmp is None:
                    tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="inspector-merge-"))
                inner = Path(tmp) / f"{len(member_bags)}.zip"
                try:
                    with open(inner, "wb") as out:
                        bag.copy_to(name, out)
                    member = read_bag(inner, keystore)
                except BundleError as exc:
                    member = exc
            if isinstance(member, BundleError):
                raise Reject(EXPERT_BUNDLE_INSIDE_PANEL(name, member)) from None
            if member.kind != "expert" or member.field("group") != group.id or member.field("plan_id") != plan.id:
                raise Reject(PANEL_BUNDLE_EXPERT_BUNDLE(name))
            member_bags.append((member, name))
        rows = _decisions(consensus, rubric, group)
        findings = read_json(bag, "findings.json")
        kept = M._keep_original(store, bag, path, opened)
        # One transaction for the members and the panel: a refused panel bundle leaves no member merged.
        with store.tx(first=kept):
            outcomes = []
            for member, name in member_bags:  # each kept inside this bundle's kept original
                status, message = M._merge_expert(store, keystore, member, path, in_panel=True,
                                                  kept_in=(bag.bundle_hash, name), opened=opened,
                                                  within=(plan, rubric, group))
                outcomes.append(M.MergeOutcome(f"{path.name}/{member.bundle_hash[:12]}", status, message, "expert",
                                               member.signer_key_id, member.signer_fingerprint, group.id,
                                               member.bundle_hash))
            sequence = int(bag.field("sequence") or 0)
            newest = BR.newest_sequence(store, bag.signer_key_id, plan.id, group.id, "panel")
            superseded = newest is not None and newest > sequence
            clash = M._claim(store, bag, plan.id, group.id, path.name, "superseded" if superseded else "merged")
            if clash == "already":
                return "already", "", outcomes
            if clash == "conflict":
                raise Reject(ANOTHER_DIFFERENT_BUNDLE_SAME(), "conflict")
            if superseded:
                # An older result arriving late is kept on record; it does not undo the newer one.
                record(store, lead.id, plan.id, "bundle", {"plan": plan.id, "group": group.id,
                                                           "hash": bag.bundle_hash}, "superseded", None, path.name)
                return "superseded", SUPERSEDED(sequence, newest), outcomes
            for expert_id, entries in transcribed.items():
                own = {(e.school_id, e.indicator) for e in E.entries(store, plan.id, group.id, expert_id)
                       if not e.transcribed}
                twice = sorted({v.indicator for v in entries if (v.school_id, v.indicator) in own})
                if twice:
                    raise Reject(INDICATOR_S_HAVE_BOTH(known[expert_id].name, '、'.join(twice)))
                E.replace_expert_entries(store, plan.id, group.id, expert_id, entries, path.name,
                                         bundle_hash=bag.bundle_hash, typed_by=lead.id)
            # Automatic results are recomputed here from the members' entries by the same rule.
            replace_lead_decisions(store, plan.id, group.id, lead.id, [
                (row.get("school", ""), row["indicator"], points, str(row.get("reason", "")), row.get("scores", {}))
                for row, points in rows if points is not None and row.get("method") == "lead"], path.name)
            if isinstance(findings, dict):
                merge_findings(store, plan.id, group.id, findings, lead.id, path.name)
            recomputed = F.live_result(store, plan, rubric, group)
            differ = F.differences(signed_result, recomputed) if isinstance(signed_result, dict) else [RESULT_JSON_FORMAT()]
            if final is not None:
                differ += [d for d in F.differences(final.result, recomputed) if d not in differ]
            if differ:
                shown = "；".join(differ[:SHOWN_DIFFERENCES]) + ("；" + MORE_DIFFERENCES(len(differ)) if len(differ) > SHOWN_DIFFERENCES else "")
                # Raising inside the transaction rolls back every member merged above: nothing changes.
                raise Reject(RESULT_PANEL_BUNDLE_SIGNS(shown), "differs")
            if final is not None:
                F.store_signed(store, final)
            RP.merge_panel_files(store, bag, plan.id, group.id)  # 整改事项 and the 反馈会 record
            RP.rescore(store, plan.id, group.id, recomputed, R.Actor(RECHECK_MERGE(), "", keystore.own_key().key_id))
            record(store, lead.id, plan.id, "bundle", {"plan": plan.id, "group": group.id, "hash": bag.bundle_hash},
                   "merged", None, path.name)
    typed = sum(len(v) for v in transcribed.values())
    state = FINAL_STATE(final.version) if final else DRAFT_STATE()
    return "merged", PANEL_MERGED(len(rows), len(member_bags), TYPED(typed) if typed else "", state), outcomes


def _finalised(bag: Bag, plan_id: str, group_id: str, lead_id: str) -> F.Finalised | None:
    if "finalised.json" not in bag.sha256:
        return None
    try:
        final = F.from_json(plan_id, group_id, read_json(bag, "finalised.json"), signer_key_id=bag.signer_key_id,
                            bundle_hash=bag.bundle_hash)
    except (ValueError, F.FinaliseError) as exc:
        raise Reject(FINAL_RESULT_INVALID(exc)) from None
    if final.finalised_by != lead_id:
        raise Reject(FINAL_RESULT_WAS_FINALISED())
    return final


def _transcriptions(bag: Bag, rubric, group: P.Group, known: EX.ExpertIndex, lead_id: str) -> dict[str, list]:
    """Entries the lead typed from members' paper sheets (代录), checked like an expert's own."""
    if "transcribed.json" not in bag.sha256:
        return {}
    data = read_json(bag, "transcribed.json")
    if not isinstance(data, dict):
        raise Reject(TRANSCRIBED_JSON_RIGHT_FORMAT())
    found = {}
    for expert_id, rows in data.items():
        if expert_id not in known or expert_id == lead_id:
            raise Reject(EXPERT_TRANSCRIBED_JSON_INSPECTION(expert_id))
        checked = check_entries(rubric, group, rows)
        found[expert_id] = [entry_values(row) for row in checked]
    return found


def _decisions(consensus: list, rubric, group: P.Group) -> list[tuple[dict, object]]:
    rows = []
    for row in consensus:
        if not isinstance(row, dict):
            raise Reject(CONSENSUS_JSON_RIGHT_FORMAT())
        try:
            ind = E.check_place(rubric, group, row.get("school", ""), row.get("indicator"))
            points = None if row.get("points") is None else parse_decimal(row["points"])
        except (E.EntryError, NumberError) as exc:
            raise Reject(PANEL_AGREED_RESULT_INVALID(exc)) from None
        if points is not None and not 0 <= points <= ind.points:
            raise Reject(PANEL_AGREED_SCORE_INDICATOR(ind.code))
        rows.append((row, points))
    return rows
