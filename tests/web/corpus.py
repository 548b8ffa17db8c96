"""Documents for the web tests: the seed dispatch, Arabic and Russian reports, a hostile one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from coopwatch import Document, Extraction, extract
from coopwatch.readers import iter_inputs
from coopwatch.store import Store

ROOT = Path(__file__).resolve().parent.parent.parent
SEED = ROOT / "examples" / "000_af0d341a7a1a1dd7.txt"
ARABIC = ROOT / "tests" / "corpus" / "ar_ru" / "texts" / "a001.txt"
RUSSIAN = ROOT / "tests" / "corpus" / "ar_ru" / "texts" / "r001.txt"
#: A second seed-like report: ingesting it later adds to events with the same key.
EXTENSION = ROOT / "examples" / "dz-by-tractor-plant-extension.txt"

HOSTILE_TEXT = (
    '<script>alert("text")</script> Le ministre algérien de l\'Industrie a reçu mardi à Alger '
    'une délégation biélorusse <img src=x onerror=alert("img")> conduite par le vice-Premier '
    "ministre, pour examiner la coopération industrielle, notamment la production de "
    'tracteurs. Voir javascript:alert("link").'
)
HOSTILE_TITLE = '<script>alert("title")</script><img src=x onerror=alert("title-img")>'
HOSTILE_URL = 'javascript:alert("url")'


def read(path: Path) -> Extraction:
    (doc,) = [d for d in iter_inputs([path]) if isinstance(d, Document)]
    return extract(doc)


def hostile() -> Extraction:
    doc = Document.create(
        HOSTILE_TEXT,
        "hostile.txt",
        url=HOSTILE_URL,
        title=HOSTILE_TITLE,
        published=date(2025, 12, 4),
        lang="fr",
    )
    return extract(doc)


def event_of(extraction: Extraction, type_: str) -> str:
    """The id of the document's first event of this type."""
    return next(e.key for e in extraction.events if e.type == type_)


def fill(store: Store) -> dict[str, Extraction]:
    """Ingest the seed, the Arabic and Russian reports and the hostile document."""
    found = {
        "seed": read(SEED),
        "ar": read(ARABIC),
        "ru": read(RUSSIAN),
        "hostile": hostile(),
    }
    store.ingest(found.values())
    return found


def linked_report(extraction: Extraction, type_: str, sectors: list[str]) -> Extraction:
    """A later document that reports the same step as one event of ``extraction``
    (the same key), and names more sectors: ingesting it adds to that event's facts."""
    event = next(e for e in extraction.events if e.type == type_)
    doc = Document.create(
        extraction.document.text + "\n\nMise à jour.",
        "update.txt",
        published=extraction.document.published,
        lang=extraction.document.lang,
    )
    again = replace(event, sectors=sorted({*event.sectors, *sectors}))
    assert again.key == event.key
    return Extraction(doc, events=[again], parties=again.parties, sectors=again.sectors)
