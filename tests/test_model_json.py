"""Extraction.from_json rebuilds what Extraction.to_json wrote (what `coopwatch load` needs)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from coopwatch import extract
from coopwatch.model import Document, Extraction
from coopwatch.readers import iter_inputs

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT / "examples", *sorted((ROOT / "tests" / "corpus").glob("*/texts"))]


def _documents() -> list[Document]:
    docs = [item for item in iter_inputs(FOLDERS) if isinstance(item, Document)]
    assert len(docs) > 190
    return docs


def test_round_trip_on_the_corpora() -> None:
    with_events = 0
    for doc in _documents():
        extraction = extract(doc)
        extraction.mentions = []
        rebuilt = Extraction.from_json(extraction.to_json(), extraction.document.text)
        assert rebuilt.to_json() == extraction.to_json()
        assert rebuilt.document == extraction.document
        # Events come back whole (the confidence as written, to three places).
        expected = [replace(e, confidence=round(e.confidence, 3)) for e in extraction.events]
        assert rebuilt.events == expected
        assert rebuilt.persons == extraction.persons
        assert rebuilt.amounts == extraction.amounts
        assert [o.names for o in rebuilt.organizations] == [
            o.names for o in extraction.organizations
        ]
        with_events += bool(extraction.events)
    assert with_events > 100


def test_text_of_another_document_is_refused(seed_path: Path) -> None:
    [doc] = [item for item in iter_inputs([seed_path]) if isinstance(item, Document)]
    body = extract(doc).to_json()
    with pytest.raises(ValueError, match="not that of document"):
        Extraction.from_json(body, doc.text + " changed")


def test_event_that_does_not_rebuild_is_refused(seed_path: Path) -> None:
    [doc] = [item for item in iter_inputs([seed_path]) if isinstance(item, Document)]
    body = extract(doc).to_json()
    body["events"][0]["date"] = "1999-01-01"  # its id no longer matches
    with pytest.raises(ValueError, match="does not rebuild"):
        Extraction.from_json(body, doc.text)
