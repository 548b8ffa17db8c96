from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from coopwatch.errors import StoreError
from coopwatch.model import Document, Extraction, Organization, Person
from coopwatch.store import IngestReport, Store

from .samples import corpus, dz_by, dz_tr, plain


def test_ingest_reports_new_documents_and_events(store: Store) -> None:
    report = store.ingest(corpus())
    assert report == IngestReport(documents_new=3, documents_skipped=0, events_new=4)
    assert store.documents_count() == 3


def test_ingesting_again_changes_no_table(store: Store) -> None:
    store.ingest(corpus())
    before = store.counts()
    report = store.ingest(corpus())
    assert report == IngestReport(documents_new=0, documents_skipped=3, events_new=0)
    assert store.counts() == before
    assert all(before[t] > 0 for t in ("documents", "events", "evidence", "entity_aliases"))


def test_a_document_twice_in_one_batch_is_stored_once(store: Store) -> None:
    report = store.ingest([dz_tr(), dz_tr()])
    assert report == IngestReport(documents_new=1, documents_skipped=1, events_new=1)


def test_the_stored_extraction_is_the_one_ingested(store: Store) -> None:
    extraction = dz_by()
    store.ingest([extraction])
    assert store.extraction(extraction.document.id) == extraction.to_json()
    assert store.extraction("0" * 32) is None


def test_documents_read_back_as_ingested(store: Store) -> None:
    extraction = dz_by()
    store.ingest([extraction])
    assert store.document(extraction.document.id) == extraction.document
    assert store.document("missing") is None


def test_an_error_in_the_input_rolls_back_the_whole_batch(store: Store) -> None:
    def failing() -> Iterator[Extraction]:
        yield dz_by()
        yield dz_tr()
        raise RuntimeError("extractor crashed")

    empty = store.counts()
    with pytest.raises(RuntimeError, match="extractor crashed"):
        store.ingest(failing())
    assert store.counts() == empty


def test_a_database_error_rolls_back_the_batch_and_names_the_document(store: Store) -> None:
    bad = dz_tr()
    bad.events[0].parties = [None]  # type: ignore[list-item]  # violates NOT NULL
    empty = store.counts()
    with pytest.raises(StoreError, match=bad.document.id):
        store.ingest([dz_by(), bad])
    assert store.counts() == empty


@pytest.mark.parametrize(("text", "problem"), [("a\x00b", "NUL"), ("a\ud800b", "surrogate")])
def test_text_no_database_can_hold_is_refused(store: Store, text: str, problem: str) -> None:
    doc = Document("bad", "bad.txt", text)
    empty = store.counts()
    with pytest.raises(StoreError, match=rf"bad \(bad.txt\): its text contains .*{problem}"):
        store.ingest([dz_by(), Extraction(doc)])
    assert store.counts() == empty


def test_earlier_batches_stay_when_a_later_one_fails(store: Store) -> None:
    def failing() -> Iterator[Extraction]:
        yield from corpus()
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        store.ingest(failing(), batch_size=2)
    assert store.documents_count() == 2


def test_events_without_document_ids_are_keyed_by_their_document(store: Store) -> None:
    one, two = plain("Première dépêche."), plain("Deuxième dépêche.")
    for extraction in (one, two):
        extraction.events[0].document_ids.clear()  # same type, date and sentence: same raw key
    assert store.ingest([one, two]).events_new == 2
    keys = set()
    for extraction in (one, two):
        stored = store.extraction(extraction.document.id)
        assert stored is not None
        keys.add(stored["events"][0]["id"])
    assert {row.id for row in store.events()} == keys


def _report(text: str, day: date, person: Person, *, published: date | None = None) -> Extraction:
    """A document reporting a BY-DZ meeting with one person."""
    extraction = plain(text, day=published or day)
    event = extraction.events[0]
    event.date = day
    event.persons = [person]
    return extraction


