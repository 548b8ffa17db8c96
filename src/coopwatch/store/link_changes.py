"""Splits and merges of steps and commitment threads by a person, with the audit trail.

The decisions themselves are :mod:`coopwatch.store.decisions` (stored pairs that
ingestion never overrides); this module checks what a person asks, applies it, and logs
it in ``correction_log`` as field ``link`` of subject ``event`` or ``commitment``, with
the groups of members before and after (report ids for steps, step ids for threads), so
the history shows what was joined or set apart. An undo is the opposite decision: merge
back what was split, split again what was merged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopwatch.errors import CorrectionError, NotFoundError, StoreError
from coopwatch.store import decisions
from coopwatch.store.corrections import LINK, LogEntry, _clean_author, _clean_note, log_change
from coopwatch.store.register import StepWriter, select_in
from coopwatch.store.schema import commitment_events, commitments, event_sources

#: At most this many ids in one split or merge.
MAX_IDS = 200


def split_event(
    db: Connection,
    event_id: str,
    report_ids: Sequence[str],
    *,
    author: str,
    key_name: str | None = None,
    note: str | None = None,
) -> LogEntry:
    """Set these reports of a step apart from the rest of it; the log entry, whose
    ``subject_id`` is the step that keeps the other reports."""
    author = _clean_author(author)
    steps = StepWriter(db)
    step = _step(steps, event_id)
    before = _reports_of(db, [step])
    leaving = _ids(report_ids, "report")
    _apply(lambda: decisions.split_event(db, step, leaving, author))
    staying = [r for r in before[0] if r not in set(leaving)]
    after = _reports_of(db, _steps_of(steps, before[0]))
    kept = steps.step_of(staying[0]) or step
    return _log(db, "event", kept, before, after, author, key_name, note)


def merge_events(
    db: Connection,
    event_ids: Sequence[str],
    *,
    author: str,
    key_name: str | None = None,
    note: str | None = None,
) -> LogEntry:
    """Join steps into one; the log entry, whose ``subject_id`` is the step they make."""
    author = _clean_author(author)
    steps = StepWriter(db)
    found = sorted({_step(steps, e) for e in _ids(event_ids, "event")})
    if len(found) < 2:
        raise CorrectionError("name at least two different events to merge")
    before = _reports_of(db, found)
    merged = _apply(lambda: decisions.merge_events(db, found, author))
    after = _reports_of(db, [merged])
    return _log(db, "event", merged, before, after, author, key_name, note)


def split_commitment(
    db: Connection,
    commitment_id: str,
    event_ids: Sequence[str],
    *,
    author: str,
    key_name: str | None = None,
    note: str | None = None,
) -> LogEntry:
    """Set these steps apart from the rest of a thread; the log entry, whose
    ``subject_id`` is the thread that keeps the other steps."""
    author = _clean_author(author)
    steps = StepWriter(db)
    members = _thread_steps(db, commitment_id)
    leaving = sorted({_step(steps, e) for e in _ids(event_ids, "event")})
    _apply(lambda: decisions.split_commitment(db, commitment_id, leaving, author))
    staying = [s for s in members if s not in set(leaving)]
    after_threads = _threads_of(db, members)
    kept = next((t for t in after_threads if staying and staying[0] in after_threads[t]), None)
    after = [after_threads[t] for t in sorted(after_threads)]
    return _log(db, "commitment", kept or commitment_id, [members], after, author, key_name, note)


def merge_commitments(
    db: Connection,
    commitment_ids: Sequence[str],
    *,
    author: str,
    key_name: str | None = None,
    note: str | None = None,
) -> LogEntry:
    """Join threads into one; the log entry, whose ``subject_id`` is the thread made."""
    author = _clean_author(author)
    wanted = list(dict.fromkeys(_ids(commitment_ids, "commitment")))
    if len(wanted) < 2:
        raise CorrectionError("name at least two different commitments to merge")
    before = [_thread_steps(db, c) for c in wanted]
    _apply(lambda: decisions.merge_commitments(db, wanted, author))
    after_threads = _threads_of(db, sorted({s for group in before for s in group}))
    made = next((t for t in sorted(after_threads) if before[0][0] in after_threads[t]), wanted[0])
    after = [after_threads[t] for t in sorted(after_threads)]
    return _log(db, "commitment", made, before, after, author, key_name, note)


def _apply(action: Any) -> Any:
    """Run a decision; what it refuses is the person's mistake (400), not the store's."""
    try:
        return action()
    except NotFoundError:
        raise
    except StoreError as exc:
        raise CorrectionError(str(exc)) from exc


def _ids(values: Sequence[str], what: str) -> list[str]:
    found = [v.strip() for v in values if v.strip()]
    if not found:
        raise CorrectionError(f"name the {what}s")
    if len(found) > MAX_IDS:
        raise CorrectionError(f"at most {MAX_IDS} {what} ids at once")
    return found


def _step(steps: StepWriter, event_id: str) -> str:
    step = steps.step_of(event_id)
    if step is None:
        raise NotFoundError(f"no event {event_id!r}")
    return step


def _steps_of(steps: StepWriter, report_ids: Sequence[str]) -> list[str]:
    return sorted({s for r in report_ids if (s := steps.step_of(r))})


def _reports_of(db: Connection, step_ids: Sequence[str]) -> list[list[str]]:
    """The report ids of each step, in the order of the steps."""
    return [
        sorted(select_in(db, event_sources.c.report_id, event_sources.c.event_id, [s]))
        for s in step_ids
    ]


def _thread_steps(db: Connection, commitment_id: str) -> list[str]:
    if db.scalar(sa.select(commitments.c.id).where(commitments.c.id == commitment_id)) is None:
        raise NotFoundError(f"no commitment {commitment_id!r}")
    return sorted(
        select_in(
            db, commitment_events.c.event_id, commitment_events.c.commitment_id, [commitment_id]
        )
    )


def _threads_of(db: Connection, step_ids: Sequence[str]) -> dict[str, list[str]]:
    """The threads these steps are in now, with all their steps."""
    threads = sorted(
        set(
            select_in(
                db, commitment_events.c.commitment_id, commitment_events.c.event_id, list(step_ids)
            )
        )
    )
    return {t: _thread_steps(db, t) for t in threads}


def _log(
    db: Connection,
    subject: str,
    subject_id: str,
    before: list[list[str]],
    after: list[list[str]],
    author: str,
    key_name: str | None,
    note: str | None,
) -> LogEntry:
    row = {
        "subject": subject,
        "subject_id": subject_id,
        "field": LINK,
        "action": "set",
        "before": before,
        "after": after,
        "author": author,
        "key_name": key_name,
        "note": _clean_note(note),
    }
    return log_change(db, row)
