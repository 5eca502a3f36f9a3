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
import datetime as _dt
import errno
import hashlib
import io
import os
import re
import secrets
import stat
import struct
import time
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from inspector_app import __version__
from inspector_app.bundles import canonical
from inspector_app.bundles.canonical import BundleCancelled, BundleError
from inspector_app.bundles.keys import (KeyStore, fingerprint, fingerprint_of_id, key_id,
                                        parse_public_pem, public_pem, verify_signature)
from inspector_app.fsutil import explain_os_error, fsync_dir

__all__ = ["Bag", "BundleCancelled", "BundleError", "Limits", "DEFAULT_LIMITS", "KINDS",
           "make_info", "read_bag", "read_json", "verify_file", "write_bag"]

BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
MANIFEST = "manifest-sha256.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"
BAG_INFO = "bag-info.txt"
BAGIT = "bagit.txt"
SIGNER = "signer.pub"
SIGNATURE = "signature.ed25519"
SIGNED_TAG_FILES = (BAGIT, BAG_INFO, MANIFEST, SIGNER)
FORMAT_VERSION = "1"
KINDS = ("expert", "panel", "plan")

# bag-info labels, with the short names accepted by write_bag/make_info
FIELD_NAMES = {
    "bagging_date": "Bagging-Date",
    "kind": "Inspector-Kind",
    "signer_key_id": "Inspector-Signer-Key-Id",
    "plan_id": "Inspector-Plan-Id",
    "rubric_id": "Inspector-Rubric-Id",
    "rubric_version": "Inspector-Rubric-Version",
    "rubric_hash": "Inspector-Rubric-Hash",
    "group": "Inspector-Group",
    "sequence": "Inspector-Sequence",
    "previous_bundle_hash": "Inspector-Previous-Bundle-Hash",
}
_WRITER_LABELS = {"Payload-Oxum", "Bag-Software-Agent", "Inspector-Format"}

# already-compressed formats are stored, everything else deflated
STORED_SUFFIXES = {".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".gif", ".zip",
                   ".gz", ".bz2", ".xz", ".7z", ".mp4", ".mov", ".m4a", ".mp3", ".aac",
                   ".inspector"}
_PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".gif", ".tif", ".tiff", ".bmp"}

CHUNK = 1 << 20
_FIXED_DATE = (1980, 1, 1, 0, 0, 0)
_STALE_PART_SECONDS = 600

_LABEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,99}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_WINDOWS_BAD = set('<>:"|?*\\')

ProgressFn = Callable[[int, int], Any]
CancelFn = Callable[[], bool]


@dataclass(frozen=True)
class Limits:
    """What a reader accepts; anything beyond is refused before it is inflated."""
    max_entries: int = 20_000
    max_total_size: int = 8 << 30          # sum of uncompressed sizes
    max_entry_size: int = 4 << 30          # one file, uncompressed
    max_ratio: int = 200                   # uncompressed / compressed, per entry ...
    ratio_floor: int = 64 << 20            # ... checked once an entry is larger than this
    max_tag_file_size: int = 16 << 20      # bagit.txt, bag-info, manifests, signer.pub
    max_central_directory: int = 64 << 20


DEFAULT_LIMITS = Limits()


# --------------------------------------------------------------------------- messages

def _label_for(name: str) -> str:
    return "照片" if Path(name).suffix.lower() in _PHOTO_SUFFIXES else "文件"


def _show(name: str) -> str:
    shown = "".join(ch if ch.isprintable() else "\\x%02x" % ord(ch) for ch in name)
    return shown if len(shown) <= 120 else shown[:120] + "…"


def _truncated() -> BundleError:
    return BundleError("truncated", "文件不完整（可能在拷贝时被中断），请重新拷贝或重新导出。")


def _tampered(name: str) -> BundleError:
    if name.startswith("data/"):
        return BundleError("bad_hash", f"{_label_for(name)} {_show(name)} 被改动过或已损坏，与签名时不一致。")
    return BundleError("bad_hash", f"数据包的 {_show(name)} 被改动过或已损坏，与签名时不一致。")


# --------------------------------------------------------------------------- names

def _name_problem(name: str) -> str | None:
    """Why a name inside the zip is unsafe, or None."""
    if not name:
        return "空文件名"
    if "\\" in name:
        return "含有反斜杠"
    if name.startswith("/"):
        return "是绝对路径"
    if re.match(r"[A-Za-z]:", name):
        return "含有盘符"
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return "含有控制字符"
    if any(ch in _WINDOWS_BAD for ch in name):
        return "含有 Windows 不允许的字符"
    if len(name.encode("utf-8", "surrogatepass")) > 1024:
        return "过长"
    parts = (name[:-1] if name.endswith("/") else name).split("/")
    for part in parts:
        if part in ("", ".", ".."):
            return "含有 “..” 或空的路径段"
        if part != part.strip() or part.endswith("."):
            return "路径段以空格或句点结尾"
        if len(part.encode("utf-8", "surrogatepass")) > 255:
            return "路径段过长"
    return None


