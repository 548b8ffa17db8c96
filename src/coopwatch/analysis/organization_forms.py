"""Organisation names where capitals do not find them: in Arabic, whose letters have
no case, a name is the words after a head noun up to a word that ends it; in Russian,
a name may be lower-case adjectives before a head noun, inflected, and is given in the
nominative. Also the checks that the organisations stage shares with these rules.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from coopwatch.analysis.keying import arabic_fold, plain_keys
from coopwatch.analysis.state import Analysis
from coopwatch.analysis.tokens import Token
from coopwatch.lexicons import Lexicon
from coopwatch.text import fold

CONNECTORS = frozenset(
    {
        "de",
        "des",
        "du",
        "d",
        "l",
        "la",
        "le",
        "les",
        "et",
        "pour",
        "of",
        "for",
        "and",
        "the",
        "&",
        "'",
        "-",
        "en",
    }
)
MAX_NAME_TOKENS = 10


def is_proper(analysis: Analysis, i: int) -> bool:
    token = analysis.tokens[i]
    if not token.is_word:
        return False
    if analysis.lexicon is not None and not analysis.lexicon.language.cased:
        return True
    return token.is_capitalised or token.text[:1].isdigit()


_DEFINITE = ("ال", "لل", "وال", "بال", "فال")
_PREPOSITIONS = ("ب", "ل", "ك", "لل")
#: Relative pronouns look definite but open a clause: "مجلس الأعمال ... الذي ضم", the
#: council that gathered.
_RELATIVES = frozenset(
    arabic_fold(w)
    for w in ("الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي", "اللاتي")
    for w in (w, "و" + w)
)


def described_acronym(
    analysis: Analysis, h: int, blocked: set[int], adjectives: set[int]
) -> tuple[int, int] | None:
    """(acronym index, end of description) for "head + lower-case words + ACRONYM"."""
    tokens = analysis.tokens
    j = h + 1
    while j < len(tokens) and j - h <= MAX_NAME_TOKENS:
        tok = tokens[j]
        if analysis.crosses_line(j - 1, j) or not tok.is_word:
            if tok.text != "'":
                return None
        elif tok.text.isupper() and len(tok.text) >= 2:
            # a legal form ("ОАО", "SA") opens a name rather than being one
            return (j, j) if j - h >= 3 and j not in blocked else None
        elif tok.is_capitalised or (j in blocked and j not in adjectives):
            return None
        elif analysis.is_name_stopword(j) and fold(tok.text) not in CONNECTORS:
            return None  # "завода бытовой химии в ОЭЗ": the zone is where, not who
        j += 1
    return None


@lru_cache(maxsize=10_000)
def _carries_preposition(lexicon: Lexicon, head: str) -> bool:
    """Whether an Arabic head word carries a preposition: "لمصنع", "بالشركة", but not
    "بنك", whose first letter only looks like one."""
    forms = _arabic_head_forms(lexicon)
    if _without_article(head) in forms:
        return False
    return any(
        head.startswith(p) and _without_article(head[len(p) :]) in forms for p in _PREPOSITIONS
    )


@cache
def _arabic_head_forms(lexicon: Lexicon) -> frozenset[str]:
    """The first words of the head nouns, folded and without the article."""
    return frozenset(
        _without_article(arabic_fold(head.split()[0])) for head in lexicon.organizations.heads
    )


def _without_article(word: str) -> str:
    return word[2:] if word.startswith("ال") else word


def joins_words(analysis: Analysis, i: int) -> bool:
    """Whether token i is a hyphen glued to capitalised words on both sides."""
    tokens = analysis.tokens
    return (
        tokens[i].text == "-"
        and 0 < i < len(tokens) - 1
        and tokens[i - 1].end == tokens[i].start
        and tokens[i].end == tokens[i + 1].start
        and is_proper(analysis, i - 1)
        and is_proper(analysis, i + 1)
    )


# Endings of Russian adjectives, in all cases and genders ("Каспийский", "Минского").
_RUSSIAN_ADJECTIVE = re.compile(
    r"[а-яё]{2}(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими)$"
)
_SENTENCE_END = frozenset({".", "!", "?", "…", "–", "—"})  # dashes end a dateline


def adjectives_before_head(
    analysis: Analysis, h: int, head_end: int, blocked: set[int]
) -> tuple[int, int] | None:
    """(first, end) of a Russian name made of adjectives and a head noun, the first
    capitalised in mid-sentence: "Каспийский промышленный банк", "Горьковским
    машиностроительным заводом". Russian writes adjectives in lower case, so the capital
    marks a name, unless the sentence begins with it."""
    tokens = analysis.tokens
    if not _is_lower_cyrillic(tokens[h].text):
        return None
    i = h - 1
    while i > h - 3 and i >= 0 and i not in blocked and _is_lower_adjective(tokens[i].text):
        i -= 1
    if i < 1 or not tokens[i].is_capitalised or i in blocked:
        return None  # a country's adjective describes: "Российская компания «...»"
    if not _RUSSIAN_ADJECTIVE.search(tokens[i].text.lower()):
        return None
    if tokens[i - 1].text in _SENTENCE_END or analysis.crosses_line(i - 1, i):
        return None
    return i, head_end


def _is_lower_adjective(word: str) -> bool:
    return word.islower() and bool(_RUSSIAN_ADJECTIVE.search(word))


def _is_lower_cyrillic(word: str) -> bool:
    """A lower-case Cyrillic word: a head noun written as a common noun ("банк")."""
    return all("а" <= c <= "я" or c in "ёй-" for c in word)


def nominative(analysis: Analysis, first: int, last: int) -> list[str]:
    """The name in the nominative, from the lemmas of its words, when its last noun is
    masculine (the lemma of an adjective is masculine): "Горьковский
    машиностроительный завод" for "Горьковским машиностроительным заводом"."""
    lemmas = []
    for i in range(first, last):
        keys = plain_keys(analysis.keys[i])
        if not keys:
            return []
        lemmas.append(keys[0])
    if lemmas[-1][-1:] in "аяоеьиы":
        return []
    return [" ".join([lemmas[0].capitalize(), *lemmas[1:]])]


