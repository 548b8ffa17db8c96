"""Multi-phrase matching over tokens: a trie of entry keys walked once per token.

Each token of the text may match under several keys (lemmas, stripped clitics), so
the walk keeps the set of trie nodes alive at each step. Matches are the longest at
each start; overlapping matches are resolved left to right, longest first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, NamedTuple

from coopwatch.analysis.keying import EXACT, Keying
from coopwatch.analysis.tokens import Token, tokenize
from coopwatch.text import normalise_text

_END = "\x00end"
_FIRST = itemgetter(0)


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


def _insert(root: dict[str, Any], keying: Keying, phrase: str) -> dict[str, Any] | None:
    """The trie node a phrase ends at, created as needed (None for a phrase of no words)."""
    words = _entry_words(phrase)
    if not words:
        return None
    node = root
    for word in words:
        node = node.setdefault(keying.entry_key(word), {})
    return node


class PhraseMatcher:
    def __init__(self, keying: Keying) -> None:
        self._keying = keying
        self._root: dict[str, Any] = {}
        self.size = 0

    def add(self, phrase: str, payload: Any) -> None:
        node = _insert(self._root, self._keying, phrase)
        if node is not None:
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

    Where a token's keys all refine one scan key (``Keying.scan_key``, the Latin
    keying's stem), the walk is replaced by an Aho-Corasick automaton over the
    document's scan keys, run in C; the few candidate matches it reports are then
    checked against their exact-form and acronym words.
    """

    def __init__(self, keying: Keying) -> None:
        self._keying = keying
        self._root: dict[str, Any] = {}
        # Most words begin no phrase: remember, per word, the trie nodes it opens.
        self._openers: dict[str, list[dict[str, Any]]] = {}
        self._automaton: Any = None

    def add(self, name: str, phrase: str, payload: Any) -> None:
        self._openers.clear()
        self._automaton = None
        node = _insert(self._root, self._keying, phrase)
        if node is not None:
            node.setdefault(_END, {}).setdefault(name, []).append(payload)

    def entry(self, name: str, keys: Sequence[tuple[str, ...]]) -> tuple[Any, ...] | None:
        """The payloads of the list's entry that these tokens' keys spell whole, if any."""
        frontier = [self._root]
        for token_keys in keys:
            frontier = [node[k] for node in frontier for k in token_keys if k in node]
            if not frontier:
                return None
        for node in frontier:
            ends = node.get(_END)
            if ends and name in ends:
                return tuple(ends[name])
        return None

    def find_all(
        self, tokens: Sequence[Token], keys: Sequence[tuple[str, ...]]
    ) -> dict[str, list[PhraseMatch]]:
        if self._keying.scan_key is None:
            return self._walk(tokens, keys)
        if self._automaton is None:
            self._automaton = self._build_automaton()
        return self._scan(keys)

    def _walk(
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

    def _build_automaton(self) -> Any:
        import ahocorasick  # type: ignore[import-not-found]

        scan_key = self._keying.scan_key
        assert scan_key is not None
        entries: dict[str, list[_Entry]] = {}
        stack: list[tuple[dict[str, Any], tuple[str, ...]]] = [(self._root, ())]
        while stack:
            node, path = stack.pop()
            for key, child in node.items():
                if key != _END:
                    stack.append((child, (*path, key)))
                    continue
                pattern = _SEPARATOR.join(("", *(scan_key(k) for k in path), ""))
                checks = tuple((p, k) for p, k in enumerate(path) if scan_key(k) != k)
                for name, payloads in child.items():
                    entry = _Entry(len(path), checks, name, tuple(payloads))
                    entries.setdefault(pattern, []).append(entry)
        automaton = ahocorasick.Automaton()
        for pattern, found in entries.items():
            automaton.add_word(pattern, tuple(found))
        automaton.make_automaton()
        return automaton

    def _scan(self, keys: Sequence[tuple[str, ...]]) -> dict[str, list[PhraseMatch]]:
        text = _SEPARATOR.join(("", *map(_FIRST, keys), ""))
        tally = text.count
        # A pattern ends on the separator after its last token, so the separators before
        # a hit's end are the index one past that token. Hits come in the order of their
        # ends, so the count goes on from the previous hit.
        seen = last = 0
        longest: dict[str, dict[int, tuple[int, tuple[Any, ...]]]] = {}
        for end, entries in self._automaton.iter(text):
            last += tally(_SEPARATOR, seen, end)
            seen = end
            for size, checks, name, payloads in entries:
                first = last - size
                if checks and not all(key in keys[first + p] for p, key in checks):
                    continue
                at = longest.get(name)
                if at is None:
                    at = longest[name] = {}
                known = at.get(first)
                if known is None or known[0] < last:
                    at[first] = (last, payloads)
        found: dict[str, list[PhraseMatch]] = {}
        for name, at in longest.items():
            matches = found[name] = []
            free = 0
            for first in sorted(at):
                if first >= free:
                    last, payloads = at[first]
                    matches.append(PhraseMatch(first, last, payloads))
                    free = last
        return found


_SEPARATOR = "\n"  # no token holds whitespace, so no key does


class _Entry(NamedTuple):
    """One list's entry in the automaton: its scan pattern matched, the exact-form and
    acronym words (position, key) in ``checks`` must match too."""

    size: int
    checks: tuple[tuple[int, str], ...]
    name: str
    payloads: tuple[Any, ...]
