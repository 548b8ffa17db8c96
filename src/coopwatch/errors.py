"""The exceptions coopwatch raises.

CoopwatchError
├── InputError            an input cannot be read (names the file and the reason)
│   ├── UnsupportedFormat
│   └── DecodeError
├── DocumentError         one document cannot be analysed in a batch run
│   ├── DocumentTooLarge  it is longer than the size limit (Settings.max_chars)
│   └── TimeBudgetExceeded  its analysis took longer than Settings.time_budget
├── LexiconError          a lexicon file does not match its schema
├── StoreError            the database cannot be opened, migrated or written
│   ├── NotFoundError     no such event, commitment, entity, document, correction or key
│   └── CorrectionError   a correction or an undo that cannot be applied (says why)
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


class DocumentError(CoopwatchError):
    """A document that a batch run reports as failed and goes on without."""


class DocumentTooLarge(DocumentError):
    """The document is longer than the size limit."""


class TimeBudgetExceeded(DocumentError):
    """The document's analysis ran past its time budget."""


class LexiconError(CoopwatchError):
    """A lexicon file is missing or malformed."""


class StoreError(CoopwatchError):
    """The database could not be used."""


class NotFoundError(StoreError):
    """The store has nothing under the id asked for."""


class CorrectionError(StoreError):
    """A human correction, an undo or an API key operation that cannot be applied."""


class JobError(CoopwatchError):
    """A Spark job cannot run as asked."""


class EvalError(CoopwatchError):
    """An evaluation directory is incomplete or malformed."""
