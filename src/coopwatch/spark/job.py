"""The Spark job: input files in, the Parquet tables of ``spark/tables.py`` out.

Inputs are paths or Hadoop-compatible URIs (``hdfs://``, ``s3a://``, ``file:``...,
globs allowed). Folders are walked the way ``coopwatch ingest`` walks them (entries
sorted by name, hidden entries and README files skipped), so the job reads the same
files in the same order. Each file is one record of ``binaryFiles`` and is read whole
by one task: a task holds its file in memory (a crawl's WARC files are about 1 GB:
give executors that much per core), and parallelism comes from having many files.

A missing input, an unreadable file or record, and a document whose extraction fails
become rows of ``errors/`` and are counted; they never fail the job. The rows are
computed once, cross from the Python workers to the JVM once, as one DataFrame of
``tables.RECORDS`` kept in memory (then disk), and the tables are selected from it.

The output directory is replaced as a whole or not at all: a job refuses to write into
a directory that is not empty unless ``overwrite`` is set, and even then deletes only
a directory that a coopwatch job wrote (it holds ``_COOPWATCH_JOB``).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from coopwatch.errors import JobError
from coopwatch.spark import tables
from coopwatch.spark.rows import file_records, local_name

MARKER = "_COOPWATCH_JOB"
_GLOB = re.compile(r"[\\*?\[\]{}]")
TABLES = ("documents", "extractions", "events", "errors", "counts")


@dataclass(frozen=True, slots=True)
class JobCounts:
    """What one run saw. ``documents_read`` = extracted + failed."""

    files: int
    documents_read: int
    documents_extracted: int
    documents_failed: int
    read_errors: int
    events: int

    def to_json(self) -> dict[str, int]:
        return asdict(self)


def session(master: str | None = None, *, app_name: str = "coopwatch") -> SparkSession:
    """A Spark session; ``master`` None keeps what spark-submit set, else runs locally.

    A local session runs its Python workers with this interpreter and binds to the
    loopback address unless ``SPARK_LOCAL_IP`` says otherwise.
    """
    builder = SparkSession.builder.appName(app_name).config("spark.python.worker.reuse", "true")
    if master is not None:
        builder = builder.master(master)
        if master.startswith("local"):
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            builder = builder.config("spark.ui.showConsoleProgress", "false")
    return builder.getOrCreate()


def run(
    spark: SparkSession,
    inputs: Sequence[str],
    out: str,
    *,
    partitions: int | None = None,
    overwrite: bool = False,
    model: str = "none",
) -> JobCounts:
    """Read ``inputs``, extract every document, write the tables under ``out``."""
    if not inputs:
        raise JobError("no input given")
    hadoop = _Hadoop(spark)
    hadoop.prepare_output(out, overwrite=overwrite, inputs=inputs)
    files, missing = hadoop.list_inputs(inputs)
    sc = spark.sparkContext
    order = {local_name(uri): n for n, uri in enumerate(files)}
    parts = partitions or max(1, min(len(files), 4 * sc.defaultParallelism))
    # binaryFiles takes one string of comma-separated glob patterns: it cannot name a
    # file with a comma in its name, and other glob characters must be escaped.
    commas = [f for f in files if "," in f]
    missing += [(local_name(f), "a file name with a comma cannot be read by Spark") for f in commas]
    files = [f for f in files if "," not in f]
    unread = [(len(order), None, None, None, (given, None, "read", why)) for given, why in missing]
    records = sc.parallelize(unread, 1)
    if files:
        patterns = ",".join(_GLOB.sub(r"\\\g<0>", f) for f in files)
        read = sc.binaryFiles(patterns, minPartitions=parts)

        def items(uri: str, data: bytes) -> Iterator[tuple[Any, ...]]:
            rank = order.get(local_name(uri), len(order))
            return ((rank, *record) for record in file_records(uri, data, model))

        records = read.flatMap(lambda item: items(*item)).union(records)
    # Rows cross from Python to the JVM once; the tables are selected there.
    frame = spark.createDataFrame(records, tables.RECORDS).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        counts = _count(frame, len(order))
        _write_tables(frame, out, records.getNumPartitions())
        spark.createDataFrame([tuple(asdict(counts).values())], tables.COUNTS).coalesce(
            1
        ).write.parquet(f"{out}/counts")
    finally:
        frame.unpersist()
    return counts


def _count(frame: DataFrame, files: int) -> JobCounts:
    stage = F.col("error.stage")
    row = frame.agg(
        F.count("document").alias("extracted"),
        F.sum(F.when(stage == "extract", 1).otherwise(0)).alias("failed"),
        F.sum(F.when(stage == "read", 1).otherwise(0)).alias("unread"),
        # size() of a null array is -1 or null, by Spark version and settings.
        F.sum(F.when(F.col("events").isNotNull(), F.size("events")).otherwise(0)).alias("events"),
    ).first()
    assert row is not None
    extracted, failed = int(row["extracted"] or 0), int(row["failed"] or 0)
    return JobCounts(
        files=files,
        documents_read=extracted + failed,
        documents_extracted=extracted,
        documents_failed=failed,
        read_errors=int(row["unread"] or 0),
        events=int(row["events"] or 0),
    )


def _write_tables(frame: DataFrame, out: str, partitions: int) -> None:
    documents = frame.where(F.col("document").isNotNull()).select("_order", "document.*")
    documents.repartitionByRange(partitions, "_order", "record").sortWithinPartitions(
        "_order", "record"
    ).drop("_order").write.parquet(f"{out}/documents")
    extractions = frame.where(F.col("extraction").isNotNull()).select("extraction.*")
    extractions.write.partitionBy("lang").parquet(f"{out}/extractions")
    events = frame.select(F.explode("events").alias("event")).select("event.*")
    events.write.partitionBy("year").parquet(f"{out}/events")
    errors = frame.where(F.col("error").isNotNull()).select("error.*")
    errors.write.parquet(f"{out}/errors")


class _Hadoop:
    """The Hadoop file system calls the job needs, through Spark's JVM."""

    def __init__(self, spark: SparkSession) -> None:
        self.jvm: Any = spark.sparkContext._jvm
        self.conf: Any = spark.sparkContext._jsc.hadoopConfiguration()

    def _path(self, *parts: str) -> Any:
        return self.jvm.org.apache.hadoop.fs.Path(*parts)

    def prepare_output(self, out: str, *, overwrite: bool, inputs: Sequence[str]) -> None:
        path = self._path(out)
        fs = path.getFileSystem(self.conf)
        if fs.exists(path) and len(fs.listStatus(path)) > 0:
            if not overwrite:
                raise JobError(
                    f"{out}: output directory exists and is not empty; "
                    "pass --overwrite to replace the output of an earlier run"
                )
            if not fs.exists(self._path(out, MARKER)):
                raise JobError(
                    f"{out}: not the output of a coopwatch job (no {MARKER} in it); "
                    "refusing to delete it, choose another --out"
                )
            fs.delete(path, True)
        fs.mkdirs(path)
        note = {"inputs": list(inputs), "started": datetime.now(UTC).isoformat()}
        stream = fs.create(self._path(out, MARKER), True)
        try:
            stream.write(bytearray(json.dumps(note).encode()))
        finally:
            stream.close()

    def list_inputs(self, inputs: Sequence[str]) -> tuple[list[str], list[tuple[str, str]]]:
        """The files of ``inputs`` in reading order, and the inputs that match nothing."""
        files: list[str] = []
        missing: list[tuple[str, str]] = []
        for given in inputs:
            path = self._path(given)
            fs = path.getFileSystem(self.conf)
            found = fs.globStatus(path)
            if not found:
                missing.append((given, "no such file or directory"))
                continue
            for status in sorted(found, key=lambda s: s.getPath().getName()):
                if status.isDirectory():
                    files.extend(self._walk(fs, status.getPath()))
                else:
                    files.append(status.getPath().toString())
        return files, missing

    def _walk(self, fs: Any, directory: Any) -> Iterator[str]:
        for status in sorted(fs.listStatus(directory), key=lambda s: s.getPath().getName()):
            name = status.getPath().getName()
            if name.startswith("."):
                continue
            if status.isDirectory():
                yield from self._walk(fs, status.getPath())
            elif name.split(".")[0].upper() != "README":
                yield status.getPath().toString()
