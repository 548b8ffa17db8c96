"""Stage: titles, and the persons they introduce, with the country each represents.

A person is a name that a title, an honorific or a counterpart phrase introduces
("le ministre de l'Industrie, Yahia Bachir", "Prime Minister Narendra Modi",
"son homologue biélorusse, X", "وزير الطاقة محمد عرقاب"), or a name followed by its
title ("Yahia Bachir, ministre de..."). Later mentions of the same person by surname
("M. Bachir") add evidence to it. In scripts with letter case a name is a run of
capitalised words; in Arabic, the words after the title up to a function word.
"""

from __future__ import annotations

import re
from itertools import compress, count
from operator import attrgetter, itemgetter

from coopwatch.analysis import spans
from coopwatch.analysis.state import Analysis
from coopwatch.analysis.tokens import Token
from coopwatch.model import Label, Mention
from coopwatch.text import fold

# Lower-case particles that stay inside a name: "Abdallah ben Nasser", "Ould Ahmed".
_PARTICLES = frozenset(
    {
        "bin",
        "ben",
        "ibn",
        "al",
        "el",
        "de",
        "da",
        "di",
        "van",
        "von",
        "der",
        "ould",
        "abu",
        "bou",
        "dos",
        # the same particles in Cyrillic: "Хусейн ульд Мохамед", "Салах ад-Дин аш-Шазли"
        "бен",
        "бин",
        "ибн",
        "аль",
        "эль",
        "ад",
        "аш",
        "ас",
        "ат",
        "ар",
        "аз",
        "ан",
        "ульд",
        "абу",
        "фон",
        "ван",
        "дер",
        "ди",
    }
)
_ARABIC_PARTICLES = frozenset({"بن", "بنت", "ابن", "أبو", "ابو", "آل"})
_ARABIC_REGNAL = frozenset({"الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع"})
_MAX_NAME_WORDS = 5
_ROMAN = re.compile(r"^(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3})$")  # regnal numbers; "I" is a word
_TEXT = attrgetter("text")
_FIRST_LETTER = itemgetter(0)


def _blocked_tokens(analysis: Analysis) -> set[int]:
    """Tokens that already belong to a country, a date or a title."""
    labels = (Label.COUNTRY, Label.DATE, Label.BOTH_PARTIES, Label.TITLE)
    return analysis.token_indices(m for m in analysis.mentions if m.label in labels)


def _is_name_word(analysis: Analysis, i: int, blocked: set[int]) -> bool:
    token = analysis.tokens[i]
    if i in blocked or not token.is_word:
        return False
    if not analysis.lexicon.name_stopwords.isdisjoint(analysis.keys[i]):  # type: ignore[union-attr]
        return False
    if analysis.lexicon.language.cased:  # type: ignore[union-attr]
        return token.is_capitalised and not (token.text.isupper() and len(token.text) > 1)
    return True


