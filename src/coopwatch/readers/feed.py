"""RSS and Atom feeds, read with feedparser: one document per entry.

An entry's text is its full content if the feed carries it, else its summary, with
HTML tags stripped; its link is the URL and its source is ``path#n`` (n-th entry).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, BinaryIO

import feedparser

from coopwatch.errors import InputError
from coopwatch.model import Document
from coopwatch.readers._common import Item, read_bytes

log = logging.getLogger(__name__)

_BLOCKS = frozenset(
    {
        *("address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "section"),
        *("table", "td", "th", "tr", "ul"),
    }
)
_SKIPPED = frozenset({"script", "style", "template"})


def read(path: Path) -> Iterator[Item]:
    """Yield one document per entry; an entry without text is yielded as an error."""
    # Bytes, not the path: feedparser would take a path-like string for a URL to fetch.
    yield from _entries(read_bytes(path), str(path))


def parse(stream: BinaryIO, source: str) -> Iterator[Item]:
    """``read`` for bytes that come from elsewhere than a local file (a Spark job)."""
    yield from _entries(stream.read(), source)


def _entries(data: bytes, path: str) -> Iterator[Item]:
    feed = feedparser.parse(data, resolve_relative_uris=False)
    if feed.bozo:
        if not feed.entries:
            raise InputError(path, f"malformed feed ({feed.bozo_exception})")
        log.warning("%s: feed is not well-formed (%s)", path, feed.bozo_exception)
    elif not feed.entries and not feed.get("version"):  # absent on an empty input
        raise InputError(path, "not an RSS or Atom feed")
    for n, entry in enumerate(feed.entries, start=1):
        source = f"{path}#{n}"
        body = _entry_text(entry)
        title = _as_text(entry.get("title_detail"))
        if not body.strip() and not title.strip():
            yield InputError(source, f"feed entry {n} has neither title nor text")
            continue
        yield Document.create(
            body,
            source,
            url=entry.get("link") or None,
            title=title or None,
            published=_entry_date(entry),
        )


def _entry_text(entry: Any) -> str:
    parts = entry.get("content") or []
    detail = max(parts, key=lambda part: len(part.get("value", "")), default=None)
    return _as_text(detail or entry.get("summary_detail"))


def _as_text(detail: Any) -> str:
    """The text of a feedparser text construct, tags stripped if it is markup."""
    if not detail:
        return ""
    value: str = detail.get("value", "")
    return value if detail.get("type") == "text/plain" else strip_tags(value)


def _entry_date(entry: Any) -> date | None:
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def strip_tags(markup: str) -> str:
    """The text of an HTML fragment, block elements on lines of their own."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return "".join(collector.parts)
