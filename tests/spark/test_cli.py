"""`coopwatch spark` as a user runs it: its own local Spark, in its own process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from coopwatch.spark.submit import parse_args

from .warc_pages import ROOT, warc_corpus

pytestmark = pytest.mark.spark


def test_spark_command_end_to_end(spark_available: None, tmp_path: Path) -> None:
    texts = warc_corpus.read_texts([ROOT / "tests" / "corpus" / "fresh" / "texts"])[:12]
    crawl = tmp_path / "crawl"
    warc_corpus.write_corpus(texts, crawl, files=2)
    out = tmp_path / "out"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, "-m", "coopwatch", "spark", str(crawl), "--out", str(out)]
    done = subprocess.run(
        [*command, "--master", "local[1]", "--partitions", "2"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "2 files, 12 documents read: 12 extracted, 0 failed" in done.stdout
    [counts] = ds.dataset(str(out / "counts")).to_table().to_pylist()
    assert counts["documents_extracted"] == 12
    assert ds.dataset(str(out / "documents")).count_rows() == 12


def test_submit_arguments() -> None:
    args = parse_args(
        ["s3a://b/crawl/*.warc.gz", "hdfs:///x", "--out", "s3a://b/out", "--overwrite"]
    )
    assert args.inputs == ["s3a://b/crawl/*.warc.gz", "hdfs:///x"]
    assert (args.out, args.master, args.partitions, args.overwrite) == (
        "s3a://b/out",
        None,
        None,
        True,
    )
    with pytest.raises(SystemExit):
        parse_args(["x.warc.gz"])  # --out is required
