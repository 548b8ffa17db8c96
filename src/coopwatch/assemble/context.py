"""What every assembly step reads: the analysis, its mentions grouped by sentence."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

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
    above the body (a dispatch may also open straight with its lead)."""
    first_line_end = analysis.text.find("\n")
    if first_line_end < 0 or offset >= first_line_end:
        return False
    return not analysis.text[:first_line_end].rstrip().endswith((".", "!", "?", "؟", ":"))
