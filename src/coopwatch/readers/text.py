"""Plain text files, with the encoding detected rather than assumed.

UTF-8 (with or without a byte order mark) is tried first, and UTF-16 when a byte
order mark says so. Otherwise the bytes are in one of the legacy encodings our
sources use: CP1251 (Russian), CP1256 (Arabic), CP1252 or Latin-1 (French).
charset-normalizer ranks those candidates; a candidate is accepted only if the text
it gives is written in that encoding's script (a CP1251 text decodes to Cyrillic
letters, not to French words with Cyrillic letters in place of accents). When no
candidate passes, the file is reported, not guessed.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from coopwatch.errors import DecodeError
from coopwatch.model import Document
from coopwatch.readers._common import Item, read_bytes

log = logging.getLogger(__name__)

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
#: Legacy encodings and the script of the letters they are used for.
_LEGACY = {"cp1251": "CYRILLIC", "cp1256": "ARABIC", "cp1252": "LATIN"}
#: Tried when CP1252 cannot decode the bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D).
_LAST_RESORT = ("latin_1", "LATIN")
#: Control bytes other than tab, newline, vertical tab, form feed, carriage return.
_CONTROL = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) | {0x7F}
_MAX_CONTROL_RATIO = 0.1
_SAMPLE = 8192
_WORD = re.compile(r"[^\W\d_]+")


def read(path: Path) -> Iterator[Item]:
    """Yield the one document of a text file (empty text for an empty file)."""
    yield Document.create(decode(read_bytes(path), str(path)), str(path))


def parse(stream: BinaryIO, source: str) -> Iterator[Item]:
    """``read`` for bytes that come from elsewhere than a local file (a Spark job)."""
    yield Document.create(decode(stream.read(), source), source)


def decode(data: bytes, source: str) -> str:
    """The text of ``data``; raises DecodeError for binary or undecidable bytes."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(source, f"invalid {encoding} after its byte order mark") from exc
    if is_binary(data):
        raise DecodeError(source, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_legacy(data, source)


def is_binary(data: bytes) -> bool:
    """NUL bytes, or many control bytes, in the first few kilobytes."""
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(byte in _CONTROL for byte in sample)
    return controls / len(sample) > _MAX_CONTROL_RATIO


def _decode_legacy(data: bytes, source: str) -> str:
    ranked = [match.encoding for match in from_bytes(data, cp_isolation=list(_LEGACY))]
    candidates = [(enc, _LEGACY[enc]) for enc in ranked if enc in _LEGACY]
    candidates += [(enc, script) for enc, script in _LEGACY.items() if enc not in ranked]
    candidates.append(_LAST_RESORT)
    for encoding, script in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if looks_like(text, script):
            log.debug("%s: decoded as %s", source, encoding)
            return text
    raise DecodeError(
        source, "not UTF-8, and not plausible as CP1251, CP1256 or CP1252/Latin-1 either"
    )


def _script(char: str) -> str:
    return unicodedata.name(char, "?").split(" ", 1)[0]


def looks_like(text: str, script: str) -> bool:
    """Whether the non-ASCII letters of ``text`` are plausibly in ``script``.

    ASCII decodes alike in every candidate, so only the other letters tell the
    encodings apart: most of them must belong to ``script``; few words may mix
    letters of two scripts (``coopйration``, French read as CP1251); and Latin
    text is mostly ASCII letters (``Àëæèð`` is Russian read as CP1252).
    """
    letters = [ch for ch in text if ch.isalpha()]
    foreign = [ch for ch in letters if not ch.isascii()]
    if not foreign:
        return True
    if sum(_script(ch) == script for ch in foreign) < 0.5 * len(foreign):
        return False
    if script == "LATIN":
        return len(foreign) <= 0.3 * len(letters)
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    mixed = sum(len({_script(ch) for ch in w}) > 1 for w in words)
    return mixed <= 0.2 * len(words)
