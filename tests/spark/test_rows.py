"""What the Spark job does to one file, without Spark: spark/rows.py."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from warcio.warcwriter import WARCWriter

from coopwatch import extract
from coopwatch.readers import iter_inputs
from coopwatch.spark.rows import Located, file_records, local_name

from .warc_pages import ROOT, warc_corpus

TEXTS = ROOT / "tests" / "corpus" / "fr_en" / "texts"


def test_local_names_and_locations() -> None:
    assert local_name("file:/data/a.warc.gz") == "/data/a.warc.gz"
    assert local_name("file:///data/a.warc.gz") == "/data/a.warc.gz"
    assert local_name("s3a://bucket/a.warc.gz") == "s3a://bucket/a.warc.gz"
    assert Located.parse("/data/a.warc.gz#12") == Located("/data/a.warc.gz", 12)
    assert Located.parse("/data/a#b.txt") == Located("/data/a#b.txt", None)


def test_a_warc_file_gives_the_rows_of_its_pages(tmp_path: Path) -> None:
    texts = warc_corpus.read_texts([TEXTS])[:3]
    [path] = warc_corpus.write_corpus(texts, tmp_path)
    records = list(file_records(f"file:{path}", path.read_bytes()))
    assert len(records) == 3 and not any(r.error for r in records)
    documents = [r.document for r in records if r.document]
    assert [r.extraction[0] for r in records if r.extraction] == [d[0] for d in documents]
    # warcinfo is record 1; each page is a request then a response record.
    assert [(r[2], r[3]) for r in documents] == [(str(path), n) for n in (3, 5, 7)]
    expected = [extract(d).to_json() for d in iter_inputs([path])]
    assert [json.loads(r[10]) for r in documents] == expected
    events = [event for r in records for event in r.events or []]
    assert len(events) == sum(len(e["events"]) for e in expected) > 0
    for event in events:
        text = next(d[9] for d in documents if d[0] == event[1])
        assert event[20] == text[event[18] : event[19]]  # the sentence
        assert all(text[start:end] == words for _, start, end, words in event[21])


def test_bad_records_and_files_become_error_rows(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        pages = [
            b"<html><body></body></html>",
            warc_corpus.page("Rail deal\nIndia and Japan signed."),
        ]
        for n, payload in enumerate(pages):
            for record in warc_corpus.records(writer, f"https://news.example/{n}", payload):
                writer.write_record(record)
    records = list(file_records(str(path), path.read_bytes()))
    assert sum(r.document is not None for r in records) == 1
    errors = [r.error for r in records if r.error]
    assert errors == [(str(path), 2, "read", "no main text found in the HTML page")]
    garbage = gzip.compress(b"<not a WARC archive>")
    [record] = list(file_records("s3a://b/x.warc.gz", garbage))
    assert record.document is None and record.error is not None
    source, item, stage, reason = record.error
    assert (source, item, stage) == ("s3a://b/x.warc.gz", None, "read")
    assert "malformed WARC archive" in reason
