"""The data model: documents, mentions with spans, events with evidence, commitments.

Everything here is a plain dataclass. Offsets are character offsets into
``Document.text``, the normalised text, so ``text[start:end] == surface`` always.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, NamedTuple

from coopwatch.text import normalise_text


class EventType(StrEnum):
    MEETING = "meeting"
    PLEDGE = "pledge"
    AGREEMENT = "agreement"
    IMPLEMENTATION = "implementation"


#: CAMEO root (or code) for each event type, for people who use GDELT-style data.
CAMEO_CODES: dict[EventType, str] = {
    EventType.MEETING: "040",
    EventType.PLEDGE: "030",
    EventType.AGREEMENT: "057",
    EventType.IMPLEMENTATION: "060",
}

INSTRUMENTS = (
    "joint_venture",
    "investment",
    "trade",
    "technology_transfer",
    "subcontracting",
    "finance",
)


class Label(StrEnum):
    """Kinds of mention that analysis stages add."""

    DATE = "DATE"
    COUNTRY = "COUNTRY"
    BOTH_PARTIES = "BOTH_PARTIES"
    TITLE = "TITLE"
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    SECTOR = "SECTOR"
    INSTRUMENT = "INSTRUMENT"
    MONEY = "MONEY"
    JOBS = "JOBS"
    TRIGGER = "TRIGGER"
    OFF_TOPIC = "OFF_TOPIC"
    NOT_CREATED = "NOT_CREATED"


class Span(NamedTuple):
    """Character offsets [start, end) into a document's text. A named tuple rather than a
    frozen dataclass: assembly makes one per evidence field, and these build faster."""

    start: int
    end: int

    def to_json(self) -> list[int]:
        return [self.start, self.end]

    @classmethod
    def from_json(cls, value: Sequence[int]) -> Span:
        start, end = value
        return cls(int(start), int(end))


@dataclass(slots=True)
class Mention:
    """A piece of text a stage recognised: label, span, surface and normalised value."""

    label: Label
    start: int
    end: int
    surface: str
    value: Any = None
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def to_json(self) -> dict[str, Any]:
        return {
            "label": str(self.label),
            "start": self.start,
            "end": self.end,
            "surface": self.surface,
            "value": self.value.isoformat() if isinstance(self.value, date) else self.value,
            **({"attrs": self.attrs} if self.attrs else {}),
        }


def content_id(text: str) -> str:
    """Identity of a document: a hash of its normalised text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _decodable(source: str) -> str:
    """A source that any text column and terminal can take: the bytes of a file name
    that were not UTF-8 (lone surrogates, as Python decodes them) written ``\\xNN``."""
    if source.isascii():
        return source
    return source.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


_HEADLINE_LINES = 4  # lines at the top of a page where its headline may stand again


@dataclass(slots=True)
class Document:
    id: str
    source: str
    text: str
    url: str | None = None
    title: str | None = None
    published: date | None = None
    lang: str | None = None
    #: Where the publication date came from: "page" (metadata or the caller), "text"
    #: (the dateline), "url" (a date in the page's URL); set by the dates stage.
    published_from: str | None = None

    @classmethod
    def create(
        cls,
        text: str,
        source: str,
        *,
        url: str | None = None,
        title: str | None = None,
        published: date | None = None,
        lang: str | None = None,
    ) -> Document:
        """Build a document from raw text: normalise it and derive the content id."""
        clean = normalise_text(text)
        if title:
            title = normalise_text(title)
            # Feeds and pages carry the headline apart from the body: keep it in the
            # text, where it is evidence like any other sentence.
            if not clean.startswith(title):
                # A page may repeat its headline under a stamp or a kicker: keep it once,
                # first, where it reads as the headline.
                lines = clean.split("\n")
                head = lines[:_HEADLINE_LINES]
                if title in head:
                    del lines[head.index(title)]
                clean = "\n".join([title, *lines])
        return cls(
            id=content_id(clean),
            source=_decodable(source),
            text=clean,
            url=url,
            title=title,
            published=published,
            lang=lang,
        )


@dataclass(slots=True)
class Person:
    name: str
    country: str | None = None
    role: str | None = None
    latin: str | None = None
    spans: list[Span] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "role": self.role,
            "latin": self.latin,
            "spans": [s.to_json() for s in self.spans],
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Person:
        return cls(
            name=obj["name"],
            country=obj.get("country"),
            role=obj.get("role"),
            latin=obj.get("latin"),
            spans=[Span.from_json(s) for s in obj.get("spans") or []],
        )


@dataclass(slots=True)
class Organization:
    """An organisation under all the names the document gives it (acronym, full name)."""

    names: list[str]
    country: str | None = None
    spans: list[Span] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.names[0]

    @classmethod
    def from_json(cls, value: list[str]) -> Organization:
        """From the names that ``to_json`` of an event or extraction writes (the
        extraction-level spans are not written: nothing downstream reads them)."""
        return cls(names=list(value))


@dataclass(slots=True)
class Amount:
    value: int
    currency: str
    span: Span | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "currency": self.currency,
            **({"span": self.span.to_json()} if self.span else {}),
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Amount:
        span = obj.get("span")
        return cls(int(obj["value"]), obj["currency"], Span.from_json(span) if span else None)


