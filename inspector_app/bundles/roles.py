"""Who may sign what: roles bound to keys, checked before a bundle's contents are read.

- Only the key that issued a plan (the bureau's) signs its packages and amendments.
  A package for a plan not here yet must come from a key trusted as an issuer:
  never one trusted as an expert (from a plan package) nor one any plan here
  registers for an expert.
- An expert's bundle speaks only for its signer's own entries: it must be signed
  by the key the plan registers for the expert it names; it never changes the
  work of this laptop's own user; at the bureau it arrives only inside the
  lead's panel bundle.
- Only the plan's lead, with the key the plan registers for the lead, signs a
  panel bundle, and only the laptop that issued the plan takes one in.

Every refusal is a `Reject`: raised before anything is written or trusted.
"""
from __future__ import annotations

from inspector_app.said import Said
from inspector_app.bundles.bag import Bag
from inspector_app.bundles.keys import KeyStore
from inspector_app.bundles.public_keys import fingerprint_of_id
from inspector_app.bundles.merge_checks import Reject
from inspector_app.store import identity as I
from inspector_app.store import experts as EX
from inspector_app.store import plans as P
from inspector_app.store.db import Store

CLAIMED_OTHER_KEY = Said("数据包自称是 {0} 的，但考核计划登记的 {1} 的密钥指纹是 {2}，与这个签名人（{3}）不同：不要以 {4} "
                         "的名义信任它；即使信任，它也不会被合并",
                         "The bundle claims to be {0}'s, but the key fingerprint the inspection records for {1} is {2}, "
                         "not this signer's ({3}): do not trust it as {4}'s; even trusted, it would not be merged")
CLAIMED_LOCAL_USER = Said("数据包自称是本机用户 {0} 的：本机的评分以本机为准，这个数据包不会被合并",
                          "The bundle claims to be from {0}, the user of this computer: this computer's scores are "
                          "its own, and this bundle will not be merged")

PLAN_PACKAGE_SIGNER_FINGERPRINT = Said('计划包的签名人 {0}（指纹 {1}）是从计划包中得知的专家密钥，专家不能签发考核计划；未导入，也没有信任任何密钥。请向教育局核实',
                                        "The plan package's signer {0} (fingerprint {1}) is an expert's key learnt from a plan package: experts cannot issue inspections; not imported, and no key was trusted. Check with the bureau")
BUNDLE_CLAIMS_BUT_SIGNING = Said('数据包自称是 {0} 的，但签名密钥（指纹 {1}）不是计划中登记的 {2} 的密钥（指纹 {3}）；未合并，本机的评分没有改变',
                                  "The bundle claims to be from {0}, but its signing key (fingerprint {1}) is not the key of {2} that the inspection registers (fingerprint {3}); not merged, this computer's scores are unchanged")
SIGNING_KEY_BELONGS_HAND = Said('签名密钥属于 {0}，不能以 {1} 的名义提交数据包；未合并，本机的评分没有改变',
                                 "The signing key belongs to {0}: it cannot hand in a bundle in the name of {1}; not merged, this computer's scores are unchanged")
EXPERT_BUNDLE_GOES_LEAD = Said('{0} 的专家数据包应交给组长合并，由组长放入专家组数据包后再交教育局；教育局只接受组长签名的专家组数据包。未合并，没有改变',
                                'The expert bundle of {0} goes to the lead, who merges it and puts it in the panel bundle for the bureau; the bureau accepts only panel bundles signed by the lead. Not merged, nothing changed')
PANEL_BUNDLE_SIGNED_LEAD = Said('专家组数据包须由本计划登记的组长签名；“{0}”不是组长',
                                 'A panel bundle must be signed by the lead this inspection registers; "{0}" is not the lead')
INSPECTION_DOES_REGISTER_KEY = Said('考核计划没有登记组长 {0} 的密钥，无法确认专家组数据包的签名人；未合并',
                                     'The inspection does not register the key of lead {0}: the signer of the panel bundle cannot be confirmed; not merged')
