"""Company names that only their context marks, in languages with letter case: a name
followed by an apposition that says what it is ("BioCubaFarma, the Cuban state group
for biotechnology"), and the names listed after a plural noun of companies
("transmission operators: Azerenerji, Transelectrica and MAVIR"). The words come from
the lexicon's ``descriptions``, ``groupings`` and ``list_openers``."""

from __future__ import annotations

from coopwatch.analysis.organization_forms import is_proper
from coopwatch.analysis.state import Analysis
from coopwatch.model import Label
from coopwatch.text import fold

_ARTICLES = frozenset({"the", "a", "an", "le", "la", "l", "un", "une"})
_MODIFIERS = 4  # words between the article and the noun: "the Cuban state-owned group"
_NAME_WORDS = 6
#: What may follow the noun of an apposition. A main clause goes on with a verb instead:
#: "In Sfax, the company will build ..." is no apposition.
_AFTER_APPOSITION = frozenset(
    {
        ",", ".", ";", ")", "of", "for", "in", "from", "with", "that", "which", "whose",
        "based", "de", "du", "des", "d", "en", "à", "au", "aux", "qui", "dont", "basé",
        "basée", "spécialisé", "spécialisée", "and", "et",
    }
)  # fmt: skip
_LIST_JOINTS = frozenset({",", "and", "et", "&"})


def appositions(analysis: Analysis, blocked: set[int]) -> list[tuple[int, int]]:
    """Spans of names followed by ", the/a [modifiers] NOUN" where NOUN says what a
    company is, and the apposition closes (comma, full stop, "of", "which"...)."""
    tokens = analysis.tokens
    countries = analysis.token_indices(analysis.of(Label.COUNTRY))
    spans = []
    for match in analysis.matches("org_description"):
        after = match.last
        while after in countries:
            after += 1  # a nationality after the noun: "le fabricant italien de pompes"
        if after < len(tokens) and fold(tokens[after].text) not in _AFTER_APPOSITION:
            continue
        i = match.first - 1
        while i >= 0 and match.first - i <= _MODIFIERS and _is_modifier(analysis, i, countries):
            i -= 1
        if i >= 1 and tokens[i].text == "'":
            i -= 1  # "l'"
        if i < 1 or fold(tokens[i].text) not in _ARTICLES or tokens[i - 1].text != ",":
            continue
        comma = i - 1
        first = comma
        while (
            first > 0
            and comma - first < _NAME_WORDS
            and first - 1 not in blocked
            and (is_proper(analysis, first - 1) or tokens[first - 1].text == "-")
            and not analysis.crosses_line(first - 1, first)
        ):
            first -= 1
        while first < comma and (tokens[first].text == "-" or analysis.is_name_stopword(first)):
            first += 1  # a capitalised function word opening the sentence ("The", "Le")
        if first < comma:
            spans.append((tokens[first].start, tokens[comma - 1].end))
    return spans


def _is_modifier(analysis: Analysis, i: int, countries: set[int]) -> bool:
    """A word of the apposition between its article and its noun: lower-case words,
    hyphens ("state-owned"), nationality adjectives ("Cuban")."""
    token = analysis.tokens[i]
    if i in countries or token.text == "-":
        return True
    return token.is_word and not token.is_capitalised and fold(token.text) not in _ARTICLES


def enumerations(analysis: Analysis, blocked: set[int]) -> list[tuple[int, int]]:
    """Spans of the capitalised names listed right after a plural noun of companies and
    an opener: "firms such as Valmont and AFKO", "opérateurs : Ooredoo, Djezzy et Mobilis".
    A nationality may open a listed name ("Georgian State Electrosystem")."""
    tokens = analysis.tokens
    countries = analysis.token_indices(analysis.of(Label.COUNTRY))
    openers = {m.first: m.last for m in analysis.matches("org_list_opener")}
    spans = []
    for match in analysis.matches("org_grouping"):
        j = match.last
        if j < len(tokens) and tokens[j].text == "," and j + 1 in openers:
            j += 1
        if j not in openers:
            continue
        j = openers[j]
        while j < len(tokens):
            end = _listed_name_end(analysis, j, blocked, countries)
            if end == j:
                break
            spans.append((tokens[j].start, tokens[end - 1].end))
            j = end
            if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 2].text == ")":
                j += 3  # the name's acronym, which the "(ACRONYM)" rule pairs with it
            while j < len(tokens) and tokens[j].text in _LIST_JOINTS:
                j += 1
            if j < len(tokens) and analysis.crosses_line(j - 1, j):
                break
    return spans


def _listed_name_end(analysis: Analysis, j: int, blocked: set[int], countries: set[int]) -> int:
    tokens = analysis.tokens
    end = j
    while (
        end < len(tokens)
        and end - j < _NAME_WORDS
        and (is_proper(analysis, end) or (tokens[end].text == "-" and end > j))
        and (end not in blocked or (end == j and end in countries))
        and not (end > j and analysis.crosses_line(end - 1, end))
    ):
        end += 1
    while end > j and tokens[end - 1].text == "-":
        end -= 1
    if end - j == 1 and j in countries:
        return j  # a country alone is no company
    if end > j and analysis.is_name_stopword(j):
        return j
    return end
