"""Latin transliteration of names written in Cyrillic or Arabic script.

Simple, deterministic letter tables (close to the BGN/PCGN and common press
romanisations), so that Максим Рыженков, ماكسيم ريجينكوف and Maxim Ryzhenkov can be
compared after folding. Arabic script has no short vowels, so its output is a
consonant skeleton: compare it with :func:`skeleton` of the Latin form.
"""

from __future__ import annotations

import re

_CYRILLIC_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіўєї"
_CYRILLIC_LATIN = [  # one romanisation per letter above, in order
    "a",
    "b",
    "v",
    "g",
    "d",
    "e",
    "e",
    "zh",
    "z",
    "i",
    "y",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "r",
    "s",
    "t",
    "u",
    "f",
    "kh",
    "ts",
    "ch",
    "sh",
    "shch",
    "",
    "y",
    "",
    "e",
    "yu",
    "ya",
    "i",
    "w",
    "ye",
    "yi",
]
_CYRILLIC = dict(zip(_CYRILLIC_LETTERS, _CYRILLIC_LATIN, strict=True))
_ARABIC = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j",
    "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh",
    "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a", "و": "w", "ي": "y",
    "ى": "a", "ء": "", "ؤ": "", "ئ": "", "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g",
}  # fmt: skip
_HAS_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HAS_ARABIC = re.compile(r"[\u0600-\u06ff]")


def to_latin(name: str) -> str:
    """The name in Latin letters; Latin input comes back unchanged."""
    if _HAS_CYRILLIC.search(name):
        out = []
        for ch in name:
            low = ch.lower()
            rep = _CYRILLIC.get(low)
            if rep is None:
                out.append(ch)
            else:
                out.append(rep.capitalize() if ch != low else rep)
        return "".join(out)
    if _HAS_ARABIC.search(name):
        latin = "".join(_ARABIC.get(ch, ch) for ch in name)
        return " ".join(w.capitalize() for w in latin.split())
    return name


def skeleton(latin: str) -> str:
    """Consonants only, lower case: the part of a name that survives Arabic script."""
    return re.sub(r"[aeiouy\W_]+", "", latin.lower())
