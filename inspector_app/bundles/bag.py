"""Signed bundles: a BagIt 1.0 bag inside a zip, with a detached Ed25519 signature.

Layout (see docs/bundle-format.md for the full description):

    bagit.txt               BagIt-Version 1.0, UTF-8
    data/...                the payload
    manifest-sha256.txt     SHA-256 of every payload file
    bag-info.txt            Bagging-Date, Payload-Oxum, Inspector-* fields
    signer.pub              signer's Ed25519 public key (PEM)
    tagmanifest-sha256.txt  SHA-256 of the four files above
    signature.ed25519       Ed25519 signature over the exact bytes of the tag manifest

The reader never extracts anything to disk and never trusts the sizes in the
zip headers: every entry is read through a bounded stream.
"""
from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from inspector_app.said import Said
from inspector_app.bundles import canonical, schema
from inspector_app.bundles.canonical import BundleCancelled, BundleError, is_cancelled
from inspector_app.bundles.keys import KeyStore
from inspector_app.bundles.public_keys import fingerprint, fingerprint_of_id, key_id, parse_public_pem, verify_signature
from inspector_app.bundles.sealing import Envelope, damaged, is_sealed, recipients_in_head, sealed_head, unseal
from inspector_app.bundles.tagfiles import (BAG_INFO, BAGIT, BAGIT_TXT, ENCRYPTION_KEY, ENCRYPTION_KEY_SIGNATURE,
                                            FIELD_NAMES, MANIFEST, SIGNATURE, SIGNED_TAG_FILES, SIGNER, TAGMANIFEST,
                                            parse_info, parse_manifest)
from inspector_app.bundles.zipsafe import (DEFAULT_LIMITS, Entry, Limits, MemoryFile, Stretch, check_entries,
                                           collect, hash_entry, label_for, open_zip, read_small, show_name, tampered)

# A bundle checked (inspector bundle verify, the window's check): each part of the summary declared.

DATA_FILE_DATA_TOO = Said('数据文件 data/{0} 过大，已拒绝。',
                           'Data file data/{0} is too large; refused.')
BUNDLE_FILE_OPENED = Said('{0} 是{1}，不是数据包文件，未打开。',
                           '{0} is {1}, not a bundle file; not opened.')
BUNDLE_BAGIT_TXT_RIGHT = Said('数据包的 bagit.txt 格式不正确。',
                               "The bundle's bagit.txt is not in the right format.")
BUNDLE_BAGIT_VERSION_PROGRAM = Said('数据包的 BagIt 版本为 {0}，本程序只接受 1.0。',
                                     "The bundle's BagIt version is {0}; this program accepts only 1.0.")
BUNDLE_BAGIT_TXT_RIGHT_2 = Said('数据包的 bagit.txt 内容不正确（须为 UTF-8 编码的 BagIt 1.0）。',
                                 "The bundle's bagit.txt is not right (it must be BagIt 1.0, encoded in UTF-8).")
BUNDLE_SIGNED_SIGNATURE_ED25519 = Said('数据包没有签名（缺少 signature.ed25519），无法确认来源，不能接受。',
                                        'The bundle is not signed (signature.ed25519 is missing): its origin cannot be confirmed, so it cannot be accepted.')
SIGNER_BUNDLE_NAMES_DIFFERS = Said('数据包声明的签名人与实际签名的密钥不一致，可能被伪造，不能接受。',
                                    'The signer the bundle names differs from the key that signed it: it may be forged and cannot be accepted.')
BUNDLE_NUMBER_FILES_TOTAL = Said('数据包的文件数量或总大小与登记的不符（登记 {0}，实际 {1}.{2}），可能不完整。',
                                  "The bundle's number of files or total size differs from what it records (recorded {0}, found {1}.{2}): it may be incomplete.")
BUNDLE_SIGNING_KEY_HAS = Said('数据包的签名密钥{0}已被吊销（指纹 {1}），不能接受。',
                               "The bundle's signing key{0} has been revoked (fingerprint {1}); it cannot be accepted.")
FILE_FOUND = Said('找不到文件 {0}。',
                   'File {0} not found.')
READ_FILE = Said('无法读取文件 {0}：{1}',
                  'Cannot read file {0}: {1}')
ERROR_READING = Said('读取 {0} 时出错：{1}',
                      'Error reading {0}: {1}')
