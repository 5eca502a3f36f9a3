"""The bureau's merge of every panel bundle of a city or a province, beside its minimal floor.

Data: `bench/generate.py` (cached under /tmp): each group's panel bundle holds its six experts'
signed bundles, on the 004 rubric, with a camera-like photo from each expert.

Timed, in rounds; within a round the merge and the floor take turns every 100 files (`--chunk`), each on
the same files, the order alternating, so that both meet a shared machine in the same state (whole passes in
turn, as with `--chunk 0`, let a minute of another user's load fall on one side only):
- merge: `merge_each` of every panel bundle (as `inspector merge FILES...`: each outcome said, then let go)
  into a fresh copy of the bureau (the plan with every
  expert's key, the trust list), with the resident memory after every 100 bundles;
- floor: the least any merge must do with the same files: read each file, SHA-256 of its bytes,
  one Ed25519 signature check for each signed bundle (the panel's and each member's), parse each
  member's entries, and one durable transaction (WAL, synchronous=FULL) per panel bundle that
  inserts those entries.

The merge opens the next bundle in a second process while it writes this one (merge_each); its CPU
seconds are counted with the merge's, and its peak memory is printed beside the merge's own.

Goal: merge ≤ 3× the floor, memory flat.

Sealed (`--size sealed`): 600 panel bundles encrypted to the bureau (age, as `panel export` seals them),
3,600 expert bundles inside, merged in full (age decryption, verification, the merge into the bureau's
store). The floor is then SHA-256 of the same bytes (the zip internals are ciphertext).
Goal (issue 19): the 600 under 60 s with decryption included.

    python bench/bench_merge.py [--size city|province|sealed] [--rounds 3] [--limit N]
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import os
import shutil
import sqlite3
import statistics
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import generate as G  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey  # noqa: E402

from inspector_app.bundles.keys import KeyStore
from inspector_app.bundles.public_keys import parse_public_pem
from inspector_app.bundles import merge as M  # noqa: E402
from inspector_app.bundles.merge import merge_each  # noqa: E402
from inspector_app.store.db import open_store  # noqa: E402


def cpu_s() -> float:
    """CPU seconds of this process and its finished children (the merge's second process)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def floor_db(work: Path) -> sqlite3.Connection:
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    conn = sqlite3.connect(work / "floor.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE entries (bundle TEXT, school TEXT, indicator TEXT, inputs TEXT, points TEXT)")
    return conn


def floor_pass(files: list[Path], work: Path) -> float:
    conn = floor_db(work)
    elapsed, cpu = floor_files(conn, files)
    CPU["floor"].append(cpu)
    conn.close()
    return elapsed


def floor_files(conn: sqlite3.Connection, files: list[Path]) -> tuple[float, float]:
    """The floor's work on `files` into `conn`: wall and CPU seconds."""
    start, cpu = time.perf_counter(), cpu_s()
    for path in files:
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        rows = []
        with zipfile.ZipFile(io.BytesIO(data)) as panel:
            bags = [panel] + [zipfile.ZipFile(io.BytesIO(panel.read(n))) for n in panel.namelist()
                              if n.startswith("data/members/")]
            for bag in bags:
                tagmanifest = bag.read("tagmanifest-sha256.txt")
                signature = base64.b64decode(bag.read("signature.ed25519").strip())
                Ed25519PublicKey.from_public_bytes(parse_public_pem(bag.read("signer.pub"))).verify(signature, tagmanifest)
                if bag is not panel:
                    rows += [(digest, r["school"], r["indicator"], json.dumps(r["inputs"]), r["points"])
                             for r in json.loads(bag.read("data/entries.json"))]
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?)", rows)
        conn.execute("COMMIT")
    return time.perf_counter() - start, cpu_s() - cpu


CPU: dict[str, list[float]] = {"floor": [], "merge": []}


def sha256_pass(files: list[Path], _work: Path) -> float:
    """The floor for sealed bundles: read each file and hash its bytes."""
    start, cpu = time.perf_counter(), cpu_s()
    for path in files:
        hashlib.sha256(path.read_bytes()).hexdigest()
    CPU["floor"].append(cpu_s() - cpu)
    return time.perf_counter() - start


def merge_pass(world: G.World, files: list[Path], work: Path) -> tuple[float, list[float], dict[str, int]]:
    target = G.fresh_bureau(world, work / "bureau")
    store = open_store(target)
    keys = KeyStore(target)
    memory = [rss_mb()]

    def progress(done: int, _total: int, _name: str) -> None:
        if done % 100 == 0:
            memory.append(rss_mb())

    start, cpu = time.perf_counter(), cpu_s()
    statuses: dict[str, int] = {}
    for outcome in merge_each(store, keys, files, progress=progress):  # as `inspector merge FILES...`
        statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
    elapsed = time.perf_counter() - start
    CPU["merge"].append(cpu_s() - cpu)
    store.close()
    return elapsed, memory, statuses


