"""Extraction over many documents: the same results in worker processes, and one
failing document reported without losing the others."""

from __future__ import annotations

from pathlib import Path

import pytest

import coopwatch
from coopwatch.batch import Failure, extract_many, extract_one
from coopwatch.model import Document
from coopwatch.readers import iter_inputs

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _documents() -> list[Document]:
    return [item for item in iter_inputs([EXAMPLES]) if isinstance(item, Document)]


def test_workers_give_the_same_extractions_in_input_order():
    documents = _documents()
    assert len(documents) >= 10
    alone = [e.to_json(with_mentions=True) for e in extract_many(documents)]
    shared = [e.to_json(with_mentions=True) for e in extract_many(documents, workers=2)]
    assert shared == alone
    assert [e["source"] for e in shared] == [d.source for d in documents]
    assert any(e["events"] for e in shared)


def test_one_worker_process_a_window_ahead_gives_the_same_in_order(monkeypatch):
    """``ingest`` analyses in one worker process while it stores: windows handed out
    ahead of the results must neither lose, repeat nor reorder documents."""
    import coopwatch.batch as batch

    monkeypatch.setattr(batch, "_WINDOW", 3)  # many windows over the examples
    monkeypatch.setattr(batch, "_CHUNK", 2)
    documents = _documents()
    alone = [e.to_json() for e in extract_many(documents, mentions=False)]
    apart = [e.to_json() for e in extract_many(documents, mentions=False, in_process=False)]
    assert apart == alone
    assert len(apart) == len(documents) > 2 * 3


def test_a_failing_document_becomes_a_failure_and_the_rest_go_on(monkeypatch):
    documents = _documents()[:3]
    real = coopwatch.extract

    def broken_on_second(document: Document, *, model: str = "none"):
        if document is documents[1]:
            raise RuntimeError("boom")
        return real(document, model=model)

    monkeypatch.setattr(coopwatch, "extract", broken_on_second)
    results = list(extract_many(documents))
    assert [type(r).__name__ for r in results] == ["Extraction", "Failure", "Extraction"]
    failure = results[1]
    assert isinstance(failure, Failure)
    assert failure.document is documents[1] and "boom" in failure.error
    assert isinstance(extract_one(documents[0]), coopwatch.Extraction)


def test_workers_below_one_are_refused():
    with pytest.raises(ValueError, match="at least 1"):
        list(extract_many(_documents(), workers=0))


def test_without_mentions_the_events_are_the_same_and_mentions_empty():
    documents = _documents()[:4]
    full = list(extract_many(documents))
    light = list(extract_many(documents, workers=2, mentions=False))
    assert all(e.mentions == [] for e in light)
    assert any(e.mentions for e in full)
    assert [e.to_json() for e in light] == [e.to_json() for e in full]
