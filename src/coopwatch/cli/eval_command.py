"""``coopwatch eval``: score the extractor against a gold directory."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from coopwatch.cli.common import ModelOption
from coopwatch.errors import EvalError
from coopwatch.evaluation.run import Evaluation, evaluate
from coopwatch.evaluation.scoring import FIELDS, Report


def _table(title: str, report: Report) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("field", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="right" if column != "field" else "left")
    for name in FIELDS:
        c = report.fields[name]
        table.add_row(
            name,
            f"{c.precision:.3f}",
            f"{c.recall:.3f}",
            f"{c.f1:.3f}",
            str(c.tp),
            str(c.fp),
            str(c.fn),
        )
    table.add_row("macro F1", "", "", f"{report.macro_f1:.3f}", "", "", "")
    return table


def _calibration(result: Evaluation) -> Table:
    """For each band of event confidence, the share of the events in it that are right."""
    table = Table(title="calibration of event confidence", title_justify="left")
    for column in ("confidence", "events", "right", "share right"):
        table.add_column(column, justify="right" if column != "confidence" else "left")
    for band, (right, total) in result.bands.items():
        table.add_row(band, str(total), str(right), f"{right / total:.2f}" if total else "-")
    return table


def _summary(result: Evaluation) -> dict[str, object]:
    def report_json(report: Report) -> dict[str, object]:
        return {
            "documents": report.documents,
            "macro_f1": round(report.macro_f1, 4),
            "fields": {
                name: {
                    "precision": round(c.precision, 4),
                    "recall": round(c.recall, 4),
                    "f1": round(c.f1, 4),
                }
                for name, c in report.fields.items()
            },
        }

    out: dict[str, object] = {
        "overall": report_json(result.overall),
        "by_lang": {lang: report_json(r) for lang, r in sorted(result.by_lang.items())},
        "calibration": {
            band: {"events": total, "right": right} for band, (right, total) in result.bands.items()
        },
    }
    if result.links is not None:
        out["links"] = result.links.to_json()
    return out


def eval_command(
    directory: Path = typer.Argument(..., help="Folder with texts/*.txt and gold.jsonl."),
    lang: list[str] = typer.Option([], "--lang", help="Only these languages (repeatable)."),
    as_json: bool = typer.Option(False, "--json", help="Scores as one JSON object."),
    details: bool = typer.Option(False, "--details", help="Per-document counts of errors."),
    model: str = ModelOption,
) -> None:
    """Score extraction against gold: precision, recall and F1 per field, per language, overall."""
    console = Console()
    try:
        result = evaluate(directory, langs=set(lang) or None, model=model)
    except EvalError as exc:
        Console(stderr=True).print(f"[red]error[/red] {exc}")
        raise typer.Exit(2) from exc
    if as_json:
        typer.echo(json.dumps(_summary(result)))
        return
    if details:
        for doc_id, counts in result.documents.items():
            errors = {f: (c.fp, c.fn) for f, c in counts.items() if c.fp or c.fn}
            if errors:
                console.print(doc_id, errors)
    for code, report in sorted(result.by_lang.items()):
        console.print(_table(f"{code}: {report.documents} documents", report))
    hi, lo = result.confident, result.unsure
    console.print(
        f"events with confidence >= 0.5: {hi[0]}/{hi[1]} correct"
        f"{f' ({hi[0] / hi[1]:.2f})' if hi[1] else ''}; below 0.5: {lo[0]}/{lo[1]}"
        f"{f' ({lo[0] / lo[1]:.2f})' if lo[1] else ''}"
    )
    console.print(_table(f"overall: {result.overall.documents} documents", result.overall))
    console.print(_calibration(result))
    if (links := result.links) is not None:
        for name, c in (("steps", links.steps), ("commitments", links.commitments)):
            console.print(
                f"{name} (pairs): P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}  "
                f"(tp {c.tp}, fp {c.fp}, fn {c.fn})"
            )
        console.print(
            f"commitment stages: {links.stages_right}/{links.stages_total} right "
            f"({links.stage_accuracy:.2f})"
        )
