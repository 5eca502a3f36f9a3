"""Importing the bureau's plan package: the inspection created ready to score, experts' keys trusted."""
from __future__ import annotations

import contextlib
import re
from decimal import Decimal, InvalidOperation

from inspector_app.bundles.bag import Bag, read_json
from inspector_app.bundles.export import plan_body
from inspector_app.bundles.agekeys import check_binding
from inspector_app.bundles.keys import KeyStore
from inspector_app.bundles.public_keys import fingerprint, key_id
from inspector_app.bundles.merge_checks import Reject, bundle_head
from inspector_app.bundles.rectify_payload import import_plan_files
from inspector_app.bundles.roles import check_plan_signer
from inspector_app.numbers import NumberError, fmt_points, parse_decimal, stored_points
from inspector_app.store import experts as EX
from inspector_app.store import identity as I
from inspector_app.store import plans as P
from inspector_app.store.db import Store, StoreError
from inspector_app.store.plan_amend import AmendError, amend_plan, revision, set_revision
from inspector_app.said import Said

AMENDED_BY_PACKAGE = Said("教育局修订计划包第 {0} 版", "the bureau's amended plan package, version {0}")

# What an import of a plan package did, one sentence after another (the window says each).
SAME_PLAN = Said("本机已有考核计划 {0}，内容相同", "This computer already has the inspection {0}, with the same content")
OLDER_PACKAGE = Said("本机已有考核计划 {0}：这是较早的第 {1} 版计划包（本机已是第 {2} 版），未改动",
                     "This computer already has the inspection {0}: this is the older plan package version {1} (this "
                     "computer has version {2}); nothing changed")
AMENDED_BY = Said("已按教育局修订的计划包（第 {0} 版）更新“{1}”：{2}",
                  "Updated “{1}” by the plan package the bureau amended (version {0}): {2}")
SCORES_KEPT = Said("已录入的评分均保留", "the scores entered are all kept")
ITEMS_MERGED_IN = Said("{0} 项整改事项有新的记录，已并入", "{0} rectification items had new records, merged in")
ISSUER_BOUND = Said("本计划原先没有登记签发密钥，已登记签名人（指纹 {0}）为签发密钥",
                    "the inspection had no issuing key recorded: the signer (fingerprint {0}) is recorded as its issuing key")
MORE_DIFFERENCES = Said("等共 {0} 处", "{0} in all")

PLAN_PACKAGE_INCOMPLETE = Said('计划包内容不完整',
                                'The plan package is incomplete')
PLAN_PACKAGE_DESCRIPTION_DIFFERS = Said('计划包说明与签名信息不一致',
                                         "The plan package's description differs from the signed information")
INSPECTION_REQUIRES_PACKAGES_ENCRYPTED = Said('考核计划要求数据包加密，而这份计划包未加密（可能是有人解密后转交的）；未导入，本机没有任何改变。请使用教育局发出的原件',
                                               'The inspection requires packages to be encrypted, and this plan package is not (someone may have decrypted it and passed it on); not imported, nothing on this computer changed. Use the original the bureau sent')
INDICATOR_FILE_PLAN_PACKAGE = Said('计划包中的指标文件与签名信息不一致',
                                    'The indicator file in the plan package differs from the signed information')
PLAN_PACKAGE_RUBRIC_HAS = Said('计划包中{0}：指标体系中没有这个指标',
                                'In the plan package, {0}: the rubric has no such indicator')
PLAN_PACKAGE_GROUP_HAS = Said('计划包中{0}：本集团没有学校 {1}',
                               'In the plan package, {0}: the group has no school {1}')
PLAN_PACKAGE_OUTSIDE_0 = Said('计划包中{0} {1} 超出 0–{2}',
                               'In the plan package, {0} {1} is outside 0–{2}')
PLAN_PACKAGE_RUBRIC_INDICATOR = Said('计划包与{0}“{1}”的指标体系（指标文件）不同。已录入的评分依据现在的指标体系，修订不能更换指标体系；未导入，本机的考核计划和已录入的评分都没有改变',
                                      'The plan package\'s rubric (indicator file) differs from that of {0} "{1}". The scores entered follow the present rubric, and an amendment cannot change the rubric; not imported, this computer\'s inspection and entered scores are unchanged')
