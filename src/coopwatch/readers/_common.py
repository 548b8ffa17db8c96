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


#: Languages and order of the dates that metadata writes in words or digits.
_DATEPARSER_LANGUAGES = ["fr", "en", "ar", "ru"]
_DATEPARSER_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True}


def parse_date(value: str) -> date:
    """A metadata date: ISO 8601 first, else a written date in one of the four languages
    ("4 décembre 2025", "04/12/2025", "Dec 4, 2025", "4 декабря 2025"), day before month.

    Raises ``ValueError`` when the string is no date.
    """
    try:
        return parse_iso_date(value)
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(
        value,
        languages=_DATEPARSER_LANGUAGES,
        settings=_DATEPARSER_SETTINGS,  # type: ignore[arg-type]
    )
    if parsed is None:
        raise ValueError(f"not a date: {value!r}")
    return parsed.date()


def parse_iso_date(value: str) -> date:
    """An ISO 8601 date or date-time (``Z`` or offset allowed) as a date.

    Raises ``ValueError`` when the string is neither.
    """
    value = value.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        return datetime.fromisoformat(value).date()


def optional_iso_date(value: str | None) -> date | None:
    """``parse_iso_date`` for metadata that may be missing or malformed: None then."""
    if not value:
        return None
    try:
        return parse_iso_date(value)
    except ValueError:
        return None
