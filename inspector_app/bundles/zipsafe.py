"""Zip-structure safety for bundles: safe entry names, limits against zip bombs, bounded reads.

Nothing is trusted from the zip headers: the end record, every entry's name,
type, method and declared sizes are checked before anything is inflated, the
local headers must tile the file, and every entry is read through a stream that
stops at its declared size.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from inspector_app.said import Said
from inspector_app.bundles.canonical import BundleError

# Why a name inside a zip is unsafe, said after "the file name … cannot be used: "
EMPTY_NAME = Said("空文件名", "the name is empty")
HAS_BACKSLASH = Said("含有反斜杠", "it holds a backslash")
IS_ABSOLUTE = Said("是绝对路径", "it is an absolute path")
HAS_DRIVE = Said("含有盘符", "it holds a drive letter")
HAS_CONTROL = Said("含有控制字符", "it holds control characters")
HAS_WINDOWS_BAD = Said("含有 Windows 不允许的字符", "it holds characters Windows does not allow")
NAME_TOO_LONG = Said("过长", "it is too long")
HAS_EMPTY_PART = Said("含有 “..” 或空的路径段", "it holds “..” or an empty part of the path")
PART_ENDS_BADLY = Said("路径段以空格或句点结尾", "a part of the path ends in a space or a full stop")
PART_TOO_LONG = Said("路径段过长", "a part of the path is too long")

BUNDLE_HAS_EXTRA_DATA = Said('数据包末尾有多余的数据，不是 Inspector 写出的数据包，已拒绝。',
                              'The bundle has extra data at its end: it was not written by Inspector; refused.')
BUNDLE_SPLIT_MULTI_VOLUME = Said('数据包是分卷压缩的，Inspector 不支持。',
                                  'The bundle is a split (multi-volume) archive: Inspector does not support that.')
BUNDLE_HOLDS_TOO_MANY = Said('数据包中的文件过多（{0} 个，上限 {1} 个），可能是恶意文件，已拒绝。',
                              'The bundle holds too many files ({0}, at most {1}): it may be malicious; refused.')
BUNDLE_FILE_DIRECTORY_TOO = Said('数据包的文件目录过大，可能是恶意文件，已拒绝。',
                                  "The bundle's file directory is too large: it may be malicious; refused.")
FILE_EMPTY_0_BYTES = Said('文件 {0} 是空的（0 字节），可能拷贝失败，请重新拷贝。',
                           'File {0} is empty (0 bytes): the copy may have failed; copy it again.')
FILE_INSPECTOR_BUNDLE_ZIP = Said('文件 {0} 不是 Inspector 数据包（不是 zip 文件）。',
                                  'File {0} is not an Inspector bundle (not a zip file).')
BUNDLE_ZIP_STRUCTURE_ABNORMAL = Said('数据包的 zip 结构异常（内容与目录之间有多余或重叠的数据），已拒绝。',
                                      "The bundle's zip structure is abnormal (extra or overlapping data between the content and the directory); refused.")
BUNDLE_TOO_LARGE_REFUSED = Said('数据包中的 {0} 过大，已拒绝。',
                                 '{0} in the bundle is too large; refused.')
BUNDLE_ZIP64_DIRECTORY_DAMAGED = Said('数据包的 zip64 目录损坏，请重新导出。',
                                       "The bundle's zip64 directory is damaged; please export it again.")
EMPTY_ZIP_FILE_INSPECTOR = Said('这是一个空的 zip 文件，不是 Inspector 数据包。',
                                 'This is an empty zip file, not an Inspector bundle.')
BUNDLE_STRUCTURE_DAMAGED_ZIP = Said('数据包结构已损坏（zip 目录读不出来），请重新拷贝或重新导出。',
                                     "The bundle's structure is damaged (its zip directory cannot be read); copy or export it again.")
BUNDLE_HOLDS_UNSAFE_FILE = Said('数据包中有不安全的文件名“{0}”（{1}），已拒绝。',
                                 'The bundle holds an unsafe file name "{0}" ({1}); refused.')
BUNDLE_HOLDS_TWO_FILES = Said('数据包中有两个同名文件“{0}”，无法确定以哪个为准，已拒绝。',
                               'The bundle holds two files named "{0}": which one holds cannot be told; refused.')
BUNDLE_DIFFER_ONLY_CASE = Said('数据包中的“{0}”和“{1}”只差大小写，无法确定以哪个为准，已拒绝。',
                                '"{0}" and "{1}" in the bundle differ only in case: which one holds cannot be told; refused.')
BUNDLE_ENCRYPTED_INSPECTOR_DOES = Said('数据包中的 {0} 被加密了，Inspector 不接受加密的数据包。',
                                        '{0} in the bundle is encrypted: Inspector does not accept encrypted bundles.')
BUNDLE_USES_UNSUPPORTED_COMPRESSION = Said('数据包中的 {0} 使用了不支持的压缩方式（{1}）。',
                                            '{0} in the bundle uses an unsupported compression method ({1}).')
BUNDLE_TOO_LARGE_ONCE = Said('数据包中的 {0} 解压后过大（{1} 字节），可能是恶意文件，已拒绝。',
                              '{0} in the bundle is too large once unpacked ({1} bytes): it may be malicious; refused.')
BUNDLE_TOTAL_SIZE_ONCE = Said('数据包解压后总大小超过上限（{0} 字节），可能是恶意文件，已拒绝。',
                               "The bundle's total size once unpacked exceeds the limit ({0} bytes): it may be malicious; refused.")
BUNDLE_HAS_ABNORMAL_COMPRESSION = Said('数据包中的 {0} 压缩比异常（{1} 字节解压为 {2} 字节），可能是恶意文件，已拒绝。',
                                        '{0} in the bundle has an abnormal compression ratio ({1} bytes unpack to {2}): it may be malicious; refused.')
RECORDED_SIZES_BUNDLE_DISAGREE = Said('数据包中 {0} 的大小记录不一致，已损坏。',
                                       'The recorded sizes of {0} in the bundle disagree: it is damaged.')
FILE_HEADER_BUNDLE_DAMAGED = Said('数据包中 {0} 的文件头已损坏。',
                                   'The file header of {0} in the bundle is damaged.')
FILE_HEADER_BUNDLE_DIFFERS = Said('数据包中 {0} 的文件头与目录不一致，已拒绝。',
                                   'The file header of {0} in the bundle differs from the directory; refused.')
BUNDLE_SYMBOLIC_LINK_REGULAR = Said('数据包中的 {0} 是符号链接，不是普通文件，已拒绝。',
                                     '{0} in the bundle is a symbolic link, not a regular file; refused.')
BUNDLE_REGULAR_FILE_REFUSED = Said('数据包中的 {0} 不是普通文件，已拒绝。',
                                    '{0} in the bundle is not a regular file; refused.')
FOLDER_ENTRY_BUNDLE_HAS = Said('数据包中的文件夹项 {0} 带有内容，已拒绝。',
                                'The folder entry {0} in the bundle has content; refused.')
BUNDLE_ZIP_STRUCTURE_ABNORMAL_2 = Said('数据包的 zip 结构异常（内容之间有多余或重叠的数据），已拒绝。',
                                        "The bundle's zip structure is abnormal (extra or overlapping data between its contents); refused.")

__all__ = ["CHUNK", "DEFAULT_LIMITS", "Entry", "Limits", "MemoryFile", "Stretch", "check_entries", "collision_key", "hash_entry",
           "label_for", "name_problem", "open_zip", "read_small", "show_name", "tampered", "truncated"]

_PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".gif", ".tif", ".tiff", ".bmp"}

CHUNK = 1 << 20


class MemoryFile(io.BytesIO):
    """A bundle's bytes, read once, read as a file. Its stored entries are hashed and handed on as views
    of these very bytes (`hash_entry`), not copied chunk by chunk."""

    def __init__(self, whole: bytes):
        super().__init__(whole)  # shares the bytes until written to, which a reader never does
        self.whole = whole


class Stretch(io.RawIOBase):
    """A stretch of a file read as the whole of it: a member bundle stored, uncompressed, in its panel bundle."""

    def __init__(self, fh: BinaryIO, start: int, size: int):
        super().__init__()
        self._fh, self._start, self._size, self._pos = fh, start, size, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, pos: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._pos, os.SEEK_END: self._size}[whence]
        self._pos = max(0, base + pos)
        return self._pos

    def readinto(self, buffer) -> int:
        n = min(len(buffer), self._size - self._pos)
        if n <= 0:
            return 0
        self._fh.seek(self._start + self._pos)
        data = self._fh.read(n)
        buffer[:len(data)] = data
        self._pos += len(data)
        return len(data)

    def close(self) -> None:
        self._fh.close()
        super().close()


_WINDOWS_BAD = set('<>:"|?*\\')


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

def label_for(name: str) -> str:
    return "照片" if Path(name).suffix.lower() in _PHOTO_SUFFIXES else "文件"


def show_name(name: str) -> str:
    shown = "".join(ch if ch.isprintable() else "\\x%02x" % ord(ch) for ch in name)
    return shown if len(shown) <= 120 else shown[:120] + "…"


def truncated() -> BundleError:
    return BundleError("truncated", TRUNCATED())


TRUNCATED = Said("文件不完整（可能在拷贝时被中断），请重新拷贝或重新导出。",
                 "The file is incomplete (perhaps a copy was interrupted): copy it again, or export it again.")
TAMPERED_PHOTO = Said("照片 {0} 被改动过或已损坏，与签名时不一致。", "The photo {0} was changed or is damaged since it was signed.")
TAMPERED_FILE = Said("文件 {0} 被改动过或已损坏，与签名时不一致。", "The file {0} was changed or is damaged since it was signed.")
TAMPERED = Said("数据包的 {0} 被改动过或已损坏，与签名时不一致。", "{0} of the bundle was changed or is damaged since it was signed.")


def tampered(name: str) -> BundleError:
    if name.startswith("data/"):
        said = TAMPERED_PHOTO if label_for(name) == "照片" else TAMPERED_FILE
        return BundleError("bad_hash", said(show_name(name)))
    return BundleError("bad_hash", TAMPERED(show_name(name)))


# --------------------------------------------------------------------------- names

_PLAIN_PART = r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*"
_PLAIN_NAME = re.compile(f"{_PLAIN_PART}(?:/{_PLAIN_PART})*/?")  # ASCII words joined by single dots and slashes


def name_problem(name: str) -> str | None:
    """Why a name inside the zip is unsafe, or None."""
    if len(name) <= 255 and _PLAIN_NAME.fullmatch(name):
        return None  # what every bundle writer makes (data/photos/<sha256>.jpg): none of the checks below can fail
    return full_name_problem(name)


def full_name_problem(name: str) -> str | None:
    if not name:
        return EMPTY_NAME()
    if "\\" in name:
        return HAS_BACKSLASH()
    if name.startswith("/"):
        return IS_ABSOLUTE()
    if re.match(r"[A-Za-z]:", name):
        return HAS_DRIVE()
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return HAS_CONTROL()
    if any(ch in _WINDOWS_BAD for ch in name):
        return HAS_WINDOWS_BAD()
    if len(name.encode("utf-8", "surrogatepass")) > 1024:
        return NAME_TOO_LONG()
    parts = (name[:-1] if name.endswith("/") else name).split("/")
    for part in parts:
        if part in ("", ".", ".."):
            return HAS_EMPTY_PART()
        if part != part.strip() or part.endswith("."):
            return PART_ENDS_BADLY()
        if len(part.encode("utf-8", "surrogatepass")) > 255:
            return PART_TOO_LONG()
    return None


def collision_key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


# --------------------------------------------------------------------------- entries

@dataclass
class Entry:
    info: zipfile.ZipInfo
    data_offset: int

    def __reduce__(self):
        # A bundle opened in another process travels by pickle: only what reading an entry again needs goes
        # with it (a whole ZipInfo costs ~8 µs to unpickle, and a province merge hands on ~90 a second).
        i = self.info
        return _slim_entry, (i.filename, i.compress_type, i.compress_size, i.file_size, i.CRC, self.data_offset)


class _SlimInfo:
    """The fields of a ZipInfo that reading an entry uses."""
    __slots__ = ("filename", "compress_type", "compress_size", "file_size", "CRC")

    def __init__(self, filename: str, compress_type: int, compress_size: int, file_size: int, crc: int):
        self.filename, self.compress_type, self.compress_size, self.file_size, self.CRC = \
            filename, compress_type, compress_size, file_size, crc

    def is_dir(self) -> bool:
        return self.filename.endswith("/")


def _slim_entry(filename: str, compress_type: int, compress_size: int, file_size: int, crc: int,
                data_offset: int) -> "Entry":
    return Entry(_SlimInfo(filename, compress_type, compress_size, file_size, crc), data_offset)  # type: ignore[arg-type]


def _zip_end(fh: BinaryIO, size: int, limits: Limits) -> None:
    """Check the end-of-central-directory record before zipfile parses anything."""
    tail_len = min(size, 22 + 65535)
    fh.seek(size - tail_len)
    tail = fh.read(tail_len)
    pos = tail.rfind(b"PK\x05\x06")
    if pos < 0 or len(tail) - pos < 22:
        raise truncated()
    (_, disk, disk_cd, _n_disk, n_total, cd_size, _cd_off, comment_len) = struct.unpack(
        "<4s4H2LH", tail[pos:pos + 22])
    if pos + 22 + comment_len > len(tail):
        raise truncated()
    if pos + 22 + comment_len < len(tail):
        raise BundleError("bad_zip", BUNDLE_HAS_EXTRA_DATA())
    if disk != 0 or disk_cd != 0:
        raise BundleError("bad_zip", BUNDLE_SPLIT_MULTI_VOLUME())
    if n_total == 0xFFFF or cd_size == 0xFFFFFFFF:
        loc = pos - 20
        if loc < 0 or tail[loc:loc + 4] != b"PK\x06\x07":
            raise BundleError("bad_zip", BUNDLE_ZIP64_DIRECTORY_DAMAGED())
        (_, _disk, z64_off, _disks) = struct.unpack("<4sLQL", tail[loc:loc + 20])
        if z64_off + 56 > size:
            raise truncated()
        fh.seek(z64_off)
        rec = fh.read(56)
        if rec[:4] != b"PK\x06\x06":
            raise BundleError("bad_zip", BUNDLE_ZIP64_DIRECTORY_DAMAGED())
        n_total, cd_size = struct.unpack("<QQ", rec[32:48])
    if n_total > limits.max_entries:
        raise BundleError("too_many_files",
                          BUNDLE_HOLDS_TOO_MANY(n_total, limits.max_entries))
    if cd_size > limits.max_central_directory:
        raise BundleError("too_many_files", BUNDLE_FILE_DIRECTORY_TOO())


def open_zip(fh: BinaryIO, path: Path, limits: Limits) -> zipfile.ZipFile:
    fh.seek(0, os.SEEK_END)
    size = fh.tell()
    if size == 0:
        raise BundleError("empty", FILE_EMPTY_0_BYTES(path.name))
    fh.seek(0)
    head = fh.read(4)
    if len(head) < 4 and b"PK\x03\x04".startswith(head):
        raise truncated()
    if head != b"PK\x03\x04":
        if head == b"PK\x05\x06":
            raise BundleError("not_bag", EMPTY_ZIP_FILE_INSPECTOR())
        raise BundleError("not_zip", FILE_INSPECTOR_BUNDLE_ZIP(path.name))
    _zip_end(fh, size, limits)
    try:
        return zipfile.ZipFile(fh)
    except zipfile.BadZipFile as exc:
        if "truncated" in str(exc).lower():
            raise truncated() from None
        raise BundleError("bad_zip", BUNDLE_STRUCTURE_DAMAGED_ZIP()) from None
    except (EOFError, OSError, ValueError, struct.error, NotImplementedError):
        raise truncated() from None


def check_entries(zf: zipfile.ZipFile, fh: BinaryIO, limits: Limits) -> dict[str, Entry]:
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise BundleError("too_many_files",
                          BUNDLE_HOLDS_TOO_MANY(len(infos), limits.max_entries))
    names: set[str] = set()
    folded: dict[str, str] = {}
    total = 0
    for info in infos:
        name = info.filename
        orig = info.orig_filename
        problem = name_problem(orig) or name_problem(name)
        if problem:
            raise BundleError("bad_name", BUNDLE_HOLDS_UNSAFE_FILE(show_name(orig), problem))
        if name in names:
            raise BundleError("duplicate_name", BUNDLE_HOLDS_TWO_FILES(show_name(name)))
        names.add(name)
        key = collision_key(name)
        if key in folded:
            raise BundleError("duplicate_name",
                              BUNDLE_DIFFER_ONLY_CASE(show_name(name), show_name(folded[key])))
        folded[key] = name
        if info.flag_bits & 0x41:
            raise BundleError("encrypted", BUNDLE_ENCRYPTED_INSPECTOR_DOES(show_name(name)))
        if info.create_system == 3:
            ftype = stat.S_IFMT(info.external_attr >> 16)
            if ftype == stat.S_IFLNK:
                raise BundleError("symlink", BUNDLE_SYMBOLIC_LINK_REGULAR(show_name(name)))
            if ftype not in (0, stat.S_IFREG, stat.S_IFDIR):
                raise BundleError("special_file", BUNDLE_REGULAR_FILE_REFUSED(show_name(name)))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleError("unsupported_compression",
                              BUNDLE_USES_UNSUPPORTED_COMPRESSION(show_name(name), info.compress_type))
        if info.is_dir():
            if info.file_size or info.compress_size:
                raise BundleError("bad_zip", FOLDER_ENTRY_BUNDLE_HAS(show_name(name)))
            continue
        if info.file_size > limits.max_entry_size:
            raise BundleError("zip_bomb", BUNDLE_TOO_LARGE_ONCE(show_name(name), info.file_size))
        total += info.file_size
        if total > limits.max_total_size:
            raise BundleError("zip_bomb", BUNDLE_TOTAL_SIZE_ONCE(limits.max_total_size))
        if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise BundleError("zip_bomb", BUNDLE_HAS_ABNORMAL_COMPRESSION(show_name(name), info.compress_size, info.file_size))
        if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
            raise BundleError("bad_zip", RECORDED_SIZES_BUNDLE_DISAGREE(show_name(name)))

    # local headers must tile the file: no prepended, hidden or overlapping data
    entries: dict[str, Entry] = {}
    pos = 0
    prev_descriptor = False
    for info in sorted(infos, key=lambda i: i.header_offset):
        if info.header_offset != pos:
            if not (pos < info.header_offset <= pos + 24 and prev_descriptor):
                raise BundleError("bad_zip", BUNDLE_ZIP_STRUCTURE_ABNORMAL_2())
        fh.seek(info.header_offset)
        header = fh.read(30)
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            raise BundleError("bad_zip", FILE_HEADER_BUNDLE_DAMAGED(show_name(info.filename)))
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        raw_name = fh.read(name_len)
        central_raw = info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437", "replace")
        if raw_name != central_raw:
            raise BundleError("bad_zip", FILE_HEADER_BUNDLE_DIFFERS(show_name(info.filename)))
        if (struct.unpack("<H", header[6:8])[0] & 0x41) or struct.unpack("<H", header[8:10])[0] != info.compress_type:
            raise BundleError("bad_zip", FILE_HEADER_BUNDLE_DIFFERS(show_name(info.filename)))
        data_offset = info.header_offset + 30 + name_len + extra_len
        pos = data_offset + info.compress_size
        prev_descriptor = bool(info.flag_bits & 0x08)
        entries[info.filename] = Entry(info, data_offset)
    start_dir = getattr(zf, "start_dir", pos)
    if pos > start_dir or (pos != start_dir and not (prev_descriptor and start_dir - pos <= 24)):
        raise BundleError("bad_zip", BUNDLE_ZIP_STRUCTURE_ABNORMAL())
    return entries



def hash_entry(fh: BinaryIO, entry: Entry, limits: Limits, sink: Callable[[bytes], Any] | None = None,
                on_chunk: Callable[[int], None] | None = None) -> str:
    """SHA-256 of an entry's content, read through a bounded stream.

    Stored entries are read straight from the file (the SHA-256 is the check);
    deflated ones are inflated chunk by chunk, never beyond the declared size.
    """
    info = entry.info
    sha = hashlib.sha256()
    if info.compress_type == zipfile.ZIP_STORED:
        for chunk in _stored(fh, entry):
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
                raise truncated()
            left_in -= len(pending)
        try:
            out = inflater.decompress(pending, CHUNK)
        except zlib.error:
            raise tampered(info.filename) from None
        pending = inflater.unconsumed_tail
        if not out:
            if not pending and not left_in:
                break  # input used up without the end of the stream
            continue
        produced += len(out)
        if produced > info.file_size:
            # more data than the directory says: a lying header (or damage)
            raise tampered(info.filename)
        crc = zlib.crc32(out, crc)
        sha.update(out)
        if sink is not None:
            sink(out)
        if on_chunk is not None:
            on_chunk(len(out))
    if not inflater.eof or produced != info.file_size or crc != info.CRC or inflater.unused_data or pending or left_in:
        raise tampered(info.filename)
    return sha.hexdigest()


def _stored(fh: BinaryIO, entry: Entry) -> Iterator[Any]:
    """A stored entry's bytes: one view of a `MemoryFile`'s bytes, or chunks read from the file."""
    info = entry.info
    whole = getattr(fh, "whole", None)
    if whole is not None:
        end = entry.data_offset + info.compress_size
        if end > len(whole):
            raise truncated()
        yield memoryview(whole)[entry.data_offset:end]
        return
    fh.seek(entry.data_offset)
    left = info.compress_size
    while left:
        chunk = fh.read(min(CHUNK, left))
        if not chunk:
            raise truncated()
        left -= len(chunk)
        yield chunk


def read_small(fh: BinaryIO, entries: dict[str, Entry], name: str, limits: Limits) -> bytes:
    entry = entries[name]
    if entry.info.file_size > limits.max_tag_file_size:
        raise BundleError("zip_bomb", BUNDLE_TOO_LARGE_REFUSED(show_name(name)))
    data = collect(lambda sink: hash_entry(fh, entry, limits, sink))[1]
    if entry.info.compress_type == zipfile.ZIP_STORED and zlib.crc32(data) != entry.info.CRC:
        raise tampered(name)
    return data


def collect(read: Callable[[Callable[[Any], Any]], str]) -> tuple[str, bytes]:
    """(digest, bytes) of what `read` hands its sink, joined once (a single piece is taken as it is)."""
    pieces: list = []
    digest = read(pieces.append)
    return digest, (bytes(pieces[0]) if len(pieces) == 1 else b"".join(pieces))

