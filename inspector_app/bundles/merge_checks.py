"""What every kind of bundle is checked for before its contents are read."""
from __future__ import annotations

from inspector_app.bundles.bag import Bag, read_json
from inspector_app.said import Said

BUNDLE_DESCRIPTION_BUNDLE_JSON = Said('数据包说明（bundle.json）与签名信息不一致',
                                       "The bundle's description (bundle.json) differs from the signed information")
SIGNER_BUNDLE_DESCRIPTION_DIFFERS = Said('数据包说明中的签名人与实际签名人不一致',
                                          "The signer in the bundle's description differs from the actual signer")
SEQUENCE_NUMBER_BUNDLE_DESCRIPTION = Said('数据包说明中的序号与签名信息不一致',
                                           "The sequence number in the bundle's description differs from the signed information")


class Reject(Exception):
    """A bundle refused (or held as a conflict) with a plain reason; nothing was written."""

    def __init__(self, message: str, status: str = "rejected"):
        super().__init__(message)
        self.status = status


def bundle_head(bag: Bag) -> dict:
    """bundle.json, checked against the signed bag-info fields it repeats."""
    head = read_json(bag, "bundle.json")
    if not isinstance(head, dict) or head.get("kind") != bag.kind:
        raise Reject(BUNDLE_DESCRIPTION_BUNDLE_JSON())
    if head.get("signer_key_id") != bag.signer_key_id:
        raise Reject(SIGNER_BUNDLE_DESCRIPTION_DIFFERS())
    if str(head.get("sequence")) != (bag.field("sequence") or ""):
        raise Reject(SEQUENCE_NUMBER_BUNDLE_DESCRIPTION())
    return head