#: Plural heads name a class of organisations, not one ("الشركات الطاقوية الوطنية").
_PLURAL_HEADS = frozenset(
    arabic_fold(w) for w in ("شركات", "الشركات", "مؤسسات", "المؤسسات", "بنوك", "البنوك", "هيئات")
)


#: Heads of bodies that a single definite noun names ("سلطة المياه", the Water Authority;
#: "بنك الاستثمار"), unlike places and facilities ("مركز التكوين", a training centre).
_BODY_HEADS = frozenset(
    arabic_fold(w) for w in ("سلطة", "هيئة", "شركة", "بنك", "صندوق", "مؤسسة", "جهاز", "وكالة")
)


def _governs_definite(tokens: list[Token], k: int, word: str) -> bool:
    """A word after "ل" (for) that governs the definite word after it: "لنقل الكهرباء"."""
    return (
        word.startswith("ل")
        and not word.startswith("لل")
        and k + 1 < len(tokens)
        and arabic_fold(tokens[k + 1].text).startswith(_DEFINITE)
    )


#: Words after the head of an Arabic descriptive name: "الهيئة العامة للمناطق الاقتصادية
#: الخاصة والمناطق الحرة" has seven.
_UNCASED_NAME_WORDS = 7


def _coordinated_construct(tokens: list[Token], k: int, word: str) -> bool:
    """ "وعلوم المحيطات": "and" with a noun that governs the definite word after it."""
    return (
        word.startswith("و")
        and not word.startswith("وال")
        and len(word) >= 4
        and k + 1 < len(tokens)
        and arabic_fold(tokens[k + 1].text).startswith(_DEFINITE)
    )


_PROPER_WORDS = 3


def _proper_before_nationality(
    analysis: Analysis, j: int, blocked: set[int], adjectives: set[int]
) -> int | None:
    """The end of a proper name after an indefinite head, shown by the definite country
    adjective after it: "شركة أتلانتيكا-ترال الروسية". An adjective agrees with its noun
    in definiteness, so the words before a definite one are a name, not a description
    ("شركة تابعة روسية", a Russian subsidiary, has an indefinite one)."""
    tokens = analysis.tokens
    k, words = j, 0
    while k < len(tokens) and words < _PROPER_WORDS:
        if tokens[k].text == "-" and words and k + 1 < len(tokens) and tokens[k + 1].is_word:
            k += 1  # "أتلانتيكا-ترال": one name
            continue
        word = arabic_fold(tokens[k].text)
        if (
            not tokens[k].is_word
            or k in blocked
            or word.startswith(_DEFINITE)
            or analysis.is_name_stopword(k)
            or analysis.crosses_line(k - 1, k)
        ):
            break
        k += 1
        words += 1
    if (
        words
        and k < len(tokens)
        and k in adjectives
        and arabic_fold(tokens[k].text).startswith(_DEFINITE)
    ):
        return k
    return None


