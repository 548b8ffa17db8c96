"""What the Spark job does to one input file, in plain Python (no pyspark here).

``file_rows(source, data)`` reads the file's bytes with the readers the CLI uses
(``readers.parse_bytes``), extracts every document with the function the CLI uses
(``batch.extract_one``) and returns tagged rows for the job's tables. The rows are
plain tuples in the column order of ``spark/tables.py``; tests call this function
without Spark.

Lexicons are loaded by ``coopwatch.lexicons`` into module-level caches on the first
document a Python process analyses, and Spark reuses its Python worker processes from
task to task (``spark.python.worker.reuse``), so an executor loads them once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from coopwatch.batch import Failure, extract_one
from coopwatch.errors import InputError
from coopwatch.model import Document, Extraction
from coopwatch.readers import parse_bytes

DOCUMENT = "document"
EXTRACTION = "extraction"
EVENT = "event"
ERROR = "error"

#: A row of one of the tables, tagged with the table's name.
Tagged = tuple[str, tuple[Any, ...]]


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


def file_rows(uri: str, data: bytes, model: str = "none") -> Iterator[Tagged]:
    """Every row that one input file gives: documents, extractions and events of what
    it holds, and one error row per item that could not be read or extracted."""
    source = local_name(uri)
    for item in parse_bytes(data, source):
        if isinstance(item, InputError):
            yield ERROR, error_row(item.source, "read", item.reason)
            continue
        result = extract_one(item, model, mentions=False)
        if isinstance(result, Failure):
            yield ERROR, error_row(item.source, "extract", result.error)
            continue
        yield from extraction_rows(result)


def error_row(source: str, stage: str, reason: str) -> tuple[Any, ...]:
    where = Located.parse(source)
    return (where.file, where.record, stage, reason)


def _year(day: date | None) -> int | None:
    return day.year if day else None


def extraction_rows(extraction: Extraction) -> Iterator[Tagged]:
    doc: Document = extraction.document
    body = extraction.to_json()
    line = json.dumps(body, ensure_ascii=False)  # exactly what `extract --json` prints
    where = Located.parse(doc.source)
    year = _year(doc.published)
    yield (
        DOCUMENT,
        (
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
        ),
    )
    yield (
        EXTRACTION,
        (
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
        ),
    )
    for event, data in zip(extraction.events, body["events"], strict=True):
        sentence = event.sentence
        evidence = [
            (name, span.start, span.end, doc.text[span.start : span.end])
            for name, spans in event.evidence.items()
            for span in spans
        ]
        yield (
            EVENT,
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
            ),
        )


def _person(person: dict[str, Any]) -> tuple[Any, ...]:
    return (person["name"], person["country"], person["role"], person["latin"])
