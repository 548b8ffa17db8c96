"""Entry point for ``spark-submit``: the cluster (master, executors, memory) comes from
spark-submit's own options, the job's from the arguments after this file::

    spark-submit --master yarn --deploy-mode client \\
        --conf spark.pyspark.python=/opt/coopwatch/bin/python \\
        "$(python -c 'import coopwatch.spark.submit as m; print(m.__file__)')" \\
        s3a://bucket/crawl/2025/*.warc.gz --out s3a://bucket/coopwatch/2025 --partitions 2000

Every executor needs coopwatch installed in the interpreter it runs (the same
version as the driver). ``python -m coopwatch.spark.submit`` runs it on a local Spark.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from coopwatch.errors import CoopwatchError
from coopwatch.spark.job import run, session


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="coopwatch-spark",
        description="Extract cooperation events from files or URIs into Parquet tables.",
    )
    parser.add_argument("inputs", nargs="+", help="Files, folders, globs or Hadoop URIs.")
    parser.add_argument("--out", required=True, help="Output directory (path or URI).")
    parser.add_argument(
        "--master", default=None, help="Spark master (default: what spark-submit set)."
    )
    parser.add_argument("--partitions", type=int, default=None, help="Input partitions.")
    parser.add_argument(
        "--overwrite", action="store_true", help="Replace the output of an earlier run."
    )
    parser.add_argument("--model", default="none", help="none, spacy or natasha.")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the job; print its counts as one JSON line. Exit 2 if it cannot start."""
    args = parse_args(argv)
    spark = session(args.master)
    try:
        counts = run(
            spark,
            args.inputs,
            args.out,
            partitions=args.partitions,
            overwrite=args.overwrite,
            model=args.model,
        )
    except CoopwatchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        spark.stop()
    print(json.dumps(counts.to_json()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
