"""This install's signing key and the list of keys it trusts.

Files, all under `<data folder>/keys/`:

- `own.key`: the Ed25519 private key, PKCS8 PEM, mode 0600, optionally
  protected by a passphrase (age passphrase mode, scrypt: `bundles/keyfiles.py`).
- `own.pub`: the matching public key (SubjectPublicKeyInfo PEM), so that the
  key id and fingerprint can be shown without the passphrase.
- `trusted.json`: trusted keys, revoked keys and keys seen on held bundles;
  rewritten whole and atomically (temporary name, fsync, rename), so it is
  never partially written; each change reads and writes it under
  `trusted.json.lock`, so two processes never lose each other's change.

Key ids, fingerprints and the public key file: `bundles/public_keys.py`; the encryption key and the
passphrase: `bundles/own_encryption.py`.
"""
from __future__ import annotations

import base64
import contextlib
import datetime as _dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from inspector_app.bundles import canonical, keyfiles
from inspector_app.bundles.agekeys import check_binding
from inspector_app.bundles.own_encryption import OwnEncryption, passphrase_bytes as _passphrase_bytes
from inspector_app.bundles.canonical import BundleError
from inspector_app.bundles.public_keys import (PUBLIC_FILE_HEADER, clean_label, fingerprint, fingerprint_of_id,  # noqa: F401
                                          key_id, make_public_file, normalize_fingerprint, parse_public_file,
                                          parse_public_file_full, parse_public_pem, public_pem, raw_public,
                                          verify_signature)
from inspector_app.fsutil import StorageError, write_atomic
from inspector_app.said import Said

KEY_FINGERPRINT_HAS_BEEN = Said('没有见过指纹为 {0} 的密钥。请先导入该人员的数据包（会被暂存），或使用其公钥文件（.pub）。',
                                 'No key with fingerprint {0} has been seen. Import a bundle of that person first (it is held), or use their public key file (.pub).')
KEY_FOUND_GIVE_FINGERPRINT = Said('找不到密钥“{0}”（可以用指纹、密钥编号或已信任的名字）。',
                                   'Key "{0}" not found (give a fingerprint, a key id or a trusted name).')
SIGNING_KEY_PUBLIC_KEY = Said('签名密钥与公钥文件不一致，请检查密钥文件夹。',
                               'The signing key and the public key file do not match; check the key folder.')
TRUST_LIST_RIGHT_FORMAT = Said('信任列表 {0} 格式不正确。',
                                'Trust list {0} is not in the right format.')
VALID_FINGERPRINT_16_LETTERS = Said('“{0}”不是有效的指纹（应为 16 个字母或数字，如 K3QF-7ZPA-M2XD-4HBE）。',
                                     '"{0}" is not a valid fingerprint (16 letters or digits, like K3QF-7ZPA-M2XD-4HBE).')
SEVERAL_KEYS_NAMED_USE = Said('有多个名为“{0}”的密钥，请改用指纹。',
                               'Several keys are named "{0}": use the fingerprint instead.')
CREATE_KEY_FOLDER = Said('无法创建密钥文件夹 {0}：{1}',
                          'Cannot create key folder {0}: {1}')
READ_TRUST_LIST = Said('无法读取信任列表 {0}：{1}',
                        'Cannot read trust list {0}: {1}')
TRUST_LIST_DAMAGED = Said('信任列表 {0} 已损坏：{1}',
                           'Trust list {0} is damaged: {1}')
TRUST_LIST_BEING_CHANGED = Said('信任列表 {0} 正被另一个 Inspector 程序修改，请稍后再试。',
                                 'Trust list {0} is being changed by another Inspector; try again shortly.')
LOCK_TRUST_LIST = Said('无法锁定信任列表 {0}：{1}',
                        'Cannot lock trust list {0}: {1}')
PUBLIC_KEY_HAS_WRONG = Said('公钥长度不正确（应为 32 字节）。',
                             'The public key has the wrong length (it must be 32 bytes).')
ENCRYPTION_KEY_CARRIES_VALID = Said('{0} 的加密公钥没有其签名密钥的有效签名，可能被改动过；没有信任任何密钥。',
                                     'The encryption key of {0} carries no valid signature of its signing key: it may have been changed; no key was trusted.')
KEY_HAS_BEEN_REVOKED = Said('密钥 {0} 已被吊销，不能再次信任。',
                             'Key {0} has been revoked: it cannot be trusted again.')
INVALID_PUBLIC_KEY = Said('公钥无效。',
                           'Invalid public key.')
