"""Where evidence files live: photos (originals and thumbnails) and other files, by content hash.

Layout under the evidence folder (`Store.photos_dir`, the data folder's `photos/`):

    originals/<sha256[:2]>/<sha256>.<jpg|png|heic|heif>   a photo's bytes exactly as received
    thumbs/<sha256>.jpg                                    oriented, at most 320 px on the long side
    files/<sha256[:2]>/<sha256>.<pdf|docx|m4a|…>           any other evidence file, as received

Every file is written durably (temporary name, fsync, rename, fsync the folder) before
`photos.ingest` or `evidence_files.ingest_file` returns, so the caller commits its database row
only after the file is safe. `store_file` is the one content-addressed writer; `read_regular`
the one reader of a file a user names (a FIFO, a folder or an oversized file refused, named).
"""
from __future__ import annotations

import contextlib
import contextvars
import hashlib
import os
import stat
import threading
from pathlib import Path
from typing import Iterator

from inspector_app.fsutil import fsync_dir, write_atomic
from inspector_app.said import Said

FILE_NOUN = Said("文件", "file")
PHOTO_NOUN = Said("照片", "photo")
TOO_LARGE = Said("“{0}”太大（{1} MB），{2}不能超过 {3} MB。", "“{0}” is too large ({1} MB): a {2} may not exceed {3} MB.")
STORED_FILE_MISSING = Said("{0}“{1}”的文件不见了（{2}）。请从备份或原始设备重新添加。",
                           "The file of the {0} “{1}” is missing ({2}). Add it again from a backup or the original device.")
STORED_FILE_CHANGED = Said("{0}“{1}”的文件已被改动或损坏（{2}），与登记时的内容不一致。",
                           "The file of the {0} “{1}” was changed or is damaged ({2}): it is not what was recorded.")

EMPTY_FILE = Said('“{0}”是空文件，不是{1}。',
                   '"{0}" is an empty file, not {1}.')
FILE_FOUND = Said('找不到文件“{0}”。',
                   'File "{0}" not found.')
IS_A_FOLDER_NOT = Said('“{0}”是文件夹，不是{1}。',
                        '"{0}" is a folder, not {1}.')
CANNOT_READ = Said('无法读取“{0}”：{1}',
                    'Cannot read "{0}": {1}')
REGULAR_FILE_PIPE_DEVICE = Said('“{0}”不是普通文件（管道或设备），未读取。',
                                 '"{0}" is not a regular file (a pipe or a device): not read.')

__all__ = ["EvidenceError", "file_has_hash", "file_rel", "problem", "read_regular", "store_file", "store_photo",
           "undone_on_failure", "verify"]

_LOCKS = [threading.Lock() for _ in range(64)]  # one writer per hash in this process
# Files and folders created in the evidence folder by the current block of `undone_on_failure`, oldest first.
_CREATED: contextvars.ContextVar[list[Path] | None] = contextvars.ContextVar("evidence_created", default=None)


def _note(path: Path) -> None:
    created = _CREATED.get()
    if created is not None:
        created.append(path)


@contextlib.contextmanager
def undone_on_failure() -> Iterator[None]:
    """Files this block newly creates in the evidence folder (and the folders made for them) are removed again
    when the block raises, so that work refused after its files were written (a bundle merge refused in its
    transaction) leaves the folder as it was. A file that was there before the block is never touched. The
    files are still written durably before any row names them: a crash inside the block leaves only unused
    files named by their hash, as before."""
    created: list[Path] = []
    token = _CREATED.set(created)
    try:
        yield
    except BaseException:
        for path in reversed(created):
            with contextlib.suppress(OSError):
                if path.is_dir():
                    path.rmdir()  # only when empty: another file may have arrived since
                else:
                    with _LOCKS[_lock_of(path)]:
                        path.unlink()
        raise
    finally:
        _CREATED.reset(token)


def _lock_of(path: Path) -> int:
    try:
        return int(path.name[:2], 16) % len(_LOCKS)
    except ValueError:
        return 0