PLAN_PACKAGE_HAS_SAME = Said('计划包与{0}“{1}”的版本号相同（第 {2} 版）而内容不同：{3}。未导入，本机的考核计划和已录入的评分都没有改变；请与教育局核对是哪一份计划包有误',
                              'The plan package has the same version number as {0} "{1}" (version {2}) but different content: {3}. Not imported, this computer\'s inspection and entered scores are unchanged; check with the bureau which plan package is wrong')
INDICATOR_FILE_PLAN_PACKAGE_2 = Said('计划包中的指标文件有误：{0}',
                                      'The indicator file in the plan package is wrong: {0}')
PLAN_PACKAGE_INCOMPLETE_SELF = Said('计划包内容不完整或自评分、基数、上年结果有误：{0}',
                                     'The plan package is incomplete, or its self-assessment scores, baselines or prior-year results are wrong: {0}')
KEY_ID_EXPERT_PLAN = Said('计划包中专家 {0} 的密钥编号与公钥不符；未导入，本机没有任何改变',
                           'The key id of expert {0} in the plan package does not match the public key; not imported, nothing on this computer changed')
KEY_EXPERT_PLAN_PACKAGE = Said('计划包中专家 {0} 的密钥已在本机吊销（指纹 {1}）；未导入，本机没有任何改变。请与教育局核对',
                                'The key of expert {0} in the plan package has been revoked on this computer (fingerprint {1}); not imported, nothing on this computer changed. Check with the bureau')
ENCRYPTION_KEY_EXPERT_PLAN = Said('计划包中专家 {0} 的加密公钥没有其签名密钥的有效签名；未导入，本机没有任何改变',
                                   'The encryption key of expert {0} in the plan package carries no valid signature of the signing key; not imported, nothing on this computer changed')
PLAN_PACKAGE = Said('计划包中{0}',
                     'In the plan package: {0}')
PLAN_PACKAGE_INCOMPLETE_MISSING = Said('计划包内容不完整：缺少 {0}',
                                        'The plan package is incomplete: {0} is missing')
WHERE_AMENDED_PLAN_PACKAGE = Said('{0}。修订计划包（第 {1} 版）与本机不同之处：{2}',
                                   '{0}. Where the amended plan package (version {1}) differs from this computer: {2}')
PLAN_PACKAGE_WRONG = Said('计划包内容有误：{0}',
                           'The plan package is wrong: {0}')
PUBLIC_KEY_EXPERT_PLAN = Said('计划包中专家 {0} 的公钥无效；未导入，本机没有任何改变',
                               'The public key of expert {0} in the plan package is invalid; not imported, nothing on this computer changed')
SELF_ASSESSMENT_SCORE = Said('自评分 {0}',
                              'self-assessment score {0}')


def import_plan(store: Store, keystore: KeyStore, bag: Bag) -> str:
    """Create the package's plan (once); returns its title, or a sentence saying it was already here."""
    bundle_head(bag)  # consistency of the package description with its signed fields
    body = read_json(bag, "plan.json")
    rubric_files = [n for n in bag.sha256 if n.startswith("rubric/") and n.endswith(".yaml")]
    if not isinstance(body, dict) or len(rubric_files) != 1:
        raise Reject(PLAN_PACKAGE_INCOMPLETE())
    plan_info = body.get("plan") or {}
    if plan_info.get("id") != bag.field("plan_id"):
        raise Reject(PLAN_PACKAGE_DESCRIPTION_DIFFERS())
    # Only the issuer's key signs a plan's packages; a refusal here has written and trusted nothing.
    check_plan_signer(store, keystore, bag, plan_info["id"])
    _check_expert_keys(keystore, body.get("experts") or [])  # before anything is written: a refusal changes nothing
    if plan_info.get("encrypted") and bag.sealed is None:
        raise Reject(INSPECTION_REQUIRES_PACKAGES_ENCRYPTED())
    keystore.learn_encryption(bag.signer_public_key, bag.encryption_key)  # the bureau's, bound by its signature
    with contextlib.suppress(StoreError):
        existing = P.get_plan(store, plan_info["id"])
        said = _compare_with_existing(store, keystore, existing, body, bag)
        if I.bind_issuer(store, existing, bag.signer_key_id, I.ISSUER_BOUND_BY_IMPORT()):
            said += "；" + ISSUER_BOUND(bag.signer_fingerprint)
        return said
    from inspector_app.rubric.loader import RubricError
    try:
        source = bag.files[rubric_files[0]]
        rubric = P.load_rubric_bytes(source, rubric_files[0])
    except RubricError as exc:
        raise Reject(INDICATOR_FILE_PLAN_PACKAGE_2(exc)) from None
    if rubric.content_hash != bag.field("rubric_hash"):
        raise Reject(INDICATOR_FILE_PLAN_PACKAGE())
    from inspector_app.rubric.readiness import NOT_IMPORTED, scoring_refusal
    refusal = scoring_refusal(rubric)
    if refusal:  # a package on a template: refused before anything is stored
        raise Reject(NOT_IMPORTED(refusal))
    own = keystore.own_key().key_id
    spec = spec_from_body(rubric, body)
    # One transaction: a package that fails anywhere leaves no half-made plan behind.
    with store.tx():
        # The rubric is pinned from the package's bytes, not from any local file.
        P.store_rubric_bytes(store, source, rubric_files[0])
        try:
            plan = P.create_plan(store, rubric, spec, issuer_key_id=bag.signer_key_id)
        except StoreError as exc:
            raise Reject(PLAN_PACKAGE_WRONG(exc)) from None
        for e in body["experts"]:
            if e.get("key_id") == own:
                store.set_setting(f"me:{plan.id}", e["id"])
        store.set_setting("current_plan", plan.id)
        set_revision(store, plan.id, int(bag.field("sequence") or 0))
        import_plan_files(store, bag, plan.id)  # the 整改事项 a 复查 or next year's plan carries
    keystore.trust_many([(bytes.fromhex(e["public_key"]), e["name"], EX.TRUST_ROLES.get(e.get("role"), "专家"),
                          _encryption(e)) for e in body["experts"] if e.get("public_key") and e.get("key_id") != own])
    return plan.title


