"""Private key files: PKCS8 PEM written once (never replacing a key made meanwhile), mode 0600, optionally
encrypted with a passphrase (`cryptography`'s `BestAvailableEncryption`); read back with clear refusals."""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from inspector_app.bundles.canonical import BundleError
from inspector_app.fsutil import StorageError, fsync_dir, write_atomic


def private_pem(key, passphrase: bytes | None) -> bytes:
    enc = (serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption())
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, enc)


def is_encrypted_pem(path: Path) -> bool:
    try:
        return b"ENCRYPTED" in path.read_bytes()[:64]
    except OSError:
        return False


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
        raise BundleError("key_storage", f"无法保存{what}：{exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def rewrite(path: Path, pem: bytes, what: str) -> None:
    """Replace a private key file whole (a new passphrase): temporary name, fsync, rename, mode 0600."""
    try:
        write_atomic(path, pem, mode=0o600)
    except StorageError as exc:
        raise BundleError("key_storage", f"无法保存{what}：{exc}") from None


def load(path: Path, passphrase: bytes | None, key_type: type, what: str):
    """The private key in `path`; `key_locked` when it needs a passphrase and none was given,
    `bad_passphrase` when the one given is wrong, `key_storage` when the file is damaged."""
    try:
        pem = path.read_bytes()
    except OSError as exc:
        raise BundleError("key_storage", f"无法读取{what} {path}：{exc.strerror or exc}") from None
    encrypted = b"ENCRYPTED" in pem[:64]
    if encrypted and not passphrase:
        raise BundleError("key_locked", "本机密钥设有口令，请先输入口令。")
    try:
        key = serialization.load_pem_private_key(pem, password=passphrase if encrypted else None)
    except (ValueError, TypeError):
        if encrypted:
            raise BundleError("bad_passphrase", "口令不正确，本机密钥没有解锁。") from None
        raise BundleError("key_storage", f"{what}文件 {path} 已损坏。") from None
    if not isinstance(key, key_type):
        raise BundleError("key_storage", f"{what}文件 {path} 的密钥类型不对。")
    return key
