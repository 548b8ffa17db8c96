"""Corrections with an audit trail and undo, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest

from coopwatch.errors import CorrectionError, NotFoundError
from coopwatch.model import Extraction
from coopwatch.store import Store, views
from coopwatch.store import corrections as fixes
from coopwatch.store.engine import write_transaction

from .samples import dz_by


def _linked(extraction: Extraction, sectors: list[str]) -> Extraction:
    """Another report of the pledge of ``extraction`` (same key) naming more sectors."""
    pledge = next(e for e in extraction.events if e.type == "pledge")
    doc = replace(extraction.document, id="f" * 32, source="later.txt")
    again = replace(pledge, sectors=sorted({*pledge.sectors, *sectors}))
    return Extraction(doc, events=[again], parties=again.parties)


def _pledge(store: Store) -> str:
    return next(e.id for e in store.events() if e.type == "pledge")


def test_a_corrected_list_is_not_extended_by_a_later_report(store: Store) -> None:
    first = dz_by()
    store.ingest([first])
    pledge = _pledge(store)
    with write_transaction(store.engine) as db:
        entry = fixes.correct(db, pledge, "sectors", ["29"], author="ana", note="buses")
    assert (entry.before, entry.after, entry.author) == (["28"], ["29"], "ana")
    store.ingest([_linked(first, ["10"])])
    detail = store.event(pledge)
    assert detail is not None and detail.sectors == ["29"]
    assert [(c.field, c.value) for c in detail.corrections] == [("sectors", ["29"])]


def test_without_correction_the_later_report_adds_its_sectors(store: Store) -> None:
    first = dz_by()
    store.ingest([first, _linked(first, ["10"])])
    detail = store.event(_pledge(store))
    assert detail is not None and detail.sectors == ["10", "28"]


def test_undo_restores_the_machine_value_and_unfreezes(store: Store) -> None:
    first = dz_by()
    store.ingest([first])
    pledge = _pledge(store)
    with write_transaction(store.engine) as db:
        one = fixes.correct(db, pledge, "type", "agreement", author="ana")
        two = fixes.correct(db, pledge, "type", "implementation", author="bo")
    detail = store.event(pledge)
    assert detail is not None and (detail.type, detail.cameo) == ("implementation", "060")
    with (
        write_transaction(store.engine) as db,
        pytest.raises(CorrectionError, match="undo it first"),
    ):
        fixes.undo(db, one.id, author="ana")
    with write_transaction(store.engine) as db:
        undone = fixes.undo(db, two.id, author="cy")
        assert (undone.before, undone.after, undone.reverts) == (
            "implementation",
            "agreement",
            two.id,
        )
        assert fixes.current_value(db, pledge, "type") == "agreement"
        fixes.undo(db, one.id, author="ana")
    detail = store.event(pledge)
    assert detail is not None and (detail.type, detail.cameo) == ("pledge", "030")
    assert detail.corrections == []  # nothing frozen any more
    with store.engine.connect() as db:
        log, total = fixes.history(db, subject_id=pledge)
    assert total == 4 and [e.action for e in log] == ["undo", "undo", "set", "set"]
    assert log[-1].undone_by == log[0].id


def test_marked_wrong_leaves_listings_and_pair_counts(store: Store) -> None:
    store.ingest([dz_by()])
    pledge = _pledge(store)
    with store.engine.connect() as db:
        assert views.pairs(db)[0].total == 2
    with write_transaction(store.engine) as db:
        fixes.correct(db, pledge, "status", "wrong", author="ana")
    with store.engine.connect() as db:
        assert views.pairs(db)[0].total == 1
        assert [e.id for e in views.list_events(db).items] != [pledge]
        assert pledge not in [e.id for e in views.list_events(db).items]
        shown = views.list_events(db, views.EventFilters(include_wrong=True)).items
        assert {e.id: e.status for e in shown}[pledge] == "wrong"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("parties", ["DZ", "dza"], "ISO 3166"),
        ("parties", [], "at least one party"),
        ("sectors", ["tractors"], "ISIC"),
        ("instruments", ["barter"], "not one of"),
        ("date", "2025-02-30", "not a date"),
        ("jobs", True, "whole number"),
        ("status", "maybe", "wrong, confirmed"),
        ("colour", "red", "unknown field"),
    ],
)
def test_bad_values_are_refused(store: Store, field: str, value: object, message: str) -> None:
    store.ingest([dz_by()])
    with write_transaction(store.engine) as db, pytest.raises(CorrectionError, match=message):
        fixes.correct(db, _pledge(store), field, value, author="ana")


def test_unknown_event_and_entry(store: Store) -> None:
    with write_transaction(store.engine) as db:
        with pytest.raises(NotFoundError, match="no event"):
            fixes.correct(db, "0" * 16, "status", "wrong", author="ana")
        with pytest.raises(NotFoundError, match="no correction #7"):
            fixes.undo(db, 7, author="ana")


def test_typed_values_are_parsed_like_json_ones() -> None:
    assert fixes.parse_value("parties", "dz, by  ru") == ["BY", "DZ", "RU"]
    assert fixes.parse_value("jobs", "1 200") == 1200
    assert fixes.parse_value("date", "-") is None
    assert fixes.parse_value("sectors", "") == []
    with pytest.raises(CorrectionError, match="whole number"):
        fixes.parse_value("jobs", "many")


def test_a_report_id_names_its_step_and_store_correct_is_logged(store: Store) -> None:
    from .test_web_queries import _linked

    store.ingest(_linked(1, 2, 3))  # one pledge told in French, Russian and English
    [pledge] = [e for e in store.events(type="pledge") if len(e.document_ids) == 3]
    detail = store.event(pledge.id)
    assert detail is not None and detail.commitments
    other = next(s.report_id for s in detail.sources if s.report_id != pledge.id)
    entry_id = store.correct(other, "sectors", ["29"], author="ana")
    with store.engine.connect() as db:
        [entry] = fixes.history(db)[0]
        by_report = fixes.step_history(db, other)[0]
    assert (entry.id, entry.subject_id, entry.before, entry.after) == (
        entry_id,
        pledge.id,
        pledge.sectors,
        ["29"],
    )
    assert [e.id for e in by_report] == [entry_id]
    fixed = store.event(pledge.id)
    assert fixed is not None and fixed.sectors == ["29"]
    assert fixed.commitments == detail.commitments  # the thread was rebuilt around it
    with write_transaction(store.engine) as db:
        fixes.undo(db, entry_id, author="bo")
    undone = store.event(other)
    assert undone is not None and undone.id == pledge.id and undone.sectors == pledge.sectors
