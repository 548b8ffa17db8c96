"""Load the output of the Spark job into the store, as ``coopwatch ingest`` would have.

The ``documents/`` table of a job's output holds, for every document, its text and its
extraction as the JSON ``coopwatch extract --json`` prints, in the order ``ingest``
would have read the input files. ``load`` streams that table with pyarrow (no Spark
needed), rebuilds each ``Extraction`` (``Extraction.from_json``) and hands batches to
``Store.ingest``: the same write path as ``coopwatch ingest``, so documents already
stored are skipped (loading twice changes nothing) and whatever ``ingest`` does after
writing, such as linking across documents, happens here too. One transaction per
batch; on PostgreSQL each table's rows of a document go in one executemany.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coopwatch.errors import InputError
from coopwatch.model import Extraction
from coopwatch.store import IngestReport, Store, rare_collections

BATCH = 500
_COLUMNS = ["source", "text", "extraction"]


@dataclass(slots=True)
class LoadReport:
    """Rows read from the Parquet output, what the store made of them, rows refused."""

    rows: int = 0
    without_events: int = 0  # left out by ``events_only``
    store: IngestReport = field(default_factory=IngestReport)
    errors: list[InputError] = field(default_factory=list)


def documents_table(output: Path) -> Path:
    """The ``documents`` folder of a job's output; InputError if it is not one."""
    table = output / "documents"
    if not table.is_dir():
        raise InputError(
            str(output), "not the output of `coopwatch spark` (no documents/ table in it)"
        )
    return table


def read_extractions(output: Path, *, batch_rows: int = BATCH) -> Iterator[Extraction | InputError]:
    """Every extraction of a job's output, in its stored order; a row that does not
    rebuild (damaged JSON, text that is not the document's) is yielded as an error."""
    import pyarrow.dataset as ds

    table = documents_table(output)
    try:
        dataset = ds.dataset(str(table), format="parquet")
        batches = dataset.to_batches(columns=_COLUMNS, batch_size=batch_rows)
        for batch in batches:
            for row in batch.to_pylist():
                yield _extraction(row, table)
    except (OSError, ValueError) as exc:  # pyarrow's errors on a damaged dataset
        raise InputError(str(table), f"cannot read the Parquet table ({exc})") from exc


def _extraction(row: dict[str, Any], table: Path) -> Extraction | InputError:
    source = f"{table} ({row.get('source')})"
    try:
        obj = json.loads(row["extraction"])
        return Extraction.from_json(obj, row["text"])
    except (TypeError, KeyError, ValueError) as exc:
        return InputError(source, f"row does not rebuild an extraction ({exc})")


def load(
    store: Store, output: Path, *, batch_size: int = BATCH, events_only: bool = False
) -> LoadReport:
    """Ingest a job's output into ``store``, ``batch_size`` documents per transaction;
    with ``events_only``, only the documents in which an event was found (a crawl is
    mostly pages without any, and they cost as much to store)."""
    report = LoadReport()
    batch: list[Extraction] = []
    with rare_collections():
        for item in read_extractions(output, batch_rows=batch_size):
            report.rows += 1
            if isinstance(item, InputError):
                report.errors.append(item)
                continue
            if events_only and not item.events:
                report.without_events += 1
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                report.store += store.ingest(batch)
                batch = []
        if batch:
            report.store += store.ingest(batch)
    return report