def _collision_key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def _check_payload_name(name: str) -> str:
    if not isinstance(name, str):
        raise BundleError("bad_name", f"数据包内的文件名必须是文本：{name!r}")
    problem = _name_problem(name) or ("含有 % 字符" if "%" in name else None)
    if problem or name.endswith("/"):
        raise BundleError("bad_name", f"文件名“{_show(name)}”不能用于数据包：{problem or '是文件夹'}。")
    if unicodedata.normalize("NFC", name) != name:
        raise BundleError("bad_name", f"文件名“{_show(name)}”不是 NFC 规范形式。")
    return name


# --------------------------------------------------------------------------- bag-info

def make_info(kind: str, *, plan_id: str | None = None, rubric_id: str | None = None,
              rubric_version: str | None = None, rubric_hash: str | None = None,
              group: str | None = None, sequence: int | None = None,
              previous_bundle_hash: str | None = None, bagging_date: str | None = None,
              **extra: str) -> dict[str, str]:
    """bag-info fields for `write_bag` from keyword arguments (None values are left out)."""
    values = dict(kind=kind, plan_id=plan_id, rubric_id=rubric_id, rubric_version=rubric_version,
                  rubric_hash=rubric_hash, group=group, sequence=sequence,
                  previous_bundle_hash=previous_bundle_hash, bagging_date=bagging_date)
    out = {FIELD_NAMES[k]: str(v) for k, v in values.items() if v is not None}
    out.update({k: str(v) for k, v in extra.items()})
    return out


def _build_info(info: Mapping[str, Any], signer_id: str) -> list[tuple[str, str]]:
    fields: dict[str, str] = {}
    for key, value in info.items():
        label = FIELD_NAMES.get(key, key)
        if not isinstance(label, str) or not _LABEL.fullmatch(label):
            raise BundleError("bad_bag_info", f"bag-info 字段名“{_show(str(label))}”不合规。")
        if label in _WRITER_LABELS:
            raise BundleError("bad_bag_info", f"bag-info 字段 {label} 由程序自动填写，不能指定。")
        if label in fields:
            raise BundleError("bad_bag_info", f"bag-info 字段 {label} 重复。")
        text = "" if value is None else str(value)
        if any(not ch.isprintable() for ch in text) or text != text.strip():
            raise BundleError("bad_bag_info", f"bag-info 字段 {label} 的值含有换行、控制字符或首尾空格。")
        fields[label] = text
    given = fields.pop("Inspector-Signer-Key-Id", None)
    if given is not None and given != signer_id:
        raise BundleError("bad_bag_info", "bag-info 中的签名人与本机密钥不一致。")
    _check_info_values(fields | {"Inspector-Signer-Key-Id": signer_id}, writing=True)
    date = fields.pop("Bagging-Date", None) or _dt.date.today().isoformat()
    head = [("Bagging-Date", date), ("Payload-Oxum", ""), ("Bag-Software-Agent", f"Inspector {__version__}"),
            ("Inspector-Format", FORMAT_VERSION), ("Inspector-Signer-Key-Id", signer_id)]
    kind = fields.pop("Inspector-Kind")
    head.append(("Inspector-Kind", kind))
    return head + sorted(fields.items())


def _check_info_values(fields: Mapping[str, str], writing: bool = False) -> None:
    kind = fields.get("Inspector-Kind")
    if kind not in KINDS:
        raise BundleError("bad_bag_info",
                          f"bag-info 的 Inspector-Kind 应为 {'/'.join(KINDS)}，而不是“{_show(str(kind))}”。")
    seq = fields.get("Inspector-Sequence")
    if seq is not None and not re.fullmatch(r"0|[1-9][0-9]{0,17}", seq):
        raise BundleError("bad_bag_info", f"bag-info 的 Inspector-Sequence 应为非负整数，而不是“{_show(seq)}”。")
    prev = fields.get("Inspector-Previous-Bundle-Hash")
    if prev and not _HEX64.fullmatch(prev):
        raise BundleError("bad_bag_info", "bag-info 的 Inspector-Previous-Bundle-Hash 应为 64 位十六进制。")
    date = fields.get("Bagging-Date")
    if date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise BundleError("bad_bag_info", f"bag-info 的 Bagging-Date 应为 YYYY-MM-DD，而不是“{_show(date)}”。")
    if not writing and not _HEX64.fullmatch(fields.get("Inspector-Signer-Key-Id", "")):
        raise BundleError("bad_bag_info", "bag-info 缺少有效的 Inspector-Signer-Key-Id。")


def _info_text(fields: list[tuple[str, str]]) -> bytes:
    return "".join(f"{label}: {value}\n" for label, value in fields).encode("utf-8")


