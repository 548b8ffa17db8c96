"""Concurrent ingests store exactly what one serial ingest stores, on SQLite and on
PostgreSQL; an ingest killed with SIGKILL and run again stores what an uninterrupted
one does.

The ingests are real ``coopwatch ingest`` processes over a corpus whose documents share
persons, organisations and events, each process given its own share of the documents
(so that they write the same entities at the same time) or all of them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.schema import CreateSchema, DropSchema

from coopwatch.store import Store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "tests" / "corpus" / "fr_en" / "texts").glob("*.txt"))[:24]
#: Enough documents that an ingest is still running a second after it opened its store.
LARGE = sorted((ROOT / "tests" / "corpus").glob("*/texts/*.txt"))
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def _ingest(url: str, files: list[Path]) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "coopwatch", "ingest", "--db", url, *map(str, files)]
    return subprocess.Popen(command, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _finish(process: subprocess.Popen[bytes]) -> None:
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, (out + err).decode()


def _contents(url: str) -> dict[str, object]:
    """What a store holds, in terms that do not depend on the order of writing."""
    with Store.open(url) as store, store.engine.connect() as db:

        def rows(query: str) -> list[tuple[object, ...]]:
            # Values as text: SQLite returns dates as strings, PostgreSQL as dates.
            found = db.execute(sa.text(query))
            return sorted(tuple("" if v is None else str(v) for v in r) for r in found)

        return {
            "documents": rows("SELECT id, source FROM documents"),
            "extractions": rows("SELECT document_id, json FROM extractions"),
            "events": rows("SELECT id, type, date, cameo FROM events"),
            "event_sources": rows("SELECT event_id, document_id FROM event_sources"),
            "event_parties": rows("SELECT event_id, country FROM event_parties"),
            "evidence": rows("SELECT event_id, document_id, field, span_start FROM evidence"),
            "amounts": rows("SELECT event_id, value, currency FROM event_amounts"),
            "entities": rows("SELECT kind, coalesce(country, '') FROM entities"),
            "aliases": rows("SELECT key FROM entity_aliases"),
            "event_entities": rows(
                "SELECT ee.event_id, e.kind, ee.role FROM event_entities ee "
                "JOIN entities e ON e.id = ee.entity_id"
            ),
        }


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    """A factory of empty databases of one kind."""
    schemas: list[str] = []
    admin: sa.Engine | None = None
    if request.param == "postgresql":
        base = request.getfixturevalue("pg_url")
        admin = sa.create_engine(base)

    def make() -> str:
        if admin is None:
            return f"sqlite:///{tmp_path / f'{uuid.uuid4().hex[:8]}.db'}"
        schema = f"test_{uuid.uuid4().hex[:16]}"
        with admin.begin() as connection:
            connection.execute(CreateSchema(schema))
        schemas.append(schema)
        url = admin.url.update_query_dict({"options": f"-csearch_path={schema}"})
        with Store.open(url.render_as_string(hide_password=False)):
            pass  # migrated before the writers race to do it
        return url.render_as_string(hide_password=False)

    yield make
    if admin is not None:
        with admin.begin() as connection:
            for schema in schemas:
                connection.execute(DropSchema(schema, cascade=True))
        admin.dispose()


@pytest.fixture(scope="module")
def serial(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    url = f"sqlite:///{tmp_path_factory.mktemp('serial') / 'serial.db'}"
    _finish(_ingest(url, CORPUS))
    return _contents(url)


def _concurrent(url: str, shares: list[list[Path]]) -> dict[str, object]:
    processes = [_ingest(url, files) for files in shares]
    for process in processes:
        _finish(process)
    return _contents(url)


def _compare(found: dict[str, object], serial: dict[str, object]) -> None:
    for table in ("documents", "extractions", "events", "event_sources", "event_parties"):
        assert found[table] == serial[table], table
    for table in ("evidence", "amounts"):
        assert found[table] == serial[table], table


def _compare_entities(found: dict[str, object], serial: dict[str, object]) -> None:
    for table in ("entities", "aliases", "event_entities"):
        assert found[table] == serial[table], table


@pytest.mark.parametrize("writers", [2, 4])
def test_concurrent_ingests_of_shares_store_the_serial_result(
    request: pytest.FixtureRequest, fresh_url: object, serial: dict[str, object], writers: int
) -> None:
    url = fresh_url()  # type: ignore[operator]
    found = _concurrent(url, [CORPUS[k::writers] for k in range(writers)])
    _compare(found, serial)
    if "sqlite" in request.node.name:  # PostgreSQL: test_two_open_writers_... below
        _compare_entities(found, serial)


@pytest.mark.parametrize("writers", [2, 4])
def test_concurrent_ingests_of_the_same_documents_store_them_once(
    fresh_url: object, serial: dict[str, object], writers: int
) -> None:
    url = fresh_url()  # type: ignore[operator]
    found = _concurrent(url, [CORPUS] * writers)
    _compare(found, serial)
    _compare_entities(found, serial)


@pytest.mark.postgres
def test_two_open_writers_on_postgresql_create_a_shared_person_once(pg_url: str) -> None:
    """The race of concurrent ingests made certain: two transactions each store a
    document naming the same minister, the second before the first commits. On SQLite
    the second writer waits for the first (BEGIN IMMEDIATE), so this is PostgreSQL's."""
    from coopwatch.store.engine import write_transaction
    from coopwatch.store.ingest import ingest

    from .samples import dz_by, plain

    first = dz_by()
    second = plain("Yahia Bachir a reçu une délégation turque.", source="b.txt")
    second.events[0].persons = list(first.events[0].persons)
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = sa.create_engine(pg_url)
    with admin.begin() as connection:
        connection.execute(CreateSchema(schema))
    url = admin.url.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        with Store.open(url.render_as_string(hide_password=False)) as store:
            errors: list[BaseException] = []

            def other_writer() -> None:
                try:
                    with write_transaction(store.engine) as db:
                        ingest(db, [second])
                except BaseException as exc:  # reported by the main thread
                    errors.append(exc)

            with write_transaction(store.engine) as db:
                ingest(db, [first])
                thread = threading.Thread(target=other_writer)
                thread.start()
                thread.join(timeout=1.0)  # done, or waiting on our rows: we commit now
            thread.join(timeout=60)
            assert not errors, errors
            with store.engine.connect() as db:
                names = db.execute(
                    sa.text("SELECT name FROM entities WHERE kind = 'person'")
                ).scalars()
                assert sorted(names) == ["Yahia Bachir"]
    finally:
        with admin.begin() as connection:
            connection.execute(DropSchema(schema, cascade=True))
        admin.dispose()


def test_an_ingest_killed_mid_way_and_run_again_stores_the_uninterrupted_result(
    tmp_path: Path,
) -> None:
    whole = f"sqlite:///{tmp_path / 'whole.db'}"
    _finish(_ingest(whole, LARGE))
    serial = _contents(whole)
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    process = _ingest(url, LARGE)
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if (tmp_path / "killed.db").exists():  # opened: the documents are being read
            break
        time.sleep(0.02)
    time.sleep(1.0)  # mid-way through the extraction and its write transaction
    was_running = process.poll() is None
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert was_running, "the ingest ended before it could be killed"
    _finish(_ingest(url, LARGE))
    assert _contents(url) == serial
