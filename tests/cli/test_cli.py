import json
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from coopwatch.cli.main import app
from coopwatch.evaluation.scoring import FIELDS

runner = CliRunner()


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_extract_seed_json_contract(seed_path: Path):
    result = runner.invoke(app, ["extract", str(seed_path), "--json"])
    assert result.exit_code == 0, result.output
    [doc] = _lines(result.stdout)
    for key in (
        "parties",
        "events",
        "sectors",
        "instruments",
        "organizations",
        "persons",
        "amounts",
        "jobs",
        "lang",
        "published",
        "source",
    ):
        assert key in doc
    assert doc["parties"] == ["BY", "DZ"]
    assert doc["lang"] == "fr" and doc["published"] == "2025-12-04"
    types = {(e["type"], e["date"]) for e in doc["events"]}
    assert ("meeting", "2025-12-02") in types
    assert any(t == "pledge" for t, _ in types)
    assert {"28", "29", "13", "10", "01"} <= set(doc["sectors"])
    names = {n for org in doc["organizations"] for n in org}
    assert {"AGM", "GETEX"} <= names
    assert any(p["name"] == "Yahia Bachir" and p["country"] == "DZ" for p in doc["persons"])
    text = seed_path.read_text(encoding="utf-8")
    for event in doc["events"]:
        for spans in event["evidence"].values():
            for start, end in spans:
                assert 0 <= start < end <= len(text)


def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type='table'")]
        return {t: conn.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}


def test_ingest_twice_changes_no_row_count(tmp_path: Path, dev_dir: Path):
    db = tmp_path / "c.db"
    first = runner.invoke(app, ["ingest", str(dev_dir / "texts"), "--db", str(db)])
    assert first.exit_code == 0, first.output
    before = _counts(db)
    assert before["documents"] == 69 and before["events"] > 0
    second = runner.invoke(app, ["ingest", str(dev_dir / "texts"), "--db", str(db)])
    assert second.exit_code == 0
    assert "0 new" in second.stdout
    assert _counts(db) == before


def test_ingest_folder_with_binary_empty_and_cp1251(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "blob.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "minsk.txt").write_bytes(
        "Белоруссия и Казахстан подписали соглашение о сборке тракторов МТЗ.".encode("cp1251")
    )
    db = tmp_path / "c.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and "blob.txt" in errors[0]
    with sqlite3.connect(db) as conn:
        texts = [r[0] for r in conn.execute("select text from documents")]
    assert len(texts) == 2
    assert any("Белоруссия" in t for t in texts)


def test_events_filters_show_and_export(tmp_path: Path, dev_dir: Path):
    db = tmp_path / "c.db"
    runner.invoke(app, ["ingest", str(dev_dir / "texts"), "--db", str(db)])
    listed = runner.invoke(app, ["events", "--db", str(db), "--country", "DZ", "--json"])
    assert listed.exit_code == 0
    rows = _lines(listed.stdout)
    assert rows and all("DZ" in r["parties"] for r in rows)
    agreements = _lines(
        runner.invoke(app, ["events", "--db", str(db), "--type", "agreement", "--json"]).stdout
    )
    assert agreements and all(r["type"] == "agreement" for r in agreements)
    shown = runner.invoke(app, ["show", rows[0]["id"], "--db", str(db)])
    assert shown.exit_code == 0 and "source" in shown.stdout
    out = tmp_path / "events.csv"
    exported = runner.invoke(app, ["export", "--format", "csv", "--out", str(out), "--db", str(db)])
    assert exported.exit_code == 0
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert "cameo" in header and "parties" in header
    missing = runner.invoke(app, ["show", "nope", "--db", str(db)])
    assert missing.exit_code == 1


def test_eval_prints_per_field_scores(dev_dir: Path):
    result = runner.invoke(app, ["eval", str(dev_dir), "--lang", "fr", "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert set(scores["overall"]["fields"]) == set(FIELDS)
    assert list(scores["by_lang"]) == ["fr"]


def test_eval_on_missing_gold_is_a_clear_error(tmp_path: Path):
    result = runner.invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 2
    assert "gold.jsonl" in result.stderr


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_ingest_with_two_workers_stores_what_one_process_stores(tmp_path: Path):
    stored = {}
    for workers in ("1", "2"):
        db = tmp_path / f"w{workers}.db"
        result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db), "-j", workers])
        assert result.exit_code == 0, result.output
        listed = runner.invoke(app, ["events", "--db", str(db), "--json"])
        stored[workers] = sorted(json.dumps(row, sort_keys=True) for row in _lines(listed.stdout))
    assert stored["1"] and stored["2"] == stored["1"]


def test_extract_reports_a_failing_document_and_prints_the_others(tmp_path: Path, monkeypatch):
    import coopwatch

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Alger et Minsk ont signé un accord sur les tracteurs.")
    (folder / "b.txt").write_text("Le Maroc et l'Espagne ont signé un accord sur l'éolien.")
    real = coopwatch.extract

    def broken_on_b(document, *, model="none"):
        if document.source.endswith("b.txt"):
            raise RuntimeError("boom")
        return real(document, model=model)

    monkeypatch.setattr(coopwatch, "extract", broken_on_b)
    result = runner.invoke(app, ["extract", str(folder), "--json"])
    assert result.exit_code == 1
    assert [doc["source"].endswith("a.txt") for doc in _lines(result.stdout)] == [True]
    assert "b.txt: extraction failed" in result.stderr and "boom" in result.stderr
