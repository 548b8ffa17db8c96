"""The API through FastAPI's test client, on the seed dispatch, Arabic and Russian reports."""

from __future__ import annotations

from fastapi.testclient import TestClient

from coopwatch import Extraction

from .conftest import ENV_KEY
from .corpus import event_of


def test_openapi_describes_every_noun(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/events/{event_id}/corrections",
        "/api/corrections/{entry_id}/undo",
        "/api/pairs/{pair}",
        "/api/commitments/{commitment_id}",
        "/api/entities/{entity_id}",
        "/api/search",
        "/api/documents/{document_id}",
    ):
        assert path in paths
    limit = next(
        p for p in schema["paths"]["/api/events"]["get"]["parameters"] if p["name"] == "limit"
    )
    assert limit["schema"]["maximum"] == 500
    assert not any(p.startswith("/events") for p in paths)  # pages stay out of the API


def test_events_filter_by_country_and_type(client: TestClient) -> None:
    body = client.get("/api/events", params={"country": ["DZ", "BY"], "type": "meeting"}).json()
    assert body["total"] >= 2  # the seed's and the Russian report's meetings, the hostile one
    assert all({"BY", "DZ"} <= set(e["parties"]) for e in body["items"])
    assert all(e["type"] == "meeting" for e in body["items"])
    eg = client.get("/api/events", params={"country": "eg"}).json()
    assert eg["total"] == 3 and all("EG" in e["parties"] for e in eg["items"])


def test_events_paginate_and_sort(client: TestClient) -> None:
    everything = client.get("/api/events", params={"limit": 500}).json()
    total = everything["total"]
    assert total == len(everything["items"]) > 4
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert [e["id"] for e in first["items"] + second["items"]] == [
        e["id"] for e in everything["items"][:4]
    ]
    dates = [e["date"] for e in everything["items"] if e["date"]]
    assert dates == sorted(dates, reverse=True)
    rising = client.get("/api/events", params={"sort": "confidence", "limit": 500}).json()
    confidences = [e["confidence"] for e in rising["items"]]
    assert confidences == sorted(confidences)


def test_one_event_has_its_evidence_marked_in_its_source(
    client: TestClient, corpus: dict[str, Extraction]
) -> None:
    meeting = event_of(corpus["seed"], "meeting")
    body = client.get(f"/api/events/{meeting}").json()
    assert body["event"]["cameo"] == "040" and body["event"]["parties"] == ["BY", "DZ"]
    # The hostile document retells the seed's meeting: the register joins both reports.
    hostile = event_of(corpus["hostile"], "meeting")
    assert {s["report_id"] for s in body["sources"]} == {meeting, hostile}
    [link] = body["event"]["links"]
    assert {link["report_a"], link["report_b"]} == {meeting, hostile}
    assert "date: 2025-12-02" in link["reasons"]
    [source] = [s for s in body["sources"] if s["report_id"] == meeting]
    assert source["date"] == "2025-12-02" and source["lang"] == "fr"
    sentence = source["sentence"]
    marked = {sentence["text"][m["start"] : m["end"]]: m["fields"] for m in sentence["marks"]}
    assert marked["a reçu"] == ["type"]
    assert "parties" in marked["biélorusse"]
    full = source["full"]
    assert full["text"] == corpus["seed"].document.text
    assert all(full["text"][m["start"] : m["end"]].strip() for m in full["marks"])


def test_pairs_count_events_by_type_and_year(client: TestClient) -> None:
    pairs = client.get("/api/pairs").json()
    by = {f"{p['a']}-{p['b']}": p for p in pairs}
    assert by["BY-DZ"]["total"] == sum(by["BY-DZ"]["by_type"].values())
    pair = client.get("/api/pairs/DZ-BY").json()
    assert (pair["a"], pair["b"]) == ("DZ", "BY")
    assert pair["total"] == by["BY-DZ"]["total"] == pair["events"]["total"]
    assert sum(y["count"] for y in pair["years"]) == pair["total"]
    assert {"28"} <= {s["isic"] for s in pair["sectors"]}


def test_entities_search_and_documents(client: TestClient, corpus: dict[str, Extraction]) -> None:
    found = client.get("/api/entities", params={"q": "bachir"}).json()
    [bachir] = [e for e in found["items"] if e["name"] == "Yahia Bachir"]
    entity = client.get(f"/api/entities/{bachir['id']}").json()
    assert entity["kind"] == "person" and entity["events"]["total"] >= 1
    assert {"BY"} <= {p["country"] for p in entity["partners"]}
    hits = client.get("/api/search", params={"q": "tracteurs"}).json()
    ids = {h["id"] for h in hits["items"]}
    assert corpus["seed"].document.id in ids
    seed_hit = next(h for h in hits["items"] if h["id"] == corpus["seed"].document.id)
    snippet = seed_hit["snippet"]
    first = snippet["marks"][0]
    assert snippet["text"][first["start"] : first["end"]].lower() == "tracteurs"
    doc = client.get(f"/api/documents/{corpus['ru'].document.id}").json()
    assert doc["text"] == corpus["ru"].document.text and doc["events"]


