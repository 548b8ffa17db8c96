"""Word tokens with character offsets: the unit every lexicon match is made of."""

from __future__ import annotations

import re

# A run of letters, a run of digits, or one other visible character (so "بـ13" gives
# a clitic and a number). Hyphens and apostrophes are tokens of their own so that
# "l'Algérie" and "Al-Naama" split the same way in lexicons and in text.
_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]|_")


class Token:
    """A token and its offsets. A plain slotted class: documents make thousands."""

    __slots__ = ("end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.start, self.end, self.text) == (
            other.start,
            other.end,
            other.text,
        )

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text))

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


_START, _END, _GROUP = re.Match.start, re.Match.end, re.Match.group


def tokenize(text: str) -> list[Token]:
    # The loops run in C: map() over the match objects' methods, then one Token each.
    found = list(_TOKEN.finditer(text))
    return list(map(Token, map(_START, found), map(_END, found), map(_GROUP, found)))
