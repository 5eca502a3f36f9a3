"""This install's encryption key (age X25519), made beside the signing key and bound to it, and the
passphrase that protects both private keys at rest (a mixin of `keys.KeyStore`).

Files under `<data folder>/keys/`: `own-encryption.key` (X25519 private key, PKCS8 PEM, mode 0600,
protected by the signing key's passphrase when it has one, as `keyfiles` does) and `own-encryption.pub` (the age
recipient and the signing key's signature over it, one per line).
"""
from __future__ import annotations

import contextlib
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from inspector_app.bundles import keyfiles
from inspector_app.bundles.agekeys import check_binding, identity_of, make_binding, recipient_of
from inspector_app.bundles.canonical import BundleError
from inspector_app.fsutil import StorageError, write_atomic


def passphrase_bytes(passphrase: str | bytes | None) -> bytes | None:
    if passphrase is None or passphrase == "" or passphrase == b"":
        return None
    return passphrase.encode("utf-8") if isinstance(passphrase, str) else bytes(passphrase)


class OwnEncryption:
    folder: Path
    _passphrase: bytes | None
    _identity: object
    _own_encryption: tuple[str, str] | None
    private_path: Path
    # provided by KeyStore: own_key, sign, is_encrypted, _ensure_folder, _load_private, _ask_passphrase

    # ---- own encryption key (age X25519), bound to the signing key
    @property
    def encryption_private_path(self) -> Path:
        return self.folder / "own-encryption.key"

    @property
    def encryption_public_path(self) -> Path:
        return self.folder / "own-encryption.pub"

    def own_encryption(self) -> tuple[str, str]:
        """(age recipient, binding signature) of this install; the key pair is made on first use
        (an install from before encryption gets it now, signed by its existing signing key)."""
        if self._own_encryption is not None:
            return self._own_encryption
        own = self.own_key()
        with contextlib.suppress(OSError, ValueError):
            recipient, binding = self.encryption_public_path.read_text(encoding="ascii").split()[:2]
            if check_binding(own.public_key, recipient, binding):
                self._own_encryption = (recipient, binding)
                return self._own_encryption
        if not self.encryption_private_path.exists():
            self._ensure_folder()
            key = X25519PrivateKey.generate()
            if keyfiles.write_new(self.encryption_private_path, keyfiles.private_pem(key, self._passphrase_for_new()),
                                  "加密密钥"):
                self._identity = None
        recipient = recipient_of(self._load_x25519())
        binding = make_binding(self.sign, recipient)
        try:
            write_atomic(self.encryption_public_path, f"{recipient}\n{binding}\n".encode("ascii"), mode=0o644)
        except StorageError as exc:
            raise BundleError("key_storage", str(exc)) from None
        self._own_encryption = (recipient, binding)
        return self._own_encryption

    def _passphrase_for_new(self) -> bytes | None:
        """A new encryption key gets the signing key's passphrase (checked first), or none."""
        if self.is_encrypted():
            self._load_private()
            return self._passphrase
        return None

    def _load_x25519(self) -> X25519PrivateKey:
        if keyfiles.is_protected(self.encryption_private_path):
            self._ask_passphrase()
        return keyfiles.load(self.encryption_private_path, self._passphrase, X25519PrivateKey, "加密密钥")

    def _load_identity(self):
        if self._identity is None:
            self._identity = identity_of(self._load_x25519())
        return self._identity

    def decryption_identity(self):
        """The pyrage identity that opens bundles sent to this install (asks for the passphrase if needed)."""
        self.own_encryption()
        return self._load_identity()

    def set_passphrase(self, new: str | bytes | None) -> None:
        """Protect both private keys with a new passphrase (None or "" removes it); the current one must have
        been given (`unlock`). Each file is rewritten whole, atomically."""
        self.own_encryption()
        signing, x25519 = self._load_private(), self._load_x25519()
        new_bytes = passphrase_bytes(new)
        keyfiles.rewrite(self.encryption_private_path, keyfiles.private_pem(x25519, new_bytes), "加密密钥")
        keyfiles.rewrite(self.private_path, keyfiles.private_pem(signing, new_bytes), "签名密钥")
        self._passphrase = new_bytes