def _encryption(row: dict) -> tuple[str, str] | None:
    return (row["encryption_key"], row["encryption_binding"]) \
        if row.get("encryption_key") and row.get("encryption_binding") else None


def spec_from_body(rubric, body: dict) -> P.PlanSpec:
    """A plan package's plan.json as the spec a plan is created (or amended) from; Reject when malformed."""
    plan_info = body.get("plan") or {}
    try:
        self_rows = {g["id"]: [_self_score(rubric, g, row) for row in g.get("self_scores") or []]
                     for g in body["groups"]}
        groups = [P.GroupSpec(
            name=g["name"], group_type=g.get("type"), id=g["id"],
            schools=[P.SchoolSpec(s["name"], s["role"], s.get("kind", ""), s.get("head_role", ""), s["id"],
                                  str(s.get("short_name") or "")) for s in g["schools"]],
            self_scores={code: points for _g, school, code, points in self_rows[g["id"]] if not school},
            school_self_scores={(school, code): points for _g, school, code, points in self_rows[g["id"]] if school},
            baselines={str(code): {str(k): str(v) for k, v in values.items()}
                       for code, values in (g.get("baselines") or {}).items()},
            prior_results=[{"year": str(prior.get("year", "")), "total": prior.get("total"),
                            "grade": prior.get("grade"), "rank": prior.get("rank"), "areas": prior.get("areas") or {}}
                           for prior in g.get("prior_results") or []])
            for g in body["groups"]]
        experts = [P.ExpertSpec(e["name"], e.get("role", "member"), e["id"], e.get("key_id"),
                                bytes.fromhex(e["public_key"]) if e.get("public_key") else None, e.get("fingerprint"),
                                [tuple(a) for a in e.get("assignments") or []], _encryption(e))
                   for e in body["experts"]]
        return P.PlanSpec(title=plan_info["title"], school_year=plan_info["school_year"], stage=plan_info["stage"],
                          groups=groups, experts=experts, consensus=plan_info.get("consensus", "mean"),
                          spread_limit=plan_info.get("spread_limit", "2"), demo=bool(plan_info.get("demo")),
                          id=plan_info["id"], encrypted=bool(plan_info.get("encrypted")),
                          publication=P.Publication(**{k: str(v or "") for k, v in
                                                       (plan_info.get("publication") or {}).items()
                                                       if k in P.Publication.FIELDS}))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise Reject(PLAN_PACKAGE_INCOMPLETE_SELF(exc)) from None


