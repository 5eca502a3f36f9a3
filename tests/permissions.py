"""Folders a test cannot write to and files it cannot read, whoever runs the tests.

Root passes through a folder's permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH): as root a read-only
folder is a read-only tmpfs mount. Where root may not mount, or a test needs an unreadable file, the
test runs again in a child process that keeps root's uid but gives those powers up before it starts
(the capability bounding set, dropped before exec), so permissions bind it like any user.
"""
from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# linux/capability.h, linux/prctl.h
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3
PR_CAPBSET_DROP = 24
CHILD = "INSPECTOR_TEST_WITHOUT_OVERRIDES"


def overrides_permissions() -> bool:
    """Whether this process reads and writes through permissions (root with its overrides)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("CapEff:"):
                return bool(int(line.split()[1], 16) & (1 << CAP_DAC_OVERRIDE | 1 << CAP_DAC_READ_SEARCH))
    return os.geteuid() == 0


def drop_overrides() -> None:
    """For a child before exec (preexec_fn): what it runs obeys permissions."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _mount_read_only(folder: Path) -> bool:
    if os.environ.get("INSPECTOR_TEST_NO_MOUNT"):  # to exercise the other ways where mounting works
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)],
                          capture_output=True).returncode == 0


@functools.cache
def can_mount() -> bool:
    if not overrides_permissions():
        return False
    with tempfile.TemporaryDirectory() as probe:
        if not _mount_read_only(Path(probe)):
            return False
        subprocess.run(["umount", probe], check=False)
        return True


@contextlib.contextmanager
def read_only(folder: Path):
    """A folder this process cannot write to: a read-only mount as root, else the write permission taken away.
    A test that uses it from this process calls `rerun_without_overrides(request, unless_mount=True)` first."""
    folder.mkdir(parents=True, exist_ok=True)
    if overrides_permissions():
        if not _mount_read_only(folder):
            raise RuntimeError("root without mount: call rerun_without_overrides first")
        try:
            yield folder
        finally:
            subprocess.run(["umount", str(folder)], check=False)
        return
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(0o755)


@contextlib.contextmanager
def read_only_for_child(folder: Path):
    """A folder a child process cannot write to; yields (folder, whether the child must call drop_overrides)."""
    if not overrides_permissions() or can_mount():
        with read_only(folder) as folder:
            yield folder, False
        return
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o555)
    try:
        yield folder, True
    finally:
        folder.chmod(0o755)


def rerun_without_overrides(request, *, unless_mount: bool = False) -> bool:
    """When this process passes through permissions (and, with unless_mount, cannot mount either), run this one
    test again in a child pytest that obeys them, assert it passed, and return True: the caller returns."""
    if not overrides_permissions() or (unless_mount and can_mount()):
        return False
    env = {**os.environ, CHILD: "1", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider",
                           request.node.nodeid], cwd=ROOT, env=env, preexec_fn=drop_overrides,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    return True
