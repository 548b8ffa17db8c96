"""Human corrections of events, with an audit trail and undo.

A correction sets one field of an event to a value a person gives. It is written three
times, in one transaction: into the event's own tables (so listings and filters show it),
into ``corrections`` (the current human value of the field, which ingestion never
overwrites), and into ``correction_log`` (who, when, before, after). An undo puts the
value from before back, and is logged too; only the latest live change of a field can
be undone, so an undo never silently discards a later correction.

``status`` is a field of its own: ``wrong`` hides the event from listings and counts,
``confirmed`` records that a person checked it; it lives only in ``corrections``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopwatch.errors import CorrectionError, NotFoundError
from coopwatch.model import CAMEO_CODES, INSTRUMENTS, EventType
from coopwatch.store.schema import (
    correction_log,
    corrections,
    event_instruments,
    event_parties,
    event_sectors,
    events,
)

#: List fields: the table that holds them and its value column.
LIST_FIELDS: dict[str, tuple[sa.Table, str]] = {
    "parties": (event_parties, "country"),
    "sectors": (event_sectors, "isic"),
    "instruments": (event_instruments, "instrument"),
}
SCALAR_FIELDS = ("type", "date", "location", "jobs")
STATUSES = ("wrong", "confirmed")
FIELDS = (*SCALAR_FIELDS, *LIST_FIELDS, "status")

_COUNTRY = re.compile(r"[A-Z]{2}")
_ISIC = re.compile(r"\d{2,4}")
_MAX_TEXT = 300
_MAX_ITEMS = 30
_MAX_JOBS = 10**9
_NO_VALUE = ("", "-", "null", "none")


@dataclass(slots=True)
class LogEntry:
    """One change in the audit trail: a correction (``set``) or the undo of one."""

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


def clean_value(field: str, value: Any) -> Any:
    """The value as stored (JSON-ready), or a CorrectionError saying what is wrong."""
    if field not in FIELDS:
        raise CorrectionError(f"unknown field {field!r}: one of {', '.join(FIELDS)}")
    if field in LIST_FIELDS:
        return _clean_list(field, value)
    if field == "type":
        if value not in {str(t) for t in EventType}:
            types = ", ".join(str(t) for t in EventType)
            raise CorrectionError(f"type {value!r} is not an event type: one of {types}")
        return str(value)
    if field == "status":
        if value is not None and value not in STATUSES:
            raise CorrectionError(f"status {value!r}: one of {', '.join(STATUSES)} or null")
        return value
    if value is None:
        return None
    if field == "date":
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError as exc:
            raise CorrectionError(f"date {value!r} is not a date (YYYY-MM-DD)") from exc
    if field == "jobs":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _MAX_JOBS:
            raise CorrectionError(f"jobs {value!r} is not a whole number from 0 to {_MAX_JOBS}")
        return value
    text = " ".join(str(value).split())  # location: one line of plain text
    if not text or len(text) > _MAX_TEXT:
        raise CorrectionError(f"location must have 1 to {_MAX_TEXT} characters")
    return text


def _clean_list(field: str, value: Any) -> list[str]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise CorrectionError(f"{field} must be a list of strings")
    if len(value) > _MAX_ITEMS:
        raise CorrectionError(f"{field}: at most {_MAX_ITEMS} values")
    items = sorted({v.strip().upper() if field == "parties" else v.strip() for v in value})
    for item in items:
        if field == "parties" and not _COUNTRY.fullmatch(item):
            raise CorrectionError(f"party {item!r} is not an ISO 3166 alpha-2 code")
        if field == "sectors" and not _ISIC.fullmatch(item):
            raise CorrectionError(f"sector {item!r} is not an ISIC Rev.4 code (2 to 4 digits)")
        if field == "instruments" and item not in INSTRUMENTS:
            raise CorrectionError(f"instrument {item!r} is not one of {', '.join(INSTRUMENTS)}")
    if field == "parties" and not items:
        raise CorrectionError("an event needs at least one party (mark it wrong instead)")
    return items


def parse_value(field: str, text: str) -> Any:
    """A value typed by a person (command line, web form), cleaned like ``clean_value``.

    Lists are separated by commas or spaces; ``-``, ``null`` or nothing clears a value.
    """
    raw = text.strip()
    value: Any
    if field in LIST_FIELDS:
        value = [] if raw.lower() in _NO_VALUE else raw.replace(",", " ").split()
    elif raw.lower() in _NO_VALUE:
        value = None
    elif field == "jobs":
        digits = raw.replace(",", "").replace("_", "").replace(" ", "")
        if not digits.isdigit():
            raise CorrectionError(f"jobs {text!r} is not a whole number")
        value = int(digits)
    else:
        value = raw
    return clean_value(field, value)


def current_value(db: Connection, event_id: str, field: str) -> Any:
    """The field's value as the store has it now, in the form ``clean_value`` returns."""
    if field in LIST_FIELDS:
        table, column = LIST_FIELDS[field]
        query = sa.select(table.c[column]).where(table.c.event_id == event_id)
        return sorted(db.scalars(query))
    if field == "status":
        query = (
            sa.select(corrections.c.value)
            .where(corrections.c.event_id == event_id, corrections.c.field == "status")
            .order_by(corrections.c.id.desc())
        )
        return db.scalar(query)
    value = db.scalar(sa.select(events.c[field]).where(events.c.id == event_id))
    return value.isoformat() if isinstance(value, date) else value


