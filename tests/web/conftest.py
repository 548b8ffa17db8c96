"""An app over a fresh SQLite store holding the web corpus, for each test that asks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from coopwatch import Extraction
from coopwatch.api import create_app
from coopwatch.store import Store

from .corpus import fill

ENV_KEY = "test-env-key-0123456789"


@pytest.fixture
def web_store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(str(tmp_path / "web.db")) as store:
        yield store


@pytest.fixture
def corpus(web_store: Store) -> dict[str, Extraction]:
    return fill(web_store)


@pytest.fixture
def client(web_store: Store, corpus: dict[str, Extraction]) -> Iterator[TestClient]:
    with TestClient(create_app(web_store, api_key=ENV_KEY)) as test_client:
        yield test_client