def _parse_info(data: bytes) -> dict[str, str]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleError("bad_bag_info", "bag-info.txt 不是 UTF-8 文本。") from None
    if text.startswith("\ufeff"):
        raise BundleError("bad_bag_info", "bag-info.txt 以字节顺序标记（BOM）开头。")
    fields: dict[str, str] = {}
    for number, line in enumerate(_lines(text, "bag-info.txt", "bad_bag_info"), 1):
        label, sep, value = line.partition(":")
        if not sep or not _LABEL.fullmatch(label) or (value and not value.startswith(" ")):
            raise BundleError("bad_bag_info", f"bag-info.txt 第 {number} 行格式不正确。")
        value = value.strip()
        if label in fields:
            raise BundleError("bad_bag_info", f"bag-info.txt 中字段 {label} 出现了两次。")
        fields[label] = value
    for required in ("Bagging-Date", "Payload-Oxum", "Inspector-Format", "Inspector-Signer-Key-Id", "Inspector-Kind"):
        if required not in fields:
            raise BundleError("bad_bag_info", f"bag-info.txt 缺少字段 {required}。")
    if fields["Inspector-Format"] != FORMAT_VERSION:
        raise BundleError("bad_version",
                          f"数据包格式版本为 {_show(fields['Inspector-Format'])}，本程序只支持版本 {FORMAT_VERSION}，请升级 Inspector。")
    _check_info_values(fields)
    return fields


def _lines(text: str, name: str, code: str) -> list[str]:
    if text and not text.endswith("\n"):
        raise BundleError(code, f"{name} 最后一行没有换行符，文件可能不完整。")
    lines = text.split("\n")[:-1] if text else []
    out = []
    for line in lines:
        if line.endswith("\r"):
            line = line[:-1]
        if "\r" in line:
            raise BundleError(code, f"{name} 含有多余的回车符。")
        if line == "" or line[0] in " \t":
            raise BundleError(code, f"{name} 含有空行或续行，格式不正确。")
        out.append(line)
    return out


# --------------------------------------------------------------------------- manifests

def _manifest_text(entries: list[tuple[str, str]]) -> bytes:
    return "".join(f"{digest}  {name}\n" for name, digest in entries).encode("utf-8")


def _parse_manifest(data: bytes, name: str) -> dict[str, str]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleError("bad_manifest", f"{name} 不是 UTF-8 文本。") from None
    out: dict[str, str] = {}
    seen: set[str] = set()
    for number, line in enumerate(_lines(text, name, "bad_manifest"), 1):
        m = re.fullmatch(r"([0-9A-Fa-f]{64})[ \t]+(\S.*)", line)
        if not m:
            raise BundleError("bad_manifest", f"{name} 第 {number} 行格式不正确。")
        path = m.group(2)
        path = re.sub(r"%(0[DdAa]|25)", lambda x: chr(int(x.group(1), 16)), path)
        problem = _name_problem(path)
        if problem:
            raise BundleError("bad_name", f"{name} 中登记的文件名“{_show(path)}”不安全（{problem}），已拒绝。")
        key = _collision_key(path)
        if key in seen:
            raise BundleError("bad_manifest", f"{name} 中文件 {_show(path)} 登记了两次。")
        seen.add(key)
        out[path] = m.group(1).lower()
    return out


# --------------------------------------------------------------------------- writing

