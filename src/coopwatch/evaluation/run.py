"""Evaluate the extractor on a directory holding ``texts/*.txt`` and ``gold.jsonl``."""

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
    from coopwatch.readers import text as text_reader

    result = Evaluation()
    extractions: dict[str, Extraction] = {}
    golds = [g for g in load_gold(directory) if not langs or g.get("lang") in langs]
    for gold in golds:
        path = directory / "texts" / f"{gold['id']}.txt"
        if not path.is_file():
            raise EvalError(f"{path}: missing text for gold id {gold['id']!r}")
        documents = [d for d in text_reader.read(path) if isinstance(d, Document)]
        if not documents:
            raise EvalError(f"{path}: unreadable")
        extraction = extract(documents[0], model=model)
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


def _confidence_tally(result: Evaluation, gold: dict[str, Any], prediction: dict[str, Any]) -> None:
    from coopwatch.evaluation.scoring import _same_event

    for event in prediction.get("events", []):
        correct = any(_same_event(g, event) for g in gold.get("events", []))
        bucket = result.confident if event.get("confidence", 0) >= 0.5 else result.unsure
        bucket[0] += int(correct)
        bucket[1] += 1


__all__ = ["FIELDS", "Evaluation", "evaluate", "load_gold"]
