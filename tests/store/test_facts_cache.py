"""Reports' facts kept across batches: read once, bounded, and never a different register."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.store.test_register import linked, signature  # noqa: F401  (fixture)

from coopwatch.linking.facts import report_facts
from coopwatch.model import Extraction
from coopwatch.store import Store
from coopwatch.store import register as register_module
from coopwatch.store.facts_cache import FactsCache


def _facts(report_id: str) -> tuple[object, dict[str, object]]:
    event = {"id": report_id, "type": "meeting", "parties": ["DZ", "TR"]}
    facts = report_facts(event, document_id="d", sentence="", lang="en", published=None)
    return facts, event


def test_the_least_recently_used_report_goes_first() -> None:
    cache = FactsCache(size=2)
    cache.put("a", *_facts("a"))  # type: ignore[arg-type]
    cache.put("b", *_facts("b"))  # type: ignore[arg-type]
    assert cache.get("a") is not None  # "a" is now the most recent
    cache.put("c", *_facts("c"))  # type: ignore[arg-type]
    assert cache.get("b") is None
    assert cache.get("a") is not None and cache.get("c") is not None
    assert len(cache) == 2


def test_a_cache_holds_at_least_one_report() -> None:
    with pytest.raises(ValueError, match="at least one report"):
        FactsCache(size=0)


def test_later_batches_read_facts_from_the_cache(
    linked: list[Extraction],  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parsed: list[str] = []
    original = register_module._parse_facts

    def counting(document_id: str, stored: dict[str, object]) -> object:
        parsed.append(document_id)
        return original(document_id, stored)

    monkeypatch.setattr(register_module, "_parse_facts", counting)
    with Store.open(str(tmp_path / "cached.db")) as store:
        store.ingest(linked, batch_size=5)
        assert store.counts()["step_links"] > 0  # later batches met earlier reports
    assert parsed == []
    with Store.open(str(tmp_path / "forgetful.db")) as store:
        store.facts_cache = FactsCache(size=3)
        store.ingest(linked, batch_size=5)
        assert parsed  # what the cache forgot was read back from the store


def test_a_cache_that_forgets_gives_the_same_register(
    linked: list[Extraction],  # noqa: F811
    tmp_path: Path,
) -> None:
    with Store.open(str(tmp_path / "large.db")) as store:
        store.ingest(linked, batch_size=5)
        expected = signature(store)
    with Store.open(str(tmp_path / "small.db")) as store:
        store.facts_cache = FactsCache(size=3)
        store.ingest(linked, batch_size=5)
        assert signature(store) == expected
