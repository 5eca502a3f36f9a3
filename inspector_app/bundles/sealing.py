"""Sealed bundles: a signed bundle encrypted to its recipients with age v1 (X25519), in a small zip that
names the recipients in clear and is signed by the sender, so that anyone can tell whom it is for and
whether it was changed, and only a recipient can read it.

    payload.age        the signed bundle (the whole zip, docs/bundle-format.md §1–8), age-encrypted
    envelope.json      canonical JSON: recipients (key id, fingerprint, name, role), signer, payload SHA-256
    envelope.ed25519   the sender's Ed25519 signature over "inspector-sealed/1\\n" + envelope.json

Sign, then encrypt: the signed bundle is the age plaintext. Decrypt, then verify: `unseal` checks the
envelope's signature and the payload's SHA-256, that this laptop is a recipient and no recipient is
revoked here, then decrypts into a private temporary file that `bag.read_bag` verifies as any bundle;
the signed bundle names the same recipients (bundle.json) and the same signer as the envelope.
"""
from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from inspector_app.said import Said
from inspector_app.bundles import canonical
from inspector_app.bundles.canonical import BundleCancelled, BundleError, is_cancelled
from inspector_app.bundles.public_keys import fingerprint, fingerprint_of_id, key_id, verify_signature
from inspector_app.bundles.zipsafe import DEFAULT_LIMITS, Limits, check_entries, open_zip, read_small

BUNDLE_ADDRESSED_COMPUTER_RECIPIENTS = Said('此数据包不是发给本机的：接收人为 {0}。本机密钥指纹为 {1}，无法打开；未读取其内容，本机没有任何改变。',
                                             "This bundle is not addressed to this computer: its recipients are {0}. This computer's key has fingerprint {1}, so it cannot be opened; its content was not read, nothing on this computer changed.")

RECIPIENTS_BUNDLE_ENCRYPTED = Said('没有接收人，无法加密数据包。',
                                    'No recipients: the bundle cannot be encrypted.')
BUNDLE_ENCRYPTED_KEY_S = Said('数据包加密给了在本机已被吊销的密钥：{0}。吊销的密钥可能已落入他人之手，这个数据包不能接受；请发送人按最新的计划包重新导出。本机没有任何改变。',
                               'The bundle is encrypted to key(s) revoked on this computer: {0}. A revoked key may be in other hands, so this bundle cannot be accepted; ask the sender to export again from the latest plan package. Nothing on this computer changed.')
ENCRYPTING_BUNDLE_FAILED = Said('加密数据包失败：{0}',
                                 'Encrypting the bundle failed: {0}')
CHECK_AFTER_EXPORT_FAILED = Said('导出后读回校验失败：{0}',
                                  'Check after export failed: {0}')
CHECKING_CANCELLED = Said('已取消校验。',
                           'Checking cancelled.')
CANNOT_DECRYPT = Said('无法解密 {0}：{1}',
                       'Cannot decrypt {0}: {1}')

PAYLOAD = "payload.age"
ENVELOPE = "envelope.json"
ENVELOPE_SIGNATURE = "envelope.ed25519"
FORMAT = "inspector-sealed/1"
ENCRYPTION = "age-v1"
_CONTEXT = FORMAT.encode("ascii") + b"\n"
_HEX64 = re.compile(r"[0-9a-f]{64}")
_READ = 1 << 20

# The one message for a bundle changed after it was signed, sealed or not (bag.read_bag says it too).
DAMAGED = Said("签名无效：数据包在签名后被改动过，或签名已损坏。请向发送人索取原件。",
               "The signature is not valid: the bundle was changed after it was signed, or the signature is damaged. "
               "Ask the sender for the original.")()


def damaged() -> BundleError:
    return BundleError("bad_signature", DAMAGED)


