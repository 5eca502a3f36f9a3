"""Writing a signed bundle: payload into a zip, tag files, signature, then a full read-back before the rename."""
from __future__ import annotations

import base64
import contextlib
import errno
import hashlib
import os
import secrets
import stat
import time
import unicodedata
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from inspector_app.bundles.bag import CancelFn, ProgressFn, read_bag
from inspector_app.bundles.canonical import BundleCancelled, BundleError, is_cancelled
from inspector_app.bundles.keys import KeyStore
from inspector_app.bundles.public_keys import public_pem
from inspector_app.bundles.tagfiles import (BAG_INFO, BAGIT, BAGIT_TXT, ENCRYPTION_KEY, ENCRYPTION_KEY_SIGNATURE,
                                            MANIFEST, SIGNATURE, SIGNER, TAGMANIFEST, build_info, info_text,
                                            manifest_text)
from inspector_app.bundles.zipsafe import (CHUNK, DEFAULT_LIMITS, Limits, collision_key, name_problem,
                                           show_name)
from inspector_app.fsutil import explain_os_error, fsync_dir, remove_stale_parts
from inspector_app.said import Said

IS_A_FOLDER = Said("是文件夹", "it is a folder")
HAS_PERCENT = Said("含有 % 字符", "it holds a % character")

FILE_NAMES_INSIDE_BUNDLE = Said('数据包内的文件名必须是文本：{0}',
                                 'File names inside a bundle must be text: {0}')
FILE_NAME_USED_BUNDLE = Said('文件名“{0}”不能用于数据包：{1}。',
                              'The file name "{0}" cannot be used in a bundle: {1}.')
FILE_NAME_NFC_NORMAL = Said('文件名“{0}”不是 NFC 规范形式。',
                             'The file name "{0}" is not in NFC normal form.')
ALREADY_EXISTS_CHOOSE_ANOTHER = Said('{0} 已存在。请换一个文件名，或先移走旧文件。',
                                      '{0} already exists. Choose another file name, or move the old file away first.')
FILE_NAME_USED_BUNDLE_2 = Said('文件名“{0}”不能用作数据包文件名。',
                                'The file name "{0}" cannot be used as a bundle\'s file name.')
TOO_MANY_FILES_BUNDLE = Said('文件过多（{0} 个），超过数据包上限 {1} 个。',
                              'Too many files ({0}): a bundle holds at most {1}.')
COMPUTER_SIGNING_KEY_HAS = Said('本机签名密钥已被吊销，不能再用它导出数据包。',
                                 "This computer's signing key has been revoked: it can no longer export bundles.")
FILE_NAMES_DIFFER_ONLY = Said('文件名“{0}”与“{1}”只差大小写，不能同时放入数据包。',
                               'The file names "{0}" and "{1}" differ only in case: they cannot both go into a bundle.')
CHECK_AFTER_EXPORT_FAILED = Said('导出后读回校验失败：签名清单与写入的不一致。',
                                  'Check after export failed: the signed manifest differs from what was written.')
CONTENT_BYTES_PATH = Said('{0} 的内容必须是 bytes 或 Path。',
                           'The content of {0} must be bytes or a Path.')
CHECK_AFTER_EXPORT_FAILED_2 = Said('导出后读回校验失败：{0}',
                                    'Check after export failed: {0}')
FILE_CHANGED_WHILE_WAS = Said('文件 {0} 在导出过程中被改动了，请重新导出。',
                               'File {0} changed while it was being exported; please export again.')
READ_FILE_PUT_INTO = Said('无法读取要放入数据包的文件 {0}：{1}',
                           'Cannot read file {0}, to be put into the bundle: {1}')

__all__ = ["STORED_SUFFIXES", "write_bag"]

# already-compressed formats are stored, everything else deflated
STORED_SUFFIXES = {".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".gif", ".zip",
                   ".gz", ".bz2", ".xz", ".7z", ".mp4", ".mov", ".m4a", ".mp3", ".aac",
                   ".inspector"}

_FIXED_DATE = (1980, 1, 1, 0, 0, 0)
_STALE_PART_SECONDS = 600


def _check_payload_name(name: str) -> str:
    if not isinstance(name, str):
        raise BundleError("bad_name", FILE_NAMES_INSIDE_BUNDLE(f'{name!r}'))
    problem = name_problem(name) or (HAS_PERCENT() if "%" in name else None)
    if problem or name.endswith("/"):
        raise BundleError("bad_name", FILE_NAME_USED_BUNDLE(show_name(name), problem or IS_A_FOLDER()))
    if unicodedata.normalize("NFC", name) != name:
        raise BundleError("bad_name", FILE_NAME_NFC_NORMAL(show_name(name)))
    return name


