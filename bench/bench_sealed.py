"""Decryption at the bureau: 600 sealed bundles opened (age decrypted, then verified as signed bundles),
beside the floor of SHA-256 over the same bytes, measured in the same run.

Each bundle is an expert's: canonical JSON entries (~40 KB) and one camera photo (~0.3 MB), signed by the
expert's key and sealed to the lead and the bureau, as `export` writes them. Timed: `read_bag` at the
bureau for every file (envelope signature and payload SHA-256, recipients, age decryption into a private
temporary file, then the full bundle verification and every JSON file's schema). The floor reads each
file and hashes it. The merge's own work after opening is `bench_merge.py`'s.

Goal: 600 bundles under 60 s with decryption included.

    python bench/bench_sealed.py [--count 600]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inspector_app.bundles import canonical  # noqa: E402
from inspector_app.bundles.bag import read_bag  # noqa: E402
from inspector_app.bundles.bag_write import write_bag  # noqa: E402
from inspector_app.bundles.keys import KeyStore  # noqa: E402
from inspector_app.bundles.sealing import Recipient, encryption_head, seal  # noqa: E402
from inspector_app.bundles.tagfiles import make_info  # noqa: E402


def make_bundles(count: int, work: Path) -> tuple[KeyStore, list[Path]]:
    from generate import base_photos, unique_photo  # the bench's camera photos (cached under /tmp)
    bureau, lead = KeyStore(work / "bureau"), KeyStore(work / "lead")
    experts = [KeyStore(work / f"expert{i}") for i in range(6)]
    recipients = [Recipient(lead.own_key().key_id, "组长", "组长", lead.own_encryption()[0]),
                  Recipient(bureau.own_key().key_id, "教育局", "教育局", bureau.own_encryption()[0])]
    for keys in experts:
        bureau.trust_many([(keys.own_key().public_key, f"专家{experts.index(keys)}", "专家", keys.own_encryption())])
    photo = base_photos()[0]
    entries = [{"school": f"s{s}", "indicator": f"C{c}", "inputs": {"value": str(c * 3 % 100)}, "evidence": [],
                "methods": [], "note": "查阅资料，现场察看" * 3, "points": str(c % 10), "explanation": [],
                "updated_at": "2024-10-15T10:00:00+08:00"} for s in range(7) for c in range(40)]
    files = []
    for i in range(count):
        keys = experts[i % len(experts)]
        head = {"format": 1, "kind": "expert", "sequence": i + 1, "previous": "", "signer_key_id": keys.own_key().key_id,
                "plan": {"id": "bench"}, "encryption": encryption_head(recipients)}
        name = f"photos/{i}.jpg"
        payload = {"bundle.json": canonical.dumps(head), "entries.json": canonical.dumps(entries),
                   "vetoes.json": b"[]", "findings.json": b"{}",
                   "photos.json": canonical.dumps([{"file": name, "sha256": "0" * 64}]),
                   name: unique_photo(photo, str(i))}
        plain = write_bag(work / "plain", f"{i}.zip", payload, make_info("expert", plan_id="bench", sequence=i + 1),
                          keys)
        files.append(seal(plain, work / "usb", f"{i}.inspector.zip", recipients, keys))
        plain.unlink()
    return bureau, files


def floor_pass(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        hashlib.sha256(path.read_bytes()).hexdigest()
    return time.perf_counter() - start


def open_pass(bureau: KeyStore, files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        bag = read_bag(path, bureau, remember_unknown=False)
        assert bag.sealed is not None
        del bag  # its decrypted temporary copy goes with it
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-sealed-") as tmp:
        made = time.perf_counter()
        bureau, files = make_bundles(args.count, Path(tmp))
        size = sum(p.stat().st_size for p in files)
        print(f"{len(files)} sealed expert bundles, {size / 1e6:.0f} MB, made in {time.perf_counter() - made:.0f} s")
        bureau.unlock(None)
        opened, floors = [], []
        for r in range(args.rounds):
            order = ("floor", "open") if r % 2 == 0 else ("open", "floor")
            for what in order:
                (floors if what == "floor" else opened).append(
                    floor_pass(files) if what == "floor" else open_pass(bureau, files))
            print(f"  round {r + 1}: decrypt + verify {opened[-1]:.1f} s, SHA-256 floor {floors[-1]:.2f} s, "
                  f"ratio {opened[-1] / floors[-1]:.1f}", flush=True)
        best_open, best_floor = min(opened), min(floors)
        print(json.dumps({"bundles": len(files), "decrypt_verify_s": round(best_open, 2),
                          "sha256_floor_s": round(best_floor, 3), "ratio": round(best_open / best_floor, 1),
                          "goal_s": 60, "met": best_open < 60}, ensure_ascii=False))


if __name__ == "__main__":
    main()
