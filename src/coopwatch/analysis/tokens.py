"""Word tokens with character offsets: the unit every lexicon match is made of."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A run of letters, a run of digits, or one other visible character (so "بـ13" gives
# a clitic and a number). Hyphens and apostrophes are tokens of their own so that
# "l'Algérie" and "Al-Naama" split the same way in lexicons and in text.
_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]|_")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
