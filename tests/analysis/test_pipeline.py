"""The pipeline as a whole: a pure function of the document it is given."""

from __future__ import annotations

from datetime import date

from coopwatch import extract
from coopwatch.model import Document

DISPATCH = (
    "Alger et Minsk signent un accord sur les tracteurs\n"
    "ALGER, 12 mars 2025 (APS) - Le ministre de l'Industrie a reçu mardi une délégation "
    "biélorusse. Les deux parties ont signé un accord pour produire des tracteurs à "
    "Constantine."
)


def test_extraction_leaves_the_given_document_as_it_was_and_repeats_exactly():
    document = Document.create(DISPATCH, source="dispatch.txt")
    first = extract(document)
    assert document.lang is None and document.published is None
    assert first.document.lang == "fr" and first.document.published == date(2025, 3, 12)
    second = extract(document)
    assert second.to_json(with_mentions=True) == first.to_json(with_mentions=True)
    assert [e.date for e in first.events] == [date(2025, 3, 11), date(2025, 3, 11)]
