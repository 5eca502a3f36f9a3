"""Who this laptop's user is in each plan, bound to the laptop's key.

A user is chosen explicitly per plan: one of the plan's experts (whose key, when
the plan registers one, must be this laptop's), the bureau (only on the laptop
whose key issued the plan) or a viewer who scores nothing. Nothing is scored
under an identity nobody chose: with none chosen, `current` is None and every
use case that writes refuses.

The laptop's own key is passed in (key id, raw public key, fingerprint), so the
store needs nothing from the bundle layer.
"""
from __future__ import annotations

from dataclasses import dataclass

from inspector_app.store.db import Store, StoreError
from inspector_app.store.history import record
from inspector_app.store.plans import Plan
from inspector_app.store.experts import ROLES, Expert, expert_by_id, experts, experts_with_key, learn_expert_key
from inspector_app.said import Said

NO_SUCH_EXPERT_OR_ROLE = Said('找不到专家 “{0}”；本计划的专家: {1}；也可以选择 教育局 或 只查看',
                               "No expert “{0}”; this inspection's experts: {1}; you may also choose the bureau or view only")

KEY_INSPECTION_REGISTERS_FINGERPRINT = Said('考核计划登记的 {0} 的密钥（指纹 {1}）不是本机的密钥（指纹 {2}）。{3}请在 {4} 本人的电脑上操作；如确实换了电脑，请在本机 inspector keys export 导出公钥交教育局，由教育局在名单中登记后重新下发计划包。',
                                             "The key the inspection registers for {0} (fingerprint {1}) is not this computer's key (fingerprint {2}). {3}Work on {4}'s own computer; if the computer really was changed, export the public key here with inspector keys export for the bureau, which registers it in the roster and sends the plan package again.")
COMPUTER_KEY_REGISTERED_KEY = Said('本机的密钥已登记为 {0} 的密钥，不能再作为 {1}。如需替 {2} 录入纸质评分表，请以 {3} 的身份用 --expert {4} 代录。',
                                    "This computer's key is registered as the key of {0}: it cannot act as {1} as well. To enter the paper score sheet of {2}, enter it as {3} with --expert {4}.")
COMPUTER_HAS_CHOSEN_WHO = Said('本机还没有选择在考核计划“{0}”中的身份：请先用 inspector me --set 姓名 说明您是哪位专家（或 教育局、只查看）',
                                'This computer has not chosen who it is in inspection "{0}" yet: first say which expert you are with inspector me --set NAME (or the bureau, or view only)')
COMPUTER_INSPECTION_ENTERS_SCORES = Said('本机在考核计划“{0}”中的身份是 {1}，不录入评分；如您是专家，请用 inspector me --set 姓名 选择',
                                          'This computer is {1} in inspection "{0}" and enters no scores; if you are an expert, choose yourself with inspector me --set NAME')
COMPUTER_KEY_FINGERPRINT_KEY = Said('本机的密钥（指纹 {0}）不是签发考核计划“{1}”的教育局密钥，不能以教育局身份操作。请在教育局建立该计划的电脑上操作；本机可以选择一位专家，或“只查看”。',
                                     'This computer\'s key (fingerprint {0}) is not the key of the bureau that issued inspection "{1}": it cannot act as the bureau. Work on the bureau\'s computer that created the inspection; this computer can choose an expert, or "view only".')

BUREAU, VIEWER = "@bureau", "@viewer"
NOT_CHOSEN = Said("本机还没有选择身份（您是哪位专家？），不能录入评分",
                  "This computer has not chosen who it is yet (which expert are you?): no scores can be entered")()