BUNDLE_LACKS_INCOMPLETE_PLEASE = Said('数据包缺少 {0}，不完整，请重新导出。',
                                       'The bundle lacks {0}: it is incomplete; please export it again.')
SIGNER_PUBLIC_KEY_BUNDLE = Said('数据包中的签名人公钥无法读取，请向发送人索取原件。',
                                 "The signer's public key in the bundle cannot be read; please ask the sender for the original.")
SIGNATURE_FILE_RIGHT_FORMAT = Said('签名文件格式不正确，无法确认数据包的来源，请向发送人索取原件。',
                                    "The signature file is not in the right format: the bundle's origin cannot be confirmed; please ask the sender for the original.")
SHOULD_LIST = Said('{0} 不应登记 {1}。',
                    '{0} should not list {1}.')
BUNDLE_COVERED_SIGNATURE_DOES = Said('数据包的 {0} 不在签名范围内（{1} 未登记），不能接受。',
                                      "The bundle's {0} is not covered by the signature ({1} does not list it); it cannot be accepted.")
BUNDLE_LACKS_SIGNED_MANIFEST = Said('数据包缺少 {0}（签名清单中有，包里没有），不完整。',
                                     'The bundle lacks {0} (the signed manifest lists it, the bundle does not hold it): it is incomplete.')
LISTS_FILE_OUTSIDE_DATA = Said('{0} 登记了 data/ 以外的文件 {1}。',
                                '{0} lists a file outside data/: {1}.')
BUNDLE_LACKS_MANIFEST_LISTS = Said('数据包缺少 {0} {1}（清单中有，包里没有），不完整。',
                                    'The bundle lacks {0} {1} (the manifest lists it, the bundle does not hold it): it is incomplete.')
CHECKING_CANCELLED = Said('已取消校验。',
                           'Checking cancelled.')
CANNOT_READ = Said('无法读取 {0}：{1}',
                    'Cannot read {0}: {1}')
SIGNATURE_FILE_DAMAGED_BUNDLE = Said('签名文件已损坏，无法确认数据包的来源，请向发送人索取原件。',
                                      "The signature file is damaged: the bundle's origin cannot be confirmed; please ask the sender for the original.")
SIGNER_PUBLIC_KEY_BUNDLE_2 = Said('数据包中的签名人公钥已损坏，请向发送人索取原件。',
                                   "The signer's public key in the bundle is damaged; please ask the sender for the original.")
BUNDLE_HOLDS_FILE_LISTED = Said('数据包中有未登记的文件 {0}（不在签名清单中），可能是后来放入的，不能接受。',
                                 'The bundle holds a file not listed in the signed manifest, {0}: it may have been put in later, so the bundle cannot be accepted.')

__all__ = ["Bag", "BagFiles", "BundleCancelled", "BundleError", "CancelFn", "ProgressFn",
           "read_bag", "read_json"]

ProgressFn = Callable[[int, int], Any]
CancelFn = Callable[[], bool]


UNKNOWN_SIGNER = Said("签名人的密钥尚未登记（指纹 {0}），已暂存其公钥；数据包未展开，也未合并。",
                      "The signer's key is not registered yet (fingerprint {0}); its public key is kept aside, and the "
                      "bundle was neither opened nor merged.")
TRUST_AFTER_CHECK = Said("请与发送人当面核对指纹后运行：inspector keys trust {0} --name 姓名",
                         "Check the fingerprint with the sender in person, then run: inspector keys trust {0} --name NAME")
NOT_BAG = Said("文件 {0} 不是 Inspector 数据包（缺少 bagit.txt）。", "{0} is not an Inspector bundle (it has no bagit.txt).")

# The most bytes of payload files one read_bag keeps for its caller (see `keep`); beyond it they are read again.
KEEP_AT_MOST = 64 * 1024 * 1024


class BagFiles(Mapping):
    """Payload files by name (without `data/`); each read is checked against the manifest again."""

    def __init__(self, bag: "Bag"):
        self._bag = bag

    def __getitem__(self, name: str) -> bytes:
        return self._bag.read(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._bag.sha256)

    def __len__(self) -> int:
        return len(self._bag.sha256)

    def __contains__(self, name: object) -> bool:
        return name in self._bag.sha256