def _is_cancelled(cancelled: Any) -> bool:
    if cancelled is None:
        return False
    if hasattr(cancelled, "is_set"):
        return bool(cancelled.is_set())
    return bool(cancelled())


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
            or _name_problem(filename)):
        raise BundleError("bad_name", f"文件名“{_show(filename)}”不能用作数据包文件名。")
    dest = dest_dir / filename

    names = sorted(payload)
    seen: dict[str, str] = {}
    sizes: dict[str, int] = {}
    for name in names:
        _check_payload_name(name)
        key = _collision_key(name)
        if key in seen:
            raise BundleError("duplicate_name", f"文件名“{_show(name)}”与“{_show(seen[key])}”只差大小写，不能同时放入数据包。")
        seen[key] = name
        value = payload[name]
        if isinstance(value, (bytes, bytearray, memoryview)):
            sizes[name] = len(value)
        elif isinstance(value, Path):
            try:
                sizes[name] = value.stat().st_size
            except OSError as exc:
                raise BundleError("source_missing", f"无法读取要放入数据包的文件 {value}：{exc.strerror or exc}") from None
        else:
            raise BundleError("bad_payload", f"{_show(name)} 的内容必须是 bytes 或 Path。")
    if len(names) + 6 > limits.max_entries:
        raise BundleError("too_many_files", f"文件过多（{len(names)} 个），超过数据包上限 {limits.max_entries - 6} 个。")

    own = keystore.own_key()
    if keystore.status(own.key_id) == "revoked":
        raise BundleError("revoked_key", "本机签名密钥已被吊销，不能再用它导出数据包。")
    keystore.sign(b"inspector: passphrase check")  # a locked key fails here, before any writing
    fields = _build_info(info, own.key_id)

    total = sum(sizes.values())
    grand = 2 * total
    done = 0

    def report(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, grand)
        if _is_cancelled(cancelled):
            raise BundleCancelled()

    if _is_cancelled(cancelled):
        raise BundleCancelled()
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _os_failure(exc, dest_dir) from None
    if dest.exists() and not overwrite:
        raise BundleError("exists", f"{dest} 已存在。请换一个文件名，或先移走旧文件。")
    _remove_stale_parts(dest_dir, filename)
    tmp = dest_dir / f".{filename}.{secrets.token_hex(4)}.part"

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
                           progress=verify_progress, cancelled=cancelled)
        except BundleCancelled:
            raise
        except BundleError as exc:
            raise BundleError("write_verify_failed", f"导出后读回校验失败：{exc.message}") from exc
        if bag.bundle_hash != expected_hash:
            raise BundleError("write_verify_failed", "导出后读回校验失败：签名清单与写入的不一致。")
        try:
            _commit(tmp, dest, overwrite)
        except FileExistsError:
            raise BundleError("exists", f"{dest} 已存在。请换一个文件名，或先移走旧文件。") from None
        except OSError as exc:
            raise _os_failure(exc, dest) from None
        fsync_dir(dest_dir)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return dest


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
                        raise BundleError("source_missing", f"无法读取要放入数据包的文件 {value}：{exc.strerror or exc}") from None
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
                raise BundleError("source_changed", f"文件 {_show(name)} 在导出过程中被改动了，请重新导出。")
            digests.append((arc, sha.hexdigest()))
        manifest = _manifest_text(digests)
        oxum = f"{sum(sizes.values())}.{len(names)}"
        fields = [(label, oxum if label == "Payload-Oxum" else value) for label, value in fields]
        bag_info = _info_text(fields)
        signer = public_pem(own.public_key)
        tags = {BAGIT: BAGIT_TXT, BAG_INFO: bag_info, MANIFEST: manifest, SIGNER: signer}
        tagmanifest = _manifest_text([(n, hashlib.sha256(tags[n]).hexdigest()) for n in sorted(tags)])
        signature = keystore.sign(tagmanifest)
        for name, data in ((MANIFEST, manifest), (BAG_INFO, bag_info), (SIGNER, signer),
                           (TAGMANIFEST, tagmanifest),
                           (SIGNATURE, base64.b64encode(signature) + b"\n")):
            zf.writestr(_zipinfo(name, len(data), False), data)
    return hashlib.sha256(tagmanifest).hexdigest()


# --------------------------------------------------------------------------- reading

@dataclass
class _Entry:
    info: zipfile.ZipInfo
    data_offset: int


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
    _entries: dict[str, _Entry] = field(repr=False, default_factory=dict)
    _limits: Limits = field(repr=False, default=DEFAULT_LIMITS)

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
        arc = "data/" + name
        buf = bytearray()
        try:
            with open(self.path, "rb") as fh:
                digest = _hash_entry(fh, self._entries[arc], self._limits, buf.extend)
        except OSError as exc:
            raise BundleError("unreadable", f"无法读取 {self.path}：{exc.strerror or exc}") from None
        if digest != self.sha256[name]:
            raise _tampered(arc)
        return bytes(buf)

    def copy_to(self, name: str, out: BinaryIO) -> None:
        """Stream a payload file into `out`; raises `BundleError` (bad_hash) when it changed."""
        arc = "data/" + name
        with open(self.path, "rb") as fh:
            digest = _hash_entry(fh, self._entries[arc], self._limits, out.write)
        if digest != self.sha256[name]:
            raise _tampered(arc)


def read_json(bag: Bag, name: str, *, max_bytes: int = canonical.MAX_BYTES) -> Any:
    """A JSON payload file, parsed strictly (see canonical.loads)."""
    if name in bag.sizes and bag.sizes[name] > max_bytes:
        raise BundleError("json_too_large", f"数据文件 data/{_show(name)} 过大，已拒绝。")
    try:
        return canonical.loads(bag.files[name], max_bytes=max_bytes)
    except BundleError as exc:
        if exc.code.startswith("json_"):
            raise BundleError(exc.code, f"data/{_show(name)}：{exc.message}") from None
        raise


