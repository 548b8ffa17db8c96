"""Keys, commitments and entities as the pages read them, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from coopwatch.errors import CorrectionError, NotFoundError
from coopwatch.store import Store, commitments, entities, keys, texts, views
from coopwatch.store.engine import write_transaction

from .samples import corpus


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


def test_a_commitment_thread_goes_stage_by_stage(store: Store) -> None:
    store.ingest(corpus())
    dz_by = [e for e in store.events(countries=["DZ", "BY"])]
    with write_transaction(store.engine) as db:
        new = commitments.put_commitment(
            db, "tractors with AGM", "pledged", ["DZ", "BY"], [e.id for e in dz_by]
        )
        with pytest.raises(NotFoundError):
            commitments.put_commitment(db, "x", "agreed", ["DZ"], ["0" * 16])
    with store.engine.connect() as db:
        detail = commitments.commitment_detail(db, new)
        rows, total = commitments.list_commitments(db, countries=["BY"])
        assert commitments.list_commitments(db, countries=["TR"])[1] == 0
        pair = views.pair_detail(db, "DZ", "BY")
    assert detail is not None and detail.parties == ["BY", "DZ"]
    assert [s.stage for s in detail.steps] == ["discussed", "pledged"]
    excerpt = detail.steps[0].excerpts[0]
    assert [excerpt.text[m.start : m.end] for m in excerpt.marks][:2] == ["Yahia Bachir", "a reçu"]
    assert total == 1 and rows[0].events == 2
    assert [c.id for c in pair.commitments] == [new]


def test_entities_and_search(store: Store) -> None:
    store.ingest(corpus())
    with store.engine.connect() as db:
        rows, total = entities.list_entities(db, name="industries mecaniques")
        assert total == 1 and rows[0].name == "AGM"
        detail = entities.entity_detail(db, rows[0].id)
        hits = texts.search_documents(db, "Tayal jobs")
        none = texts.search_documents(db, "tracteurs Tayal")
    assert detail is not None and detail.aliases == ["AGM", "Groupe des industries mécaniques"]
    assert [p.country for p in detail.partners] == ["BY"]
    assert detail.events.total == 1
    assert hits.total == 1 and hits.items[0].snippet.text.startswith("Algeria and Turkey")
    assert none.total == 0
