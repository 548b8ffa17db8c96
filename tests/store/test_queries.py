from __future__ import annotations

from datetime import date

import pytest

from coopwatch.store import Store

from .samples import DZ_BY_MEETING, corpus, dz_by, dz_tr, eg_ru


@pytest.fixture
def full(store: Store) -> Store:
    store.ingest(corpus())
    return store


def types(rows: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(r.type, "-".join(r.parties)) for r in rows]


def test_events_are_listed_newest_first(full: Store) -> None:
    assert types(full.events()) == [
        ("meeting", "BY-DZ"),
        ("pledge", "BY-DZ"),
        ("agreement", "DZ-TR"),
        ("agreement", "EG-RU"),
    ]


def test_every_country_given_must_be_a_party(full: Store) -> None:
    assert len(full.events(countries=["DZ"])) == 3
    assert types(full.events(countries=["dz", "TR"])) == [("agreement", "DZ-TR")]
    assert full.events(countries=["TR", "RU"]) == []


def test_events_by_type_sector_and_dates(full: Store) -> None:
    assert types(full.events(type="agreement")) == [("agreement", "DZ-TR"), ("agreement", "EG-RU")]
    assert types(full.events(sector="28")) == [("pledge", "BY-DZ")]
    assert types(full.events(since=date(2025, 11, 1), until=date(2025, 11, 30))) == [
        ("agreement", "DZ-TR")
    ]
    assert len(full.events(since=date(2025, 12, 2))) == 2
    assert len(full.events(until=date(2025, 10, 1))) == 1
    assert len(full.events(limit=1)) == 1


def test_search_looks_in_the_source_documents(full: Store) -> None:
    assert types(full.events(search="Relizane")) == [("agreement", "DZ-TR")]
    assert types(full.events(search="relizane textile")) == [("agreement", "DZ-TR")]
    assert full.events(search="Relizane tracteurs") == []  # every word must occur
    assert len(full.events(search="tracteurs")) == 2  # both events of that dispatch
    assert len(full.events(search="coopération")) == 2  # in the title
    assert types(full.events(search="пшеницы")) == [("agreement", "EG-RU")]
    assert types(full.events(search="ПШЕНИЦЫ")) == [("agreement", "EG-RU")]  # any case
    assert types(full.events(search="Relizane", countries=["TR"])) == [("agreement", "DZ-TR")]
    assert len(full.events(search="  ")) == 4  # no words: no filter


def test_event_rows_carry_lists_and_sources(full: Store) -> None:
    (row,) = full.events(countries=["TR"])
    assert row.sectors == ["13"]
    assert row.instruments == ["investment"]
    assert row.cameo == "057"
    assert row.jobs == 25000
    assert row.document_ids == [dz_tr().document.id]
    assert row.to_json()["date"] == "2025-11-17"


def test_event_detail_has_actors_amounts_and_evidence(full: Store) -> None:
    extraction = dz_by()
    meeting, pledge = extraction.events
    detail = full.event(meeting.key)
    assert detail is not None
    assert (detail.type, detail.date, detail.cameo) == ("meeting", date(2025, 12, 2), "040")
    assert [(p.name, p.country, p.role) for p in detail.persons] == [
        ("Yahia Bachir", "DZ", "ministre de l'Industrie")
    ]
    (source,) = detail.sources
    assert source.url == "https://example.org/aps/dz-by"
    assert source.sentence_text == DZ_BY_MEETING
    assert {(e.field, e.text) for e in detail.evidence} == {
        ("trigger", "a reçu"),
        ("parties", "biélorusse"),
        ("persons", "Yahia Bachir"),
    }
    sentence = source.sentence
    assert sentence is not None
    assert all(sentence.start <= e.span.start < e.span.end <= sentence.end for e in detail.evidence)

    detail = full.event(pledge.key)
    assert detail is not None
    (agm,) = detail.organizations
    # The extractor gives organisations no country: their entities have none.
    assert (agm.name, agm.country) == ("AGM", None)
    assert agm.aliases == ["AGM", "Groupe des industries mécaniques"]
    (amount,) = detail.amounts
    assert (amount.value, amount.currency) == (4_700_000_000, "DZD")
    assert amount.span is not None
    assert source.text[amount.span.start : amount.span.end] == "4,7 milliards de dinars"
    assert ("sectors", "tracteurs") in {(e.field, e.text) for e in detail.evidence}
    assert detail.to_json()["amounts"][0]["span"] == amount.span.to_json()


def test_unknown_event_is_none(full: Store) -> None:
    assert full.event("0" * 16) is None


def test_export_rows_are_flat(full: Store) -> None:
    rows = {row["id"]: row for row in full.export_rows()}
    assert len(rows) == 4
    pledge = rows[dz_by().events[1].key]
    assert pledge == {
        "id": dz_by().events[1].key,
        "type": "pledge",
        "date": "2025-12-02",
        "parties": "BY;DZ",
        "sectors": "28",
        "instruments": "joint_venture",
        "cameo": "030",
        "confidence": 0.7,
        "amounts": "4700000000 DZD",
        "jobs": None,
        "persons": "",
        "organizations": "AGM",
        "document_ids": dz_by().document.id,
        "urls": "https://example.org/aps/dz-by",
    }
    russian = rows[eg_ru().events[0].key]
    assert (russian["urls"], russian["amounts"], russian["parties"]) == ("", "", "EG;RU")


def test_export_pages_through_many_events(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from coopwatch.store import queries

    monkeypatch.setattr(queries, "CHUNK", 2)
    store.ingest(corpus())
    assert sorted(r["id"] for r in store.export_rows()) == sorted(r.id for r in store.events())


def test_counts_cover_every_table(full: Store) -> None:
    counts = full.counts()
    assert counts["documents"] == 3
    assert counts["events"] == 4
    assert counts["event_sources"] == 4
    # The AGM tractor pledge (an amount) and the Tayal agreement: the meeting and the
    # wheat agreement name no definite object.
    assert counts["commitments"] == 2
    assert counts["corrections"] == 0
    assert counts["extractions"] == 3
    assert counts["entities"] == 3  # Yahia Bachir, AGM, Tayal
    assert counts["entity_aliases"] == 4
    if "documents_fts" in counts:
        assert counts["documents_fts"] == 3


def test_evidence_spans_are_those_extracted(full: Store) -> None:
    event = dz_tr().events[0]
    detail = full.event(event.key)
    assert detail is not None
    jobs = [(e.text, e.span) for e in detail.evidence if e.field == "jobs"]
    assert jobs == [("25000", span) for span in event.evidence["jobs"]]
