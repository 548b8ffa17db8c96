"""The register across documents: order-free, idempotent, decisions kept, upgraded."""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from coopwatch import extract
from coopwatch.model import Extraction
from coopwatch.readers import text as text_reader
from coopwatch.store import Store
from coopwatch.store.register_queries import reports

LINKED = Path(__file__).resolve().parents[1] / "corpus" / "linked" / "texts"

Signature = tuple[frozenset[frozenset[str]], frozenset[tuple[frozenset[str], str]], frozenset[Any]]


@pytest.fixture(scope="module")
def linked() -> list[Extraction]:
    out = []
    for path in sorted(LINKED.glob("*.txt")):
        (document,) = list(text_reader.read(path))
        out.append(extract(document))  # type: ignore[arg-type]
    return out


def signature(store: Store) -> tuple[object, ...]:
    """The register without its ids: steps as sets of reports, threads as sets of steps
    with their stage, entities as sets of aliases."""
    with store.engine.connect() as db:
        rows = reports(db)
    steps: dict[str, set[str]] = {}
    for r in rows:
        steps.setdefault(r.event_id, set()).add(r.report_id)
    as_reports = {step: frozenset(members) for step, members in steps.items()}
    threads = frozenset(
        (frozenset(as_reports[e] for e in c.event_ids), c.stage) for c in store.commitments()
    )
    entities = frozenset((e.kind, e.country, frozenset(e.aliases)) for e in store.entities())
    return frozenset(as_reports.values()), threads, entities


def ingest(store: Store, items: Iterable[Extraction], batch: int) -> None:
    store.ingest(list(items), batch_size=batch)


def test_shuffled_orders_give_the_same_register(linked: list[Extraction], tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "first.db")) as store:
        ingest(store, linked, 64)
        expected = signature(store)
    steps, threads, _ = expected
    assert any(len(s) >= 3 for s in steps)  # something was joined
    assert any(stage == "operational" for _, stage in threads)
    rng = random.Random(2026)
    for n, batch in enumerate((1, 7, 20)):
        order = linked[:]
        rng.shuffle(order)
        with Store.open(str(tmp_path / f"shuffled{n}.db")) as store:
            ingest(store, order, batch)
            assert signature(store) == expected


def test_reingesting_changes_nothing(linked: list[Extraction], store: Store) -> None:
    store.ingest(linked[:20])
    before, counts = signature(store), store.counts()
    assert store.ingest(linked[:20]).documents_new == 0
    assert (signature(store), store.counts()) == (before, counts)


def test_a_split_and_a_merge_are_kept_when_more_reports_arrive(
    linked: list[Extraction], store: Store
) -> None:
    store.ingest(linked[:3])  # three reports of one industry ministers' meeting
    joined = [e for e in store.events() if len(e.sources) >= 2]
    assert joined, "the three reports of the meeting were joined"
    step = joined[0]
    with store.engine.connect() as db:
        members = [r.report_id for r in reports(db, [step.id])]
    store.split_event(step.id, members[-1:], author="analyst")
    with store.engine.connect() as db:
        after = {r.report_id: r.event_id for r in reports(db)}
    assert after[members[-1]] != after[members[0]]

    store.ingest(linked)  # everything else, some of it about the same meeting
    with store.engine.connect() as db:
        final = {r.report_id: r.event_id for r in reports(db)}
    assert final[members[-1]] != final[members[0]]

    merged = store.merge_events([members[0], members[-1]], author="analyst")
    store.ingest(linked)
    with store.engine.connect() as db:
        again = {r.report_id: r.event_id for r in reports(db)}
    assert again[members[-1]] == again[members[0]] == merged
    detail = store.event(members[-1])
    assert detail is not None and ("join", min(members[0], members[-1])) in {
        (d, a) for d, a, _, _ in detail.decisions
    }


def test_threads_follow_an_undertaking_to_its_outcome(
    linked: list[Extraction], store: Store
) -> None:
    store.ingest(linked)
    stages = {c.stage for c in store.commitments(countries=["EG", "RU"])}
    assert "cancelled" in stages
    (tractors,) = [
        c for c in store.commitments(countries=["BY", "DZ"]) if c.stage == "operational"
        and len(c.event_ids) > 3
    ]  # fmt: skip
    assert [m.stage for m in tractors.timeline] == [
        "pledged",
        "agreed",
        "under_way",
        "operational",
    ]
    detail = store.commitment(tractors.id)
    assert detail is not None
    assert all(detail.evidence[m.event_id] for m in tractors.timeline)


