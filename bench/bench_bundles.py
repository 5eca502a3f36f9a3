"""Bundle export and verification speed against plain baselines (prints figures, asserts nothing).

Export: `write_bag` (hash, zip, fsync, read back and verify, rename) of 200
photo-sized files against the disk itself: the same bytes written to one new file
and fsynced. Goal: within 2×.
Verification: `read_bag` against plain SHA-256 of the same bytes. Goal: within 1.5×.
Interleaved runs; median, range and ratio.

    python bench/bench_bundles.py [--files 200] [--size-mb 3]
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from inspector_app.bundles.bag import read_bag  # noqa: E402
from inspector_app.bundles.bag_write import write_bag  # noqa: E402
from inspector_app.bundles.tagfiles import make_info  # noqa: E402
from inspector_app.bundles.keys import KeyStore  # noqa: E402


def interleaved(fns: dict, rounds: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in fns}
    for r in range(rounds):
        for name in (list(fns) if r % 2 == 0 else list(reversed(list(fns)))):
            start = time.perf_counter()
            fns[name]()
            times[name].append(time.perf_counter() - start)
    return times


def show(label: str, ours: list[float], floor: list[float], floor_label: str, mb: float, goal: str) -> None:
    m, f = statistics.median(ours), statistics.median(floor)
    ratios = sorted(a / b for a, b in zip(ours, floor))
    print(f"{label}: median {m:.2f} s (range {min(ours):.2f}–{max(ours):.2f}, {mb / m:.0f} MB/s)")
    print(f"  floor, {floor_label}: median {f:.2f} s (range {min(floor):.2f}–{max(floor):.2f}, {mb / f:.0f} MB/s)")
    print(f"  ratio {m / f:.2f} (rounds {ratios[0]:.2f}–{ratios[-1]:.2f})   goal {goal}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--size-mb", type=float, default=3.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="inspector-bench-"))
    try:
        src = root / "photos"
        src.mkdir()
        size = int(args.size_mb * 1024 * 1024)
        for i in range(args.files):
            # JPEG-like: markers around incompressible bytes
            (src / f"{i:04d}.jpg").write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(size - 6) + b"\xff\xd9")
        total_mb = args.files * size / 1e6
        ks = KeyStore(root / "keys")
        ks.own_key()
        payload = {f"photos/{p.name}": p for p in sorted(src.iterdir())}
        payload["scores.json"] = b'{"C1":{"points":"8.5"}}' * 1000
        info = make_info("expert", plan_id="bench", sequence=1)

        out = root / "out"
        out.mkdir()
        counter = iter(range(10**6))

        def export() -> None:
            write_bag(out, f"b{next(counter)}.zip", payload, info, ks)

        def disk() -> None:
            # The floor: the same bytes written to one new file and made durable, as fast as the disk takes them.
            dest = out / f"d{next(counter)}.bin"
            with open(dest, "wb") as handle:
                for p in sorted(src.iterdir()):
                    handle.write(p.read_bytes())
                handle.flush()
                os.fsync(handle.fileno())
            fd = os.open(out, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

        times = interleaved({"export": export, "disk": disk}, args.repeat)
        print(f"payload: {args.files} files x {args.size_mb} MB = {total_mb:.0f} MB")
        show("export   write_bag (fsync + read-back verify)", times["export"], times["disk"],
             "durable write of the same bytes", total_mb, "≤ 2×")
        for stale in out.glob("d*.bin"):
            stale.unlink()

        bundle = next(out.glob("b*.zip"))

        def verify() -> None:
            read_bag(bundle, ks)

        def plain_sha() -> None:
            for p in sorted(src.iterdir()):
                h = hashlib.sha256()
                with open(p, "rb") as fh:
                    while chunk := fh.read(1 << 20):
                        h.update(chunk)

        times = interleaved({"verify": verify, "sha": plain_sha}, args.repeat)
        show("verify   read_bag", times["verify"], times["sha"], "SHA-256 of the same files", total_mb, "≤ 1.5×")
        print("(files are in the page cache: these figures measure CPU and copying, not the USB stick)")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
