from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from coopwatch.errors import StoreError
from coopwatch.store import Store, migrate
from coopwatch.store.schema import in_metadata, metadata


def test_opening_migrates_to_head_once(store_url: str) -> None:
    with Store.open(store_url) as store, store.engine.connect() as connection:
        assert migrate.current(connection) == migrate.head()
    with Store.open(store_url) as store:  # at head already: nothing to do
        store.migrate()
        assert store.documents_count() == 0


def test_migrations_build_the_schema_queries_use(store: Store) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": in_metadata})
        assert compare_metadata(context, metadata) == []


def test_a_schema_newer_than_the_code_is_refused(store_url: str) -> None:
    with Store.open(store_url) as store, store.engine.begin() as connection:
        version = sa.table("alembic_version", sa.column("version_num"))
        connection.execute(sa.update(version).values(version_num="9999"))
    with pytest.raises(StoreError, match=r"'9999'.*upgrade coopwatch"):
        Store.open(store_url)


def test_a_plain_path_is_an_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "register.db"
    with Store.open(str(path)) as store:
        assert store.url == f"sqlite:///{path}"
    assert path.exists()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://u:secret@localhost/db", "unsupported database 'mysql'"),
        ("sqlite:////nonexistent/dir/x.db", "cannot open sqlite:////nonexistent/dir/x.db"),
        ("postgresql+psycopg://u:secret@127.0.0.1:1/db", r"cannot open .*u:\*\*\*@127.0.0.1:1"),
    ],
)
def test_unusable_databases_raise_store_errors(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as caught:
        Store.open(url)
    assert "secret" not in str(caught.value)