def _check_expert_keys(keystore: KeyStore, experts: list[dict]) -> None:
    """Every expert key the package carries must be a real Ed25519 key, match its id, and not be revoked here."""
    from inspector_app.bundles.public_keys import public_pem
    for e in experts:
        if not e.get("public_key"):
            continue
        try:
            pub = bytes.fromhex(e["public_key"])
            public_pem(pub)  # parses the key
        except ValueError:
            raise Reject(PUBLIC_KEY_EXPERT_PLAN(e['name'])) from None
        if e.get("key_id") and e["key_id"] != key_id(pub):
            raise Reject(KEY_ID_EXPERT_PLAN(e['name']))
        if keystore.status(key_id(pub)) == "revoked":
            raise Reject(KEY_EXPERT_PLAN_PACKAGE(e['name'], fingerprint(pub)))
        encryption = _encryption(e)
        if (e.get("encryption_key") or e.get("encryption_binding")) and (
                encryption is None or not check_binding(pub, *encryption)):
            raise Reject(ENCRYPTION_KEY_EXPERT_PLAN(e['name']))


def _self_score(rubric, group: dict, row: dict) -> tuple[str, str, str, str]:
    """One self-evaluation score of a plan package, checked like the bureau's own: (group, school, code, points)."""
    code, school = row["indicator"], row.get("school", "")
    where = f"集团 {group.get('name', group['id'])} 指标 {code} 的自评分"
    if not isinstance(code, str) or not rubric.has_indicator(code):
        raise Reject(PLAN_PACKAGE_RUBRIC_HAS(where))
    if school and school not in {s["id"] for s in group["schools"]}:
        raise Reject(PLAN_PACKAGE_GROUP_HAS(where, school))
    try:
        points = parse_decimal(row["points"], what=where)
    except NumberError as exc:
        raise Reject(PLAN_PACKAGE(exc)) from None
    if not 0 <= points <= rubric.indicator(code).points:
        raise Reject(PLAN_PACKAGE_OUTSIDE_0(where, row['points'], fmt_points(rubric.indicator(code).points)))
    return group["id"], school, code, stored_points(points)


ALREADY = Said("本机已有考核计划", "the inspection on this computer")()
AMENDED = "已按教育局修订的计划包"
ITEMS_MERGED = "项整改事项有新的记录，已并入"
SHOWN_DIFFERENCES = 8


def _compare_with_existing(store: Store, keystore: KeyStore, existing: P.Plan, body: dict, bag: Bag) -> str:
    """A package for a plan already here: the same content is a repeat; a newer package from the issuer is an
    amendment (修订), applied without touching anything typed; an older or unappliable one changes nothing."""
    try:
        found = plan_differences(plan_body(store, existing), body)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise Reject(PLAN_PACKAGE_INCOMPLETE_MISSING(exc)) from None
    if not found and bag.field("rubric_hash") == existing.rubric_hash:
        with store.tx():  # the plan is the same; the items it carries may have moved on (events merged by id)
            merged = import_plan_files(store, bag, existing.id)
        return SAME_PLAN(existing.title) + _items_said(merged)
    sequence, applied = int(bag.field("sequence") or 0), revision(store, existing.id)
    shown = "；".join(found[:SHOWN_DIFFERENCES]) + ("；" + MORE_DIFFERENCES(len(found)) if len(found) > SHOWN_DIFFERENCES else "")
    if bag.field("rubric_hash") != existing.rubric_hash:
        raise Reject(PLAN_PACKAGE_RUBRIC_INDICATOR(ALREADY, existing.title), "conflict")
    if sequence < applied:
        return OLDER_PACKAGE(existing.title, sequence, applied)
    if sequence == applied:  # the same version number with other content: which one is right is for people to say
        raise Reject(PLAN_PACKAGE_HAS_SAME(ALREADY, existing.title, sequence, shown), "conflict")
    rubric = P.plan_rubric(store, existing)
    spec = spec_from_body(rubric, body)
    changes = as_changes(found)
    told = "；".join(changes[:SHOWN_DIFFERENCES]) + ("；" + MORE_DIFFERENCES(len(changes)) if len(changes) > SHOWN_DIFFERENCES else "")
    try:
        with store.tx():  # the amendment and the items it carries, together or not at all
            amend_plan(store, existing, rubric, spec, actor="", reason=AMENDED_BY_PACKAGE(sequence),
                       changes=changes, revision_number=sequence)
            merged = import_plan_files(store, bag, existing.id)
    except AmendError as exc:
        raise Reject(WHERE_AMENDED_PLAN_PACKAGE(exc, sequence, shown), "conflict") from None
    own = keystore.own_key().key_id
    new_keys = {e["id"]: e for e in body["experts"] if e.get("public_key") and e.get("key_id") != own}
    keystore.trust_many([(bytes.fromhex(e["public_key"]), e["name"],
                          EX.TRUST_ROLES.get(e.get("role"), "专家"), _encryption(e)) for e in new_keys.values()])
    return AMENDED_BY(sequence, existing.title, told) + "；" + SCORES_KEPT() + _items_said(merged)


