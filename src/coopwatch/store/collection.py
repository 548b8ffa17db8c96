"""Python's cyclic garbage collector, run rarely while the store writes.

Storing a batch makes and drops many small objects, and the store keeps the facts of
recent reports in memory: with the collector's default thresholds it runs every few
hundred allocations and, every so often, walks every object held, which took a quarter
of ingest's time. Nothing the store makes relies on the collector (its objects hold no
cycles that must be freed early), so it runs far less often meanwhile, and the caller's
thresholds come back afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Allocations between two young collections, and young collections per older one.
_THRESHOLDS = (50_000, 50, 1_000)


@contextmanager
def rare_collections() -> Iterator[None]:
    """Run the block with the garbage collector's thresholds raised."""
    before = gc.get_threshold()
    gc.set_threshold(*_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
