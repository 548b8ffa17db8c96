"""The exceptions coopwatch raises.

CoopwatchError
├── InputError            an input cannot be read (names the file and the reason)
│   ├── UnsupportedFormat
│   └── DecodeError
├── LexiconError          a lexicon file does not match its schema
├── StoreError            the database cannot be opened, migrated or written
├── JobError              a Spark job cannot start (its output is in the way)
└── EvalError             an evaluation directory is incomplete or malformed
"""

from __future__ import annotations


class CoopwatchError(Exception):
    """Base of every error coopwatch raises on purpose."""


class InputError(CoopwatchError):
    """An input could not be read."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UnsupportedFormat(InputError):
    """The input's format is not one coopwatch reads."""


class DecodeError(InputError):
    """The input's bytes are not text in any encoding coopwatch recognises."""


class LexiconError(CoopwatchError):
    """A lexicon file is missing or malformed."""


class StoreError(CoopwatchError):
    """The database could not be used."""


class JobError(CoopwatchError):
    """A Spark job cannot run as asked."""


class EvalError(CoopwatchError):
    """An evaluation directory is incomplete or malformed."""
