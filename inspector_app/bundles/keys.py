"""This install's signing key and the list of keys it trusts.

Files, all under `<data folder>/keys/`:

- `own.key`: the Ed25519 private key, PKCS8 PEM, mode 0600, optionally
  encrypted with a passphrase (`BestAvailableEncryption`).
- `own.pub`: the matching public key (SubjectPublicKeyInfo PEM), so that the
  key id and fingerprint can be shown without the passphrase.
- `trusted.json`: trusted keys, revoked keys and keys seen on held bundles;
  rewritten whole and atomically (temporary name, fsync, rename), so it is
  never partially written; each change reads and writes it under
  `trusted.json.lock`, so two processes never lose each other's change.

Key ids, fingerprints and the public key file: `bundles/public_keys.py`.
"""
from __future__ import annotations

import base64
import contextlib
import datetime as _dt
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from inspector_app.bundles import canonical
from inspector_app.bundles.canonical import BundleError
from inspector_app.bundles.public_keys import (clean_label, fingerprint, fingerprint_of_id, key_id, make_public_file,
                                               normalize_fingerprint, parse_public_file, parse_public_pem, public_pem,
                                               raw_public)
from inspector_app.fsutil import StorageError, fsync_dir, write_atomic

TRUST_FORMAT = "inspector-trust/1"
MAX_SEEN = 500
TRUST_LOCK_WAIT_S = 10  # another process's edit of the trust list takes milliseconds


def _now() -> str:
    # informational only: nothing depends on the clock being right
    return _dt.datetime.now().astimezone().replace(microsecond=0).isoformat()


def _passphrase_bytes(passphrase: str | bytes | None) -> bytes | None:
    if passphrase is None or passphrase == "" or passphrase == b"":
        return None
    return passphrase.encode("utf-8") if isinstance(passphrase, str) else bytes(passphrase)


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