def test_absurd_parameters_get_a_4xx_as_json(client: TestClient) -> None:
    for url, params in [
        ("/api/events", {"limit": 10**9}),
        ("/api/events", {"limit": 0}),
        ("/api/events", {"offset": -1}),
        # httpx refuses URLs over 64 KiB; the browser test sends a megabyte to the server.
        ("/api/events", {"q": "x" * 60_000}),
        ("/api/search", {"q": "tracteurs " * 6_000}),
        ("/api/events", {"country": "DZA"}),
        ("/api/events", {"since": "2025-13-01"}),
        ("/api/pairs/DZ-DZ", {}),
        ("/api/entities", {"limit": 501}),
    ]:
        response = client.get(url, params=params)
        assert 400 <= response.status_code < 500, (url, response.status_code)
        error = response.json()["error"]
        assert error["status"] == response.status_code
        assert "x" * 100 not in response.text  # the input is not echoed back


def test_unknown_ids_are_404_json(client: TestClient) -> None:
    for url in (
        "/api/events/00ff",
        "/api/commitments/c00ff",
        "/api/entities/999",
        "/api/documents/ab",
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert response.json()["error"]["status"] == 404


def test_a_write_without_a_valid_key_is_401(
    client: TestClient, corpus: dict[str, Extraction]
) -> None:
    meeting = event_of(corpus["seed"], "meeting")
    body = {"field": "status", "value": "wrong"}
    for headers in ({}, {"Authorization": "Bearer nope"}, {"X-API-Key": "cw_forged"}):
        response = client.post(f"/api/events/{meeting}/corrections", json=body, headers=headers)
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/corrections").json()["total"] == 0
    assert client.get(f"/api/events/{meeting}").json()["status"] is None


def test_correct_hides_a_wrong_event_and_undo_brings_it_back(
    client: TestClient, corpus: dict[str, Extraction]
) -> None:
    meeting = event_of(corpus["seed"], "meeting")
    auth = {"Authorization": f"Bearer {ENV_KEY}"}
    before = client.get("/api/pairs/BY-DZ").json()["total"]
    response = client.post(
        f"/api/events/{meeting}/corrections",
        json={"field": "status", "value": "wrong", "note": "a courtesy call"},
        headers=auth,
    )
    assert response.status_code == 201
    entry = response.json()
    assert (entry["before"], entry["after"], entry["key_name"]) == (
        None,
        "wrong",
        "COOPWATCH_API_KEY",
    )
    assert client.get("/api/pairs/BY-DZ").json()["total"] == before - 1
    ids = [e["id"] for e in client.get("/api/events", params={"limit": 500}).json()["items"]]
    assert meeting not in ids
    shown = client.get("/api/events", params={"include_wrong": True, "limit": 500}).json()
    assert meeting in [e["id"] for e in shown["items"]]
    undone = client.post(f"/api/corrections/{entry['id']}/undo", headers=auth)
    assert undone.status_code == 201 and undone.json()["reverts"] == entry["id"]
    assert client.get("/api/pairs/BY-DZ").json()["total"] == before
    again = client.post(f"/api/corrections/{entry['id']}/undo", headers=auth)
    assert again.status_code == 400 and "already undone" in again.json()["error"]["message"]


def test_a_bad_value_is_refused_with_the_reason(
    client: TestClient, corpus: dict[str, Extraction]
) -> None:
    meeting = event_of(corpus["seed"], "meeting")
    auth = {"X-API-Key": ENV_KEY}
    cases = [
        ({"field": "parties", "value": ["DZ", "Belarus"]}, 400, "ISO 3166"),
        ({"field": "type", "value": "handshake"}, 400, "not an event type"),
        ({"field": "colour", "value": "red"}, 422, "invalid request"),
        ({"field": "jobs", "value": -3}, 400, "whole number"),
    ]
    for body, status, message in cases:
        response = client.post(f"/api/events/{meeting}/corrections", json=body, headers=auth)
        assert response.status_code == status, body
        assert message in response.json()["error"]["message"]
    huge = client.post(
        f"/api/events/{meeting}/corrections",
        content=b'{"field": "location", "value": "' + b"x" * 100_000 + b'"}',
        headers={**auth, "Content-Type": "application/json"},
    )
    assert huge.status_code == 413


def test_a_crash_is_a_json_500_without_traceback(web_store, corpus) -> None:  # type: ignore[no-untyped-def]
    from coopwatch.api import create_app

    app = create_app(web_store)

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("secret detail")

    with TestClient(app, raise_server_exceptions=False) as test_client:
        response = test_client.get("/api/boom")
    assert response.status_code == 500
    assert response.json() == {"error": {"status": 500, "message": "internal error"}}
