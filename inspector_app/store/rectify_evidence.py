"""Evidence of a rectification (整改佐证): the unit's documents and photos, in the inspection's one evidence
store (Store.photos_dir, by content hash), written durably before any event names them, carried in bundles.

A photo goes through the photo store (checked, a thumbnail made); any other file through the evidence
file store (checked by its name's ending and its first bytes: store/evidence_files.py). An event lists
each file as {sha256, name, mime, size, stored}.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from inspector_app.store.db import Store
from inspector_app.store.evidence_files import ACCEPTED_TEXT, MAX_EVIDENCE_BYTES, file_type, ingest_file
from inspector_app.store.photo_storage import EvidenceError, read_regular
from inspector_app.store.rectification import RectifyError
from inspector_app.said import Said

RECTIFY_EVIDENCE_NOUN = Said("整改佐证文件", "rectification evidence file")

FILE_RECTIFICATION_EVIDENCE_HAS = Said('整改佐证“{0}”的文件已被改动（{1}）；没有写出数据包',
                                        'The file of rectification evidence "{0}" has been changed ({1}); no bundle was written')
TYPE_RECTIFICATION_EVIDENCE_CAN = Said('“{0}”不是可添加的整改佐证文件类型；只能添加 {1}',
                                        '"{0}" is not a type of rectification evidence that can be added; only {1} can be added')
FILE_RECTIFICATION_EVIDENCE_MISSING = Said('整改佐证“{0}”的文件缺失（{1}）；没有写出数据包',
                                            'The file of rectification evidence "{0}" is missing ({1}); no bundle was written')

PHOTOS = ("jpg", "jpeg", "png", "heic", "heif")
OR_PHOTOS = Said("{0}或照片（jpg/png/heic）", "{0}, or photos (jpg/png/heic)")
ACCEPTED = OR_PHOTOS(ACCEPTED_TEXT)


def _is_photo(name: str) -> bool:
    return Path(name).suffix.lower().lstrip(".") in PHOTOS


def store_bytes(store: Store, data: bytes, name: str) -> dict:
    """Keep one evidence file's bytes by hash; RectifyError naming the file when it is refused."""
    return keep_bytes(store.photos_dir, data, name)


def keep_bytes(root: Path, data: bytes, name: str) -> dict:
    """`store_bytes` into the evidence folder `root` (touches no database: safe on a worker thread)."""
    try:
        if _is_photo(name):
            from inspector_app.store.photos import ingest
            photo = ingest(data, root, name=name)
            return {"sha256": photo.sha256, "name": name, "mime": photo.mime, "size": photo.size,
                    "stored": photo.original}
        if file_type(name) is None:
            raise RectifyError(TYPE_RECTIFICATION_EVIDENCE_CAN(name, ACCEPTED))
        found = ingest_file(data, root, name=name)
    except EvidenceError as exc:
        raise RectifyError(str(exc)) from None
    return {"sha256": found.sha256, "name": name, "mime": found.mime, "size": found.size, "stored": found.stored}


def store_files(store: Store, paths: list[str | Path]) -> list[dict]:
    """Every named file read, checked and stored before anything is recorded; the first bad one stops all."""
    return keep_files(store.photos_dir, paths)


def keep_files(root: Path, paths: list[str | Path], progress=None) -> list[dict]:
    """`store_files` into the evidence folder `root`, touching no database (the window runs it on a worker);
    `progress(done, total, name)` after each file, and it stops when `progress.cancelled()` says so."""
    out = []
    for n, path in enumerate(paths):
        if progress is not None and progress.cancelled():
            break
        path = Path(path)
        if not _is_photo(path.name) and file_type(path.name) is None:
            raise RectifyError(TYPE_RECTIFICATION_EVIDENCE_CAN(path.name, ACCEPTED))
        try:
            data = read_regular(path, path.name, max_bytes=MAX_EVIDENCE_BYTES, noun=RECTIFY_EVIDENCE_NOUN())
        except EvidenceError as exc:
            raise RectifyError(str(exc)) from None
        out.append(keep_bytes(root, data, path.name))
        if progress is not None:
            progress(n + 1, len(paths), path.name)
    return out


def read_stored(store: Store, meta: dict) -> bytes:
    """A stored evidence file's bytes, re-hashed as they leave; RectifyError when missing or changed."""
    path = store.photos_dir / meta["stored"]
    try:
        data = path.read_bytes()
    except OSError:
        raise RectifyError(FILE_RECTIFICATION_EVIDENCE_MISSING(meta['name'], path)) from None
    if hashlib.sha256(data).hexdigest() != meta["sha256"]:
        raise RectifyError(FILE_RECTIFICATION_EVIDENCE_HAS(meta['name'], path))
    return data


def bundle_name(meta: dict) -> str:
    return f"rectification/{meta['sha256']}{Path(meta['name']).suffix.lower()}"
