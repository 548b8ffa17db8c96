"""Reports' facts kept across transactions, so linking does not parse them again.

A report's id is a hash of its content, and its facts are worked out from that content
alone, so what was read or computed for a report id stays true for as long as the
process runs: a later batch that meets the report as a candidate, or rewrites its step,
reads it here instead of parsing its stored JSON. The cache holds the most recently
used reports only, so its memory is bounded however large the store grows.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from coopwatch.linking.facts import ReportFacts

#: Reports kept by default: about the reports of 40,000 documents, a few hundred MB.
DEFAULT_SIZE = 100_000

Cached = tuple[ReportFacts, dict[str, Any]]


class FactsCache:
    """The facts and event JSON of the reports most recently used, by report id."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        if size < 1:
            raise ValueError(f"a facts cache must hold at least one report, not {size}")
        self.size = size
        self._items: OrderedDict[str, Cached] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, report_id: str) -> Cached | None:
        found = self._items.get(report_id)
        if found is not None:
            self._items.move_to_end(report_id)
        return found

    def put(self, report_id: str, facts: ReportFacts, body: dict[str, Any]) -> None:
        self._items[report_id] = (facts, body)
        self._items.move_to_end(report_id)
        while len(self._items) > self.size:
            self._items.popitem(last=False)
