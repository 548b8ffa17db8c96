"""JSON Lines: one document per line, ``{"text": ..., "url", "title", "published", "lang"}``.

``text`` is required; the other fields are optional strings (``published`` an ISO date
or date-time); other fields are ignored. A line that is not such an object is yielded
as an InputError naming the file and the line, and reading goes on with the next line.
Blank lines are skipped. The source of a document is ``path#line``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from coopwatch.errors import InputError
from coopwatch.model import Document
from coopwatch.readers._common import Item, open_binary, parse_date

_OPTIONAL = ("url", "title", "published", "lang")


def read(path: Path) -> Iterator[Item]:
    """Yield one document, or one error, per non-blank line."""
    with open_binary(path) as stream:
        yield from parse(stream, str(path))


def parse(stream: BinaryIO, source: str) -> Iterator[Item]:
    """``read`` over an open binary stream whose items are named ``source#line``."""
    for lineno, raw in enumerate(stream, start=1):
        if lineno == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        try:
            yield _document(raw, f"{source}#{lineno}", lineno)
        except InputError as err:
            yield err


def _document(raw: bytes, source: str, lineno: int) -> Document:
    def fail(reason: str) -> InputError:
        return InputError(source, f"line {lineno}: {reason}")

    try:
        obj: Any = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise fail("not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise fail(f"invalid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(obj, dict):
        raise fail(f"expected a JSON object, got {type(obj).__name__}")
    if "text" not in obj:
        raise fail("missing required field 'text'")
    fields: dict[str, Any] = {"text": obj["text"]} | {k: obj.get(k) for k in _OPTIONAL}
    for name, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise fail(f"field '{name}' must be a string, got {type(value).__name__}")
    if fields["text"] is None:
        raise fail("field 'text' must be a string, got null")
    published: date | None = None
    if fields["published"]:
        try:
            published = parse_date(fields["published"])
        except ValueError as exc:
            raise fail(f"field 'published' is not a date: {fields['published']!r}") from exc
    return Document.create(
        fields["text"],
        source,
        url=fields["url"] or None,
        title=fields["title"] or None,
        published=published,
        lang=fields["lang"] or None,
    )