def correct(
    db: Connection,
    event_id: str,
    field: str,
    value: Any,
    *,
    author: str,
    key_name: str | None = None,
    note: str | None = None,
) -> LogEntry:
    """Set one field of an event, in the caller's write transaction; the log entry."""
    value = clean_value(field, value)
    author = _clean_author(author)
    _require_event(db, event_id)
    before = current_value(db, event_id, field)
    now = datetime.now(UTC)
    _write(db, event_id, field, value)
    _freeze(db, event_id, field, value, author, now)
    row = {
        "subject": "event",
        "subject_id": event_id,
        "field": field,
        "action": "set",
        "before": before,
        "after": value,
        "author": author,
        "key_name": key_name,
        "note": " ".join(note.split())[:_MAX_TEXT] if note else None,
        "created_at": now,
    }
    return _log(db, row)


def undo(db: Connection, entry_id: int, *, author: str, key_name: str | None = None) -> LogEntry:
    """Put back the value from before correction ``entry_id``; the log entry of the undo."""
    author = _clean_author(author)
    entry = entry_by_id(db, entry_id)
    if entry.action != "set":
        raise CorrectionError(f"#{entry_id} is itself an undo: correct the field again instead")
    if entry.undone_by is not None:
        raise CorrectionError(f"correction #{entry_id} was already undone by #{entry.undone_by}")
    live = _live(db, entry.subject_id, entry.field)
    later = [e for e in live if e.id > entry_id]
    if later:
        raise CorrectionError(
            f"correction #{later[-1].id} changed {entry.field} of event {entry.subject_id} "
            f"after #{entry_id}: undo it first"
        )
    _require_event(db, entry.subject_id)
    now = datetime.now(UTC)
    _write(db, entry.subject_id, entry.field, entry.before)
    earlier = [e for e in live if e.id < entry_id]
    if earlier:
        last = earlier[-1]
        _freeze(db, entry.subject_id, entry.field, last.after, last.author, last.created_at)
    else:  # back to the machine's value, which ingestion may extend again
        db.execute(
            sa.delete(corrections).where(
                corrections.c.event_id == entry.subject_id, corrections.c.field == entry.field
            )
        )
    row = {
        "subject": entry.subject,
        "subject_id": entry.subject_id,
        "field": entry.field,
        "action": "undo",
        "before": entry.after,
        "after": entry.before,
        "author": author,
        "key_name": key_name,
        "note": None,
        "created_at": now,
        "reverts": entry_id,
    }
    done = _log(db, row)
    db.execute(
        sa.update(correction_log).where(correction_log.c.id == entry_id).values(undone_by=done.id)
    )
    return done


def entry_by_id(db: Connection, entry_id: int) -> LogEntry:
    row = db.execute(sa.select(correction_log).where(correction_log.c.id == entry_id)).first()
    if row is None:
        raise NotFoundError(f"no correction #{entry_id}")
    return _entry(row)


