"""Checking a bundle file without merging it (`inspector verify`, the window's check before sending): whether it
is complete, unchanged and signed by a known key, a panel's member bundles each on their own, and whether it came
encrypted and to whom, said in one line."""
from __future__ import annotations

import re
from pathlib import Path

from inspector_app.bundles.bag import Bag, BundleError, read_bag, read_json
from inspector_app.bundles.keys import KeyStore
from inspector_app.bundles.zipsafe import DEFAULT_LIMITS, Limits, show_name
from inspector_app.said import Said

UNKNOWN_SIGNER_HELD = Said("数据包完整，但签名人的密钥在本机尚未登记（指纹 {0}）；在接收它的电脑上合并时会暂存，核对指纹并信任后即可合并",
                           "The bundle is complete, but the signer's key is not yet recorded on this computer (fingerprint "
                           "{0}); merged on the computer that receives it, it is held until the fingerprint is checked "
                           "and trusted")
SOUND_SIGNED_BY = Said("完整、未被改动；签名人：{0}（{1}）", "complete and unchanged; signed by {0} ({1})")
UNNAMED = Said("未命名", "unnamed")
EXPERT_BUNDLE = Said("专家数据包", "expert bundle")
PANEL_BUNDLE = Said("专家组数据包", "panel bundle")
PLAN_BUNDLE = Said("方案包", "plan package")
SEQUENCE_NUMBER = Said("序号 {0}", "sequence {0}")
FILE_COUNT = Said("{0} 个文件", "{0} files")

MEMBER_NOT_IN_PANEL = Said("专家组数据包的 members.json 指向包中没有的 {0}。",
                           "The members.json of the panel bundle names {0}, which the bundle does not hold.")
MEMBER_FAILED = Said("专家组数据包中的专家数据包 {0} 未通过校验：{1}",
                     "Expert bundle {0} inside the panel bundle failed its check: {1}")
MEMBER_UNREADABLE = Said("无法检查专家组数据包中的 {0}：{1}", "{0} inside the panel bundle cannot be checked: {1}")
MEMBER_OTHER_PLAN = Said("专家组数据包中的 {0} 不是本考核计划的专家数据包。",
                         "{0} inside the panel bundle is no expert bundle of this inspection.")


FINGERPRINT_IN = re.compile(r"[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}")


def verify_file(path: Path | str, keystore: KeyStore, *, limits: Limits = DEFAULT_LIMITS) -> tuple[bool, str]:
    """(True, summary) when the bundle is complete, untampered and signed by a known key."""
    try:
        # Checking changes nothing here: an unknown signer is not added to the keys seen (merging does that).
        bag = read_bag(path, keystore, limits=limits, remember_unknown=False)
    except BundleError as exc:
        if exc.code == "unknown_key":
            fp = FINGERPRINT_IN.search(exc.message)
            return False, UNKNOWN_SIGNER_HELD(fp.group() if fp else '?')
        return False, exc.message
    if bag.kind == "panel":
        problem = _member_problem(bag, keystore, limits)
        if problem:
            return False, problem
    who = keystore.name_of(bag.signer_key_id) or UNNAMED()
    parts = [SOUND_SIGNED_BY(who, bag.signer_fingerprint)]
    kind = {"expert": EXPERT_BUNDLE(), "panel": PANEL_BUNDLE(), "plan": PLAN_BUNDLE()}.get(bag.kind, bag.kind)
    parts.append(kind)
    seq = bag.info.get("Inspector-Sequence")
    if seq:
        parts.append(SEQUENCE_NUMBER(seq))
    parts.append(FILE_COUNT(len(bag.sha256)))
    parts.append(sealed_words(bag))
    return True, "；".join(parts)


PLAIN = Said("未加密（考核计划选择了明文数据包）", "not encrypted (the inspection chose plain bundles)")
SEALED_TO = Said("已加密，接收人：{0}", "encrypted; recipients: {0}")
SEALED_FOR = Said("已加密，只有 {0} 能打开", "encrypted: only {0} can open it")
PLAIN_COPY = Said("未加密的副本（原件是加密的）", "a plain copy (the original was encrypted)")
PLAIN_OLD = Said("未加密（加密功能之前的数据包）", "not encrypted (a bundle from before encryption)")


def sealed_words(bag: Bag) -> str:
    """Whether a bundle came encrypted, and to whom, in words (verify, the window's results)."""
    if bag.sealed is not None:
        return SEALED_TO("、".join(r.name or r.fingerprint for r in bag.sealed.recipients))
    try:
        head = read_json(bag, "bundle.json") if "bundle.json" in bag.sha256 else {}
    except BundleError:
        head = {}
    encryption = head.get("encryption") if isinstance(head, dict) else None
    if isinstance(encryption, dict) and encryption.get("format") == "plain":
        return PLAIN()
    if isinstance(encryption, dict):
        return PLAIN_COPY()
    return PLAIN_OLD()


def _member_problem(bag: Bag, keystore: KeyStore, limits: Limits) -> str:
    """A panel bundle verifies only if every member bundle inside it verifies on its own."""
    import tempfile
    try:
        members = read_json(bag, "members.json")
    except BundleError as exc:
        return exc.message
    with tempfile.TemporaryDirectory(prefix="inspector-verify-") as tmp:
        for index, name in enumerate(members):
            if name not in bag.sha256:
                return MEMBER_NOT_IN_PANEL(show_name(name))
            inner = Path(tmp) / f"{index}.zip"
            try:
                with open(inner, "wb") as out:
                    bag.copy_to(name, out)
                member = read_bag(inner, keystore, limits=limits, remember_unknown=False)
            except BundleError as exc:
                return MEMBER_FAILED(show_name(name), exc.message)
            except OSError as exc:
                return MEMBER_UNREADABLE(show_name(name), exc.strerror or exc)
            if member.kind != "expert" or member.field("plan_id") != bag.field("plan_id"):
                return MEMBER_OTHER_PLAN(show_name(name))
    return ""