def _zip_end(fh: BinaryIO, size: int, limits: Limits) -> None:
    """Check the end-of-central-directory record before zipfile parses anything."""
    tail_len = min(size, 22 + 65535)
    fh.seek(size - tail_len)
    tail = fh.read(tail_len)
    pos = tail.rfind(b"PK\x05\x06")
    if pos < 0 or len(tail) - pos < 22:
        raise _truncated()
    (_, disk, disk_cd, _n_disk, n_total, cd_size, _cd_off, comment_len) = struct.unpack(
        "<4s4H2LH", tail[pos:pos + 22])
    if pos + 22 + comment_len > len(tail):
        raise _truncated()
    if pos + 22 + comment_len < len(tail):
        raise BundleError("bad_zip", "数据包末尾有多余的数据，不是 Inspector 写出的数据包，已拒绝。")
    if disk != 0 or disk_cd != 0:
        raise BundleError("bad_zip", "数据包是分卷压缩的，Inspector 不支持。")
    if n_total == 0xFFFF or cd_size == 0xFFFFFFFF:
        loc = pos - 20
        if loc < 0 or tail[loc:loc + 4] != b"PK\x06\x07":
            raise BundleError("bad_zip", "数据包的 zip64 目录损坏，请重新导出。")
        (_, _disk, z64_off, _disks) = struct.unpack("<4sLQL", tail[loc:loc + 20])
        if z64_off + 56 > size:
            raise _truncated()
        fh.seek(z64_off)
        rec = fh.read(56)
        if rec[:4] != b"PK\x06\x06":
            raise BundleError("bad_zip", "数据包的 zip64 目录损坏，请重新导出。")
        n_total, cd_size = struct.unpack("<QQ", rec[32:48])
    if n_total > limits.max_entries:
        raise BundleError("too_many_files",
                          f"数据包中的文件过多（{n_total} 个，上限 {limits.max_entries} 个），可能是恶意文件，已拒绝。")
    if cd_size > limits.max_central_directory:
        raise BundleError("too_many_files", "数据包的文件目录过大，可能是恶意文件，已拒绝。")


def _open_zip(fh: BinaryIO, path: Path, limits: Limits) -> zipfile.ZipFile:
    fh.seek(0, os.SEEK_END)
    size = fh.tell()
    if size == 0:
        raise BundleError("empty", f"文件 {path.name} 是空的（0 字节），可能拷贝失败，请重新拷贝。")
    fh.seek(0)
    head = fh.read(4)
    if len(head) < 4 and b"PK\x03\x04".startswith(head):
        raise _truncated()
    if head != b"PK\x03\x04":
        if head == b"PK\x05\x06":
            raise BundleError("not_bag", "这是一个空的 zip 文件，不是 Inspector 数据包。")
        raise BundleError("not_zip", f"文件 {path.name} 不是 Inspector 数据包（不是 zip 文件）。")
    _zip_end(fh, size, limits)
    try:
        return zipfile.ZipFile(fh)
    except zipfile.BadZipFile as exc:
        if "truncated" in str(exc).lower():
            raise _truncated() from None
        raise BundleError("bad_zip", "数据包结构已损坏（zip 目录读不出来），请重新拷贝或重新导出。") from None
    except (EOFError, OSError, ValueError, struct.error, NotImplementedError):
        raise _truncated() from None


