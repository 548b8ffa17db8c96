"""Every reader, on any bytes: documents and errors come out, no exception escapes.

Each reader is tried on arbitrary bytes and on inputs that look like its format (JSON
values nested and odd, markup fragments, WARC headers with arbitrary payloads), read
directly (where it may raise only an ``InputError``) and through ``iter_inputs``.
"""

from __future__ import annotations

import gzip
import json
import tempfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopwatch.errors import InputError
from coopwatch.model import Document
from coopwatch.readers import feed, html, iter_inputs, jsonl, text, warc

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
_fields = st.fixed_dictionaries(
    {},
    optional={
        "text": st.text(max_size=200) | _json,
        "url": st.text(max_size=30) | _json,
        "title": st.text(max_size=30) | _json,
        "published": st.sampled_from(["2025-12-04", "4 décembre 2025", "x", ""]) | _json,
        "lang": st.sampled_from(["fr", "en-GB", "xx", "", "a" * 40]) | _json,
    },
)
_jsonl_line = st.one_of(
    _fields.map(json.dumps),
    _json.map(json.dumps),
    st.text(max_size=40),
    st.integers(1, 3000).map(lambda depth: "[" * depth + "]" * depth),
)
_markup = st.lists(
    st.sampled_from(
        [
            "<html>",
            "<head>",
            "<title>",
            "</title>",
            "<body>",
            "<article>",
            "<p>",
            "</p>",
            "<script>",
            "<rss>",
            "<channel>",
            "<item>",
            "<description>",
            "<feed>",
            "<entry>",
            "<![CDATA[",
            "]]>",
            "<!DOCTYPE x [<!ENTITY a 'b'>]>",
            "&a;",
            "&amp;",
            "<meta charset='cp1251'>",
            "<pubDate>",
            "</item>",
        ]
    )
    | st.text(max_size=30),
    max_size=30,
).map("".join)


def _check(reader: Callable[[Path], object], suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            items = list(reader(path))  # type: ignore[call-overload]
        except InputError as err:  # a reader may give up on a file, naming it
            assert err.source == str(path)
            items = []
        for item in items:
            assert isinstance(item, Document | InputError)
            if isinstance(item, Document):
                item.text.encode("utf-8")  # no lone surrogate
        for item in iter_inputs([path]):
            assert isinstance(item, Document | InputError)


@SETTINGS
@given(data=st.binary(max_size=2000))
def test_any_bytes_under_any_name(data: bytes) -> None:
    for reader, suffix in (
        (text.read, ".txt"),
        (html.read, ".html"),
        (feed.read, ".rss"),
        (jsonl.read, ".jsonl"),
        (warc.read, ".warc"),
        (warc.read, ".warc.gz"),
    ):
        _check(reader, suffix, data)
    _check(lambda path: iter_inputs([path]), ".unknown", data)


@SETTINGS
@given(data=st.text(max_size=500), encoding=st.sampled_from(["utf-8", "utf-16", "cp1251"]))
def test_any_text_as_plain_text(data: str, encoding: str) -> None:
    _check(text.read, ".txt", data.encode(encoding, "replace"))


@SETTINGS
@given(lines=st.lists(_jsonl_line, max_size=6))
def test_json_lines_of_any_shape(lines: list[str]) -> None:
    _check(jsonl.read, ".jsonl", "\n".join(lines).encode("utf-8", "surrogatepass"))


@SETTINGS
@given(page=_markup)
def test_markup_as_a_page_and_as_a_feed(page: str) -> None:
    data = page.encode("utf-8", "surrogatepass")
    _check(html.read, ".html", data)
    _check(feed.read, ".rss", data)


@SETTINGS
@given(
    payload=st.binary(max_size=300),
    length=st.integers(0, 400),
    compress=st.booleans(),
    cut=st.integers(0, 600),
)
def test_warc_records_of_any_payload_and_length(
    payload: bytes, length: int, compress: bool, cut: int
) -> None:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + payload
    record = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/\r\n"
        + b"Content-Type: application/http; msgtype=response\r\n"
        + f"Content-Length: {length}\r\n\r\n".encode()
        + http
        + b"\r\n\r\n"
    )
    data = gzip.compress(record) if compress else record
    _check(warc.read, ".warc.gz" if compress else ".warc", data[: max(cut, 1)])