def _items_said(merged: int) -> str:
    return "；" + ITEMS_MERGED_IN(merged) if merged else ""


# A difference between the plan here and a plan package, and the same told as the change an amendment makes.
FIELD_DIFFERS = Said("{0}：本机为“{1}”，计划包为“{2}”", "{0}: “{1}” here, “{2}” in the plan package")
FIELD_CHANGED = Said("{0}：由“{1}”改为“{2}”", "{0}: changed from “{1}” to “{2}”")
GROUP_DIFFERS = Said("集团 {0} 的名称或类型不同（计划包为 {1}，{2}）",
                     "group {0}: the name or type differs (the plan package has {1}, {2})")
GROUP_CHANGED = Said("集团 {0} 的名称或类型改为 {1}，{2}", "group {0}: name or type changed to {1}, {2}")
NO_TYPE = Said("无类型", "no type")
SCHOOL_DIFFERS = Said("学校 {0} 的名称、角色或学段不同（计划包为 {1}）",
                      "school {0}: the name, role or school level differs (the plan package has {1})")
SCHOOL_CHANGED = Said("学校 {0} 的名称、角色或学段改为 {1}", "school {0}: name, role or school level changed to {1}")
EXPERT_DIFFERS = Said("专家 {0} 的姓名或角色不同（计划包为 {1}）",
                      "expert {0}: the name or role differs (the plan package has {1})")
EXPERT_CHANGED = Said("专家 {0} 的姓名或角色改为 {1}", "expert {0}: name or role changed to {1}")
SELF_SCORES_DIFFER = Said("集团 {0} 的自评分不同", "group {0}: the self-assessment scores differ")
SELF_SCORES_CHANGED = Said("集团 {0} 的自评分有改动", "group {0}: the self-assessment scores are changed")
BASELINES_DIFFER = Said("集团 {0} 的基数不同", "group {0}: the baselines differ")
BASELINES_CHANGED = Said("集团 {0} 的基数有改动", "group {0}: the baselines are changed")
PRIOR_DIFFER = Said("集团 {0} 的上年结果不同", "group {0}: the previous year's results differ")
PRIOR_CHANGED = Said("集团 {0} 的上年结果有改动", "group {0}: the previous year's results are changed")
KEY_DIFFERS = Said("专家 {0} 的密钥不同", "expert {0}: the key differs")
KEY_CHANGED = Said("专家 {0} 换了新密钥", "expert {0}: a new key")
ASSIGNMENTS_DIFFER = Said("专家 {0} 的分工不同", "expert {0}: the assignments differ")
ASSIGNMENTS_CHANGED = Said("专家 {0} 的分工有改动", "expert {0}: the assignments are changed")
EXTRA = {"集团": Said("计划包多了集团 {0}", "the plan package has an extra group {0}"),
         "学校": Said("{0}计划包多了学校 {1}", "{0}the plan package has an extra school {1}"),
         "专家": Said("计划包多了专家 {0}", "the plan package has an extra expert {0}")}
MISSING = {"集团": Said("计划包少了集团 {0}", "the plan package lacks group {0}"),
           "学校": Said("{0}计划包少了学校 {1}", "{0}the plan package lacks school {1}"),
           "专家": Said("计划包少了专家 {0}", "the plan package lacks expert {0}")}
ADDED = {"集团": Said("增加集团 {0}", "group {0} added"), "学校": Said("{0}增加学校 {1}", "{0}school {1} added"),
         "专家": Said("增加专家 {0}", "expert {0} added")}
REMOVED = {"集团": Said("删去集团 {0}", "group {0} removed"), "学校": Said("{0}删去学校 {1}", "{0}school {1} removed"),
           "专家": Said("删去专家 {0}", "expert {0} removed")}
IN_GROUP = Said("集团 {0}：", "group {0}: ")
FIELD_NAMES = {"title": Said("考核名称", "inspection title"), "school_year": Said("学年", "school year"),
               "stage": Said("阶段", "round"), "consensus": Said("合议规则", "consensus rule"),
               "spread_limit": Said("分差上限", "score spread limit"),
               "export_location": Said("照片位置信息", "photo location data")}