def _check_entries(zf: zipfile.ZipFile, fh: BinaryIO, limits: Limits) -> dict[str, _Entry]:
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise BundleError("too_many_files",
                          f"数据包中的文件过多（{len(infos)} 个，上限 {limits.max_entries} 个），可能是恶意文件，已拒绝。")
    names: set[str] = set()
    folded: dict[str, str] = {}
    total = 0
    for info in infos:
        name = info.filename
        orig = info.orig_filename
        problem = _name_problem(orig) or _name_problem(name)
        if problem:
            raise BundleError("bad_name", f"数据包中有不安全的文件名“{_show(orig)}”（{problem}），已拒绝。")
        if name in names:
            raise BundleError("duplicate_name", f"数据包中有两个同名文件“{_show(name)}”，无法确定以哪个为准，已拒绝。")
        names.add(name)
        key = _collision_key(name)
        if key in folded:
            raise BundleError("duplicate_name",
                              f"数据包中的“{_show(name)}”和“{_show(folded[key])}”只差大小写，无法确定以哪个为准，已拒绝。")
        folded[key] = name
        if info.flag_bits & 0x41:
            raise BundleError("encrypted", f"数据包中的 {_show(name)} 被加密了，Inspector 不接受加密的数据包。")
        if info.create_system == 3:
            ftype = stat.S_IFMT(info.external_attr >> 16)
            if ftype == stat.S_IFLNK:
                raise BundleError("symlink", f"数据包中的 {_show(name)} 是符号链接，不是普通文件，已拒绝。")
            if ftype not in (0, stat.S_IFREG, stat.S_IFDIR):
                raise BundleError("special_file", f"数据包中的 {_show(name)} 不是普通文件，已拒绝。")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleError("unsupported_compression",
                              f"数据包中的 {_show(name)} 使用了不支持的压缩方式（{info.compress_type}）。")
        if info.is_dir():
            if info.file_size or info.compress_size:
                raise BundleError("bad_zip", f"数据包中的文件夹项 {_show(name)} 带有内容，已拒绝。")
            continue
        if info.file_size > limits.max_entry_size:
            raise BundleError("zip_bomb", f"数据包中的 {_show(name)} 解压后过大（{info.file_size} 字节），可能是恶意文件，已拒绝。")
        total += info.file_size
        if total > limits.max_total_size:
            raise BundleError("zip_bomb", f"数据包解压后总大小超过上限（{limits.max_total_size} 字节），可能是恶意文件，已拒绝。")
        if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise BundleError("zip_bomb", f"数据包中的 {_show(name)} 压缩比异常（{info.compress_size} 字节解压为 {info.file_size} 字节），可能是恶意文件，已拒绝。")
        if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
            raise BundleError("bad_zip", f"数据包中 {_show(name)} 的大小记录不一致，已损坏。")

    # local headers must tile the file: no prepended, hidden or overlapping data
    entries: dict[str, _Entry] = {}
    pos = 0
    prev_descriptor = False
    for info in sorted(infos, key=lambda i: i.header_offset):
        if info.header_offset != pos:
            if not (pos < info.header_offset <= pos + 24 and prev_descriptor):
                raise BundleError("bad_zip", "数据包的 zip 结构异常（内容之间有多余或重叠的数据），已拒绝。")
        fh.seek(info.header_offset)
        header = fh.read(30)
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            raise BundleError("bad_zip", f"数据包中 {_show(info.filename)} 的文件头已损坏。")
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        raw_name = fh.read(name_len)
        central_raw = info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437", "replace")
        if raw_name != central_raw:
            raise BundleError("bad_zip", f"数据包中 {_show(info.filename)} 的文件头与目录不一致，已拒绝。")
        if (struct.unpack("<H", header[6:8])[0] & 0x41) or struct.unpack("<H", header[8:10])[0] != info.compress_type:
            raise BundleError("bad_zip", f"数据包中 {_show(info.filename)} 的文件头与目录不一致，已拒绝。")
        data_offset = info.header_offset + 30 + name_len + extra_len
        pos = data_offset + info.compress_size
        prev_descriptor = bool(info.flag_bits & 0x08)
        entries[info.filename] = _Entry(info, data_offset)
    start_dir = getattr(zf, "start_dir", pos)
    if pos > start_dir or (pos != start_dir and not (prev_descriptor and start_dir - pos <= 24)):
        raise BundleError("bad_zip", "数据包的 zip 结构异常（内容与目录之间有多余或重叠的数据），已拒绝。")
    return entries



def _hash_entry(fh: BinaryIO, entry: _Entry, limits: Limits, sink: Callable[[bytes], Any] | None = None,
                on_chunk: Callable[[int], None] | None = None) -> str:
    """SHA-256 of an entry's content, read through a bounded stream.

    Stored entries are read straight from the file (the SHA-256 is the check);
    deflated ones are inflated chunk by chunk, never beyond the declared size.
    """
    info = entry.info
    sha = hashlib.sha256()
    if info.compress_type == zipfile.ZIP_STORED:
        fh.seek(entry.data_offset)
        left = info.compress_size
        while left:
            chunk = fh.read(min(CHUNK, left))
            if not chunk:
                raise _truncated()
            left -= len(chunk)
            sha.update(chunk)
            if sink is not None:
                sink(chunk)
            if on_chunk is not None:
                on_chunk(len(chunk))
        return sha.hexdigest()
    fh.seek(entry.data_offset)
    inflater = zlib.decompressobj(-15)
    left_in = info.compress_size
    produced = 0
    crc = 0
    pending = b""
    while not inflater.eof:
        if not pending and left_in:
            pending = fh.read(min(64 * 1024, left_in))
            if not pending:
                raise _truncated()
            left_in -= len(pending)
        try:
            out = inflater.decompress(pending, CHUNK)
        except zlib.error:
            raise _tampered(info.filename) from None
        pending = inflater.unconsumed_tail
        if not out:
            if not pending and not left_in:
                break  # input used up without the end of the stream
            continue
        produced += len(out)
        if produced > info.file_size:
            # more data than the directory says: a lying header (or damage)
            raise _tampered(info.filename)
        crc = zlib.crc32(out, crc)
        sha.update(out)
        if sink is not None:
            sink(out)
        if on_chunk is not None:
            on_chunk(len(out))
    if not inflater.eof or produced != info.file_size or crc != info.CRC or inflater.unused_data or pending or left_in:
        raise _tampered(info.filename)
    return sha.hexdigest()


