"""Keys under which names in Latin, Cyrillic and Arabic script compare equal.

A name is first written in Latin letters (:func:`coopwatch.transliterate.to_latin`),
then reduced to a *phonetic skeleton*: its consonants, with the letters that the
romanisations of the three scripts confuse put in one class (``zh``/``j``/``g``,
``sh``/``ch``/``s``/``z``, ``v``/``f``, ``k``/``q``/``c``...). Arabic script writes no
short vowels and uses ``و``/``ي`` for long ones, so vowels, ``w`` and ``y`` are dropped
everywhere. Thus Ryzhenkov, Рыженков and ريجينكوف all give ``rjnkf``.

A skeleton is a *candidate* key: two names are judged the same only together with
their countries and context (see :mod:`coopwatch.linking.entities`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coopwatch.text import fold
from coopwatch.transliterate import to_latin

# Longest first: each replacement sees the output of the ones before it.
_CLASSES = (
    ("shch", "s"),
    ("sch", "s"),
    ("dzh", "j"),
    ("tch", "s"),
    ("sh", "s"),
    ("ch", "s"),
    ("zh", "j"),
    ("dj", "j"),
    ("kh", "h"),
    ("gh", "j"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("ts", "s"),
    ("tz", "s"),
    ("ck", "k"),
    ("x", "ks"),
    ("q", "k"),
    ("c", "k"),
    ("g", "j"),
    ("z", "s"),
    ("v", "f"),
)
_DROP = re.compile(r"[aeiouyw\W\d_]+")
_REPEATS = re.compile(r"(.)\1+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: Name particles that are not the surname ("bin", "ibn", "de", "van"...).
_PARTICLES = frozenset(
    [
        "al",
        "el",
        "ben",
        "bin",
        "ibn",
        "bint",
        "abu",
        "ould",
        "de",
        "du",
        "des",
        "da",
        "di",
        "van",
        "von",
        "der",
        "la",
        "le",
        "mc",
    ]
)


@lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    """The phonetic consonant skeleton of a name in any of the three scripts."""
    latin = fold(to_latin(name))
    latin = latin.replace("-", " ")
    for old, new in _CLASSES:
        latin = latin.replace(old, new)
    return _REPEATS.sub(r"\1", _DROP.sub("", latin))


def words(name: str) -> list[str]:
    """The words of a name, without punctuation."""
    return _WORD.findall(name)


@dataclass(frozen=True, slots=True)
class PersonKey:
    """How a person's name is compared: given-name and surname skeletons."""

    given: str
    surname: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}".strip()


@lru_cache(maxsize=100_000)
def person_key(name: str) -> PersonKey | None:
    """The key of a person's name, or None when it has no usable word."""
    parts = [w for w in words(name) if fold(w) not in _PARTICLES]
    # Arabic writes the article joined to the word: drop it from the surname's key too.
    parts = [_without_article(w) for w in parts]
    if not parts:
        return None
    surname = skeleton(parts[-1])
    given = skeleton(parts[0]) if len(parts) > 1 else ""
    if not surname:
        return None
    return PersonKey(given, surname)


def _without_article(word: str) -> str:
    if word.startswith("ال") and len(word) > 3:
        return word[2:]
    low = fold(word)
    if low.startswith(("al-", "el-")) and len(word) > 4:
        return word[3:]
    return word


def same_person(a: PersonKey, b: PersonKey) -> bool:
    """Whether two person keys can name the same person (countries aside).

    The surnames must agree and be long enough to mean something (two consonants);
    given names must agree when both are known; a surname alone matches a full name.
    """
    if a.surname != b.surname:
        return False
    if not a.given or not b.given:
        return len(a.surname) >= 3
    return a.given == b.given or a.given.startswith(b.given) or b.given.startswith(a.given)


#: Consonants a name's skeleton needs to be a key of its own.
_MIN_ORG_SKELETON = 6


@lru_cache(maxsize=100_000)
def organization_keys(name: str) -> frozenset[str]:
    """Keys of one name of an organisation: its folded words, and its skeleton when it is
    not written in Latin script (so that МАЗ and MAZ meet)."""
    plain = " ".join(fold(w) for w in words(name))
    keys = {plain} if plain else set()
    latin = to_latin(name)
    if latin != name:
        translit = " ".join(fold(w) for w in words(latin))
        if translit:
            keys.add(translit)
    # Long names also meet by their skeleton, across scripts: "Ibérica de Cables" and
    # "إيبيريكا دي كابليس". Short ones would meet too many others.
    bones = skeleton(name)
    if len(bones) >= _MIN_ORG_SKELETON:
        keys.add(f"~{bones}")
    return frozenset(keys)


def aliases_key(names: list[str]) -> frozenset[str]:
    """All keys of an organisation known under several names."""
    keys: set[str] = set()
    for name in names:
        keys |= organization_keys(name)
    return frozenset(keys)
