"""The garbage collector's pace during bulk work.

Opening a bundle in a second process hands it back by pickle: thousands of small dicts and lists for every
panel bundle, each a container the cyclic collector counts. At the default pace (a young collection every 700
containers) a province's merge ran seven collections a bundle and the older generations again and again over
everything the merging process holds, about 1 ms of every 25 (measured with gc.callbacks). Bundles make no
reference cycles worth chasing between files (reference counting frees them), so a long run collects less often.
"""
from __future__ import annotations

import contextlib
import gc
from typing import Iterator

# Young containers between collections during bulk work: a few MB at most before one is run.
BULK_YOUNG = 50_000
BULK_OLDER = (20, 100)


def pace_for_bulk() -> None:
    """For a process that does nothing but bulk work (the opening process of a long merge)."""
    gc.set_threshold(BULK_YOUNG, *BULK_OLDER)


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect at the bulk pace inside the block (never faster than the process already does); the process's
    own pace is put back after it, whatever happens."""
    before = gc.get_threshold()
    gc.set_threshold(max(BULK_YOUNG, before[0]), *(max(a, b) for a, b in zip(BULK_OLDER, before[1:])))
    try:
        yield
    finally:
        gc.set_threshold(*before)
