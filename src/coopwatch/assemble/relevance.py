"""Relevance: whether a document reports cooperation between countries at all."""

from __future__ import annotations

from coopwatch.assemble.context import Context
from coopwatch.model import Label, Mention

_OFF_TOPIC_WEIGHT = 1.5  # an off-topic word outweighs this many economic ones


def is_relevant(ctx: Context, parties: list[str], triggers: list[Mention]) -> bool:
    a = ctx.analysis
    if len(parties) < 2 or not triggers:
        return False
    cues = [m for m in a.of(Label.TRIGGER) if m.attrs.get("kind") == "cooperation"]
    money = [m for m in a.of(Label.MONEY) if not m.attrs.get("excluded")]
    economy = len(cues) + len(a.of(Label.INSTRUMENT)) + len(money)
    if economy + len(a.of(Label.SECTOR)) == 0:
        return False
    # Sport, culture, weather: their vocabulary outweighs the economy's. Sector words do
    # not weigh against it: a tournament has its stadiums, hotels and transport too.
    off_topic = len(a.of(Label.OFF_TOPIC))
    return off_topic == 0 or off_topic * _OFF_TOPIC_WEIGHT < economy
