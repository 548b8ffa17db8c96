"""Russian organisation names made of a capitalised head noun and a lower-case
complement in the genitive, in any case: "с Банком развития", "Фондом поддержки
экспорта". Only the head inflects; its complement stays in the genitive, so the name
in the nominative is the head's lemma followed by the complement as written.
"""

from __future__ import annotations

from coopwatch.analysis.keying import plain_keys
from coopwatch.analysis.state import Analysis

_MAX_COMPLEMENT = 3  # "Фонд развития промышленности", "Агентство стратегических инициатив"

#: Words that end a sentence or a dateline: a capital after them proves nothing.
_SENTENCE_END = frozenset({".", "!", "?", "…", "–", "—", "«", '"', ":"})


def _is_lower_cyrillic(word: str) -> bool:
    return bool(word) and all("а" <= c <= "я" or c in "ёй-" for c in word)


def head_with_genitive(
    analysis: Analysis, h: int, head_end: int, blocked: set[int]
) -> tuple[list[str], int, int] | None:
    """(names, first token, end token) of "Банком развития" at head noun h: the head
    capitalised in mid-sentence, then one to three lower-case words in the genitive, the
    last a noun. Names: the nominative ("Банк развития") and the words as written."""
    lexicon = analysis.lexicon
    if lexicon is None or not lexicon.language.bare_portfolio:
        return None
    tokens = analysis.tokens
    if head_end != h + 1 or not tokens[h].is_capitalised or h in blocked:
        return None
    if h == 0 or tokens[h - 1].text in _SENTENCE_END or analysis.crosses_line(h - 1, h):
        return None  # a capital opening a sentence or a quotation says nothing
    keying = lexicon.keying
    end = head_end
    while (
        end < len(tokens)
        and end - head_end < _MAX_COMPLEMENT
        and end not in blocked
        and not analysis.crosses_line(end - 1, end)
        and _is_lower_cyrillic(tokens[end].text)
        and keying.genitive(tokens[end].text)
    ):
        end += 1
    # The complement ends on a noun: "Агентства стратегических" is cut short.
    while end > head_end and not keying.genitive_noun(tokens[end - 1].text):
        end -= 1
    if end == head_end:
        return None
    lemma = plain_keys(analysis.keys[h])
    written = analysis.text[tokens[h].start : tokens[end - 1].end]
    complement = analysis.text[tokens[head_end].start : tokens[end - 1].end]
    names = [f"{lemma[0].capitalize()} {complement}"] if lemma else []
    return [*names, written], h, end