def test_an_upgrade_from_before_the_register_rebuilds_it(
    linked: list[Extraction], tmp_path: Path
) -> None:
    from alembic import command

    from coopwatch.store.engine import write_transaction
    from coopwatch.store.migrate import config
    from coopwatch.store.schema import documents, extractions

    with Store.open(str(tmp_path / "now.db")) as store:
        store.ingest(linked[:12])
        expected = signature(store)
        with store.engine.connect() as db:
            docs = [dict(r._mapping) for r in db.execute(sa.select(documents))]
            bodies = [dict(r._mapping) for r in db.execute(sa.select(extractions))]
    # A database of revision 0001 holding the same documents and extractions.
    old = Store(sa.create_engine(f"sqlite:///{tmp_path / 'old.db'}"))
    with write_transaction(old.engine) as db:
        command.upgrade(config(db), "0001")
        db.execute(sa.insert(documents), docs)
        db.execute(sa.insert(extractions), bodies)
    old.close()
    with Store.open(str(tmp_path / "old.db")) as store:
        assert signature(store) == expected


def _minister_meetings(source: str, days: list[date]) -> Extraction:
    """A report of meetings of the same two ministers, one event per day."""
    from coopwatch.model import Document, Event, EventType, Person

    text = f"La ministre Elena Ruiz a reçu son homologue marocain Karim Alaoui ({source})."
    doc = Document.create(text, source, published=days[-1], lang="fr")
    persons = [Person("Elena Ruiz", "ES"), Person("Karim Alaoui", "MA")]
    events = [
        Event(EventType.MEETING, day, parties=["ES", "MA"], persons=persons,
              document_ids=[doc.id], location="Madrid")
        for day in days
    ]  # fmt: skip
    return Extraction(doc, events=events, parties=["ES", "MA"], persons=persons)


@pytest.mark.parametrize("order", ["two-days report first", "one-day report first", "one batch"])
def test_two_reports_of_one_document_never_share_a_step(order: str, store: Store) -> None:
    """A report that would join both meetings of another document joins the one of its
    day; the document's two meetings stay two steps, whatever the order."""
    both = _minister_meetings("a.txt", [date(2025, 12, 3), date(2025, 12, 4)])
    one = _minister_meetings("b.txt", [date(2025, 12, 3)])
    if order == "one batch":
        store.ingest([both, one])
    else:
        first, second = (both, one) if order.startswith("two") else (one, both)
        store.ingest([first])
        store.ingest([second])
    with store.engine.connect() as db:
        rows = reports(db)
    steps: dict[str, set[tuple[str, Any]]] = {}
    for r in rows:
        steps.setdefault(r.event_id, set()).add((r.document_id, r.date))
    assert sorted(sorted(s) for s in steps.values()) == sorted(
        [
            sorted({(both.document.id, date(2025, 12, 3)), (one.document.id, date(2025, 12, 3))}),
            [(both.document.id, date(2025, 12, 4))],
        ]
    )


def test_a_spelling_reported_again_is_looked_up_once(store: Store) -> None:
    """Key rows are kept per spelling, not per mention: the look-ups of a new mention
    read what grows with an entity's spellings, never with how often it was reported."""
    from coopwatch.store.schema import entity_keys, entity_mentions

    def count(table: sa.Table) -> int:
        with store.engine.connect() as db:
            return int(db.scalar(sa.select(sa.func.count()).select_from(table)) or 0)

    store.ingest([_minister_meetings("a.txt", [date(2025, 12, 3)])])
    keys = count(entity_keys)
    store.ingest([_minister_meetings(f"{n}.txt", [date(2026, n, 10)]) for n in range(1, 6)])
    assert count(entity_mentions) == 12  # two persons in each of six reports
    assert count(entity_keys) == keys
    people = {(e.name, e.country): e.events for e in store.entities()}
    assert people == {("Elena Ruiz", "ES"): 6, ("Karim Alaoui", "MA"): 6}
