"""Which organisations may be the definite object an undertaking is followed by.

A thread of commitments is keyed by an organisation or a place (see
:mod:`coopwatch.linking.commitments`). The bodies that convene or represent (chambers,
business councils, employers' confederations, ministries, commissions) take part in
every kind of step between two countries and are never such an object. Their words are
read from the lexicons of every language, since a name may be written in any script
whatever the language of the report.
"""

from __future__ import annotations

import re
from functools import cache

from coopwatch.analysis.keying import arabic_fold
from coopwatch.lexicons import available_languages, load
from coopwatch.linking.stages import fold_for
from coopwatch.text import fold


@cache
def _conveners() -> tuple[frozenset[str], tuple[str, ...]]:
    """Convener words of every language, folded: Latin and Cyrillic ones matched as
    words (or inflected forms of them), Arabic ones inside words (they take the
    article and prefixes)."""
    words: set[str] = set()
    arabic: set[str] = set()
    for lang in available_languages():
        (arabic if lang == "ar" else words).update(
            fold_for(phrase, lang) for phrase in load(lang).stages.conveners
        )
    return frozenset(words), tuple(sorted(arabic))


@cache
def is_convener(name: str) -> bool:
    """Whether an organisation's name says it convenes or represents (a chamber, a
    business council, a ministry...) rather than being what is built or financed."""
    words, arabic = _conveners()
    folded = fold(name)
    for token in re.findall(r"\w+", folded):
        if token in words or any(_inflected(token, w) for w in words):
            return True
    return any(w in arabic_fold(name) for w in arabic)


def _inflected(token: str, word: str) -> bool:
    """``token`` is ``word`` with another ending ("палаты", "chambres", "councils")."""
    if len(word) < 5:
        return False
    stem = word[:-1]
    return token.startswith(stem) and 0 < len(token) - len(stem) <= 3


@cache
def _venues() -> frozenset[str]:
    """The large cities (other than capitals) of every country in every language, folded."""
    found: set[str] = set()
    for lang in available_languages():
        for country in load(lang).countries.country.values():
            found.update(fold_for(p, lang) for p in country.cities)
    return frozenset(found)


def is_venue(place: str) -> bool:
    """Whether a place is a large city of the lexicons ("Istanbul", "Lagos"): where
    forums gather and delegations sign, so it names the site of an undertaking only when
    something is built or runs there. (Capitals stay place keys: dropping them cut the
    threads of undertakings sited in them.)"""
    return fold(place) in _venues() or arabic_fold(place) in _venues()
