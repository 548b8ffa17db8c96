"""JSON Lines: one document per line, ``{"text": ..., "url", "title", "published", "lang"}``.

``text`` is required; the other fields are optional strings (``published`` an ISO date
or date-time); other fields are ignored. A line that is not such an object is yielded
as an InputError naming the file and the line, and reading goes on with the next line.
Blank lines are skipped. The source of a document is ``path#line``. ``lang`` is a
language code ("fr", "fr-FR"); one that coopwatch does not read is reported as a
warning and the language is detected from the text instead.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from coopwatch.errors import InputError
from coopwatch.model import Document
from coopwatch.readers._common import Item, open_binary, parse_date
from coopwatch.text import visible

log = logging.getLogger(__name__)

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
    except RecursionError as exc:  # "[[[[...": Python's parser recurses per level
        raise fail("JSON nested too deep") from exc
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
    for name in _OPTIONAL:
        if fields[name] and "\x00" in fields[name]:  # no database column can hold it
            raise fail(f"field '{name}' contains a NUL character")
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
        lang=_language(fields["lang"], source),
    )


def _language(value: str | None, source: str) -> str | None:
    """The language code of a ``lang`` field: "fr", "FR" and "fr-FR" are French. A
    language coopwatch does not read is reported and left out, so that the language
    is detected from the text, as for a document without the field: a mislabelled
    document is then still read, and one in another language comes out empty."""
    if not value or not value.strip():
        return None
    from coopwatch.lexicons import available_languages

    code = value.strip().lower().replace("_", "-").split("-")[0]
    known = available_languages()
    if code in known:
        return code
    log.warning(
        "warning %s: unknown language %s (coopwatch reads %s); detected from the text instead",
        visible(source),
        visible(repr(value[:40])),
        ", ".join(known),
    )
    return None
