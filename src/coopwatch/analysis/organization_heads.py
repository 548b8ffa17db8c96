"""Names closed by an institution's noun, in languages that put it last (the lexicon's
``closing_institutions``): "Kenya Tea Development Agency", "San-Pedro Port Authority".
The capitalised words before the noun are the name, provided one of them is more than
a country."""

from __future__ import annotations

from coopwatch.analysis.organization_forms import CONNECTORS, is_proper, joins_name_words
from coopwatch.analysis.state import Analysis
from coopwatch.text import fold

_NAME_WORDS = 4  # capitalised words before the noun ("Kenya Tea Development Agency")

#: Words after which the noun opens a name instead: "Bank of", "Authority for".
_OPENING = frozenset({"of", "for"})

_ARTICLES = frozenset({"the", "a", "an"})


def names_closed_by_institution(
    analysis: Analysis, blocked: set[int], countries: set[int]
) -> list[tuple[int, int]]:
    if analysis.lexicon is None:
        return []
    tokens = analysis.tokens
    adjectives = analysis.adjective_tokens()
    spans = []
    for match in analysis.matches("org_closing"):
        head, end = match.first, match.last
        if not tokens[head].is_capitalised:
            continue
        if end < len(tokens) and (fold(tokens[end].text) in _OPENING or is_proper(analysis, end)):
            continue  # "Bank of Words" is found elsewhere; "Extended Fund Facility" goes on
        first = head
        while (
            first > 0
            and head - first < _NAME_WORDS
            and (first - 1 not in blocked or first - 1 in countries)
            and "\n" not in analysis.text[tokens[first - 1].end : tokens[first].start]
        ):
            if joins_name_words(analysis, first - 1):
                first -= 1  # "San-Pedro Port Authority"
            elif is_proper(analysis, first - 1) and fold(tokens[first - 1].text) not in CONNECTORS:
                first -= 1
            else:
                break
        if first > 0 and head - first == _NAME_WORDS and is_proper(analysis, first - 1):
            continue  # longer than the reach: "Cuu Long Delta Rice Research Institute"
        while first < head and (
            fold(tokens[first].text) in _ARTICLES or analysis.is_name_stopword(first)
        ):
            first += 1
        own = [i for i in range(first, head) if i not in countries and i not in adjectives]
        if own:
            spans.append((tokens[first].start, tokens[end - 1].end))
    return spans
