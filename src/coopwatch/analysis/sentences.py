"""Stage: tokens with their lexicon keys, and sentence boundaries."""

from __future__ import annotations

import re

from coopwatch.analysis.state import Analysis
from coopwatch.analysis.tokens import tokenize
from coopwatch.model import Span

# A sentence ends at a line break, or at . ! ? ؟ followed by space and a letter that
# can open a sentence — unless the dot closes an abbreviation or an initial.
_BOUNDARY = re.compile(r"\n+|(?<=[.!?؟;])\s+(?=[\"«(]?[A-ZÀ-ÖØ-ÞА-ЯЁ\u0600-\u06ff0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:M|Mme|Mlle|MM|Dr|Pr|Mr|Mrs|Ms|St|No|Nos|Jr|Sr|Co|Inc|Ltd|Corp|vs|etc|"
    r"г|гг|тыс|млн|млрд|им|ул|т\.е|т\.к|с\.г|Sh|Rs)|\b[A-ZА-Я])\.$"
)


def split_sentences(text: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        tail = text[max(start, match.start() - 8) : match.start()]
        if "\n" not in match.group() and _ABBREVIATION.search(tail):
            continue
        if text[start : match.start()].strip():
            spans.append(Span(start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append(Span(start, len(text)))
    return spans


def run(analysis: Analysis) -> None:
    analysis.tokens = tokenize(analysis.text)
    lexicon = analysis.lexicon
    if lexicon is not None:
        text_keys = lexicon.keying.text_keys
        analysis.keys = [text_keys(t.text) for t in analysis.tokens]
    else:
        analysis.keys = [(t.text.lower(),) for t in analysis.tokens]
    analysis.set_sentences(split_sentences(analysis.text))