def _read_small(fh: BinaryIO, entries: dict[str, _Entry], name: str, limits: Limits) -> bytes:
    entry = entries[name]
    if entry.info.file_size > limits.max_tag_file_size:
        raise BundleError("zip_bomb", f"数据包中的 {_show(name)} 过大，已拒绝。")
    buf = bytearray()
    _hash_entry(fh, entry, limits, buf.extend)
    if entry.info.compress_type == zipfile.ZIP_STORED and zlib.crc32(buf) != entry.info.CRC:
        raise _tampered(name)
    return bytes(buf)


def read_bag(path: Path | str, keystore: KeyStore, *, limits: Limits = DEFAULT_LIMITS,
             remember_unknown: bool = True, progress: ProgressFn | None = None,
             cancelled: CancelFn | Any = None) -> Bag:
    """Verify a bundle in place (nothing is extracted) and return it.

    Raises `BundleError` with a stable code for every problem. A bundle signed
    by an unknown key is refused with code `unknown_key`; its public key is
    kept in the key store's "seen" list (unless remember_unknown=False) so the
    panel lead can trust it by fingerprint.
    """
    path = Path(path)
    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        raise BundleError("not_found", f"找不到文件 {path}。") from None
    except OSError as exc:
        raise BundleError("unreadable", f"无法读取文件 {path}：{exc.strerror or exc}") from None
    try:
        with fh:
            return _read_bag(fh, path, keystore, limits, remember_unknown, progress, cancelled)
    except OSError as exc:
        raise BundleError("unreadable", f"读取 {path} 时出错：{exc.strerror or exc}") from None


