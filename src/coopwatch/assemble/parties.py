"""Parties: the host country of a dispatch, how strongly each country acts, and the
choice of the parties."""

from __future__ import annotations

import re
from collections import defaultdict

from coopwatch.analysis.state import Analysis
from coopwatch.assemble.context import Context
from coopwatch.assemble.names import is_person
from coopwatch.model import Label

_THIRD_PARTY_SHARE = 0.68  # a third country needs this share of the second one's score


_MIN_PARTY_SCORE = 1.5  # above a single mention in a sentence that tells no step


_DATELINE_CHARS = 60  # a longer line without a dash is a paragraph, not a dateline


_DATELINE_END = re.compile(r"\s[-–—]|\s?--|\)\s*[-–—:]")


def host_country(analysis: Analysis) -> str | None:
    """The country a dispatch reports from: its agency, else its dateline's city, else the
    country its headline names first."""
    lexicon = analysis.lexicon
    if lexicon is None:
        return None
    found = analysis.matches("agency")
    countries = analysis.of(Label.COUNTRY)
    if found:
        codes: tuple[str, ...] = found[0].payloads[0]
        named = {m.value for m in countries}
        return next((code for code in codes if code in named), codes[0])
    first_lines = analysis.text.split("\n", 2)
    dateline = first_lines[1] if len(first_lines) > 1 else ""
    # The dateline may open the lead paragraph: only its place, before the dash, counts.
    cut = _DATELINE_END.search(dateline)
    place = cut.start() if cut else (len(dateline) if len(dateline) <= _DATELINE_CHARS else 0)
    dateline_end = len(first_lines[0]) + 1 + place
    for m in countries:
        if len(first_lines[0]) < m.start < dateline_end and m.attrs.get("kind") != "adjective":
            return str(m.value)
    # A headline names the home side first: "L'Algérie et la Biélorussie ...".
    for m in countries:
        if m.start < len(first_lines[0]) and m.attrs.get("kind") == "name":
            return str(m.value)
    return None


def party_scores(ctx: Context, trigger_sentences: set[int]) -> dict[str, float]:
    """How strongly each country acts in the text: named in the headline or lead, in a
    sentence that tells a step, as a side ("la partie algérienne"), as a person's
    country; a destination or venue after a passing cue does not count."""
    scores: dict[str, float] = defaultdict(float)
    countries = [
        (sentence, m)
        for (sentence, label), ms in ctx.by_sentence.items()
        if label == Label.COUNTRY
        for m in ms
    ]
    for sentence, m in countries:
        if m.attrs.get("passing"):
            continue
        weight = 1.0
        if sentence == 0:
            weight += 2.0
        if sentence in trigger_sentences:
            weight += 1.0
        if m.attrs.get("side"):
            weight += 2.0
        if m.attrs.get("kind") == "capital" and sentence != 0:
            weight -= 0.5
        scores[str(m.value)] += weight
    for p in filter(is_person, ctx.analysis.of(Label.PERSON)):
        country = p.attrs.get("country")
        if country and not p.attrs.get("repeat"):
            scores[country] += 2.0
    return scores


def choose_parties(
    scores: dict[str, float], host: str | None, has_both: bool, count: int = 2
) -> list[str]:
    """The two best-scored countries, more when the text counts them ("les quatre
    pays") or when a third scores close to the second."""
    if host and (host in scores or has_both or len(scores) == 1):
        scores[host] += 2.0
    # One mention in passing, outside the headline and the sentences that tell a step,
    # makes no party: "products now imported from China" in a domestic story.
    ranked = sorted(
        ((code, s) for code, s in scores.items() if s >= _MIN_PARTY_SCORE or code == host),
        key=lambda item: -item[1],
    )
    if not ranked:
        return []
    parties = [code for code, _ in ranked[: max(2, count)]]
    if len(ranked) > len(parties):
        reference = ranked[1][1]
        parties += [
            code
            for code, s in ranked[len(parties) :]
            if s >= max(3.0, reference * _THIRD_PARTY_SHARE)
        ]
    return sorted(parties)
