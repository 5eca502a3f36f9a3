"""Bundle export and verification speed against plain baselines (prints figures, asserts nothing).

Export: `write_bag` (hash, zip, fsync, read back and verify, rename) of 200
photo-sized files against `zip -0` of the same files (or Python's zipfile with
ZIP_STORED when `zip` is not installed). Goal: within 2x.
Verification: `read_bag` against plain SHA-256 of the same bytes. Goal: within 1.5x.

    python bench/bench_bundles.py [--files 200] [--size-mb 3]
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from inspector_app.bundles.bag import read_bag  # noqa: E402
from inspector_app.bundles.bag_write import write_bag  # noqa: E402
from inspector_app.bundles.tagfiles import make_info  # noqa: E402
from inspector_app.bundles.keys import KeyStore  # noqa: E402


def best_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


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

        zip_tool = shutil.which("zip")

        def baseline() -> None:
            dest = out / f"z{next(counter)}.zip"
            if zip_tool:
                subprocess.run([zip_tool, "-0", "-q", "-r", str(dest), "photos"], cwd=root, check=True)
            else:
                with zipfile.ZipFile(dest, "w", zipfile.ZIP_STORED) as zf:
                    for p in sorted(src.iterdir()):
                        zf.write(p, f"photos/{p.name}")

        def baseline_synced() -> None:
            baseline()
            os.sync()

        t_base = best_of(args.repeat, baseline)
        t_base_sync = best_of(args.repeat, baseline_synced)
        t_export = best_of(args.repeat, export)
        label = "zip -0" if zip_tool else "python zipfile ZIP_STORED (zip not installed)"
        print(f"payload: {args.files} files x {args.size_mb} MB = {total_mb:.0f} MB")
        print(f"export   write_bag (incl. fsync + read-back verify): {t_export:.2f} s ({total_mb / t_export:.0f} MB/s)")
        print(f"baseline {label}: {t_base:.2f} s; with sync: {t_base_sync:.2f} s")
        print(f"ratio export / {label}: {t_export / t_base:.2f}x (goal <= 2x); vs synced: {t_export / t_base_sync:.2f}x")

        bundle = next(out.glob("b*.zip"))

        def verify() -> None:
            read_bag(bundle, ks)

        def plain_sha() -> None:
            for p in sorted(src.iterdir()):
                h = hashlib.sha256()
                with open(p, "rb") as fh:
                    while chunk := fh.read(1 << 20):
                        h.update(chunk)

        t_sha = best_of(args.repeat, plain_sha)
        t_verify = best_of(args.repeat, verify)
        print(f"verify   read_bag: {t_verify:.2f} s ({total_mb / t_verify:.0f} MB/s)")
        print(f"baseline sha256 of the same files: {t_sha:.2f} s ({total_mb / t_sha:.0f} MB/s)")
        print(f"ratio verify / sha256: {t_verify / t_sha:.2f}x (goal <= 1.5x)")
        print("(files are in the page cache: these figures measure CPU and copying, not the USB stick)")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