@dataclass(slots=True)
class Event:
    """One cooperation step, every slot backed by the spans that say it."""

    type: EventType
    date: date | None
    parties: list[str] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    instruments: list[str] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    jobs: int | None = None
    location: str | None = None
    confidence: float = 0.5
    trigger: str = ""
    sentence: Span | None = None
    evidence: dict[str, list[Span]] = field(default_factory=dict)
    document_ids: list[str] = field(default_factory=list)

    @property
    def cameo(self) -> str:
        return CAMEO_CODES[self.type]

    @property
    def key(self) -> str:
        """Stable identity of the event within its document set."""
        day = self.date.isoformat() if self.date else "undated"
        start = self.sentence.start if self.sentence else 0
        raw = f"{'|'.join(sorted(self.document_ids))}|{self.type}|{day}|{start}"
        return hashlib.sha256(raw.encode()).hexdigest()[:16]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.key,
            "type": str(self.type),
            "date": self.date.isoformat() if self.date else None,
            "parties": self.parties,
            "persons": [p.to_json() for p in self.persons],
            "organizations": [o.names for o in self.organizations],
            "sectors": self.sectors,
            "instruments": self.instruments,
            "amounts": [a.to_json() for a in self.amounts],
            "jobs": self.jobs,
            "location": self.location,
            "cameo": self.cameo,
            "confidence": round(self.confidence, 3),
            "trigger": self.trigger,
            "sentence": self.sentence.to_json() if self.sentence else None,
            "evidence": {k: [s.to_json() for s in v] for k, v in self.evidence.items()},
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any], document_id: str) -> Event:
        """The event ``to_json`` wrote, found in the document ``document_id`` (the
        confidence as written, rounded to three places)."""
        day, sentence = obj.get("date"), obj.get("sentence")
        event = cls(
            type=EventType(obj["type"]),
            date=date.fromisoformat(day) if day else None,
            parties=list(obj.get("parties") or []),
            persons=[Person.from_json(p) for p in obj.get("persons") or []],
            organizations=[Organization.from_json(o) for o in obj.get("organizations") or []],
            sectors=list(obj.get("sectors") or []),
            instruments=list(obj.get("instruments") or []),
            amounts=[Amount.from_json(a) for a in obj.get("amounts") or []],
            jobs=obj.get("jobs"),
            location=obj.get("location"),
            confidence=float(obj.get("confidence", 0.5)),
            trigger=obj.get("trigger") or "",
            sentence=Span.from_json(sentence) if sentence else None,
            evidence={
                k: [Span.from_json(s) for s in v] for k, v in (obj.get("evidence") or {}).items()
            },
            document_ids=[document_id],
        )
        if obj.get("id") and event.key != obj["id"]:
            raise ValueError(
                f"event {obj['id']} of document {document_id} does not rebuild as such"
            )
        return event


class CommitmentStage(StrEnum):
    DISCUSSED = "discussed"
    PLEDGED = "pledged"
    AGREED = "agreed"
    UNDER_WAY = "under_way"
    OPERATIONAL = "operational"
    STALLED = "stalled"
    CANCELLED = "cancelled"


@dataclass(slots=True)
class Commitment:
    """An undertaking followed over time across the events that show its progress."""

    parties: list[str]
    stage: CommitmentStage
    subject: str
    event_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Extraction:
    """What one document yields: its events and the document-level facts."""

    document: Document
    events: list[Event] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    instruments: list[str] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    jobs: int | None = None
    mentions: list[Mention] = field(default_factory=list)

    def to_json(self, *, with_mentions: bool = False) -> dict[str, Any]:
        doc = self.document
        out: dict[str, Any] = {
            "id": doc.id,
            "source": doc.source,
            "url": doc.url,
            "title": doc.title,
            "lang": doc.lang,
            "published": doc.published.isoformat() if doc.published else None,
            "published_from": doc.published_from,
            "parties": self.parties,
            "events": [e.to_json() for e in self.events],
            "sectors": self.sectors,
            "instruments": self.instruments,
            "organizations": [o.names for o in self.organizations],
            "persons": [p.to_json() for p in self.persons],
            "amounts": [a.to_json() for a in self.amounts],
            "jobs": self.jobs,
        }
        if with_mentions:
            out["mentions"] = [m.to_json() for m in self.mentions]
        return out

    @classmethod
    def from_json(cls, obj: dict[str, Any], text: str) -> Extraction:
        """The extraction that ``to_json`` wrote (as ``extract --json`` prints it), with
        its document's ``text``, which the JSON does not carry. Mentions are not rebuilt.

        Raises ``ValueError`` when ``text`` is not the text of the document ``obj`` names.
        """
        if content_id(text) != obj["id"]:
            raise ValueError(f"{obj.get('source')}: the text is not that of document {obj['id']}")
        published = obj.get("published")
        document = Document(
            id=obj["id"],
            source=obj["source"],
            text=text,
            url=obj.get("url"),
            title=obj.get("title"),
            published=date.fromisoformat(published) if published else None,
            lang=obj.get("lang"),
            published_from=obj.get("published_from"),
        )
        return cls(
            document=document,
            events=[Event.from_json(e, document.id) for e in obj.get("events") or []],
            parties=list(obj.get("parties") or []),
            sectors=list(obj.get("sectors") or []),
            instruments=list(obj.get("instruments") or []),
            organizations=[Organization.from_json(o) for o in obj.get("organizations") or []],
            persons=[Person.from_json(p) for p in obj.get("persons") or []],
            amounts=[Amount.from_json(a) for a in obj.get("amounts") or []],
            jobs=obj.get("jobs"),
        )
