"""The stage of an undertaking that one event shows."""

from __future__ import annotations

import re
from functools import cache

from coopwatch.analysis.keying import arabic_fold
from coopwatch.analysis.matcher import PhraseMatcher
from coopwatch.analysis.tokens import tokenize
from coopwatch.lexicons import available_languages, load
from coopwatch.model import CommitmentStage, EventType
from coopwatch.text import fold

#: The stage each type of step shows by itself.
TYPE_STAGE: dict[str, CommitmentStage] = {
    EventType.MEETING: CommitmentStage.DISCUSSED,
    EventType.PLEDGE: CommitmentStage.PLEDGED,
    EventType.AGREEMENT: CommitmentStage.AGREED,
    EventType.IMPLEMENTATION: CommitmentStage.UNDER_WAY,
}

_WORDS = re.compile(r"\w+")
#: Letters of a stage word's stem (Arabic words are shorter once folded).
_STEM, _ARABIC_STEM = 4, 3

#: Order of progress; stalled and cancelled are outcomes, ranked after it.
PROGRESS = (
    CommitmentStage.DISCUSSED,
    CommitmentStage.PLEDGED,
    CommitmentStage.AGREED,
    CommitmentStage.UNDER_WAY,
    CommitmentStage.OPERATIONAL,
)
OUTCOMES = (CommitmentStage.STALLED, CommitmentStage.CANCELLED)


@cache
def _matcher(lang: str) -> PhraseMatcher | None:
    if lang not in available_languages():
        return None
    lexicon = load(lang)
    stages = lexicon.stages
    return lexicon.matcher(
        [
            (stages.operational, CommitmentStage.OPERATIONAL),
            (stages.stalled, CommitmentStage.STALLED),
            (stages.cancelled, CommitmentStage.CANCELLED),
        ]
    )


@cache
def _stems(lang: str) -> frozenset[str]:
    """A stem of the longest word of every stage phrase, folded: a sentence holding
    none of them has no stage word, and is not tokenised. (The first words would not
    do: "en", "is", "on" open phrases and are in every sentence.)"""
    stages = load(lang).stages
    phrases = [*stages.operational, *stages.stalled, *stages.cancelled]
    size = _ARABIC_STEM if lang == "ar" else _STEM
    stems = set()
    for phrase in phrases:
        folded = [fold_for(w, lang) for w in re.split(r"[\s'’]+", phrase) if w]
        if lang == "ar":  # the article and clitics come and go before a word
            folded = [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in folded]
        if folded:
            stems.add(max(folded, key=len)[:size])
    return frozenset(stems)


def fold_for(text: str, lang: str) -> str:
    """``text`` folded as words of ``lang`` are compared (Arabic letters unified)."""
    return arabic_fold(text) if lang == "ar" else fold(text)


def _may_hold_cues(sentence: str, lang: str) -> bool:
    """Whether a word of the sentence opens with a stage phrase's stem (for Arabic,
    whether a stem is anywhere in it, as clitics come before words)."""
    folded = fold_for(sentence, lang)
    stems = _stems(lang)
    if lang == "ar":
        return any(stem in folded for stem in stems)
    # a stem is a word's first letters, or the whole of a shorter word
    return any(word[:_STEM] in stems or word in stems for word in _WORDS.findall(folded))


def cues(sentence: str, lang: str | None) -> set[CommitmentStage]:
    """The stage words of a sentence (operational, stalled, cancelled)."""
    matcher = _matcher(lang or "")
    if matcher is None or not sentence:
        return set()
    if not _may_hold_cues(sentence, lang or ""):
        return set()
    keying = load(lang or "").keying
    tokens = tokenize(sentence)
    keys = [keying.text_keys(t.text) for t in tokens]
    return {stage for match in matcher.find(tokens, keys) for stage in match.payloads}


def stage_of(event_type: str, sentence: str, lang: str | None) -> CommitmentStage:
    """The stage shown by an event of ``event_type`` told in ``sentence``."""
    found = cues(sentence, lang)
    if CommitmentStage.CANCELLED in found:
        return CommitmentStage.CANCELLED
    if CommitmentStage.STALLED in found:
        return CommitmentStage.STALLED
    stage = TYPE_STAGE[EventType(event_type)]
    if stage is CommitmentStage.UNDER_WAY and CommitmentStage.OPERATIONAL in found:
        return CommitmentStage.OPERATIONAL
    return stage


def furthest(stages: list[CommitmentStage]) -> CommitmentStage:
    """The stage of a thread: the furthest progress, unless its last word is an outcome.

    ``stages`` are in the order of the events' dates; a stall or a cancellation reported
    after the furthest progress is where the undertaking stands.
    """
    best = max((s for s in stages if s in PROGRESS), key=PROGRESS.index, default=None)
    last = stages[-1] if stages else CommitmentStage.DISCUSSED
    if last in OUTCOMES or best is None:
        return last
    return best
