"""WARC archives (``.warc``, ``.warc.gz``), the format of news crawls, read with warcio.

Every successful (2xx) ``response`` record with an HTML content type becomes a
document through the HTML reader's ``extract``; other records are skipped. The URL is
the record's WARC-Target-URI; the date is the page's, else the WARC-Date. The source
is ``path#n``, n the record's position in the archive (1-based, counting all records).
A page with no main text, or a record cut short, is yielded as an error and reading
goes on; an archive that cannot be parsed stops being read where the damage is.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from coopwatch.errors import InputError
from coopwatch.readers import html
from coopwatch.readers._common import Item, open_binary, optional_iso_date

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def read(path: Path) -> Iterator[Item]:
    """Yield one document (or error) per HTML response record."""
    with open_binary(path) as stream:
        yield from parse(stream, str(path))


def parse(stream: BinaryIO, source: str) -> Iterator[Item]:
    """``read`` over an open binary stream (gzipped or not) whose records are ``source#n``."""
    try:
        for n, record in enumerate(ArchiveIterator(stream), start=1):
            if record.format != "warc":  # warcio also takes the older ARC format
                raise InputError(source, f"not a WARC archive (record {n} is not WARC/1.x)")
            if _is_html_page(record):
                yield _page(record, f"{source}#{n}")
    except (ArchiveLoadFailed, zlib.error, EOFError, OSError) as exc:
        raise InputError(source, f"malformed WARC archive ({exc})") from exc


def _is_html_page(record: Any) -> bool:
    http = record.http_headers
    if record.rec_type != "response" or http is None:
        return False
    content_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return content_type in _HTML_TYPES and http.get_statuscode().startswith("2")


def _page(record: Any, source: str) -> Item:
    payload = record.content_stream().read()
    if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than its Content-Length
        return InputError(source, "record is truncated (archive cut short?)")
    try:
        return html.extract(
            payload,
            source,
            url=record.rec_headers.get_header("WARC-Target-URI"),
            charset=_charset(record.http_headers.get_header("Content-Type") or ""),
            published=optional_iso_date(record.rec_headers.get_header("WARC-Date")),
        )
    except InputError as err:
        return err


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None
