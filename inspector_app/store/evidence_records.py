"""Evidence files (documents, spreadsheets, recordings) in the database: which indicator and school, removed or not.

A sibling of `photo_records`: the file is made durable by `evidence_files.ingest_file` before any row names it,
an import is one transaction, and removing is soft (the bytes stay, so removing can be undone).
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from inspector_app.store import evidence_files as EF
from inspector_app.store import photo_storage
from inspector_app.store.db import revive_at, rows_at, Store, StoreError, now
from inspector_app.store.history import record
from inspector_app.store.plans import Group, Plan
from inspector_app.said import Said

CANCELLED = Said('已取消',
                  'Cancelled')

EVIDENCE_FILE_ID = Said('没有编号为 {0} 的佐证文件',
                         'No evidence file with id {0}')
COPY_OPEN = Said('无法复制“{0}”以便打开：{1}',
                  'Cannot copy "{0}" to open it: {1}')

__all__ = ["EvidenceImport", "EvidencePlace", "EvidenceRecord", "add_files", "copy_out", "file_path", "file_problem",
           "get_file", "list_files", "record_files", "remove_file", "replace_expert_files", "restore_file"]


@dataclass(frozen=True)
class EvidenceRecord:
    id: int
    sha256: str
    plan_id: str
    group_id: str
    school_id: str
    indicator: str
    expert_id: str
    name: str
    kind: str
    mime: str
    size: int
    stored: str  # relative to the evidence folder (store.photos_dir)
    removed: bool
    added_at: str

    @property
    def type_label(self) -> str:
        found = EF.file_type(self.stored)
        return found.label if found else EF.KIND_LABELS.get(self.kind, self.kind)


@dataclass
class EvidenceImport:
    added: list[EvidenceRecord]
    refused: list[EF.EvidenceError]
    cancelled: bool


@dataclass(frozen=True)
class EvidencePlace:
    """Where an evidence file that arrives in an expert's bundle belongs."""
    school_id: str
    indicator: str
    name: str
    removed: bool


_COLS = ("id, sha256, plan_id, group_id, school_id, indicator, expert_id, name, kind, mime, size, stored, removed,"
         " added_at")


def _rec(r) -> EvidenceRecord:
    return EvidenceRecord(*r[:12], bool(r[12]), r[13])


def _key(plan_id: str, group_id: str, school_id: str, indicator: str, sha256: str) -> dict:
    return {"plan": plan_id, "group": group_id, "school": school_id, "indicator": indicator, "sha256": sha256}


def add_files(store: Store, plan: Plan, group: Group, expert_id: str, school_id: str, indicator: str,
              sources: Sequence[Path | str], *, progress: Callable[[int, int, str], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> EvidenceImport:
    """Check and store each file, then name them all in one transaction (cancelled: nothing is named)."""
    results: list[EF.EvidenceFile | EF.EvidenceError] = []
    for i, source in enumerate(sources):
        if cancelled is not None and cancelled():
            results.append(EF.EvidenceError(CANCELLED(), reason="cancelled", name=Path(source).name))
            continue
        try:
            results.append(EF.ingest_file(source, store.photos_dir, cancelled=cancelled))
        except EF.EvidenceError as err:
            results.append(err)
        if progress is not None:
            progress(i + 1, len(sources), Path(source).name)
    return record_files(store, plan, group, expert_id, school_id, indicator, results)


def record_files(store: Store, plan: Plan, group: Group, expert_id: str, school_id: str, indicator: str,
                 results: Sequence[EF.EvidenceFile | EF.EvidenceError], *, cancelled: bool = False) -> EvidenceImport:
    """The database half of `add_files`, for files already stored (a window stores them on a worker)."""
    stored = [r for r in results if isinstance(r, EF.EvidenceFile)]
    refused = [r for r in results if isinstance(r, EF.EvidenceError) and r.reason != "cancelled"]
    if cancelled or any(isinstance(r, EF.EvidenceError) and r.reason == "cancelled" for r in results):
        return EvidenceImport([], refused, True)
    ids = []
    with store.tx():
        for f in stored:
            existing = revive_at(store, "evidence_files", f.sha256, plan.id, group.id, school_id, indicator, expert_id)
            if existing is not None:
                ids.append(existing)
                continue
            cur = store.conn.execute(
                "INSERT INTO evidence_files (sha256, plan_id, group_id, school_id, indicator, expert_id, name, kind,"
                " mime, size, stored, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (f.sha256, plan.id, group.id, school_id, indicator, expert_id, f.name, f.kind, f.mime, f.size,
                 f.stored, now()))
            ids.append(cur.lastrowid)
            record(store, expert_id, plan.id, "evidence", _key(plan.id, group.id, school_id, indicator, f.sha256),
                   "added", None, f.name)
    return EvidenceImport([get_file(store, i) for i in ids], refused, False)


def replace_expert_files(store: Store, plan_id: str, group_id: str, expert_id: str,
                         files: Sequence[tuple[EF.EvidenceFile, EvidencePlace]], source: str = "") -> None:
    """Replace one expert's evidence-file rows for a group (files already stored), inside the caller's transaction."""
    old = {(f.sha256, f.school_id, f.indicator) for f in list_files(store, plan_id, group_id, expert_id=expert_id,
                                                                    include_removed=True)}
    store.conn.execute("DELETE FROM evidence_files WHERE plan_id = ? AND group_id = ? AND expert_id = ?",
                       (plan_id, group_id, expert_id))
    for f, place in files:
        store.conn.execute(
            "INSERT OR IGNORE INTO evidence_files (sha256, plan_id, group_id, school_id, indicator, expert_id, name,"
            " kind, mime, size, stored, removed, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (f.sha256, plan_id, group_id, place.school_id, place.indicator, expert_id, place.name, f.kind, f.mime,
             f.size, f.stored, int(place.removed), now()))
        if (f.sha256, place.school_id, place.indicator) not in old:
            record(store, expert_id, plan_id, "evidence", _key(plan_id, group_id, place.school_id, place.indicator,
                                                               f.sha256), "merged", None, place.name, source)


