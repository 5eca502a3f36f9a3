"""Photos as evidence in the database: which indicator and school, caption, chosen for the report.

The file is made durable by `photos.ingest` before any row names it; an
import is one transaction, so a cancelled or failed import adds nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from inspector_app.store import photo_storage
from inspector_app.store.db import revive_at, rows_at, Store, StoreError, now
from inspector_app.store.history import record
from inspector_app.store.plans import Group, Plan
from inspector_app.store.text import text_problem
from inspector_app.said import Said

CAPTION = Said("照片说明", "the photo caption")

# The file named last, after a colon: a place followed by 。 would take the sentences after it in.
PHOTO_FILE_MISSING = Said('照片文件缺失，评分记录仍在；请从原始来源重新添加这张照片。缺失的文件：{0}',
                          "The photo's file is missing; the scoring records are kept: add this photo again from where "
                          "it came from. The missing file: {0}")

PHOTO_ID = Said('没有编号为 {0} 的照片',
                 'No photo with id {0}')
PHOTO_SAYS = Said('照片 {0}：{1}',
              'Photo {0}: {1}')

# Pillow is imported only when photos are added: listing them at start-up needs none of it.
if TYPE_CHECKING:  # pragma: no cover
    from inspector_app.store import photos as files

MAX_CAPTION = 2000


@dataclass(frozen=True)
class PhotoRecord:
    id: int
    sha256: str
    plan_id: str
    group_id: str
    school_id: str
    indicator: str
    expert_id: str
    caption: str
    taken_at: str | None
    original: str
    thumb: str
    mime: str
    width: int
    height: int
    size: int
    has_location: bool
    chosen: bool
    removed: bool
    added_at: str
    name: str = ""  # the file's own name when it was added
    markup: str = ""  # shapes drawn over the original (photo_markup), as JSON; '' for none
    file_time: str | None = None  # the file's time, for a photo without EXIF DateTimeOriginal

    @property
    def label(self) -> str:
        """How the window and messages name the photo: its file name, else its caption, else its number."""
        return self.name or self.caption[:20] or f"照片 {self.id}"

    @property
    def when(self) -> str:
        """'2024-05-10 14:32' taken (EXIF), else the file's time, else ''."""
        moment = self.taken_at or self.file_time or ""
        return moment[:16].replace("T", " ")


@dataclass
class ImportResult:
    added: list[PhotoRecord]
    refused: list["files.PhotoError"]
    cancelled: bool


_COLS = ("id, sha256, plan_id, group_id, school_id, indicator, expert_id, caption, taken_at, original, thumb, mime,"
         " width, height, size, has_location, chosen, removed, added_at, name, markup, file_time")


def _rec(r) -> PhotoRecord:
    return PhotoRecord(*r[:15], bool(r[15]), bool(r[16]), bool(r[17]), *r[18:22])


