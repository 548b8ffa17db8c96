"""Extractions built by hand from the model, the way the extractor will build them."""

from __future__ import annotations

from datetime import date

from coopwatch.model import (
    Amount,
    Document,
    Event,
    EventType,
    Extraction,
    Organization,
    Person,
    Span,
)

DZ_BY_MEETING = "Le ministre de l'Industrie, Yahia Bachir, a reçu mardi une délégation biélorusse."
DZ_BY_PLEDGE = (
    "Les deux parties ont convenu de produire conjointement des tracteurs avec le groupe "
    "AGM (Groupe des industries mécaniques), pour 4,7 milliards de dinars."
)
DZ_TR_TEXT = (
    "Algeria and Turkey signed an agreement on Monday to expand the Tayal textile complex "
    "in Relizane, which will create 25000 jobs."
)
EG_RU_TEXT = "Россия и Египет подписали соглашение о поставках пшеницы."


def span(doc: Document, words: str) -> Span:
    """The span of the first occurrence of ``words`` in the document's text."""
    start = doc.text.index(words)
    return Span(start, start + len(words))


def dz_by() -> Extraction:
    """An Algerian dispatch: a meeting, then a pledge of joint production."""
    doc = Document.create(
        f"{DZ_BY_MEETING} {DZ_BY_PLEDGE}",
        "aps-2025-12-04.txt",
        url="https://example.org/aps/dz-by",
        title="Algérie-Biélorussie : coopération industrielle",
        published=date(2025, 12, 4),
        lang="fr",
    )
    minister = Person(
        "Yahia Bachir", "DZ", "ministre de l'Industrie", spans=[span(doc, "Yahia Bachir")]
    )
    agm = Organization(
        ["AGM", "Groupe des industries mécaniques"],
        "DZ",
        spans=[span(doc, "AGM"), span(doc, "Groupe des industries mécaniques")],
    )
    amount = Amount(4_700_000_000, "DZD", span(doc, "4,7 milliards de dinars"))
    meeting = Event(
        EventType.MEETING,
        date(2025, 12, 2),
        parties=["BY", "DZ"],
        persons=[minister],
        confidence=0.9,
        trigger="a reçu",
        sentence=span(doc, DZ_BY_MEETING),
        evidence={"trigger": [span(doc, "a reçu")], "parties": [span(doc, "biélorusse")]},
        document_ids=[doc.id],
    )
    pledge = Event(
        EventType.PLEDGE,
        date(2025, 12, 2),
        parties=["BY", "DZ"],
        organizations=[agm],
        sectors=["28"],
        instruments=["joint_venture"],
        amounts=[amount],
        confidence=0.7,
        trigger="ont convenu",
        sentence=span(doc, DZ_BY_PLEDGE),
        evidence={"trigger": [span(doc, "ont convenu")], "sectors": [span(doc, "tracteurs")]},
        document_ids=[doc.id],
    )
    return Extraction(
        doc,
        events=[meeting, pledge],
        parties=["BY", "DZ"],
        sectors=["28"],
        instruments=["joint_venture"],
        organizations=[agm],
        persons=[minister],
        amounts=[amount],
    )


def dz_tr() -> Extraction:
    """An English report of a signed agreement in textiles."""
    doc = Document.create(
        DZ_TR_TEXT,
        "https://example.org/news/tayal",
        url="https://example.org/news/tayal",
        published=date(2025, 11, 18),
        lang="en",
    )
    tayal = Organization(["Tayal"], "DZ", spans=[span(doc, "Tayal")])
    agreement = Event(
        EventType.AGREEMENT,
        date(2025, 11, 17),
        parties=["DZ", "TR"],
        organizations=[tayal],
        sectors=["13"],
        instruments=["investment"],
        jobs=25000,
        location="Relizane",
        confidence=0.8,
        trigger="signed an agreement",
        sentence=span(doc, DZ_TR_TEXT),
        evidence={"trigger": [span(doc, "signed an agreement")], "jobs": [span(doc, "25000")]},
        document_ids=[doc.id],
    )
    return Extraction(
        doc,
        events=[agreement],
        parties=["DZ", "TR"],
        sectors=["13"],
        instruments=["investment"],
        organizations=[tayal],
        jobs=25000,
    )


def eg_ru() -> Extraction:
    """A Russian one-liner: a wheat supply agreement."""
    doc = Document.create(EG_RU_TEXT, "tass.txt", published=date(2025, 10, 1), lang="ru")
    agreement = Event(
        EventType.AGREEMENT,
        date(2025, 10, 1),
        parties=["EG", "RU"],
        sectors=["01"],
        instruments=["trade"],
        trigger="подписали соглашение",
        sentence=span(doc, EG_RU_TEXT),
        evidence={"trigger": [span(doc, "подписали соглашение")]},
        document_ids=[doc.id],
    )
    return Extraction(
        doc, events=[agreement], parties=["EG", "RU"], sectors=["01"], instruments=["trade"]
    )


def corpus() -> list[Extraction]:
    return [dz_by(), dz_tr(), eg_ru()]


def plain(text: str, *, source: str = "test.txt", day: date | None = None) -> Extraction:
    """A document with one meeting between DZ and BY, for bulk tests."""
    doc = Document.create(text, source, published=day)
    event = Event(EventType.MEETING, day, parties=["BY", "DZ"], document_ids=[doc.id])
    return Extraction(doc, events=[event], parties=["BY", "DZ"])