def _os_failure(exc: OSError, where: Path) -> BundleError:
    code = "disk_full" if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT) else "write_failed"
    return BundleError(code, explain_os_error(exc, where))


def _zipinfo(name: str, size: int, stored: bool) -> zipfile.ZipInfo:
    zi = zipfile.ZipInfo(name, date_time=_FIXED_DATE)
    zi.create_system = 3
    zi.external_attr = (stat.S_IFREG | 0o644) << 16
    zi.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    zi.file_size = size
    return zi


def part_file(dest_dir: Path, filename: str, overwrite: bool) -> Path:
    """A fresh temporary name beside `dest_dir/filename`, which gets its real name only once written and read
    back: the folder made, an existing file refused unless `overwrite`, this name's stale parts cleared."""
    dest = dest_dir / filename
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _os_failure(exc, dest_dir) from None
    if dest.exists() and not overwrite:
        raise BundleError("exists", ALREADY_EXISTS_CHOOSE_ANOTHER(dest))
    _remove_stale_parts(dest_dir, filename)
    return dest_dir / f".{filename}.{secrets.token_hex(4)}.part"


def _remove_stale_parts(dest_dir: Path, filename: str) -> None:
    prefix = f".{filename}."
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(dest_dir):
            if entry.name.startswith(prefix) and entry.name.endswith(".part"):
                with contextlib.suppress(OSError):
                    if now - entry.stat().st_mtime > _STALE_PART_SECONDS:
                        os.unlink(entry.path)


def write_bag(dest_dir: Path | str, filename: str, payload: Mapping[str, bytes | Path],
              info: Mapping[str, Any], keystore: KeyStore, progress: ProgressFn | None = None,
              cancelled: CancelFn | Any = None, *, overwrite: bool = False,
              limits: Limits = DEFAULT_LIMITS) -> Path:
    """Write a signed bundle as `dest_dir/filename` and return its path.

    The zip is written under a temporary name in `dest_dir`, fsynced, read back
    and fully verified, then renamed into place and the folder fsynced. On any
    failure (or cancel) nothing is left at the destination name.
    `progress(done, total)` counts payload bytes twice (writing, then reading
    back); `cancelled` is a callable returning True, or a `threading.Event`.
    """
    dest_dir = Path(dest_dir)
    if (not filename or "/" in filename or "\\" in filename or filename.startswith(".")
            or name_problem(filename)):
        raise BundleError("bad_name", FILE_NAME_USED_BUNDLE_2(show_name(filename)))
    dest = dest_dir / filename

    names = sorted(payload)
    seen: dict[str, str] = {}
    sizes: dict[str, int] = {}
    for name in names:
        _check_payload_name(name)
        key = collision_key(name)
        if key in seen:
            raise BundleError("duplicate_name", FILE_NAMES_DIFFER_ONLY(show_name(name), show_name(seen[key])))
        seen[key] = name
        value = payload[name]
        if isinstance(value, (bytes, bytearray, memoryview)):
            sizes[name] = len(value)
        elif isinstance(value, Path):
            try:
                sizes[name] = value.stat().st_size
            except OSError as exc:
                raise BundleError("source_missing", READ_FILE_PUT_INTO(value, exc.strerror or exc)) from None
        else:
            raise BundleError("bad_payload", CONTENT_BYTES_PATH(show_name(name)))
    if len(names) + 6 > limits.max_entries:
        raise BundleError("too_many_files", TOO_MANY_FILES_BUNDLE(len(names), limits.max_entries - 6))

    own = keystore.own_key()
    if keystore.status(own.key_id) == "revoked":
        raise BundleError("revoked_key", COMPUTER_SIGNING_KEY_HAS())
    keystore.sign(b"inspector: passphrase check")  # a locked key fails here, before any writing
    recipient, binding = keystore.own_encryption()
    fields = build_info({ENCRYPTION_KEY: recipient, ENCRYPTION_KEY_SIGNATURE: binding, **info}, own.key_id)

    total = sum(sizes.values())
    grand = 2 * total
    done = 0

    def report(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, grand)
        if is_cancelled(cancelled):
            raise BundleCancelled()

    if is_cancelled(cancelled):
        raise BundleCancelled()
    tmp = part_file(dest_dir, filename, overwrite)

    try:
        try:
            handle = open(tmp, "xb")
        except OSError as exc:
            raise _os_failure(exc, dest) from None
        try:
            with handle:
                expected_hash = _write_zip(handle, names, payload, sizes, fields, keystore, own, report)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise _os_failure(exc, dest) from None
        # read back and verify before the file gets its real name
        base = done

        def verify_progress(n: int, _total: int) -> None:
            if progress is not None:
                progress(base + n, grand)

        try:
            bag = read_bag(tmp, keystore, limits=limits, remember_unknown=False,
                           progress=verify_progress, cancelled=cancelled, check_json=False)
        except BundleCancelled:
            raise
        except BundleError as exc:
            raise BundleError("write_verify_failed", CHECK_AFTER_EXPORT_FAILED_2(exc.message)) from exc
        if bag.bundle_hash != expected_hash:
            raise BundleError("write_verify_failed", CHECK_AFTER_EXPORT_FAILED())
        commit(tmp, dest, overwrite)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    remove_stale_parts(dest_dir)  # what an export killed earlier left on the stick
    return dest


