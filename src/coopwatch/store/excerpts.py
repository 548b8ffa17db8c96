"""Cut excerpts of a document and mark the words that support each field (no SQL here)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

from coopwatch.model import Span
from coopwatch.store.view_rows import Excerpt, Mark

#: Characters of context shown around evidence that lies outside the event's sentence.
CONTEXT = 80


def excerpt(
    document_id: str, text: str, window: Span, spans: Iterable[tuple[str, Span]]
) -> Excerpt:
    """``text[window]`` with the parts of ``spans`` inside it marked.

    Overlapping spans are cut at every boundary, so each mark lists every field its
    words support.
    """
    start, end = max(0, window.start), min(len(text), window.end)
    inside = [(f, max(s.start, start), min(s.end, end)) for f, s in spans]
    inside = [(f, s, e) for f, s, e in inside if s < e]
    cuts = sorted({start, end, *(s for _, s, _ in inside), *(e for _, _, e in inside)})
    marks: list[Mark] = []
    for lo, hi in pairwise(cuts):
        fields = sorted({f for f, s, e in inside if s <= lo and hi <= e})
        if not fields:
            continue
        if marks and marks[-1].end == lo - start and marks[-1].fields == fields:
            marks[-1].end = hi - start
        else:
            marks.append(Mark(lo - start, hi - start, fields))
    return Excerpt(document_id, start, text[start:end], marks)


def around(text: str, span: Span, context: int = CONTEXT) -> Span:
    """``span`` widened by about ``context`` characters each side, cut at spaces."""
    lo = max(0, span.start - context)
    hi = min(len(text), span.end + context)
    if lo > 0 and (space := text.find(" ", lo, span.start)) != -1:
        lo = space + 1
    if hi < len(text) and (space := text.rfind(" ", span.end, hi)) != -1:
        hi = space
    return Span(lo, hi)


def merge_windows(windows: Sequence[Span]) -> list[Span]:
    """The windows, overlapping ones joined, in order."""
    merged: list[Span] = []
    for w in sorted(windows):
        if merged and w.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, w.end))
        else:
            merged.append(w)
    return merged


def first_match(text: str, words: Sequence[str], context: int = CONTEXT) -> Excerpt | None:
    """The first place where one of ``words`` occurs (case-insensitive), marked, or None."""
    folded = text.casefold()
    found: list[Span] = []
    for word in words:
        needle = word.casefold()
        if needle and (at := folded.find(needle)) != -1 and len(folded) == len(text):
            found.append(Span(at, at + len(needle)))
    if not found:
        return None
    first = min(found)
    window = around(text, first, context)
    return excerpt("", text, window, [("search", s) for s in found])
