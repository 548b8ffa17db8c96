"""Score the register's links against gold ``step`` and ``commitments`` (SCHEMA.md).

The documents are ingested into a temporary store, so the links scored are those the
register makes. Steps: every pair of gold events sharing a ``step`` id is a positive
pair; a pair of reports the register put in one step is right when both are matched
to gold events of one step (a report matches a gold event of its document of the same
type, dated within two days), wrong when both are matched to events of different
steps. A pair with a report that matches no gold event is left out: that report is an
extraction error, which the ``events`` field already counts. Commitments: every pair
of documents sharing a gold commitment id is a positive pair, every pair of documents
sharing a thread is a predicted one; the stage of a gold (document, commitment) is
right when the thread that best covers that commitment shows that stage in that document.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from coopwatch.evaluation.scoring import Counts, same_event
from coopwatch.linking.commitments import strongest
from coopwatch.model import CommitmentStage, Extraction
from coopwatch.store import Store
from coopwatch.store.register_queries import ReportRow, commitments_of_events, reports


@dataclass(slots=True)
class LinkScores:
    steps: Counts
    commitments: Counts
    stages_right: int
    stages_total: int

    @property
    def stage_accuracy(self) -> float:
        return self.stages_right / self.stages_total if self.stages_total else 0.0

    def to_json(self) -> dict[str, Any]:
        def pr(c: Counts) -> dict[str, float]:
            return {
                "precision": round(c.precision, 4),
                "recall": round(c.recall, 4),
                "f1": round(c.f1, 4),
                "tp": c.tp,
                "fp": c.fp,
                "fn": c.fn,
            }

        return {
            "steps": pr(self.steps),
            "commitments": pr(self.commitments),
            "stage_accuracy": round(self.stage_accuracy, 4),
            "stages": [self.stages_right, self.stages_total],
        }


def has_link_gold(gold: Iterable[dict[str, Any]]) -> bool:
    return any("commitments" in g or any("step" in e for e in g.get("events", [])) for g in gold)


def score_links(gold: Sequence[dict[str, Any]], extractions: dict[str, Extraction]) -> LinkScores:
    """Ingest ``extractions`` (gold id -> extraction) and score the register's links."""
    with tempfile.TemporaryDirectory() as tmp, Store.open(str(Path(tmp) / "links.db")) as store:
        store.ingest(extractions[g["id"]] for g in gold if g["id"] in extractions)
        with store.engine.connect() as db:
            rows = reports(db)
            threads = commitments_of_events(db, sorted({r.event_id for r in rows}))
    doc_of = {e.document.id: gid for gid, e in extractions.items()}
    by_doc: dict[str, list[ReportRow]] = defaultdict(list)
    for r in rows:
        if r.document_id in doc_of:
            by_doc[doc_of[r.document_id]].append(r)
    return LinkScores(
        _step_pairs(gold, by_doc),
        *_commitment_pairs(gold, by_doc, threads),
    )


def _match(gold_events: list[dict[str, Any]], found: list[ReportRow]) -> dict[int, ReportRow]:
    """Gold event index -> the report matched to it (each report used once, the closest
    dates first: a report of the day is not lost to one two days off)."""
    pairs = []
    for i, g in enumerate(gold_events):
        for j, r in enumerate(found):
            day = r.date.isoformat() if r.date else None
            if same_event(g, {"type": r.type, "date": day}):
                pairs.append((_days_apart(g.get("date"), r.date), i, j))
    out: dict[int, ReportRow] = {}
    used: set[int] = set()
    for _, i, j in sorted(pairs):
        if i not in out and j not in used:
            out[i] = found[j]
            used.add(j)
    return out


def _days_apart(gold_date: str | None, found: date | None) -> int:
    if gold_date is None or found is None:
        return 0
    return abs((date.fromisoformat(gold_date) - found).days)


def _step_pairs(gold: Sequence[dict[str, Any]], by_doc: dict[str, list[ReportRow]]) -> Counts:
    step_of_report: dict[str, str | None] = {}
    gold_events: list[tuple[str, int, str | None]] = []
    matched: dict[tuple[str, int], ReportRow] = {}
    for g in gold:
        events = g.get("events", [])
        for i, e in enumerate(events):
            gold_events.append((g["id"], i, e.get("step")))
        for i, r in _match(events, by_doc.get(g["id"], [])).items():
            matched[(g["id"], i)] = r
            step_of_report[r.report_id] = events[i].get("step")
    counts = Counts()
    for (da, ia, sa_), (db_, ib, sb) in combinations(gold_events, 2):
        if sa_ is None or sa_ != sb:
            continue
        ra, rb = matched.get((da, ia)), matched.get((db_, ib))
        if ra and rb and ra.event_id == rb.event_id:
            counts.tp += 1
        else:
            counts.fn += 1
    steps: dict[str, list[ReportRow]] = defaultdict(list)
    for rs in by_doc.values():
        for r in rs:
            steps[r.event_id].append(r)
    for members in steps.values():
        for ra, rb in combinations(members, 2):
            if ra.report_id not in step_of_report or rb.report_id not in step_of_report:
                continue  # a report of no gold event: an extraction error, scored there
            ga, gb = step_of_report[ra.report_id], step_of_report[rb.report_id]
            if not (ga is not None and ga == gb):
                counts.fp += 1
    return counts


def _commitment_pairs(
    gold: Sequence[dict[str, Any]],
    by_doc: dict[str, list[ReportRow]],
    threads: dict[str, list[str]],
) -> tuple[Counts, int, int]:
    gold_docs: dict[str, set[str]] = defaultdict(set)
    gold_stage: dict[tuple[str, str], str] = {}
    for g in gold:
        for c in g.get("commitments", []):
            gold_docs[c["id"]].add(g["id"])
            gold_stage[(g["id"], c["id"])] = c.get("stage", "")
    shown: dict[tuple[str, str], list[CommitmentStage]] = defaultdict(list)
    thread_docs: dict[str, set[str]] = defaultdict(set)
    for doc, rs in by_doc.items():
        for r in rs:
            for t in threads.get(r.event_id, []):
                thread_docs[t].add(doc)
                shown[(doc, t)].append(CommitmentStage(r.stage))
    gold_pairs = {frozenset(p) for docs in gold_docs.values() for p in combinations(docs, 2)}
    found_pairs = {frozenset(p) for docs in thread_docs.values() for p in combinations(docs, 2)}
    counts = Counts(
        tp=len(gold_pairs & found_pairs),
        fp=len(found_pairs - gold_pairs),
        fn=len(gold_pairs - found_pairs),
    )
    right = total = 0
    for cid, docs in gold_docs.items():
        best = max(thread_docs, key=lambda t: (len(thread_docs[t] & docs), t), default=None)
        for doc in docs:
            total += 1
            if best is None or doc not in thread_docs[best] or not docs & thread_docs[best]:
                continue
            stage = strongest(shown[(doc, best)])
            right += int(str(stage) == gold_stage[(doc, cid)])
    return counts, right, total
