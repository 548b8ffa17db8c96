"""Page furniture (banners, tickers, captions, related links, bylines, crawl stamps) never
makes a party, a person, an event or a date."""

from __future__ import annotations

from pathlib import Path

from coopwatch import extract
from coopwatch.analysis.pipeline import analyse
from coopwatch.model import Document, Label
from coopwatch.readers import html

PAGE = Path(__file__).parent / "data" / "noisy_page.html"


def _document() -> Document:
    (doc,) = html.read(PAGE)
    assert isinstance(doc, Document)
    return doc


def test_furniture_of_a_page_makes_no_party_person_or_event() -> None:
    result = extract(_document())
    assert result.parties == ["MA", "SN"]
    assert result.persons == []  # the caption's minister, twice, is no actor
    assert {e.type.value for e in result.events} == {"agreement", "pledge"}
    for noise in ("Turquie", "Égypte", "Tunisie", "Kenya", "EUR/MAD", "Bennani"):
        assert noise not in result.document.text


def test_a_crawl_stamp_dates_nothing_and_the_headline_stands_once() -> None:
    doc = _document()
    title = "Le Maroc et le Sénégal signent un accord sur les engrais"
    assert doc.text.startswith(title + "\n")
    assert doc.text.count(title) == 1
    analysis = analyse(doc)
    assert analysis.published is None
    assert all(m.value is None for m in analysis.of(Label.DATE))


def test_a_crawl_stamp_in_plain_text_dates_nothing() -> None:
    text = (
        "India and Japan sign metro loan\nAccessed on 12 March 2025\n"
        "India and Japan signed a loan agreement for the metro line."
    )
    analysis = analyse(Document.create(text, "t"))
    assert analysis.published is None