PANEL_BUNDLE_SIGNING_KEY = Said('专家组数据包的签名密钥（指纹 {0}）不是计划中登记的组长 {1} 的密钥（指纹 {2}）；未合并，没有改变',
                                 "The panel bundle's signing key (fingerprint {0}) is not the key of lead {1} that the inspection registers (fingerprint {2}); not merged, nothing changed")
PANEL_BUNDLE_WAS_MERGED = Said('{0}。专家组数据包未合并，没有改变',
                                '{0}. The panel bundle was not merged, nothing changed')
PANEL_BUNDLES_MERGED_BUREAU = Said('专家组数据包由签发本考核计划的教育局合并；本机不是签发本计划的教育局电脑，未合并',
                                    "Panel bundles are merged by the bureau that issued the inspection; this computer is not that bureau's; not merged")
PLAN_PACKAGE_SIGNED_KEY = Said('这份计划包不是由签发本考核计划的教育局密钥（指纹 {0}）签名，而是 {1}（指纹 {2}）；未导入，本机的考核计划没有改变，也没有信任任何密钥',
                                "This plan package is not signed by the key of the bureau that issued the inspection (fingerprint {0}) but by {1} (fingerprint {2}); not imported, this computer's inspection is unchanged and no key was trusted")
PLAN_PACKAGE_SIGNING_KEY = Said('计划包的签名密钥是考核计划“{0}”中专家 {1} 的密钥，专家不能签发考核计划；未导入，也没有信任任何密钥。请向教育局核实',
                                 'The plan package\'s signing key is the key of expert {1} in inspection "{0}": experts cannot issue inspections; not imported, and no key was trusted. Check with the bureau')
KEY_FINGERPRINT_WAS_TRUSTED = Said('信任这把密钥（指纹 {0}）时填写的姓名是 {1}，数据包却自称是 {2} 的；未合并。请核对后在“密钥”中改正姓名，或请对方重新导出',
                                    'This key (fingerprint {0}) was trusted under the name {1}, but the bundle claims to be from {2}; not merged. Check, then correct the name under Keys, or ask the sender to export again')

EXPERT_ROLES = set(EX.TRUST_ROLES.values())  # the roles a key trusted from a plan package carries


OWN_BUNDLE = Said("这是本机用户 {0} 自己的数据包；本机的评分、意见和照片以本机为准，未合并，没有改变",
                  "This is the own bundle of {0}, the user of this laptop; the scores, notes and photos here are the "
                  "ones that count: not merged, nothing changed")

def local_user(store: Store, plan_id: str) -> I.Identity | None:
    return I.current(store, plan_id)


def at_bureau(store: Store, keystore: KeyStore, plan: P.Plan) -> bool:
    """This laptop issued the plan (its key signed the plan's packages)."""
    return I.issued_here(store, plan, keystore.own_key().key_id)


def check_plan_signer(store: Store, keystore: KeyStore, bag: Bag, plan_id: str) -> None:
    """A plan package (or amendment) is signed by the plan's issuer, and by nobody who is an expert here."""
    issuer = I.issuer_key_id(store, plan_id)
    who = keystore.name_of(bag.signer_key_id) or bag.signer_fingerprint
    if issuer:
        if bag.signer_key_id != issuer:
            raise Reject(PLAN_PACKAGE_SIGNED_KEY(fingerprint_of_id(issuer), who, bag.signer_fingerprint))
        return
    if any(r.key_id == bag.signer_key_id and r.role in EXPERT_ROLES for r in keystore.records()):
        raise Reject(PLAN_PACKAGE_SIGNER_FINGERPRINT(who, bag.signer_fingerprint))
    for plan in P.list_plans(store):
        holder = next((e for e in EX.experts(store, plan.id) if e.key_id == bag.signer_key_id), None)
        if holder is not None:
            raise Reject(PLAN_PACKAGE_SIGNING_KEY(plan.title, holder.name))


