"""Opening a bundle file before it is merged: read, verified, its member bundles and photos checked, and a
durable copy staged beside the kept originals, with no database. A window does it on a worker, a long merge
in a second process, while the bundle before it is written (bundles/merge.py)."""
from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from inspector_app import gc_pace
from inspector_app.bundles.bag import Bag, BundleError, read_bag, read_json, read_member
from inspector_app.bundles.keys import KeyStore
from inspector_app.fsutil import stage_bytes, stage_copy, worker
from inspector_app.store import photos as photo_files
from inspector_app.store.db import Store

OPENERS = 1  # opening processes of a long run (one keeps pace with the merge; a second only added its start-up)


@dataclass
class OpenedBundle:
    """A bundle file read before anything is written: zip checks, signatures (its members' too) and its
    photos described from their headers (their bytes stay in the kept bundle until first use). None of
    this touches the database, so a window does it on a worker; `merge_opened` then writes on the store's thread. Whatever fails here is
    kept and said at the point of the merge where it would have been found."""
    path: Path
    bag: Bag | None = None
    error: BundleError | None = None
    photos: dict[tuple[str, str], Any] = field(default_factory=dict)  # (bundle hash, file) -> PhotoFile | PhotoError
    members: dict[str, tuple[Any, Path]] = field(default_factory=dict)  # member file -> (Bag | BundleError, copy)
    # The verified file, copied and fsynced beside the kept originals (off the store's thread): the merge
    # only renames it into place. Removed on close when the merge did not.
    staged: Path | None = None
    _tmp: Any = None

    def close(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
        if self.staged is not None:
            with contextlib.suppress(OSError):
                self.staged.unlink()
            self.staged = None

    def take_staged(self, bag: Bag) -> Path | None:
        """The staged copy of `bag`'s file, handed over once (None when there is none)."""
        if bag is not self.bag or self.staged is None:
            return None
        staged, self.staged = self.staged, None
        return staged


def open_bundle(path: Path | str, keystore: KeyStore, photos_dir: Path, *,
                cancelled: Callable[[], bool] | None = None, keep_dir: Path | None = None) -> OpenedBundle:
    """`keep_dir`: the folder of the kept originals; when it exists, the verified file is copied there durably
    now (see OpenedBundle.staged), so the merge need not copy it on the store's thread."""
    opened = OpenedBundle(Path(path))
    data = _read_whole(opened.path) if keep_dir is not None and keep_dir.is_dir() else None
    # The copy is written and fsynced from the very bytes checked below, on a thread while they are checked
    # (the disk's wait and the checks overlap); kept only for a bundle that verifies.
    copying = worker("bundle-stage").submit(stage_bytes, data, keep_dir) if data is not None else None
    try:
        opened.bag = read_bag(opened.path, keystore, cancelled=cancelled, keep=_read_next, data=data)
    except BundleError as exc:
        opened.error = exc
        _drop(copying)
        return opened
    bag = opened.bag
    wanted = False
    try:
        wanted = keep_dir is not None and bag.kind in ("expert", "panel")
        if copying is None and wanted and keep_dir.is_dir():
            with contextlib.suppress(OSError):  # else the merge copies it itself, and says why it cannot
                opened.staged = stage_copy(bag.path, keep_dir)
        if bag.kind == "expert":
            _decode_photos(opened, bag, photos_dir)
        elif bag.kind == "panel":
            _open_members(opened, bag, keystore, photos_dir, cancelled)
    finally:
        bag.let_go()
        if copying is not None:
            if wanted:
                with contextlib.suppress(OSError):
                    opened.staged = copying.result()
            else:
                _drop(copying)
    return opened


# A file read whole to be checked from memory and kept as read; larger ones are checked from the disk.
READ_WHOLE_AT_MOST = 64 * 1024 * 1024


def _read_whole(path: Path) -> bytes | None:
    """The bytes of a plain bundle file of modest size, read once (None: check it from the file as ever)."""
    import stat
    from inspector_app.bundles.sealing import sealed_head
    try:
        # Checked first, by its path: opening a FIFO would block (read_bag refuses it in words).
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        with open(path, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            data = handle.read(READ_WHOLE_AT_MOST + 1)
    except OSError:
        return None  # said in words by read_bag
    return data if len(data) <= READ_WHOLE_AT_MOST and not sealed_head(data) else None


def _drop(copying) -> None:
    """A staged copy not wanted after all (the file was refused, or is not kept): removed once written."""
    if copying is None:
        return
    with contextlib.suppress(OSError):
        copying.result().unlink()


def _read_next(name: str) -> bool:
    """The payload files opening reads right after verifying: a panel's member bundles, an expert's photos."""
    return name.startswith(("members/", "photos/"))


def _open_members(opened: OpenedBundle, bag: Bag, keystore: KeyStore, photos_dir: Path,
                  cancelled: Callable[[], bool] | None) -> None:
    try:
        members = read_json(bag, "members.json")
    except BundleError:
        return  # said again, in order, by the merge
    if not isinstance(members, list):
        return
    for name in members:
        if cancelled and cancelled():
            break
        if not isinstance(name, str) or name not in bag.sha256 or name in opened.members:
            continue
        inner = bag.path
        try:
            member: Any = read_member(bag, name, keystore, cancelled=cancelled, keep=_read_next)
            if member is None:  # compressed inside, or too large to have been kept: checked from a copy
                if opened._tmp is None:
                    opened._tmp = tempfile.TemporaryDirectory(prefix="inspector-merge-")
                inner = Path(opened._tmp.name) / f"{len(opened.members)}.zip"
                with open(inner, "wb") as out:
                    bag.copy_to(name, out)
                member = read_bag(inner, keystore, cancelled=cancelled, keep=_read_next)
        except BundleError as exc:
            member = exc
        opened.members[name] = (member, inner)
        if isinstance(member, Bag):
            try:
                if member.kind == "expert":
                    _decode_photos(opened, member, photos_dir)
                    _leave_explanations(member)
            finally:
                member.let_go()


def _leave_explanations(member: Bag) -> None:
    """An expert's entries without the explanation lines she saw: checked already (their shape, and the
    signature over their bytes), and not read by the merge, which stores the rule's own lines made again from
    the inputs (check_entries). They were a fifth of an opened panel bundle and half the time it takes to
    hand it to the merging process."""
    member.leave_out("entries.json", "explanation")


def _decode_photos(opened: OpenedBundle, bag: Bag, photos_dir: Path) -> None:
    try:
        photos = read_json(bag, "photos.json")
    except BundleError:
        return
    for meta in photos if isinstance(photos, list) else []:
        name = meta.get("file") if isinstance(meta, dict) else None
        if not isinstance(name, str) or name not in bag.sha256:
            continue
        try:
            # hashed (the manifest proved the bytes), not decoded: the file is made on first use
            opened.photos[(bag.bundle_hash, name)] = photo_files.describe(bag.files[name], name, bag.sha256[name])
        except photo_files.PhotoError as exc:
            opened.photos[(bag.bundle_hash, name)] = exc
        except BundleError:
            continue


class Openers:
    """Where the next file is opened: a thread, and for a long run of plain bundles a second process (with
    a key store of the same data folder). A sealed file is always opened on the thread: its decrypted copy
    lives as long as this process holds it."""

    def __init__(self, store: Store, keystore: KeyStore, *, elsewhere: bool):
        import sys
        from concurrent.futures import ThreadPoolExecutor
        self.store, self.keystore = store, keystore
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bundle-open")
        # Not in a frozen build (its executable would start the program again) nor with another kind of key store.
        self.elsewhere = elsewhere and type(keystore) is KeyStore and not getattr(sys, "frozen", False)
        self.process: Any = None
        self.ready: Any = None  # the opening process has started and read the key store
        if self.elsewhere:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor
            self.process = ProcessPoolExecutor(max_workers=OPENERS, mp_context=multiprocessing.get_context("spawn"),
                                               initializer=_opening_process_starts)
            self.ready = self.process.submit(_keystore_of, keystore.data_dir)

    def __enter__(self) -> "Openers":
        return self

    def __exit__(self, *_exc) -> None:
        self.thread.shutdown(wait=True)
        if self.process is not None:
            self.process.shutdown(wait=True)

    def submit(self, path: Path, keep_dir: Path):
        # Until the process has started (half a second: an interpreter, its imports, the trust list), the
        # thread opens the first files, so the merge does not stand idle; a process that failed to start
        # leaves every file to the thread.
        if self.elsewhere and self.ready.done() and self.ready.exception() is None and _plain_file(path):
            return self.process.submit(_open_elsewhere, path, self.keystore.data_dir, self.store.photos_dir, keep_dir)
        return self.thread.submit(open_bundle, path, self.keystore, self.store.photos_dir, keep_dir=keep_dir)


def _plain_file(path: Path) -> bool:
    """A regular file that is not sealed (anything else is opened, and refused in words, on the thread)."""
    import stat
    from inspector_app.bundles.sealing import is_sealed
    try:
        return stat.S_ISREG(path.stat().st_mode) and not is_sealed(path)
    except (OSError, BundleError):
        return False


# The opening processes give way to the merging one: it alone writes the store, so the run goes at its pace,
# and the openers work ahead on what it leaves of the cores.
OPENERS_NICE = 5


def _opening_process_starts() -> None:
    import os
    gc_pace.pace_for_bulk()
    with contextlib.suppress(OSError, AttributeError):  # no os.nice on Windows: the same priority there
        os.nice(OPENERS_NICE)


_KEYSTORES: dict[Path, KeyStore] = {}  # in the opening process: one per data folder


def _keystore_of(data_dir: Path) -> KeyStore:
    """The key store of `data_dir` in the opening process, read once (and its trust list with it)."""
    keystore = _KEYSTORES.get(data_dir)
    if keystore is None:
        keystore = _KEYSTORES[data_dir] = KeyStore(data_dir)
        keystore.status("")  # the trust list parsed now, not with the first file (no key is made)
    return keystore


class _Scratch:
    """A bundle's scratch folder made in the opening process, removed by the merging one."""

    def __init__(self, name: str):
        self.name = name

    def cleanup(self) -> None:
        import shutil
        shutil.rmtree(self.name, ignore_errors=True)


def _open_elsewhere(path: Path, data_dir: Path, photos_dir: Path, keep_dir: Path) -> OpenedBundle:
    """open_bundle in the opening process. The result goes back by pickle; its scratch folder (the members'
    copies) is left for the merging process to remove when it closes the bundle."""
    opened = open_bundle(path, _keystore_of(data_dir), photos_dir, keep_dir=keep_dir)
    if opened._tmp is not None:
        opened._tmp._finalizer.detach()  # not removed when this process lets go of it
        opened._tmp = _Scratch(opened._tmp.name)
    return opened
