"""Steps: one event per (type, date) from the triggers of the body and headline."""

from __future__ import annotations

from datetime import date, timedelta

from coopwatch.assemble.confidence import confidence
from coopwatch.assemble.context import Context, in_headline
from coopwatch.assemble.dates import (
    RECENT_DAYS,
    SHARED_DATE_REACH,
    exact_dates,
    first_step_date,
    nearest_trigger,
    vague_dates,
)
from coopwatch.assemble.modality import (
    another_year_at,
    expected_later,
    named_by_its_eve,
    negated,
    opens_a_gathering,
    setting_of_signing,
    terms_of_a_signing,
    to_come,
)
from coopwatch.assemble.slots import fill_slots
from coopwatch.model import Event, EventType, Mention, Span

_TYPE_ORDER = {etype: n for n, etype in enumerate(EventType)}  # events of one day, in order


def _report_date(
    ctx: Context, anchor: date | None, span: Span | None
) -> tuple[date | None, Span | None]:
    """The date of a step the text does not date: that of the step it is reporting (the
    last recent dated one), else of the body's first dated step, else of the report."""
    first_dated = anchor or first_step_date(ctx)
    return (
        (first_dated, span if anchor else None) if first_dated else (ctx.analysis.published, None)
    )


def build_events(ctx: Context, triggers: list[Mention], parties: list[str]) -> list[Event]:
    a = ctx.analysis
    published = a.published
    anchor: date | None = None
    anchor_span: Span | None = None
    events: dict[tuple[EventType, date | None], Event] = {}
    filled: set[tuple[tuple[EventType, date | None], int]] = set()
    headline = [t for t in triggers if in_headline(a, t.start)]
    body = [t for t in triggers if not in_headline(a, t.start)]
    body_types = {t.value for t in body}
    # A headline sums up the body: its steps count only when the body does not tell them.
    ordered = body + [t for t in headline if t.value not in body_types]
    for trigger in ordered:
        sentence = a.sentence_of(trigger.start)
        if negated(ctx, sentence, trigger):
            continue
        if terms_of_a_signing(ctx, sentence, trigger):
            continue  # "signed an agreement to form a joint venture": the deal's terms
        named_by = named_by_its_eve(ctx, sentence, trigger)
        etype = EventType(trigger.value)
        if etype == EventType.IMPLEMENTATION and opens_a_gathering(a, trigger):
            etype = EventType.MEETING  # "inaugurated the forum": a meeting
        when: date | None
        date_span: Span | None = None
        if named_by is not None and named_by.value is not None:
            # "عشية الاجتماع": the step named is the day after its eve, if it is past yet
            when = named_by.value + timedelta(days=-int(named_by.attrs.get("offset", -1)))
            if published and when > published:
                continue
        elif etype != EventType.PLEDGE and to_come(ctx, sentence, trigger):
            # "des accords seront signés": a step to come is a pledge, told on the day
            # the text reports it; the sentence's dates are the step's, still ahead.
            etype = EventType.PLEDGE
            when, date_span = _report_date(ctx, anchor, anchor_span)
        else:
            all_dated = exact_dates(ctx, sentence)
            # Each date of a sentence belongs to the step told nearest to it: in "réaffirmé
            # leur volonté d'appliquer la feuille de route signée le 13 mars 2023", the
            # date is the roadmap's, not the pledge's.
            dated = [
                d
                for d in all_dated
                if nearest_trigger(ctx, sentence, d) is trigger
                or abs(d.start - trigger.start) <= SHARED_DATE_REACH
            ]
            own_date = [d for d in dated if abs(d.start - trigger.start) <= SHARED_DATE_REACH]
            if trigger.attrs.get("needs_date") and not own_date:
                continue  # "выполнение подписанных документов": an older step recalled
            year_at = another_year_at(a, trigger)
            if year_at is not None and all(abs(d.start - trigger.start) > year_at for d in dated):
                continue  # "entré en production en 2014": background told by its year
            if dated:
                closest = min(dated, key=lambda m: abs(m.start - trigger.start))
                when, date_span = closest.value, closest.span
                if published and closest.value > published:
                    if etype != EventType.PLEDGE:
                        continue  # a future step is not an event yet
                    # "agreed to meet again on 20 April": the date is the step's to come;
                    # the pledge is made on the day the text reports.
                    when, date_span = _report_date(ctx, anchor, anchor_span)
                else:
                    recent = published is None or (published - closest.value).days <= RECENT_DAYS
                    if not recent and setting_of_signing(ctx, sentence, trigger):
                        continue  # "signé le 4 décembre 2023, lors d'une visite": one past step
                    relative_to_a_step = closest.attrs.get("relative") == "eve"
                    if not relative_to_a_step and not in_headline(a, closest.start) and recent:
                        anchor, anchor_span = closest.value, closest.span
            elif not all_dated and vague_dates(ctx, sentence):
                continue  # background step dated by month or year only
            elif trigger.value == EventType.IMPLEMENTATION.value and expected_later(a, trigger):
                continue  # "la mise en service est attendue": not done yet
            else:
                when, date_span = _report_date(ctx, anchor, anchor_span)
        key = (etype, when)
        sent = a.sentences[sentence]
        event = events.get(key)
        if event is None:
            event = Event(
                type=etype,
                date=when,
                parties=list(parties),
                trigger=trigger.surface,
                sentence=Span(sent.start, sent.end),
                document_ids=[a.document.id],
            )
            events[key] = event
        evidence = event.evidence
        evidence.setdefault("type", []).append(trigger.span)
        if date_span and date_span not in evidence.get("date", []):
            evidence.setdefault("date", []).append(date_span)
        if (key, sentence) not in filled:  # two steps of one sentence share its slots
            filled.add((key, sentence))
            fill_slots(ctx, event, sentence)
    for event in events.values():
        event.confidence = confidence(event, published)
    return sorted(events.values(), key=lambda e: (e.date or date.min, _TYPE_ORDER[e.type]))