class KeyStore:
    """Own key pair plus the trust list, kept in `<data_dir>/keys/`."""

    def __init__(self, data_dir: Path | str, passphrase: str | bytes | None = None):
        self.data_dir = Path(data_dir)
        self.folder = self.data_dir / "keys"
        self._passphrase = _passphrase_bytes(passphrase)
        self._private: Ed25519PrivateKey | None = None
        self._own: PublicKeyInfo | None = None
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
            raise BundleError("key_storage", f"无法创建密钥文件夹 {self.folder}：{exc.strerror or exc}") from None

    # ---- own key
    def has_own_key(self) -> bool:
        return self.private_path.exists()

    def is_encrypted(self) -> bool:
        try:
            return b"ENCRYPTED" in self.private_path.read_bytes()[:64]
        except OSError:
            return False

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
        enc = (serialization.BestAvailableEncryption(self._passphrase) if self._passphrase
               else serialization.NoEncryption())
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, enc)
        pub = raw_public(key.public_key())
        fd, tmp_name = tempfile.mkstemp(prefix=".own.key.", suffix=".part", dir=self.folder)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(pem)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o600)
            try:
                os.link(tmp, self.private_path)  # never replaces a key made meanwhile
            except FileExistsError:
                return  # another process made the key first: use theirs
            except OSError:
                if self.private_path.exists():
                    return
                os.replace(tmp, self.private_path)
            fsync_dir(self.folder)
        except OSError as exc:
            raise BundleError("key_storage", f"无法保存签名密钥：{exc.strerror or exc}") from None
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
        self._private = key
        self._write_public(pub)

    def _write_public(self, pub: bytes) -> None:
        try:
            write_atomic(self.public_path, public_pem(pub), mode=0o644)
        except StorageError as exc:
            raise BundleError("key_storage", str(exc)) from None

    def _load_private(self) -> Ed25519PrivateKey:
        if self._private is not None:
            return self._private
        try:
            pem = self.private_path.read_bytes()
        except OSError as exc:
            raise BundleError("key_storage", f"无法读取签名密钥 {self.private_path}：{exc.strerror or exc}") from None
        encrypted = b"ENCRYPTED" in pem[:64]
        if encrypted and not self._passphrase:
            raise BundleError("key_locked", "本机签名密钥设有口令，请先输入口令。")
        try:
            key = serialization.load_pem_private_key(pem, password=self._passphrase if encrypted else None)
        except (ValueError, TypeError):
            if encrypted:
                raise BundleError("bad_passphrase", "签名密钥的口令不正确。") from None
            raise BundleError("key_storage", f"签名密钥文件 {self.private_path} 已损坏。") from None
        if not isinstance(key, Ed25519PrivateKey):
            raise BundleError("key_storage", "签名密钥不是 Ed25519 类型。")
        self._private = key
        return key

    def sign(self, data: bytes) -> bytes:
        self.own_key()
        key = self._load_private()
        pub = raw_public(key.public_key())
        if key_id(pub) != self.own_key().key_id:
            raise BundleError("key_storage", "签名密钥与公钥文件不一致，请检查密钥文件夹。")
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
            raise BundleError("key_storage", f"无法读取信任列表 {self.trust_path}：{exc.strerror or exc}") from None
        try:
            doc = canonical.loads(raw)
        except BundleError as exc:
            raise BundleError("key_storage", f"信任列表 {self.trust_path} 已损坏：{exc.message}") from None
        if not isinstance(doc, dict) or doc.get("format") != TRUST_FORMAT:
            raise BundleError("key_storage", f"信任列表 {self.trust_path} 格式不正确。")
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
            raise BundleError("key_storage", f"信任列表 {self.trust_path} 正被另一个 Inspector 程序修改，"
                                             "请稍后再试。") from None
        except OSError as exc:
            raise BundleError("key_storage", f"无法锁定信任列表 {self.trust_path}：{exc.strerror or exc}") from None
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

    def trust_many(self, keys: list[tuple[bytes, str, str]]) -> list[str]:
        """Trust several (raw public key, name, role) in one edit of the trust list, written once
        (a plan package trusting a province's experts one by one would rewrite the file for each);
        a revoked key among them refuses them all. Returns their key ids."""
        checked = []
        for pub, name, role in keys:
            pub = bytes(pub)
            if len(pub) != 32:
                raise BundleError("bad_public_key", "公钥长度不正确（应为 32 字节）。")
            try:
                Ed25519PublicKey.from_public_bytes(pub)
            except ValueError:
                raise BundleError("bad_public_key", "公钥无效。") from None
            checked.append((pub, key_id(pub), clean_label(name) or "未命名", clean_label(role)))
        if not checked:
            return []
        with self._editing_trust() as doc:
            for pub, kid, _name, _role in checked:
                if kid in doc["revoked"]:
                    raise BundleError("revoked_key", f"密钥 {fingerprint(pub)} 已被吊销"
                                                     f"（{doc['revoked'][kid].get('reason', '')}），不能再次信任。")
            if all(doc["trusted"].get(kid, {}).get("name") == name and doc["trusted"][kid].get("role", "") == role
                   and kid not in doc["seen"] for _pub, kid, name, role in checked):
                return [kid for _pub, kid, _name, _role in checked]  # nothing changes: the file is not rewritten
            for pub, kid, name, role in checked:
                doc["trusted"][kid] = {
                    "public_key": base64.b64encode(pub).decode("ascii"),
                    "name": name, "role": role,
                    "added": doc["trusted"].get(kid, {}).get("added") or _now(),
                }
                doc["seen"].pop(kid, None)
            self._save_trust(doc)
        return [kid for _pub, kid, _name, _role in checked]

    def trust_fingerprint(self, fp: str, name: str, role: str = "") -> str:
        """Trust a key seen on a held bundle, identified by the fingerprint read aloud."""
        norm = normalize_fingerprint(fp)
        if norm is None:
            raise BundleError("bad_fingerprint", f"“{fp}”不是有效的指纹（应为 16 个字母或数字，如 K3QF-7ZPA-M2XD-4HBE）。")
        doc = self._trust_index()
        for section in ("seen", "trusted"):
            for kid, rec in doc[section].items():
                if fingerprint_of_id(kid) == norm:
                    return self.trust(base64.b64decode(rec["public_key"]), name or rec.get("name", ""), role)
        for kid in doc["revoked"]:
            if fingerprint_of_id(kid) == norm:
                raise BundleError("revoked_key", f"密钥 {norm} 已被吊销，不能再次信任。")
        raise BundleError("unknown_fingerprint",
                          f"没有见过指纹为 {norm} 的密钥。请先导入该人员的数据包（会被暂存），或使用其公钥文件（.pub）。")

    def remember_seen(self, pub: bytes, source: str = "") -> None:
        """Keep the public key of an unknown signer so it can be trusted by fingerprint later."""
        kid = key_id(pub)
        with self._editing_trust() as doc:
            if kid in doc["trusted"] or kid in doc["revoked"] or kid in doc["seen"]:
                return
            doc["seen"][kid] = {"public_key": base64.b64encode(bytes(pub)).decode("ascii"),
                                "first_seen": _now(), "source": clean_label(source)}
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
            raise BundleError("ambiguous_key", f"有多个名为“{ref}”的密钥，请改用指纹。")
        raise BundleError("unknown_key", f"找不到密钥“{ref}”（可以用指纹、密钥编号或已信任的名字）。")

    # ---- public key files
    def export_public(self, name: str = "") -> bytes:
        """A small text file: name, fingerprint, key id and the PEM public key."""
        own = self.own_key()
        return make_public_file(own.public_key, name)

    def import_public(self, file: Path | str | bytes) -> tuple[bytes, str]:
        """Read a public key file (from `export_public`, or a bare PEM); returns (raw key, name)."""
        if isinstance(file, (bytes, bytearray)):
            data = bytes(file)
        else:
            try:
                with open(file, "rb") as handle:
                    data = handle.read(64 * 1024 + 1)
            except OSError as exc:
                raise BundleError("bad_public_key", f"无法读取公钥文件 {file}：{exc.strerror or exc}") from None
        return parse_public_file(data)
