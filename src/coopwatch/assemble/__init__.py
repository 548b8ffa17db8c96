"""Assembly: from one document's mentions to its events and document-level facts.

The steps, in the order ``assemble`` calls them, each in its own module:

1. ``context``: mentions grouped by sentence, the triggers that tell a step.
   ``names``: a person's name is never a phrase nor a place.
2. ``parties``: the countries that act: named in the headline, in sentences that report
   a step, as the country of a person or of a side ("la partie algérienne"); a country
   only named after a passing cue ("exports to Europe") does not count.
3. ``relevance``: the document is about cooperation between countries only if it has
   event triggers, words of cooperation, at least two parties, and is not dominated by
   off-topic vocabulary (sport, weather, culture...). Otherwise nothing is extracted.
4. ``steps`` (with ``modality`` and ``dates``): each sentence with a trigger gives an
   event of the trigger's type, unless negated, told as to come, or background; dated
   by the sentence's own exact date, else by the step the text is reporting, else by
   the publication date.
5. ``slots``: every slot keeps the spans of the mentions it came from; document-level
   sectors, instruments, organisations, persons, amounts and jobs.
6. ``confidence``: how much the text backs each event.
"""

from __future__ import annotations

from coopwatch.analysis.state import Analysis
from coopwatch.assemble import context, names, parties, relevance, slots, steps
from coopwatch.model import Extraction, Label


def assemble(analysis: Analysis) -> Extraction:
    """The events and document-level facts of one analysed document."""
    extraction = Extraction(document=analysis.document, mentions=analysis.mentions)
    if analysis.lexicon is None:
        return extraction
    ctx = context.context(analysis)
    names.check_persons(ctx)
    triggers = context.triggers(ctx)
    trigger_sentences = {analysis.sentence_of(t.start) for t in triggers}
    host = parties.host_country(analysis)
    scores = parties.party_scores(ctx, trigger_sentences)
    both = analysis.of(Label.BOTH_PARTIES)
    count = max((int(m.value) for m in both if m.value), default=2)
    chosen = parties.choose_parties(scores, host, bool(both), count)
    if not relevance.is_relevant(ctx, chosen, triggers):
        return extraction
    extraction.parties = chosen
    extraction.events = steps.build_events(ctx, triggers, chosen)
    if not extraction.events:
        extraction.parties = []
        return extraction
    extraction.sectors = slots.sectors(ctx, chosen)
    extraction.instruments = slots.instruments(analysis)
    extraction.organizations = slots.organizations(ctx)
    extraction.persons = slots.persons(analysis, chosen, host)
    extraction.amounts = slots.amounts(analysis, chosen)
    extraction.jobs = slots.jobs(analysis)
    return extraction


__all__ = ["assemble"]
