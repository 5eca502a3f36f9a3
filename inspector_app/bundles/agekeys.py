"""Encryption keys: age v1 X25519 (https://age-encryption.org/v1), through pyrage.

Each install has, beside its Ed25519 signing key, an X25519 key pair. Its
public half is an age recipient (`age1…`, Bech32); the private half is kept as
a PKCS8 PEM by `cryptography` (encrypted with the same passphrase as the
signing key) and handed to pyrage as an age identity (`AGE-SECRET-KEY-1…`).

A recipient is bound to its owner's signing key by an Ed25519 signature over
`binding_message(recipient)`: wherever the recipient travels (the public key
file, the plan package, the trust list, every bundle's bag-info) the signature
travels with it and is checked, so the fingerprint of the signing key that a
person compares covers the encryption key too.
"""
from __future__ import annotations

import base64
import binascii

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

BINDING_CONTEXT = b"inspector-encryption-key/1\n"

_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _polymod(values: list[int]) -> int:
    chk = 1
    for value in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ value
        for i in range(5):
            if (top >> i) & 1:
                chk ^= _GENERATOR[i]
    return chk


def _bech32(hrp: str, raw: bytes) -> str:
    """Bech32 (BIP 173) as age writes its keys, without the 90-character limit."""
    data, acc, bits = [], 0, 0
    for byte in raw:
        acc = (acc << 8) | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            data.append((acc >> bits) & 31)
    if bits:
        data.append((acc << (5 - bits)) & 31)
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    mod = _polymod(expanded + data + [0] * 6) ^ 1
    checksum = [(mod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_CHARSET[d] for d in data + checksum)


def recipient_of(private: X25519PrivateKey) -> str:
    raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return _bech32("age", raw)


def identity_of(private: X25519PrivateKey):
    """The pyrage identity of a private key (checked: its public half is the key's recipient)."""
    from pyrage import x25519
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    identity = x25519.Identity.from_str(_bech32("age-secret-key-", raw).upper())
    if str(identity.to_public()) != recipient_of(private):
        raise ValueError("age identity does not match its key")
    return identity


def parse_recipient(text: str):
    """A pyrage recipient from `age1…`; ValueError when it is not one."""
    from pyrage import RecipientError, x25519
    if not isinstance(text, str) or not text.startswith("age1") or len(text) > 100:
        raise ValueError("not an age X25519 recipient")
    try:
        return x25519.Recipient.from_str(text)
    except (RecipientError, ValueError) as exc:
        raise ValueError(str(exc)) from None


def binding_message(recipient: str) -> bytes:
    return BINDING_CONTEXT + recipient.encode("ascii") + b"\n"


def make_binding(sign, recipient: str) -> str:
    """`sign(data) -> signature` with the signing key; the binding in base64."""
    return base64.b64encode(sign(binding_message(recipient))).decode("ascii")


def check_binding(signing_pub: bytes, recipient: str, binding: str) -> bool:
    """True when `binding` is the signing key's signature over the recipient, and the recipient is an age key."""
    from inspector_app.bundles.public_keys import verify_signature
    try:
        parse_recipient(recipient)
        signature = base64.b64decode(binding or "", validate=True)
    except (ValueError, binascii.Error, UnicodeError):
        return False
    return len(signature) == 64 and verify_signature(signing_pub, signature, binding_message(recipient))
