"""What the readers share: the item type, opening files, parsing dates."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, TypeAlias

from coopwatch.errors import InputError
from coopwatch.model import Document

#: What a reader yields: a document, or the error of one item it skipped.
Item: TypeAlias = Document | InputError


def os_reason(exc: OSError) -> str:
    """The reason an OS error gives, in the words a user expects."""
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), os_reason(exc)) from exc


def open_binary(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as exc:
        raise InputError(str(path), os_reason(exc)) from exc


def parse_iso_date(value: str) -> date:
    """An ISO 8601 date or date-time (``Z`` or offset allowed) as a date.

    Raises ``ValueError`` when the string is neither.
    """
    value = value.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        return datetime.fromisoformat(value).date()