def add_photos(store: Store, plan: Plan, group: Group, expert_id: str, school_id: str, indicator: str,
               sources: Sequence[Path | str], *, progress: Callable[[int, int, str], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> ImportResult:
    from inspector_app.store import photos as files
    results = files.ingest_many(list(sources), store.photos_dir, progress=progress, cancelled=cancelled)
    return record_photos(store, plan, group, expert_id, school_id, indicator, results,
                         cancelled=bool(cancelled and cancelled()))


def record_photos(store: Store, plan: Plan, group: Group, expert_id: str, school_id: str, indicator: str,
                  results: Sequence["files.PhotoFile | files.PhotoError"], *, cancelled: bool = False) -> ImportResult:
    """The database half of `add_photos`, for files already ingested (the window ingests on a worker thread,
    while the database connection belongs to the main thread). Cancelled: nothing is added."""
    from inspector_app.store import photos as files
    stored = [r for r in results if isinstance(r, files.PhotoFile)]
    refused = [r for r in results if isinstance(r, files.PhotoError) and r.reason != "cancelled"]
    was_cancelled = any(isinstance(r, files.PhotoError) and r.reason == "cancelled" for r in results) or cancelled
    if was_cancelled:
        return ImportResult([], refused, True)
    ids = []
    with store.tx():
        for photo in stored:
            existing = revive_at(store, "photos", photo.sha256, plan.id, group.id, school_id, indicator, expert_id)
            if existing is not None:
                ids.append(existing)
                continue
            cur = store.conn.execute(
                "INSERT INTO photos (sha256, plan_id, group_id, school_id, indicator, expert_id, caption, taken_at,"
                " original, thumb, mime, width, height, size, has_location, added_at, name, file_time, chosen)"
                " VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                (photo.sha256, plan.id, group.id, school_id, indicator, expert_id, photo.taken_at, photo.original,
                 photo.thumb, photo.mime, photo.width, photo.height, photo.size, int(photo.has_location), now(),
                 photo.name, photo.file_time))
            ids.append(cur.lastrowid)
            record(store, expert_id, plan.id, "photo", {"plan": plan.id, "group": group.id, "school": school_id,
                                                        "indicator": indicator, "sha256": photo.sha256},
                   "added", None, photo.original)
    return ImportResult([get_photo(store, i) for i in ids], refused, False)


@dataclass(frozen=True)
class PhotoPlace:
    """Where a photo that arrives in an expert's bundle belongs, and how it was marked."""
    school_id: str
    indicator: str
    caption: str
    chosen: bool
    removed: bool
    name: str = ""
    markup: str = ""
    file_time: str | None = None


def replace_expert_photos(store: Store, plan_id: str, group_id: str, expert_id: str,
                          photos: Sequence[tuple["files.PhotoFile", PhotoPlace]], source: str = "") -> None:
    """Replace one expert's photo rows for a group (files already ingested), inside the caller's transaction."""
    old = {(p.sha256, p.school_id, p.indicator) for p in list_photos(store, plan_id, group_id, expert_id=expert_id,
                                                                     include_removed=True)}
    store.conn.execute("DELETE FROM photos WHERE plan_id = ? AND group_id = ? AND expert_id = ?",
                       (plan_id, group_id, expert_id))
    for stored, place in photos:
        store.conn.execute(
            "INSERT OR IGNORE INTO photos (sha256, plan_id, group_id, school_id, indicator, expert_id, caption, taken_at,"
            " original, thumb, mime, width, height, size, has_location, chosen, removed, added_at, name, markup,"
            " file_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (stored.sha256, plan_id, group_id, place.school_id, place.indicator, expert_id, place.caption,
             stored.taken_at, stored.original, stored.thumb, stored.mime, stored.width, stored.height, stored.size,
             int(stored.has_location), int(place.chosen), int(place.removed), now(), place.name, place.markup,
             place.file_time))
        if (stored.sha256, place.school_id, place.indicator) not in old:
            record(store, expert_id, plan_id, "photo", {"plan": plan_id, "group": group_id, "school": place.school_id,
                                                        "indicator": place.indicator, "sha256": stored.sha256},
                   "merged", None, stored.original, source)


def get_photo(store: Store, photo_id: int) -> PhotoRecord:
    row = store.conn.execute(f"SELECT {_COLS} FROM photos WHERE id = ?", (photo_id,)).fetchone()
    if row is None:
        raise StoreError(PHOTO_ID(photo_id))
    return _rec(row)


def list_photos(store: Store, plan_id: str, group_id: str | None = None, *, school_id: str | None = None,
                indicator: str | None = None, expert_id: str | None = None,
                include_removed: bool = False) -> list[PhotoRecord]:
    return [_rec(r) for r in rows_at(store, "photos", _COLS, plan_id, group_id=group_id, school_id=school_id,
                                     indicator=indicator, expert_id=expert_id, include_removed=include_removed)]


def _update(store: Store, photo_id: int, column: str, value, expert_id: str, field: str) -> PhotoRecord:
    old = get_photo(store, photo_id)
    with store.tx():
        store.conn.execute(f"UPDATE photos SET {column} = ? WHERE id = ?", (value, photo_id))
        record(store, expert_id, old.plan_id, "photo",
               {"plan": old.plan_id, "group": old.group_id, "school": old.school_id, "indicator": old.indicator,
                "sha256": old.sha256}, field, getattr(old, field), value if column != "removed" else bool(value))
    return get_photo(store, photo_id)


def remove_photo(store: Store, photo_id: int, expert_id: str) -> PhotoRecord:
    """Soft removal: the evidence file stays, so removing can be undone."""
    return _update(store, photo_id, "removed", 1, expert_id, "removed")


def restore_photo(store: Store, photo_id: int, expert_id: str) -> PhotoRecord:
    return _update(store, photo_id, "removed", 0, expert_id, "removed")