@dataclass
class Bag:
    """A verified bundle. `files[name]` reads a payload file lazily (and re-checks its hash)."""
    path: Path
    info: dict[str, str]
    signer_key_id: str
    signer_public_key: bytes
    signer_status: str
    bundle_hash: str
    tagmanifest: bytes
    sha256: dict[str, str]           # payload name (without data/) -> hex digest
    sizes: dict[str, int]
    _entries: dict[str, Entry] = field(repr=False, default_factory=dict)
    _limits: Limits = field(repr=False, default=DEFAULT_LIMITS)
    _json: dict[str, Any] = field(repr=False, default_factory=dict)  # parsed and schema-checked, by name
    _raw: dict[str, bytes] = field(repr=False, default_factory=dict)  # verified bytes of JSON not parsed yet
    # Verified bytes of payload files the caller asked read_bag to keep (`keep`), handed out once by read or
    # copy_to instead of reading and hashing them again.
    _kept: dict[str, bytes] = field(repr=False, default_factory=dict)
    # A sealed bundle: its checked envelope, the file as it arrived (`path` is then the decrypted copy,
    # a private temporary file kept while the Bag is alive).
    sealed: Envelope | None = None
    source: Path | None = None
    _holder: Any = field(repr=False, default=None)
    # A member bundle verified where it lies, stored inside its panel bundle (`path`): (offset, size) there.
    window: tuple[int, int] | None = None

    @property
    def arrived(self) -> Path:
        """The file as it arrived (the sealed one, for a sealed bundle)."""
        return self.source or self.path

    @property
    def encryption_key(self) -> tuple[str, str] | None:
        """(age recipient, binding) the signer's bag-info carries, or None (a bundle made before encryption)."""
        recipient = self.info.get(ENCRYPTION_KEY)
        binding = self.info.get(ENCRYPTION_KEY_SIGNATURE)
        return (recipient, binding) if recipient and binding else None

    @property
    def files(self) -> BagFiles:
        return BagFiles(self)

    @property
    def signer_fingerprint(self) -> str:
        return fingerprint_of_id(self.signer_key_id)

    @property
    def kind(self) -> str:
        return self.info["Inspector-Kind"]

    def field(self, short: str) -> str | None:
        return self.info.get(FIELD_NAMES.get(short, short))

    def read(self, name: str) -> bytes:
        if name not in self.sha256:
            raise KeyError(name)
        kept = self._kept.pop(name, None)
        if kept is not None:
            return kept
        arc = "data/" + name
        try:
            with self._open() as fh:
                digest, data = collect(lambda sink: hash_entry(fh, self._entries[arc], self._limits, sink))
        except OSError as exc:
            raise BundleError("unreadable", CANNOT_READ(self.path, exc.strerror or exc)) from None
        if digest != self.sha256[name]:
            raise tampered(arc)
        return data

    def _open(self) -> BinaryIO:
        fh = open(self.path, "rb")
        return fh if self.window is None else Stretch(fh, *self.window)

    def let_go(self) -> None:
        """Drop the kept bytes not handed out (before the bag travels to another process, say)."""
        self._kept.clear()

    def leave_out(self, name: str, key: str) -> None:
        """Drop `key` from every row of the checked JSON list `name`, for a reader that does not read it
        (before the bag travels to another process, say); read_json then hands out the rows without it."""
        rows = self._json.get(name)
        if isinstance(rows, list):
            self._json[name] = [{k: v for k, v in row.items() if k != key} if isinstance(row, dict) else row
                                for row in rows]

    def copy_to(self, name: str, out: BinaryIO) -> None:
        """Stream a payload file into `out`; raises `BundleError` (bad_hash) when it changed."""
        kept = self._kept.pop(name, None)
        if kept is not None:
            out.write(kept)
            return
        arc = "data/" + name
        with self._open() as fh:
            digest = hash_entry(fh, self._entries[arc], self._limits, out.write)
        if digest != self.sha256[name]:
            raise tampered(arc)


def read_member(bag: Bag, name: str, keystore: KeyStore, *, cancelled: CancelFn | Any = None,
                keep: Callable[[str], bool] | None = None) -> Bag | None:
    """A bundle inside `bag` (a panel's member), verified from the bytes kept as the panel's own check hashed
    them (read_bag's `keep`), with nothing copied out; its files are read later from its stretch of the
    panel's file, each checked against its manifest again. None when those bytes were not kept or it is
    compressed inside: the caller copies it out and reads the copy."""
    entry = bag._entries.get("data/" + name)
    if entry is None or entry.info.compress_type != zipfile.ZIP_STORED or name not in bag._kept:
        return None
    member = _read_bag(MemoryFile(bag._kept.pop(name)), bag.path, keystore, bag._limits, True, None, cancelled,
                       None, keep)
    member.window = (entry.data_offset, entry.info.file_size)
    _check_json(member)
    return member


