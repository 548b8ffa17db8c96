"""Stage: countries by name, adjective or capital, and phrases naming both parties.

Each COUNTRY mention records its ``kind`` (name, adjective, capital), whether it
stands beside a side noun ("la partie algérienne": ``side``), and whether a passing cue
precedes it ("exports to Europe": ``passing``). Assembly weighs these when it decides
which countries are parties.
"""

from __future__ import annotations

from coopwatch.analysis.state import Analysis
from coopwatch.model import Label


def _party_counts(analysis: Analysis) -> None:
    """ "Les quatre pays", "the three countries": a BOTH_PARTIES mention with its count."""
    tokens = analysis.tokens
    found = analysis.matches("count")
    ending, starting = {m.last: m for m in found}, {m.first: m for m in found}
    for noun in analysis.matches("country_noun"):
        number = ending.get(noun.first) or starting.get(noun.last)
        if number is not None:
            count = int(number.payloads[0])
            first, last = min(number.first, noun.first), max(number.last, noun.last)
        elif noun.first and tokens[noun.first - 1].text.isdigit():
            count, first, last = int(tokens[noun.first - 1].text), noun.first - 1, noun.last
        else:
            continue
        if 2 < count < 20:
            analysis.add(Label.BOTH_PARTIES, tokens[first].start, tokens[last - 1].end, count)


def run(analysis: Analysis) -> None:
    if analysis.lexicon is None:
        return
    _party_counts(analysis)
    side_tokens = {i for m in analysis.matches("side") for i in range(m.first, m.last)}
    passing_ends = {m.last for m in analysis.matches("passing")}
    tokens = analysis.tokens
    # "dollars américains", "Canadian dollars", "US$": the currency's country is no actor
    in_currency = {i for m in analysis.matches("currency") for i in range(m.first, m.last)}
    for match in analysis.matches("country"):
        start, end = analysis.span_of(match)
        if in_currency.issuperset(range(match.first, match.last)):
            continue
        codes = sorted({p[0] for p in match.payloads})
        kind = match.payloads[0][1]
        if kind == "both":
            analysis.add(Label.BOTH_PARTIES, start, end, None)
            continue
        if kind == "combining":
            if analysis.text[end : end + 1] != "-":
                continue  # "Franco" alone is a name; "Franco-Moroccan" joins two countries
            kind = "adjective"
        # Adjectives in every script, names only where the first letter is a capital
        # (a lower-case "chine" or "turquie" in French is a common noun).
        if (
            kind != "adjective"
            and analysis.lexicon.language.cased
            and not tokens[match.first].is_capitalised
        ):
            continue
        near = {match.first - 1, match.first - 2, match.last, match.last + 1}
        first = match.first
        # "d'Algérie", "of the": a passing cue may sit before a short determiner.
        is_passing = first in passing_ends or (first - 1 in passing_ends and first >= 1)
        analysis.add(
            Label.COUNTRY,
            start,
            end,
            codes[0],
            kind=kind,
            alternatives=codes[1:],
            side=bool(side_tokens & near),
            passing=is_passing,
        )
