"""How words are compared with lexicon entries, per script.

A *keying* gives, for a token of text, the set of keys it may match, and for a token
of a lexicon entry, the one key it stands for. Three keyings cover the four first
languages; a new language picks one in its ``language.toml``.

- ``latin``: case and accents folded, light suffix stripping (plurals, feminines).
- ``russian``: lemmas from pymorphy3, so every case, gender and number matches.
- ``arabic``: letter variants unified (alef, yeh, teh marbuta) and clinging
  conjunctions, prepositions and article stripped.

Everywhere, an entry token written ``=word`` matches only that folded surface form,
and an entry token in capitals of two letters or more (an acronym) matches only the
same capitals.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from coopwatch.text import fold

EXACT = "="
UPPER = "^"


class Keying(Protocol):
    #: For keyings where every key of a token refines its first key (the Latin stem):
    #: the first key an entry key needs in a token. Lets the matcher scan one key per
    #: token with an automaton; None where a token has rival keys (Russian lemmas).
    scan_key: Callable[[str], str] | None

    def text_keys(self, word: str) -> tuple[str, ...]: ...

    def keys_of(self, words: Iterable[str]) -> list[tuple[str, ...]]:
        """``text_keys`` of many words at once (the tokens of a document)."""
        ...

    def entry_key(self, word: str) -> str: ...

    def name_form(self, name: str, title: str = "") -> str:
        """A person's name in its citation form (nominative where names inflect);
        ``title`` is the title word before it, whose case the name shares."""
        ...

    def first_name(self, word: str) -> bool:
        """Whether the dictionary knows a word as a first name (False where there is
        no such dictionary)."""
        ...

    def place_words(self, words: list[str]) -> int:
        """How many of the leading words name a place ("Центральной Азии"), as the
        dictionary knows them; 0 where there is no such dictionary."""
        ...

    def genitive(self, word: str) -> bool:
        """Whether a word may be in the genitive, the case of a portfolio written bare
        after a title ("министр [сельского хозяйства]"); False where nouns do not
        inflect."""
        ...

    def genitive_noun(self, word: str) -> bool:
        """Whether a word may be a noun in the genitive ("развития"); False where nouns
        do not inflect."""
        ...


def plain_keys(keys: Iterable[str]) -> list[str]:
    """The keys of a word without its exact-form and acronym keys: its stems or lemmas."""
    return [k for k in keys if not k.startswith((EXACT, UPPER))]


_MEMO_LIMIT = 500_000  # distinct words remembered before the memo starts afresh


class _Memo:
    """Keys of the words already seen. A plain dict, emptied when it grows too large:
    cheaper per lookup than an LRU cache, whose bookkeeping writes to memory on every
    hit, and a document's words are looked up by one C-level map."""

    def __init__(self, compute: Callable[[str], tuple[str, ...]]) -> None:
        self._compute = compute
        self._known: dict[str, tuple[str, ...]] = {}

    def one(self, word: str) -> tuple[str, ...]:
        keys = self._known.get(word)
        return keys if keys is not None else self._learn(word)

    def many(self, words: Iterable[str]) -> list[tuple[str, ...]]:
        words = list(words)
        found: list[tuple[str, ...] | None] = list(map(self._known.get, words))
        if None not in found:  # the usual case once warm: one C-level pass
            return found  # type: ignore[return-value]  # no None in it
        # One pass over the document, linear in its length: the words met for the first
        # time are learnt once each (a word repeated later is then in the memo).
        known, learn = self._known.get, self._learn
        for i, keys in enumerate(found):
            if keys is None:
                found[i] = known(words[i]) or learn(words[i])
        return found  # type: ignore[return-value]  # no None is left

    def _learn(self, word: str) -> tuple[str, ...]:
        if len(self._known) >= _MEMO_LIMIT:
            self._known.clear()
        keys = self._known[word] = self._compute(word)
        return keys


def _acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha()


def _entry_marker(word: str, base: Callable[[str], str]) -> str:
    if word.startswith(EXACT) and len(word) > 1:
        return EXACT + fold(word[1:])
    if _acronym(word):
        return UPPER + word
    return base(word)


