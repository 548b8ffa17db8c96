"""Response and request shapes of the API: pydantic at the boundary, read from dataclasses."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from coopwatch.store.corrections import FIELDS

T = TypeVar("T")
FieldName = Literal[FIELDS]  # type: ignore[valid-type]


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class PageOut(Out, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


class EventSummaryOut(Out):
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
    status: str | None = Field(description="'wrong' or 'confirmed' if a person said so")


class MarkOut(Out):
    start: int
    end: int
    fields: list[str]


class ExcerptOut(Out):
    document_id: str
    start: int = Field(description="offset of the excerpt in the document's text")
    text: str
    marks: list[MarkOut] = Field(description="supporting words; offsets into the excerpt")


class PersonOut(Out):
    entity_id: int
    name: str
    country: str | None
    role: str | None
    latin: str | None


class OrganizationOut(Out):
    entity_id: int
    name: str
    country: str | None
    aliases: list[str]


class AmountOut(Out):
    value: int
    currency: str
    document_id: str | None
    span: tuple[int, int] | None


class EvidenceOut(Out):
    field: str
    document_id: str
    span: tuple[int, int]
    text: str


class CorrectionOut(Out):
    id: int
    field: str
    value: Any
    author: str
    created_at: datetime


class JoinReasonOut(Out):
    """Two reports the linker judged to be the same step, and the fields that agreed."""

    report_a: str
    report_b: str
    score: float
    reasons: str


class DecisionOut(Out):
    """A person's decision on two reports: ``join`` (merged) or ``apart`` (split)."""

    decision: str
    report_a: str
    report_b: str
    author: str


class EventDetailOut(Out):
    id: str
    type: str
    date: date | None
    confidence: float
    cameo: str
    location: str | None
    jobs: int | None
    trigger: str
    created_at: datetime
    parties: list[str]
    sectors: list[str]
    instruments: list[str]
    persons: list[PersonOut]
    organizations: list[OrganizationOut]
    amounts: list[AmountOut]
    evidence: list[EvidenceOut]
    corrections: list[CorrectionOut] = Field(description="current human value of each field")
    links: list[JoinReasonOut] = Field(description="why these reports were joined")
    decisions: list[DecisionOut] = Field(description="splits and merges people decided")
    commitments: list[str] = Field(description="ids of the commitment threads of this step")

    @field_validator("links", mode="before")
    @classmethod
    def _links(cls, value: Any) -> Any:
        return [dict(zip(("report_a", "report_b", "score", "reasons"), v, strict=True))
                if isinstance(v, tuple) else v for v in value]  # fmt: skip

    @field_validator("decisions", mode="before")
    @classmethod
    def _decisions(cls, value: Any) -> Any:
        return [dict(zip(("decision", "report_a", "report_b", "author"), v, strict=True))
                if isinstance(v, tuple) else v for v in value]  # fmt: skip


class SourceOut(Out):
    document_id: str
    source: str
    url: str | None
    title: str | None
    published: date | None
    lang: str | None
    sentence: ExcerptOut | None
    elsewhere: list[ExcerptOut]
    full: ExcerptOut
    report_id: str = Field(description="this document's report merged into the step")
    date: date | None  # the date this report gives the step


class LogEntryOut(Out):
    id: int
    subject: str
    subject_id: str
    field: str
    action: str
    before: Any
    after: Any
    author: str
    key_name: str | None
    note: str | None
    created_at: datetime
    reverts: int | None
    undone_by: int | None


class CommitmentRowOut(Out):
    id: str
    subject: str
    stage: str
    parties: list[str]
    events: int
    first: date | None
    last: date | None


class EventOut(Out):
    event: EventDetailOut
    status: str | None
    sources: list[SourceOut]
    history: list[LogEntryOut]
    commitments: list[CommitmentRowOut]


class PairRowOut(Out):
    a: str
    b: str
    total: int
    by_type: dict[str, int]
    first: date | None
    last: date | None


class YearCountOut(Out):
    year: int | None
    type: str
    count: int


class SectorCountOut(Out):
    isic: str
    count: int


class PairDetailOut(Out):
    a: str
    b: str
    total: int
    by_type: dict[str, int]
    years: list[YearCountOut]
    sectors: list[SectorCountOut]
    commitments: list[CommitmentRowOut]
    events: PageOut[EventSummaryOut]