def uncased_name(
    analysis: Analysis,
    h: int,
    blocked: set[int],
    head_ends: dict[int, int],
    adjectives: set[int],
    countries: set[int],
) -> tuple[int, int] | None:
    """A name after a head noun where letters have no case.

    A descriptive name is the head and the definite words that qualify it
    ("الشركة العمانية للاستزراع السمكي"), two of them at least; the words of a head
    of several words count ("مجلس الأعمال السعودي المصري"). Proper names ("سوناطراك")
    come from the known list only: without letter case, a verb after a head looks just
    like a name. A head that carries a preposition ("لمصنع", "for the plant")
    introduces no name.
    """
    tokens = analysis.tokens
    head = arabic_fold(tokens[h].text)
    if _carries_preposition(analysis.lexicon, head) or head in _PLURAL_HEADS:  # type: ignore[arg-type]
        return None  # "الشركات الطاقوية الوطنية", the national energy companies: a class
    j = head_ends.get(h, h + 1)
    if j >= len(tokens):
        return None
    first = arabic_fold(tokens[j].text)
    if analysis.crosses_line(h, j):
        return None
    if (
        j in countries
        and j not in adjectives
        and not first.endswith(("ي", "يه"))  # "شركة تركية", a Turkish company
        and j + 1 < len(tokens)
        and not tokens[j + 1].is_word
    ):
        return tokens[h].start, tokens[j].end  # "جامعة البحرين", "بنك الجزائر"
    if not first.startswith(_DEFINITE) and j not in blocked:
        end = _proper_before_nationality(analysis, j, blocked, adjectives)
        if end is not None:
            return tokens[h].start, tokens[end - 1].end
    # A country right after a definite head qualifies it: "الشركة السعودية" is Saudi.
    qualifiers = adjectives | ({j} & countries if head.startswith("ال") else set())
    if (j in blocked and j not in qualifiers) or not first.startswith(_DEFINITE):
        return None  # proper names come from the known list: verbs look just like them
    if not head.startswith("ال") and first.startswith("لل"):
        return None  # "مصنع للزجاج", a plant for glass: a description, not a name
    k = j
    governed = False
    while k < len(tokens) and k - j < _UNCASED_NAME_WORDS and tokens[k].is_word:
        if analysis.crosses_line(k - 1, k):
            break
        word = arabic_fold(tokens[k].text)
        if k in head_ends:
            break  # "... والمعهد المركزي": a second organisation begins
        if governed and _coordinated_construct(tokens, k, word):
            # "لبحوث الصيد وعلوم المحيطات", "and of ocean sciences", closes the name
            # (what follows is a purpose: "لتقييم المخزونات").
            k += 2
            break
        if _governs_definite(tokens, k, word):
            k += 2  # "لنقل الكهرباء": for the transmission of electricity
            governed = True
            continue
        governed = False
        if not word.startswith(_DEFINITE) or word in _RELATIVES:
            break
        if k in blocked and k not in qualifiers:
            break
        k += 1
    # An indefinite head in construct with one definite noun is already a name: "سلطة
    # المياه", the Water Authority.
    least = 1 if head in _BODY_HEADS and j == h + 1 and k == j + 1 else 2
    if k - (h + 1) < least or countries.issuperset(range(h + 1, k)):
        return None  # "الغرفة التونسية", the Tunisian chamber: no name yet
    return tokens[h].start, tokens[k - 1].end


#: Lower-case particles inside foreign company names, the Turkish and Spanish "and"
#: among them ("Sanayi ve Ticaret", "Construcciones y Auxiliar"); not the French "de",
#: which after a name more often says where the company is from.
NAME_PARTICLES = frozenset(
    {"del", "della", "di", "da", "do", "dos", "das", "van", "von", "der", "den", "ve", "y"}
)


def joins_name_words(analysis: Analysis, i: int) -> bool:
    """A hyphen, an ampersand or a foreign particle between two capitalised words of a
    company's name: "Sino-Sahel Power", "Hokuriku Mining & Smelting", "Hanjiang do Brasil"."""
    tokens = analysis.tokens
    if joins_words(analysis, i):
        return True
    word = tokens[i].text
    return (
        (word == "&" or fold(word) in NAME_PARTICLES)
        and 0 < i < len(tokens) - 1
        and is_proper(analysis, i - 1)
        and is_proper(analysis, i + 1)
    )


def particle_inside(analysis: Analysis, i: int, blocked: set[int]) -> bool:
    """Whether token i is a lower-case particle between two words of a foreign name:
    "Aguas del Levante", "Textiles del Cibao"."""
    tokens = analysis.tokens
    return (
        fold(tokens[i].text) in NAME_PARTICLES
        and i + 1 < len(tokens)
        and is_proper(analysis, i + 1)
        and i + 1 not in blocked
    )


#: Arabic nouns "company", "group" before a company's own name: "شركة أوكيو للصناعات
#: الأساسية" is also called "أوكيو للصناعات الأساسية".
_ARABIC_GENERIC_HEADS = ("شركة ", "مجموعة ")


def without_generic_head(lexicon: Lexicon, names: list[str]) -> list[str]:
    """The names without their generic head noun, where the rest is a proper name."""
    if lexicon.language.keying != "arabic":
        return []
    # A proper name follows the head, not a description: neither a definite noun
    # ("شركة البوتاس العربية") nor a noun in construct with one ("شركة تسويق النفط").
    return [
        " ".join(words[1:])
        for words in (n.split() for n in names)
        if len(words) >= 2
        and f"{words[0]} ".startswith(_ARABIC_GENERIC_HEADS)
        and not any(w.startswith(("ال", "وال")) for w in words[1:3])
    ]