class LatinKeying:
    def __init__(self, strip_suffixes: list[str]) -> None:
        self._suffixes = sorted(strip_suffixes, key=len, reverse=True)
        memo = _Memo(self._text_keys)
        self.text_keys, self.keys_of = memo.one, memo.many
        self.scan_key: Callable[[str], str] | None = self._scan_key

    def _stem(self, word: str) -> str:
        key = fold(word)
        for _ in range(2):
            for suffix in self._suffixes:
                if key.endswith(suffix) and len(key) - len(suffix) >= 3:
                    key = key[: -len(suffix)]
                    break
            else:
                break
        return key

    def _text_keys(self, word: str) -> tuple[str, ...]:
        keys = [self._stem(word), EXACT + fold(word)]
        if _acronym(word):
            keys.append(UPPER + word)
        return tuple(keys)

    def entry_key(self, word: str) -> str:
        return _entry_marker(word, self._stem)

    def _scan_key(self, entry_key: str) -> str:
        # "=forme" and "^ACR" match only tokens whose stem is theirs.
        if entry_key.startswith((EXACT, UPPER)) and len(entry_key) > 1:
            return self._stem(entry_key[1:])
        return entry_key

    def name_form(self, name: str, title: str = "") -> str:
        return name

    def first_name(self, word: str) -> bool:
        return False

    def place_words(self, words: list[str]) -> int:
        return 0

    def genitive(self, word: str) -> bool:
        return False

    def genitive_noun(self, word: str) -> bool:
        return False


class RussianKeying:
    def __init__(self) -> None:
        import pymorphy3

        self._morph = pymorphy3.MorphAnalyzer()
        memo = _Memo(self._text_keys)
        self.text_keys, self.keys_of = memo.one, memo.many
        self.scan_key: Callable[[str], str] | None = None

    def _parse(self, word: str) -> list[Any]:
        try:
            return list(self._morph.parse(word))
        except ValueError:  # pymorphy3 looks up Unicode names, which some letters lack
            return []

    def _lemmas(self, word: str) -> list[str]:
        lower = word.lower().replace("ё", "е")
        if not re.search("[а-я]", lower):
            return [fold(word)]
        lemmas = [p.normal_form.replace("ё", "е") for p in self._parse(lower)[:4]]
        return list(dict.fromkeys(lemmas)) or [lower]

    def _text_keys(self, word: str) -> tuple[str, ...]:
        keys = [*self._lemmas(word), EXACT + fold(word).replace("ё", "е")]
        if _acronym(word):
            keys.append(UPPER + word)
        return tuple(keys)

    def entry_key(self, word: str) -> str:
        if word.startswith(EXACT):
            return EXACT + fold(word[1:]).replace("ё", "е")
        return _entry_marker(word, lambda w: self._lemmas(w)[0])

    def genitive(self, word: str) -> bool:
        return any(p.tag.case == "gent" for p in self._parse(word.lower()))

    def genitive_noun(self, word: str) -> bool:
        # an indeclinable abbreviation ("по", read as "ПО") fits every case: not one
        return any(
            p.tag.case == "gent" and "NOUN" in p.tag and "Fixd" not in p.tag
            for p in self._parse(word.lower())
        )

    def first_name(self, word: str) -> bool:
        return any("Name" in p.tag for p in self._parse(word))

    def place_words(self, words: list[str]) -> int:
        n = 0
        while n < len(words):
            grammemes = {g for p in self._parse(words[n]) for g in p.tag.grammemes}
            if grammemes & {"Name", "Surn", "Patr"}:
                break
            if "Geox" in grammemes:
                n += 1  # "Азии", "Востока"
            elif grammemes & {"ADJF"} and not grammemes & {"NOUN"} and n + 1 < len(words):
                n += 1  # "Центральной" before its place
            else:
                break
        # an adjective is only kept out with the place it qualifies
        while n and not any("Geox" in p.tag for p in self._parse(words[n - 1])):
            n -= 1
        return n

    def name_form(self, name: str, title: str = "") -> str:
        """A person's name in the nominative: "Александра Турчина" -> "Александр Турчин".

        The case and gender come from the first word the dictionary knows as a first
        name; each word is then put in the nominative singular of that gender. Words
        the dictionary cannot place keep their form.
        """
        words = name.split(" ")
        case = gender = None
        cases: set[str] = set()
        if title:
            # "министра ... Бахрома Юсупова": a name agrees with the title before it,
            # or with the adjective that opens it ("Генеральным секретарём").
            parses = [p for p in self._parse(title.lower()) if {"NOUN", "ADJF"} & p.tag.grammemes]
            cases = {p.tag.case for p in parses if p.tag.number != "plur"}
            if parses:
                case = next((p.tag.case for p in parses if p.tag.case in cases), parses[0].tag.case)
        for word in words:
            names = [p for p in self._parse(word) if "Name" in p.tag]
            fitting = [p for p in names if not cases or p.tag.case in cases]
            if fitting:
                case, gender = fitting[0].tag.case, fitting[0].tag.gender
                break
        if case is None or case == "nomn":
            return name
        return " ".join(self._nominative(word, case, gender) for word in words)

    def _nominative(self, word: str, case: str, gender: str | None) -> str:
        if not re.fullmatch(r"[А-ЯЁ][а-яё]+", word):
            return word
        for parse in self._parse(word):
            tag = parse.tag
            if tag.case != case or tag.number == "plur":
                continue
            if gender and tag.gender not in (gender, None):
                continue
            if "NOUN" not in tag and not {"Name", "Surn", "Patr"} & set(tag.grammemes):
                continue
            form = parse.inflect({"nomn", "sing"})
            if form is not None:
                return form.word.capitalize()
        if gender in ("masc", None):
            return _masculine_nominative(word, case)
        return word