BUREAU_WORDS = {BUREAU, "bureau", "教育局", "督导室"}
VIEWER_WORDS = {VIEWER, "viewer", "只查看", "查看"}
NO_ISSUER = Said("考核计划“{0}”建于旧版本，没有登记签发它的教育局密钥。若本机就是签发本计划的教育局电脑，"
                 "请先导出一次考核计划包（教育局 → 导出考核计划包，或 inspector package），本机密钥即登记为签发密钥；"
                 "否则请教育局导出新的计划包发给各台电脑：第一次导入时，签名人的密钥即登记为本计划的签发密钥",
                 'Inspection "{0}" was made by an older version and does not register the bureau key that issued '
                 "it. If this is the bureau's computer that issued the inspection, first export a plan package once (Bureau → "
                 "Export plan package, or inspector package): this computer's key is then registered as the issuing "
                 "key; otherwise ask the bureau to export a new plan package for every computer: on the first import, "
                 "the signer's key is registered as this inspection's issuing key")
KEY_HOLDER_IS = Said("本机的密钥登记的是 {0}。", "This computer's key is registered for {0}. ")
ISSUER_BOUND_BY_EXPORT = Said("旧版本建立的考核计划：第一次导出计划包时登记签发密钥",
                              "an inspection made by an older version: the issuing key registered when its first plan "
                              "package was exported")
ISSUER_BOUND_BY_IMPORT = Said("旧版本建立的考核计划：第一次导入教育局的计划包时登记签发密钥",
                              "an inspection made by an older version: the issuing key registered when the bureau's "
                              "first plan package was imported")


class IdentityError(StoreError):
    """An identity this laptop may not take, with the remedy in words."""


@dataclass(frozen=True)
class OwnKey:
    key_id: str
    public_key: bytes
    fingerprint: str


@dataclass(frozen=True)
class Identity:
    plan_id: str
    kind: str  # "expert" | "bureau" | "viewer"
    expert: Expert | None = None

    @property
    def expert_id(self) -> str:
        return self.expert.id if self.expert else ""

    @property
    def scores(self) -> bool:
        return self.kind == "expert"

    @property
    def is_lead(self) -> bool:
        return self.expert is not None and self.expert.role == "lead"

    @property
    def label(self) -> str:
        if self.expert is not None:
            return f"{self.expert.name}（{ROLES.get(self.expert.role, '专家')}）"  # the window: core_words.identity_text
        return "教育局" if self.kind == "bureau" else "只查看"


def _key(plan_id: str) -> str:
    return f"me:{plan_id}"


def current(store: Store, plan_id: str) -> Identity | None:
    """The identity chosen for this plan on this laptop, or None when nobody chose one."""
    chosen = store.setting(_key(plan_id))
    if not chosen:
        return None
    if chosen == BUREAU:
        return Identity(plan_id, "bureau")
    if chosen == VIEWER:
        return Identity(plan_id, "viewer")
    expert = expert_by_id(store, plan_id, chosen)  # one row: asked for every bundle merged
    return Identity(plan_id, "expert", expert) if expert else None


def key_holder(store: Store, plan_id: str, own_key_id: str) -> Expert | None:
    """The expert the plan registers this laptop's key for, if any."""
    return next(iter(experts_with_key(store, plan_id, own_key_id)), None) if own_key_id else None


def issued_here(store: Store, plan: Plan, own_key_id: str) -> bool:
    row = store.conn.execute("SELECT issuer_key_id FROM plans WHERE id = ?", (plan.id,)).fetchone()
    return bool(row and row[0] and row[0] == own_key_id)


def issuer_key_id(store: Store, plan_id: str) -> str:
    row = store.conn.execute("SELECT issuer_key_id FROM plans WHERE id = ?", (plan_id,)).fetchone()
    return row[0] if row else ""


def set_issuer(store: Store, plan_id: str, key_id: str) -> None:
    """Inside the transaction that creates the plan."""
    store.conn.execute("UPDATE plans SET issuer_key_id = ? WHERE id = ?", (key_id, plan_id))


def no_issuer(plan: Plan) -> str:
    """What to do with a plan made before issuers were recorded (store migration 5): it names no issuing key,
    so nobody can be told to be the bureau from it. The bureau's first plan package binds its key."""
    return NO_ISSUER(plan.title)


