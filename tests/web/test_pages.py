"""The pages: escaped untrusted text, security headers, right-to-left text, writes by form."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from coopwatch import Document, Extraction, extract
from coopwatch.store import Store

from .conftest import ENV_KEY
from .corpus import HOSTILE_TITLE, event_of


def test_every_page_answers_with_its_json_twin(
    client: TestClient, corpus: dict[str, Extraction]
) -> None:
    meeting = event_of(corpus["seed"], "meeting")
    for page in (
        "/",
        "/events?country=DZ",
        "/pairs/DZ-BY",
        f"/events/{meeting}",
        "/entities",
        "/commitments",
        "/corrections",
        "/search?q=tracteurs",
    ):
        response = client.get(page)
        assert response.status_code == 200, page
        twin = re.search(
            r'<link rel="alternate" type="application/json" href="([^"]+)"', response.text
        )
        assert twin is not None, page
        data = client.get(twin.group(1).replace("&amp;", "&"))
        assert data.status_code == 200 and data.headers["content-type"] == "application/json"


def test_headers_forbid_inline_scripts_and_framing(client: TestClient) -> None:
    response = client.get("/")
    csp = response.headers["content-security-policy"]
    assert (
        "script-src 'self'" in csp
        and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    )
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "<script" not in response.text  # no script at all on the pages but the docs


def test_the_docs_page_serves_swagger_from_the_app(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "/api/events/{event_id}" in page
    scripts = re.findall(r'<script src="([^"]+)"></script>', page)
    assert scripts == ["/swagger/swagger-ui-bundle.js", "/static/docs.js"]
    for script in scripts:  # served here, not from a CDN
        assert client.get(script).status_code == 200
    assert "<script>" not in page


def test_hostile_text_title_and_url_are_shown_as_text(
    client: TestClient, corpus: dict[str, Extraction]
) -> None:
    doc = corpus["hostile"].document
    event = event_of(corpus["hostile"], "meeting")
    for page in (f"/documents/{doc.id}", f"/events/{event}", "/search?q=délégation"):
        html = client.get(page).text
        assert "<script>alert" not in html and "<img src=x" not in html, page
        assert "&lt;script&gt;alert(" in html, page
        assert 'href="javascript:' not in html, page
    html = client.get(f"/documents/{doc.id}").text
    assert "&lt;img src=x onerror=alert(&#34;title-img&#34;)&gt;" in html
    assert HOSTILE_TITLE not in html


def test_links_to_sources_open_without_referrer(
    client: TestClient, web_store: Store, corpus: dict[str, Extraction]
) -> None:
    text = corpus["ru"].document.text
    doc = Document.create("ТАСС. " + text, "tass", url="https://example.org/a?b=1&c=2", lang="ru")
    extraction = extract(doc)
    web_store.ingest([extraction])
    event = extraction.events[0].key
    for page in (f"/documents/{doc.id}", f"/events/{event}"):
        links = re.findall(r'<a class="external"[^>]*>', client.get(page).text)
        assert links, page
        for link in links:
            assert 'rel="noopener noreferrer"' in link
            assert 'href="https://example.org/a?b=1&amp;c=2"' in link


def test_arabic_is_right_to_left_and_russian_is_auto(
    client: TestClient, corpus: dict[str, Extraction]
) -> None:
    arabic = event_of(corpus["ar"], "meeting")
    html = client.get(f"/events/{arabic}").text
    assert 'dir="rtl" lang="ar"' in html
    assert corpus["ar"].document.text[:40] in html.replace("&#39;", "'")
    russian = event_of(corpus["ru"], "meeting")
    html = client.get(f"/events/{russian}").text
    assert 'dir="auto" lang="ru"' in html
    assert '<mark class="ev' in html


def test_a_correction_by_form_needs_the_key(
    client: TestClient, corpus: dict[str, Extraction]
) -> None:
    meeting = event_of(corpus["seed"], "meeting")
    form = {"field": "parties", "value": "DZ, BY, RU", "note": "Moscow joined", "key": "wrong"}
    refused = client.post(f"/events/{meeting}/corrections", data=form)
    assert refused.status_code == 401 and "API key" in refused.text
    form["key"] = ENV_KEY
    done = client.post(f"/events/{meeting}/corrections", data=form, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"/events/{meeting}#history"
    page = client.get(f"/events/{meeting}").text
    assert "Moscow joined" in page and '["BY", "DZ", "RU"]' in page
    assert client.get(f"/api/events/{meeting}").json()["event"]["parties"] == ["BY", "DZ", "RU"]
    [entry] = client.get("/api/corrections").json()["items"]
    undone = client.post(
        f"/corrections/{entry['id']}/undo", data={"key": ENV_KEY}, follow_redirects=False
    )
    assert undone.status_code == 303
    assert client.get(f"/api/events/{meeting}").json()["event"]["parties"] == ["BY", "DZ"]


def test_page_errors_are_pages_with_the_status(client: TestClient) -> None:
    missing = client.get("/events/0123")
    assert missing.status_code == 404 and "<h1>Error 404</h1>" in missing.text
    absurd = client.get("/events", params={"limit": 10**9})
    assert absurd.status_code == 422
    long = client.get("/search", params={"q": "x" * 60_000})
    assert long.status_code == 422 and "x" * 300 not in long.text
