"""Dates of steps: the exact dates of a sentence, the step a date belongs to, the
date the body's first dated step gives an undated headline."""

from __future__ import annotations

from datetime import date

from coopwatch.assemble.context import Context, in_headline
from coopwatch.model import Label, Mention

RECENT_DAYS = 31  # older dated steps are background: they date no later undated step


SHARED_DATE_REACH = 35  # characters: "signed ... on March 13 during a visit" dates both


def exact_dates(ctx: Context, sentence: int) -> list[Mention]:
    return [
        m
        for m in ctx.in_sentence(sentence, Label.DATE)
        if m.value is not None and m.attrs.get("precision") == "day" and not m.attrs.get("dateline")
    ]


def vague_dates(ctx: Context, sentence: int) -> list[Mention]:
    return [m for m in ctx.in_sentence(sentence, Label.DATE) if m.attrs.get("precision") == "month"]


EVE_REACH = 2  # tokens between "on the eve of" and the step it names


def names_after_eve(ctx: Context, when: Mention, step: Mention) -> bool:
    """Whether a step is the one an eve names ("on the eve of the summit"): it is dated
    the day after, and the eve dates the other steps of its sentence."""
    a = ctx.analysis
    return (
        when.attrs.get("relative") == "eve"
        and when.attrs.get("offset", -1) < 0
        and when.end <= step.start
        and a.token_at(step.start) - a.token_at(when.end) <= EVE_REACH
    )


def nearest_trigger(ctx: Context, sentence: int, when: Mention) -> Mention | None:
    steps = [
        m for m in ctx.in_sentence(sentence, Label.TRIGGER) if m.attrs.get("kind") == "trigger"
    ]
    others = [m for m in steps if not names_after_eve(ctx, when, m)]
    if len(others) < len(steps) and any(d is not when for d in exact_dates(ctx, sentence)):
        return None  # "احتضن، اليوم الأربعاء، منتدى ... عشية الاجتماع": the eve dates no step
    return min(others, key=lambda m: abs(m.start - when.start), default=None)


def first_step_date(ctx: Context) -> date | None:
    """The date of the first dated step of the body, for a headline or lead without one."""
    for m in ctx.analysis.of(Label.DATE):
        if (
            m.value is not None
            and m.attrs.get("precision") == "day"
            and not m.attrs.get("dateline")
            and not in_headline(ctx.analysis, m.start)
            and (ctx.analysis.published is None or m.value <= ctx.analysis.published)
        ):
            return m.value
    return None