def _name_at(analysis: Analysis, i: int, blocked: set[int]) -> tuple[int, int] | None:
    """The name starting at token i: (first, last) token indices, or None."""
    tokens = analysis.tokens
    cased = analysis.lexicon.language.cased  # type: ignore[union-attr]
    if not _is_name_word(analysis, i, blocked) and not _short_surname(analysis, i, blocked):
        return None
    j, words = i + 1, 1
    while j < len(tokens) and words < _MAX_NAME_WORDS:
        tok = tokens[j]
        gap = analysis.text[tokens[j - 1].end : tok.start]
        if "\n" in gap:
            break
        if tok.text == "-" and j + 1 < len(tokens) and _hyphen_part(analysis, j, blocked):
            j += 2
            words += 1
            continue
        if tok.text == "'" and j + 1 < len(tokens) and _apostrophe_part(analysis, j, blocked):
            j += 2  # "N'Guessan", "M'Bengue": one word with its apostrophe
            continue
        if not cased and tok.text in _ARABIC_PARTICLES and j + 1 < len(tokens):
            # After "آل" (the house of) a family name may be a title word: "آل الشيخ".
            if tokens[j + 1].is_word and (j + 1 not in blocked or tok.text == "آل"):
                j += 2  # "فهد بن سلطان العتيبي": the particle binds the next name
                words += 1
                continue
            break
        if cased and fold(tok.text) in _PARTICLES and j + 1 < len(tokens):
            if _is_name_word(analysis, j + 1, blocked):
                j += 2
                words += 1
                continue
            if (
                tokens[j + 1].text == "-"
                and j + 2 < len(tokens)
                and _hyphen_part(analysis, j + 1, blocked)
            ):
                j += 3  # "Al-Naama", "El-Menfi"
                words += 1
                continue
            break
        if _is_name_word(analysis, j, blocked) or (
            cased and _ROMAN.match(tok.text) and j not in blocked
        ):
            j += 1  # "Abdullah II", "Mohammed VI": the numeral completes a king's name
            words += 1
            if not cased and tok.text in _ARABIC_REGNAL:
                break  # "عبد الله الثاني": the ordinal completes a king's name
            continue
        if (
            cased
            and tok.text == "."
            and _initial(tokens[j - 1])
            and j + 1 < len(tokens)
            and _is_name_word(analysis, j + 1, blocked)
        ):
            j += 1  # "S. Jaishankar": an initial and its dot
            continue
        if (
            cased
            and tok.is_capitalised
            and j + 2 < len(tokens)
            and tokens[j + 1].text == "-"
            and _hyphen_part(analysis, j + 1, blocked)
        ):
            j += 3  # "Lee In-ho": a given name of two parts, the first a common word
            words += 1
            continue
        break
    if words < 2:
        return (i, j) if cased and _honorific_before(analysis, i) else None
    return i, j


_SHORT_SURNAME = 3  # letters: "Ma", "Le", "Son", surnames written like function words


def _short_surname(analysis: Analysis, i: int, blocked: set[int]) -> bool:
    """A capitalised short word inside a sentence that is a function word elsewhere, right
    before a name word: "Ma Qiang", "Le Thi Huong", "Son Heung-min"."""
    tokens = analysis.tokens
    token = tokens[i]
    return (
        analysis.lexicon is not None
        and analysis.lexicon.language.cased
        and i > 0
        and i + 1 < len(tokens)
        and i not in blocked
        and token.is_word
        and len(token.text) <= _SHORT_SURNAME
        and token.text[:1].isupper()
        and token.text[1:].islower()
        and tokens[i - 1].text not in (".", "!", "?", "«", '"', ":")
        and not analysis.crosses_line(i - 1, i)
        and _is_name_word(analysis, i + 1, blocked)
    )


def _initial(token: Token) -> bool:
    return len(token.text) == 1 and token.text.isupper()


def _hyphen_part(analysis: Analysis, hyphen: int, blocked: set[int]) -> bool:
    """The word after a hyphen glued to both sides belongs to the name ("Park Jin-ho")."""
    tokens = analysis.tokens
    before, after = tokens[hyphen - 1], tokens[hyphen + 1]
    glued = before.end == tokens[hyphen].start and tokens[hyphen].end == after.start
    return glued and hyphen + 1 not in blocked and after.is_word


def _apostrophe_part(analysis: Analysis, mark: int, blocked: set[int]) -> bool:
    """A capital letter, an apostrophe and a capitalised word glued together: "N'Guessan"."""
    tokens = analysis.tokens
    before, after = tokens[mark - 1], tokens[mark + 1]
    glued = before.end == tokens[mark].start and tokens[mark].end == after.start
    return (
        glued
        and len(before.text) == 1
        and before.text.isupper()
        and after.is_capitalised
        and mark + 1 not in blocked
    )


def _honorific_before(analysis: Analysis, i: int) -> bool:
    ends = analysis.derived(
        "honorific_ends", Label.TITLE, lambda titles: _honorific_ends(analysis, titles)
    )
    return i in ends or i - 1 in ends