def _check_json(bag: Bag) -> None:
    for name in schema.files_of(bag.kind, bag.sha256):
        read_json(bag, name)  # every JSON file has its shape, whether the merge reads it or not


def read_json(bag: Bag, name: str, *, max_bytes: int = canonical.MAX_BYTES) -> Any:
    """A JSON payload file, parsed strictly (see canonical.loads) and checked against its schema.

    Parsed once per bag: the value is kept and handed out again (callers read it, never change it)."""
    if name in bag.sizes and bag.sizes[name] > max_bytes:
        raise BundleError("json_too_large", DATA_FILE_DATA_TOO(show_name(name)))
    if name in bag._json:
        return bag._json[name]
    data = bag._raw.pop(name, None)  # verified as read_bag hashed it, or read (and hashed) again now
    try:
        value = canonical.loads(bag.files[name] if data is None else data, max_bytes=max_bytes)
    except BundleError as exc:
        if exc.code.startswith("json_"):
            raise BundleError(exc.code, f"data/{show_name(name)}：{exc.message}") from None
        raise
    schema.check(bag.kind, name, value)  # every field has its type before anyone reads it
    bag._json[name] = value
    return value


def refuse_non_regular(path: Path) -> None:
    """A FIFO, a device or a folder named *.zip is refused without opening it (opening a FIFO blocks)."""
    import stat
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise BundleError("not_found", FILE_FOUND(path)) from None
    except OSError as exc:
        raise BundleError("unreadable", READ_FILE(path, exc.strerror or exc)) from None
    if not stat.S_ISREG(mode):
        what = "文件夹" if stat.S_ISDIR(mode) else "管道、设备或其他特殊文件"
        raise BundleError("not_regular", BUNDLE_FILE_OPENED(path, what))


def read_bag(path: Path | str, keystore: KeyStore, *, limits: Limits = DEFAULT_LIMITS,
             remember_unknown: bool = True, progress: ProgressFn | None = None,
             cancelled: CancelFn | Any = None, check_json: bool = True,
             only: frozenset[str] | None = None, keep: Callable[[str], bool] | None = None,
             data: bytes | None = None) -> Bag:
    """Verify a bundle in place (nothing is extracted) and return it.

    Raises `BundleError` with a stable code for every problem. A bundle signed
    by an unknown key is refused with code `unknown_key`; its public key is
    kept in the key store's "seen" list (unless remember_unknown=False) so the
    panel lead can trust it by fingerprint.

    `keep`: payload names (without data/) whose verified bytes the caller will read next (a panel's member
    bundles, an expert's photos): kept as they are hashed, up to KEEP_AT_MOST bytes in all, so they are not
    read and hashed a second time.

    `data`: the file's bytes, read once by the caller (which keeps exactly these as the original): checked
    from memory, the file not opened again (a sealed file is decrypted from the file as ever).
    """
    path = Path(path)
    if data is None:
        refuse_non_regular(path)
    if sealed_head(data) if data is not None else is_sealed(path):
        return _read_sealed(path, keystore, limits=limits, remember_unknown=remember_unknown, progress=progress,
                            cancelled=cancelled, check_json=check_json, only=only, keep=keep)
    try:
        fh = open(path, "rb") if data is None else MemoryFile(data)
    except FileNotFoundError:
        raise BundleError("not_found", FILE_FOUND(path)) from None
    except OSError as exc:
        raise BundleError("unreadable", READ_FILE(path, exc.strerror or exc)) from None
    try:
        with fh:
            bag = _read_bag(fh, path, keystore, limits, remember_unknown, progress, cancelled, only, keep)
    except OSError as exc:
        raise BundleError("unreadable", ERROR_READING(path, exc.strerror or exc)) from None
    if check_json and only is None:
        _check_json(bag)
    return bag


