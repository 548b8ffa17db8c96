"""What the Spark job does to one input file, in plain Python (no pyspark here).

``file_records(source, data)`` reads the file's bytes with the readers the CLI uses
(``readers.parse_bytes``), extracts every document with the function the CLI uses
(``batch.extract_one``) and returns one ``Record`` per item of the file: the rows it
gives to the job's tables, as plain tuples in the column order of ``spark/tables.py``.
Tests call this function without Spark.

Lexicons are loaded by ``coopwatch.lexicons`` into module-level caches on the first
document a Python process analyses, and Spark reuses its Python worker processes from
task to task (``spark.python.worker.reuse``), so an executor loads them once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from coopwatch.batch import Failure, extract_one
from coopwatch.errors import InputError
from coopwatch.model import Document, Extraction
from coopwatch.readers import parse_bytes

Row = tuple[Any, ...]


class Record(NamedTuple):
    """What one item of a file gives: a document, its extraction and its events, or an
    error. Spark turns records into one DataFrame once, and selects the tables from it."""

    document: Row | None = None
    extraction: Row | None = None
    events: list[Row] | None = None
    error: Row | None = None


@dataclass(frozen=True, slots=True)
class Located:
    """Where an item comes from: the file (path or URI) and its record in the file."""

    file: str
    record: int | None

    @classmethod
    def parse(cls, source: str) -> Located:
        """``path#n`` (a record of a container) or ``path`` (the file itself)."""
        path, sep, item = source.rpartition("#")
        if sep and item.isdigit():
            return cls(path, int(item))
        return cls(source, None)


def local_name(uri: str) -> str:
    """The name the CLI gives a local file (``file:/a/b`` -> ``/a/b``); other URIs as they are."""
    if uri.startswith("file://"):
        return uri.removeprefix("file://")
    if uri.startswith("file:"):
        return uri.removeprefix("file:")
    return uri


def file_records(uri: str, data: bytes, model: str = "none") -> Iterator[Record]:
    """One record per item of one input file: a document with its extraction and
    events, or the error of an item that could not be read or extracted."""
    source = local_name(uri)
    for item in parse_bytes(data, source):
        if isinstance(item, InputError):
            yield Record(error=error_row(item.source, "read", item.reason))
            continue
        result = extract_one(item, model, mentions=False)
        if isinstance(result, Failure):
            yield Record(error=error_row(item.source, "extract", result.error))
            continue
        yield extraction_record(result)


def error_row(source: str, stage: str, reason: str) -> Row:
    where = Located.parse(source)
    return (where.file, where.record, stage, reason)


def _year(day: date | None) -> int | None:
    return day.year if day else None


def extraction_record(extraction: Extraction) -> Record:
    doc: Document = extraction.document
    body = extraction.to_json()
    line = json.dumps(body, ensure_ascii=False)  # exactly what `extract --json` prints
    where = Located.parse(doc.source)
    year = _year(doc.published)
    document = (
        doc.id,
        doc.source,
        where.file,
        where.record,
        doc.url,
        doc.title,
        doc.published,
        year,
        doc.lang,
        doc.text,
        line,
    )
    extraction_row = (
        doc.id,
        doc.source,
        doc.url,
        doc.published,
        year,
        doc.lang,
        body["parties"],
        body["sectors"],
        body["instruments"],
        body["organizations"],
        [_person(p) for p in body["persons"]],
        [(a["value"], a["currency"]) for a in body["amounts"]],
        body["jobs"],
        len(body["events"]),
        line,
    )
    events = []
    for event, data in zip(extraction.events, body["events"], strict=True):
        sentence = event.sentence
        evidence = [
            (name, span.start, span.end, doc.text[span.start : span.end])
            for name, spans in event.evidence.items()
            for span in spans
        ]
        events.append(
            (
                data["id"],
                doc.id,
                doc.source,
                doc.lang,
                data["type"],
                event.date,
                _year(event.date),
                data["cameo"],
                data["confidence"],
                data["parties"],
                data["sectors"],
                data["instruments"],
                data["organizations"],
                [_person(p) for p in data["persons"]],
                [(a["value"], a["currency"]) for a in data["amounts"]],
                data["jobs"],
                data["location"],
                data["trigger"],
                sentence.start if sentence else None,
                sentence.end if sentence else None,
                doc.text[sentence.start : sentence.end] if sentence else None,
                evidence,
                json.dumps(data, ensure_ascii=False),
            )
        )
    return Record(document, extraction_row, events)


def _person(person: dict[str, Any]) -> Row:
    return (person["name"], person["country"], person["role"], person["latin"])
