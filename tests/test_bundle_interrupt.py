"""Exports interrupted at random moments never leave a bad bundle at the destination name.

Two ways to interrupt a child process that writes a multi-MB bundle:
- SIGKILL at a random moment (forked children, plus a few `python -c` children);
- `RLIMIT_FSIZE` set to a random size so writes fail halfway (SIGXFSZ ignored).
After each one the destination is either absent or a bundle that fully verifies.
A writer that writes straight to the destination is shown to fail the same check.
"""
from __future__ import annotations

import multiprocessing
import os
import random
import resource
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from inspector_app.bundles.bag import BundleError, read_bag
from inspector_app.bundles.bag_write import write_bag
from inspector_app.bundles.tagfiles import make_info
from inspector_app.bundles.keys import KeyStore

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and rlimits")

FILENAME = "expert-001.zip"
KILLS_FORKED = 200
KILLS_SPAWNED = 12
FSIZE_RUNS = 60

CTX = multiprocessing.get_context("fork")
_rng = random.Random(20240501)
PAYLOAD = {f"photos/{i:02d}.jpg": _rng.randbytes(700_000) for i in range(6)}
PAYLOAD["scores.json"] = b'{"C1":{"points":"8.5"}}' * 2000
INFO = make_info("expert", plan_id="P1", sequence=1)


@pytest.fixture(scope="module")
def keys(tmp_path_factory) -> KeyStore:
    ks = KeyStore(tmp_path_factory.mktemp("keys"))
    ks.own_key()  # made before any child starts
    return ks


def _export(dest: str, data_dir: str) -> None:
    ks = KeyStore(data_dir)
    try:
        write_bag(Path(dest), FILENAME, PAYLOAD, INFO, ks)
    except BundleError:
        os._exit(3)
    os._exit(0)