def _read_sealed(path: Path, keystore: KeyStore, **options) -> Bag:
    """Decrypt, then verify: the signed bundle inside must be signed by the envelope's signer and name the
    envelope's recipients, else it was tampered with (the damaged-signature message)."""
    try:
        opened = unseal(path, keystore, limits=options["limits"], cancelled=options["cancelled"])
    except OSError as exc:
        raise BundleError("unreadable", ERROR_READING(path, exc.strerror or exc)) from None
    try:
        bag = read_bag(opened.plain, keystore, **options)
        if bag.signer_key_id != opened.envelope.signer_key_id:
            raise damaged()
        head = read_json(bag, "bundle.json") if "bundle.json" in bag.sha256 else None
        if recipients_in_head(head) != sorted(r.key_id for r in opened.envelope.recipients):
            raise damaged()
    except BaseException:
        opened.close()
        raise
    bag.sealed, bag.source, bag._holder = opened.envelope, path, opened.holder
    return bag


def _read_bag(fh: BinaryIO, path: Path, keystore: KeyStore, limits: Limits, remember_unknown: bool,
              progress: ProgressFn | None, cancelled: Any, only: frozenset[str] | None = None,
              keep: Callable[[str], bool] | None = None) -> Bag:
    zf = open_zip(fh, path, limits)
    entries = check_entries(zf, fh, limits)
    files = {n: e for n, e in entries.items() if not e.info.is_dir()}

    # bagit.txt
    if BAGIT not in files:
        raise BundleError("not_bag", NOT_BAG(path.name))
    bagit_txt = read_small(fh, files, BAGIT, limits)
    m = re.match(rb"BagIt-Version: *([^\r\n]*)\r?\n", bagit_txt)
    if not m:
        raise BundleError("bad_bagit_txt", BUNDLE_BAGIT_TXT_RIGHT())
    if m.group(1).strip() != b"1.0":
        raise BundleError("bad_version",
                          BUNDLE_BAGIT_VERSION_PROGRAM(show_name(m.group(1).decode('utf-8', 'replace'))))
    if bagit_txt.replace(b"\r\n", b"\n") != BAGIT_TXT:
        raise BundleError("bad_bagit_txt", BUNDLE_BAGIT_TXT_RIGHT_2())

    # signature over the tag manifest
    for name in (MANIFEST, BAG_INFO, TAGMANIFEST, SIGNER):
        if name not in files:
            raise BundleError("missing_tag_file", BUNDLE_LACKS_INCOMPLETE_PLEASE(name))
    if SIGNATURE not in files:
        raise BundleError("unsigned", BUNDLE_SIGNED_SIGNATURE_ED25519())
    tagmanifest = read_small(fh, files, TAGMANIFEST, limits)
    try:
        sig_text = read_small(fh, files, SIGNATURE, limits)
    except BundleError as exc:
        if exc.code == "bad_hash":
            raise BundleError("bad_signature", SIGNATURE_FILE_DAMAGED_BUNDLE()) from None
        raise
    try:
        signer_pem = read_small(fh, files, SIGNER, limits)
    except BundleError as exc:
        if exc.code == "bad_hash":
            raise BundleError("bad_signer_key", SIGNER_PUBLIC_KEY_BUNDLE_2()) from None
        raise
    try:
        signer_pub = parse_public_pem(signer_pem)
    except BundleError:
        raise BundleError("bad_signer_key", SIGNER_PUBLIC_KEY_BUNDLE()) from None
    try:
        if not re.fullmatch(rb"[A-Za-z0-9+/]{86}==\r?\n?", sig_text):
            raise ValueError
        signature = base64.b64decode(sig_text.strip(), validate=True)
    except ValueError:
        raise BundleError("bad_signature", SIGNATURE_FILE_RIGHT_FORMAT()) from None
    if not verify_signature(signer_pub, signature, tagmanifest):
        raise damaged()
    signer_id = key_id(signer_pub)
    bundle_hash = hashlib.sha256(tagmanifest).hexdigest()

    # tag files listed in the (signed) tag manifest
    tag_digests = parse_manifest(tagmanifest, TAGMANIFEST)
    for name in tag_digests:
        if name.startswith("data/") or name in (TAGMANIFEST, SIGNATURE):
            raise BundleError("bad_manifest", SHOULD_LIST(TAGMANIFEST, show_name(name)))
    for name in SIGNED_TAG_FILES:
        if name not in tag_digests:
            raise BundleError("unlisted_file", BUNDLE_COVERED_SIGNATURE_DOES(name, TAGMANIFEST))
    tag_data: dict[str, bytes] = {BAGIT: bagit_txt, SIGNER: signer_pem}
    for name, digest in tag_digests.items():
        if name not in files:
            raise BundleError("missing_file", BUNDLE_LACKS_SIGNED_MANIFEST(show_name(name)))
        data = tag_data.get(name)
        if data is None:
            data = read_small(fh, files, name, limits)
            tag_data[name] = data
        if hashlib.sha256(data).hexdigest() != digest:
            raise tampered(name)

    info = parse_info(tag_data[BAG_INFO])
    if info["Inspector-Signer-Key-Id"] != signer_id:
        raise BundleError("signer_mismatch", SIGNER_BUNDLE_NAMES_DIFFERS())

    # payload: every file listed, nothing else
    manifest = parse_manifest(tag_data[MANIFEST], MANIFEST)
    for name in manifest:
        if not name.startswith("data/"):
            raise BundleError("bad_manifest", LISTS_FILE_OUTSIDE_DATA(MANIFEST, show_name(name)))
    for name in files:
        if name in (SIGNATURE, TAGMANIFEST):
            continue
        if name.startswith("data/"):
            if name not in manifest:
                raise BundleError("unlisted_file",
                                  BUNDLE_HOLDS_FILE_LISTED(show_name(name)))
        elif name not in tag_digests:
            raise BundleError("unlisted_file",
                              BUNDLE_HOLDS_FILE_LISTED(show_name(name)))
    for name in manifest:
        if name not in files:
            raise BundleError("missing_file", BUNDLE_LACKS_MANIFEST_LISTS(label_for(name), show_name(name)))
    octets = sum(files[n].info.file_size for n in manifest)
    if info["Payload-Oxum"] != f"{octets}.{len(manifest)}":
        raise BundleError("oxum_mismatch",
                          BUNDLE_NUMBER_FILES_TOTAL(show_name(info['Payload-Oxum']), octets, len(manifest)))

    # The signer is judged before any payload is inflated: an unknown or revoked key costs no work.
    status = keystore.status(signer_id)
    if status == "unknown":
        if remember_unknown:
            with contextlib.suppress(BundleError):
                keystore.remember_seen(signer_pub, path.name,
                                       (info[ENCRYPTION_KEY], info[ENCRYPTION_KEY_SIGNATURE])
                                       if info.get(ENCRYPTION_KEY) and info.get(ENCRYPTION_KEY_SIGNATURE) else None)
        fp = fingerprint(signer_pub)
        raise BundleError("unknown_key",
                          UNKNOWN_SIGNER(fp) + TRUST_AFTER_CHECK(fp))
    if status == "revoked":
        name = keystore.name_of(signer_id)
        raise BundleError("revoked_key",
                          BUNDLE_SIGNING_KEY_HAS('（' + name + '）' if name else '', fingerprint(signer_pub)))

    done = 0

    def on_chunk(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, octets)
        if is_cancelled(cancelled):
            raise BundleCancelled(CHECKING_CANCELLED())

    # `only`: a caller that reads just these payload files (a held bundle's claim) inflates nothing else.
    # The JSON files with a schema are kept as they are hashed: read_json parses these very bytes, checked
    # against the manifest here, instead of reading and hashing them a second time.
    with_schema = {"data/" + n for n in schema.files_of(info.get("Inspector-Kind", ""), (n[5:] for n in manifest))}
    raw: dict[str, bytes] = {}
    kept: dict[str, bytes] = {}
    room = KEEP_AT_MOST
    for name in sorted((n for n in manifest if only is None or n[5:] in only), key=lambda n: files[n].data_offset):
        size = files[name].info.file_size
        as_json = name in with_schema and size <= canonical.MAX_BYTES
        as_asked = not as_json and keep is not None and size <= room and keep(name[5:])
        entry = files[name]
        if as_json or as_asked:
            digest, data = collect(lambda sink: hash_entry(fh, entry, limits, sink, on_chunk))
        else:
            digest, data = hash_entry(fh, entry, limits, None, on_chunk), b""
        if digest != manifest[name]:
            raise tampered(name)
        if as_json:
            raw[name[5:]] = data
        elif as_asked:
            kept[name[5:]] = data
            room -= size

    bag = Bag(path=path, info=info, signer_key_id=signer_id, signer_public_key=signer_pub,
              signer_status=status, bundle_hash=bundle_hash, tagmanifest=tagmanifest,
              sha256={n[5:]: d for n, d in manifest.items()},
              sizes={n[5:]: files[n].info.file_size for n in manifest},
              _entries=files, _limits=limits, _raw=raw, _kept=kept)
    return bag
