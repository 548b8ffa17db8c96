"""The register's pages and API on the linked corpus: threads, entities, splits and merges.

la001-la011 follow the MTZ-ETRAG tractor plant from the pledge to production in four
languages; la013-la016 the Damietta grain terminal, agreed then cancelled.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from coopwatch import Extraction
from coopwatch.api import create_app
from coopwatch.store import Store

from .conftest import ENV_KEY
from .corpus import ROOT, read

LINKED = ROOT / "tests" / "corpus" / "linked" / "texts"
AUTH = {"Authorization": f"Bearer {ENV_KEY}"}


@cache
def linked(number: int) -> Extraction:
    return read(LINKED / f"la{number:03d}.txt")


def documents(*numbers: int) -> list[Extraction]:
    return [linked(n) for n in numbers]


@pytest.fixture
def open_store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(str(tmp_path / "register.db")) as store:
        yield store


def client_on(store: Store) -> TestClient:
    return TestClient(create_app(store, api_key=ENV_KEY))


def _thread(client: TestClient, word: str) -> dict[str, Any]:
    """The thread naming ``word`` that gathers the most events."""
    items = client.get("/api/commitments", params={"limit": 500}).json()["items"]
    found = max((c for c in items if word in c["subject"]), key=lambda c: c["events"])
    return client.get(f"/api/commitments/{found['id']}").json()


def _pledge_of_three(client: TestClient) -> dict[str, Any]:
    """The pledge of 10 Feb 2026, told by la001 (fr), la002 (ru) and la003 (en)."""
    items = client.get("/api/events", params={"type": "pledge", "limit": 500}).json()["items"]
    [pledge] = [e for e in items if len(e["document_ids"]) == 3]
    return client.get(f"/api/events/{pledge['id']}").json()


def test_a_commitment_page_shows_its_timeline_stage_by_stage(open_store: Store) -> None:
    open_store.ingest(documents(*range(1, 12), 13, 14, 15, 16))
    with client_on(open_store) as client:
        thread = _thread(client, "MTZ")
        page = client.get(f"/commitments/{thread['id']}").text
        damietta = _thread(client, "Volga-Zerno")
    plain = html.unescape(re.sub(r"<[^>]+>", "", page))
    stages = re.findall(r'<li class="milestone" data-stage="([a-z_]+)">', page)
    assert stages == ["pledged", "agreed", "under_way", "operational"]
    assert [m["stage"] for m in thread["timeline"]] == stages
    dates = [m["date"] for m in thread["timeline"]]
    assert dates == sorted(dates)
    for milestone in thread["timeline"]:
        event = milestone["event"]["id"]
        assert f'href="/events/{event}"' in page
        assert milestone["evidence"], milestone["stage"]
        for evidence in milestone["evidence"]:
            text = evidence["sentence"]["text"]
            assert evidence["lang"] in {"fr", "en", "ru", "ar"} and text
            assert text in plain
    assert "Белорусская сторона предложила" in plain  # the Russian report of the pledge
    assert {e["lang"] for e in thread["timeline"][0]["evidence"]} == {"fr", "ru", "en"}
    # Every event of the thread with the stage it shows, amounts and jobs per source.
    assert len(thread["events"]) == len(set(e["event"]["id"] for e in thread["events"])) > 4
    assert {e["stage"] for e in thread["events"]} >= set(stages)
    assert page.count("<tr><td>2026-") + page.count("<tr><td>2027-") >= len(thread["events"])
    assert 500_000_000 in [a["value"] for a in thread["amounts"]]
    assert "500,000,000 USD" in page
    # The Damietta terminal ends cancelled.
    assert damietta["stage"] == "cancelled" and damietta["timeline"][-1]["stage"] == "cancelled"


def test_a_person_in_three_scripts_is_one_entity(open_store: Store) -> None:
    open_store.ingest(documents(13, 14, 15, 16))
    with client_on(open_store) as client:
        found = client.get("/api/entities", params={"q": "Каримов"}).json()["items"]
        [karimov] = found
        entity = client.get(f"/api/entities/{karimov['id']}").json()
        page = client.get(f"/entities/{karimov['id']}").text
        same = [client.get("/api/entities", params={"q": q}).json()["items"] for q in
                ("Oleg Karimov", "أوليغ كريموف")]  # fmt: skip
    assert entity["kind"] == "person" and entity["country"] == "RU"
    aliases = entity["aliases"]
    assert {"Oleg Karimov", "Олег Каримов", "أوليغ كريموف"} <= set(aliases)
    assert all([e["id"] for e in items] == [karimov["id"]] for items in same)
    for alias in ("Oleg Karimov", "Олег Каримов", "أوليغ كريموف"):
        assert f'<li dir="auto" class="alias">{alias}</li>' in page
    assert {"role": "deputy_minister", "date": "2025-10-14"} in entity["roles"]
    assert "deputy minister</td><td>2025-10-14" in page
    assert entity["events"]["total"] >= 2


def test_splitting_and_merging_events_needs_a_key_and_survives_ingestion(
    open_store: Store,
) -> None:
    open_store.ingest(documents(1, 2, 3))
    with client_on(open_store) as client:
        pledge = _pledge_of_three(client)
        step = pledge["event"]["id"]
        english = next(s["report_id"] for s in pledge["sources"] if s["lang"] == "en")
        body = {"reports": [english], "note": "a later article"}
        for headers in ({}, {"Authorization": "Bearer nope"}):
            refused = client.post(f"/api/events/{step}/split", json=body, headers=headers)
            assert refused.status_code == 401
            merge = client.post("/api/events/merge", json={"events": [step, english]},
                                headers=headers)  # fmt: skip
            assert merge.status_code == 401
        assert len(client.get(f"/api/events/{step}").json()["sources"]) == 3

        split = client.post(f"/api/events/{step}/split", json=body, headers=AUTH)
        assert split.status_code == 201, split.text
        entry = split.json()
        assert (entry["subject"], entry["field"], entry["key_name"]) == (
            "event", "link", "COOPWATCH_API_KEY")  # fmt: skip
        assert entry["before"] == [sorted(s["report_id"] for s in pledge["sources"])]
        assert sorted(entry["after"]) == sorted(
            [sorted(r for r in entry["before"][0] if r != english), [english]]
        )
        kept = client.get(f"/api/events/{entry['subject_id']}").json()
        assert english not in {s["report_id"] for s in kept["sources"]}
        assert len(kept["sources"]) == 2
        assert any(
            d["decision"] == "apart" and english in (d["report_a"], d["report_b"])
            for d in kept["event"]["decisions"]
        )
        alone = client.get(f"/api/events/{english}").json()
        assert [s["report_id"] for s in alone["sources"]] == [english]
        history = client.get(f"/api/events/{entry['subject_id']}/corrections").json()
        assert [h["id"] for h in history["items"]] == [entry["id"]]
        undo = client.post(f"/api/corrections/{entry['id']}/undo", headers=AUTH)
        assert undo.status_code == 400 and "merge back" in undo.json()["error"]["message"]

        # New reports and the same documents again: the split stands.
        open_store.ingest(documents(1, 2, 3, 4, 5, 6))
        again = client.get(f"/api/events/{english}").json()
        assert [s["report_id"] for s in again["sources"]] == [english]

        pair = [entry["subject_id"], english]
        merged = client.post("/api/events/merge", json={"events": pair}, headers=AUTH)
        assert merged.status_code == 201, merged.text
        made = merged.json()
        assert len(made["after"]) == 1 and english in made["after"][0]
        open_store.ingest(documents(1, 2, 3, 4, 5, 6))
        joined = client.get(f"/api/events/{english}").json()
        assert joined["event"]["id"] == made["subject_id"]
        assert english in {s["report_id"] for s in joined["sources"]}
        assert len(joined["sources"]) >= 3
        bad = client.post("/api/events/merge", json={"events": [english, "00ff"]}, headers=AUTH)
        assert bad.status_code == 404


def test_splitting_and_merging_commitments(open_store: Store) -> None:
    open_store.ingest(documents(*range(1, 12)))
    with client_on(open_store) as client:
        thread = _thread(client, "MTZ")
        last = thread["timeline"][-1]["event"]["id"]  # the plant's opening
        # Every event that shows the plant working (outlets dated the opening apart).
        working = [e["event"]["id"] for e in thread["events"] if e["stage"] == "operational"]
        body = {"events": working}
        refused = client.post(f"/api/commitments/{thread['id']}/split", json=body)
        assert refused.status_code == 401
        split = client.post(f"/api/commitments/{thread['id']}/split", json=body, headers=AUTH)
        assert split.status_code == 201, split.text
        entry = split.json()
        assert (entry["subject"], entry["field"]) == ("commitment", "link")
        rest = client.get(f"/api/commitments/{entry['subject_id']}").json()
        assert last not in [e["event"]["id"] for e in rest["events"]]
        assert rest["stage"] != "operational"
        assert [h["id"] for h in rest["history"]] == [entry["id"]]
        open_store.ingest(documents(*range(1, 12)))
        again = client.get(f"/api/commitments/{entry['subject_id']}").json()
        assert last not in [e["event"]["id"] for e in again["events"]]
        # Merge back, by the thread the opening formed on its own.
        alone = client.get(f"/api/events/{last}").json()["commitments"]
        assert alone and alone[0]["id"] != entry["subject_id"]
        ids = [entry["subject_id"], alone[0]["id"]]
        merged = client.post("/api/commitments/merge", json={"commitments": ids}, headers=AUTH)
        assert merged.status_code == 201, merged.text
        back = client.get(f"/api/commitments/{merged.json()['subject_id']}").json()
        assert last in [e["event"]["id"] for e in back["events"]]
        assert back["stage"] == "operational"
        page = client.get(f"/commitments/{back['id']}").text
        assert "merge back" in page.lower() or "To undo a split, merge" in page


def test_an_old_event_id_redirects_to_its_step(open_store: Store) -> None:
    open_store.ingest(documents(1, 2, 3))
    with client_on(open_store) as client:
        pledge = _pledge_of_three(client)
        step = pledge["event"]["id"]
        others = [s["report_id"] for s in pledge["sources"] if s["report_id"] != step]
        response = client.get(f"/events/{others[0]}", follow_redirects=False)
        assert response.status_code == 302 and response.headers["location"] == f"/events/{step}"
        page = client.get(f"/events/{step}").text
    assert "Why these reports were joined" in page
    for link in pledge["event"]["links"]:
        assert link["reasons"] in page.replace("&#39;", "'")
    assert f'<code class="cameo">{pledge["event"]["cameo"]}</code>' in page
    for commitment in pledge["commitments"]:
        assert f'href="/commitments/{commitment["id"]}"' in page


def test_a_split_by_form_needs_the_key(open_store: Store) -> None:
    open_store.ingest(documents(1, 2, 3))
    with client_on(open_store) as client:
        pledge = _pledge_of_three(client)
        step = pledge["event"]["id"]
        russian = next(s["report_id"] for s in pledge["sources"] if s["lang"] == "ru")
        form = {"reports": russian, "key": "wrong"}
        assert client.post(f"/events/{step}/split", data=form).status_code == 401
        form["key"] = ENV_KEY
        done = client.post(f"/events/{step}/split", data=form, follow_redirects=False)
        assert done.status_code == 303
        page = client.get(done.headers["location"].split("#")[0]).text
        assert "split" in page and "merge back to undo" in page
        assert len(client.get(f"/api/events/{russian}").json()["sources"]) == 1
