"""/api/corrections: the audit trail; correcting a field and undoing need an API key."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request

from coopwatch.api.deps import EventId, Limit, Offset, Writer, reading, require_writer, writing
from coopwatch.api.models import CorrectionIn, ErrorOut, LogEntryOut, PageOut, UndoIn
from coopwatch.store import corrections
from coopwatch.store.corrections import LogEntry
from coopwatch.store.view_rows import Page

router = APIRouter(prefix="/api", tags=["corrections"])

WRITE_ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorOut, "description": "the value or the undo is refused (says why)"},
    401: {"model": ErrorOut, "description": "no valid API key"},
    404: {"model": ErrorOut, "description": "no such event or correction"},
}


def history_data(request: Request, event_id: str | None, limit: int, offset: int) -> Page[LogEntry]:
    """All changes, or those of one event (under its id or any of its reports')."""
    with reading(request) as db:
        if event_id is None:
            rows, total = corrections.history(db, limit=limit, offset=offset)
        else:
            rows, total = corrections.step_history(db, event_id, limit=limit, offset=offset)
    return Page(rows, total, limit, offset)


@router.get("/corrections", response_model=PageOut[LogEntryOut])
def list_corrections(request: Request, limit: Limit = 50, offset: Offset = 0) -> Page[LogEntry]:
    """Every human change, newest first: who, when, before, after, and what undid it."""
    return history_data(request, None, limit, offset)


@router.get("/events/{event_id}/corrections", response_model=PageOut[LogEntryOut])
def event_corrections(
    request: Request, event_id: EventId, limit: Limit = 50, offset: Offset = 0
) -> Page[LogEntry]:
    """The changes people made to one event, newest first."""
    return history_data(request, event_id, limit, offset)


@router.post(
    "/events/{event_id}/corrections",
    response_model=LogEntryOut,
    status_code=201,
    responses=WRITE_ERRORS,
)
def correct_event(
    request: Request,
    event_id: EventId,
    body: CorrectionIn,
    writer: Annotated[Writer, Depends(require_writer)],
) -> LogEntry:
    """Set one field of an event (``status: "wrong"`` marks it wrong). Re-ingestion keeps it."""
    with writing(request) as db:
        return corrections.correct(
            db,
            event_id,
            body.field,
            body.value,
            author=body.author or writer.key_name,
            key_name=writer.key_name,
            note=body.note,
        )


@router.post(
    "/corrections/{entry_id}/undo",
    response_model=LogEntryOut,
    status_code=201,
    responses=WRITE_ERRORS,
)
def undo_correction(
    request: Request,
    entry_id: Annotated[int, Path(ge=1, le=2**62)],
    writer: Annotated[Writer, Depends(require_writer)],
    body: UndoIn | None = None,
) -> LogEntry:
    """Put back the value from before a correction (the latest one of its field only)."""
    author = (body.author if body else None) or writer.key_name
    with writing(request) as db:
        return corrections.undo(db, entry_id, author=author, key_name=writer.key_name)