def _export_capped(dest: str, data_dir: str, limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    _export(dest, data_dir)


def _naive_capped(dest: str, limit: int) -> None:
    """What not to do: write the zip straight to its final name."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        with zipfile.ZipFile(Path(dest) / FILENAME, "w") as zf:
            for name, data in PAYLOAD.items():
                zf.writestr("data/" + name, data)
    except OSError:
        os._exit(3)
    os._exit(0)


def _outcome(dest: Path, keys: KeyStore) -> str:
    """'absent' or 'complete'; fails the test for anything else at the destination name."""
    target = dest / FILENAME
    if not target.exists():
        return "absent"
    try:
        bag = read_bag(target, keys)
    except BundleError as exc:
        pytest.fail(f"a bundle that does not verify was left at {target}: {exc.code} {exc.message}")
    assert {n: bag.files[n] for n in bag.files} == PAYLOAD
    return "complete"


def _run_fork(target, *args) -> tuple[multiprocessing.Process, float]:
    proc = CTX.Process(target=target, args=args)
    start = time.perf_counter()
    proc.start()
    return proc, start


def _time_one_export(tmp_path: Path, keys: KeyStore) -> float:
    times = []
    for i in range(3):
        dest = tmp_path / f"cal{i}"
        proc, start = _run_fork(_export, str(dest), str(keys.data_dir))
        proc.join()
        times.append(time.perf_counter() - start)
        assert proc.exitcode == 0
        assert _outcome(dest, keys) == "complete"
    return min(times)


def test_sigkill_at_random_moments(tmp_path, keys):
    duration = _time_one_export(tmp_path, keys)
    rng = random.Random(7)
    outcomes = {"absent": 0, "complete": 0}
    for i in range(KILLS_FORKED):
        dest = tmp_path / f"k{i}"
        proc, _ = _run_fork(_export, str(dest), str(keys.data_dir))
        time.sleep(rng.uniform(0, duration * 1.1))
        os.kill(proc.pid, signal.SIGKILL)
        proc.join()
        outcomes[_outcome(dest, keys)] += 1
        # the next export into the same folder works despite leftovers
        if i % 25 == 0:
            write_bag(dest, "again.zip", {"a.json": b"{}"}, INFO, keys)
    print(f"SIGKILL (fork): {outcomes}")
    assert outcomes["absent"] > 0  # the kills did land mid-export
    assert sum(outcomes.values()) == KILLS_FORKED


CHILD = r"""
import sys, random
from pathlib import Path
from inspector_app.bundles.bag_write import write_bag
from inspector_app.bundles.tagfiles import make_info
from inspector_app.bundles.keys import KeyStore
rng = random.Random(20240501)
payload = {f"photos/{i:02d}.jpg": rng.randbytes(700_000) for i in range(6)}
payload["scores.json"] = b'{"C1":{"points":"8.5"}}' * 2000
ks = KeyStore(sys.argv[2])
ks.sign(b"warm up")
print("READY", flush=True)
write_bag(Path(sys.argv[1]), "expert-001.zip", payload, make_info("expert", plan_id="P1", sequence=1), ks)
print("DONE", flush=True)
"""


def test_sigkill_python_c_children(tmp_path, keys):
    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, PYTHONPATH=str(root) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    rng = random.Random(11)
    outcomes = {"absent": 0, "complete": 0}
    duration = None
    for i in range(KILLS_SPAWNED + 1):
        dest = tmp_path / f"s{i}"
        proc = subprocess.Popen([sys.executable, "-c", CHILD, str(dest), str(keys.data_dir)],
                                stdout=subprocess.PIPE, env=env, cwd=root)
        assert proc.stdout.readline().strip() == b"READY"
        start = time.perf_counter()
        if duration is None:  # first run: measure, do not kill
            assert proc.stdout.readline().strip() == b"DONE"
            duration = time.perf_counter() - start
            proc.wait()
            assert _outcome(dest, keys) == "complete"
            continue
        time.sleep(rng.uniform(0, duration * 1.3))
        proc.kill()
        proc.wait()
        proc.stdout.close()
        outcomes[_outcome(dest, keys)] += 1
    print(f"SIGKILL (python -c): {outcomes}")
    assert sum(outcomes.values()) == KILLS_SPAWNED


def test_file_size_limit_mid_write(tmp_path, keys):
    full = _bundle_size(tmp_path, keys)
    rng = random.Random(3)
    outcomes = {"absent": 0, "complete": 0}
    for i in range(FSIZE_RUNS):
        dest = tmp_path / f"f{i}"
        dest.mkdir()
        limit = rng.randrange(0, full + full // 10)
        proc, _ = _run_fork(_export_capped, str(dest), str(keys.data_dir), limit)
        proc.join()
        result = _outcome(dest, keys)
        outcomes[result] += 1
        if limit < full:
            assert proc.exitcode == 3, f"limit {limit}: exit {proc.exitcode}"
            assert result == "absent"
            assert list(dest.iterdir()) == []  # the temporary file was removed too
        else:
            assert proc.exitcode == 0 and result == "complete"
    print(f"RLIMIT_FSIZE: {outcomes}")
    assert outcomes["absent"] > FSIZE_RUNS // 2


def test_the_check_catches_a_naive_writer(tmp_path, keys):
    """Writing straight to the destination leaves truncated files: the checks above would fail it."""
    full = _bundle_size(tmp_path, keys)
    bad = 0
    for i in range(5):
        dest = tmp_path / f"n{i}"
        dest.mkdir()
        proc, _ = _run_fork(_naive_capped, str(dest), full // (i + 2))
        proc.join()
        target = dest / FILENAME
        if target.exists():
            with pytest.raises(BundleError) as err:
                read_bag(target, keys)
            assert err.value.code == "truncated"
            bad += 1
    assert bad == 5


def _bundle_size(tmp_path: Path, keys: KeyStore) -> int:
    dest = tmp_path / "size"
    if not (dest / FILENAME).exists():
        write_bag(dest, FILENAME, PAYLOAD, INFO, keys)
    return (dest / FILENAME).stat().st_size
