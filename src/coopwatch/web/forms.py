"""Web forms that write: a correction and an undo, authorised by a key typed in the form.

The key travels in the form body, never in a cookie, so another site cannot make a
visitor's browser write (no cross-site request forgery to defend against).
"""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from coopwatch.api.deps import EventId, check_key, writing
from coopwatch.api.security import MAX_BODY
from coopwatch.errors import CorrectionError
from coopwatch.store import corrections

router = APIRouter(include_in_schema=False)


async def form_fields(request: Request) -> dict[str, str]:
    body = await request.body()
    if len(body) > MAX_BODY:
        raise CorrectionError(f"form over {MAX_BODY} bytes")
    parsed = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    return {k: v[0] for k, v in parsed.items() if v}


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
