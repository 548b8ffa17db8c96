"""WARC archives (``.warc``, ``.warc.gz``), the format of news crawls, read with warcio.

Every successful (2xx) ``response`` record with an HTML content type becomes a
document through the HTML reader's ``extract``; other records are skipped. The URL is
the record's WARC-Target-URI; the date is the page's, else the WARC-Date. The source
is ``path#n``, n the record's position in the archive (1-based, counting all records).
A page with no main text, or a record cut short, is yielded as an error and reading
goes on; an archive that cannot be parsed stops being read where the damage is, and a
gzipped archive cut short is reported (yielded) after its readable records.
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

_CUT = "record is truncated (archive cut short?)"
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def read(path: Path) -> Iterator[Item]:
    """Yield one document (or error) per HTML response record."""
    with open_binary(path) as stream:
        yield from parse(stream, str(path))


def parse(stream: BinaryIO, source: str) -> Iterator[Item]:
    """``read`` over an open binary stream (gzipped or not) whose records are ``source#n``.

    When the stream can be read again (a file, bytes in memory), a gzipped archive cut
    short is reported after its readable records."""
    cut = False  # a record was reported cut short
    try:
        for n, record in enumerate(ArchiveIterator(stream), start=1):
            if record.format != "warc":  # warcio also takes the older ARC format
                raise InputError(source, f"not a WARC archive (record {n} is not WARC/1.x)")
            if _is_html_page(record):
                item = _page(record, f"{source}#{n}")
                cut = cut or (isinstance(item, InputError) and item.reason == _CUT)
                yield item
    except InputError:
        raise
    except (ArchiveLoadFailed, zlib.error, EOFError, OSError) as exc:
        raise InputError(source, f"malformed WARC archive ({exc})") from exc
    except (AttributeError, ValueError, KeyError, IndexError, TypeError) as exc:
        # warcio trips on some malformed headers (a response without a target URI)
        reason = f"{type(exc).__name__}: {exc}"
        raise InputError(source, f"malformed WARC archive ({reason})") from exc
    if not cut and stream.seekable() and not _gzip_complete(stream):
        yield InputError(
            source, "gzipped WARC archive truncated (its compressed data stops mid-record)"
        )


_CHUNK = 1 << 20


def _gzip_complete(stream: BinaryIO) -> bool:
    """Whether a gzipped stream ends where its last gzip member ends (True for one that
    is not gzipped). warcio reads a cut-short archive as if it ended there; this second
    pass, one decompression of the data, tells the two apart."""
    stream.seek(0)
    chunk = stream.read(_CHUNK)
    if not chunk.startswith(b"\x1f\x8b"):
        return True
    member = zlib.decompressobj(16 + zlib.MAX_WBITS)
    while chunk:
        try:
            member.decompress(chunk)
        except zlib.error:
            return False
        while member.eof and member.unused_data:  # the next member starts here
            rest = member.unused_data
            member = zlib.decompressobj(16 + zlib.MAX_WBITS)
            try:
                member.decompress(rest)
            except zlib.error:
                return False
        chunk = stream.read(_CHUNK)
    return member.eof


def _is_html_page(record: Any) -> bool:
    http = record.http_headers
    if record.rec_type != "response" or http is None:
        return False
    content_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return content_type in _HTML_TYPES and http.get_statuscode().startswith("2")


def _page(record: Any, source: str) -> Item:
    payload = record.content_stream().read()
    if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than its Content-Length
        return InputError(source, _CUT)
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
