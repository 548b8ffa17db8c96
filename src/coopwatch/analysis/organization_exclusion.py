"""Names that are no organisation of the cooperation: a ministry, a government, a news
agency, an agreement, a venue, an area. An institution named for what it runs keeps its
name: in "Public Authority for Special Economic Zones and Free Zones", the zones after
"Authority for" are its remit, not the name of an area.
"""

from __future__ import annotations

from functools import cache, lru_cache

from coopwatch.analysis.matcher import PhraseMatcher
from coopwatch.analysis.state import Analysis
from coopwatch.lexicons import Lexicon
from coopwatch.text import fold

#: Words that open an institution's remit: "Authority for ...", "Agence pour ...".
_REMIT_LINKS = frozenset({"for", "of", "pour", "de", "du", "des", "d"})

#: How far into a name the institution noun may stand ("Public Authority for").
_INSTITUTION_REACH = 3


@cache
def _exclude_matcher(lexicon: Lexicon) -> PhraseMatcher:
    return lexicon.matcher([(lexicon.organizations.exclude, "exclude")])


@cache
def _institution_matcher(lexicon: Lexicon) -> PhraseMatcher:
    return lexicon.matcher([(lexicon.organizations.institutions, "institution")])


def excluded(analysis: Analysis, name: str) -> bool:
    """A ministry, a government, a news agency: never an organisation of the cooperation."""
    if analysis.lexicon is None:
        return True
    return excluded_name(analysis.lexicon, name)


@lru_cache(maxsize=50_000)
def excluded_name(lexicon: Lexicon, name: str) -> bool:
    from coopwatch.analysis.tokens import tokenize

    tokens = tokenize(name)
    if not tokens:
        return True
    keys = [lexicon.keying.text_keys(t.text) for t in tokens]
    found = _exclude_matcher(lexicon).find(tokens, keys)
    if not found:
        return False
    remit = len(tokens)
    if lexicon.language.cased:
        for m in _institution_matcher(lexicon).find(tokens, keys):
            if (
                m.first < _INSTITUTION_REACH
                and tokens[m.first].is_capitalised
                and m.last < len(tokens)
                and fold(tokens[m.last].text) in _REMIT_LINKS
            ):
                remit = m.last
                break
    return any(m.first < remit for m in found)
