"""Text normalisation shared by readers and analysis (spans refer to its output)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_BLANK_LINES = re.compile(r"\n{3,}")
# Arabic short vowels, shadda, sukun and tatweel: optional in writing, dropped so that
# the same word always has the same letters.
_ARABIC_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")
_TRANSLATE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2212": "-",
        "\r": "\n",
        # Arabic-Indic digits and separators become ASCII, one character for one.
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        "\u066b": ",",
        "\u066c": ",",
    }
)


def normalise_text(text: str) -> str:
    """NFC, one kind of apostrophe, quote and dash, single spaces, no control characters.

    Idempotent: ``normalise_text(normalise_text(t)) == normalise_text(t)``.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    text = text.translate(_TRANSLATE)
    text = _ZERO_WIDTH.sub("", text)
    text = _ARABIC_MARKS.sub("", text)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lower case without accents: the key under which Latin-script words are compared."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# C0 controls, DEL, C1 controls; bidirectional overrides and isolates (text that
# reorders what follows it on screen); lone surrogates (bytes of a file name that are
# not UTF-8, as Python decodes them).
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _render(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, keep: str = "") -> str:
    """Text safe to print on a terminal: every control character (escape sequences,
    carriage returns, bidirectional overrides) and undecodable byte is written out
    visibly, ``\\x1b``, ``\\u202e``; the characters in ``keep`` (such as a newline)
    stay as they are."""
    if not _CONTROLS.search(text):
        return text
    if keep:
        return _CONTROLS.sub(lambda m: m.group() if m.group() in keep else _render(m), text)
    return _CONTROLS.sub(_render, text)
