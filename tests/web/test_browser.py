"""A person's walk through the site in Debian's headless Chromium, driven by Playwright.

Playwright never downloads a browser here: it launches ``/usr/bin/chromium``. Without
it (or without the playwright package) the tests are skipped with the reason, and fail
when ``CI`` is set. Screenshots of each page go to the test's temporary folder.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coopwatch import Extraction
from coopwatch.store import Store

from .corpus import EXTENSION, ROOT, event_of, fill, linked_report, read

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
KEY = "browser-test-key-42"
pytestmark = pytest.mark.browser


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is missing (pip install 'coopwatch[webtest]')"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if reason := _missing():
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield launched
        launched.close()


class Server:
    """The app under uvicorn on a free loopback port, in a thread of this process."""

    def __init__(self, store: Store) -> None:
        import uvicorn

        from coopwatch.api import create_app

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        config = uvicorn.Config(
            create_app(store, api_key=KEY), host="127.0.0.1", port=self.port, log_level="error"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the test server did not start in 20 s")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Server, Store, dict[str, Extraction]]]:
    with Store.open(str(tmp_path / "site.db")) as store:
        corpus = fill(store)
        with Server(store) as server:
            yield server, store, corpus


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A page that records dialogs, console errors and page errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    tab = context.new_page()
    tab.incidents = []
    tab.on("dialog", lambda d: (tab.incidents.append(f"dialog: {d.message}"), d.dismiss()))
    tab.on("pageerror", lambda e: tab.incidents.append(f"page error: {e}"))
    tab.on(
        "console",
        lambda m: (
            tab.incidents.append(f"console {m.type}: {m.text}") if m.type == "error" else None
        ),
    )
    yield tab
    context.close()


def test_walk_from_home_to_the_seeds_evidence(site: Any, page: Any, tmp_path: Path) -> None:
    server, _, corpus = site
    page.goto(server.url + "/")
    page.screenshot(path=str(tmp_path / "1-home.png"), full_page=True)
    page.click("table.pairs a[href='/pairs/BY-DZ']")
    page.wait_for_url("**/pairs/BY-DZ")
    assert page.locator("figure.timeline rect").count() >= 1
    page.screenshot(path=str(tmp_path / "2-pair.png"), full_page=True)
    meeting = event_of(corpus["seed"], "meeting")
    page.click(f"table.events a[href='/events/{meeting}']")
    page.wait_for_url(f"**/events/{meeting}")
    sentence = page.locator("blockquote.sentence").first
    marks = sentence.locator("mark.ev").all_inner_texts()
    assert "a reçu" in marks and "biélorusse" in marks
    assert page.locator("blockquote.sentence mark.f-type").first.inner_text() == "a reçu"
    page.screenshot(path=str(tmp_path / "3-event.png"), full_page=True)
    # The tractor plant's thread, from the pledge to production, as its page shows it.
    _, store, _ = site
    linked = ROOT / "tests" / "corpus" / "linked" / "texts"
    store.ingest([read(linked / f"la{n:03d}.txt") for n in range(1, 12)])
    page.goto(server.url + "/commitments?country=BY")
    rows = page.locator("table tr", has_text="operational")
    rows.filter(has_text="MTZ").first.locator("a").first.click()
    page.wait_for_url("**/commitments/c*")
    milestones = page.locator("ol.timeline li.milestone")
    stages = [milestones.nth(i).get_attribute("data-stage") for i in range(milestones.count())]
    order = ["discussed", "pledged", "agreed", "under_way", "operational"]
    assert len(stages) >= 3 and stages[-1] == "operational"
    assert [order.index(s) for s in stages] == sorted({order.index(s) for s in stages})
    for i in range(milestones.count()):
        assert milestones.nth(i).locator("blockquote.sentence mark.ev").count() >= 1
    page.screenshot(path=str(tmp_path / "4-commitment.png"), full_page=True)
    opening = milestones.last.locator("a[href^='/events/']").first
    opening.click()
    page.wait_for_url("**/events/*")
    assert page.locator("article.source").count() >= 1
    assert page.locator("h2#why").is_visible()
    assert page.locator("ul.commitments a[href^='/commitments/c']").count() >= 1
    assert page.incidents == []


def test_a_correction_with_a_key_survives_reingestion(site: Any, page: Any, tmp_path: Path) -> None:
    server, store, corpus = site
    meeting = event_of(corpus["seed"], "meeting")
    page.goto(f"{server.url}/events/{meeting}")
    form = page.locator("form.correct")
    form.locator("select[name=field]").select_option("sectors")
    form.locator("input[name=value]").fill("28")
    form.locator("input[name=note]").fill("only tractors were discussed")
    form.locator("input[name=key]").fill("not-the-key")
    form.locator("button").click()
    assert "401" in page.locator("h1").inner_text()
    page.goto(f"{server.url}/events/{meeting}")
    form.locator("select[name=field]").select_option("sectors")
    form.locator("input[name=value]").fill("28")
    form.locator("input[name=key]").fill(KEY)
    form.locator("button").click()
    page.wait_for_url(f"**/events/{meeting}#history")
    assert page.locator("table.history tbody tr").count() == 1
    # Ingest again: the same documents (skipped), a later report of the same meeting that
    # names more sectors, and another report of the pair.
    fill(store)
    store.ingest([linked_report(corpus["seed"], "meeting", ["13", "16"]), read(EXTENSION)])
    page.goto(f"{server.url}/events/{meeting}")
    sectors = page.locator("table.fields tr", has_text="sectors (ISIC)").locator("td").first
    assert sectors.inner_text().split() == ["28", "corrected"]
    assert (
        page.locator("table.fields tr", has_text="sectors (ISIC)").locator("td").first.is_visible()
    )
    page.screenshot(path=str(tmp_path / "corrected.png"), full_page=True)
    # The refused write is the only thing the console reports.
    assert [i for i in page.incidents if "401 (Unauthorized)" not in i] == []


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("ru", "ltr")])
def test_arabic_and_russian_pages(
    site: Any, page: Any, tmp_path: Path, lang: str, direction: str
) -> None:
    server, _, corpus = site
    extraction = corpus[lang]
    pair = "-".join(extraction.events[0].parties)
    page.goto(f"{server.url}/pairs/{pair}")
    page.screenshot(path=str(tmp_path / f"{lang}-pair.png"), full_page=True)
    event = event_of(extraction, "meeting")
    page.goto(f"{server.url}/events/{event}")
    sentence = page.locator("blockquote.sentence .excerpt").first
    shown = sentence.evaluate("e => getComputedStyle(e).direction")
    assert shown == direction
    text = sentence.inner_text()
    assert text and text in extraction.document.text
    assert sentence.locator("mark.ev").count() >= 1
    page.screenshot(path=str(tmp_path / f"{lang}-event.png"), full_page=True)
    assert page.incidents == []


def test_a_hostile_document_runs_nothing(site: Any, page: Any, tmp_path: Path) -> None:
    server, _, corpus = site
    doc = corpus["hostile"].document
    event = event_of(corpus["hostile"], "meeting")
    for path in (f"/documents/{doc.id}", f"/events/{event}", "/search?q=alert", "/events"):
        page.goto(server.url + path)
        assert page.evaluate("document.querySelectorAll('script').length") == 0, path
        assert page.evaluate("document.querySelectorAll('img').length") == 0, path
        assert page.locator("a[href^='javascript:']").count() == 0, path
    page.goto(f"{server.url}/documents/{doc.id}")
    assert '<script>alert("text")</script>' in page.locator(".fulltext").inner_text()
    assert page.locator("h1").inner_text() == doc.title
    page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
    assert page.incidents == []


def test_absurd_requests_get_a_4xx(site: Any, page: Any) -> None:
    server, _, _ = site
    big = page.request.get(f"{server.url}/api/events?limit=1000000000")
    assert big.status == 422
    long = page.request.get(f"{server.url}/api/search?q=" + "a" * 1_000_000)
    assert 400 <= long.status < 500
    page_too = page.goto(f"{server.url}/events?limit=1000000000")
    assert page_too is not None and page_too.status == 422
