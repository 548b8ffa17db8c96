"""Human corrections of steps of the register, with an audit trail and undo.

A correction sets one field of a step (an event of the register) to a value a person
gives. The id given may be the step's or one of its reports' (an old id of a step joined
into another); the correction is stored under the step's id of the day, which is one of
its reports' ids, so it follows the step when the linker joins it to others. It is
written in one transaction into ``corrections`` (the current human value of the field,
which the register applies at every rebuild of the step and ingestion never overwrites)
and into ``correction_log`` (who, when, before, after); then the step's rows and its
commitment threads are rebuilt with it. An undo puts the value from before back, and is
logged too; only the latest live change of a field can be undone, so an undo never
silently discards a later correction.

``status`` is a field of its own: ``wrong`` hides the step from listings and counts,
``confirmed`` records that a person checked it; it lives only in ``corrections``.

Splits and merges of steps and threads (:mod:`coopwatch.store.decisions`) are logged
here too, as field ``link`` with the member ids before and after; they are undone by the
opposite decision (merge back, split again), not by :func:`undo`.
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
from coopwatch.model import INSTRUMENTS, EventType
from coopwatch.store.register import StepWriter
from coopwatch.store.schema import (
    correction_log,
    corrections,
    event_instruments,
    event_parties,
    event_sectors,
    event_sources,
    events,
)
from coopwatch.store.threads import ThreadWriter

#: List fields: the table that holds them and its value column.
LIST_FIELDS: dict[str, tuple[sa.Table, str]] = {
    "parties": (event_parties, "country"),
    "sectors": (event_sectors, "isic"),
    "instruments": (event_instruments, "instrument"),
}
SCALAR_FIELDS = ("type", "date", "location", "jobs")
STATUSES = ("wrong", "confirmed")
FIELDS = (*SCALAR_FIELDS, *LIST_FIELDS, "status")
#: The field of the log entries of splits and merges.
LINK = "link"

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
        return statuses(db, [event_id]).get(event_id)
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
    """Set one field of a step, in the caller's write transaction; the log entry.

    ``event_id`` may be the step's id or one of its reports' ids.
    """
    steps = StepWriter(db)
    step = _require_step(steps, event_id)
    value = clean_value(field, value)
    author = _clean_author(author)
    before = current_value(db, step, field)
    now = datetime.now(UTC)
    _freeze(db, step, field, value, author, now)
    _rebuild(db, steps, step)
    row = {
        "subject": "event",
        "subject_id": step,
        "field": field,
        "action": "set",
        "before": before,
        "after": value,
        "author": author,
        "key_name": key_name,
        "note": _clean_note(note),
        "created_at": now,
    }
    return _log(db, row)


def undo(db: Connection, entry_id: int, *, author: str, key_name: str | None = None) -> LogEntry:
    """Put back the value from before correction ``entry_id``; the log entry of the undo."""
    author = _clean_author(author)
    entry = entry_by_id(db, entry_id)
    if entry.field == LINK:
        raise CorrectionError(
            f"#{entry_id} is a split or a merge: undo it by the opposite decision "
            "(merge back what was split, split again what was merged)"
        )
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
    steps = StepWriter(db)
    step = _require_step(steps, entry.subject_id)
    now = datetime.now(UTC)
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
    _rebuild(db, steps, step)
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
    subject_ids: Sequence[str] | None = None,
    subject: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[LogEntry], int]:
    """Log entries, newest first, and how many there are: all of them, or those of one
    subject id, or of any of ``subject_ids`` (a step's reports, a thread's old ids)."""
    where: list[sa.ColumnElement[bool]] = []
    if subject_id is not None:
        where.append(correction_log.c.subject_id == subject_id)
    if subject_ids is not None:
        where.append(correction_log.c.subject_id.in_(list(subject_ids)[:1000]))
    if subject is not None:
        where.append(correction_log.c.subject == subject)
    query = (
        sa.select(correction_log)
        .where(*where)
        .order_by(correction_log.c.id.desc())
        .limit(limit)
        .offset(offset)
    )
    total = db.scalar(sa.select(sa.func.count()).select_from(correction_log).where(*where))
    return [_entry(r) for r in db.execute(query)], total or 0


def step_history(
    db: Connection, event_id: str, *, limit: int = 50, offset: int = 0
) -> tuple[list[LogEntry], int]:
    """The changes people made to a step, under its id or any of its reports' ids."""
    step = StepWriter(db).step_of(event_id) or event_id
    reports = list(db.scalars(sa.select(event_sources.c.report_id).where(
        event_sources.c.event_id == step)))  # fmt: skip
    return history(db, subject_ids=sorted({step, *reports}), subject="event", limit=limit,
                   offset=offset)  # fmt: skip


def _status_rows() -> sa.Select[Any]:
    """(step, status value) of every status a person set on a report of a step."""
    return (
        sa.select(event_sources.c.event_id, corrections.c.value)
        .join(event_sources, event_sources.c.report_id == corrections.c.event_id)
        .where(corrections.c.field == "status")
        .order_by(corrections.c.created_at, corrections.c.id)
    )


def statuses(db: Connection, event_ids: Sequence[str]) -> dict[str, str]:
    """The human status of those of the steps that have one (the latest set on any of
    their reports)."""
    found: dict[str, str] = {}
    ids = list(dict.fromkeys(event_ids))
    for i in range(0, len(ids), 500):
        query = _status_rows().where(event_sources.c.event_id.in_(ids[i : i + 500]))
        for step, value in db.execute(query):
            if value:
                found[step] = value
            else:
                found.pop(step, None)
    return found


def marked_wrong(event_id: sa.ColumnElement[str]) -> sa.Exists:
    """A condition: the step whose id is ``event_id`` was marked wrong by a person (on
    any of its reports: a step keeps the status of the steps joined into it)."""
    return (
        sa.exists()
        .select_from(corrections.join(event_sources,
                                      event_sources.c.report_id == corrections.c.event_id))
        .where(
            event_sources.c.event_id == event_id,
            corrections.c.field == "status",
            # The JSON text of the value: the same on SQLite and PostgreSQL's json type.
            sa.cast(corrections.c.value, sa.Text) == json.dumps("wrong"),
        )
    )  # fmt: skip


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


def _require_step(steps: StepWriter, event_id: str) -> str:
    """The step an event id names now (its own id, or one of its reports')."""
    step = steps.step_of(event_id)
    if step is None:
        raise NotFoundError(f"no event {event_id!r}")
    return step


def _rebuild(db: Connection, steps: StepWriter, step: str) -> None:
    """Rewrite the step's rows and threads with the corrections applied."""
    ThreadWriter(db, steps).update(steps.refresh([step]))


def _clean_author(author: str) -> str:
    name = " ".join(author.split())
    if not name or len(name) > 100:
        raise CorrectionError("a correction needs an author of 1 to 100 characters")
    return name


def _clean_note(note: str | None) -> str | None:
    return " ".join(note.split())[:_MAX_TEXT] if note else None


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


def log_change(db: Connection, row: dict[str, Any]) -> LogEntry:
    """Write one entry of the audit trail (``created_at`` defaults to now)."""
    row.setdefault("created_at", datetime.now(UTC))
    return _log(db, row)


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
