"""The photos and evidence files an export carries: gathered from the store (a file in use that is gone stops
the export, named), then read while the bundle is written, each hashed again as it leaves the store."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspector_app.bundles.canonical import BundleError
from inspector_app.store import evidence_records as ER
from inspector_app.store import photo_records as PR
from inspector_app.store.db import Store, StoreError
from inspector_app.store.photo_location import strip_location
from inspector_app.store.plans import Group, Plan
from inspector_app.said import Said

FILE_MISSING_DELETE_PHOTO = Said('{0}的文件缺失（{1}）。请在照片列表中删除这张照片（或从原始来源重新添加）后再导出；没有写出数据包',
                                  'The file of {0} is missing ({1}). Delete this photo in the photo list (or add it again from its source), then export; no bundle was written')
FILE_MISSING_REMOVE_INDICATOR = Said('{0}的文件缺失（{1}）。请在该指标的佐证文件中移除它（或重新添加原件）后再导出；没有写出数据包',
                                      "The file of {0} is missing ({1}). Remove it from the indicator's evidence files (or add the original again), then export; no bundle was written")
EVIDENCE_LABEL = Said("佐证文件“{0}”（指标 {1}，{2}）", 'evidence file "{0}" (indicator {1}, {2})')
WHOLE_GROUP = Said("集团整体", "the group as a whole")
PHOTO_FILE_OF = Said("{0}的文件", "the file of {0}")
DELETE_THE_PHOTO = Said("请在照片列表中删除这张照片", "Delete this photo in the photo list")
REMOVE_THE_FILE = Said("请在该指标的佐证文件中移除它", "Remove it from this indicator's evidence files")
READ_THEN_EXPORT_BUNDLE = Said('{0}无法读取（{1}）。{2}后再导出；没有写出数据包。',
                                '{0} cannot be read ({1}). {2}, then export; no bundle was written.')
HAS_BEEN_CHANGED_DIFFERS = Said('{0}已被改动（与添加时的内容不同：{1}）。{2}（或重新添加原件）后再导出；没有写出数据包。',
                                 '{0} has been changed (it differs from what was added: {1}). {2} (or add the original again), then export; no bundle was written.')
PHOTO_LABEL = Said("照片“{0}”（指标 {1}，{2}）", 'photo "{0}" (indicator {1}, {2})')


@dataclass(frozen=True)
class CarriedFile:
    """A stored photo or evidence file to carry: read (a photo's location stripped) while writing, not while gathering."""
    file: Path
    strip: bool
    meta: dict[str, Any]


def photo_sources(store: Store, plan: Plan, group: Group, expert_id: str | None) -> list[CarriedFile]:
    """The photos to carry. A removed photo whose file is gone is left out (it is removed: nothing is lost);
    a photo still in use whose file is gone stops the export, named, so the user can remove it first."""
    sources = []
    for photo in PR.list_photos(store, plan.id, group.id, expert_id=expert_id, include_removed=True):
        path = store.photos_dir / photo.original
        if not path.is_file():
            if photo.removed:
                continue
            raise StoreError(FILE_MISSING_DELETE_PHOTO(_photo_label(group, photo), path))
        sources.append(CarriedFile(path, not plan.export_location and photo.has_location,
                                    {"original_sha256": photo.sha256, "school": photo.school_id,
                                     "indicator": photo.indicator, "expert": photo.expert_id,
                                     "caption": photo.caption, "taken_at": photo.taken_at, "mime": photo.mime,
                                     "chosen": photo.chosen, "removed": photo.removed, "original": photo.original,
                                     "name": photo.name, "markup": photo.markup, "file_time": photo.file_time,
                                     "label": _photo_label(group, photo)}))
    return sources


def evidence_sources(store: Store, plan: Plan, group: Group, expert_id: str) -> list[CarriedFile]:
    """The evidence files to carry, with the photos' rules: a removed file that is gone is left out, one in
    use that is gone stops the export, named."""
    sources = []
    for rec in ER.list_files(store, plan.id, group.id, expert_id=expert_id, include_removed=True):
        path = store.photos_dir / rec.stored
        label = _evidence_label(group, rec)
        if not path.is_file():
            if rec.removed:
                continue
            raise StoreError(FILE_MISSING_REMOVE_INDICATOR(label, path))
        sources.append(CarriedFile(path, False, {"sha256": rec.sha256, "name": rec.name, "school": rec.school_id,
                                                  "indicator": rec.indicator, "expert": rec.expert_id,
                                                  "kind": rec.kind, "mime": rec.mime, "size": rec.size,
                                                  "removed": rec.removed, "original": rec.stored, "label": label}))
    return sources


def _evidence_label(group: Group, rec) -> str:
    where = group.school(rec.school_id).name if rec.school_id else WHOLE_GROUP()
    return EVIDENCE_LABEL(rec.name, rec.indicator, where)


@dataclass(frozen=True)
class _Carried:
    """How an exported file kind is named when it cannot leave: its BundleError codes (`code`_missing,
    `code`_changed), the subject of the message, and how the user takes the file out."""
    code: str
    subject: str  # with {label}
    remove: str


_PHOTO = _Carried("photo", PHOTO_FILE_OF("{label}"), DELETE_THE_PHOTO())
_EVIDENCE = _Carried("file", "{label}", REMOVE_THE_FILE())


def _checked_bytes(source: CarriedFile, sha256: str, carried: _Carried) -> bytes | None:
    """A stored file's bytes, hashed again as they leave. None for a removed file that is gone or changed (it
    is left out); for one in use, a BundleError naming it and saying how to take it out."""
    removed, subject = source.meta["removed"], carried.subject.format(label=source.meta["label"])
    try:
        data = source.file.read_bytes()
    except OSError as exc:
        if removed:
            return None
        raise BundleError(f"{carried.code}_missing", READ_THEN_EXPORT_BUNDLE(subject, exc.strerror or exc, carried.remove)) from None
    if hashlib.sha256(data).hexdigest() != sha256:
        if removed:
            return None
        raise BundleError(f"{carried.code}_changed", HAS_BEEN_CHANGED_DIFFERS(subject, source.file, carried.remove))
    return data


def read_evidence(sources: list[CarriedFile], payload: dict[str, Any], carried: list[str] | None = None) -> list[dict]:
    """The evidence files into the payload, each hashed again as it leaves, and their list for files.json;
    `carried` gets the name of each file not removed, for the export's result (as read_photos does)."""
    result = []
    for source in sources:
        data = _checked_bytes(source, source.meta["sha256"], _EVIDENCE)
        if data is None:
            continue
        meta = dict(source.meta)
        stored = meta.pop("original")
        del meta["label"]
        if carried is not None and not meta["removed"]:
            carried.append(meta["name"])
        name = f"files/{meta['sha256']}{Path(stored).suffix}"
        payload[name] = data
        result.append({"file": name, **meta})
    return result


def _photo_label(group: Group, photo) -> str:
    where = group.school(photo.school_id).name if photo.school_id else WHOLE_GROUP()
    return PHOTO_LABEL(photo.caption or Path(photo.original).name, photo.indicator, where)


def read_photos(sources: list[CarriedFile], payload: dict[str, Any],
                 carried: list[tuple[str, bool]] | None = None) -> list[dict]:
    """The photo files into the payload and their list for photos.json (file work: Pillow strips locations);
    `carried` gets (file name, location removed) for each photo not deleted, for the export's result."""
    result = []
    for source in sources:
        data = _checked_bytes(source, source.meta["original_sha256"], _PHOTO)  # evidence re-hashed as it leaves
        if data is None:
            continue
        meta = dict(source.meta)
        original = meta.pop("original")
        del meta["label"]
        stripped = False
        if source.strip:
            copy = strip_location(data, name=original)
            stripped, data = copy != data, copy
        if carried is not None and not meta["removed"]:
            carried.append((meta.get("name") or Path(original).name, stripped))
        sha = hashlib.sha256(data).hexdigest()
        name = f"photos/{sha}{Path(original).suffix}"
        payload[name] = data
        result.append({"file": name, "sha256": sha, **meta})
    return result
