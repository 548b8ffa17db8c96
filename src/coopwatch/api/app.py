"""The application: API routers, web pages, static files, docs, errors and headers."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from coopwatch import __version__
from coopwatch.api import errors, security
from coopwatch.api.routers import (
    commitments,
    corrections,
    documents,
    entities,
    events,
    links,
    pairs,
)
from coopwatch.store import Store

STATIC = Path(__file__).parent.parent / "web" / "static"


def swagger_assets() -> Path | None:
    """Swagger UI's files from the swagger-ui-bundle package, if it is installed."""
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:
        return None
    path = Path(str(swagger_ui_path))
    return path if (path / "swagger-ui-bundle.js").is_file() else None


def create_app(store: Store | str, *, api_key: str | None = None) -> FastAPI:
    """The app over a store (or a database URL, opened and migrated now).

    ``api_key`` is a key that may write besides those stored in the database.
    """
    from coopwatch.web import pages

    app = FastAPI(
        title="coopwatch",
        version=__version__,
        description="The register of cooperation events between countries: events with "
        "their evidence, country pairs, commitments, entities, documents, and human "
        "corrections with their audit trail. Writing needs an API key.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.store = store if isinstance(store, Store) else Store.open(store)
    app.state.api_key = api_key or None
    errors.install(app)
    security.install(app)
    for module in (links, events, corrections, pairs, commitments, entities, documents):
        app.include_router(module.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    if (assets := swagger_assets()) is not None:
        app.mount("/swagger", StaticFiles(directory=assets), name="swagger")
    return app