def history(
    db: Connection,
    *,
    subject_id: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[LogEntry], int]:
    """Log entries, newest first (all of them, or one event's), and how many there are."""
    where = [] if subject_id is None else [correction_log.c.subject_id == subject_id]
    query = (
        sa.select(correction_log)
        .where(*where)
        .order_by(correction_log.c.id.desc())
        .limit(limit)
        .offset(offset)
    )
    total = db.scalar(sa.select(sa.func.count()).select_from(correction_log).where(*where))
    return [_entry(r) for r in db.execute(query)], total or 0


def statuses(db: Connection, event_ids: Sequence[str]) -> dict[str, str]:
    """The human status of those of the events that have one."""
    if not event_ids:
        return {}
    query = (
        sa.select(corrections.c.event_id, corrections.c.value)
        .where(corrections.c.field == "status", corrections.c.event_id.in_(list(event_ids)))
        .order_by(corrections.c.id)
    )
    return {event_id: value for event_id, value in db.execute(query) if value}


def marked_wrong(event_id: sa.ColumnElement[str]) -> sa.Exists:
    """A condition: the event whose id is ``event_id`` was marked wrong by a person."""
    return sa.exists().where(
        corrections.c.event_id == event_id,
        corrections.c.field == "status",
        # The JSON text of the value: the same on SQLite and PostgreSQL's json type.
        sa.cast(corrections.c.value, sa.Text) == json.dumps("wrong"),
    )


def _live(db: Connection, event_id: str, field: str) -> list[LogEntry]:
    query = (
        sa.select(correction_log)
        .where(
            correction_log.c.subject_id == event_id,
            correction_log.c.field == field,
            correction_log.c.action == "set",
            correction_log.c.undone_by.is_(None),
        )
        .order_by(correction_log.c.id)
    )
    return [_entry(r) for r in db.execute(query)]


def _require_event(db: Connection, event_id: str) -> None:
    if db.scalar(sa.select(events.c.id).where(events.c.id == event_id)) is None:
        raise NotFoundError(f"no event {event_id!r}")


def _clean_author(author: str) -> str:
    name = " ".join(author.split())
    if not name or len(name) > 100:
        raise CorrectionError("a correction needs an author of 1 to 100 characters")
    return name


def _write(db: Connection, event_id: str, field: str, value: Any) -> None:
    """Put the value into the event's own tables (status has none)."""
    if field == "status":
        return
    if field in LIST_FIELDS:
        table, column = LIST_FIELDS[field]
        db.execute(sa.delete(table).where(table.c.event_id == event_id))
        if value:
            db.execute(sa.insert(table), [{"event_id": event_id, column: v} for v in value])
        return
    values: dict[str, Any] = {field: value}
    if field == "date":
        values["date"] = date.fromisoformat(value) if value else None
    if field == "type":
        values["cameo"] = CAMEO_CODES[EventType(value)]
    db.execute(sa.update(events).where(events.c.id == event_id).values(**values))


def _freeze(
    db: Connection, event_id: str, field: str, value: Any, author: str, when: datetime
) -> None:
    """Make ``value`` the one human value of the field that ingestion respects."""
    db.execute(
        sa.delete(corrections).where(
            corrections.c.event_id == event_id, corrections.c.field == field
        )
    )
    row = {
        "event_id": event_id,
        "field": field,
        "value": value,
        "author": author,
        "created_at": when,
    }
    db.execute(sa.insert(corrections), row)


def _log(db: Connection, row: dict[str, Any]) -> LogEntry:
    new_id = db.execute(sa.insert(correction_log).returning(correction_log.c.id), row).scalar_one()
    return entry_by_id(db, int(new_id))


def _entry(row: sa.Row[Any]) -> LogEntry:
    return LogEntry(
        id=row.id,
        subject=row.subject,
        subject_id=row.subject_id,
        field=row.field,
        action=row.action,
        before=row.before,
        after=row.after,
        author=row.author,
        key_name=row.key_name,
        note=row.note,
        created_at=row.created_at,
        reverts=row.reverts,
        undone_by=row.undone_by,
    )