def _honorific_ends(analysis: Analysis, titles: list[Mention]) -> set[int]:
    return {analysis.token_at(m.end) for m in titles if m.attrs.get("kind") == "honorific"}


class _Countries:
    """The country mentions in text order, for the ones between two offsets."""

    def __init__(self, countries: list[Mention]) -> None:
        rank = {id(m): k for k, m in enumerate(countries)}
        self.ordered = sorted(countries, key=lambda m: m.start)
        self.starts = spans.starts_of(self.ordered)
        self.rank = rank


def _country_between(analysis: Analysis, start: int, end: int) -> Mention | None:
    index = analysis.derived("countries_by_start", Label.COUNTRY, _Countries)
    found = spans.within(index.ordered, index.starts, start, end)
    found.sort(key=lambda m: index.rank[id(m)])  # the order the stage added them in
    adjectives = [m for m in found if m.attrs.get("kind") == "adjective"]
    return (adjectives or found or [None])[0]  # type: ignore[list-item]


def run(analysis: Analysis) -> None:
    lexicon = analysis.lexicon
    if lexicon is None:
        return
    tokens = analysis.tokens
    title_mentions = []
    for match in analysis.matches("title"):
        kind, role = match.payloads[0]
        start, end = analysis.span_of(match)
        if (
            match.first
            and tokens[match.first - 1].text == "-"
            and tokens[match.first - 1].end == start
        ):
            continue  # a name's part after a hyphen: "Hassan El-Sayed", not the title "Sayed"
        title_mentions.append((match, analysis.add(Label.TITLE, start, end, role, kind=kind)))
    blocked = _blocked_tokens(analysis)
    taken: set[int] = set()
    persons: list[Mention] = []

    def add_person(first: int, last: int, title: Mention | None, country: Mention | None) -> None:
        if any(k in taken for k in range(first, last)):
            return
        taken.update(range(first, last))
        start, end = tokens[first].start, tokens[last - 1].end
        persons.append(
            analysis.add(
                Label.PERSON,
                start,
                end,
                lexicon.keying.name_form(
                    analysis.text[start:end], title.surface.split(" ")[0] if title else ""
                ),
                role=title.value if title else None,
                country=country.value if country else None,
                country_span=[country.start, country.end] if country else None,
            )
        )

    cased = lexicon.language.cased
    title_starts = {t.start: t for _, t in title_mentions}
    org_heads = {m.last for m in analysis.matches("org_head")}
    for match, title in title_mentions:
        sentence = (
            analysis.sentences[analysis.sentence_of(title.start)] if analysis.sentences else None
        )
        first = match.last
        limit = min(len(tokens), match.last + lexicon.language.title_reach)
        if not cased:
            # Without capitals, the name must follow the title's complement at once:
            # "وزير الطاقة والمناجم الجزائري محمد عرقاب".
            # Or, where the complement is longer, between the commas that close it:
            # "رئيس الاتحاد العام لمقاولات المغرب، شكيب لعلج، ...".
            first = _skip_definite(analysis, match.last, blocked)
            if first < len(tokens) and _name_at(analysis, first, blocked) is None:
                # "المدير التنفيذي لنوفاغاز، لوكا مورينو،": not a name right after the
                # complement, so the name stands after the comma that closes it.
                comma = next(
                    (
                        j
                        for j in range(first, min(len(tokens), first + 10))
                        if tokens[j].text in ("،", ",")
                    ),
                    None,
                )
                first = comma + 1 if comma is not None else len(tokens)
            limit = min(len(tokens), first + 1)
        # Name after the title: the first name-like run in the window, past the
        # title's complement ("directeur général de Sahel Agro, Mamadou Diop"), before
        # any verb ("le Premier ministre a inauguré à Richard-Toll").
        i = first
        while i < limit:
            if sentence and tokens[i].start >= sentence.end:
                break
            if i in taken or (cased and tokens[i].text.lower() in _CLAUSE_WORDS):
                break
            if title_starts.get(tokens[i].start, title) is not title:
                break  # another title begins
            span = _name_at(analysis, i, blocked)
            if span and cased and not _quoted(tokens, span[0]):
                span = _past_place(analysis, span)
            if (
                span
                and cased
                and (
                    _quoted(tokens, span[0])
                    or (
                        (_after_of(tokens, span[0]) or _named_company(tokens, i, org_heads))
                        and not _person_like(analysis, span)
                    )
                )
            ):
                i = span[1]
                continue
            if span:
                span = _from_first_name(tokens, span)
                lo = tokens[max(0, match.first - 3)].start
                country = _country_between(analysis, lo, tokens[span[0]].start)
                add_person(span[0], span[1], title, country)
                second = _coordinated_name(analysis, span[1], blocked) if cased else None
                if second is not None:
                    add_person(second[0], second[1], title, None)
                break
            i += 1
        # Name before the title: "Yahia Bachir, ministre de ...", "Tian Min, China's
        # consul general".
        k = match.first - 1
        if k >= 2 and tokens[k].text == "s" and tokens[k - 1].text == "'" and k - 2 in blocked:
            k -= 2
            while k >= 0 and k in blocked:
                k -= 1  # the country of "China's"
        while k >= 0 and tokens[k].text in (",", "(", "le", "la", "the"):
            k -= 1
        if cased and k >= 0 and k < match.first - 1 and tokens[k].text not in (",",):
            j = k
            while j > 0 and _is_name_word(analysis, j - 1, blocked) and match.first - j < 6:
                j -= 1
            span = _name_at(analysis, j, blocked)
            if span and span[1] == k + 1 and (span[1] - span[0] >= 2 or not lexicon.language.cased):
                end_window = tokens[min(len(tokens) - 1, match.last + 6)].end
                country = _country_between(analysis, tokens[span[1] - 1].end, end_window)
                add_person(span[0], span[1], title, country)
    adjectives = analysis.adjective_tokens()
    for match, title in title_mentions:
        title.attrs["complement_end"] = portfolio_end(
            analysis, match.last, taken, cased, adjectives
        )
    _merge_surnames(persons)
    _surname_mentions(analysis, persons, taken, blocked)


