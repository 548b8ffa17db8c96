"""The REST API and the web pages of coopwatch, one FastAPI application."""

from __future__ import annotations

from coopwatch.api.app import create_app

__all__ = ["create_app"]
