"""Evaluate the extractor on a directory holding ``texts/`` and ``gold.jsonl``.

A document is ``texts/<id>.txt``, else the page ``texts/<id>.html`` read by the HTML
reader, as ``coopwatch extract`` reads it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coopwatch.errors import EvalError
from coopwatch.evaluation.links import LinkScores, has_link_gold, score_links
from coopwatch.evaluation.scoring import FIELDS, Counts, Report, score_document
from coopwatch.model import Document, Extraction

#: Bands of event confidence, with their lower bounds.
BANDS = {"<0.5": 0.0, "0.5-0.7": 0.5, "0.7-0.9": 0.7, ">=0.9": 0.9}


def band_of(confidence: float) -> str:
    return next(name for name, low in reversed(BANDS.items()) if confidence >= low)


@dataclass(slots=True)
class Evaluation:
    overall: Report = field(default_factory=Report)
    by_lang: dict[str, Report] = field(default_factory=dict)
    documents: dict[str, dict[str, Counts]] = field(default_factory=dict)
    predictions: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Scores of the register's links when the gold carries ``step`` or ``commitments``.
    links: LinkScores | None = None
    #: (correct, total) of predicted events with confidence >= 0.5 and < 0.5
    confident: list[int] = field(default_factory=lambda: [0, 0])
    unsure: list[int] = field(default_factory=lambda: [0, 0])
    #: Calibration: (correct, total) of predicted events per band of confidence
    bands: dict[str, list[int]] = field(default_factory=lambda: {b: [0, 0] for b in BANDS})


def load_gold(directory: Path) -> list[dict[str, Any]]:
    gold_path = directory / "gold.jsonl"
    if not gold_path.is_file():
        raise EvalError(f"{gold_path}: missing (an evaluation directory holds gold.jsonl)")
    gold = []
    for n, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{gold_path}:{n}: not JSON ({exc.msg})") from exc
        if "id" not in item:
            raise EvalError(f"{gold_path}:{n}: no 'id'")
        gold.append(item)
    return gold


def evaluate(
    directory: Path,
    *,
    langs: set[str] | None = None,
    model: str = "none",
    progress: Callable[[str], None] | None = None,
) -> Evaluation:
    from coopwatch import extract

    result = Evaluation()
    extractions: dict[str, Extraction] = {}
    golds = [g for g in load_gold(directory) if not langs or g.get("lang") in langs]
    for gold in golds:
        document = read_document(directory, str(gold["id"]))
        extraction = extract(document, model=model)
        extractions[gold["id"]] = extraction
        prediction = extraction.to_json()
        counts = score_document(gold, prediction)
        result.overall.add(counts)
        result.by_lang.setdefault(str(gold.get("lang")), Report()).add(counts)
        result.documents[gold["id"]] = counts
        result.predictions[gold["id"]] = prediction
        _confidence_tally(result, gold, prediction)
        if progress:
            progress(gold["id"])
    if has_link_gold(golds):
        result.links = score_links(golds, extractions)
    return result


def read_document(directory: Path, doc_id: str) -> Document:
    """The document of a gold id: its text file, else its HTML page."""
    from coopwatch.errors import InputError
    from coopwatch.readers import html as html_reader
    from coopwatch.readers import text as text_reader

    path = directory / "texts" / f"{doc_id}.txt"
    reader = text_reader.read
    if not path.is_file():
        page = path.with_suffix(".html")
        if not page.is_file():
            raise EvalError(f"{path}: missing text (or .html page) for gold id {doc_id!r}")
        path, reader = page, html_reader.read
    try:
        documents = [d for d in reader(path) if isinstance(d, Document)]
    except InputError as exc:
        raise EvalError(f"{path}: unreadable ({exc.reason})") from exc
    if not documents:
        raise EvalError(f"{path}: unreadable")
    return documents[0]


def _confidence_tally(result: Evaluation, gold: dict[str, Any], prediction: dict[str, Any]) -> None:
    from coopwatch.evaluation.scoring import same_event

    for event in prediction.get("events", []):
        correct = any(same_event(g, event) for g in gold.get("events", []))
        bucket = result.confident if event.get("confidence", 0) >= 0.5 else result.unsure
        bucket[0] += int(correct)
        bucket[1] += 1
        band = result.bands[band_of(event.get("confidence", 0))]
        band[0] += int(correct)
        band[1] += 1


__all__ = ["BANDS", "FIELDS", "Evaluation", "band_of", "evaluate", "load_gold", "read_document"]