def unbound(store: Store, plan: Plan) -> bool:
    """A plan made before issuers were recorded: no issuing key. The demo has none by design (its lead's laptop
    hands out its package and stays the lead's), so it is never taken for one."""
    return not plan.demo and not issuer_key_id(store, plan.id)


def bind_issuer(store: Store, plan: Plan, key_id: str, why: str) -> bool:
    """A plan with no issuing key (made before migration 5) takes `key_id` as its issuer, recorded in the history;
    False (nothing changed) when it already has one, or for the demo."""
    if not key_id or not unbound(store, plan):
        return False
    with store.tx():
        set_issuer(store, plan.id, key_id)
        record(store, "", plan.id, "plan", {"plan": plan.id}, "issuer_key_id", None, key_id, why)
    return True


def settle_by_key(store: Store, plan: Plan, own: OwnKey) -> Identity | None:
    """With no identity chosen yet, the key decides when it can: the laptop that issued the plan is the
    bureau; a laptop whose key the plan registers for one expert is that expert. Otherwise None: ask."""
    found = current(store, plan.id)
    if found is not None:
        return found
    if issued_here(store, plan, own.key_id):
        return choose(store, plan, BUREAU, own)
    holder = key_holder(store, plan.id, own.key_id)
    if holder is not None:
        return choose(store, plan, holder.id, own)
    return None


def choose(store: Store, plan: Plan, who: str, own: OwnKey) -> Identity:
    """Take an identity in a plan; IdentityError (with the remedy) when this laptop's key cannot hold it."""
    who = (who or "").strip()
    if who in VIEWER_WORDS:
        return _save(store, plan, VIEWER, Identity(plan.id, "viewer"))
    if who in BUREAU_WORDS:
        if unbound(store, plan):
            raise IdentityError(no_issuer(plan))
        if not issued_here(store, plan, own.key_id):
            raise IdentityError(
                COMPUTER_KEY_FINGERPRINT_KEY(own.fingerprint, plan.title))
        return _save(store, plan, BUREAU, Identity(plan.id, "bureau"))
    everyone = experts(store, plan.id)
    hits = [e for e in everyone if who in (e.id, e.name)]
    if len(hits) != 1:
        raise IdentityError(NO_SUCH_EXPERT_OR_ROLE(who, "、".join(e.name for e in everyone)))
    expert = hits[0]
    if expert.key_id and expert.key_id != own.key_id:
        holder = key_holder(store, plan.id, own.key_id)
        also = KEY_HOLDER_IS(holder.name) if holder else ""
        raise IdentityError(
            KEY_INSPECTION_REGISTERS_FINGERPRINT(expert.name, expert.fingerprint or '—', own.fingerprint, also, expert.name))
    holder = key_holder(store, plan.id, own.key_id)
    if holder is not None and holder.id != expert.id:
        raise IdentityError(COMPUTER_KEY_REGISTERED_KEY(holder.name, expert.name, expert.name, holder.name, expert.name))
    with store.tx():
        if not expert.key_id:
            # The plan names no key for this expert: this laptop's key becomes theirs, as a first bundle would.
            learn_expert_key(store, plan.id, expert.id, own.key_id, own.public_key, own.fingerprint)
        bound = next(e for e in experts(store, plan.id) if e.id == expert.id)
        return _save(store, plan, expert.id, Identity(plan.id, "expert", bound))


def _save(store: Store, plan: Plan, value: str, identity: Identity) -> Identity:
    old = store.setting(_key(plan.id))
    if old != value:
        with store.tx():
            store.conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET"
                               " value = excluded.value", (_key(plan.id), value))
            record(store, identity.expert_id, plan.id, "identity", {"plan": plan.id}, "me", old, value)
    return identity


def require_scorer(store: Store, plan: Plan) -> Identity:
    """The identity that may type scores here, or IdentityError saying how to choose one."""
    found = current(store, plan.id)
    if found is None:
        raise IdentityError(COMPUTER_HAS_CHOSEN_WHO(plan.title))
    if not found.scores:
        raise IdentityError(COMPUTER_INSPECTION_ENTERS_SCORES(plan.title, found.label))
    return found
