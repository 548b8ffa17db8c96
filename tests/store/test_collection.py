"""The garbage collector runs rarely while the store writes, and as before afterwards."""

from __future__ import annotations

import gc

import pytest

from coopwatch.store import rare_collections


def test_thresholds_are_raised_inside_and_restored_after_even_on_error() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), rare_collections():
        assert gc.get_threshold()[0] > before[0]
        raise RuntimeError("a failed batch")
    assert gc.get_threshold() == before
