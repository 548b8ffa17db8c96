"""Stages that tag vocabulary: sectors (ISIC Rev.4), instruments, event triggers,
cooperation cues, negation and off-topic words. One lexicon list each, one label each."""

from __future__ import annotations

from functools import cache

from coopwatch.analysis.matcher import PhraseMatcher
from coopwatch.analysis.state import Analysis
from coopwatch.lexicons import Lexicon
from coopwatch.model import INSTRUMENTS, EventType, Label


@cache
def _sector_matcher(lexicon: Lexicon) -> PhraseMatcher:
    return lexicon.matcher([(s.phrases, (s.isic, s.isic_class)) for s in lexicon.sectors.sector])


@cache
def _instrument_matcher(lexicon: Lexicon) -> PhraseMatcher:
    return lexicon.matcher([(getattr(lexicon.instruments, name), name) for name in INSTRUMENTS])


@cache
def _trigger_matcher(lexicon: Lexicon) -> PhraseMatcher:
    t = lexicon.triggers
    return lexicon.matcher(
        [(getattr(t, kind.value), ("trigger", kind.value)) for kind in EventType]
        + [(t.cooperation, ("cooperation", None)), (t.negation, ("negation", None))]
    )


@cache
def _off_topic_matcher(lexicon: Lexicon) -> PhraseMatcher:
    return lexicon.matcher([(lexicon.off_topic.phrases, "off_topic")])


def sectors(analysis: Analysis) -> None:
    if analysis.lexicon is None:
        return
    titles = [(m.start, m.attrs.get("complement_end", m.end)) for m in analysis.of(Label.TITLE)]
    for match in analysis.find(_sector_matcher(analysis.lexicon)):
        start, end = analysis.span_of(match)
        isic, isic_class = match.payloads[0]
        if not isic or any(s <= start and end <= e for s, e in titles):
            continue  # a blocking entry, or a minister's portfolio ("ministre des Mines")
        division = isic if isinstance(isic, str) else isic[0]
        alternatives = [] if isinstance(isic, str) else list(isic[1:])
        analysis.add(
            Label.SECTOR, start, end, division, alternatives=alternatives, isic_class=isic_class
        )


def instruments(analysis: Analysis) -> None:
    if analysis.lexicon is None:
        return
    for match in analysis.find(_instrument_matcher(analysis.lexicon)):
        start, end = analysis.span_of(match)
        for name in dict.fromkeys(match.payloads):
            analysis.add(Label.INSTRUMENT, start, end, name)


def triggers(analysis: Analysis) -> None:
    if analysis.lexicon is None:
        return
    for match in analysis.find(_trigger_matcher(analysis.lexicon)):
        start, end = analysis.span_of(match)
        kind, value = match.payloads[0]
        analysis.add(Label.TRIGGER, start, end, value, kind=kind)
    for match in analysis.find(_off_topic_matcher(analysis.lexicon)):
        start, end = analysis.span_of(match)
        analysis.add(Label.OFF_TOPIC, start, end, None)
