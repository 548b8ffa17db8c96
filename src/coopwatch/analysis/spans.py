"""Questions about many spans at once, each answered in logarithmic time.

Stages often ask "is this span inside one of those?" or "which of those mentions lie
between two offsets?". Asked with ``any()`` over every span, each question costs the
number of spans, and a document with n of each costs n²; a long document (a page of
boilerplate, a mis-split archive) then stalls the run. These indexes are built once per
question set in O(n log n) and answer each question in O(log n).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import TypeVar

from coopwatch.model import Mention

M = TypeVar("M", bound=Mention)


class Cover:
    """A set of character spans ``(start, end)``, asked whether any covers a span."""

    __slots__ = ("_reach", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        # The furthest end among the spans that start at or before each position.
        self._reach = list(accumulate((e for _, e in ordered), max))

    def __bool__(self) -> bool:
        return bool(self._starts)

    def covers(self, start: int, end: int) -> bool:
        """Whether some span ``(s, e)`` has ``s <= start`` and ``end <= e``."""
        i = bisect.bisect_right(self._starts, start)
        return i > 0 and self._reach[i - 1] >= end

    def strictly_covers(self, start: int, end: int) -> bool:
        """``covers``, by a span other than ``(start, end)`` itself."""
        i = bisect.bisect_right(self._starts, start)
        if i and self._reach[i - 1] > end:
            return True
        j = bisect.bisect_left(self._starts, start)  # spans starting strictly before
        return j > 0 and self._reach[j - 1] >= end


def starts_of(mentions: Sequence[Mention]) -> list[int]:
    """The start offsets of mentions in text order, for ``within``."""
    return [m.start for m in mentions]


def within(mentions: Sequence[M], starts: Sequence[int], start: int, end: int) -> list[M]:
    """The mentions (sorted by start, ``starts`` their starts) with ``start <= m.start``
    and ``m.end <= end``, in text order."""
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end, lo)
    return [m for m in mentions[lo:hi] if m.end <= end]
