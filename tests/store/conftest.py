"""Stores for the tests: a test that takes ``store`` runs on SQLite and on PostgreSQL.

PostgreSQL comes from ``COOPWATCH_TEST_PG`` (``scripts/postgres.sh`` prints one), else
the default URL below. Without a server the PostgreSQL cases are skipped, or fail when
``CI`` is set. Each PostgreSQL case gets a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from sqlalchemy.schema import CreateSchema, DropSchema

from coopwatch.store import Store

DEFAULT_PG = "postgresql+psycopg://coopwatch:coopwatch@127.0.0.1:5432/coopwatch_test"


@pytest.fixture(scope="session")
def pg_url() -> str:
    url = os.environ.get("COOPWATCH_TEST_PG") or DEFAULT_PG
    shown = sa.make_url(url).render_as_string(hide_password=True)
    try:
        engine = sa.create_engine(url, connect_args={"connect_timeout": 5})
        try:
            with engine.connect():
                pass
        finally:
            engine.dispose()
    except Exception as exc:
        cause = getattr(exc, "orig", None) or exc
        reason = (
            f"no PostgreSQL at {shown} ({str(cause).strip().splitlines()[0]}); "
            "run scripts/postgres.sh and export COOPWATCH_TEST_PG=<the URL it prints>"
        )
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('store') / 'coopwatch.db'}"
        return
    base: str = request.getfixturevalue("pg_url")
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = sa.create_engine(base)
    with admin.begin() as connection:
        connection.execute(CreateSchema(schema))
    url = sa.make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(DropSchema(schema, cascade=True))
        admin.dispose()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as opened:
        yield opened