#: Endings of a man's name the dictionary does not know, by case, with the nominative
#: ending that replaces them: "Ганзорига" -> "Ганзориг", "Шармы" -> "Шарма",
#: "Шульгой" -> "Шульга", "Чонгом" -> "Чонг".
_OBLIQUE_ENDINGS = {
    "gent": (("ы", "а"), ("и", "я"), ("а", ""), ("я", "й")),
    "accs": (("у", "а"), ("ю", "я"), ("а", ""), ("я", "й")),
    "datv": (("е", "а"), ("у", ""), ("ю", "й")),
    "ablt": (("ой", "а"), ("ей", "я"), ("ом", ""), ("ем", "ь"), ("ём", "ь")),
}
_CONSONANT_BEFORE = re.compile(r"[бвгджзклмнпрстфхцчшщ]$")


def _masculine_nominative(word: str, case: str) -> str:
    for ending, nominative in _OBLIQUE_ENDINGS.get(case, ()):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3:
            if nominative == "" and not _CONSONANT_BEFORE.search(stem):
                continue  # "Шарма" is not the genitive of "Шарм"
            if nominative == "ь" and not _CONSONANT_BEFORE.search(stem):
                nominative = "й"  # "Сергеем" -> "Сергей", "Сюйвэнем" -> "Сюйвэнь"
            return stem + nominative
    return word


_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
_ARABIC_LETTERS = str.maketrans({"ى": "ي", "ة": "ه"})
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ARTICLE = "ال"


def arabic_fold(word: str) -> str:
    return _letters(word).translate(_ALEFS)


def _letters(word: str) -> str:
    """Yeh and teh marbuta unified, digits in ASCII; hamza on alef kept, so that the
    article "ال" is never confused with the "أل" of "ألف" or "ألمانيا"."""
    return word.translate(_ARABIC_LETTERS).translate(_ARABIC_DIGITS).lower()


class ArabicKeying:
    def __init__(self, clitic_prefixes: list[str]) -> None:
        self._prefixes = sorted({_letters(p) for p in clitic_prefixes}, key=len, reverse=True)
        memo = _Memo(self._text_keys)
        self.text_keys, self.keys_of = memo.one, memo.many
        self.scan_key: Callable[[str], str] | None = None

    def _text_keys(self, word: str) -> tuple[str, ...]:
        base = _letters(word)
        keys = [base]
        # Two layers at most: a conjunction, then a preposition or the article.
        for stem in (base, *self._strip(base)):
            keys.extend(self._strip(stem))
        # The indefinite accusative writes an alef after the noun ("وقعا اتفاقا", "مصنعا
        # للأدوية"): each key also stands without it.
        keys.extend([k[:-1] for k in keys if len(k) >= 4 and k.endswith("ا") and k[-2] != "ا"])
        folded = [k.translate(_ALEFS) for k in keys]
        return tuple(dict.fromkeys([*folded, EXACT + folded[0]]))

    def _strip(self, word: str) -> list[str]:
        return [
            word[len(p) :] for p in self._prefixes if word.startswith(p) and len(word) - len(p) >= 2
        ]

    def name_form(self, name: str, title: str = "") -> str:
        return name

    def first_name(self, word: str) -> bool:
        return False

    def place_words(self, words: list[str]) -> int:
        return 0

    def genitive(self, word: str) -> bool:
        return False

    def genitive_noun(self, word: str) -> bool:
        return False

    def entry_key(self, word: str) -> str:
        if word.startswith(EXACT):
            return EXACT + arabic_fold(word[1:])
        base = _letters(word)
        if base.startswith(_ARTICLE) and len(base) - len(_ARTICLE) >= 2:
            base = base[len(_ARTICLE) :]
        return base.translate(_ALEFS)
