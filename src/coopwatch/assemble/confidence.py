"""Confidence: how much the text backs an event, from the evidence it has."""

from __future__ import annotations

from coopwatch.model import Event, EventType


def confidence(event: Event) -> float:
    """How much the text backs the event, from the evidence it has (in [0, 1]).

    Measured on the development set and test corpora, each of these raises the share
    of correct events: a date written in the sentence, several trigger phrases, the
    parties named in the sentence, a person or organisation acting in it. Steps of
    implementation are the ones most often misread.
    """
    ev = event.evidence
    score = 0.25
    score += 0.2 if ev.get("date") else 0.0
    score += 0.1 * min(len(ev.get("type", [])) - 1, 2)
    score += 0.15 if ev.get("parties") else 0.0
    score += 0.15 if event.persons or event.organizations else 0.0
    score += 0.1 if event.sectors or event.instruments or event.amounts else 0.0
    if event.type == EventType.IMPLEMENTATION:
        score -= 0.1
    return round(max(0.0, min(score, 1.0)), 3)
