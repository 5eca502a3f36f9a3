"""Where photo files live: originals and thumbnails written durably, and checked later.

Layout under a photos folder:

    originals/<sha256[:2]>/<sha256>.<jpg|png|heic|heif>   the bytes exactly as received
    thumbs/<sha256>.jpg                                    oriented, at most 320 px on the long side

Every file is written durably (temporary name, fsync, rename, fsync the folder) before
`photos.ingest` returns, so the caller commits its database row only after the file is safe.
"""
from __future__ import annotations

import contextlib
import hashlib
import threading
from pathlib import Path

from inspector_app.fsutil import fsync_dir, write_atomic

__all__ = ["file_has_hash", "problem", "store_photo", "verify"]

_LOCKS = [threading.Lock() for _ in range(64)]  # one writer per hash in this process


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
    with _LOCKS[int(sha[:2], 16) % len(_LOCKS)]:
        try:
            if not file_has_hash(original, sha):
                _ensure_dir(original.parent, photos_dir)
                existed = original.exists()
                write_atomic(original, data)
                if not existed:
                    created.append(original)
            if not _nonempty(thumb):
                _ensure_dir(thumb.parent, photos_dir)
                write_atomic(thumb, thumb_jpeg)
                created.append(thumb)
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


def problem(photos_dir: Path | str, sha256: str, rel_path: str, *, name: str = "") -> str | None:
    """None when the stored photo is fine, otherwise a plain-words Chinese description."""
    label = name or Path(rel_path).name
    path = _resolve_inside(Path(photos_dir), rel_path)
    if path is None or not path.is_file():
        return f"照片“{label}”的文件不见了（{rel_path}）。请从备份或原始设备重新添加。"
    if not file_has_hash(path, sha256.lower()):
        return f"照片“{label}”的文件已被改动或损坏（{rel_path}），与登记时的内容不一致。"
    return None

