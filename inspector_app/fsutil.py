"""Durable file writes: temporary name, fsync, rename, fsync the folder.

A crash or a pulled USB stick then leaves either the old file or the whole new
one at the destination name, never a torn one.
"""
from __future__ import annotations

import contextlib
import errno
import functools
import os
import tempfile
import time
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterator

from inspector_app.said import Said


class StorageError(OSError):
    """A write that failed, explained in plain words (disk full, read-only)."""


DISK_FULL = Said("磁盘空间已满（或文件超过大小限制），{0} 无法写入", "The disk is full (or the file is over its size limit): {0} cannot be written")
NOTHING_SAVED_HARMED = Said("已保存的内容没有受影响", "Nothing already saved is affected")
IS_A_FOLDER = Said("{0} 是一个文件夹，不能写成文件", "{0} is a folder and cannot be written as a file")
GIVE_FILE_NAME = Said("请给出文件名（例如 {0}）", "give a file name (for example {0})")
ON_NETWORK = Said("数据文件夹位于网络存储（{0}，{1}）上，断网时可能丢失数据", "The data folder is on network storage ({0}, {1}): data may be lost when the network drops")
ON_REMOVABLE = Said("数据文件夹位于可移动存储（{0}）上，拔出时可能损坏数据", "The data folder is on removable storage ({0}): data may be damaged when it is pulled out")
KEEP_ON_DISK = Said("请放在本机硬盘上", "Keep it on this computer's own disk")
STICK_FOR_BUNDLES = Said("U 盘只用来传递数据包", "use a USB stick only to carry bundles")


def explain_os_error(exc: OSError, path: Path | str) -> str:
    if exc.errno == errno.ENOSPC or exc.errno == errno.EFBIG:
        return f"{DISK_FULL(path)}。{NOTHING_SAVED_HARMED()}。"
    if exc.errno == errno.EISDIR:
        return f"{IS_A_FOLDER(path)}；{GIVE_FILE_NAME(Path(path) / '文件名')}。{NOTHING_SAVED_HARMED()}。"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"无法写入 {path}：文件夹是只读的或没有权限。{NOTHING_SAVED_HARMED()}。"  # said by the window (ui/core_words.py)
    return f"无法写入 {path}：{exc.strerror or exc}"  # said by the window (ui/core_words.py)


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # some platforms cannot open folders; the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def temp_beside(dest: Path | str, mode: int = 0o644) -> Iterator[Path]:
    """A temporary path beside `dest` for the caller to fill; when the block ends it is
    fsynced and renamed into place, or removed if anything failed."""
    dest = Path(dest)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
        os.close(fd)
    except OSError as exc:
        raise StorageError(exc.errno, explain_os_error(exc, dest)) from exc
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, dest)
        fsync_dir(dest.parent)
        _tidy_now_and_then(dest.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StorageError(exc.errno, explain_os_error(exc, dest)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


PART_SUFFIX = ".part"
STALE_PART_S = 120  # a temporary file not written to for this long belongs to a writer that died


def remove_stale_parts(folder: Path | str, older_than_s: float = STALE_PART_S) -> int:
    """Remove the hidden `.NAME.….part` files a killed writer left in `folder`; returns how many.

    Called after each job on the folder it wrote to, and at start on the data folder (whose lock
    says no one else writes there, so any age will do)."""
    removed, now = 0, time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if not (entry.name.startswith(".") and entry.name.endswith(PART_SUFFIX)):
                continue
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime >= older_than_s:
                    os.unlink(entry.path)
                    removed += 1
    return removed


_TIDIED: dict[str, float] = {}


def _tidy_now_and_then(folder: Path) -> None:
    """Stale parts removed after a write, at most once per half a stale period and folder: a folder of
    thousands of kept bundles is not listed again for each one written into it."""
    key, now = str(folder), time.monotonic()
    if now - _TIDIED.get(key, -STALE_PART_S) >= STALE_PART_S / 2:
        _TIDIED[key] = now
        remove_stale_parts(folder)


@contextlib.contextmanager
def atomic_writer(dest: Path | str, mode: int = 0o644) -> Iterator[BinaryIO]:
    """Write to a temporary file beside `dest`; on success fsync and rename it into place."""
    with temp_beside(dest, mode) as tmp:
        with open(tmp, "wb") as handle:
            yield handle


def stage_copy(src: Path | str, folder: Path | str) -> Path:
    """A durable copy of `src` in `folder` under a hidden temporary name: written and fsynced (on any thread,
    off the one that writes the database), then put in place by `commit_staged` or removed by the caller. A
    crash leaves only a stale `.part`, tidied like the others."""
    import shutil
    # in the kernel where it can (sendfile): the bytes never pass through Python
    return _staged(folder, lambda tmp: shutil.copyfile(src, tmp))


def stage_bytes(data: bytes, folder: Path | str) -> Path:
    """`stage_copy` of bytes already in memory (exactly the bytes that were checked, not the file read again)."""
    def fill(tmp: Path) -> None:
        with open(tmp, "wb") as handle:
            handle.write(data)
    return _staged(folder, fill)


def _staged(folder: Path | str, fill: Callable[[Path], Any]) -> Path:
    fd, tmp_name = tempfile.mkstemp(prefix=".staged.", suffix=PART_SUFFIX, dir=Path(folder))
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        fill(tmp)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def commit_staged(staged: Path, dest: Path | str, mode: int = 0o644, *,
                  folder_later: bool = False) -> Callable[[], Any]:
    """Put a `stage_copy` in place as `dest`: renamed over it and the folder fsynced, as `write_atomic`
    leaves a file (the bytes were fsynced when staged). Returns a wait that returns once the name is durable:
    at once, or with `folder_later` when the folder's fsync, done on a thread meanwhile, is over (a caller
    then does its own work while the disk writes, and waits before committing what names the file)."""
    dest = Path(dest)
    try:
        os.chmod(staged, mode)
        os.replace(staged, dest)
        if not folder_later:
            fsync_dir(dest.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            staged.unlink()
        raise StorageError(exc.errno, explain_os_error(exc, dest)) from exc
    _tidy_now_and_then(dest.parent)
    if not folder_later:
        return _durable
    return worker("folder-sync").submit(fsync_dir, dest.parent).result


def _durable() -> None:
    """Already durable: nothing to wait for."""


@functools.lru_cache(maxsize=None)
def worker(name: str):
    """One thread of this process for one kind of disk work (made on first use, kept for the process)."""
    from concurrent.futures import ThreadPoolExecutor
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)


def write_atomic(dest: Path | str, data: bytes, mode: int = 0o644) -> None:
    with atomic_writer(dest, mode) as handle:
        handle.write(data)


def is_removable_or_network(path: Path, mounts: str | None = None) -> str | None:
    """A reason to warn when the live data sits on a USB stick or a network share (Linux mount table)."""
    try:
        target = str(path.resolve())
        if mounts is None:
            with open("/proc/mounts", encoding="utf-8") as handle:
                mounts = handle.read()
    except OSError:
        return None
    best, fstype = "", ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount = parts[1].replace("\\040", " ")
        if (target == mount or target.startswith(mount.rstrip("/") + "/")) and len(mount) > len(best):
            best, fstype = mount, parts[2]
    if fstype in {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p"}:
        return f"{ON_NETWORK(fstype, best)}。{KEEP_ON_DISK()}。"
    if best.startswith(("/media/", "/run/media/", "/mnt/")) or fstype in {"vfat", "exfat", "msdos"}:
        return f"{ON_REMOVABLE(best)}。{KEEP_ON_DISK()}；{STICK_FOR_BUNDLES()}。"
    return None
