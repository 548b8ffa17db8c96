"""The README is part of the interface: its commands and settings must exist."""

import re
from dataclasses import fields
from pathlib import Path

from typer.testing import CliRunner

from coopwatch.cli.main import app
from coopwatch.settings import Settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


def test_readme_opens_with_the_demo_and_test_commands():
    first_block = README.split("```")[1]
    assert "make demo" in first_block and "make test" in first_block


def test_every_command_the_readme_shows_exists():
    commands = set(re.findall(r"`coopwatch (\w+)", README))
    assert {"extract", "ingest", "events", "show", "export", "eval"} <= commands
    for command in commands:
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0, f"coopwatch {command} --help failed"


def test_every_setting_is_documented():
    for f in fields(Settings):
        assert f"COOPWATCH_{f.name.upper()}" in README, f"setting {f.name} not in README"