KEY_HAS_BEEN_REVOKED_2 = Said('密钥 {0} 已被吊销（{1}），不能再次信任。',
                               'Key {0} has been revoked ({1}): it cannot be trusted again.')
READ_PUBLIC_KEY_FILE = Said('无法读取公钥文件 {0}：{1}',
                             'Cannot read public key file {0}: {1}')

TRUST_FORMAT = "inspector-trust/1"
MAX_SEEN = 500
TRUST_LOCK_WAIT_S = 10  # another process's edit of the trust list takes milliseconds


def _now() -> str:
    # informational only: nothing depends on the clock being right
    return _dt.datetime.now().astimezone().replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class PublicKeyInfo:
    key_id: str
    public_key: bytes  # 32 raw bytes
    fingerprint: str


@dataclass(frozen=True)
class KeyRecord:
    key_id: str
    status: str          # "own" | "trusted" | "revoked" | "seen"
    fingerprint: str
    name: str = ""
    role: str = ""
    added: str = ""
    revoked: str = ""
    reason: str = ""
    source: str = ""


# --------------------------------------------------------------------------- store

class KeyStore(OwnEncryption):
    """Own key pair plus the trust list, kept in `<data_dir>/keys/`."""

    def __init__(self, data_dir: Path | str, passphrase: str | bytes | None = None,
                 ask: Callable[[], str | None] | None = None):
        """`ask()`: called once for the passphrase when a protected key is first needed (a terminal's getpass);
        a window asks on its own thread beforehand (`needs_passphrase`, `unlock`)."""
        self.data_dir = Path(data_dir)
        self.folder = self.data_dir / "keys"
        self._passphrase = _passphrase_bytes(passphrase)
        self._ask = ask
        self._private: Ed25519PrivateKey | None = None
        self._identity = None
        self._own: PublicKeyInfo | None = None
        self._own_encryption: tuple[str, str] | None = None
        self._trust_lock: FileLock | None = None
        # The parsed trust list, kept while trusted.json is unchanged on disk (same inode, size and mtime):
        # a merge asks for every bundle's signer, and parsing the file each time grows with the list.
        self._trust_cache: tuple[tuple[int, int, int], dict] | None = None

    # ---- paths
    @property
    def private_path(self) -> Path:
        return self.folder / "own.key"

    @property
    def public_path(self) -> Path:
        return self.folder / "own.pub"

    @property
    def trust_path(self) -> Path:
        return self.folder / "trusted.json"

    def _ensure_folder(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(OSError):
                os.chmod(self.folder, 0o700)
        except OSError as exc:
            raise BundleError("key_storage", CREATE_KEY_FOLDER(self.folder, exc.strerror or exc)) from None

    # ---- own key
    def has_own_key(self) -> bool:
        return self.private_path.exists()

    def is_encrypted(self) -> bool:
        return keyfiles.is_protected(self.private_path)

    def needs_passphrase(self) -> bool:
        """True while a passphrase is needed and not yet given (ask for it before any signing or decrypting)."""
        return self._passphrase is None and self.is_encrypted()

    def unlock(self, passphrase: str | bytes | None) -> None:
        """Check a passphrase against both private keys; BundleError (bad_passphrase) when it is wrong."""
        before = self._passphrase
        self._passphrase, self._private, self._identity = _passphrase_bytes(passphrase), None, None
        try:
            self._load_private()
            if self.encryption_private_path.exists():
                self._load_identity()
        except BundleError:
            self._passphrase = before
            raise

    def _ask_passphrase(self) -> None:
        if self._passphrase is None and self._ask is not None:
            self._passphrase = _passphrase_bytes(self._ask())

    def own_key(self) -> PublicKeyInfo:
        """This install's public key; the key pair is made on first use."""
        if self._own is not None:
            return self._own
        if not self.private_path.exists():
            self._generate()
        pub = None
        with contextlib.suppress(OSError, BundleError):
            pub = parse_public_pem(self.public_path.read_bytes())
        if pub is None:
            # own.pub lost or damaged: rebuild it from the private key
            pub = raw_public(self._load_private().public_key())
            self._write_public(pub)
        self._own = PublicKeyInfo(key_id(pub), pub, fingerprint(pub))
        return self._own

    def _generate(self) -> None:
        self._ensure_folder()
        key = Ed25519PrivateKey.generate()
        if keyfiles.write_new(self.private_path, keyfiles.private_pem(key, self._passphrase), "签名密钥"):
            self._private = key
            self._write_public(raw_public(key.public_key()))

    def _write_public(self, pub: bytes) -> None:
        try:
            write_atomic(self.public_path, public_pem(pub), mode=0o644)
        except StorageError as exc:
            raise BundleError("key_storage", str(exc)) from None

    def _load_private(self) -> Ed25519PrivateKey:
        if self._private is None:
            if keyfiles.is_protected(self.private_path):
                self._ask_passphrase()
            self._private = keyfiles.load(self.private_path, self._passphrase, Ed25519PrivateKey, "签名密钥")
        return self._private

    def sign(self, data: bytes) -> bytes:
        self.own_key()
        key = self._load_private()
        pub = raw_public(key.public_key())
        if key_id(pub) != self.own_key().key_id:
            raise BundleError("key_storage", SIGNING_KEY_PUBLIC_KEY())
        return key.sign(bytes(data))

    # ---- trust list
    def _trust_signature(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.trust_path)
        except OSError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _trust_index(self) -> dict:
        """The trust list for reading: parsed once, then again only when the file changes.
        Callers must not change it (edits go through `_editing_trust`)."""
        signature = self._trust_signature()
        if signature is not None and self._trust_cache is not None and self._trust_cache[0] == signature:
            return self._trust_cache[1]
        doc = self._load_trust()
        if signature is not None and signature == self._trust_signature():
            self._trust_cache = (signature, doc)
        return doc

    def _load_trust(self) -> dict:
        try:
            raw = self.trust_path.read_bytes()
        except FileNotFoundError:
            return {"format": TRUST_FORMAT, "trusted": {}, "revoked": {}, "seen": {}}
        except OSError as exc:
            raise BundleError("key_storage", READ_TRUST_LIST(self.trust_path, exc.strerror or exc)) from None
        try:
            doc = canonical.loads(raw)
        except BundleError as exc:
            raise BundleError("key_storage", TRUST_LIST_DAMAGED(self.trust_path, exc.message)) from None
        if not isinstance(doc, dict) or doc.get("format") != TRUST_FORMAT:
            raise BundleError("key_storage", TRUST_LIST_RIGHT_FORMAT(self.trust_path))
        for section in ("trusted", "revoked", "seen"):
            if not isinstance(doc.get(section), dict):
                doc[section] = {}
        return doc

    @contextlib.contextmanager
    def _editing_trust(self):
        """Read, change and write the trust list with no other process in between (the window and a
        command line may both be merging); the lock is reentrant, so one edit may call another."""
        self._ensure_folder()
        if self._trust_lock is None:
            self._trust_lock = FileLock(str(self.folder / "trusted.json.lock"), timeout=TRUST_LOCK_WAIT_S)
        try:
            self._trust_lock.acquire()
        except Timeout:
            raise BundleError("key_storage", TRUST_LIST_BEING_CHANGED(self.trust_path)) from None
        except OSError as exc:
            raise BundleError("key_storage", LOCK_TRUST_LIST(self.trust_path, exc.strerror or exc)) from None
        try:
            yield self._load_trust()
        finally:
            self._trust_lock.release()

    def _save_trust(self, doc: dict) -> None:
        self._ensure_folder()
        self._trust_cache = None
        try:
            write_atomic(self.trust_path, canonical.dumps(doc) + b"\n", mode=0o644)
        except StorageError as exc:
            raise BundleError("key_storage", str(exc)) from None
        signature = self._trust_signature()
        if signature is not None:
            self._trust_cache = (signature, doc)

    def status(self, kid: str) -> str:
        """"own", "trusted", "revoked" or "unknown". Revocation wins over everything."""
        doc = self._trust_index()
        if kid in doc["revoked"]:
            return "revoked"
        if self.private_path.exists() and kid == self.own_key().key_id:
            return "own"
        if kid in doc["trusted"]:
            return "trusted"
        return "unknown"

    def trust(self, pub: bytes, name: str, role: str = "") -> str:
        """Trust a raw public key under a name; returns its key id."""
        return self.trust_many([(pub, name, role)])[0]

    def trust_many(self, keys: list[tuple]) -> list[str]:
        """Trust several (raw public key, name, role[, (age recipient, binding) or None]) in one edit of the
        trust list, written once (a plan package trusting a province's experts one by one would rewrite the
        file for each); a revoked key among them refuses them all, and so does an encryption key not signed
        by its signing key. Returns their key ids."""
        checked = []
        for pub, name, role, *more in keys:
            pub = bytes(pub)
            if len(pub) != 32:
                raise BundleError("bad_public_key", PUBLIC_KEY_HAS_WRONG())
            try:
                Ed25519PublicKey.from_public_bytes(pub)
            except ValueError:
                raise BundleError("bad_public_key", INVALID_PUBLIC_KEY()) from None
            encryption = more[0] if more else None
            if encryption is not None and not check_binding(pub, *encryption):
                raise BundleError("bad_public_key", ENCRYPTION_KEY_CARRIES_VALID(clean_label(name) or fingerprint(pub)))
            checked.append((pub, key_id(pub), clean_label(name) or "未命名", clean_label(role), encryption))
        if not checked:
            return []
        with self._editing_trust() as doc:
            for pub, kid, _name, _role, _enc in checked:
                if kid in doc["revoked"]:
                    raise BundleError("revoked_key", KEY_HAS_BEEN_REVOKED_2(fingerprint(pub), doc['revoked'][kid].get('reason', '')))
            if all(doc["trusted"].get(kid, {}).get("name") == name and doc["trusted"][kid].get("role", "") == role
                   and (enc is None or _encryption(doc["trusted"][kid]) == tuple(enc)) and kid not in doc["seen"]
                   for _pub, kid, name, role, enc in checked):
                return [c[1] for c in checked]  # nothing changes: the file is not rewritten
            for pub, kid, name, role, enc in checked:
                old = doc["trusted"].get(kid, {})
                enc = tuple(enc) if enc else _encryption(old) or _encryption(doc["seen"].get(kid, {}))
                doc["trusted"][kid] = {
                    "public_key": base64.b64encode(pub).decode("ascii"),
                    "name": name, "role": role,
                    "added": old.get("added") or _now(),
                    **_encryption_fields(enc),
                }
                doc["seen"].pop(kid, None)
            self._save_trust(doc)
        return [c[1] for c in checked]

    def learn_encryption(self, pub: bytes, encryption: tuple[str, str] | None) -> None:
        """Record the encryption key a known (trusted or seen) signer carries, once its binding verifies."""
        kid = key_id(pub)
        if encryption is None or not check_binding(pub, *encryption) or kid == self.own_key().key_id:
            return
        doc = self._trust_index()
        section = next((s for s in ("trusted", "seen") if kid in doc[s]), None)
        if section is None or _encryption(doc[section][kid]) == tuple(encryption):
            return
        with self._editing_trust() as doc:
            for section in ("trusted", "seen"):
                if kid in doc[section]:
                    doc[section][kid].update(_encryption_fields(encryption))
            self._save_trust(doc)

    def encryption_of(self, kid: str) -> tuple[str, str] | None:
        """(age recipient, binding) this laptop knows for a key: its own, or a trusted key's; None otherwise."""
        if self.private_path.exists() and kid == self.own_key().key_id:
            return self.own_encryption()
        return _encryption(self._trust_index()["trusted"].get(kid, {}))

    def trust_fingerprint(self, fp: str, name: str, role: str = "") -> str:
        """Trust a key seen on a held bundle, identified by the fingerprint read aloud."""
        norm = normalize_fingerprint(fp)
        if norm is None:
            raise BundleError("bad_fingerprint", VALID_FINGERPRINT_16_LETTERS(fp))
        doc = self._trust_index()
        for section in ("seen", "trusted"):
            for kid, rec in doc[section].items():
                if fingerprint_of_id(kid) == norm:
                    return self.trust_many([(base64.b64decode(rec["public_key"]), name or rec.get("name", ""), role,
                                             _encryption(rec))])[0]
        for kid in doc["revoked"]:
            if fingerprint_of_id(kid) == norm:
                raise BundleError("revoked_key", KEY_HAS_BEEN_REVOKED(norm))
        raise BundleError("unknown_fingerprint",
                          KEY_FINGERPRINT_HAS_BEEN(norm))

    def remember_seen(self, pub: bytes, source: str = "", encryption: tuple[str, str] | None = None) -> None:
        """Keep the public key of an unknown signer so it can be trusted by fingerprint later (with the
        encryption key its bundle carried, when its binding verifies)."""
        kid = key_id(pub)
        if encryption is not None and not check_binding(pub, *encryption):
            encryption = None
        with self._editing_trust() as doc:
            if kid in doc["trusted"] or kid in doc["revoked"] or kid in doc["seen"]:
                return
            doc["seen"][kid] = {"public_key": base64.b64encode(bytes(pub)).decode("ascii"),
                                "first_seen": _now(), "source": clean_label(source), **_encryption_fields(encryption)}
            if len(doc["seen"]) > MAX_SEEN:  # keep the newest
                oldest = sorted(doc["seen"], key=lambda k: doc["seen"][k].get("first_seen", ""))
                for k in oldest[:len(doc["seen"]) - MAX_SEEN]:
                    doc["seen"].pop(k)
            self._save_trust(doc)

    def revoke(self, kid: str, reason: str = "") -> None:
        with self._editing_trust() as doc:
            known = self.public_key_of(kid)
            rec = doc["trusted"].pop(kid, None) or {}
            doc["seen"].pop(kid, None)
            doc["revoked"][kid] = {
                "name": rec.get("name", ""),
                "public_key": base64.b64encode(known).decode("ascii") if known else "",
                "revoked": _now(), "reason": clean_label(reason) or "未说明",
            }
            self._save_trust(doc)

    def public_key_of(self, kid: str) -> bytes | None:
        if self.private_path.exists() and kid == self.own_key().key_id:
            return self.own_key().public_key
        doc = self._trust_index()
        for section in ("trusted", "seen", "revoked"):
            rec = doc[section].get(kid)
            if rec and rec.get("public_key"):
                return base64.b64decode(rec["public_key"])
        return None

    def name_of(self, kid: str) -> str:
        doc = self._trust_index()
        for section in ("trusted", "revoked"):
            if kid in doc[section] and doc[section][kid].get("name"):
                return doc[section][kid]["name"]
        if self.private_path.exists() and kid == self.own_key().key_id:
            return "本机"
        return ""

    def records(self) -> list[KeyRecord]:
        doc = self._trust_index()
        out: list[KeyRecord] = []
        if self.private_path.exists():
            own = self.own_key()
            out.append(KeyRecord(own.key_id, "own", own.fingerprint, name="本机"))
        for kid, rec in doc["trusted"].items():
            out.append(KeyRecord(kid, "trusted", fingerprint_of_id(kid), rec.get("name", ""),
                                 rec.get("role", ""), added=rec.get("added", "")))
        for kid, rec in doc["revoked"].items():
            out.append(KeyRecord(kid, "revoked", fingerprint_of_id(kid), rec.get("name", ""),
                                 revoked=rec.get("revoked", ""), reason=rec.get("reason", "")))
        for kid, rec in doc["seen"].items():
            out.append(KeyRecord(kid, "seen", fingerprint_of_id(kid), added=rec.get("first_seen", ""),
                                 source=rec.get("source", "")))
        return out

    def resolve(self, ref: str) -> str:
        """A key id from a full key id, a key-id prefix (≥ 8 hex digits), a fingerprint or a trusted name."""
        ref = ref.strip()
        candidates = {r.key_id for r in self.records()}
        low = ref.lower()
        if re.fullmatch(r"[0-9a-f]{64}", low):
            return low
        if re.fullmatch(r"[0-9a-f]{8,63}", low):
            hits = [k for k in candidates if k.startswith(low)]
            if len(hits) == 1:
                return hits[0]
        fp = normalize_fingerprint(ref)
        if fp:
            hits = [k for k in candidates if fingerprint_of_id(k) == fp]
            if len(hits) == 1:
                return hits[0]
        hits = list({r.key_id for r in self.records() if r.name == ref and r.status in ("trusted", "revoked")})
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise BundleError("ambiguous_key", SEVERAL_KEYS_NAMED_USE(ref))
        raise BundleError("unknown_key", KEY_FOUND_GIVE_FINGERPRINT(ref))

    # ---- public key files
    def export_public(self, name: str = "") -> bytes:
        """A small text file: name, fingerprint, key id, the encryption key signed by the signing key, and the
        PEM public key."""
        own = self.own_key()
        return make_public_file(own.public_key, name, self.own_encryption())

    def import_public(self, file: Path | str | bytes) -> tuple[bytes, str]:
        """Read a public key file (from `export_public`, or a bare PEM); returns (raw key, name)."""
        pub, name, _encryption = self.import_public_full(file)
        return pub, name

    def import_public_full(self, file: Path | str | bytes) -> tuple[bytes, str, tuple[str, str] | None]:
        """(raw key, name, (age recipient, binding) or None for a file made before encryption)."""
        if isinstance(file, (bytes, bytearray)):
            data = bytes(file)
        else:
            try:
                with open(file, "rb") as handle:
                    data = handle.read(64 * 1024 + 1)
            except OSError as exc:
                raise BundleError("bad_public_key", READ_PUBLIC_KEY_FILE(file, exc.strerror or exc)) from None
        return parse_public_file_full(data)


def _encryption(record: dict) -> tuple[str, str] | None:
    recipient, binding = record.get("encryption_key"), record.get("encryption_binding")
    return (recipient, binding) if isinstance(recipient, str) and isinstance(binding, str) and recipient else None


def _encryption_fields(encryption: tuple[str, str] | None) -> dict:
    return {"encryption_key": encryption[0], "encryption_binding": encryption[1]} if encryption else {}
