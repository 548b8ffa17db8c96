from coopwatch.cli.main import app

app(prog_name="coopwatch")
