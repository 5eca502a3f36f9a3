"""Evidence of a rectification (整改佐证): the unit's documents and photos, stored by content hash beside the
inspection's photos (Store.photos_dir), durably before any event names them, and carried in bundles.

A photo goes through the photo store (checked, a thumbnail made); a document (PDF, Word, a spreadsheet) is
checked by its name's ending and its first bytes and kept as received under files/. An event lists each
file as {sha256, name, mime, size, stored}.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from inspector_app.fsutil import write_atomic
from inspector_app.store import photo_storage
from inspector_app.store.db import Store
from inspector_app.store.rectification import RectifyError

MAX_BYTES = 200 * 1024 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
DOCUMENTS = {  # suffix: (mime, first bytes)
    "pdf": ("application/pdf", (b"%PDF-",)),
    "doc": ("application/msword", (_OLE,)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (_ZIP,)),
    "xls": ("application/vnd.ms-excel", (_OLE,)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (_ZIP,)),
    "wps": ("application/vnd.ms-works", (_OLE,)),
    "ofd": ("application/ofd", (_ZIP,)),
}
PHOTOS = ("jpg", "jpeg", "png", "heic", "heif")
ACCEPTED = "PDF、Word（doc/docx）、表格（xls/xlsx）、OFD 或照片（jpg/png/heic）"


def file_rel(sha: str, suffix: str) -> str:
    return f"files/{sha[:2]}/{sha}.{suffix.lower()}"


def _document(data: bytes, name: str, root: Path) -> dict:
    suffix = Path(name).suffix.lower().lstrip(".")
    mime, heads = DOCUMENTS[suffix]
    if not data:
        raise RectifyError(f"“{name}”是空文件，未添加")
    if not any(data.startswith(h) for h in heads):
        raise RectifyError(f"“{name}”的内容与文件名（.{suffix}）不符，可能已损坏或改了扩展名，未添加")
    sha = hashlib.sha256(data).hexdigest()
    rel = file_rel(sha, suffix)
    target = root / rel
    if not photo_storage.file_has_hash(target, sha):
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
    return {"sha256": sha, "name": name, "mime": mime, "size": len(data), "stored": rel}


def store_bytes(store: Store, data: bytes, name: str) -> dict:
    """Keep one evidence file's bytes by hash; RectifyError naming the file when it is not an accepted kind."""
    if len(data) > MAX_BYTES:
        raise RectifyError(f"“{name}”过大（{len(data) // 1024 // 1024} MB，最多 {MAX_BYTES // 1024 // 1024} MB），未添加")
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix in PHOTOS:
        from inspector_app.store.photos import PhotoError, ingest
        try:
            photo = ingest(data, store.photos_dir, name=name)
        except PhotoError as exc:
            raise RectifyError(str(exc)) from None
        return {"sha256": photo.sha256, "name": name, "mime": photo.mime, "size": photo.size,
                "stored": photo.original}
    if suffix in DOCUMENTS:
        try:
            return _document(data, name, store.photos_dir)
        except OSError as exc:
            raise RectifyError(f"保存“{name}”失败：{exc.strerror or exc}") from None
    raise RectifyError(f"“{name}”不是可添加的整改佐证文件类型；只能添加 {ACCEPTED}")


def store_files(store: Store, paths: list[str | Path]) -> list[dict]:
    """Every named file read, checked and stored before anything is recorded; the first bad one stops all."""
    out = []
    for path in paths:
        path = Path(path)
        if Path(path.name).suffix.lower().lstrip(".") not in PHOTOS + tuple(DOCUMENTS):
            raise RectifyError(f"“{path.name}”不是可添加的整改佐证文件类型；只能添加 {ACCEPTED}")
        try:
            if not path.is_file():
                raise RectifyError(f"找不到佐证文件 {path}（或它不是普通文件）")
            if path.stat().st_size > MAX_BYTES:
                raise RectifyError(f"“{path.name}”过大，未添加")
            data = path.read_bytes()
        except OSError as exc:
            raise RectifyError(f"无法读取佐证文件 {path}：{exc.strerror or exc}") from None
        out.append(store_bytes(store, data, path.name))
    return out


def read_stored(store: Store, meta: dict) -> bytes:
    """A stored evidence file's bytes, re-hashed as they leave; RectifyError when missing or changed."""
    path = store.photos_dir / meta["stored"]
    try:
        data = path.read_bytes()
    except OSError:
        raise RectifyError(f"整改佐证“{meta['name']}”的文件缺失（{path}）；没有写出数据包") from None
    if hashlib.sha256(data).hexdigest() != meta["sha256"]:
        raise RectifyError(f"整改佐证“{meta['name']}”的文件已被改动（{path}）；没有写出数据包")
    return data


def bundle_name(meta: dict) -> str:
    return f"rectification/{meta['sha256']}{Path(meta['name']).suffix.lower()}"
