"""The Spark job on a local Spark: same extractions as `coopwatch extract`, tables, errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from coopwatch.cli.main import app
from coopwatch.errors import JobError

from .warc_pages import ROOT, warc_corpus

pytestmark = pytest.mark.spark

CORPORA = sorted((ROOT / "tests" / "corpus").glob("*/texts"))


def _table(out: Path, name: str) -> list[dict[str, Any]]:
    return ds.dataset(str(out / name), format="parquet", partitioning="hive").to_table().to_pylist()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The example corpus and the test corpora as they are, the same texts as pages of
    three gzipped WARC files, a damaged archive and a path that does not exist."""
    crawl = tmp_path_factory.mktemp("crawl")
    texts = warc_corpus.read_texts([ROOT / "examples", CORPORA[0]])
    warc_corpus.write_corpus(texts, crawl, files=3)
    (crawl / "damaged.warc.gz").write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    return [ROOT / "examples", *CORPORA, crawl, crawl / "missing.warc.gz"]


@pytest.fixture(scope="module")
def job(spark_session: Any, inputs: list[Path], tmp_path_factory: pytest.TempPathFactory):
    from coopwatch.spark.job import run

    out = tmp_path_factory.mktemp("job") / "out"
    counts = run(spark_session, [str(p) for p in inputs], str(out), partitions=4)
    return out, counts


def test_the_job_extracts_what_extract_does(inputs: list[Path], job: Any) -> None:
    out, counts = job
    result = CliRunner().invoke(app, ["extract", *map(str, inputs), "--json"])
    expected = [json.loads(line) for line in result.stdout.splitlines()]
    documents = _table(out, "documents")
    # Field for field, and in the order `extract` reads the inputs.
    assert [json.loads(row["extraction"]) for row in documents] == expected
    assert len(expected) == counts.documents_extracted > 250
    assert sum(bool(e["events"]) for e in expected) > 150


def test_counts_and_errors(inputs: list[Path], job: Any) -> None:
    out, counts = job
    errors = {(row["source"], row["stage"]): row["reason"] for row in _table(out, "errors")}
    crawl = inputs[-2]
    assert errors[(str(crawl / "missing.warc.gz"), "read")] == "no such file or directory"
    assert "malformed WARC archive" in errors[(str(crawl / "damaged.warc.gz"), "read")]
    assert counts.read_errors == len(errors) == 2
    assert counts.documents_failed == 0
    assert counts.documents_read == counts.documents_extracted
    # examples/ (README skipped), each corpus' texts, the crawl's three WARC files and damaged one
    corpus_files = sum(len([p for p in c.iterdir() if p.is_file()]) for c in CORPORA)
    assert counts.files == 12 + corpus_files + 4
    [row] = _table(out, "counts")
    assert row == counts.to_json()


def test_events_and_typed_columns(job: Any) -> None:
    out, counts = job
    documents = _table(out, "documents")
    # The same text may come from two sources (a .txt file and a page): key by source.
    by_source = {row["source"]: json.loads(row["extraction"]) for row in documents}
    events = _table(out, "events")
    assert len(events) == counts.events == sum(len(e["events"]) for e in by_source.values())
    years = {p.name for p in (out / "events").iterdir() if p.is_dir()}
    assert "year=2025" in years
    texts = {row["id"]: row["text"] for row in documents}
    for event in events:
        data = json.loads(event["json"])
        assert data in by_source[event["source"]]["events"]
        assert (event["type"], event["parties"], event["cameo"]) == (
            data["type"],
            data["parties"],
            data["cameo"],
        )
        assert event["year"] == (int(data["date"][:4]) if data["date"] else None)
        text = texts[event["document_id"]]
        assert event["sentence"] == text[event["sentence_start"] : event["sentence_end"]]
        for evidence in event["evidence"]:
            assert evidence["text"] == text[evidence["start"] : evidence["end"]]
            assert [evidence["start"], evidence["end"]] in data["evidence"][evidence["field"]]
    for row in _table(out, "extractions"):
        data = json.loads(row["json"])
        assert row["lang"] == data["lang"] and row["parties"] == data["parties"]
        assert row["organizations"] == data["organizations"]
        assert [p["name"] for p in row["persons"]] == [p["name"] for p in data["persons"]]
        assert [(a["value"], a["currency"]) for a in row["amounts"]] == [
            (a["value"], a["currency"]) for a in data["amounts"]
        ]


def test_an_output_is_replaced_only_when_asked(spark_session: Any, tmp_path: Path) -> None:
    from coopwatch.spark.job import run

    one = ROOT / "examples" / "in-jp-rail-loan.txt"
    out = tmp_path / "out"
    run(spark_session, [str(one)], str(out))
    with pytest.raises(JobError, match="pass --overwrite"):
        run(spark_session, [str(one)], str(out))
    counts = run(
        spark_session, [str(ROOT / "examples" / "dispatches.jsonl")], str(out), overwrite=True
    )
    assert [row["source"].rsplit("/", 1)[-1] for row in _table(out, "documents")] == [
        f"dispatches.jsonl#{n}" for n in range(1, counts.documents_extracted + 1)
    ]
    foreign = tmp_path / "home"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    with pytest.raises(JobError, match="not the output of a coopwatch job"):
        run(spark_session, [str(one)], str(foreign), overwrite=True)
    assert (foreign / "notes.txt").read_text() == "mine"


def test_file_names_that_hadoop_reads_as_patterns(spark_session: Any, tmp_path: Path) -> None:
    from coopwatch.spark.job import run

    folder = tmp_path / "in"
    folder.mkdir()
    text = (ROOT / "examples" / "in-jp-rail-loan.txt").read_bytes()
    (folder / "a,b.txt").write_bytes(text)
    (folder / "c[1] {x}.txt").write_bytes(text)
    counts = run(spark_session, [str(folder)], str(tmp_path / "out"))
    assert [row["source"] for row in _table(tmp_path / "out", "documents")] == [
        str(folder / "c[1] {x}.txt")
    ]
    [error] = _table(tmp_path / "out", "errors")
    assert error["source"] == str(folder / "a,b.txt") and "comma" in error["reason"]
    assert (counts.files, counts.read_errors, counts.documents_extracted) == (2, 1, 1)
