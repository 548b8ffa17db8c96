"""Commands of the web side: serve, corrections (correct, undo, corrections) and keys."""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from rich.markup import escape
from rich.table import Table

from coopwatch.cli.common import DbOption
from coopwatch.cli.store_commands import _open_store, err, out
from coopwatch.errors import CoopwatchError
from coopwatch.settings import Settings

T = TypeVar("T")

keys_app = typer.Typer(help="API keys that may write through the web API.", no_args_is_help=True)


def _write(db: str | None, action: Callable[[Any], T]) -> T:
    """Run ``action(connection)`` in a write transaction; a store error exits with 1."""
    from coopwatch.store.engine import write_transaction

    store = _open_store(db)
    try:
        with write_transaction(store.engine) as connection:
            return action(connection)
    except CoopwatchError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}")
        raise typer.Exit(1) from exc
    finally:
        store.close()


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _print_entry(entry: Any) -> None:
    what = "undo of #" + str(entry.reverts) if entry.action == "undo" else "set"
    out.print(
        f"#{entry.id} {escape(entry.field)} of event {entry.subject_id} ({what}) by "
        f"{escape(entry.author)}: {escape(json.dumps(entry.before, ensure_ascii=False))} -> "
        f"{escape(json.dumps(entry.after, ensure_ascii=False))}"
    )


def serve(
    db: str | None = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
) -> None:
    """Serve the web pages and the API on the database (http://127.0.0.1:8000/ by default)."""
    try:
        import uvicorn

        from coopwatch.api import create_app
    except ImportError as exc:
        err.print(
            f"[red]error[/red] serve needs the web extra: pip install 'coopwatch[web]' ({exc})"
        )
        raise typer.Exit(2) from exc
    store = _open_store(db)
    app = create_app(store, api_key=Settings.from_env().api_key or None)
    shown = f"[{host}]" if ":" in host else host
    out.print(f"coopwatch: serving {escape(store.url)} at http://{shown}:{port}/ (Ctrl-C stops)")
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(
            f"[yellow]warning[/yellow] listening on {escape(host)}: reachable from other machines"
        )
    uvicorn.run(app, host=host, port=port, log_level="warning")
    store.close()


def correct(
    event_id: str = typer.Argument(..., help="Event id, as listed by `events`."),
    field: str = typer.Option(
        ...,
        "--field",
        "-f",
        help="type, date, location, jobs, parties, sectors, instruments or status.",
    ),
    value: str = typer.Option(
        ...,
        "--value",
        "-v",
        help="New value: lists separated by commas, '-' clears; status: wrong or confirmed.",
    ),
    author: str = typer.Option(None, "--author", help="Who corrects (default: your user name)."),
    note: str | None = typer.Option(None, "--note", help="Why, in a few words."),
    db: str | None = DbOption,
) -> None:
    """Correct one field of an event; re-ingesting never overwrites it."""
    from coopwatch.store import corrections

    def action(connection: Any) -> Any:
        parsed = corrections.parse_value(field, value)
        return corrections.correct(
            connection, event_id, field, parsed, author=author or _user(), note=note
        )

    _print_entry(_write(db, action))


def undo(
    correction_id: int = typer.Argument(..., help="Correction number, as listed by `corrections`."),
    author: str = typer.Option(None, "--author", help="Who undoes (default: your user name)."),
    db: str | None = DbOption,
) -> None:
    """Undo a correction: the field gets its value from before it back."""
    from coopwatch.store import corrections

    entry = _write(db, lambda c: corrections.undo(c, correction_id, author=author or _user()))
    _print_entry(entry)


def corrections_command(
    event_id: str | None = typer.Option(None, "--event", help="Only this event's corrections."),
    limit: int = typer.Option(50, "--limit", min=1, max=10_000, help="At most this many."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per correction."),
    db: str | None = DbOption,
) -> None:
    """List the corrections, newest first: who, when, before, after, and what undid them."""
    from coopwatch.store import corrections
    from coopwatch.store.rows import _jsonable

    store = _open_store(db)
    with store.engine.connect() as connection:
        entries, total = corrections.history(connection, subject_id=event_id, limit=limit)
    store.close()
    if as_json:
        for entry in entries:
            sys.stdout.write(json.dumps(_jsonable(entry), ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(entries)} of {total} corrections", title_justify="left")
    for column in ("#", "when", "who", "event", "field", "before", "after", "undone by"):
        table.add_column(column)
    for e in entries:
        table.add_row(
            str(e.id),
            f"{e.created_at:%Y-%m-%d %H:%M}",
            escape(e.author),
            e.subject_id,
            e.field + (f" (undo of #{e.reverts})" if e.action == "undo" else ""),
            escape(json.dumps(e.before, ensure_ascii=False)),
            escape(json.dumps(e.after, ensure_ascii=False)),
            f"#{e.undone_by}" if e.undone_by else "",
        )
    out.print(table)


@keys_app.command("create")
def keys_create(
    name: str = typer.Argument(..., help="A name for the key (who or what uses it)."),
    db: str | None = DbOption,
) -> None:
    """Create a key; its secret is printed once and the database keeps only its hash."""
    from coopwatch.store import keys

    key, secret = _write(db, lambda c: keys.create_key(c, name))
    err.print(f"key {escape(key.name)} created; keep this secret, it is not shown again:")
    sys.stdout.write(secret + "\n")


@keys_app.command("list")
def keys_list(db: str | None = DbOption) -> None:
    """List the keys (names and first characters, never the secrets)."""
    from coopwatch.store import keys

    store = _open_store(db)
    with store.engine.connect() as connection:
        found = keys.list_keys(connection)
    store.close()
    table = Table(title=f"{len(found)} keys", title_justify="left")
    for column in ("name", "starts with", "created", "last used", "revoked"):
        table.add_column(column)
    for k in found:
        table.add_row(
            escape(k.name),
            k.prefix + "…",
            f"{k.created_at:%Y-%m-%d %H:%M}",
            f"{k.last_used_at:%Y-%m-%d %H:%M}" if k.last_used_at else "",
            f"{k.revoked_at:%Y-%m-%d %H:%M}" if k.revoked_at else "",
        )
    out.print(table)


@keys_app.command("revoke")
def keys_revoke(
    name: str = typer.Argument(..., help="Name of the key."), db: str | None = DbOption
) -> None:
    """Revoke a key: it can no longer write."""
    from coopwatch.store import keys

    key = _write(db, lambda c: keys.revoke_key(c, name))
    out.print(f"key {escape(key.name)} revoked")


def register(app: typer.Typer) -> None:
    app.command()(serve)
    app.command()(correct)
    app.command()(undo)
    app.command(name="corrections")(corrections_command)
    app.add_typer(keys_app, name="keys")
