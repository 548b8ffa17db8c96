"""What the page and API queries return: plain dataclasses, shared by HTML and JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Generic, TypeVar

from coopwatch.store.corrections import LogEntry
from coopwatch.store.rows import EventDetail

T = TypeVar("T")


@dataclass(slots=True)
class Page(Generic[T]):
    """One page of a longer list."""

    items: list[T]
    total: int
    limit: int
    offset: int


@dataclass(slots=True, frozen=True)
class EventFilters:
    """The filters of an event listing; every one given must hold."""

    countries: tuple[str, ...] = ()
    type: str | None = None
    sector: str | None = None
    instrument: str | None = None
    since: date | None = None
    until: date | None = None
    search: str | None = None
    entity_id: int | None = None
    include_wrong: bool = False


@dataclass(slots=True)
class EventSummary:
    """One line of an event listing, with what a person decided about it."""

    id: str
    type: str
    date: date | None
    parties: list[str]
    sectors: list[str]
    instruments: list[str]
    cameo: str
    confidence: float
    jobs: int | None
    trigger: str
    document_ids: list[str]
    status: str | None


@dataclass(slots=True)
class Mark:
    """Words of an excerpt that support a field; offsets into the excerpt's text."""

    start: int
    end: int
    fields: list[str]


@dataclass(slots=True)
class Excerpt:
    """A stretch of a document with the supporting words marked."""

    document_id: str
    start: int  # offset of the excerpt in the document
    text: str
    marks: list[Mark]


@dataclass(slots=True)
class SourceView:
    """A report of the event: where it comes from, its sentence, its other evidence."""

    document_id: str
    source: str
    url: str | None
    title: str | None
    published: date | None
    lang: str | None
    sentence: Excerpt | None
    elsewhere: list[Excerpt]  # evidence outside the sentence, with some context
    full: Excerpt  # the whole text, every evidence span marked
    report_id: str = ""  # the report of this document in the step
    date: date | None = None  # the date this report gives the step


@dataclass(slots=True)
class CommitmentRow:
    id: str
    subject: str
    stage: str
    parties: list[str]
    events: int
    first: date | None
    last: date | None


@dataclass(slots=True)
class EventView:
    """Everything the event page shows."""

    event: EventDetail
    status: str | None
    sources: list[SourceView]
    history: list[LogEntry]
    commitments: list[CommitmentRow]


@dataclass(slots=True)
class PairRow:
    """Two countries and the events they are both parties to."""

    a: str
    b: str
    total: int
    by_type: dict[str, int]
    first: date | None
    last: date | None


@dataclass(slots=True)
class YearCount:
    year: int | None
    type: str
    count: int


@dataclass(slots=True)
class SectorCount:
    isic: str
    count: int


@dataclass(slots=True)
class PairDetail:
    a: str
    b: str
    total: int
    by_type: dict[str, int]
    years: list[YearCount]
    sectors: list[SectorCount]
    commitments: list[CommitmentRow]
    events: Page[EventSummary]


@dataclass(slots=True)
class Home:
    documents: int
    events: int
    pairs: list[PairRow]
    latest: list[EventSummary]


@dataclass(slots=True)
class Evidence:
    """A report that shows a step of a thread: its source and its sentence, marked."""

    event_id: str
    report_id: str
    document_id: str
    source: str
    url: str | None
    title: str | None
    lang: str | None
    published: date | None
    date: date | None  # the date this report gives the step
    sentence: Excerpt | None


@dataclass(slots=True)
class Milestone:
    """A stage a thread reached: when, through which step, and the words that say so."""

    stage: str
    date: date | None
    event: EventSummary | None
    evidence: list[Evidence]


@dataclass(slots=True)
class ThreadEvent:
    """A step of a thread and the stage it shows."""

    stage: str
    date: date | None
    event: EventSummary


@dataclass(slots=True)
class EntityRef:
    id: int
    name: str


@dataclass(slots=True)
class SourceAmount:
    """An amount as one source gives it (sources that disagree each keep theirs)."""

    value: int
    currency: str
    document_id: str | None
    source: str | None


@dataclass(slots=True)
class SourceJobs:
    """A jobs figure as one source gives it."""

    jobs: int
    document_id: str
    source: str | None
    event_id: str


@dataclass(slots=True)
class CommitmentDetail:
    """Everything the commitment page shows."""

    id: str
    subject: str
    stage: str
    parties: list[str]
    first_date: date | None
    last_date: date | None
    timeline: list[Milestone]
    events: list[ThreadEvent]
    organizations: list[EntityRef]
    sectors: list[str]
    instruments: list[str]
    amounts: list[SourceAmount]
    jobs: list[SourceJobs]
    history: list[LogEntry]


@dataclass(slots=True)
class RoleSeen:
    """A role reported for a person, with the date of the report that gives it."""

    role: str
    date: date | None


@dataclass(slots=True)
class EntityRow:
    id: int
    kind: str
    name: str
    country: str | None
    latin: str | None
    events: int


@dataclass(slots=True)
class CountryCount:
    country: str
    count: int


@dataclass(slots=True)
class EntityDetail:
    id: int
    kind: str
    name: str
    country: str | None
    latin: str | None
    aliases: list[str]
    roles: list[RoleSeen]
    partners: list[CountryCount]
    events: Page[EventSummary]


@dataclass(slots=True)
class DocumentHit:
    """A document that matches a search, with the first place it does."""

    id: str
    source: str
    url: str | None
    title: str | None
    published: date | None
    lang: str | None
    snippet: Excerpt


@dataclass(slots=True)
class DocumentView:
    id: str
    source: str
    url: str | None
    title: str | None
    published: date | None
    lang: str | None
    ingested_at: datetime
    text: str
    events: list[EventSummary] = field(default_factory=list)
