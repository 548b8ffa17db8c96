"""`coopwatch spark` and the spark-submit entry point's arguments."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from coopwatch.cli.main import app
from coopwatch.spark.submit import parse_args

from .warc_pages import ROOT, warc_corpus

pytestmark = pytest.mark.spark
runner = CliRunner()


def test_spark_command_end_to_end(spark_session: Any, tmp_path: Path) -> None:
    # The command uses the session running in this process, and leaves it running.
    texts = warc_corpus.read_texts([ROOT / "tests" / "corpus" / "fresh" / "texts"])[:12]
    crawl = tmp_path / "crawl"
    warc_corpus.write_corpus(texts, crawl, files=2)
    out = tmp_path / "out"
    command = ["spark", str(crawl), "--out", str(out), "--partitions", "2"]
    done = runner.invoke(app, command)
    assert done.exit_code == 0, done.output
    assert "2 files, 12 documents read: 12 extracted, 0 failed" in done.stdout
    [counts] = ds.dataset(str(out / "counts")).to_table().to_pylist()
    assert counts["documents_extracted"] == 12
    assert ds.dataset(str(out / "documents")).count_rows() == 12
    again = runner.invoke(app, command)
    assert again.exit_code == 2 and "pass --overwrite" in again.stderr
    assert not spark_session.sparkContext._jsc.sc().isStopped()


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
