"""Keys, commitments and entities as the pages read them, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopwatch import Document, Extraction, extract
from coopwatch.errors import CorrectionError, NotFoundError
from coopwatch.readers import iter_inputs
from coopwatch.store import Store, commitments, entities, keys, texts, views
from coopwatch.store.engine import write_transaction

from .samples import corpus

LINKED = Path(__file__).resolve().parent.parent / "corpus" / "linked" / "texts"


def test_keys_are_stored_hashed_and_can_be_revoked(store: Store) -> None:
    with write_transaction(store.engine) as db:
        key, secret = keys.create_key(db, "desk@ministry")
        assert secret.startswith("cw_") and len(secret) > 40
        assert key.prefix == secret[:11]
        with pytest.raises(CorrectionError, match="exists already"):
            keys.create_key(db, "desk@ministry")
        with pytest.raises(CorrectionError, match="key name"):
            keys.create_key(db, "two words")
    with store.engine.connect() as db:
        dump = str([tuple(r) for r in db.exec_driver_sql("SELECT * FROM api_keys")])
    assert secret not in dump and keys.digest(secret) in dump
    with write_transaction(store.engine) as db:
        assert keys.verify_key(db, secret) is not None
        assert keys.verify_key(db, secret[:-1] + "x") is None
        keys.revoke_key(db, "desk@ministry")
        assert keys.verify_key(db, secret) is None
        with pytest.raises(NotFoundError):
            keys.revoke_key(db, "nobody")
    with store.engine.connect() as db:
        [listed] = keys.list_keys(db)
    assert listed.revoked_at is not None and listed.last_used_at is not None


def _linked(*numbers: int) -> list[Extraction]:
    """Documents of the linked corpus, extracted as ``ingest`` would."""
    paths = [LINKED / f"la{n:03d}.txt" for n in numbers]
    return [extract(d) for d in iter_inputs(paths) if isinstance(d, Document)]


def test_a_commitment_thread_goes_stage_by_stage(store: Store) -> None:
    # Eleven reports in four languages follow the MTZ-ETRAG tractor plant to production.
    store.ingest(_linked(*range(1, 12)))
    with store.engine.connect() as db:
        rows, _ = commitments.list_commitments(db, countries=["BY"])
        [thread] = [r for r in rows if r.stage == "operational" and r.events > 3]
        detail = commitments.commitment_detail(db, thread.id)
        assert commitments.list_commitments(db, countries=["TR"])[1] == 0
        assert commitments.commitment_detail(db, "c" + "0" * 16) is None
        pair = views.pair_detail(db, "DZ", "BY")
    assert detail is not None and detail.id == thread.id and detail.id.startswith("c")
    assert detail.parties == ["BY", "DZ"] and detail.stage == "operational"
    assert [m.stage for m in detail.timeline] == ["pledged", "agreed", "under_way", "operational"]
    dates = [m.date for m in detail.timeline]
    assert None not in dates and dates == sorted(dates)
    for milestone in detail.timeline:
        assert milestone.event is not None and milestone.evidence
        for evidence in milestone.evidence:
            assert evidence.event_id == milestone.event.id and evidence.sentence is not None
            assert evidence.sentence.marks  # the supporting words are marked
    # The pledge was reported in French, Russian and English, each with its sentence.
    assert {e.lang for e in detail.timeline[0].evidence} == {"fr", "ru", "en"}
    shown = {t.event.id: t.stage for t in detail.events}
    assert len(shown) == thread.events and all(shown[m.event.id] == m.stage for m in
                                               detail.timeline)  # fmt: skip
    # Amounts and jobs stay per source.
    amounts = {(a.value, a.currency) for a in detail.amounts}
    assert (500_000_000, "USD") in amounts
    assert len({a.document_id for a in detail.amounts}) == len(detail.amounts)
    assert all(j.source for j in detail.jobs)  # jobs stay per source
    assert "ETRAG" in [o.name for o in detail.organizations]
    assert thread.id in [c.id for c in pair.commitments]


def test_entities_and_search(store: Store) -> None:
    store.ingest(corpus())
    with store.engine.connect() as db:
        rows, total = entities.list_entities(db, name="industries mecaniques")
        assert total == 1 and rows[0].name == "AGM"
        detail = entities.entity_detail(db, rows[0].id)
        hits = texts.search_documents(db, "Tayal jobs")
        none = texts.search_documents(db, "tracteurs Tayal")
    assert detail is not None and detail.aliases == ["AGM", "Groupe des industries mécaniques"]
    # The register does not know AGM's country: both parties of its event are partners.
    assert [p.country for p in detail.partners] == ["BY", "DZ"]
    assert detail.events.total == 1
    assert hits.total == 1 and hits.items[0].snippet.text.startswith("Algeria and Turkey")
    assert none.total == 0
