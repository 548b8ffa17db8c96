"""Multi-phrase matching over tokens: a trie of entry keys walked once per token.

Each token of the text may match under several keys (lemmas, stripped clitics), so
the walk keeps the set of trie nodes alive at each step. Matches are the longest at
each start; overlapping matches are resolved left to right, longest first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from coopwatch.analysis.keying import EXACT, Keying
from coopwatch.analysis.tokens import Token, tokenize
from coopwatch.text import normalise_text

_END = "\x00end"


@dataclass(slots=True)
class PhraseMatch:
    first: int  # index of the first token
    last: int  # index one past the last token
    payloads: tuple[Any, ...]


def _entry_words(phrase: str) -> list[str]:
    """Tokens of a lexicon phrase; "=word" (exact form) stays one token."""
    words: list[str] = []
    glue = False
    previous_end = -1
    for token in tokenize(normalise_text(phrase)):
        if glue and token.start == previous_end and token.is_word:
            words[-1] += token.text
        else:
            words.append(token.text)
        glue = token.text == EXACT
        previous_end = token.end
    return words


class PhraseMatcher:
    def __init__(self, keying: Keying) -> None:
        self._keying = keying
        self._root: dict[str, Any] = {}
        self.size = 0

    def add(self, phrase: str, payload: Any) -> None:
        words = _entry_words(phrase)
        if not words:
            return
        node = self._root
        for word in words:
            node = node.setdefault(self._keying.entry_key(word), {})
        node.setdefault(_END, []).append(payload)
        self.size += 1

    def add_all(self, phrases: Iterable[str], payload: Any) -> None:
        for phrase in phrases:
            self.add(phrase, payload)

    def find(self, tokens: Sequence[Token], keys: Sequence[tuple[str, ...]]) -> list[PhraseMatch]:
        """Longest non-overlapping matches; ``keys[i]`` are the text keys of ``tokens[i]``."""
        found: list[PhraseMatch] = []
        i, n = 0, len(tokens)
        root = self._root
        while i < n:
            best: PhraseMatch | None = None
            frontier = [root]
            j = i
            while frontier and j < n:
                nxt = []
                for node in frontier:
                    for key in keys[j]:
                        child = node.get(key)
                        if child is not None:
                            nxt.append(child)
                j += 1
                for node in nxt:
                    if _END in node and (best is None or j > best.last):
                        best = PhraseMatch(i, j, tuple(node[_END]))
                frontier = nxt
            if best is None:
                i += 1
            else:
                found.append(best)
                i = best.last
        return found


class VocabularyMatcher:
    """Many named phrase lists in one trie; one walk finds the matches of every list.

    For each list the result is what a ``PhraseMatcher`` of that list alone would find:
    the longest match at each start, overlaps resolved left to right.
    """

    def __init__(self, keying: Keying) -> None:
        self._keying = keying
        self._root: dict[str, Any] = {}
        # Most words begin no phrase: remember, per word, the trie nodes it opens.
        self._openers: dict[str, list[dict[str, Any]]] = {}

    def add(self, name: str, phrase: str, payload: Any) -> None:
        self._openers.clear()
        words = _entry_words(phrase)
        if not words:
            return
        node = self._root
        for word in words:
            node = node.setdefault(self._keying.entry_key(word), {})
        node.setdefault(_END, {}).setdefault(name, []).append(payload)

    def find_all(
        self, tokens: Sequence[Token], keys: Sequence[tuple[str, ...]]
    ) -> dict[str, list[PhraseMatch]]:
        root, openers = self._root, self._openers
        n = len(tokens)
        found: dict[str, list[PhraseMatch]] = {}
        free: dict[str, int] = {}
        for i, token in enumerate(tokens):
            frontier = openers.get(token.text)
            if frontier is None:
                frontier = openers[token.text] = [root[k] for k in keys[i] if k in root]
            if not frontier:
                continue
            best: dict[str, tuple[int, list[Any]]] = {}
            j = i
            while frontier:
                j += 1
                for node in frontier:
                    ends = node.get(_END)
                    if ends:
                        for name, payloads in ends.items():
                            best[name] = (j, payloads)
                if j >= n:
                    break
                frontier = [node[k] for node in frontier for k in keys[j] if k in node]
            for name, (end, payloads) in best.items():
                if i >= free.get(name, 0):
                    found.setdefault(name, []).append(PhraseMatch(i, end, tuple(payloads)))
                    free[name] = end
        return found
