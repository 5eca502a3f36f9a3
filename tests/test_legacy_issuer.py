"""Plans made before issuers were recorded (store migration 5) name no issuing key: the bureau's first plan
package binds its key, a laptop's first package from the bureau binds the signer, and until then the bureau's
role and its panel merges are refused with the remedy in words."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from inspector_app.bundles.export import export_plan
from inspector_app.bundles.keys import KeyStore
from inspector_app.bundles.merge import merge_files
from inspector_app.bundles.merge_checks import Reject
from inspector_app.bundles.roles import check_panel_signer
from inspector_app.store import experts as EX
from inspector_app.store import identity as I
from inspector_app.store.db import open_store
from store_helpers import small_plan


def _own(keys: KeyStore) -> I.OwnKey:
    own = keys.own_key()
    return I.OwnKey(own.key_id, own.public_key, own.fingerprint)


def _unbind(store, plan) -> None:
    """As a database migrated from before version 5 has it: no issuing key."""
    with store.tx():
        I.set_issuer(store, plan.id, "")


def test_bureau_role_refused_until_the_first_package_binds_its_key(tmp_path):
    store = open_store(tmp_path / "bureau")
    keys = KeyStore(store.data_dir)
    plan, _rubric, _group = small_plan(store)
    _unbind(store, plan)
    with pytest.raises(I.IdentityError, match="建于旧版本，没有登记签发它的教育局密钥.*请先导出一次考核计划包"):
        I.choose(store, plan, "教育局", _own(keys))
    first = export_plan(store, keys, plan, tmp_path / "out")
    assert I.issuer_key_id(store, plan.id) == keys.own_key().key_id
    assert any("已把本机密钥" in w and keys.own_key().fingerprint in w for w in first.warnings)
    assert I.choose(store, plan, "教育局", _own(keys)).kind == "bureau"
    again = export_plan(store, keys, plan, tmp_path / "out")  # bound once: said once
    assert not any("旧版本" in w for w in again.warnings)
    store.close()


def test_panel_bundle_at_a_plan_with_no_issuer_says_what_to_do(tmp_path):
    store = open_store(tmp_path / "bureau")
    keys = KeyStore(store.data_dir)
    plan, _rubric, _group = small_plan(store)
    _unbind(store, plan)
    lead_key = KeyStore(tmp_path / "lead").own_key()
    EX.learn_expert_key(store, plan.id, "e0", lead_key.key_id, lead_key.public_key, lead_key.fingerprint)
    bag = SimpleNamespace(signer_key_id=lead_key.key_id, signer_fingerprint=lead_key.fingerprint)
    with pytest.raises(Reject, match="建于旧版本.*专家组数据包未合并，没有改变"):
        check_panel_signer(store, keys, plan, bag, EX.ExpertIndex(store, plan.id), "e0")
    export_plan(store, keys, plan, tmp_path / "out")  # the bureau binds its key; the same bundle now passes
    assert check_panel_signer(store, keys, plan, bag, EX.ExpertIndex(store, plan.id), "e0").id == "e0"
    store.close()


def test_a_laptops_first_package_from_the_bureau_binds_the_signer(tmp_path):
    bureau = open_store(tmp_path / "bureau")
    bureau_keys = KeyStore(bureau.data_dir)
    plan, _rubric, _group = small_plan(bureau)
    package = export_plan(bureau, bureau_keys, plan, tmp_path / "usb").path
    lead = open_store(tmp_path / "lead")
    lead_keys = KeyStore(lead.data_dir)
    lead_keys.trust(bureau_keys.own_key().public_key, "教育局", "教育局")
    assert [o.status for o in merge_files(lead, lead_keys, [package])] == ["created"]
    _unbind(lead, plan)  # the lead imported it with a version that did not record issuers
    again = export_plan(bureau, bureau_keys, plan, tmp_path / "usb2").path
    [outcome] = merge_files(lead, lead_keys, [again])
    assert outcome.status == "already" and "已登记签名人" in outcome.message
    assert I.issuer_key_id(lead, plan.id) == bureau_keys.own_key().key_id
    bureau.close()
    lead.close()


def test_the_demo_is_never_taken_for_a_plan_without_issuer(tmp_path):
    # The demo's lead laptop hands out the demo's plan package and stays the lead's laptop, not the bureau's.
    from inspector_app.store.demo import make_demo
    store = open_store(tmp_path / "lead")
    keys = KeyStore(store.data_dir)
    plan = make_demo(store)
    result = export_plan(store, keys, plan, tmp_path / "usb")
    assert I.issuer_key_id(store, plan.id) == "" and not any("旧版本" in w for w in result.warnings)
    with pytest.raises(I.IdentityError, match="不是签发考核计划"):
        I.choose(store, plan, "教育局", _own(keys))
    store.close()
