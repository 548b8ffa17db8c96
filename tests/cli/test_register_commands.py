"""The register on the command line: events with their sources, commitments, entities,
show, split and merge, and the export tables."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopwatch.cli.main import app

LINKED = Path(__file__).resolve().parents[1] / "corpus" / "linked" / "texts"
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("register") / "register.db")
    files = [str(LINKED / f"la{n:03}.txt") for n in range(1, 17)]
    result = runner.invoke(app, ["ingest", *files, "--db", path])
    assert result.exit_code == 0, result.output
    return path


def _json_lines(*args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_events_list_every_source_of_a_step(db: str) -> None:
    events = _json_lines("events", "--db", db, "--json")
    joined = [e for e in events if len(e["sources"]) >= 3]  # type: ignore[arg-type]
    assert joined
    source = joined[0]["sources"][0]  # type: ignore[index]
    assert set(source) == {"document", "source", "url", "lang", "published", "date", "sentence"}
    langs = {s["lang"] for e in joined for s in e["sources"]}  # type: ignore[attr-defined]
    assert len(langs) >= 2  # reports in several languages joined


def test_commitments_and_show_a_thread(db: str) -> None:
    threads = _json_lines("commitments", "--db", db, "--json", "--country", "EG")
    (damietta,) = [t for t in threads if t["stage"] == "cancelled"]
    assert [m["stage"] for m in damietta["timeline"]][-1] == "cancelled"  # type: ignore[index]
    assert {"subject", "parties", "organizations", "sectors", "instruments", "amounts",
            "timeline", "events"} <= set(damietta)  # fmt: skip
    shown = runner.invoke(app, ["show", str(damietta["id"]), "--db", db])
    assert shown.exit_code == 0 and "timeline" in shown.stdout and "cancelled" in shown.stdout
    bad = runner.invoke(app, ["commitments", "--db", db, "--stage", "finished"])
    assert bad.exit_code == 2


def test_show_explains_why_reports_were_joined(db: str) -> None:
    events = _json_lines("events", "--db", db, "--json")
    step = next(e for e in events if len(e["sources"]) >= 2)  # type: ignore[arg-type]
    shown = runner.invoke(app, ["show", str(step["id"]), "--db", db])
    assert shown.exit_code == 0
    assert "reports joined" in shown.stdout and "score" in shown.stdout


def test_entities_in_several_scripts(db: str) -> None:
    people = _json_lines("entities", "--db", db, "--json", "--kind", "person")
    karimov = [p for p in people if "Karimov" in " ".join(p["aliases"])]  # type: ignore[arg-type]
    assert karimov and any("Каримов" in a for a in karimov[0]["aliases"])  # type: ignore[union-attr]
    assert all(isinstance(r[1], str | None) for p in people for r in p["roles"])  # type: ignore[union-attr]


def test_split_then_merge_on_the_command_line(db: str, tmp_path: Path) -> None:
    events = _json_lines("events", "--db", db, "--json")
    step = next(e for e in events if len(e["sources"]) >= 2)  # type: ignore[arg-type]
    detail = _json_lines("show", str(step["id"]), "--db", db, "--json")[0]
    reports = [s["report_id"] for s in detail["sources"]]  # type: ignore[union-attr]
    split = runner.invoke(app, ["split", str(step["id"]), reports[-1], "--db", db])
    assert split.exit_code == 0, split.output
    merged = runner.invoke(app, ["merge", reports[0], reports[-1], "--db", db])
    assert merged.exit_code == 0, merged.output
    again = _json_lines("show", reports[-1], "--db", db, "--json")[0]
    assert {s["report_id"] for s in again["sources"]} >= {reports[0], reports[-1]}  # type: ignore[union-attr]
    nonsense = runner.invoke(app, ["split", str(step["id"]), "nope", "--db", db])
    assert nonsense.exit_code == 1


def test_export_tables_with_native_parquet_types(db: str, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "tables"
    result = runner.invoke(
        app, ["export", "--db", db, "--table", "all", "--format", "parquet", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    events = pq.read_table(out / "events.parquet")
    assert events.schema.field("date").type == pa.date32()
    assert events.schema.field("parties").type == pa.list_(pa.string())
    sources = pq.read_table(out / "event_sources.parquet").to_pylist()
    assert {s["event_id"] for s in sources} == set(events.column("id").to_pylist())
    threads = pq.read_table(out / "commitment_events.parquet").to_pylist()
    assert any(t["milestone"] for t in threads)
    aliases = pq.read_table(out / "entity_aliases.parquet")
    assert aliases.schema.field("entity_id").type == pa.int64()

    csv_out = tmp_path / "commitments.csv"
    runner.invoke(app, ["export", "--db", db, "-t", "commitments", "--out", str(csv_out)])
    rows = list(csv.DictReader(csv_out.open(encoding="utf-8")))
    assert rows and all(";" in r["parties"] for r in rows)
