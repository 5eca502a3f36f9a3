"""Private key files: PKCS8 PEM written once (never replacing a key made meanwhile), mode 0600, optionally
protected by a passphrase; read back with clear refusals.

A protected key is the PKCS8 PEM encrypted with age's passphrase mode (https://age-encryption.org/v1,
scrypt recipient stanza, work factor chosen by pyrage/rage: about a second per key), the file being the
binary age file (it starts with `age-encryption.org/v1`). Keys protected before that are PKCS8
encrypted PEM (`cryptography`'s `BestAvailableEncryption`): they still open, and are rewritten in the age
form when the passphrase is next set."""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from inspector_app.bundles.canonical import BundleError
from inspector_app.fsutil import StorageError, fsync_dir, write_atomic
from inspector_app.said import Said

COMPUTER_KEY_HAS_PASSPHRASE = Said('本机密钥设有口令，请先输入口令。',
                                    "This computer's key has a passphrase: enter it first.")
FILE_HOLDS_WRONG_TYPE = Said('{0}文件 {1} 的密钥类型不对。',
                              '{0} file {1} holds the wrong type of key.')
CANNOT_SAVE = Said('无法保存{0}：{1}',
                    'Cannot save {0}: {1}')
CANNOT_READ = Said('无法读取{0} {1}：{2}',
                    'Cannot read {0} {1}: {2}')
FILE_DAMAGED = Said('{0}文件 {1} 已损坏。',
                     '{0} file {1} is damaged.')
WRONG_PASSPHRASE_COMPUTER_KEY = Said('口令不正确，本机密钥没有解锁。',
                                      "Wrong passphrase: this computer's key was not unlocked.")


AGE_MAGIC = b"age-encryption.org/v1\n"


def private_pem(key, passphrase: bytes | None) -> bytes:
    """The key file's bytes: PKCS8 PEM, age-encrypted with the passphrase when there is one."""
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    if not passphrase:
        return pem
    from pyrage import passphrase as age_passphrase
    return age_passphrase.encrypt(pem, passphrase.decode("utf-8"))


def _protection(head: bytes) -> str:
    """"age" (passphrase, scrypt), "pem" (encrypted PEM, the older form) or "" (no passphrase)."""
    if head.startswith(AGE_MAGIC):
        return "age"
    return "pem" if b"ENCRYPTED" in head[:64] else ""


def protection(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            return _protection(handle.read(64))
    except OSError:
        return ""


def is_protected(path: Path) -> bool:
    """True when the key file needs a passphrase (either form)."""
    return bool(protection(path))


def write_new(path: Path, pem: bytes, what: str) -> bool:
    """Write a new private key file; False when another process made one first (then use theirs)."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        try:
            os.link(tmp, path)  # never replaces a key made meanwhile
        except FileExistsError:
            return False
        except OSError:
            if path.exists():
                return False
            os.replace(tmp, path)
        fsync_dir(path.parent)
        return True
    except OSError as exc:
        raise BundleError("key_storage", CANNOT_SAVE(what, exc.strerror or exc)) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def rewrite(path: Path, pem: bytes, what: str) -> None:
    """Replace a private key file whole (a new passphrase): temporary name, fsync, rename, mode 0600."""
    try:
        write_atomic(path, pem, mode=0o600)
    except StorageError as exc:
        raise BundleError("key_storage", CANNOT_SAVE(what, exc)) from None


def load(path: Path, passphrase: bytes | None, key_type: type, what: str):
    """The private key in `path`; `key_locked` when it needs a passphrase and none was given,
    `bad_passphrase` when the one given is wrong, `key_storage` when the file is damaged."""
    try:
        pem = path.read_bytes()
    except OSError as exc:
        raise BundleError("key_storage", CANNOT_READ(what, path, exc.strerror or exc)) from None
    form = _protection(pem)
    encrypted = form == "pem"
    if form and not passphrase:
        raise BundleError("key_locked", COMPUTER_KEY_HAS_PASSPHRASE())
    if form == "age":
        from pyrage import DecryptError
        from pyrage import passphrase as age_passphrase
        try:
            pem = age_passphrase.decrypt(pem, passphrase.decode("utf-8"))
        except DecryptError:
            raise BundleError("bad_passphrase", WRONG_PASSPHRASE_COMPUTER_KEY()) from None
        except (OSError, UnicodeError, ValueError):
            raise BundleError("key_storage", FILE_DAMAGED(what, path)) from None
    try:
        key = serialization.load_pem_private_key(pem, password=passphrase if encrypted else None)
    except (ValueError, TypeError):
        if encrypted:
            raise BundleError("bad_passphrase", WRONG_PASSPHRASE_COMPUTER_KEY()) from None
        raise BundleError("key_storage", FILE_DAMAGED(what, path)) from None
    if not isinstance(key, key_type):
        raise BundleError("key_storage", FILE_HOLDS_WRONG_TYPE(what, path))
    return key