def _merge_surnames(persons: list[Mention]) -> None:
    """ "M. Bachir" after "Yahia Bachir": the same person, a repeat mention."""
    full = {fold(p.value.split()[-1]): p for p in persons if " " in p.value}
    for p in persons:
        known = full.get(fold(p.value)) if " " not in p.value else None
        if known is not None:
            p.value = known.value
            p.attrs.update(
                repeat=True, role=known.attrs.get("role"), country=known.attrs.get("country")
            )


_OF = frozenset({"de", "du", "des", "d", "of", "for"})
#: Words that end a title's reach where letters have case: a verb or a relative
#: pronoun comes between the title and any later name.
_CLAUSE_WORDS = frozenset(
    {
        "a", "ont", "est", "sont", "était", "sera", "avait", "va", "qui", "que", "has",
        "have", "had", "is", "was", "will", "would", "said", "says", "told", "who", "which",
        "that", "met", "visited", "received", "by", "par",
    }
)  # fmt: skip


#: A Russian patronymic in any case: "Игоревич", "Сергеевичем", "Викторовна", "Ильиничной".
_PATRONYMIC = re.compile(
    r"[а-яё](?:ович|евич|ьич)(?:а|у|ем|е)?$|[а-яё](?:овн|евн|ичн)(?:а|ы|е|у|ой)$"
)


_AND = frozenset({"и", "and", "et"})


def _coordinated_name(analysis: Analysis, end: int, blocked: set[int]) -> tuple[int, int] | None:
    """A second full name joined to the first by "and" shares its title: "премьер-министры
    двух стран Бахром Юсупов и Асет Нурланов"."""
    tokens = analysis.tokens
    if end + 1 >= len(tokens) or tokens[end].text.lower() not in _AND:
        return None
    span = _name_at(analysis, end + 1, blocked)
    if span is None or span[1] - span[0] < 2 or _quoted(tokens, span[0]):
        return None
    return span


def _person_like(analysis: Analysis, span: tuple[int, int]) -> bool:
    """A name with a patronymic, or opened by a first name the dictionary knows, is a
    person's even right after a company noun in the genitive ("директор завода Павел
    Игоревич Сотников", "председатель правления фонда Дмитрий Лавров")."""
    tokens = analysis.tokens
    if any(_PATRONYMIC.search(t.text) for t in tokens[span[0] + 1 : span[1] - 1]):
        return True
    return analysis.lexicon is not None and analysis.lexicon.keying.first_name(tokens[span[0]].text)


def _past_place(analysis: Analysis, span: tuple[int, int]) -> tuple[int, int]:
    """Without the place that ends a title's complement: "директор по [Центральной Азии]
    Тарик аль-Амри"."""
    if analysis.lexicon is None:
        return span
    words = [t.text for t in analysis.tokens[span[0] : span[1]]]
    skip = analysis.lexicon.keying.place_words(words)
    first = span[0] + skip
    if skip and span[1] - first >= 2 and analysis.tokens[first].is_capitalised:
        return first, span[1]
    return span


def _from_first_name(tokens: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """A patronymic is a name's second word: a capitalised word two places before it
    is not the person's ("руководителя Росрыболовства Андрей Викторович Савельев")."""
    for k in range(span[0] + 2, span[1] - 1):
        if _PATRONYMIC.search(tokens[k].text) and tokens[k - 1].is_capitalised:
            return (k - 1, span[1])
    return span


_QUOTES = frozenset({"«", '"', "„", "“"})


def _quoted(tokens: list[Token], i: int) -> bool:
    """A run opened by a quotation mark names a company, a plant or a ship, not the
    holder of a title: "директором АО «Аккую Нуклеар» Денисом Карповым"."""
    return i > 0 and tokens[i - 1].text in _QUOTES


_COMPANY_REACH = 3  # words between a company noun and the name it introduces


def _named_company(tokens: list[Token], i: int, org_heads: set[int]) -> bool:
    """Whether a name at token i follows a company noun of the title's complement, with
    only lower-case words between: "directeur général du groupe agroalimentaire
    Frigorífico Serra, Rafael Teixeira"."""
    return any(
        end in org_heads and all(t.is_word and not t.is_capitalised for t in tokens[end:i])
        for end in range(max(0, i - _COMPANY_REACH), i + 1)
    )


def _after_of(tokens: list[Token], i: int) -> bool:
    """Whether token i follows "de", "of the", "d'", "de la", "in": the complement of a
    title ("director of the Hai Phong company", "consul in Rio"), not its holder."""
    j = i - 1
    if j >= 1 and tokens[j].text == "'":
        j -= 1
    if j >= 1 and fold(tokens[j].text) in _ARTICLES:
        j -= 1
    return j >= 0 and (fold(tokens[j].text) in _OF or tokens[j].text.lower() in _IN)


#: Prepositions of place: "consul general in Rio de Janeiro", "ambassadeur à Tunis".
_IN = frozenset({"in", "at", "à", "en"})


_ARTICLES = frozenset({"the", "la", "l", "le", "les"})


_OF_CONTRACTED = frozenset({"au", "aux"})
_BARE_LINKS = frozenset({"и"})  # "министр промышленности и торговли"
_INSIDE = frozenset({"'", "-", "&"})


def portfolio_end(
    analysis: Analysis, i: int, taken: set[int], cased: bool, adjectives: set[int]
) -> int:
    """End of the portfolio after a title or a government body ending before token i:
    "ministre [de l'Industrie et des Mines]", "وزير [الطاقة]",
    "secrétaire d'État indien [au Commerce]", "Minister [of Economy, Trade and Industry]".
    ``adjectives`` are the document's country-adjective tokens ("indien"), which may
    stand between a title and its portfolio."""
    tokens = analysis.tokens
    title_end = tokens[i - 1].end if i else 0
    if not cased:
        j = _skip_definite(analysis, i, set())
        return tokens[j - 1].end if j > i else title_end
    while i in adjectives:
        i += 1  # "le ministre algérien de l'Industrie"
    if analysis.lexicon is not None and analysis.lexicon.language.bare_portfolio:
        # "министр [сельского хозяйства] Карим Хаддад": lower-case words in the
        # genitive, up to a name or a verb ("министр [промышленности] отметил").
        keying = analysis.lexicon.keying
        j = i
        while j < len(tokens) and j - i < 8 and j not in taken:
            word = tokens[j].text
            if word == "," and j > i and j + 1 < len(tokens) and not tokens[j + 1].is_capitalised:
                j += 1  # "министр [инвестиций, промышленности и торговли]"
                continue
            if not tokens[j].is_word or tokens[j].is_capitalised:
                break
            if not (word in _BARE_LINKS or keying.genitive(word)):
                break
            j += 1
        while j > i and not tokens[j - 1].is_word:
            j -= 1  # not the comma before a verb
        return tokens[j - 1].end if j > i else title_end
    if i >= len(tokens) or not _opens_portfolio(tokens, i):
        return title_end
    j = i
    while j < len(tokens) and j - i < 12 and j not in taken:
        tok = tokens[j]
        if analysis.crosses_line(j - 1, j):
            break
        if tok.text == "," and j + 1 < len(tokens) and j + 1 not in taken:
            following = tokens[j + 1]
            if following.is_capitalised or fold(following.text) in _OF:
                j += 1  # a list of portfolios: "of Economy, Trade and Industry"
                continue
        if not tok.is_word and tok.text not in _INSIDE:
            break
        j += 1
    return tokens[j - 1].end


def _opens_portfolio(tokens: list[Token], i: int) -> bool:
    """ "de l'Industrie", "of Trade", or "au Commerce" (a capital after "au", not "au siège")."""
    word = fold(tokens[i].text)
    if word in _OF:
        return True
    return word in _OF_CONTRACTED and i + 1 < len(tokens) and tokens[i + 1].is_capitalised


def _skip_definite(analysis: Analysis, i: int, blocked: set[int]) -> int:
    """Past the definite nouns and country words that follow a title in Arabic."""
    from coopwatch.analysis.keying import arabic_fold

    tokens = analysis.tokens
    while i < len(tokens) and (tokens[i].is_word or tokens[i].text in ("،", ",")):
        if not tokens[i].is_word:
            i += 1
            continue
        word = arabic_fold(tokens[i].text)
        if i in blocked or word.startswith(("ال", "وال", "لل")):
            i += 1
            continue
        # "لدى مملكة البحرين", "وتقنية المعلومات": a preposition or a coordinated noun
        # still belongs to the title's complement.
        if word in _COMPLEMENT_LINKS or (word.startswith("و") and analysis.is_name_stopword(i)):
            i += 1
            continue
        if analysis.is_name_stopword(i) and i + 1 < len(tokens) and i + 1 in blocked:
            i += 1  # "مملكة البحرين": a common noun before a country
            continue
        break
    return i


# Prepositions inside an Arabic title's complement: "السفير ... لدى الجزائر".
_COMPLEMENT_LINKS = frozenset({"لدي", "في", "بين"})


def _surname_mentions(
    analysis: Analysis, persons: list[Mention], taken: set[int], blocked: set[int]
) -> None:
    """Repeat mentions of known persons (full name or surname) become evidence."""
    if not persons or not analysis.lexicon or not analysis.lexicon.language.cased:
        return
    surnames = {fold(p.surface.split()[-1]): p for p in persons if " " in p.surface}
    tokens = analysis.tokens
    capitalised = map(str.isupper, map(_FIRST_LETTER, map(_TEXT, tokens)))
    for i in compress(count(), capitalised):
        token = tokens[i]
        person = surnames.get(fold(token.text))
        if person is not None and i not in taken and i not in blocked:
            analysis.add(
                Label.PERSON,
                token.start,
                token.end,
                person.value,
                role=person.attrs.get("role"),
                country=person.attrs.get("country"),
                repeat=True,
            )
