"""Web forms that write, authorised by a key typed in the form: a correction, an undo,
and splits and merges of events and commitments.

The key travels in the form body, never in a cookie, so another site cannot make a
visitor's browser write (no cross-site request forgery to defend against).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from coopwatch.api.deps import EventId, Writer, check_key, writing
from coopwatch.api.routers.commitments import CommitmentId
from coopwatch.api.security import MAX_BODY
from coopwatch.errors import CorrectionError
from coopwatch.store import corrections, link_changes

router = APIRouter(include_in_schema=False)


async def form_lists(request: Request) -> dict[str, list[str]]:
    """Every value of every field of the form (a checkbox list gives several)."""
    body = await request.body()
    if len(body) > MAX_BODY:
        raise CorrectionError(f"form over {MAX_BODY} bytes")
    return parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)


async def form_fields(request: Request) -> dict[str, str]:
    return {k: v[0] for k, v in (await form_lists(request)).items() if v}


def _ids(values: list[str]) -> list[str]:
    """Ids from checkboxes and from text typed with commas or spaces."""
    return [i for v in values for i in v.replace(",", " ").split()]


@dataclass(frozen=True, slots=True)
class Who:
    """Who decides, from a form: the name typed (else the key's), the key, a note."""

    author: str
    key_name: str
    note: str | None


def _who(request: Request, form: dict[str, list[str]]) -> Who:
    """Check the key typed in the form (401 if not valid); who writes."""
    writer: Writer = check_key(request, (form.get("key") or [""])[0] or None)
    author = (form.get("author") or [""])[0].strip()
    note = (form.get("note") or [""])[0].strip()
    return Who(author or writer.key_name, writer.key_name, note or None)


@router.post("/events/{event_id}/corrections")
async def correct_event(request: Request, event_id: EventId) -> Response:
    form = await form_fields(request)
    writer = check_key(request, form.get("key"))
    field = form.get("field", "")
    if field not in corrections.FIELDS:
        raise CorrectionError(f"unknown field {field!r}")
    value = corrections.parse_value(field, form.get("value", ""))
    with writing(request) as db:
        corrections.correct(
            db,
            event_id,
            field,
            value,
            author=form.get("author", "").strip() or writer.key_name,
            key_name=writer.key_name,
            note=form.get("note") or None,
        )
    return RedirectResponse(f"/events/{event_id}#history", status_code=303)


@router.post("/corrections/{entry_id}/undo")
async def undo(request: Request, entry_id: int) -> Response:
    form = await form_fields(request)
    writer = check_key(request, form.get("key"))
    with writing(request) as db:
        done = corrections.undo(
            db,
            entry_id,
            author=form.get("author", "").strip() or writer.key_name,
            key_name=writer.key_name,
        )
    return RedirectResponse(f"/events/{done.subject_id}#history", status_code=303)


@router.post("/events/merge")
async def merge_events(request: Request) -> Response:
    form = await form_lists(request)
    who = _who(request, form)
    with writing(request) as db:
        done = link_changes.merge_events(
            db,
            _ids(form.get("events", [])),
            author=who.author,
            key_name=who.key_name,
            note=who.note,
        )
    return RedirectResponse(f"/events/{done.subject_id}#history", status_code=303)


@router.post("/events/{event_id}/split")
async def split_event(request: Request, event_id: EventId) -> Response:
    form = await form_lists(request)
    who = _who(request, form)
    with writing(request) as db:
        done = link_changes.split_event(
            db,
            event_id,
            _ids(form.get("reports", [])),
            author=who.author,
            key_name=who.key_name,
            note=who.note,
        )
    return RedirectResponse(f"/events/{done.subject_id}#history", status_code=303)


@router.post("/commitments/merge")
async def merge_commitments(request: Request) -> Response:
    form = await form_lists(request)
    who = _who(request, form)
    with writing(request) as db:
        done = link_changes.merge_commitments(
            db,
            _ids(form.get("commitments", [])),
            author=who.author,
            key_name=who.key_name,
            note=who.note,
        )
    return RedirectResponse(f"/commitments/{done.subject_id}#history", status_code=303)


@router.post("/commitments/{commitment_id}/split")
async def split_commitment(request: Request, commitment_id: CommitmentId) -> Response:
    form = await form_lists(request)
    who = _who(request, form)
    with writing(request) as db:
        done = link_changes.split_commitment(
            db,
            commitment_id,
            _ids(form.get("events", [])),
            author=who.author,
            key_name=who.key_name,
            note=who.note,
        )
    return RedirectResponse(f"/commitments/{done.subject_id}#history", status_code=303)
