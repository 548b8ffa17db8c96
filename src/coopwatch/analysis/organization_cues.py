"""Organisation names that their context marks, in languages with letter case: a name
followed by an apposition that says what it is ("BioCubaFarma, the Cuban state group
for biotechnology"), the names listed after a plural noun of companies ("transmission
operators: Azerenerji, Transelectrica and MAVIR"), institutions named "X of Y" ("Central
Bank of Nigeria", "Université de Sfax"), heads named by their countries ("Conseil
d'affaires algéro-saoudien") and companies introduced by a nationality noun ("l'italien
Caprari"). The words come from the lexicon's ``descriptions``, ``groupings``,
``list_openers`` and ``institutions``."""

from __future__ import annotations

from coopwatch.analysis.organization_forms import CONNECTORS, is_proper, joins_words
from coopwatch.analysis.state import Analysis
from coopwatch.analysis.tokens import Token
from coopwatch.model import Label, Mention
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


_FRENCH_ARTICLES = frozenset({"le", "la", "les", "l"})


def french_substantive(analysis: Analysis, country: Mention) -> bool | None:
    """For a nationality adjective used as a noun after a French article: True when it
    is written in lower case, as for a company ("l'italien Caprari"), False when
    capitalised, as for a person ("le Chinois Wang Yi"); None for any other mention."""
    if country.attrs.get("kind") != "adjective":
        return None
    tokens = analysis.tokens
    first = analysis.token_at(country.start)
    before = first - 1
    if before >= 1 and tokens[before].text == "'":
        before -= 1
    if before < 0 or fold(tokens[before].text) not in _FRENCH_ARTICLES:
        return None
    if analysis.token_at(country.end) - first != 1:
        return None
    return not tokens[first].is_capitalised


def head_of_a_country(
    analysis: Analysis, h: int, end: int, countries: set[int]
) -> tuple[int, int] | None:
    """A capitalised head noun named by its countries: "Conseil d'affaires
    algéro-saoudien", "Chambre de commerce de la République de Cuba"."""
    tokens = analysis.tokens
    if not analysis.lexicon.language.cased or not tokens[h].is_capitalised:  # type: ignore[union-attr]
        return None
    if h in countries:
        return None  # "Fédération de Russie": the state itself
    j = end
    if j < len(tokens) and fold(tokens[j].text) in ("de", "du", "d", "of"):
        j = _past_of(tokens, j)
        if j >= len(tokens) or j not in countries or not tokens[j].is_capitalised:
            return None
    elif j >= len(tokens) or j not in countries or tokens[j].is_capitalised:
        return None  # after the head, a lower-case nationality: "algéro-saoudien"
    k = j
    while k < len(tokens) and (
        k in countries or joins_words(analysis, k) or (tokens[k].text == "-" and k + 1 in countries)
    ):
        k += 1
    if k < len(tokens) and fold(tokens[k].text) in _OF_NAME | {"pour", "et", "and"}:
        return None  # the name goes on: "Union tunisienne de l'industrie, du commerce..."
    return tokens[h].start, tokens[k - 1].end


_OF_NAME = frozenset({"of", "for", "de", "du", "des", "d"})


#: Words that may follow "of"/"de" before the name proper: "of the Philippines",
#: "de la Manouba", "de l'Ouest".
_OF_ARTICLES = frozenset({"the", "la", "l"})


_AND = frozenset({"and", "&", "et"})


def institutions_of(
    analysis: Analysis, blocked: set[int], countries: set[int]
) -> list[tuple[int, int]]:
    """Names built on "Institution of Capitalised Words": "University of the Philippines",
    "Hanoi University of Science and Technology", "Central Bank of Nigeria"."""
    tokens = analysis.tokens
    spans = []
    for match in analysis.matches("org_institution"):
        head, j = match.first, match.last
        if not tokens[head].is_capitalised or j >= len(tokens) or tokens[j].text not in _OF_NAME:
            continue
        if head in countries:
            continue  # "Fédération de Russie", "Union of Myanmar": a state's name
        if tokens[j].text == "d" and (j + 1 >= len(tokens) or tokens[j + 1].text != "'"):
            continue
        j = _past_of(tokens, j)
        # The name's own words: capitalised, countries included ("of Nigeria"), joined
        # by "and" ("Science and Technology"); never a person, a date or a title.
        end = j
        while end < len(tokens) and end - j < 8:
            if is_proper(analysis, end) and (end not in blocked or end in countries):
                end += 1
                continue
            # "Science and Technology", "Academy of Sciences of Belarus", "Chambre de
            # Commerce et d'Industrie de Tunis"
            if fold(tokens[end].text) in _OF_NAME:
                after = _past_of(tokens, end)
            elif _joins_name(tokens, end, countries):
                after = end + 1
                if after < len(tokens) and tokens[after].text == "d":
                    after = _past_of(tokens, after)  # "et d'Industrie"
            else:
                break
            if (
                after < len(tokens)
                and is_proper(analysis, after)
                and (after not in blocked or after in countries)
            ):
                end = after + 1
            else:
                break
        if end == j or "\n" in analysis.text[tokens[head].start : tokens[end - 1].end]:
            continue
        # Capitalised words before the institution belong to it ("Central Bank",
        # "National Academy"), though not an article opening the sentence.
        first = head
        while (
            first > 0
            and is_proper(analysis, first - 1)
            and (first - 1 not in blocked or first - 1 in countries)
            and head - first < 3
            and fold(tokens[first - 1].text) not in CONNECTORS
            and "\n" not in analysis.text[tokens[first - 1].end : tokens[first].start]
        ):
            first -= 1
        spans.append((tokens[first].start, tokens[end - 1].end))
    return spans


def _past_of(tokens: list[Token], j: int) -> int:
    """Index past "of", "of the", "de", "de la", "de l'", "d'" (j is on the first word)."""
    j += 2 if tokens[j].text == "d" else 1
    if j < len(tokens) and fold(tokens[j].text) in _OF_ARTICLES:
        j += 1
        if tokens[j - 1].text == "l" and j < len(tokens) and tokens[j].text == "'":
            j += 1
    return j


def _joins_name(tokens: list[Token], i: int, countries: set[int]) -> bool:
    """ "and" inside a name ("Science and Technology"), not after the country that
    closes one ("... of Belarus and BioCubaFarma")."""
    return fold(tokens[i].text) in _AND and i - 1 not in countries
