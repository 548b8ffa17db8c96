"""`coopwatch load`: the Spark job's output into the store equals `coopwatch ingest` of the
same inputs, on SQLite and PostgreSQL, and loading again changes nothing."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from coopwatch.cli.main import app
from coopwatch.load import load, read_extractions
from coopwatch.store import Store

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "warc_corpus", ROOT / "benchmarks" / "warc_corpus.py"
)
assert _spec and _spec.loader
warc_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(warc_corpus)

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def crawl(spark_session: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Gzipped WARC pages of the example and fr_en texts and a JSON Lines file; the
    folder and the job's output."""
    from coopwatch.spark.job import run

    folder = tmp_path_factory.mktemp("crawl")
    texts = warc_corpus.read_texts(
        [ROOT / "examples", ROOT / "tests" / "corpus" / "fr_en" / "texts"]
    )
    warc_corpus.write_corpus(texts, folder, files=3)
    (folder / "wire.jsonl").write_bytes((ROOT / "examples" / "dispatches.jsonl").read_bytes())
    out = tmp_path_factory.mktemp("job") / "out"
    run(spark_session, [str(folder)], str(out))
    return folder, out


def _state(store: Store) -> dict[str, Any]:
    """Everything a reader of the register sees, without surrogate timestamps."""
    rows = list(store.export_rows())
    details = [store.event(row["id"]) for row in rows]
    counts = {k: v for k, v in store.counts().items() if k != "documents_fts"}
    return {
        "rows": rows,
        # When each was written differs, nothing else may.
        "details": [_untimed(d.to_json()) if d else None for d in details],
        "counts": counts,
    }


def _untimed(value: Any) -> Any:
    if isinstance(value, dict):
        # Entity ids are surrogate keys numbered in creation order, which batch sizes
        # change; the entities themselves (names, aliases, countries) may not differ.
        out = {
            k: _untimed(v) for k, v in value.items() if not k.endswith("_at") and k != "entity_id"
        }
        if "evidence" in out:  # the store orders spans that start together differently on
            out["evidence"] = sorted(out["evidence"], key=repr)  # SQLite and PostgreSQL
        return out
    if isinstance(value, list):
        return [_untimed(v) for v in value]
    return value


def _ingested(folder: Path, tmp_path: Path) -> dict[str, Any]:
    url = f"sqlite:///{tmp_path / 'ingest.db'}"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", url])
    assert result.exit_code == 0, result.output
    with Store.open(url) as store:
        return _state(store)


def test_load_equals_ingest_and_reload_changes_nothing(
    crawl: tuple[Path, Path], store: Store, tmp_path: Path
) -> None:
    folder, out = crawl
    report = load(store, out, batch_size=40)
    assert not report.errors
    assert report.rows == report.store.documents_new + report.store.documents_skipped > 50
    loaded = _state(store)
    assert loaded == _ingested(folder, tmp_path)
    assert loaded["counts"]["events"] > 100
    again = load(store, out, batch_size=40)
    assert again.store.documents_new == again.store.events_new == 0
    assert again.store.documents_skipped == report.rows
    assert _state(store) == loaded


def test_load_command(crawl: tuple[Path, Path], tmp_path: Path) -> None:
    _, out = crawl
    url = f"sqlite:///{tmp_path / 'load.db'}"
    first = CliRunner().invoke(app, ["load", str(out), "--db", url])
    assert first.exit_code == 0, first.output
    assert " new, 0 already stored" in first.stdout
    second = CliRunner().invoke(app, ["load", str(out), "--db", url, "--batch", "7"])
    assert second.exit_code == 0 and ": 0 new," in second.stdout
    only = CliRunner().invoke(app, ["load", str(out), "--db", f"{url}2", "--events-only"])
    assert only.exit_code == 0, only.output
    rows = ds.dataset(str(out / "documents")).to_table(columns=["extraction"]).to_pylist()
    with_events = sum(bool(json.loads(row["extraction"])["events"]) for row in rows)
    assert f"{len(rows) - with_events} without events left out" in only.stdout
    with Store.open(f"{url}2") as store:
        assert store.documents_count() == with_events < len(rows)
    missing = CliRunner().invoke(app, ["load", str(tmp_path), "--db", url])
    assert missing.exit_code == 2
    assert "no documents/ table" in missing.stderr


def test_a_damaged_row_is_reported_and_the_rest_loaded(
    crawl: tuple[Path, Path], tmp_path: Path
) -> None:
    import pyarrow.parquet as pq

    _, out = crawl
    rows = ds.dataset(str(out / "documents")).to_table().to_pylist()
    rows[1]["text"] = rows[1]["text"] + " (edited)"
    copy = tmp_path / "out"
    (copy / "documents").mkdir(parents=True)
    import pyarrow as pa

    pq.write_table(pa.Table.from_pylist(rows), copy / "documents" / "part-0.parquet")
    items = list(read_extractions(copy))
    assert len(items) == len(rows)
    [bad] = [i for i in items if not hasattr(i, "document")]
    assert rows[1]["source"] in str(bad) and "not that of document" in str(bad)
