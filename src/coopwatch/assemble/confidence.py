"""Confidence: the probability that an event is right, from the evidence the text gives.

``features`` describes an event by what backs it; ``confidence`` passes them through a
logistic model whose weights (``WEIGHTS``) were fitted on pages the rules were never
tuned on: the held-back half (odd-numbered pages) of the two blind corpora of web pages,
``tests/corpus/web_fr_en`` and ``tests/corpus/web_ar_ru``. ``coopwatch eval`` prints how
well it is calibrated: for each band of confidence, the share of events that are right.
"""

from __future__ import annotations

import math
from datetime import date

from coopwatch.model import Event, EventType

#: The names of the features, in the order of ``features`` and ``WEIGHTS``.
FEATURES = (
    "bias",
    "date_in_sentence",
    "more_triggers",
    "parties_in_sentence",
    "actors",
    "slots",
    "meeting",
    "pledge",
    "implementation",
    "report_day",
    "undated_report",
)

#: Fitted by ``benchmarks/fit_confidence.py`` (L2-regularised logistic regression).
WEIGHTS = (-0.40, 0.53, 0.37, 0.21, 0.40, 0.42, -0.30, -0.14, -0.00, 0.60, -1.03)


def features(event: Event, published: date | None) -> tuple[float, ...]:
    """What backs an event: a date written in its sentence, several trigger phrases, the
    parties named there, a person or organisation acting, the facts it carries, its type,
    whether it is dated by the day of the report, and whether the report has a date."""
    ev = event.evidence
    return (
        1.0,
        1.0 if ev.get("date") else 0.0,
        float(min(len(ev.get("type", [])) - 1, 2)),
        1.0 if ev.get("parties") else 0.0,
        1.0 if event.persons or event.organizations else 0.0,
        1.0 if event.sectors or event.instruments or event.amounts else 0.0,
        1.0 if event.type == EventType.MEETING else 0.0,
        1.0 if event.type == EventType.PLEDGE else 0.0,
        1.0 if event.type == EventType.IMPLEMENTATION else 0.0,
        1.0 if published is not None and event.date == published else 0.0,
        1.0 if published is None else 0.0,
    )


def confidence(event: Event, published: date | None = None) -> float:
    """The probability, in [0, 1], that the event is right."""
    score = sum(w * x for w, x in zip(WEIGHTS, features(event, published), strict=True))
    return round(1.0 / (1.0 + math.exp(-score)), 3)
