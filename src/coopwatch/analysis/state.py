"""The working state of one document's analysis, shared by the stages."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from coopwatch.analysis.matcher import PhraseMatch, PhraseMatcher
from coopwatch.analysis.tokens import Token
from coopwatch.lexicons import Lexicon
from coopwatch.model import Document, Label, Mention, Span


@dataclass(slots=True)
class Analysis:
    document: Document
    lexicon: Lexicon | None = None
    tokens: list[Token] = field(default_factory=list)
    keys: list[tuple[str, ...]] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    published: date | None = None
    options: dict[str, Any] = field(default_factory=dict)
    _sentence_starts: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.document.text

    def add(self, label: Label, start: int, end: int, value: Any = None, **attrs: Any) -> Mention:
        mention = Mention(label, start, end, self.text[start:end], value, attrs)
        self.mentions.append(mention)
        return mention

    def of(self, label: Label) -> list[Mention]:
        return [m for m in self.mentions if m.label == label]

    def find(self, matcher: PhraseMatcher) -> list[PhraseMatch]:
        return matcher.find(self.tokens, self.keys)

    def span_of(self, match: PhraseMatch) -> tuple[int, int]:
        return self.tokens[match.first].start, self.tokens[match.last - 1].end

    def set_sentences(self, spans: list[Span]) -> None:
        self.sentences = spans
        self._sentence_starts = [s.start for s in spans]

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding a character offset."""
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def token_at(self, offset: int) -> int:
        """Index of the first token starting at or after a character offset."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].start < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo
