"""Stage: organisations, with every name the document gives them.

Sources of evidence, strongest first:
- a name followed by its acronym in parentheses: "groupe public des industries
  mécaniques (AGM)", "Japan International Cooperation Agency (JICA)";
- a known organisation of the lexicon ("Sonatrach", "JICA");
- a head noun with a proper name: "la société Baladna", "ОАО «Гомсельмаш»",
  "Tata Electronics Ltd", "Chambre algérienne de commerce et d'industrie";
- an acronym defined once and then used alone.
Ministries, governments and news agencies are never organisations here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from coopwatch.analysis.keying import arabic_fold, plain_keys
from coopwatch.analysis.matcher import PhraseMatch, PhraseMatcher
from coopwatch.analysis.organization_cues import (
    appositions,
    enumerations,
    french_substantive,
    head_of_a_country,
    institutions_of,
)
from coopwatch.analysis.organization_exclusion import excluded
from coopwatch.analysis.organization_forms import (
    CONNECTORS,
    MAX_NAME_TOKENS,
    adjectives_before_head,
    described_acronym,
    is_proper,
    joins_name_words,
    nominative,
    particle_inside,
    uncased_name,
    without_generic_head,
)
from coopwatch.analysis.organization_genitive import head_with_genitive
from coopwatch.analysis.organization_heads import names_closed_by_institution
from coopwatch.analysis.state import Analysis
from coopwatch.analysis.tokens import Token
from coopwatch.lexicons import Lexicon
from coopwatch.model import Label
from coopwatch.text import fold

#: "(AGM)", "(JICA)", "(SIPI-Bénin)", and an acronym with its legal form: "(SAOE SPA)".
_ACRONYM = re.compile(
    r"\(\s*([A-ZА-ЯЁ][A-Za-zÀ-ÖØ-öø-ÿА-Яа-яЁё0-9&\-]{1,11}|[\u0600-\u06ff]{2,12})"
    r"(?:\s+(?:SPA|SpA|SA|S\.A\.|SAS|SARL|EPE|EPIC|Ltd|LLC|PLC|JSC|GmbH|AG))?\s*\)"
)
_QUOTED = re.compile(r"«([^«»\n]{2,60})»|\"([^\"\n]{2,60})\"")
_COORDINATION = frozenset({"et", "and", "и"})
#: Words a name spelled out before its acronym may have when none is found within the
#: usual reach, as long as it opens with the acronym's first letter ("l'Office de la
#: formation professionnelle et de la promotion du travail (OFPPT)").
_ACRONYM_NAME_TOKENS = 14
# Articles that may open a name ("La Poste") but make none alone before a head word.
_ARTICLES = frozenset({"la", "le", "les", "l", "the"})
# "=word" in a lexicon entry: that form only ("=Emirates", not the French "Émirats")
_EXACT_MARK = re.compile(r"(?<!\S)=")


@dataclass(slots=True)
class _Org:
    names: list[str]
    spans: list[tuple[int, int]] = field(default_factory=list)


def _name_before(
    analysis: Analysis,
    end_token: int,
    acronym: str,
    head_ends: dict[int, int],
    known_ends: set[int],
    reach: int = MAX_NAME_TOKENS,
) -> tuple[int, int, int] | None:
    """(first token, end token, first token of the word governing it) of the organisation
    name that ends right before "(ACRONYM)" at token ``end_token``.

    The name starts at a head noun ("groupe public des industries mécaniques"). Without
    one, it is the run of capitalised words next to the acronym ("built by the National
    High Speed Rail Corporation Limited"), reaching back over lower-case words only to a
    capitalised word with the acronym's first letter ("Mécanisme pour l'interconnexion en
    Europe (MIE)"), or to the furthest capitalised word when there is no run. It never
    reaches back over a known organisation joined to it by "and" ("le Groupe OCP et la
    Nigerian National Petroleum Company (NNPC)"). A ministry is looked for in the name
    with the word that governs it ("le ministère de l'Industrie (MI)").
    """
    tokens = analysis.tokens
    cased = analysis.lexicon is not None and analysis.lexicon.language.cased
    initial = fold(acronym[:1])
    i = end_token - 1
    if i > 0 and tokens[i].text in ("»", '"'):
        quoted = _quoted_before(analysis, i)  # "АО «Трансмашхолдинг» (ТМХ)"
        return (quoted, i, quoted) if quoted is not None else None
    first = run_first = lettered = None
    in_run = True  # still in the capitalised words (and connectors) next to the acronym
    steps = 0
    while i >= 0 and steps < reach:
        tok = tokens[i]
        if "\n" in analysis.text[tok.end : tokens[i + 1].start] if i + 1 < len(tokens) else False:
            break
        if tok.text in (",", ";", ":", ".", ")", "(", "«", "»", '"'):
            break
        if i in known_ends and fold(tokens[i + 1].text) in _COORDINATION:
            break
        if head_ends.get(i, end_token) < end_token and not (
            not cased and _agreeing_adjective(tokens, i)
        ):
            # a head word right before "(ACR)" ends a name instead ("... Company (NNPC)",
            # "Минского тракторного завода (МТЗ)");
            # a lower-case one describes the capitalised name that follows it ("le
            # groupe vietnamien PetroVietnam (PVEP)") and is no part of it
            first = i
            if tok.is_capitalised or run_first is None or not _describes(tokens, i, run_first):
                run_first = i
            break
        if not (is_proper(analysis, i) or fold(tok.text) in CONNECTORS or tok.is_word):
            break
        if is_proper(analysis, i):
            first = i
            if in_run:
                run_first = i
            elif cased and lettered is None and fold(tok.text[:1]) == initial:
                lettered = i
        elif fold(tok.text) not in CONNECTORS:
            in_run = False
        i -= 1
        steps += 1
    if first is None:
        return None
    chosen = _past_connectors(tokens, first, end_token)
    if cased and run_first is not None:
        run_letters = {fold(t.text[:1]) for t in tokens[run_first:end_token]}
        start = run_first if initial in run_letters or lettered is None else lettered
        chosen = _past_connectors(tokens, start, end_token)
    elif cased and lettered is not None:
        chosen = lettered  # "... Минского тракторного завода (МТЗ)"
    if chosen >= end_token:
        return None
    if reach > MAX_NAME_TOKENS and fold(tokens[chosen].text[:1]) != initial:
        return None  # a longer name is bound by its acronym's first letter
    return chosen, end_token, chosen if chosen in head_ends else _governing_word(tokens, chosen)


def _agreeing_adjective(tokens: list[Token], i: int) -> bool:
    """An Arabic head word with the article right after a definite word is an adjective
    of the name, not its opening: "جمعية المزارعين للأسمدة [التعاونية] المحدودة"."""
    word = arabic_fold(tokens[i].text)
    before = arabic_fold(tokens[i - 1].text) if i else ""
    return word.startswith("ال") and before.startswith(("ال", "لل", "وال", "بال"))


def _quoted_before(analysis: Analysis, closing: int) -> int | None:
    """The first word inside the quotes that close at token ``closing``, on its line."""
    tokens = analysis.tokens
    opening = {"»": "«", '"': '"'}[tokens[closing].text]
    j = closing - 1
    while j >= 0 and closing - j <= MAX_NAME_TOKENS:
        if analysis.crosses_line(j, j + 1):
            return None
        if tokens[j].text == opening:
            return j + 1 if j + 1 < closing else None
        j -= 1
    return None


def _past_titles_and_pairs(
    analysis: Analysis, first: int, end: int, title_ends: dict[int, int]
) -> int:
    """The first word of a name before "(ACR)" once what cannot open it is left out: a
    person's title and its "of the" ("Chairman of the Faisalabad Industrial Estate ...
    Company (FIEDMC)"), and whatever comes before a coordination with an article ("Wahat
    Renewables PJSC and the Tanzania Electric Supply Company Limited (TANESCO)", "Chief
    Executive Officer Mulugeta Assefa and Kenya Power and Lighting Company (KPLC)"): a
    name holds "and" between its words ("Chamber of Commerce and Industry"), never "and
    the", nor after a person's name."""
    tokens = analysis.tokens
    person_ends = {m.end for m in analysis.of(Label.PERSON)}
    for i in range(end - 2, first - 1, -1):
        if fold(tokens[i].text) not in _COORDINATION:
            continue
        if fold(tokens[i + 1].text) in _ARTICLES or (i and tokens[i - 1].end in person_ends):
            first = i + 1 + (fold(tokens[i + 1].text) in _ARTICLES)
            break
    for i in range(end - 1, first - 1, -1):
        after = title_ends.get(i, 0)
        if first <= i < after < end and fold(tokens[after].text) in CONNECTORS:
            first = after  # "Deputy Chief Executive Officer of the Hungarian ... Bank"
            while first < end and fold(tokens[first].text) in CONNECTORS:
                first += 1
            break
    return first


_OPENING_REACH = 4  # words between a name's generic head and the capitalised run


def _generic_opening(analysis: Analysis, first: int, acronym: str, generic: set[int]) -> int:
    """Where a name written like a word ("Coacer") starts when the capitalised words next
    to it ("Cerrado") hold no organisation word: at such a word a few words before, with
    the acronym's first letter ("la Cooperativa Agroindustrial do Cerrado (Coacer)");
    else where it was."""
    tokens = analysis.tokens
    for i in range(first - 1, max(-1, first - 1 - _OPENING_REACH), -1):
        if not tokens[i].is_word:
            break
        if i in generic and fold(tokens[i].text[:1]) == fold(acronym[:1]):
            return i
    return first


def _governing_word(tokens: list[Token], first: int) -> int:
    """The word a name is the complement of, if any: "ministère" in "le ministère de
    l'Industrie", which "de l'" joins to the name."""
    i = first
    while i > 0 and fold(tokens[i - 1].text) in CONNECTORS:
        i -= 1
    return i - 1 if i < first and i > 0 and tokens[i - 1].is_word else first


def _describes(tokens: list[Token], head: int, name: int) -> bool:
    """Whether only adjectives come between a head noun and a name ("groupe vietnamien")."""
    return all(
        t.is_word and not t.is_capitalised and fold(t.text) not in CONNECTORS
        for t in tokens[head + 1 : name]
    )


def _past_connectors(tokens: list[Token], first: int, end: int) -> int:
    while first < end and fold(tokens[first].text) in CONNECTORS:
        first += 1
    return first


def _name_key(analysis: Analysis, name: str) -> str:
    """Names compared word by word under the language's keying: "Газпрома" = "Газпром",
    "والستاغ" = "الستاغ" (the shortest key of each word: lemma, or word without clitics)."""
    return _lexicon_name_key(analysis.lexicon, name)  # type: ignore[arg-type]


@lru_cache(maxsize=50_000)
def _lexicon_name_key(lexicon: Lexicon, name: str) -> str:
    from coopwatch.analysis.tokens import tokenize

    keying = lexicon.keying
    keys = []
    for t in tokenize(name):
        if t.is_word:
            options = plain_keys(keying.text_keys(t.text))
            keys.append(min(options, key=len) if options else t.text)
    return " ".join(keys)


_ARABIC_ARTICLE = re.compile(r"^[وف]?[بلك]?(?=ال)")
_ARABIC_CLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")


def _display(lexicon: Lexicon, name: str, words: frozenset[str]) -> str:
    """An Arabic name without the conjunction or preposition clinging to its first word:
    before the article always ("والستاغ"), otherwise when the document also writes the
    word bare ("لسونلغاز" where "سونلغاز" occurs)."""
    if lexicon.language.keying != "arabic":
        return name
    if name.startswith("لل"):
        return "ا" + name[1:]
    stripped = _ARABIC_ARTICLE.sub("", name, count=1)
    if stripped != name:
        return stripped
    first = name.split(" ", 1)[0]
    if first.startswith("و") and first[1:] in lexicon.organizations.heads:
        return name[1:]  # "وجمعية المزارعين ...": "and" before a head noun, as "والستاغ"
    for clitic in _ARABIC_CLITICS:
        if first.startswith(clitic) and first[len(clitic) :] in words:
            return name[len(clitic) :]
    return name


def _blocked_tokens(analysis: Analysis) -> set[int]:
    """Tokens of persons, countries, dates and titles: never part of an organisation's name."""
    labels = (Label.PERSON, Label.COUNTRY, Label.DATE, Label.TITLE)
    return analysis.token_indices(m for m in analysis.mentions if m.label in labels)


def _name_after_head(
    analysis: Analysis,
    h: int,
    blocked: set[int],
    head_ends: dict[int, int],
    adjectives: set[int],
    countries: set[int],
) -> tuple[int, int] | None:
    """The proper name a head noun introduces, directly or after one or two adjectives."""
    tokens, text = analysis.tokens, analysis.text
    cased = analysis.lexicon.language.cased  # type: ignore[union-attr]
    if not cased and tokens[h + 1 : h + 2] and tokens[h + 1].text not in ("«", '"'):
        described = uncased_name(analysis, h, blocked, head_ends, adjectives, countries)
        if described is not None:
            return described
    j, gap = h + 1, 0
    while j < len(tokens) and gap <= 2:
        tok = tokens[j]
        if tok.text in ("«", '"'):
            quoted = _QUOTED.match(text, tok.start)
            return (tok.start, quoted.end()) if quoted else None
        if "\n" in text[tokens[j - 1].end : tok.start]:
            return None
        if j in blocked:
            if j not in adjectives:
                return None
            gap, j = gap + 1, j + 1  # "le groupe coréen Hanbit Networks"
            continue
        if not cased:
            return None  # a name after adjectives is in quotes: "الشركة الإيطالية «...»"
        if is_proper(analysis, j):
            k = j
            while (
                k + 1 < len(tokens)
                and k + 1 not in blocked
                and (
                    is_proper(analysis, k + 1)
                    or tokens[k + 1].text == "-"
                    or particle_inside(analysis, k + 1, blocked)
                )
            ):
                k += 1
            if tokens[k].text == "-":
                k -= 1
            start = tokens[h].start if tokens[h].is_capitalised else tok.start
            return start, tokens[k].end
        if not tok.is_word or analysis.is_name_stopword(j) or fold(tok.text) in CONNECTORS:
            return None
        gap += 1
        j += 1
    return None


def _country_tokens(analysis: Analysis) -> set[int]:
    return analysis.token_indices(analysis.of(Label.COUNTRY))


def _proper_run(analysis: Analysis, j: int, blocked: set[int]) -> int:
    """Index past the run of capitalised words starting at j (hyphens inside)."""
    tokens = analysis.tokens
    k = j
    while k < len(tokens) and k not in blocked:
        # Inside a name a capitalised word counts even if it is a function word elsewhere
        # ("Dala Telecom"); the first word must not be one.
        if k == j and analysis.is_name_stopword(k):
            break
        if is_proper(analysis, k) or (tokens[k].text == "-" and k > j):
            k += 1
            continue
        break
    while k > j and tokens[k - 1].text == "-":
        k -= 1
    return k


def _named_by_nationality(
    analysis: Analysis, blocked: set[int], countries: set[int]
) -> list[tuple[int, int]]:
    """Companies introduced by their country and up to three words that say what they
    are: "Kazakh operator Dala Telecom", "Italy's Conceria Valdarno", "the UK contractor
    Hartwell Medical Projects", "Lao state-owned EDL-Generation". Where a verb could
    come between ("the Kenya team defeated Uganda Cranes"), one word only: after a
    country's name, and before a name that opens with a country."""
    tokens = analysis.tokens
    titles = {m.first for m in analysis.matches("title")}
    spans = []
    for m in analysis.of(Label.COUNTRY):
        introduced = _after_nationality(analysis, m.start, m.end, m.attrs.get("kind"))
        if introduced is None:
            continue
        (j, max_gap), gap = introduced, 0
        substantive = french_substantive(analysis, m)
        if substantive is False:
            continue  # "le Chinois Wang Yi": a capitalised demonym is a person
        if substantive and is_proper(analysis, j) and j not in blocked:
            k = _proper_run(analysis, j, blocked)
            while k > j and particle_inside(analysis, k, blocked):  # "Aguas del Levante"
                k = _proper_run(analysis, k + 1, blocked)
            if k > j:  # "l'italien Caprari", "le turc Tosyali": the company itself
                spans.append((tokens[j].start, tokens[k - 1].end))
            continue
        while j < len(tokens) and gap <= max_gap:
            if analysis.crosses_line(j - 1, j):
                break
            first = j
            if j in countries and gap <= 1 and j + 1 < len(tokens) and is_proper(analysis, j + 1):
                j += 1  # a country opens the name: "Thai builder Siam River Construction"
            if is_proper(analysis, j) and j not in blocked:
                k = _proper_run(analysis, j, blocked)
                if k in titles:
                    break  # "Indian External Affairs Minister": a portfolio, not a company
                if k - first >= 2 or (k > j and gap > 0):
                    spans.append((tokens[first].start, tokens[k - 1].end))
                break
            j = first
            tok = tokens[j]
            compound = _lower_compound_end(analysis, j)
            if compound is None and (
                not tok.is_word or j in blocked or analysis.is_name_stopword(j)
            ):
                break
            if fold(tok.text) in CONNECTORS or tok.is_capitalised:
                break
            gap, j = gap + 1, compound or j + 1
    return spans


#: Words before "by" in a report's credits: "Reporting by ...; Editing by ...".
_CREDIT_WORDS = frozenset(
    {"reporting", "writing", "editing", "written", "edited", "compiled", "additional", "photo"}
)


def _after_nationality(
    analysis: Analysis, start: int, end: int, kind: object
) -> tuple[int, int] | None:
    """(token after, words allowed before the name) for a country that can introduce a
    company: an adjective ("Kazakh"), a possessive ("Italy's"), or a name after an
    article and before the one word saying what the company is ("the UK contractor")."""
    tokens = analysis.tokens
    after = analysis.token_at(end)
    if kind == "adjective":
        return after, 3
    if kind != "name":
        return None
    if after + 1 < len(tokens) and tokens[after].text == "'" and tokens[after + 1].text == "s":
        return after + 2, 3
    before = analysis.token_at(start) - 1
    # a name needs an article before it and a word after it saying what the company
    # is ("the UK contractor")
    if (
        before >= 0
        and fold(tokens[before].text) in _INDEFINITE_OR_DEFINITE
        and after < len(tokens)
        and tokens[after].is_word
        and not tokens[after].is_capitalised
    ):
        return after, 1
    return None


_INDEFINITE_OR_DEFINITE = frozenset({"the", "a", "an"})


def _lower_compound_end(analysis: Analysis, j: int) -> int | None:
    """Index past a hyphenated lower-case word ("state-owned", "family-run"), if one
    starts at j."""
    tokens = analysis.tokens
    if j + 2 >= len(tokens) or tokens[j + 1].text != "-":
        return None
    first, last = tokens[j], tokens[j + 2]
    if not (first.is_word and last.is_word) or first.is_capitalised or last.is_capitalised:
        return None
    if first.end != tokens[j + 1].start or tokens[j + 1].end != last.start:
        return None
    return j + 3


@cache
def _entry_matcher(lexicon: Lexicon) -> PhraseMatcher:
    """The known organisations, each found with its own entry."""
    matcher = PhraseMatcher(lexicon.keying)
    for entry in lexicon.organizations.known:
        matcher.add(entry, entry)
    return matcher


def _known_names(analysis: Analysis, match: PhraseMatch, head_ends: dict[int, int]) -> list[str]:
    """The lexicon's own spelling of a known organisation ("Алмалыкский ГМК" for
    "Алмалыкского ГМК"), and the known name after its head word or legal form
    ("Газпром" in "ПАО «Газпром»", "سوناطراك" in "مجمع سوناطراك")."""
    tokens = analysis.tokens
    names = _entries_spanning(analysis, match.first, match.last)
    inner = head_ends.get(match.first, match.first)
    last = match.last
    while inner < last and not tokens[inner].is_word:
        inner += 1
    while last > inner and not tokens[last - 1].is_word:
        last -= 1
    if match.first < inner < last:
        names += _entries_spanning(analysis, inner, last)
    return names


def _entries_spanning(analysis: Analysis, first: int, last: int) -> list[str]:
    """Entries of the known list that match exactly tokens first..last."""
    matcher = _entry_matcher(analysis.lexicon)  # type: ignore[arg-type]
    found = matcher.find(analysis.tokens[first:last], analysis.keys[first:last])
    return [
        _EXACT_MARK.sub("", str(entry))
        for m in found
        if m.first == 0 and m.last == last - first
        for entry in m.payloads
    ]


def _generic_words(analysis: Analysis, heads: set[int]) -> set[int]:
    """Tokens of the words that say a name is an organisation's: head nouns, legal forms
    and the nouns that close a name ("Corporation", "Ltd"), institutions ("University")."""
    words = set(heads)
    for vocabulary in ("org_suffix", "org_institution"):
        words.update(i for m in analysis.matches(vocabulary) for i in range(m.first, m.last))
    return words


def _add_local_subsidiaries(analysis: Analysis, orgs: list[_Org]) -> None:
    """A name followed by a country's name is the name of its branch there: "Atlas Bank
    Rwanda", "Huawei Kenya". The longer name is added to the organisation's names."""
    tokens, text = analysis.tokens, analysis.text
    by_end = {end: org for org in orgs for _, end in org.spans}
    for m in analysis.of(Label.COUNTRY):
        org = by_end.get(m.start - 1)
        if org is None or m.attrs.get("kind") != "name" or text[m.start - 1] != " ":
            continue
        after = analysis.token_at(m.end)
        if after < len(tokens) and (tokens[after].is_capitalised or tokens[after].text == "'"):
            continue  # "Atlas Bank Rwanda Holdings", "Atlas Bank Rwanda's": unsure
        start = next(s for s, e in org.spans if e == m.start - 1)
        if text[start : m.end] not in org.names:
            org.names.append(text[start : m.end])
        org.spans.append((start, m.end))


def _merged_by_initials(orgs: list[_Org]) -> list[_Org]:
    """An acronym and a name whose words begin with its letters are one organisation,
    though the text never links them: "МТЗ" and "Минский тракторный завод", "JICA" and
    "Japan International Cooperation Agency"."""
    by_acronym = {n: org for org in orgs for n in org.names if n.isupper() and len(n) > 1}
    kept = []
    for org in orgs:
        target = next(
            (
                by_acronym[a]
                for a in map(_initials, org.names)
                if a in by_acronym and by_acronym[a] is not org
            ),
            None,
        )
        if target is None:
            kept.append(org)
            continue
        target.names.extend(n for n in org.names if n not in target.names)
        target.spans.extend(org.spans)
    return kept


@lru_cache(maxsize=50_000)
def _initials(name: str) -> str:
    """The capital initials of a name's words, connectors left out ("Minsk Tractor Works"
    -> "MTW"); "" for a name of one word."""
    words = [w for w in re.split(r"[\s\-'’]+", name) if w and fold(w) not in CONNECTORS]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


def _outermost(orgs: list[_Org]) -> list[_Org]:
    """The organisations that are named somewhere on their own: one whose every mention
    lies inside another organisation's name is a piece of that name, cut off where a
    rule stopped early ("Bridge Corporation" in "China Road and Bridge Corporation")."""
    owners = sorted((s, -e, n) for n, org in enumerate(orgs) for s, e in set(org.spans))
    inside: dict[int, bool] = {}
    reach, reach_owner = -1, -1  # the furthest end of the spans begun so far, and whose
    for _start, neg_end, n in owners:
        end = -neg_end
        nested = end <= reach and reach_owner != n
        inside[n] = inside.get(n, True) and nested
        if end > reach:
            reach, reach_owner = end, n
    return [org for n, org in enumerate(orgs) if not inside[n]]


def run(analysis: Analysis) -> None:
    lexicon = analysis.lexicon
    if lexicon is None:
        return
    tokens, text = analysis.tokens, analysis.text
    head_ends = {m.first: m.last for m in analysis.matches("org_head")}
    heads = set(head_ends)
    blocked = _blocked_tokens(analysis)
    # Arabic display needs the document's words (see _display); other scripts do not.
    words = (
        frozenset(t.text for t in tokens) if lexicon.language.keying == "arabic" else frozenset()
    )
    orgs: dict[str, _Org] = {}
    # The first organisation (in the order of ``orgs``) that holds each name key, and
    # the name keys of each: a name is merged in O(its names), not O(organisations).
    owner: dict[str, tuple[int, _Org]] = {}
    known_keys: dict[int, set[str]] = {}

    def index(rank: int, org: _Org, keys: Iterable[str]) -> None:
        for key in keys:
            if key not in owner or owner[key][0] > rank:
                owner[key] = (rank, org)

    def remember(names: list[str], start: int, end: int) -> None:
        names = [
            _display(lexicon, n.strip(" ,.-'"), words) for n in names if n and n.strip(" ,.-'")
        ]
        names = [n for n in dict.fromkeys(names) if not excluded(analysis, n)]
        if not names:
            return
        names += without_generic_head(lexicon, names)
        keys = {_name_key(analysis, n) for n in names}
        holders = [owner[k] for k in keys if k in owner]
        if holders:
            rank, org = min(holders, key=lambda holder: holder[0])
            known = known_keys[id(org)]
            for n in names:
                if _name_key(analysis, n) not in known:
                    org.names.append(n)
                    known.add(_name_key(analysis, n))
            index(rank, org, known)
            org.spans.append((start, end))
            return
        org, slot = _Org(names, [(start, end)]), fold(names[0])
        known_keys[id(org)] = keys
        replaced = slot in orgs
        orgs[slot] = org
        if replaced:  # the organisation of that slot is gone: index the others afresh
            owner.clear()
            for rank, kept in enumerate(orgs.values()):
                index(rank, kept, known_keys[id(kept)])
        else:
            index(len(orgs) - 1, org, keys)

    known_ends = {m.last - 1 for m in analysis.matches("org_known")}
    suffixes = analysis.matches("org_suffix")
    suffix_words = {i for m in suffixes for i in range(m.first, m.last)}
    # 1. "long name (ACR)"
    # each word of a person's title, to the end of that title
    title_ends = {i: m.last for m in analysis.matches("title") for i in range(m.first, m.last)}
    generic_words = _generic_words(analysis, heads)
    for m in _ACRONYM.finditer(text):
        acronym = m.group(1).strip()
        if excluded(analysis, acronym):
            continue  # "(MoUs)", "(ZLECAf)": an agreement or an area, so is what it stands for
        if analysis.token_at(m.start(1)) in suffix_words:
            continue  # "PT Perusahaan Listrik Negara (Persero)": a legal form, no acronym
        end_token = analysis.token_at(m.start())
        before = _name_before(analysis, end_token, acronym, head_ends, known_ends) or (
            _name_before(analysis, end_token, acronym, head_ends, known_ends, _ACRONYM_NAME_TOKENS)
        )
        if before is None:
            continue
        first, end, governed_from = before
        first = _past_titles_and_pairs(analysis, first, end, title_ends)
        if first >= end:
            continue
        if (
            lexicon.language.cased
            and not any(c.isupper() for c in acronym[1:])
            and generic_words.isdisjoint(range(first, end))
        ):
            first = _generic_opening(analysis, first, acronym, generic_words)
        if (
            lexicon.language.cased
            and not any(c.isupper() for c in acronym[1:])
            and generic_words.isdisjoint(range(first, end))
        ):
            continue  # a word written like a name is one only after an organisation's:
            # "Entreprise brésilienne de recherche agricole (Embrapa)", not "Hassi Ameur (Oran)"
        long_name = text[tokens[first].start : tokens[end - 1].end]
        if long_name.isupper() or any(
            d.start < tokens[end - 1].end and tokens[first].start < d.end
            for d in analysis.of(Label.DATE)
        ):
            continue  # a dateline and its agency: "N'DJAMENA (ATP)", "9 August (GNS)"
        if excluded(analysis, text[tokens[governed_from].start : tokens[end - 1].end]):
            continue  # "Ministry of External Affairs (MEA)": the acronym is a ministry too
        remember([acronym, long_name], tokens[first].start, m.end())
    # 2. known organisations
    for match in analysis.matches("org_known"):
        if lexicon.language.cased and not tokens[match.first].text[:1].isupper():
            continue  # keys stem words: "mobilisé" is not "Mobilis"
        start, end = analysis.span_of(match)
        remember([*_known_names(analysis, match, head_ends), text[start:end]], start, end)
    # 3. head noun + description + bare acronym: "le groupe public des textiles et cuirs GETEX"
    adjectives = analysis.adjective_tokens()
    countries = _country_tokens(analysis)
    if lexicon.language.cased:
        # a list opener ends a description: "firms such as GEA" names no "firms such as"
        openers = {i for m in analysis.matches("org_list_opener") for i in range(m.first, m.last)}
        blocked_or_heads = blocked | heads | openers
        for h in sorted(heads):
            described = described_acronym(analysis, h, blocked_or_heads, adjectives)
            if described is not None:
                acronym, long_end = described
                long_name = text[tokens[h].start : tokens[long_end - 1].end]
                remember([tokens[acronym].text, long_name], tokens[h].start, tokens[acronym].end)
    # head noun + proper name: "la société Baladna", "ОАО «Гомсельмаш»"
    for h in sorted(heads):
        span = _name_after_head(analysis, h, blocked, head_ends, adjectives, countries)
        if span is not None:
            start, end = span
            remember([text[start:end].strip('«»"')], start, end)
        national = head_of_a_country(analysis, h, head_ends[h], countries)
        if national is not None:
            start, end = national
            remember([text[start:end]], start, end)
        genitive = head_with_genitive(analysis, h, head_ends[h], blocked)
        if genitive is not None:  # "с Банком развития"
            names, first, last = genitive
            remember(names, tokens[first].start, tokens[last - 1].end)
        named = adjectives_before_head(analysis, h, head_ends[h], blocked)
        if named is not None:
            first, last = named
            start, end = tokens[first].start, tokens[last - 1].end
            remember([*nominative(analysis, first, last), text[start:end]], start, end)
    if lexicon.language.cased:
        for start, end in _named_by_nationality(analysis, blocked, countries):
            remember([text[start:end]], start, end)
        for match in analysis.matches("org_introducer"):
            if match.first and fold(tokens[match.first - 1].text) in _CREDIT_WORDS:
                continue  # "Reporting by Mariana Duque": the journalists
            if tokens[match.first].text == "By" and (
                match.first == 0
                or analysis.crosses_line(match.first - 1, match.first)
                or tokens[match.first - 1].text == "|"
            ):
                continue  # a byline: "By Laura Whitfield | 10 September 2025"
            j = match.last
            k = _proper_run(analysis, j, blocked)
            if k - j >= 2 and all(x not in blocked for x in range(j, k)):
                remember(
                    [text[tokens[j].start : tokens[k - 1].end]], tokens[j].start, tokens[k - 1].end
                )
        closed = names_closed_by_institution(analysis, blocked, countries)
        for start, end in institutions_of(analysis, blocked, countries) + closed:
            remember([text[start:end]], start, end)
        for start, end in appositions(analysis, blocked) + enumerations(analysis, blocked):
            remember([text[start:end]], start, end)
    suffix_ends = {m.first: m.last for m in suffixes}
    suffix_lasts = {m.last for m in suffixes}
    for match in suffixes:
        opening = match.first + (tokens[match.first].text == "(")  # "(Pvt) Ltd", "(Persero)"
        if lexicon.language.cased and not tokens[opening].is_capitalised:
            continue  # "Cuban company" is no company name; "Tata Electronics Ltd" is
        if match.first in suffix_lasts:
            continue  # the second suffix of "... Rail Corporation Limited"
        last = match.last
        while last in suffix_ends:
            last = suffix_ends[last]
        # Back over capitalised words, hyphens between them ("Sino-Sahel Power"); a
        # country or city inside a company's name counts ("Tanzania Railways
        # Corporation", "Tokyo Electron Limited").
        i = match.first - 1
        while (
            i >= 0
            and (is_proper(analysis, i) or joins_name_words(analysis, i))
            and (i not in blocked or i in countries)
            and match.first - i <= 6
        ):
            if not lexicon.language.cased and i in heads:
                break  # without capitals a head noun opens the name: "... مع شركة X المحدودة"
            i -= 1
        first = i if i >= 0 and i in heads and not lexicon.language.cased else i + 1
        while (
            first < match.first
            and first not in heads
            and (analysis.is_name_stopword(first) or fold(tokens[first].text) in _ARTICLES)
        ):
            first += 1  # "The ...", and "La Banque ..." is no name of its own
        if first < match.first:
            start, end = tokens[first].start, tokens[last - 1].end
            remember([text[start:end]], start, end)
    if lexicon.language.cased:
        _add_local_subsidiaries(analysis, list(orgs.values()))
    # 4. acronyms defined above, used alone
    acronyms = {fold(n): org for org in orgs.values() for n in org.names if n.isupper()}
    for token in tokens if acronyms else ():
        org = acronyms.get(fold(token.text)) if token.text.isupper() else None
        if org is not None and not any(s <= token.start < e for s, e in org.spans):
            org.spans.append((token.start, token.end))
    for org in _outermost(_merged_by_initials(list(orgs.values()))):
        for start, end in sorted(set(org.spans)):
            analysis.add(Label.ORGANIZATION, start, end, org.names)