class EvidenceError(Exception):
    """An evidence file refused or not stored; `str(err)` is a Chinese message for the user naming the file.

    `reason`: empty, too_large, unreadable, not_regular, unknown_type, damaged, storage, cancelled (photos add
    their own: not_image, too_many_pixels, location).
    """

    def __init__(self, message: str, *, reason: str, name: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason
        self.name = name

    def __reduce__(self):  # keyword-only arguments: rebuild explicitly (queues, processes)
        return (_rebuild, (type(self), self.message, self.reason, self.name))


def _rebuild(cls: type, message: str, reason: str, name: str) -> "EvidenceError":
    return cls(message, reason=reason, name=name)


def file_rel(sha: str, suffix: str) -> str:
    """Where a non-photo evidence file with this hash is kept, relative to the evidence folder."""
    return f"files/{sha[:2]}/{sha}.{suffix.lstrip('.').lower()}"


def store_file(root: Path, sha: str, data: bytes, rel: str) -> bool:
    """Write `data` (whose SHA-256 is `sha`) durably at `root/rel` unless the same bytes are there already.

    True when the file was created by this call (the caller may remove it again if its own work fails).
    """
    target = Path(root) / rel
    with _LOCKS[int(sha[:2], 16) % len(_LOCKS)]:
        if file_has_hash(target, sha):
            return False
        _ensure_dir(target.parent, Path(root))
        existed = target.exists()
        write_atomic(target, data)
        if not existed:
            _note(target)
        return not existed


def read_regular(path: Path | str, name: str, *, max_bytes: int, noun: str = FILE_NOUN(),
                 error: type[EvidenceError] = EvidenceError) -> bytes:
    """The bytes of a regular file a user named; a FIFO, device, folder, missing, empty or too large file is
    refused with `error`, naming the file. Never blocks on a FIFO (opened non-blocking, refused by type)."""
    try:
        fd = os.open(Path(path), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as handle:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                raise error(IS_A_FOLDER_NOT(name, noun), reason="not_regular", name=name)
            if not stat.S_ISREG(mode):
                raise error(REGULAR_FILE_PIPE_DEVICE(name), reason="not_regular", name=name)
            size = os.fstat(fd).st_size
            if size > max_bytes:
                raise too_large(name, size, max_bytes, noun, error)
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise error(FILE_FOUND(name), reason="unreadable", name=name) from None
    except IsADirectoryError:
        raise error(IS_A_FOLDER_NOT(name, noun), reason="not_regular", name=name) from None
    except EvidenceError:
        raise
    except OSError as exc:
        raise error(CANNOT_READ(name, exc.strerror or exc), reason="unreadable", name=name) from exc
    if not data:
        raise error(EMPTY_FILE(name, noun), reason="empty", name=name)
    if len(data) > max_bytes:
        raise too_large(name, len(data), max_bytes, noun, error)
    return data


def too_large(name: str, size: int, max_bytes: int, noun: str = FILE_NOUN(),
              error: type[EvidenceError] = EvidenceError) -> EvidenceError:
    return error(TOO_LARGE(name, f"{size / 1024 / 1024:.0f}", noun, max_bytes // 1024 // 1024),
                 reason="too_large", name=name)


def store_photo(
    photos_dir: Path,
    sha: str,
    data: bytes,
    original_rel: str,
    thumb_jpeg: bytes,
    thumb_rel: str,
) -> None:
    """Write the original and its thumbnail unless already there; on failure neither new file remains."""
    original = photos_dir / original_rel
    thumb = photos_dir / thumb_rel
    created: list[Path] = []
    try:
        if store_file(photos_dir, sha, data, original_rel):
            created.append(original)
        with _LOCKS[int(sha[:2], 16) % len(_LOCKS)]:
            if not _nonempty(thumb):
                _ensure_dir(thumb.parent, photos_dir)
                write_atomic(thumb, thumb_jpeg)
                created.append(thumb)
                _note(thumb)
    except BaseException:
        for path in created:  # keep the pair consistent: no original without its thumbnail
            with contextlib.suppress(OSError):
                path.unlink()
        raise


def _ensure_dir(folder: Path, root: Path) -> None:
    """Create `folder` and make the new directory entries durable too."""
    if folder.is_dir():
        return
    missing = []
    probe = folder
    while not probe.is_dir():
        missing.append(probe)
        if probe == root or probe.parent == probe:
            break
        probe = probe.parent
    folder.mkdir(parents=True, exist_ok=True)
    for made in reversed(missing):
        fsync_dir(made.parent)
        _note(made)


def _nonempty(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def file_has_hash(path: Path, sha: str) -> bool:
    try:
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return False
    return digest.hexdigest() == sha


def _resolve_inside(photos_dir: Path, rel_path: str) -> Path | None:
    rel = Path(rel_path)
    if rel.is_absolute() or ".." in rel.parts or not rel.parts:
        return None
    return Path(photos_dir) / rel


def verify(photos_dir: Path | str, sha256: str, rel_path: str) -> bool:
    """True when the stored file exists and its bytes still have this hash."""
    path = _resolve_inside(Path(photos_dir), rel_path)
    return path is not None and file_has_hash(path, sha256.lower())


def problem(photos_dir: Path | str, sha256: str, rel_path: str, *, name: str = "", noun: str = PHOTO_NOUN()) -> str | None:
    """None when the stored file is fine, otherwise a plain-words Chinese description."""
    label = name or Path(rel_path).name
    path = _resolve_inside(Path(photos_dir), rel_path)
    if path is None or not path.is_file():
        return STORED_FILE_MISSING(noun, label, rel_path)
    if not file_has_hash(path, sha256.lower()):
        return STORED_FILE_CHANGED(noun, label, rel_path)
    return None