def check_expert_signer(store: Store, keystore: KeyStore, plan: P.Plan, bag: Bag, known: EX.ExpertIndex,
                        expert_id: str, *, in_panel: bool) -> None:
    """An expert's bundle: signed by that expert's registered key, not this laptop's own work."""
    expert = known[expert_id]
    if expert.key_id and expert.key_id != bag.signer_key_id:
        raise Reject(BUNDLE_CLAIMS_BUT_SIGNING(expert.name, bag.signer_fingerprint, expert.name, expert.fingerprint or '—'))
    owner = next((e for e in known.with_key(bag.signer_key_id) if e.id != expert_id), None)
    if owner is not None:
        raise Reject(SIGNING_KEY_BELONGS_HAND(owner.name, expert.name))
    if not expert.key_id:
        # The plan names no key for this expert: the key's first bundle binds it, but not when the key was
        # trusted under another expert's name (the name typed when trusting is not ignored).
        trusted_as = keystore.name_of(bag.signer_key_id)
        if trusted_as and trusted_as != expert.name and known.named(trusted_as):
            raise Reject(KEY_FINGERPRINT_WAS_TRUSTED(bag.signer_fingerprint, trusted_as, expert.name))
    me = local_user(store, plan.id)
    if (me is not None and me.expert_id == expert_id) or bag.signer_key_id == keystore.own_key().key_id:
        if not in_panel:
            raise Reject(OWN_BUNDLE(expert.name))
    if not in_panel and at_bureau(store, keystore, plan):
        raise Reject(EXPERT_BUNDLE_GOES_LEAD(expert.name))


def check_panel_signer(store: Store, keystore: KeyStore, plan: P.Plan, bag: Bag, known: EX.ExpertIndex,
                       lead_id: object) -> EX.Expert:
    """A panel bundle: signed by the plan's lead with the lead's registered key, taken in by the bureau."""
    lead = known.get(lead_id) if isinstance(lead_id, str) else None
    if lead is None or lead.role != "lead":
        raise Reject(PANEL_BUNDLE_SIGNED_LEAD(lead_id))
    if not lead.key_id:
        raise Reject(INSPECTION_DOES_REGISTER_KEY(lead.name))
    if lead.key_id != bag.signer_key_id:
        raise Reject(PANEL_BUNDLE_SIGNING_KEY(bag.signer_fingerprint, lead.name, lead.fingerprint or '—'))
    if I.unbound(store, plan):
        raise Reject(PANEL_BUNDLE_WAS_MERGED(I.no_issuer(plan)))
    if not at_bureau(store, keystore, plan):
        raise Reject(PANEL_BUNDLES_MERGED_BUREAU())
    return lead


class _AnySigner:
    """A key store that takes any signer as known, to read what a held bundle claims (never to merge it):
    the signature is still checked against the bundle's own public key."""

    def __init__(self, keystore: KeyStore):
        self._keystore = keystore

    def status(self, _kid: str) -> str:
        return "trusted"

    def remember_seen(self, *_args, **_kwargs) -> None:
        return None

    def __getattr__(self, name):
        return getattr(self._keystore, name)


def held_claim(store: Store, keystore: KeyStore, path) -> tuple[str, str]:
    """(name the held bundle claims, the conflict with the plan in words, or ""), for the trust dialog."""
    from inspector_app.bundles.bag import read_bag
    from inspector_app.bundles.canonical import BundleError
    from inspector_app.bundles.merge_checks import bundle_head
    try:
        bag = read_bag(path, _AnySigner(keystore), remember_unknown=False, only=frozenset({"bundle.json"}))
        head = bundle_head(bag)
    except (BundleError, Reject, OSError):
        return "", ""
    if bag.kind == "plan":
        return "教育局", ""
    claimed = head.get("expert") if isinstance(head.get("expert"), dict) else {}
    name = str(claimed.get("name", ""))
    plan_id = bag.field("plan_id") or ""
    expert = next((e for e in EX.experts(store, plan_id) if e.id == claimed.get("id")), None)
    if expert is None:
        return name, ""
    if expert.key_id and expert.key_id != bag.signer_key_id:
        return expert.name, CLAIMED_OTHER_KEY(expert.name, expert.name, expert.fingerprint, bag.signer_fingerprint,
                                               expert.name)
    me = local_user(store, plan_id)
    if me is not None and me.expert_id == expert.id:
        return expert.name, CLAIMED_LOCAL_USER(expert.name)
    return expert.name, ""
