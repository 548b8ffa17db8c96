"""What a careless or hostile user meets on the command line: clear messages, exit
codes that say what happened, nothing raw on the terminal, no live formula in a CSV."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopwatch.cli.main import app

ROOT = Path(__file__).resolve().parents[2]
COOPERATION = (ROOT / "examples" / "dz-by-tractor-plant-extension.txt").read_text("utf-8")
ESC_NAME = "\x1b[2J\x1b]8;;evil.example\x07report.txt"

runner = CliRunner()


def _invoke(*args: str):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _no_raw_controls(text: str) -> None:
    raw = [c for c in text if (ord(c) < 32 and c not in "\n") or 0x7F <= ord(c) <= 0x9F]
    assert not raw, f"raw control characters reached the terminal: {raw!r}"


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A store holding one cooperation document whose file name carries escapes and
    whose URL is a spreadsheet formula."""
    path = tmp_path / "store.db"
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / ESC_NAME).write_text(COOPERATION, "utf-8")
    line = {"text": COOPERATION.replace("tracteurs", "camions"), "url": '=HYPERLINK("x")'}
    (docs / "feed.jsonl").write_text(json.dumps(line) + "\n", "utf-8")
    result = _invoke("ingest", "--db", str(path), str(docs))
    assert result.exit_code == 0, result.output
    return str(path)


def test_extract_shows_escapes_of_a_file_name_instead_of_sending_them(tmp_path: Path) -> None:
    (tmp_path / ESC_NAME).write_text(COOPERATION, "utf-8")
    result = _invoke("extract", str(tmp_path))
    assert result.exit_code == 0, result.output
    _no_raw_controls(result.stdout + result.stderr)
    assert "\\x1b[2J\\x1b]8;;evil.example\\x07report.txt" in result.stdout


def test_error_lines_show_escapes_of_a_file_name(tmp_path: Path) -> None:
    (tmp_path / "\x1b[31mbad.jsonl").write_text("not json\n", "utf-8")
    result = _invoke("extract", str(tmp_path))
    assert result.exit_code == 1
    _no_raw_controls(result.stdout + result.stderr)
    assert "\\x1b[31mbad.jsonl#1: line 1: invalid JSON" in result.stderr


def test_show_and_events_send_no_raw_escape(db: str) -> None:
    listing = _invoke("events", "--db", db, "--json")
    ids = [json.loads(line)["id"] for line in listing.stdout.splitlines()]
    assert ids
    table = _invoke("events", "--db", db)
    _no_raw_controls(table.stdout)
    for event_id in ids:
        shown = _invoke("show", event_id, "--db", db)
        assert shown.exit_code == 0, shown.output
        _no_raw_controls(shown.stdout.replace("\n", ""))
    assert any("\\x1b[2J" in _invoke("show", event_id, "--db", db).stdout for event_id in ids)


def test_csv_export_holds_no_live_formula(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = _invoke("export", "--db", db, "--format", "csv", "--out", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8"))))
    cells = [cell for row in rows for cell in row]
    assert '\'=HYPERLINK("x")' in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


@pytest.mark.parametrize("command", [["events"], ["show", "abc"], ["export"]])
def test_read_commands_never_create_a_database(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "typo.db"
    result = _invoke(*command, "--db", str(missing))
    assert result.exit_code == 2
    assert f"no database at {missing}" in result.stderr
    assert not missing.exists()


@pytest.mark.parametrize(
    ("option", "value", "listed"),
    [
        ("--type", "signing", "meeting, pledge, agreement, implementation"),
        ("--country", "XX", "DZ"),
        ("--country", "algeria", "BY"),
        ("--sector", "4", "28"),
        ("--sector", "manufacturing", "01"),
    ],
)
def test_unknown_filter_values_are_refused_with_the_valid_ones(
    db: str, option: str, value: str, listed: str
) -> None:
    result = _invoke("events", "--db", db, option, value)
    assert result.exit_code == 2
    message = " ".join(result.output.replace("│", " ").split())  # the error box unwrapped
    assert "unknown" in message and repr(value) in message
    assert listed in message


def test_known_filter_values_in_any_case_are_accepted(db: str) -> None:
    result = _invoke("events", "--db", db, "--type", "Agreement", "--country", "dz")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("value", ["-1", "0", "99999999999999999999", "ten"])
def test_limit_out_of_range_is_a_clear_error(db: str, value: str) -> None:
    result = _invoke("events", "--db", db, "--limit", value)
    assert result.exit_code == 2
    assert "--limit" in result.output and "Traceback" not in result.output


def test_unknown_jsonl_language_is_reported_and_detected_from_the_text(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": COOPERATION, "lang": "français"}) + "\n", "utf-8")
    result = _invoke("extract", "--json", str(path))
    assert result.exit_code == 0, result.output
    [doc] = [json.loads(line) for line in result.stdout.splitlines()]
    assert doc["lang"] == "fr" and doc["events"]
    # A warning through logging, which the CLI prints on its standard error.
    assert f"warning {path}#1: unknown language 'français'" in caplog.text
    assert "detected from the text instead" in caplog.text


def test_size_limit_reports_the_file_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a-big.txt").write_text(COOPERATION * 20, "utf-8")
    (tmp_path / "b-small.txt").write_text(COOPERATION, "utf-8")
    result = _invoke("extract", "--max-chars", str(len(COOPERATION) * 2), str(tmp_path))
    assert result.exit_code == 1
    assert "a-big.txt: document too large" in result.stderr
    assert "the limit is" in result.stderr
    assert "b-small.txt" in result.stdout
    assert "1 documents extracted, 1 failed" in result.stderr


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("COOPWATCH_MAX_CHARS", "lots", "COOPWATCH_MAX_CHARS='lots' is not a whole number"),
        ("COOPWATCH_TIME_BUDGET", "-3", "COOPWATCH_TIME_BUDGET='-3' must not be negative"),
    ],
)
def test_a_malformed_setting_in_the_environment_is_named(
    tmp_path: Path, name: str, value: str, message: str
) -> None:
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), name: value}
    done = subprocess.run(
        [sys.executable, "-m", "coopwatch", "extract", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
