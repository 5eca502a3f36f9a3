"""Public keys: key ids, fingerprints, PEM, signature checks and the public key file an expert hands over.

Key id: SHA-256 of the 32 raw Ed25519 public key bytes, lowercase hex (64 characters).
Fingerprint: the first 10 bytes of that digest in RFC 4648 base32, in four
groups of four characters, e.g. `K3QF-7ZPA-M2XD-4HBE` (80 bits; letters A–Z and
digits 2–7 only, so it can be read aloud without confusing 0/O or 1/I).

The public key file carries the encryption key (an age X25519 recipient) with a
signature by the signing key over it (see `agekeys.binding_message`): the one
fingerprint a person compares covers both keys.
"""
from __future__ import annotations

import base64
import hashlib
import re

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from inspector_app.bundles.canonical import BundleError
from inspector_app.said import Said

PUBLIC_KEY_ED25519_KEY = Said('公钥不是 Ed25519 类型，Inspector 不接受。',
                               'The public key is not an Ed25519 key: Inspector does not accept it.')
PUBLIC_KEY_FILE_TOO = Said('公钥文件过大，不是 Inspector 公钥文件。',
                            'The public key file is too large: it is not an Inspector public key file.')
FILE_HOLDS_PUBLIC_KEY = Said('文件中没有公钥（缺少 BEGIN PUBLIC KEY 段）。',
                              'The file holds no public key (no BEGIN PUBLIC KEY section).')
ENCRYPTION_KEY_PUBLIC_KEY = Said('公钥文件中的加密公钥没有该签名密钥的有效签名，文件可能被改动过；请对方重新导出公钥文件。',
                                  'The encryption key in the public key file carries no valid signature of the signing key: the file may have been changed; ask for the public key file to be exported again.')
PUBLIC_KEY_FILE_RIGHT = Said('公钥文件格式不正确，无法读取。',
                              'The public key file is not in the right format and cannot be read.')
PUBLIC_KEY_FILE_UTF = Said('公钥文件不是 UTF-8 文本。',
                            'The public key file is not UTF-8 text.')
FINGERPRINT_PUBLIC_KEY_FILE = Said('公钥文件中的指纹与公钥不符，文件可能被改动过。',
                                    'The fingerprint in the public key file does not match the key: the file may have been changed.')
KEY_ID_PUBLIC_KEY = Said('公钥文件中的密钥编号与公钥不符，文件可能被改动过。',
                          'The key id in the public key file does not match the key: the file may have been changed.')

PUBLIC_FILE_HEADER = "# Inspector 公钥（public key）"

_FP_CLEAN = re.compile(r"[\s\-_:.]")


def key_id(pub: bytes) -> str:
    """Key id of a raw 32-byte Ed25519 public key."""
    return hashlib.sha256(bytes(pub)).hexdigest()


def fingerprint(pub: bytes) -> str:
    """Short fingerprint to read aloud: 4 groups of 4 base32 characters."""
    return fingerprint_of_id(key_id(pub))


def fingerprint_of_id(kid: str) -> str:
    b32 = base64.b32encode(bytes.fromhex(kid)[:10]).decode("ascii")
    return "-".join(b32[i:i + 4] for i in range(0, 16, 4))


def normalize_fingerprint(text: str) -> str | None:
    """`k3qf 7zpa-m2xd.4hbe` → `K3QF-7ZPA-M2XD-4HBE`; None when it is not a fingerprint."""
    s = _FP_CLEAN.sub("", text).upper().replace("0", "O").replace("1", "I").replace("8", "B")
    if len(s) != 16 or not re.fullmatch(r"[A-Z2-7]{16}", s):
        return None
    return "-".join(s[i:i + 4] for i in range(0, 16, 4))


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_pem(pub: bytes) -> bytes:
    return Ed25519PublicKey.from_public_bytes(pub).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def parse_public_pem(data: bytes) -> bytes:
    """Raw public key bytes from a SubjectPublicKeyInfo PEM; BundleError when it is not Ed25519."""
    try:
        key = serialization.load_pem_public_key(bytes(data))
    except (ValueError, TypeError, UnicodeError):
        raise BundleError("bad_public_key", PUBLIC_KEY_FILE_RIGHT()) from None
    if not isinstance(key, Ed25519PublicKey):
        raise BundleError("bad_public_key", PUBLIC_KEY_ED25519_KEY())
    return raw_public(key)


def verify_signature(pub: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(bytes(pub)).verify(bytes(signature), bytes(data))
        return True
    except (InvalidSignature, ValueError):
        return False


def clean_label(text: str | None) -> str:
    if not text:
        return ""
    text = "".join(ch for ch in str(text) if ch.isprintable())
    return text.strip()[:200]


def make_public_file(pub: bytes, name: str = "", encryption: tuple[str, str] | None = None) -> bytes:
    """`encryption`: (age recipient, base64 signature binding it to `pub`)."""
    lines = [PUBLIC_FILE_HEADER,
             f"Name: {clean_label(name)}",
             f"Fingerprint: {fingerprint(pub)}",
             f"Key-Id: {key_id(pub)}"]
    if encryption is not None:
        lines += [f"Encryption-Key: {encryption[0]}", f"Encryption-Key-Signature: {encryption[1]}"]
    return ("\n".join(lines) + "\n").encode("utf-8") + public_pem(pub)


def parse_public_file(data: bytes) -> tuple[bytes, str]:
    """(raw signing key, name) of a public key file; see `parse_public_file_full` for the encryption key."""
    pub, name, _encryption = parse_public_file_full(data)
    return pub, name


def parse_public_file_full(data: bytes) -> tuple[bytes, str, tuple[str, str] | None]:
    """(raw signing key, name, (age recipient, binding signature) or None for a file made before encryption).
    An encryption key whose signature does not verify with the signing key is refused."""
    from inspector_app.bundles.agekeys import check_binding
    if len(data) > 64 * 1024:
        raise BundleError("bad_public_key", PUBLIC_KEY_FILE_TOO())
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleError("bad_public_key", PUBLIC_KEY_FILE_UTF()) from None
    m = re.search(r"-----BEGIN PUBLIC KEY-----.*?-----END PUBLIC KEY-----", text, re.S)
    if not m:
        raise BundleError("bad_public_key", FILE_HOLDS_PUBLIC_KEY())
    pub = parse_public_pem(m.group(0).encode("ascii", "replace") + b"\n")
    name, recipient, binding = "", "", ""
    for line in text[:m.start()].splitlines():
        label, _, value = line.partition(":")
        label, value = label.strip().lower(), value.strip()
        if label == "name":
            name = clean_label(value)
        elif label == "fingerprint" and normalize_fingerprint(value) != fingerprint(pub):
            raise BundleError("bad_public_key", FINGERPRINT_PUBLIC_KEY_FILE())
        elif label == "key-id" and value.lower() != key_id(pub):
            raise BundleError("bad_public_key", KEY_ID_PUBLIC_KEY())
        elif label == "encryption-key":
            recipient = value
        elif label == "encryption-key-signature":
            binding = value
    if not recipient and not binding:
        return pub, name, None
    if not check_binding(pub, recipient, binding):
        raise BundleError("bad_public_key", ENCRYPTION_KEY_PUBLIC_KEY())
    return pub, name, (recipient, binding)
