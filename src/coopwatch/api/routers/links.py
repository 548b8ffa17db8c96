"""Splits and merges of events and commitments: human decisions the register keeps.

Each needs an API key, is logged in the audit trail (field ``link``) and survives
re-ingestion. There is no undo button for them: a split is undone by merging back, a
merge by splitting again.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from coopwatch.api.deps import EventId, Writer, require_writer, writing
from coopwatch.api.models import (
    LogEntryOut,
    MergeCommitmentsIn,
    MergeEventsIn,
    SplitCommitmentIn,
    SplitEventIn,
)
from coopwatch.api.routers.commitments import CommitmentId
from coopwatch.api.routers.corrections import WRITE_ERRORS
from coopwatch.store import link_changes
from coopwatch.store.corrections import LogEntry

router = APIRouter(prefix="/api", tags=["links"])


@router.post("/events/merge", response_model=LogEntryOut, status_code=201, responses=WRITE_ERRORS)
def merge_events(
    request: Request, body: MergeEventsIn, writer: Annotated[Writer, Depends(require_writer)]
) -> LogEntry:
    """Join events into one step; ``subject_id`` of the answer is the event they make."""
    with writing(request) as db:
        return link_changes.merge_events(
            db, body.events, author=body.author or writer.key_name, key_name=writer.key_name,
            note=body.note,
        )  # fmt: skip


@router.post(
    "/events/{event_id}/split", response_model=LogEntryOut, status_code=201, responses=WRITE_ERRORS
)
def split_event(
    request: Request,
    event_id: EventId,
    body: SplitEventIn,
    writer: Annotated[Writer, Depends(require_writer)],
) -> LogEntry:
    """Set reports of an event apart; ``after`` lists the report ids of each event now."""
    with writing(request) as db:
        return link_changes.split_event(
            db, event_id, body.reports, author=body.author or writer.key_name,
            key_name=writer.key_name, note=body.note,
        )  # fmt: skip


@router.post(
    "/commitments/merge", response_model=LogEntryOut, status_code=201, responses=WRITE_ERRORS
)
def merge_commitments(
    request: Request, body: MergeCommitmentsIn, writer: Annotated[Writer, Depends(require_writer)]
) -> LogEntry:
    """Join commitments into one thread; ``subject_id`` of the answer is the thread made."""
    with writing(request) as db:
        return link_changes.merge_commitments(
            db, body.commitments, author=body.author or writer.key_name,
            key_name=writer.key_name, note=body.note,
        )  # fmt: skip


@router.post(
    "/commitments/{commitment_id}/split",
    response_model=LogEntryOut,
    status_code=201,
    responses=WRITE_ERRORS,
)
def split_commitment(
    request: Request,
    commitment_id: CommitmentId,
    body: SplitCommitmentIn,
    writer: Annotated[Writer, Depends(require_writer)],
) -> LogEntry:
    """Set events apart from a commitment; ``after`` lists the events of each thread now."""
    with writing(request) as db:
        return link_changes.split_commitment(
            db, commitment_id, body.events, author=body.author or writer.key_name,
            key_name=writer.key_name, note=body.note,
        )  # fmt: skip