def chunked_round(world: G.World, files: list[Path], work: Path, chunk: int,
                  r: int) -> tuple[float, float, list[float], dict[str, int]]:
    """One round with the merge and the floor taking turns every `chunk` files (each on the same files, the
    order alternating), so both meet the shared machine in the same state; each side's times are summed.
    The merge is one merge_each over every file, paused between its chunks; before the floor's turn it is
    left a moment to finish the files it opened ahead, so they are not counted against the floor."""
    target = G.fresh_bureau(world, work / "bureau")
    store = open_store(target)
    keys = KeyStore(target)
    conn = floor_db(work / "floor")
    memory = [rss_mb()]
    statuses: dict[str, int] = {}
    merge_s = floor_s = floor_cpu = 0.0
    cpu = cpu_s()
    outcomes = merge_each(store, keys, files)
    for c, first in enumerate(range(0, len(files), chunk)):
        part = files[first:first + chunk]
        for what in (("floor", "merge") if (c + r) % 2 == 0 else ("merge", "floor")):
            if what == "floor":
                elapsed, used = floor_files(conn, part)
                floor_s, floor_cpu = floor_s + elapsed, floor_cpu + used
            else:
                start = time.perf_counter()
                for _ in part:
                    outcome = next(outcomes)
                    statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
                merge_s += time.perf_counter() - start
                memory.append(rss_mb())
                time.sleep(0.2)  # the files opened ahead, finished outside either side's time
    start = time.perf_counter()
    assert next(outcomes, None) is None
    merge_s += time.perf_counter() - start  # the opening process shut down
    CPU["merge"].append(cpu_s() - cpu - floor_cpu)  # its process counted once it has ended
    CPU["floor"].append(floor_cpu)
    conn.close()
    store.close()
    return merge_s, floor_s, memory, statuses


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", choices=list(G.SIZES), default="city")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="merge only the first N panel bundles")
    parser.add_argument("--chunk", type=int, default=100,
                        help="the merge and the floor take turns every N files (0: each a whole pass in turn)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/inspector-bench/work-merge"))
    parser.add_argument("--against-merged", action="store_true",
                        help="one floor over every file beside the cached merged bureau's own merge time")
    args = parser.parse_args()
    world = G.build_world(args.size)
    files = sorted(world.bundles.iterdir())[:args.limit or None]
    if args.against_merged:  # the whole world once: the merge that made the cached bureau, then its floor
        G.merged_bureau(world)
        made = json.loads((G.ROOT / f"{args.size}-merged" / "stamp.json").read_text())
        floor = floor_pass(files, args.work / "floor")
        print(f"{args.size}: {len(files)} panel bundles, {len(files) * world.experts} expert bundles; "
              f"merge (generate.py --merged, merge_files) {made['seconds']:.0f} s, statuses {made['statuses']}; "
              f"floor {floor:.0f} s; ratio {made['seconds'] / floor:.2f}   goal: ≤ 3")
        shutil.rmtree(args.work, ignore_errors=True)
        return
    experts = len(files) * world.experts
    sealed = args.size in G.SEALED
    floor_of = sha256_pass if sealed else floor_pass
    print(f"{args.size}: {len(files)} {'sealed ' if sealed else ''}panel bundles, {experts} expert bundles, "
          f"{sum(p.stat().st_size for p in files) / 1e6:.0f} MB")
    merges, floors, memories = [], [], []
    for r in range(args.rounds):
        if not sealed and args.chunk:
            elapsed, floor, memory, statuses = chunked_round(world, files, args.work, args.chunk, r)
            merges.append(elapsed)
            floors.append(floor)
            memories.append(memory)
        order = ("floor", "merge") if r % 2 == 0 else ("merge", "floor")
        for what in order if sealed or not args.chunk else ():
            if what == "floor":
                floors.append(floor_of(files, args.work / "floor"))
            else:
                elapsed, memory, statuses = merge_pass(world, files, args.work)
                merges.append(elapsed)
                memories.append(memory)
        print(f"  round {r + 1}: merge {merges[-1]:.1f} s, floor {floors[-1]:.1f} s, "
              f"ratio {merges[-1] / floors[-1]:.2f}; {statuses}", flush=True)
    m, f = statistics.median(merges), statistics.median(floors)
    ratios = [a / b for a, b in zip(merges, floors)]
    print(f"merge  median {m:.1f} s (range {min(merges):.1f}–{max(merges):.1f}), "
          f"{m / experts * 1000:.1f} ms per expert bundle")
    floor_name = "SHA-256 of the same bytes" if sealed else "floor"
    print(f"{floor_name}  median {f:.2f} s (range {min(floors):.2f}–{max(floors):.2f})")
    if sealed:
        print(f"ratio  {m / f:.1f} (rounds {min(ratios):.1f}–{max(ratios):.1f})   goal: merge of "
              f"{len(files)} sealed bundles < 60 s with decryption: {'met' if max(merges) < 60 else 'NOT met'}")
    else:
        print(f"ratio  {m / f:.2f} (rounds {min(ratios):.2f}–{max(ratios):.2f})   goal: ≤ 3")
    cm, cf = statistics.median(CPU["merge"]), statistics.median(CPU["floor"])
    print(f"CPU    merge {cm:.1f} s (both processes), floor {cf:.1f} s: {cm / cf:.2f}× the floor's work "
          f"(wall time on a shared machine also waits for the other users)")
    last = memories[-1]
    every = args.chunk if args.chunk and not sealed else 100
    print(f"resident memory (MB) every {every} bundles, last round: first {last[0]:.0f}, last {last[-1]:.0f}, "
          f"max {max(last):.0f}   goal: flat")
    print(f"  every {every} bundles: " + " ".join(f"{m:.0f}" for m in last))
    import resource
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if child:
        print(f"  the process that opens the bundles (merge_each, from {M.PROCESS_FROM} files on): peak {child:.0f} MB")
    shutil.rmtree(args.work, ignore_errors=True)


if __name__ == "__main__":
    main()