def get_file(store: Store, file_id: int) -> EvidenceRecord:
    row = store.conn.execute(f"SELECT {_COLS} FROM evidence_files WHERE id = ?", (file_id,)).fetchone()
    if row is None:
        raise StoreError(EVIDENCE_FILE_ID(file_id))
    return _rec(row)


def list_files(store: Store, plan_id: str, group_id: str | None = None, *, school_id: str | None = None,
               indicator: str | None = None, expert_id: str | None = None,
               include_removed: bool = False) -> list[EvidenceRecord]:
    return [_rec(r) for r in rows_at(store, "evidence_files", _COLS, plan_id, group_id=group_id, school_id=school_id,
                                     indicator=indicator, expert_id=expert_id, include_removed=include_removed)]


def _set_removed(store: Store, file_id: int, removed: bool, expert_id: str) -> EvidenceRecord:
    old = get_file(store, file_id)
    with store.tx():
        store.conn.execute("UPDATE evidence_files SET removed = ? WHERE id = ?", (int(removed), file_id))
        record(store, expert_id, old.plan_id, "evidence",
               _key(old.plan_id, old.group_id, old.school_id, old.indicator, old.sha256), "removed", old.removed,
               removed)
    return get_file(store, file_id)


def remove_file(store: Store, file_id: int, expert_id: str) -> EvidenceRecord:
    """Soft removal: the stored bytes stay, so removing can be undone."""
    return _set_removed(store, file_id, True, expert_id)


def restore_file(store: Store, file_id: int, expert_id: str) -> EvidenceRecord:
    return _set_removed(store, file_id, False, expert_id)


def file_problem(store: Store, rec: EvidenceRecord) -> str | None:
    """None when the stored copy is there with its hash, otherwise what is wrong, naming the file."""
    return photo_storage.problem(store.photos_dir, rec.sha256, rec.stored, name=rec.name, noun=EF.EVIDENCE_NOUN())


def file_path(store: Store, rec: EvidenceRecord) -> Path:
    problem = file_problem(store, rec)
    if problem:
        raise StoreError(problem)
    return store.photos_dir / rec.stored


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def copy_out(store: Store, rec: EvidenceRecord, folder: Path | str) -> Path:
    """A copy of the stored file under its own name in `folder` (for the system's viewer: the stored copy is
    never handed out, so a viewer that saves changes cannot alter the evidence)."""
    source = file_path(store, rec)
    stem = _UNSAFE.sub("_", Path(rec.name).stem).strip(" .") or "佐证文件"
    target = Path(folder) / f"{stem[:80]}{Path(rec.stored).suffix}"
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    except OSError as exc:
        raise StoreError(COPY_OPEN(rec.name, exc.strerror or exc)) from exc
    return target