@dataclass(frozen=True)
class Recipient:
    """Someone a bundle is encrypted to: their signing key id, the name and role the plan gives them,
    and their age recipient (bound to the signing key; see agekeys)."""
    key_id: str
    name: str
    role: str
    encryption_key: str = ""

    @property
    def fingerprint(self) -> str:
        return fingerprint_of_id(self.key_id)

    def to_json(self) -> dict:
        return {"key_id": self.key_id, "fingerprint": self.fingerprint, "name": self.name, "role": self.role}

    @property
    def label(self) -> str:
        role = f"{self.role}，" if self.role and self.role != self.name else ""
        return f"{self.name or '未命名'}（{role}指纹 {self.fingerprint}）"


@dataclass(frozen=True)
class Envelope:
    recipients: tuple[Recipient, ...]
    signer_public_key: bytes
    payload_sha256: str
    payload_size: int

    @property
    def signer_key_id(self) -> str:
        return key_id(self.signer_public_key)

    def names(self) -> str:
        return "、".join(r.label for r in self.recipients)


@dataclass
class Unsealed:
    plain: Path
    envelope: Envelope
    holder: Any  # the TemporaryDirectory holding `plain`; removed when dropped

    def close(self) -> None:
        self.holder.cleanup()


def is_sealed(path: Path) -> bool:
    """A sealed bundle's first zip entry is payload.age (read from its local header, nothing else)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(30 + len(PAYLOAD))
    except OSError:
        return False
    return sealed_head(head)


def sealed_head(data: bytes) -> bool:
    """Whether these bytes (a file's start, or all of it) begin as a sealed bundle does."""
    head = data[:30 + len(PAYLOAD)]
    return (len(head) == 30 + len(PAYLOAD) and head[:4] == b"PK\x03\x04"
            and int.from_bytes(head[26:28], "little") == len(PAYLOAD) and head[30:] == PAYLOAD.encode("ascii"))


# --------------------------------------------------------------------------- writing

class _HashingWriter:
    def __init__(self, out: BinaryIO, cancelled: Any):
        self.out, self.sha, self.size, self.cancelled = out, hashlib.sha256(), 0, cancelled

    def write(self, data) -> int:
        if is_cancelled(self.cancelled):
            raise BundleCancelled()
        self.sha.update(data)
        self.size += len(data)
        return self.out.write(data)

    def flush(self) -> None:
        self.out.flush()


def seal(plain: Path, dest_dir: Path, filename: str, recipients: list[Recipient], keystore, *,
         overwrite: bool = False, cancelled: Any = None) -> Path:
    """Encrypt the signed bundle `plain` to `recipients` as `dest_dir/filename`, written as write_bag writes
    (temporary name, fsync, read back, then the final name; nothing at the destination on failure)."""
    import pyrage

    from inspector_app.bundles.agekeys import parse_recipient
    from inspector_app.bundles.bag_write import _os_failure, _zipinfo, commit, part_file
    from inspector_app.fsutil import remove_stale_parts
    if not recipients:
        raise BundleError("no_recipients", RECIPIENTS_BUNDLE_ENCRYPTED())
    ages = [parse_recipient(r.encryption_key) for r in recipients]
    dest_dir = Path(dest_dir)
    dest = dest_dir / filename
    tmp = part_file(dest_dir, filename, overwrite)
    own = keystore.own_key()
    try:
        try:
            with open(tmp, "xb") as handle, open(plain, "rb") as source:
                with zipfile.ZipFile(handle, "w", allowZip64=True) as zf:
                    big = os.fstat(source.fileno()).st_size > (1 << 30)
                    with zf.open(_zipinfo(PAYLOAD, 0, True), "w", force_zip64=big) as out:
                        writer = _HashingWriter(out, cancelled)
                        pyrage.encrypt_io(source, writer, ages)
                    envelope = canonical.dumps({
                        "format": FORMAT, "encryption": ENCRYPTION,
                        "recipients": [r.to_json() for r in recipients],
                        "signer": {"key_id": own.key_id, "public_key": base64.b64encode(own.public_key).decode()},
                        "payload": {"file": PAYLOAD, "sha256": writer.sha.hexdigest(), "size": writer.size}})
                    signature = base64.b64encode(keystore.sign(_CONTEXT + envelope)) + b"\n"
                    zf.writestr(_zipinfo(ENVELOPE, len(envelope), True), envelope)
                    zf.writestr(_zipinfo(ENVELOPE_SIGNATURE, len(signature), True), signature)
                handle.flush()
                os.fsync(handle.fileno())
        except (pyrage.EncryptError, pyrage.RecipientError) as exc:
            raise BundleError("write_failed", ENCRYPTING_BUNDLE_FAILED(exc)) from None
        except OSError as exc:
            raise _os_failure(exc, dest) from None
        try:
            read_envelope(tmp)  # read back: the envelope's signature and the payload's SHA-256
        except BundleError as exc:
            raise BundleError("write_verify_failed", CHECK_AFTER_EXPORT_FAILED(exc.message)) from exc
        commit(tmp, dest, overwrite)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    remove_stale_parts(dest_dir)
    return dest


# --------------------------------------------------------------------------- reading

def _parse_envelope(data: bytes, signature_text: bytes) -> Envelope:
    try:
        doc = canonical.loads(data)
        signer = base64.b64decode(doc["signer"]["public_key"], validate=True)
        if (doc["format"] != FORMAT or doc["encryption"] != ENCRYPTION or len(signer) != 32
                or doc["signer"]["key_id"] != key_id(signer) or doc["payload"]["file"] != PAYLOAD):
            raise ValueError
        if not re.fullmatch(rb"[A-Za-z0-9+/]{86}==\n?", signature_text):
            raise ValueError
        if not verify_signature(signer, base64.b64decode(signature_text.strip()), _CONTEXT + data):
            raise ValueError
        recipients = tuple(Recipient(r["key_id"], str(r.get("name", "")), str(r.get("role", "")))
                           for r in doc["recipients"])
        sha, size = doc["payload"]["sha256"], doc["payload"]["size"]
        if (not recipients or any(not _HEX64.fullmatch(r.key_id) for r in recipients)
                or not _HEX64.fullmatch(sha) or not isinstance(size, int) or isinstance(size, bool)):
            raise ValueError
    except (BundleError, KeyError, TypeError, ValueError, AttributeError):
        raise damaged() from None
    return Envelope(recipients, signer, sha, size)


def _open_envelope(fh: BinaryIO, path: Path, limits: Limits):
    zf = open_zip(fh, path, limits)
    entries = check_entries(zf, fh, limits)
    if set(entries) != {PAYLOAD, ENVELOPE, ENVELOPE_SIGNATURE} \
            or entries[PAYLOAD].info.compress_type != zipfile.ZIP_STORED:
        raise damaged()
    try:
        envelope = _parse_envelope(read_small(fh, entries, ENVELOPE, limits),
                                   read_small(fh, entries, ENVELOPE_SIGNATURE, limits))
    except BundleError as exc:
        if exc.code in ("bad_hash", "zip_bomb"):
            raise damaged() from None
        raise
    if entries[PAYLOAD].info.file_size != envelope.payload_size:
        raise damaged()
    return entries[PAYLOAD], envelope


def read_envelope(path: Path | str, *, limits: Limits = DEFAULT_LIMITS) -> Envelope:
    """The checked envelope of a sealed bundle (signature and payload SHA-256); nothing is decrypted."""
    with open(path, "rb") as fh:
        entry, envelope = _open_envelope(fh, Path(path), limits)
        fh.seek(entry.data_offset)
        sha, left = hashlib.sha256(), envelope.payload_size
        while left:
            chunk = fh.read(min(_READ, left))
            if not chunk:
                raise damaged()
            sha.update(chunk)
            left -= len(chunk)
    if sha.hexdigest() != envelope.payload_sha256:
        raise damaged()
    return envelope


class _PayloadReader:
    """The ciphertext for pyrage, read from its place in the zip, hashed as it goes; never past its size."""

    def __init__(self, fh: BinaryIO, offset: int, size: int, cancelled: Any):
        self.fh, self.left, self.sha, self.cancelled = fh, size, hashlib.sha256(), cancelled
        self.was_cancelled = False
        fh.seek(offset)

    def read(self, n: int = -1) -> bytes:
        if is_cancelled(self.cancelled):
            self.was_cancelled = True
            return b""  # age then fails on the short stream; the caller says cancelled
        n = self.left if n is None or n < 0 else min(n, self.left)
        chunk = self.fh.read(n) if n else b""
        self.left -= len(chunk)
        self.sha.update(chunk)
        return chunk


def not_for_me(envelope: Envelope, own_fingerprint: str) -> BundleError:
    return BundleError("not_for_me", BUNDLE_ADDRESSED_COMPUTER_RECIPIENTS(envelope.names(), own_fingerprint))


def check_recipients(envelope: Envelope, keystore) -> None:
    """This laptop must be a recipient, and no recipient's key revoked here (a revoked key could read it)."""
    own = keystore.own_key()
    for r in envelope.recipients:
        if keystore.status(r.key_id) == "revoked":
            raise BundleError("revoked_recipient",
                              BUNDLE_ENCRYPTED_KEY_S(r.label))
    if own.key_id not in {r.key_id for r in envelope.recipients}:
        raise not_for_me(envelope, own.fingerprint)


def unseal(path: Path, keystore, *, limits: Limits = DEFAULT_LIMITS, cancelled: Any = None) -> Unsealed:
    """Decrypt a sealed bundle for this laptop into a private temporary file (see the module's note)."""
    import pyrage
    with open(path, "rb") as fh:
        entry, envelope = _open_envelope(fh, path, limits)
        check_recipients(envelope, keystore)
        identity = keystore.decryption_identity()
        holder = tempfile.TemporaryDirectory(prefix="inspector-open-")
        plain = Path(holder.name) / "bundle.zip"
        reader = _PayloadReader(fh, entry.data_offset, envelope.payload_size, cancelled)
        try:
            with open(plain, "wb") as out:
                pyrage.decrypt_io(reader, out, [identity])
        except (pyrage.DecryptError, OSError) as exc:
            holder.cleanup()
            if reader.was_cancelled:
                raise BundleCancelled(CHECKING_CANCELLED()) from None
            if isinstance(exc, OSError) and exc.errno is not None:  # this laptop's disk, not the bundle
                raise BundleError("unreadable", CANNOT_DECRYPT(path.name, exc.strerror or exc)) from None
            raise damaged() from None  # age refuses changed ciphertext (its header MAC and chunk tags)
        except BaseException:
            holder.cleanup()
            raise
    if reader.left or reader.sha.hexdigest() != envelope.payload_sha256:
        holder.cleanup()
        raise damaged()
    return Unsealed(plain, envelope, holder)


def recipients_in_head(head: Any) -> list[str] | None:
    """The recipients' key ids a signed bundle.json names (None: it says it is not encrypted)."""
    encryption = head.get("encryption") if isinstance(head, dict) else None
    if not isinstance(encryption, dict) or encryption.get("format") != ENCRYPTION:
        return None
    return sorted(r.get("key_id", "") for r in encryption.get("recipients") or [] if isinstance(r, dict))


def encryption_head(recipients: list[Recipient] | None) -> dict:
    """bundle.json's "encryption": the format and recipients, or {"format": "plain"} when the plan chose none."""
    if recipients is None:
        return {"format": "plain"}
    return {"format": ENCRYPTION, "recipients": [r.to_json() for r in recipients]}


__all__ = ["DAMAGED", "ENCRYPTION", "Envelope", "Recipient", "Unsealed", "check_recipients", "damaged",
           "encryption_head", "fingerprint", "is_sealed", "not_for_me", "read_envelope", "recipients_in_head",
           "seal", "unseal"]
