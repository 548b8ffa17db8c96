"""What routes share: the store, bounded parameters, and the check of the key that writes."""

from __future__ import annotations

import hmac
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated

from fastapi import HTTPException, Path, Query, Request
from sqlalchemy.engine import Connection

from coopwatch.store import Store
from coopwatch.store.engine import write_transaction
from coopwatch.store.keys import verify_key

#: Bounds of every listing: a page size or an offset beyond them is refused (422).
MAX_LIMIT = 500
MAX_OFFSET = 100_000
MAX_QUERY = 200  # characters of a search

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size, 1 to {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
Country = Annotated[str, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166 alpha-2")]
EventId = Annotated[str, Path(pattern=r"^[0-9a-f]{1,32}$", description="event id")]
PairSlug = Annotated[str, Path(pattern=r"^[A-Za-z]{2}-[A-Za-z]{2}$", description="e.g. DZ-BY")]
SearchText = Annotated[
    str, Query(min_length=1, max_length=MAX_QUERY, description="words the document contains")
]
ENV_KEY_NAME = "COOPWATCH_API_KEY"


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


@contextmanager
def reading(request: Request) -> Iterator[Connection]:
    """A connection for reads, opened and closed in the thread that uses it."""
    with store_of(request).engine.connect() as connection:
        yield connection


@contextmanager
def writing(request: Request) -> Iterator[Connection]:
    with write_transaction(store_of(request).engine) as connection:
        yield connection


def pair_codes(slug: str) -> tuple[str, str]:
    a, b = slug.upper().split("-")
    if a == b:
        raise HTTPException(422, f"a pair needs two different countries, not {slug!r}")
    return a, b


@dataclass(frozen=True, slots=True)
class Writer:
    """Who may write: the name of the key they showed."""

    key_name: str


_BEARER = re.compile(r"Bearer\s+(\S+)", re.IGNORECASE)


def presented_key(request: Request) -> str | None:
    """The key of ``Authorization: Bearer KEY`` or of ``X-API-Key: KEY``."""
    if match := _BEARER.fullmatch(request.headers.get("authorization", "").strip()):
        return match.group(1)
    return request.headers.get("x-api-key") or None


def check_key(request: Request, secret: str | None) -> Writer:
    """The writer this secret belongs to; 401 if it is missing or not a valid key."""
    if secret:
        env_key: str | None = request.app.state.api_key
        if env_key and hmac.compare_digest(secret.encode(), env_key.encode()):
            return Writer(ENV_KEY_NAME)
        with writing(request) as db:
            key = verify_key(db, secret)
        if key is not None:
            return Writer(key.name)
    raise HTTPException(
        401,
        "writing needs a valid API key (Authorization: Bearer KEY or X-API-Key: KEY)",
        headers={"WWW-Authenticate": "Bearer"},
    )


def require_writer(request: Request) -> Writer:
    """Dependency of every write route."""
    return check_key(request, presented_key(request))