def _read_bag(fh: BinaryIO, path: Path, keystore: KeyStore, limits: Limits, remember_unknown: bool,
              progress: ProgressFn | None, cancelled: Any) -> Bag:
    zf = _open_zip(fh, path, limits)
    entries = _check_entries(zf, fh, limits)
    files = {n: e for n, e in entries.items() if not e.info.is_dir()}

    # bagit.txt
    if BAGIT not in files:
        raise BundleError("not_bag", f"文件 {path.name} 不是 Inspector 数据包（缺少 bagit.txt）。")
    bagit_txt = _read_small(fh, files, BAGIT, limits)
    m = re.match(rb"BagIt-Version: *([^\r\n]*)\r?\n", bagit_txt)
    if not m:
        raise BundleError("bad_bagit_txt", "数据包的 bagit.txt 格式不正确。")
    if m.group(1).strip() != b"1.0":
        raise BundleError("bad_version",
                          f"数据包的 BagIt 版本为 {_show(m.group(1).decode('utf-8', 'replace'))}，本程序只接受 1.0。")
    if bagit_txt.replace(b"\r\n", b"\n") != BAGIT_TXT:
        raise BundleError("bad_bagit_txt", "数据包的 bagit.txt 内容不正确（须为 UTF-8 编码的 BagIt 1.0）。")

    # signature over the tag manifest
    for name in (MANIFEST, BAG_INFO, TAGMANIFEST, SIGNER):
        if name not in files:
            raise BundleError("missing_tag_file", f"数据包缺少 {name}，不完整，请重新导出。")
    if SIGNATURE not in files:
        raise BundleError("unsigned", "数据包没有签名（缺少 signature.ed25519），无法确认来源，不能接受。")
    tagmanifest = _read_small(fh, files, TAGMANIFEST, limits)
    try:
        sig_text = _read_small(fh, files, SIGNATURE, limits)
    except BundleError as exc:
        if exc.code == "bad_hash":
            raise BundleError("bad_signature", "签名文件已损坏，无法确认数据包的来源，请向发送人索取原件。") from None
        raise
    try:
        signer_pem = _read_small(fh, files, SIGNER, limits)
    except BundleError as exc:
        if exc.code == "bad_hash":
            raise BundleError("bad_signer_key", "数据包中的签名人公钥已损坏，请向发送人索取原件。") from None
        raise
    try:
        signer_pub = parse_public_pem(signer_pem)
    except BundleError:
        raise BundleError("bad_signer_key", "数据包中的签名人公钥无法读取，请向发送人索取原件。") from None
    try:
        if not re.fullmatch(rb"[A-Za-z0-9+/]{86}==\r?\n?", sig_text):
            raise ValueError
        signature = base64.b64decode(sig_text.strip(), validate=True)
    except ValueError:
        raise BundleError("bad_signature", "签名文件格式不正确，无法确认数据包的来源，请向发送人索取原件。") from None
    if not verify_signature(signer_pub, signature, tagmanifest):
        raise BundleError("bad_signature",
                          "签名无效：数据包在签名后被改动过，或签名已损坏。请向发送人索取原件。")
    signer_id = key_id(signer_pub)
    bundle_hash = hashlib.sha256(tagmanifest).hexdigest()

    # tag files listed in the (signed) tag manifest
    tag_digests = _parse_manifest(tagmanifest, TAGMANIFEST)
    for name in tag_digests:
        if name.startswith("data/") or name in (TAGMANIFEST, SIGNATURE):
            raise BundleError("bad_manifest", f"{TAGMANIFEST} 不应登记 {_show(name)}。")
    for name in SIGNED_TAG_FILES:
        if name not in tag_digests:
            raise BundleError("unlisted_file", f"数据包的 {name} 不在签名范围内（{TAGMANIFEST} 未登记），不能接受。")
    tag_data: dict[str, bytes] = {BAGIT: bagit_txt, SIGNER: signer_pem}
    for name, digest in tag_digests.items():
        if name not in files:
            raise BundleError("missing_file", f"数据包缺少 {_show(name)}（签名清单中有，包里没有），不完整。")
        data = tag_data.get(name)
        if data is None:
            data = _read_small(fh, files, name, limits)
            tag_data[name] = data
        if hashlib.sha256(data).hexdigest() != digest:
            raise _tampered(name)

    info = _parse_info(tag_data[BAG_INFO])
    if info["Inspector-Signer-Key-Id"] != signer_id:
        raise BundleError("signer_mismatch", "数据包声明的签名人与实际签名的密钥不一致，可能被伪造，不能接受。")

    # payload: every file listed, nothing else
    manifest = _parse_manifest(tag_data[MANIFEST], MANIFEST)
    for name in manifest:
        if not name.startswith("data/"):
            raise BundleError("bad_manifest", f"{MANIFEST} 登记了 data/ 以外的文件 {_show(name)}。")
    for name in files:
        if name in (SIGNATURE, TAGMANIFEST):
            continue
        if name.startswith("data/"):
            if name not in manifest:
                raise BundleError("unlisted_file",
                                  f"数据包中有未登记的文件 {_show(name)}（不在签名清单中），可能是后来放入的，不能接受。")
        elif name not in tag_digests:
            raise BundleError("unlisted_file",
                              f"数据包中有未登记的文件 {_show(name)}（不在签名清单中），可能是后来放入的，不能接受。")
    for name in manifest:
        if name not in files:
            raise BundleError("missing_file", f"数据包缺少 {_label_for(name)} {_show(name)}（清单中有，包里没有），不完整。")
    octets = sum(files[n].info.file_size for n in manifest)
    if info["Payload-Oxum"] != f"{octets}.{len(manifest)}":
        raise BundleError("oxum_mismatch",
                          f"数据包的文件数量或总大小与登记的不符（登记 {_show(info['Payload-Oxum'])}，实际 {octets}.{len(manifest)}），可能不完整。")

    done = 0

    def on_chunk(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, octets)
        if _is_cancelled(cancelled):
            raise BundleCancelled("已取消校验。")

    for name in sorted(manifest, key=lambda n: files[n].data_offset):
        if _hash_entry(fh, files[name], limits, None, on_chunk) != manifest[name]:
            raise _tampered(name)

    status = keystore.status(signer_id)
    if status == "unknown":
        if remember_unknown:
            with contextlib.suppress(BundleError):
                keystore.remember_seen(signer_pub, path.name)
        fp = fingerprint(signer_pub)
        raise BundleError("unknown_key",
                          f"数据包完整，但签名人的密钥尚未登记（指纹 {fp}），已暂存，未合并。"
                          f"请与发送人当面核对指纹后运行：inspector keys trust {fp} --name 姓名")
    if status == "revoked":
        name = keystore.name_of(signer_id)
        raise BundleError("revoked_key",
                          f"数据包的签名密钥{('（' + name + '）') if name else ''}已被吊销（指纹 {fingerprint(signer_pub)}），不能接受。")

    return Bag(path=path, info=info, signer_key_id=signer_id, signer_public_key=signer_pub,
               signer_status=status, bundle_hash=bundle_hash, tagmanifest=tagmanifest,
               sha256={n[5:]: d for n, d in manifest.items()},
               sizes={n[5:]: files[n].info.file_size for n in manifest},
               _entries=files, _limits=limits)


def verify_file(path: Path | str, keystore: KeyStore, *, limits: Limits = DEFAULT_LIMITS) -> tuple[bool, str]:
    """(True, summary) when the bundle is complete, untampered and signed by a known key."""
    try:
        bag = read_bag(path, keystore, limits=limits)
    except BundleError as exc:
        return False, exc.message
    who = keystore.name_of(bag.signer_key_id) or "未命名"
    parts = [f"完整、未被改动；签名人：{who}（{bag.signer_fingerprint}）"]
    kind = {"expert": "专家数据包", "panel": "专家组数据包", "plan": "方案包"}.get(bag.kind, bag.kind)
    parts.append(kind)
    seq = bag.info.get("Inspector-Sequence")
    if seq:
        parts.append(f"序号 {seq}")
    parts.append(f"{len(bag.sha256)} 个文件")
    return True, "；".join(parts)
