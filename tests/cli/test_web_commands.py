"""The web side of the command line: correct, undo, corrections, keys."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from coopwatch.cli.main import app

runner = CliRunner()


def _ingested(tmp_path: Path, seed_path: Path) -> str:
    db = str(tmp_path / "cli.db")
    assert runner.invoke(app, ["ingest", str(seed_path), "--db", db]).exit_code == 0
    return db


def _meeting(db: str) -> str:
    rows = runner.invoke(app, ["events", "--type", "meeting", "--json", "--db", db]).stdout
    return json.loads(rows.splitlines()[0])["id"]


def test_correct_list_and_undo(tmp_path: Path, seed_path: Path) -> None:
    db = _ingested(tmp_path, seed_path)
    meeting = _meeting(db)
    done = runner.invoke(
        app,
        ["correct", meeting, "--field", "jobs", "--value", "612", "--author", "ana", "--db", db],
    )
    assert done.exit_code == 0, done.output
    assert "#1 jobs" in done.stdout and "null -> 612" in done.stdout
    shown = json.loads(runner.invoke(app, ["show", meeting, "--json", "--db", db]).stdout)
    assert shown["jobs"] == 612
    listed = runner.invoke(app, ["corrections", "--json", "--db", db]).stdout
    [entry] = [json.loads(line) for line in listed.splitlines()]
    assert (entry["author"], entry["after"], entry["undone_by"]) == ("ana", 612, None)
    undone = runner.invoke(app, ["undo", "1", "--author", "bo", "--db", db])
    assert undone.exit_code == 0 and "undo of #1" in undone.stdout
    shown = json.loads(runner.invoke(app, ["show", meeting, "--json", "--db", db]).stdout)
    assert shown["jobs"] is None
    again = runner.invoke(app, ["undo", "1", "--db", db])
    assert again.exit_code == 1 and "already undone" in again.output


def test_a_bad_correction_says_why(tmp_path: Path, seed_path: Path) -> None:
    db = _ingested(tmp_path, seed_path)
    bad = runner.invoke(
        app, ["correct", _meeting(db), "-f", "parties", "-v", "Algeria", "--db", db]
    )
    assert bad.exit_code == 1 and "ISO 3166" in bad.output
    missing = runner.invoke(app, ["correct", "abc", "-f", "status", "-v", "wrong", "--db", db])
    assert missing.exit_code == 1 and "no event 'abc'" in missing.output


def test_keys_create_list_revoke(tmp_path: Path) -> None:
    db = str(tmp_path / "keys.db")
    created = runner.invoke(app, ["keys", "create", "newsroom", "--db", db])
    assert created.exit_code == 0
    secret = created.stdout.strip()
    assert secret.startswith("cw_")
    listed = runner.invoke(app, ["keys", "list", "--db", db]).stdout
    assert "newsroom" in listed and secret not in listed and secret[:11] in listed
    assert runner.invoke(app, ["keys", "revoke", "newsroom", "--db", db]).exit_code == 0
    twice = runner.invoke(app, ["keys", "revoke", "newsroom", "--db", db])
    assert twice.exit_code == 1 and "already revoked" in twice.output
