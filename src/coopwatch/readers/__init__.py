"""Readers: turn input files into ``Document``s, one module per format.

Every reader is a generator ``read(path: Path) -> Iterator[Document | InputError]``
(``Item``). The protocol for errors is the same in all of them:

- A reader **raises** an ``InputError`` (it names the file and the reason) when it
  cannot go on with the file: it cannot be opened, it is binary, it is not a feed,
  the page has no text, the archive is damaged. Items yielded before still stand.
- A reader **yields** an ``InputError`` for one item of a container (a JSON Lines
  line, a feed entry, a WARC record) that it skips, and goes on with the next item.
  Such an error's ``source`` is that of the item (``path#n``).

``iter_inputs`` turns the raised errors into yielded ones, so its caller gets one
stream of documents and errors, in input order, and one bad file never stops the
rest. A caller stores the documents and reports the errors. ``parse_bytes`` does the
same for the bytes of one file that came from elsewhere (a Spark job reading any
Hadoop-compatible URI): every reader has a ``parse(stream, source)`` that its
``read(path)`` calls, so both paths run the same code.

Formats are chosen by extension (``SUPPORTED_SUFFIXES``) and, for other files, by
sniffing their first bytes.
"""

from __future__ import annotations

import io
import json
import logging
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from coopwatch.errors import InputError, UnsupportedFormat
from coopwatch.model import Document
from coopwatch.readers import feed, html, jsonl, text, warc
from coopwatch.readers._common import Item, open_binary, os_reason

__all__ = ["SUPPORTED_SUFFIXES", "Item", "detect_format", "iter_inputs", "parse_bytes", "read"]

log = logging.getLogger(__name__)

Reader = Callable[[Path], Iterator[Item]]

READERS: dict[str, Reader] = {
    "text": text.read,
    "html": html.read,
    "feed": feed.read,
    "jsonl": jsonl.read,
    "warc": warc.read,
}
PARSERS: dict[str, Callable[[BinaryIO, str], Iterator[Item]]] = {
    "text": text.parse,
    "html": html.parse,
    "feed": feed.parse,
    "jsonl": jsonl.parse,
    "warc": warc.parse,
}
_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".warc.gz": "warc",
}
#: File name endings read without sniffing, each mapped to one reader.
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_BY_SUFFIX)

_SNIFF_BYTES = 4096
_FEED_TAG = re.compile(rb"<(rss|feed|rdf:rdf)[\s>]")
_HTML_TAG = re.compile(rb"<(!doctype\s+html|html|head|body|article|div|p|meta)[\s>/]")


def iter_inputs(paths: Sequence[str | Path]) -> Iterator[Document | InputError]:
    """Documents and errors from files and directories, in the order given.

    A directory is read recursively, entries sorted by name, hidden ones (``.name``)
    skipped, and so are files named ``README`` or ``README.*``: they describe the
    directory, they are not its inputs (name one explicitly to read it).
    """
    if isinstance(paths, str | Path):  # one path, not a sequence of characters
        paths = [paths]
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _read_all(_walk(path, set()))
        elif path.exists():
            yield from _read_all([path])
        else:
            yield InputError(str(given), "no such file or directory")


def read(path: Path) -> Iterator[Item]:
    """The items of one file, by the reader its format calls for (errors raised)."""
    return READERS[detect_format(path)](path)


def detect_format(path: Path) -> str:
    """The reader's name for ``path``: by extension, else by its first bytes."""
    fmt = _by_suffix(path.name)
    if fmt is None:
        with open_binary(path) as stream:
            fmt = _sniff(stream.read(_SNIFF_BYTES), str(path))
    return fmt


def parse_bytes(data: bytes, source: str) -> Iterator[Item]:
    """The documents and errors of one file's bytes, ``source`` its name (path or URI).

    As ``iter_inputs`` for one file: the format comes from the name's extension, else
    from the first bytes, and an error that stops the file is yielded, not raised.
    """
    try:
        fmt = _by_suffix(source.rsplit("/", 1)[-1]) or _sniff(data[:_SNIFF_BYTES], source)
        yield from PARSERS[fmt](io.BytesIO(data), source)
    except InputError as err:
        yield err
    except Exception as exc:  # a library failing on one file must not stop the run
        log.exception("unexpected error reading %s", source)
        yield InputError(source, f"unexpected error: {type(exc).__name__}: {exc}")


def _by_suffix(name: str) -> str | None:
    name = name.lower()
    for suffix, fmt in _BY_SUFFIX.items():
        if name.endswith(suffix):
            return fmt
    return None


def _read_all(files: Iterable[Path | InputError]) -> Iterator[Item]:
    for file in files:
        if isinstance(file, InputError):
            yield file
            continue
        try:
            yield from read(file)
        except InputError as err:
            yield err
        except Exception as exc:  # a library failing on one file must not stop the run
            log.exception("unexpected error reading %s", file)
            yield InputError(str(file), f"unexpected error: {type(exc).__name__}: {exc}")


def _walk(directory: Path, seen: set[Path]) -> Iterator[Path | InputError]:
    real = directory.resolve()
    if real in seen:  # a symbolic link back up the tree
        return
    seen.add(real)
    try:
        children = sorted(directory.iterdir(), key=lambda child: child.name)
    except OSError as exc:
        yield InputError(str(directory), os_reason(exc))
        return
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child, seen)
        elif child.is_file() and child.name.split(".")[0].upper() != "README":
            yield child


def _sniff(head: bytes, path: str) -> str:
    if head.startswith(b"\x1f\x8b"):
        try:
            inflated = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)
        except zlib.error as exc:
            raise UnsupportedFormat(path, f"damaged gzip file ({exc})") from exc
        if inflated.startswith(b"WARC/"):
            return "warc"
        raise UnsupportedFormat(path, "gzip file that is not a WARC archive")
    if head.startswith(b"WARC/"):
        return "warc"
    if text.is_binary(head) and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedFormat(
            path, f"binary file of unknown format (readable: {', '.join(SUPPORTED_SUFFIXES)})"
        )
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if start.startswith(b"<"):
        if _FEED_TAG.search(start):
            return "feed"
        if _HTML_TAG.search(start):
            return "html"
    if start.startswith(b"{") and _is_json_object(start):
        return "jsonl"
    return "text"


def _is_json_object(head: bytes) -> bool:
    line, newline, _ = head.partition(b"\n")
    if not newline:  # the first line goes on past the sniffed bytes
        return True
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
