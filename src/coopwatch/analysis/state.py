"""The working state of one document's analysis, shared by the stages."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import compress, count
from operator import attrgetter
from typing import Any, TypeVar

from coopwatch.analysis.matcher import PhraseMatch
from coopwatch.analysis.tokens import Token
from coopwatch.lexicons import Lexicon
from coopwatch.model import Document, Label, Mention, Span

T = TypeVar("T")
_TEXT = attrgetter("text")
_START = attrgetter("start")


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
    _matches: dict[str, list[PhraseMatch]] | None = None
    _token_starts: list[int] = field(default_factory=list)
    _by_label: dict[Label, list[Mention]] = field(default_factory=dict)
    _numbers: list[int] | None = None
    _adjectives: tuple[int, set[int]] | None = None
    _derived: dict[str, tuple[int, Any]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.document.text

    def add(self, label: Label, start: int, end: int, value: Any = None, **attrs: Any) -> Mention:
        mention = Mention(label, start, end, self.text[start:end], value, attrs)
        self.mentions.append(mention)
        self._by_label.setdefault(label, []).append(mention)
        return mention

    def of(self, label: Label) -> list[Mention]:
        """Mentions of one kind, in the order they were added (text order once sorted)."""
        return list(self._by_label.get(label, ()))

    def sort(self) -> None:
        """Put every mention in text order (done once the stages have run)."""
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self._by_label = {}
        for m in self.mentions:
            self._by_label.setdefault(m.label, []).append(m)

    def matches(self, vocabulary: str) -> list[PhraseMatch]:
        """Matches of one of the language's phrase lists (scanned once per document)."""
        if self._matches is None:
            if self.lexicon is None:
                return []
            self._matches = self.lexicon.vocabulary.find_all(self.tokens, self.keys)
        return self._matches.get(vocabulary, [])

    def numbers(self) -> list[int]:
        """Indices of the tokens that are runs of digits (computed once per document)."""
        if self._numbers is None:
            # isdecimal() is exactly the tokenizer's \d: a token either is a digit run or
            # holds no digit at all.
            digits = map(str.isdecimal, map(_TEXT, self.tokens))
            self._numbers = list(compress(count(), digits))
        return self._numbers

    def span_of(self, match: PhraseMatch) -> tuple[int, int]:
        return self.tokens[match.first].start, self.tokens[match.last - 1].end

    def set_sentences(self, spans: list[Span]) -> None:
        self.sentences = spans
        self._sentence_starts = [s.start for s in spans]

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding a character offset."""
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def token_indices(self, mentions: Iterable[Mention]) -> set[int]:
        """Indices of the tokens that the given mentions cover."""
        starts = self._starts()
        covered: set[int] = set()
        for m in mentions:
            first = bisect.bisect_left(starts, m.start)
            covered.update(range(first, bisect.bisect_left(starts, m.end, first)))
        return covered

    def adjective_tokens(self) -> set[int]:
        """Indices of the tokens of country adjectives ("algérien", "Indian"), computed
        again only when countries have been added since (callers share the set: read it,
        never change it)."""
        countries = self._by_label.get(Label.COUNTRY, [])
        if self._adjectives is None or self._adjectives[0] != len(countries):
            adjectives = (m for m in countries if m.attrs.get("kind") == "adjective")
            self._adjectives = (len(countries), self.token_indices(adjectives))
        return self._adjectives[1]

    def derived(self, name: str, label: Label, compute: Callable[[list[Mention]], T]) -> T:
        """``compute(mentions of label)``, kept until mentions of that label are added:
        an index that many questions of a stage share (see ``analysis.spans``)."""
        mentions = self._by_label.get(label, [])
        known = self._derived.get(name)
        if known is None or known[0] != len(mentions):
            known = self._derived[name] = (len(mentions), compute(list(mentions)))
        return known[1]  # type: ignore[no-any-return]

    def crosses_line(self, i: int, j: int) -> bool:
        """Whether a line ends between tokens i and j (a headline, a dateline)."""
        return "\n" in self.text[self.tokens[i].end : self.tokens[j].start]

    def is_name_stopword(self, i: int) -> bool:
        """Whether token i is a word that no name contains (the lexicon's name stopwords)."""
        return self.lexicon is not None and not self.lexicon.name_stopwords.isdisjoint(self.keys[i])

    def token_at(self, offset: int) -> int:
        """Index of the first token starting at or after a character offset."""
        return bisect.bisect_left(self._starts(), offset)

    def _starts(self) -> list[int]:
        if len(self._token_starts) != len(self.tokens):
            self._token_starts = list(map(_START, self.tokens))
        return self._token_starts