class HomeOut(Out):
    documents: int
    events: int
    pairs: list[PairRowOut]
    latest: list[EventSummaryOut]


class EvidenceSentenceOut(Out):
    event_id: str
    report_id: str
    document_id: str
    source: str
    url: str | None
    title: str | None
    lang: str | None
    published: date | None
    date: date | None  # the date this report gives the step
    sentence: ExcerptOut | None


class MilestoneOut(Out):
    stage: str
    date: date | None
    event: EventSummaryOut | None
    evidence: list[EvidenceSentenceOut] = Field(description="the sentence of each report")


class ThreadEventOut(Out):
    stage: str = Field(description="the stage this step shows")
    date: date | None
    event: EventSummaryOut


class EntityRefOut(Out):
    id: int
    name: str


class SourceAmountOut(Out):
    value: int
    currency: str
    document_id: str | None
    source: str | None


class SourceJobsOut(Out):
    jobs: int
    document_id: str
    source: str | None
    event_id: str


class CommitmentDetailOut(Out):
    id: str
    subject: str
    stage: str
    parties: list[str]
    first_date: date | None
    last_date: date | None
    timeline: list[MilestoneOut] = Field(description="the stages reached, in order")
    events: list[ThreadEventOut] = Field(description="every step, with the stage it shows")
    organizations: list[EntityRefOut]
    sectors: list[str]
    instruments: list[str]
    amounts: list[SourceAmountOut] = Field(description="per source, never averaged")
    jobs: list[SourceJobsOut] = Field(description="per source, never averaged")
    history: list[LogEntryOut]


class EntityRowOut(Out):
    id: int
    kind: str
    name: str
    country: str | None
    latin: str | None
    events: int


class CountryCountOut(Out):
    country: str
    count: int


class RoleSeenOut(Out):
    role: str
    date: date | None


class EntityDetailOut(Out):
    id: int
    kind: str
    name: str
    country: str | None
    latin: str | None
    aliases: list[str] = Field(description="every spelling, in every script")
    roles: list[RoleSeenOut] = Field(description="roles reported, with the report's date")
    partners: list[CountryCountOut]
    events: PageOut[EventSummaryOut]


class DocumentHitOut(Out):
    id: str
    source: str
    url: str | None
    title: str | None
    published: date | None
    lang: str | None
    snippet: ExcerptOut


class DocumentOut(Out):
    id: str
    source: str
    url: str | None
    title: str | None
    published: date | None
    lang: str | None
    ingested_at: datetime
    text: str
    events: list[EventSummaryOut]


class CorrectionIn(BaseModel):
    """A correction of one field of an event."""

    model_config = ConfigDict(extra="forbid")

    field: FieldName
    value: Any = Field(
        description="the new value: a string, a number, a list of strings or null "
        "(parties ['DZ','BY'], type 'agreement', date '2025-12-02', status 'wrong')"
    )
    note: str | None = Field(None, max_length=300)
    author: str | None = Field(
        None, max_length=100, description="who corrects (default: the name of the key)"
    )


ReportId = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{1,32}$")]
CommitmentIdText = Annotated[str, StringConstraints(pattern=r"^c[0-9a-f]{1,32}$")]


class LinkIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str | None = Field(None, max_length=300)
    author: str | None = Field(
        None, max_length=100, description="who decides (default: the name of the key)"
    )


class SplitEventIn(LinkIn):
    """Reports to set apart from the rest of the event (ids from ``sources[].report_id``)."""

    reports: list[ReportId] = Field(min_length=1, max_length=200)


class MergeEventsIn(LinkIn):
    """Events that are one step: they become one event."""

    events: list[ReportId] = Field(min_length=2, max_length=200)


class SplitCommitmentIn(LinkIn):
    """Events to set apart from the rest of the commitment."""

    events: list[ReportId] = Field(min_length=1, max_length=200)


class MergeCommitmentsIn(LinkIn):
    """Commitments that are one undertaking: they become one thread."""

    commitments: list[CommitmentIdText] = Field(min_length=2, max_length=200)


class UndoIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    author: str | None = Field(None, max_length=100)


class ErrorBody(BaseModel):
    status: int
    message: str
    details: list[dict[str, Any]] | None = None


class ErrorOut(BaseModel):
    error: ErrorBody