def commit(tmp: Path, dest: Path, overwrite: bool) -> None:
    """A verified temporary file takes its final name (never replacing a file made meanwhile unless asked),
    then its folder is fsynced."""
    try:
        _commit(tmp, dest, overwrite)
    except FileExistsError:
        raise BundleError("exists", ALREADY_EXISTS_CHOOSE_ANOTHER(dest)) from None
    except OSError as exc:
        raise _os_failure(exc, dest) from None
    fsync_dir(dest.parent)


def _commit(tmp: Path, dest: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(tmp, dest)
        return
    try:
        os.link(tmp, dest)  # fails if dest exists: never replaces a file made meanwhile
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV,
                             errno.EMLINK, errno.ENOSYS, errno.EACCES):
            raise
        if dest.exists():  # FAT/exFAT sticks have no hard links
            raise FileExistsError(errno.EEXIST, "exists", str(dest)) from None
        os.rename(tmp, dest)


def _write_zip(handle: BinaryIO, names: list[str], payload: Mapping[str, bytes | Path],
               sizes: dict[str, int], fields: list[tuple[str, str]], keystore: KeyStore,
               own, report: Callable[[int], None]) -> str:
    digests: list[tuple[str, str]] = []
    with zipfile.ZipFile(handle, "w", allowZip64=True) as zf:
        zf.writestr(_zipinfo(BAGIT, len(BAGIT_TXT), False), BAGIT_TXT)
        for name in names:
            arc = "data/" + name
            size = sizes[name]
            stored = Path(name).suffix.lower() in STORED_SUFFIXES
            sha = hashlib.sha256()
            written = 0
            value = payload[name]
            with zf.open(_zipinfo(arc, size, stored), "w", force_zip64=size > (1 << 30)) as out:
                if isinstance(value, Path):
                    try:
                        src = open(value, "rb")
                    except OSError as exc:
                        raise BundleError("source_missing", READ_FILE_PUT_INTO(value, exc.strerror or exc)) from None
                    with src:
                        while True:
                            chunk = src.read(CHUNK)
                            if not chunk:
                                break
                            sha.update(chunk)
                            out.write(chunk)
                            written += len(chunk)
                            report(len(chunk))
                else:
                    view = memoryview(value).cast("B")
                    for start in range(0, len(view), CHUNK):
                        chunk = view[start:start + CHUNK]
                        sha.update(chunk)
                        out.write(chunk)
                        written += len(chunk)
                        report(len(chunk))
            if written != size:
                raise BundleError("source_changed", FILE_CHANGED_WHILE_WAS(show_name(name)))
            digests.append((arc, sha.hexdigest()))
        manifest = manifest_text(digests)
        oxum = f"{sum(sizes.values())}.{len(names)}"
        fields = [(label, oxum if label == "Payload-Oxum" else value) for label, value in fields]
        bag_info = info_text(fields)
        signer = public_pem(own.public_key)
        tags = {BAGIT: BAGIT_TXT, BAG_INFO: bag_info, MANIFEST: manifest, SIGNER: signer}
        tagmanifest = manifest_text([(n, hashlib.sha256(tags[n]).hexdigest()) for n in sorted(tags)])
        signature = keystore.sign(tagmanifest)
        for name, data in ((MANIFEST, manifest), (BAG_INFO, bag_info), (SIGNER, signer),
                           (TAGMANIFEST, tagmanifest),
                           (SIGNATURE, base64.b64encode(signature) + b"\n")):
            zf.writestr(_zipinfo(name, len(data), False), data)
    return hashlib.sha256(tagmanifest).hexdigest()

