"""Stage: tokens with their lexicon keys, and sentence boundaries."""

from __future__ import annotations

import re
from operator import attrgetter

from coopwatch.analysis.state import Analysis
from coopwatch.analysis.tokens import tokenize
from coopwatch.model import Span

# A sentence ends at a line break, or at . ! ? ؟ followed by space and a letter that
# can open a sentence — unless the dot closes an abbreviation or an initial.
# The punctuation is part of the match (not a look-behind) so that the regex engine can
# skip ahead to the few characters that may end a sentence.
_BOUNDARY = re.compile(r"\n+|[.!?؟;]\s+(?=[\"«(]?[A-ZÀ-ÖØ-ÞА-ЯЁ\u0600-\u06ff0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:M|Mme|Mlle|MM|Dr|Pr|Mr|Mrs|Ms|St|No|Nos|Jr|Sr|Co|Inc|Ltd|Corp|vs|etc|"
    r"г|гг|тыс|млн|млрд|им|ул|т\.е|т\.к|с\.г|Sh|Rs)|\b[A-ZА-Я])\.$"
)


_TEXT = attrgetter("text")


def split_sentences(text: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        boundary, gap = match.start(), match.group()
        if gap[0] != "\n":
            boundary += 1  # the sentence keeps its final punctuation
            tail = text[max(start, boundary - 8) : boundary]
            if "\n" not in gap and _ABBREVIATION.search(tail):
                continue
        if text[start:boundary].strip():
            spans.append(Span(start, boundary))
        start = match.end()
    if text[start:].strip():
        spans.append(Span(start, len(text)))
    return spans


def run(analysis: Analysis) -> None:
    analysis.tokens = tokenize(analysis.text)
    lexicon = analysis.lexicon
    if lexicon is not None:
        analysis.keys = lexicon.keying.keys_of(map(_TEXT, analysis.tokens))
    else:
        analysis.keys = [(t.text.lower(),) for t in analysis.tokens]
    analysis.set_sentences(split_sentences(analysis.text))
