"""What queries return: plain dataclasses, never SQLAlchemy rows."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date, datetime
from typing import Any

from coopwatch.model import Span


@dataclass(slots=True)
class IngestReport:
    documents_new: int = 0
    documents_skipped: int = 0
    events_new: int = 0
    #: Documents not stored, as (source, reason), when ingesting with ``isolate=True``.
    failures: list[tuple[str, str]] = field(default_factory=list)

    def __add__(self, other: IngestReport) -> IngestReport:
        return IngestReport(
            self.documents_new + other.documents_new,
            self.documents_skipped + other.documents_skipped,
            self.events_new + other.events_new,
            self.failures + other.failures,
        )


@dataclass(slots=True)
class SourceRef:
    """One report of a step: which document, and what it says of the step."""

    document: str
    source: str
    url: str | None
    lang: str | None
    published: date | None
    date: date | None  # the date this report gives the step
    sentence: Span | None


@dataclass(slots=True)
class EventRow:
    """One line of an event listing: a step of the register with its merged fields."""

    id: str
    type: str
    date: date | None
    parties: list[str]
    sectors: list[str]
    instruments: list[str]
    cameo: str
    confidence: float
    jobs: int | None
    document_ids: list[str]
    persons: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    amounts: list[dict[str, Any]] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = _jsonable(self)
        return out


@dataclass(slots=True)
class PersonRow:
    entity_id: int
    name: str
    country: str | None
    role: str | None
    latin: str | None


@dataclass(slots=True)
class OrganizationRow:
    entity_id: int
    name: str
    country: str | None
    aliases: list[str]


@dataclass(slots=True)
class AmountRow:
    value: int
    currency: str
    document_id: str | None
    span: Span | None


@dataclass(slots=True)
class SourceRow:
    """A document that reports the event, with its whole text for showing evidence."""

    document_id: str
    source: str
    url: str | None
    title: str | None
    published: date | None
    lang: str | None
    text: str
    sentence: Span | None
    report_id: str = ""
    date: date | None = None  # the date this report gives the step

    @property
    def sentence_text(self) -> str | None:
        if self.sentence is None:
            return None
        return self.text[self.sentence.start : self.sentence.end]


@dataclass(slots=True)
class EvidenceRow:
    """A span of a source document that supports one field of the event."""

    field: str
    document_id: str
    span: Span
    text: str


@dataclass(slots=True)
class CorrectionRow:
    id: int
    field: str
    value: Any
    author: str
    created_at: datetime


@dataclass(slots=True)
class EventDetail:
    """Everything the store knows about one event."""

    id: str
    type: str
    date: date | None
    confidence: float
    cameo: str
    location: str | None
    jobs: int | None
    trigger: str
    created_at: datetime
    parties: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    instruments: list[str] = field(default_factory=list)
    persons: list[PersonRow] = field(default_factory=list)
    organizations: list[OrganizationRow] = field(default_factory=list)
    amounts: list[AmountRow] = field(default_factory=list)
    sources: list[SourceRow] = field(default_factory=list)
    evidence: list[EvidenceRow] = field(default_factory=list)
    corrections: list[CorrectionRow] = field(default_factory=list)
    #: Why the reports were joined: (report, report, score, fields that agreed).
    links: list[tuple[str, str, float, str]] = field(default_factory=list)
    #: Human decisions on this step: (decision, report, report, author).
    decisions: list[tuple[str, str, str, str]] = field(default_factory=list)
    commitments: list[str] = field(default_factory=list)

    def evidence_for(self, document_id: str) -> list[EvidenceRow]:
        return [e for e in self.evidence if e.document_id == document_id]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = _jsonable(self)
        return out


def _jsonable(value: Any) -> Any:
    """Dates as ISO strings and spans as ``[start, end]``, like ``Extraction.to_json()``."""
    if isinstance(value, Span):
        return value.to_json()
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    return value
