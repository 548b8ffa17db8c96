"""The tables the Spark job writes: their Spark schemas and how they are laid out.

Every table is a Parquet dataset in a folder of the output directory:

- ``documents/``: one row per document extracted (``id`` is the content id the store
  uses), its normalised ``text`` and its extraction as the JSON line that
  ``coopwatch extract --json`` prints (``extraction``). Sorted by input file and record,
  not partitioned: ``coopwatch load`` streams it in the order ``coopwatch ingest``
  would have read the same files.
- ``extractions/``: the same JSON (``json``) plus typed columns for queries,
  partitioned by ``lang``.
- ``events/``: one row per event with its evidence (field, span, words), partitioned
  by the ``year`` of the event's date (``__HIVE_DEFAULT_PARTITION__`` when undated).
- ``errors/``: one row per file or record that could not be read, or document whose
  extraction failed: ``source`` (file), ``record`` (position in the file, if any),
  ``stage`` (``read`` or ``extract``) and ``reason``.
- ``counts/``: one row of counters for the run.
"""

from __future__ import annotations

from pyspark.sql.types import (
    ArrayType,
    DateType,
    DoubleType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
)


def _fields(*pairs: tuple[str, object]) -> StructType:
    return StructType([StructField(name, kind, True) for name, kind in pairs])  # type: ignore[arg-type]


_STRINGS = ArrayType(StringType())
_PERSON = _fields(
    ("name", StringType()),
    ("country", StringType()),
    ("role", StringType()),
    ("latin", StringType()),
)
_AMOUNT = _fields(("value", LongType()), ("currency", StringType()))
_EVIDENCE = _fields(
    ("field", StringType()),
    ("start", IntegerType()),
    ("end", IntegerType()),
    ("text", StringType()),
)

DOCUMENTS = _fields(
    ("id", StringType()),
    ("source", StringType()),
    ("file", StringType()),
    ("record", IntegerType()),
    ("url", StringType()),
    ("title", StringType()),
    ("published", DateType()),
    ("year", IntegerType()),
    ("lang", StringType()),
    ("text", StringType()),
    ("extraction", StringType()),
)

EXTRACTIONS = _fields(
    ("id", StringType()),
    ("source", StringType()),
    ("url", StringType()),
    ("published", DateType()),
    ("year", IntegerType()),
    ("lang", StringType()),
    ("parties", _STRINGS),
    ("sectors", _STRINGS),
    ("instruments", _STRINGS),
    ("organizations", ArrayType(_STRINGS)),
    ("persons", ArrayType(_PERSON)),
    ("amounts", ArrayType(_AMOUNT)),
    ("jobs", LongType()),
    ("events", IntegerType()),
    ("json", StringType()),
)

EVENTS = _fields(
    ("id", StringType()),
    ("document_id", StringType()),
    ("source", StringType()),
    ("lang", StringType()),
    ("type", StringType()),
    ("date", DateType()),
    ("year", IntegerType()),
    ("cameo", StringType()),
    ("confidence", DoubleType()),
    ("parties", _STRINGS),
    ("sectors", _STRINGS),
    ("instruments", _STRINGS),
    ("organizations", ArrayType(_STRINGS)),
    ("persons", ArrayType(_PERSON)),
    ("amounts", ArrayType(_AMOUNT)),
    ("jobs", LongType()),
    ("location", StringType()),
    ("trigger", StringType()),
    ("sentence_start", IntegerType()),
    ("sentence_end", IntegerType()),
    ("sentence", StringType()),
    ("evidence", ArrayType(_EVIDENCE)),
    ("json", StringType()),
)

ERRORS = _fields(
    ("source", StringType()),
    ("record", IntegerType()),
    ("stage", StringType()),
    ("reason", StringType()),
)

COUNTS = _fields(
    ("files", LongType()),
    ("documents_read", LongType()),
    ("documents_extracted", LongType()),
    ("documents_failed", LongType()),
    ("read_errors", LongType()),
    ("events", LongType()),
)

#: What the job computes per item before the tables are selected from it: the input
#: file's place in the reading order and one ``rows.Record``.
RECORDS = _fields(
    ("_order", IntegerType()),
    ("document", DOCUMENTS),
    ("extraction", EXTRACTIONS),
    ("events", ArrayType(EVENTS)),
    ("error", ERRORS),
)
