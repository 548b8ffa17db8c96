"""Documents per second of the Spark job on 1 and 2 cores, and of ``coopwatch load``.

Builds a crawl of gzipped WARC files (``warc_corpus.py``: the test corpora's texts as
news pages with navigation, related links and a footer, each page made distinct), then
runs the job on it with ``local[1]`` and ``local[2]``, each in a new Spark context, and
times ``job.run`` as a whole: reading and decompressing the archives, HTML extraction,
analysis, and writing every Parquet table, the Python workers' start and lexicon loading
included. Then loads the output into a fresh PostgreSQL schema (``coopwatch load``'s
function) and times that. Prints documents per second and the speed-up.

    python benchmarks/spark_speed.py [--pages 20000] [--files 40] [--db URL] [--keep DIR]

``--db`` (default ``COOPWATCH_TEST_PG``) is a PostgreSQL URL; the load goes into a schema
made for the run and dropped after it. Without one, the load is not timed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.schema import CreateSchema, DropSchema

sys.path.insert(0, str(Path(__file__).resolve().parent))
import warc_corpus

from coopwatch.load import load
from coopwatch.spark.job import JobCounts, run, session
from coopwatch.store import Store


def _job(master: str, crawl: Path, out: Path, partitions: int | None) -> tuple[JobCounts, float]:
    spark = session(master, app_name=f"coopwatch-bench-{master}")
    spark.sparkContext.setLogLevel("ERROR")
    try:
        start = time.perf_counter()
        counts = run(spark, [str(crawl)], str(out), partitions=partitions, overwrite=True)
        return counts, time.perf_counter() - start
    finally:
        spark.stop()


def _load(url: str, out: Path) -> tuple[int, float]:
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url)
    with admin.begin() as connection:
        connection.execute(CreateSchema(schema))
    scoped = sa.make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        with Store.open(scoped.render_as_string(hide_password=False)) as store:
            start = time.perf_counter()
            report = load(store, out)
            seconds = time.perf_counter() - start
        return report.store.documents_new, seconds
    finally:
        with admin.begin() as connection:
            connection.execute(DropSchema(schema, cascade=True))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=20000)
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--partitions", type=int, default=None)
    parser.add_argument("--db", default=os.environ.get("COOPWATCH_TEST_PG"))
    parser.add_argument("--keep", type=Path, default=None, help="Work here and keep the files.")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="coopwatch-bench-"))
    crawl = work / "crawl"
    try:
        if not crawl.exists():
            texts = warc_corpus.read_texts(warc_corpus.CORPORA)
            warc_corpus.write_corpus(texts, crawl, pages=args.pages, files=args.files)
        size = sum(p.stat().st_size for p in crawl.iterdir()) / 1e6
        print(f"crawl: {args.pages} pages in {args.files} gzipped WARC files, {size:.1f} MB")
        rates = {}
        for cores in (1, 2):
            counts, seconds = _job(f"local[{cores}]", crawl, work / "out", args.partitions)
            rates[cores] = counts.documents_extracted / seconds
            print(
                f"spark local[{cores}]: {counts.documents_extracted} documents "
                f"({counts.read_errors} unreadable, {counts.events} events) in {seconds:.1f} s: "
                f"{rates[cores]:.0f} documents/s"
            )
        print(f"speed-up 1 -> 2 cores: {rates[2] / rates[1]:.2f}x")
        if args.db:
            stored, seconds = _load(args.db, work / "out")
            print(
                f"load into PostgreSQL: {stored} documents in {seconds:.1f} s: "
                f"{stored / seconds:.0f} documents/s"
            )
        else:
            print("load not timed: give --db or set COOPWATCH_TEST_PG")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