def test_reports_of_one_step_make_one_event_with_every_source(store: Store) -> None:
    first = _report("Premier rapport.", date(2025, 5, 1), Person("Yahia Bachir", "DZ"))
    second = _report(
        "Второй отчёт.", date(2025, 5, 1), Person("Яхья Башир", "DZ"), published=date(2025, 5, 2)
    )
    second.events[0].sectors = ["28"]
    assert store.ingest([first]).events_new == 1
    assert store.ingest([second]).events_new == 1  # a new report...
    assert len(store.events()) == 1  # ...of the same step
    detail = store.event(second.events[0].key)  # a report's id finds its step
    assert detail is not None
    ids = {first.document.id, second.document.id}
    assert {s.document_id for s in detail.sources} == ids
    assert {s.published for s in detail.sources} == {date(2025, 5, 1), date(2025, 5, 2)}
    assert detail.sectors == ["28"]
    (link,) = detail.links
    assert "persons: " in link[3] and {"Yahia Bachir", "Яхья Башир"} <= set(
        link[3].split("persons: ")[1].split(";")[0].split(" = ")
    )


def test_reports_of_different_people_on_different_days_stay_apart(store: Store) -> None:
    industry = _report("Industrie.", date(2025, 5, 1), Person("Yahia Bachir", "DZ"))
    education = _report("Éducation.", date(2025, 5, 2), Person("Kamel Baddari", "DZ"))
    store.ingest([industry, education])
    assert len(store.events()) == 2


def test_corrections_survive_reingestion_and_new_reports(store: Store) -> None:
    first = _report("Premier rapport.", date(2025, 5, 1), Person("Yahia Bachir", "DZ"))
    store.ingest([first])
    key = first.events[0].key
    store.correct(key, "parties", ["DZ", "RU"], author="analyst")
    store.correct(key, "date", "2025-05-02", author="analyst")
    store.ingest([first])
    # A new report of the corrected step adds its source and uncorrected facts only.
    second = _report("Second rapport.", date(2025, 5, 1), Person("Yahia Bachir", "DZ"))
    second.events[0].sectors = ["13"]
    store.ingest([second])

    detail = store.event(key)
    assert detail is not None
    assert len(detail.sources) == 2
    assert [(c.field, c.value, c.author) for c in detail.corrections] == [
        ("parties", ["DZ", "RU"], "analyst"),
        ("date", "2025-05-02", "analyst"),
    ]
    assert detail.parties == ["DZ", "RU"]
    assert detail.sectors == ["13"]
    assert detail.date == date(2025, 5, 2)
    assert store.counts()["corrections"] == 2


def test_correcting_an_unknown_event_fails(store: Store) -> None:
    with pytest.raises(StoreError, match="no event"):
        store.correct("nope", "parties", [], author="analyst")


def test_spellings_and_scripts_of_one_actor_are_one_entity(store: Store) -> None:
    first = dz_by()
    second = plain("Nouvelle visite.", day=date(2025, 12, 10))
    second.events[0].persons = [Person("YAHIA BACHIR", "DZ", "ministre")]
    second.events[0].organizations = [Organization(["Groupe des Industries Mecaniques"])]
    third = plain("زيارة جديدة.", day=date(2026, 1, 20))
    third.events[0].persons = [Person("يحيى بشير", "DZ", "وزير الصناعة")]
    namesake = plain("Visite tunisienne.", day=date(2026, 2, 1))
    namesake.events[0].persons = [Person("Yahia Bachir", "TN", "ambassadeur")]
    store.ingest([first, second, third, namesake])

    (minister,) = store.entities(search="bachir", kind="person")[:1]
    assert minister.country == "DZ"
    assert set(minister.aliases) >= {"Yahia Bachir", "يحيى بشير"}
    assert minister.events == 3
    assert [r for r, _ in minister.roles] == ["ministre de l'Industrie", "ministre", "وزير الصناعة"]
    others = [e for e in store.entities(kind="person") if e.country == "TN"]
    assert [e.name for e in others] == ["Yahia Bachir"]
    (agm,) = store.entities(kind="organization", search="AGM")
    assert agm.aliases == ["AGM", "Groupe des industries mécaniques"]
    assert store.counts()["entities"] == 3