def caption_problem(caption: str) -> str:
    """Checked before a photo is added with its caption, so a refused caption adds no photo."""
    problem = text_problem(caption, MAX_CAPTION)
    return CAPTION() + problem if problem else ""


def set_caption(store: Store, photo_id: int, caption: str, expert_id: str) -> PhotoRecord:
    problem = caption_problem(caption)
    if problem:
        raise StoreError(problem)
    return _update(store, photo_id, "caption", caption.strip(), expert_id, "caption")


def set_chosen(store: Store, photo_id: int, chosen: bool, expert_id: str) -> PhotoRecord:
    """Chosen photos go into the feedback report."""
    return _update(store, photo_id, "chosen", int(chosen), expert_id, "chosen")


def set_markup(store: Store, photo_id: int, markup: str | list, expert_id: str) -> PhotoRecord:
    """Shapes drawn over the photo (a layer: the original file and its hash stay as they are)."""
    from inspector_app.store import photo_markup as M
    try:
        text = M.dumps(M.parse(markup))
    except M.MarkupError as exc:
        raise StoreError(PHOTO_SAYS(photo_id, exc)) from None
    return _update(store, photo_id, "markup", text, expert_id, "markup")


def add_photo_source(store: Store, sha256: str, bundle_hash: str, member: str, name: str) -> None:
    """Where a merged photo's bytes are until first use: a kept bundle (or a member bundle inside it).
    Inside the caller's transaction; the first source recorded for these bytes is kept."""
    store.conn.execute("INSERT OR IGNORE INTO photo_sources (sha256, bundle_hash, member, name) VALUES (?, ?, ?, ?)",
                       (sha256, bundle_hash, member, name))


def prepare_files(store: Store, photos: Sequence[PhotoRecord], *, workers: int | None = None) -> dict[int, str]:
    """Make each photo's original and thumbnail exist on disk, on a few threads.

    A merged photo is taken from its kept bundle, decoded in full and given its thumbnail on first use.
    Returns photo id -> plain-words problem for those that could not be made ready.
    """
    jobs = []
    for photo in photos:
        original, thumb = store.photos_dir / photo.original, store.photos_dir / photo.thumb
        if thumb.is_file() and original.is_file():
            continue
        source = None
        if not original.is_file():
            source = store.conn.execute("SELECT bundle_hash, member, name FROM photo_sources WHERE sha256 = ?",
                                        (photo.sha256,)).fetchone()
        jobs.append((photo, original, source))
    problems: dict[int, str] = {}
    if not jobs:
        return problems  # before importing Pillow: a window opening on a place without new photos needs none
    from inspector_app.store import bundle_records as BR
    from inspector_app.store import photos as files

    def work(job) -> str | None:
        photo, original, source = job
        try:
            if source is None:
                if not original.is_file():
                    return PHOTO_FILE_MISSING(original)
                data = original.read_bytes()
            else:
                data = BR.read_kept_file(store, *source)
            files.materialize(data, store.photos_dir, photo.sha256, photo.original, photo.thumb)
        except (OSError, StoreError, files.PhotoError) as exc:
            return str(exc)
        return None

    if len(jobs) == 1:
        outcomes = [work(jobs[0])]
    else:
        import concurrent.futures as cf
        import os
        with cf.ThreadPoolExecutor(max_workers=workers or min(4, os.cpu_count() or 1)) as pool:
            outcomes = list(pool.map(work, jobs))  # Pillow, hashlib and fsync release the GIL
    for (photo, _original, _source), problem in zip(jobs, outcomes):
        if problem:
            problems[photo.id] = problem
    return problems


def file_path(store: Store, photo: PhotoRecord, thumb: bool = False) -> Path:
    """The photo's file (made on first use for a merged photo); a plain error when it cannot be had."""
    path = store.photos_dir / (photo.thumb if thumb else photo.original)
    if path.is_file():
        return path
    problem = prepare_files(store, [photo]).get(photo.id)
    if problem or not path.is_file():
        raise StoreError(problem or PHOTO_FILE_MISSING(path))
    return path


def missing_files(store: Store, plan_id: str) -> list[PhotoRecord]:
    """Photos whose bytes are neither stored intact nor held by a kept bundle."""
    missing = []
    for p in list_photos(store, plan_id, include_removed=True):
        if photo_storage.verify(store.photos_dir, p.sha256, p.original):
            continue
        if (store.photos_dir / p.original).exists() or not prepare_files(store, [p]) == {}:
            missing.append(p)
    return missing
