"""WARC archives: HTML responses become documents, other records are skipped."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from coopwatch.errors import InputError
from coopwatch.model import Document
from coopwatch.readers import warc

ARTICLE = (Path(__file__).parent / "data" / "article.html").read_bytes()
UNDATED = b"""<html><head><title>Rail</title></head><body><article>
<p>NEW DELHI - India and Japan agreed on Tuesday to extend their cooperation on high-speed
rail to signalling systems and the training of maintenance engineers for the corridor.</p>
</article></body></html>"""


def response(writer: WARCWriter, uri: str, body: bytes, ctype: str, status: str = "200 OK"):
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    return writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        length=len(body),  # known length: warcio needs no temporary file
        http_headers=http,
        warc_headers_dict={"WARC-Date": "2025-03-20T12:00:00Z"},
    )


def write_archive(path: Path, *, gzip: bool) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        request = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "x")], is_http_request=True)
        writer.write_record(
            writer.create_warc_record(
                "https://news.example/a",
                "request",
                payload=io.BytesIO(b""),
                length=0,
                http_headers=request,
            )
        )
        records = [
            response(writer, "https://news.example/a", ARTICLE, "text/html; charset=utf-8"),
            response(writer, "https://news.example/logo.png", b"\x89PNG\x00", "image/png"),
            response(writer, "https://news.example/b", UNDATED, "text/html"),
            response(
                writer,
                "https://news.example/gone",
                b"<html>gone</html>",
                "text/html",
                "404 Not Found",
            ),
            response(
                writer, "https://news.example/empty", b"<html><body></body></html>", "text/html"
            ),
        ]
        for record in records:
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_documents(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_archive(path, gzip=name.endswith(".gz"))
    dated, undated, empty = warc.read(path)
    assert isinstance(dated, Document) and isinstance(undated, Document)
    assert dated.source == f"{path}#3"
    assert dated.url == "https://news.example/a"
    assert dated.published == date(2025, 3, 14)
    assert dated.title == "Tracteurs : un accord industriel signé à Constantine"
    assert "Abonnez-vous" not in dated.text
    assert undated.source == f"{path}#5"
    assert undated.published == date(2025, 3, 20)
    assert "signalling systems" in undated.text
    assert isinstance(empty, InputError)
    assert empty.source == f"{path}#7" and "no main text" in empty.reason


def test_not_an_archive_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "page.warc"
    path.write_bytes(b"<html><body>hello</body></html>\n")
    with pytest.raises(InputError, match="malformed WARC archive") as caught:
        list(warc.read(path))
    assert caught.value.source == str(path)


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_truncated_archive_keeps_the_records_before_the_cut(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_archive(path, gzip=name.endswith(".gz"))
    data = path.read_bytes()
    path.write_bytes(data[:-20])  # inside the last record, an HTML page
    items = list(warc.read(path))
    assert isinstance(items[0], Document) and items[0].url == "https://news.example/a"
    assert isinstance(items[-1], InputError) and "truncated" in items[-1].reason


def test_older_arc_format_is_not_taken_for_warc(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_bytes(b"five words on a line\n\nmore text\n")
    with pytest.raises(InputError, match="not a WARC archive"):
        list(warc.read(path))
