"""What every assembly step reads: the analysis, its mentions grouped by sentence."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from coopwatch.analysis.state import Analysis
from coopwatch.model import Label, Mention


@dataclass(slots=True)
class Context:
    analysis: Analysis
    by_sentence: dict[tuple[int, Label], list[Mention]]

    def in_sentence(self, index: int, label: Label) -> list[Mention]:
        return self.by_sentence.get((index, label), [])


def context(analysis: Analysis) -> Context:
    by_sentence: dict[tuple[int, Label], list[Mention]] = defaultdict(list)
    # Mentions and sentences are both in text order: one walk pairs them.
    starts = [s.start for s in analysis.sentences]
    sentence, last = 0, len(starts) - 1
    for m in analysis.mentions:
        while sentence < last and starts[sentence + 1] <= m.start:
            sentence += 1
        by_sentence[sentence, m.label].append(m)
    return Context(analysis, by_sentence)


def triggers(ctx: Context) -> list[Mention]:
    """The mentions that tell a step (not words of cooperation nor negations)."""
    return [m for m in ctx.analysis.of(Label.TRIGGER) if m.attrs.get("kind") == "trigger"]


def in_headline(analysis: Analysis, offset: int) -> bool:
    """Whether an offset lies in a headline: a first line without final punctuation
    above the body (a dispatch may also open straight with its lead), the line below a
    first line that is only a dateline ("SEOUL, Sept. 23 (Agency) -") or a rubric
    ("INDUSTRIE"), and a line that repeats the opening of a page's title ("Plant opens,
    300 jobs | Newsroom", then "Plant opens, 300 jobs and a training centre")."""
    return any(start <= offset < end for start, end in _headlines(analysis.text))


_FINAL_PUNCTUATION = (".", "!", "?", "؟", ":")

_DATELINE_ONLY = re.compile(r"[^\n]{1,60}\s[-–—]\s*")  # "SEOUL, Sept. 23 (Agency) -"

_TITLE_SITE = re.compile(r"\s+[|]\s+")  # "Headline | Site name"

_RUBRIC_WORDS = 3  # a first line this short is a rubric when a headline follows it

_REPEAT_LINES = 4  # a page repeats its title below a kicker or a rubric

_SAME_OPENING = 6  # words a page's headline shares with its title ("Forum d'affaires ...")


@lru_cache(maxsize=16)
def _headlines(text: str) -> tuple[tuple[int, int], ...]:
    lines = text.split("\n", _REPEAT_LINES + 1)
    first = lines[0]
    if len(lines) == 1:
        return ()
    if _DATELINE_ONLY.fullmatch(first):
        start = len(first) + 1
        second = lines[1].rstrip()
        if second and not second.endswith(_FINAL_PUNCTUATION):
            return ((start, start + len(lines[1])),)
        return ()
    spans = []
    if not first.rstrip().endswith(_FINAL_PUNCTUATION):
        spans.append((0, len(first)))
        second = lines[1].rstrip()
        if (
            len(first.split()) <= _RUBRIC_WORDS
            and second
            and not second.endswith(_FINAL_PUNCTUATION)
        ):
            # a rubric ("COOPÉRATION BILATÉRALE") above the headline
            spans.append((len(first) + 1, len(first) + 1 + len(lines[1])))
    title = _TITLE_SITE.split(first)[0].split()
    opening = title[: min(len(title), _SAME_OPENING)]
    offset = len(first) + 1
    for line in lines[1 : _REPEAT_LINES + 1]:
        words = line.split()
        if opening and words[: len(opening)] == opening:
            if not line.rstrip().endswith(_FINAL_PUNCTUATION):
                spans.append((offset, offset + len(line)))
            break
        offset += len(line) + 1
    return tuple(spans)
