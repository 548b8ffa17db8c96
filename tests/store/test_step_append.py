"""A stored step joined by new reports gains their rows: the rows a rewrite would give."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from tests.store.test_register import linked  # noqa: F401  (fixture)

from coopwatch.model import Extraction
from coopwatch.store import Store
from coopwatch.store.register import StepWriter
from coopwatch.store.schema import (
    event_amounts,
    event_entities,
    event_instruments,
    event_parties,
    event_sectors,
    events,
    evidence,
)


def step_rows(store: Store) -> dict[str, Any]:
    """Every row of the steps' tables, in an order of their own."""
    out: dict[str, Any] = {}
    with store.engine.connect() as db:
        skip = {"created_at", "id"}
        columns = [c for c in events.c if c.name not in skip] + [events.c.id]
        out["events"] = sorted(tuple(r) for r in db.execute(sa.select(*columns)))
        for table in (event_parties, event_sectors, event_instruments, event_entities, evidence):
            out[table.name] = sorted(tuple(r) for r in db.execute(sa.select(table)))
        kept = [c for c in event_amounts.c if c.name != "id"]
        out["event_amounts"] = sorted(tuple(r) for r in db.execute(sa.select(*kept)))
    return out


def test_appended_steps_hold_the_rows_of_a_rewrite(
    linked: list[Extraction],  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    appended: list[str] = []
    original = StepWriter._append_steps

    def spying(self: StepWriter, steps: dict[str, tuple[list[str], list[str]]]) -> None:
        appended.extend(steps)
        original(self, steps)

    monkeypatch.setattr(StepWriter, "_append_steps", spying)
    with Store.open(str(tmp_path / "appended.db")) as store:
        for start in range(0, len(linked), 4):
            store.ingest(linked[start : start + 4])
        assert len(appended) >= 5  # steps of several reports were appended to
        grown = step_rows(store)
        with store.engine.begin() as db:
            ids = list(db.scalars(sa.select(events.c.id)))
            StepWriter(db).refresh(ids)
        assert step_rows(store) == grown