_AS_CHANGE = ((FIELD_DIFFERS, FIELD_CHANGED), (GROUP_DIFFERS, GROUP_CHANGED), (SCHOOL_DIFFERS, SCHOOL_CHANGED),
              (EXPERT_DIFFERS, EXPERT_CHANGED), (SELF_SCORES_DIFFER, SELF_SCORES_CHANGED),
              (BASELINES_DIFFER, BASELINES_CHANGED), (PRIOR_DIFFER, PRIOR_CHANGED), (KEY_DIFFERS, KEY_CHANGED),
              (ASSIGNMENTS_DIFFER, ASSIGNMENTS_CHANGED),
              *((EXTRA[w], ADDED[w]) for w in EXTRA), *((MISSING[w], REMOVED[w]) for w in MISSING))


def _form(said: Said) -> re.Pattern:
    parts = re.split(r"\{(\d+)\}", said.zh)
    return re.compile("".join(re.escape(p) if i % 2 == 0 else "(.*?)" for i, p in enumerate(parts)), re.DOTALL)


def as_changes(found: list[str]) -> list[str]:
    """Differences between a plan and its amended package, told as the changes the amendment makes."""
    out = []
    for text in found:
        for difference, change in _AS_CHANGE:
            match = _form(difference).fullmatch(text)
            if match:
                text = change(*match.groups())
                break
        out.append(text)
    return out


def plan_differences(here: dict, package: dict) -> list[str]:
    """What a plan package would change in the plan as stored here, in words (empty when nothing)."""
    found = []
    for key, label in FIELD_NAMES.items():
        a, b = here["plan"].get(key), package["plan"].get(key)
        if _norm(a) != _norm(b):
            found.append(FIELD_DIFFERS(label(), a, b))
    for old, new in _matched(here["groups"], package["groups"], "集团", found):
        name = old["name"]
        if (old["name"], old.get("type")) != (new["name"], new.get("type")):
            found.append(GROUP_DIFFERS(name, new['name'], new.get('type') or NO_TYPE()))
        for a, b in _matched(old["schools"], new["schools"], "学校", found, where=IN_GROUP(name)):
            if any(_norm(a.get(k)) != _norm(b.get(k)) for k in ("name", "role", "kind", "head_role")):
                found.append(SCHOOL_DIFFERS(a['name'], b['name']))
        if _self_scores(old) != _self_scores(new):
            found.append(SELF_SCORES_DIFFER(name))
        if _norm(old.get("baselines") or {}) != _norm(new.get("baselines") or {}):
            found.append(BASELINES_DIFFER(name))
        if _norm(old.get("prior_results") or []) != _norm(new.get("prior_results") or []):
            found.append(PRIOR_DIFFER(name))
    for a, b in _matched(here["experts"], package["experts"], "专家", found):
        if (a["name"], a.get("role")) != (b["name"], b.get("role")):
            found.append(EXPERT_DIFFERS(a['name'], b['name']))
        if a.get("key_id") and b.get("key_id") and a["key_id"] != b["key_id"]:
            found.append(KEY_DIFFERS(a['name']))  # a key learnt here from a bundle is no difference
        if sorted(map(tuple, a.get("assignments") or [])) != sorted(map(tuple, b.get("assignments") or [])):
            found.append(ASSIGNMENTS_DIFFER(a['name']))
    return found


def _matched(here: list[dict], package: list[dict], what: str, found: list[str], where: str = "") -> list[tuple]:
    """Rows paired by id; those on one side only are named in `found`."""
    old, new = {r["id"]: r for r in here}, {r["id"]: r for r in package}
    extra, missing = EXTRA[what], MISSING[what]
    found += [extra(*([where] if what == "学校" else []), new[i]['name']) for i in sorted(new.keys() - old.keys())]
    found += [missing(*([where] if what == "学校" else []), old[i]['name']) for i in sorted(old.keys() - new.keys())]
    return [(old[i], new[i]) for i in sorted(old.keys() & new.keys())]


def _self_scores(group: dict) -> set[tuple[str, str, Decimal]]:
    rows = set()
    for row in group.get("self_scores") or []:
        try:
            points = Decimal(str(row["points"]))
        except InvalidOperation:
            raise ValueError(SELF_ASSESSMENT_SCORE(row['points'])) from None
        rows.add((row.get("school", ""), row["indicator"], points.normalize()))
    return rows


def _norm(value):
    """Compare JSON as read from a package with the same values read from the store: text for numbers."""
    if isinstance(value, dict):
        return {str(k): _norm(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_norm(v) for v in value]
    if value is None or isinstance(value, (bool, str)):
        return value
    return str(Decimal(str(value)).normalize())

