"""Whom a plan's bundles are encrypted to, read from the plan, never typed.

- an expert's bundle: the plan's panel lead and the bureau (the key that issued the plan);
- a panel bundle: the bureau;
- a plan package: every expert the plan registers a key for, the lead, and the bureau itself (so it can
  read its own package back).

Each recipient's encryption key is the one this laptop knows bound to the recipient's signing key (its own,
or one in the trust list, learnt from a public key file, a plan package or a bundle's signed bag-info). A
plan whose bundles are plain (`plan create --plain`) has no recipients: None.
Refusals (`BundleError("no_encryption_key")`) name whom and say what to do; nothing is written.
"""
from __future__ import annotations

from inspector_app.bundles.canonical import BundleError
from inspector_app.bundles.keys import KeyStore, fingerprint_of_id
from inspector_app.bundles.sealing import Recipient
from inspector_app.store import experts as EX
from inspector_app.store import identity as I
from inspector_app.store import plans as P
from inspector_app.store.db import Store
from inspector_app.said import Said

INSPECTION_DOES_RECORD_KEY = Said('考核计划“{0}”没有登记签发它的教育局密钥，无法加密数据包；请用教育局发出的计划包建立考核计划',
                                   'Inspection "{0}" does not record the key of the bureau that issued it, so bundles cannot be encrypted; create the inspection from the plan package the bureau sent')
KEY_RECIPIENT_HAS_BEEN = Said('接收人 {0} 的密钥在本机已被吊销，不能加密给它；没有写出数据包。请教育局为其登记新密钥并重新下发计划包',
                               'The key of recipient {0} has been revoked on this computer: nothing can be encrypted to it; no bundle was written. Ask the bureau to register a new key and send the plan package again')
COMPUTER_HAS_ENCRYPTION_KEY = Said('本机没有接收人 {0} 的加密公钥（其公钥文件或计划包来自加密功能之前的版本），数据包无法加密给他们；没有写出数据包。请他们用新版本运行 inspector keys export 重新导出公钥交教育局，由教育局登记后重新下发计划包（或由教育局在建立计划时选择不加密：plan create --plain）',
                                    'This computer has no encryption key of recipient(s) {0} (their public key file or the plan package comes from a version before encryption), so the bundle cannot be encrypted to them; no bundle was written. Ask them to export their public key again with a new version (inspector keys export) for the bureau, which registers it and sends the plan package again (or the bureau creates the inspection without encryption: plan create --plain)')
INSPECTION_HAS_LEAD_EXPERT = Said('考核计划“{0}”没有组长，专家数据包无法加密给组长',
                                   'Inspection "{0}" has no lead: an expert bundle cannot be encrypted to the lead')
INSPECTION_DOES_REGISTER_KEY = Said('考核计划没有登记组长 {0} 的密钥，专家数据包无法加密给组长；请教育局在名单中登记组长的公钥文件并重新下发计划包',
                                     "The inspection does not register the key of lead {0}: an expert bundle cannot be encrypted to the lead; ask the bureau to register the lead's public key file in the roster and send the plan package again")
NO_KEY_IN_PLAN = Said("{0} 在考核计划中没有登记公钥，收不到这份加密的计划包（其纸质评分表可由组长代录）",
                      "{0} has no public key registered in the inspection and cannot receive this encrypted plan "
                      "package (their paper score sheets can be transcribed by the lead)")
FINGERPRINTED = Said("{0}（指纹 {1}）", "{0} (fingerprint {1})")
ENCRYPTED_SAYS = Said("加密（age，仅接收人可读）", "encrypted (age, readable only by the recipients)")
PLAIN_SAYS = Said("不加密（教育局选择了明文数据包）", "not encrypted (the bureau chose plain bundles)")

BUREAU = "教育局"
LEAD = "组长"
EXPERT = "专家"


def _people(store: Store, plan: P.Plan, kind: str) -> tuple[list[tuple[str, str, str]], list[str]]:
    """([(key id, name, role)], [experts left out because the plan registers no key for them])."""
    issuer = I.issuer_key_id(store, plan.id)
    if not issuer:
        raise BundleError("no_encryption_key", INSPECTION_DOES_RECORD_KEY(plan.title))
    people: list[tuple[str, str, str]] = []
    skipped: list[str] = []
    everyone = EX.experts(store, plan.id)
    if kind == "expert":
        leads = [e for e in everyone if e.role == "lead"]
        if not leads:
            raise BundleError("no_encryption_key", INSPECTION_HAS_LEAD_EXPERT(plan.title))
        for lead in leads:
            if not lead.key_id:
                raise BundleError("no_encryption_key",
                                  INSPECTION_DOES_REGISTER_KEY(lead.name))
            people.append((lead.key_id, lead.name, LEAD))
    elif kind == "plan":
        for e in everyone:
            if e.key_id:
                people.append((e.key_id, e.name, LEAD if e.role == "lead" else EXPERT))
            else:
                skipped.append(e.name)
    people.append((issuer, BUREAU, BUREAU))
    unique: dict[str, tuple[str, str, str]] = {}
    for person in people:
        unique.setdefault(person[0], person)
    return list(unique.values()), skipped


def recipients_for(store: Store, keystore: KeyStore, plan: P.Plan, kind: str) -> tuple[list[Recipient] | None, list[str]]:
    """(the recipients of a bundle of this kind, warnings); recipients None when the plan's bundles are plain."""
    if not plan.encrypted:
        return None, []
    people, skipped = _people(store, plan, kind)
    found, old, revoked = [], [], []
    for kid, name, role in people:
        if keystore.status(kid) == "revoked":
            revoked.append(FINGERPRINTED(name, fingerprint_of_id(kid)))
            continue
        encryption = keystore.encryption_of(kid)
        if encryption is None:
            old.append(FINGERPRINTED(name, fingerprint_of_id(kid)))
            continue
        found.append(Recipient(kid, name, role, encryption[0]))
    if revoked:
        raise BundleError("revoked_recipient", KEY_RECIPIENT_HAS_BEEN('、'.join(revoked)))
    if old:
        raise BundleError("no_encryption_key",
                          COMPUTER_HAS_ENCRYPTION_KEY('、'.join(old)))
    warnings = [NO_KEY_IN_PLAN(name) for name in skipped]
    return found, warnings


def plan_says_encrypted(plan: P.Plan) -> str:
    return ENCRYPTED_SAYS() if plan.encrypted else PLAIN_SAYS()
