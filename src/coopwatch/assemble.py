"""Assembly: from one document's mentions to its events and document-level facts.

1. The document is about cooperation between countries only if it has event triggers,
   words of cooperation, at least two parties, and is not dominated by off-topic
   vocabulary (sport, weather, culture...). Otherwise nothing is extracted.
2. Parties are the countries that act: named in the headline, in sentences that report
   a step, as the country of a person or of a side ("la partie algérienne"); a country
   only named after a passing cue ("exports to Europe") does not count.
3. Each sentence with a trigger gives an event of the trigger's type, dated by the
   sentence's own exact date, else by the step the text is reporting (the last dated
   step before it), else by the publication date. Steps dated only by month or year,
   and future steps, are background and give no event.
4. Every slot keeps the spans of the mentions it came from.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from coopwatch.analysis.state import Analysis
from coopwatch.model import (
    Amount,
    Event,
    EventType,
    Extraction,
    Label,
    Mention,
    Organization,
    Person,
    Span,
)
from coopwatch.text import fold
from coopwatch.transliterate import to_latin

_THIRD_PARTY_SHARE = 0.68  # a third country needs this share of the second one's score
_MIN_PARTY_SCORE = 1.5  # above a single mention in a sentence that tells no step
_OFF_TOPIC_WEIGHT = 1.5  # an off-topic word outweighs this many economic ones
_RECENT_DAYS = 31  # older dated steps are background: they date no later undated step
_SHARED_DATE_REACH = 35  # characters: "signed ... on March 13 during a visit" dates both
_NEGATION_BEFORE = 40  # characters before a step that a negation reaches
_NEGATION_AFTER = 30  # and after it
_TYPE_ORDER = {etype: n for n, etype in enumerate(EventType)}  # events of one day, in order


@dataclass(slots=True)
class _Context:
    analysis: Analysis
    by_sentence: dict[tuple[int, Label], list[Mention]]

    def in_sentence(self, index: int, label: Label) -> list[Mention]:
        return self.by_sentence.get((index, label), [])


def _context(analysis: Analysis) -> _Context:
    by_sentence: dict[tuple[int, Label], list[Mention]] = defaultdict(list)
    # Mentions and sentences are both in text order: one walk pairs them.
    starts = [s.start for s in analysis.sentences]
    sentence, last = 0, len(starts) - 1
    for m in analysis.mentions:
        while sentence < last and starts[sentence + 1] <= m.start:
            sentence += 1
        by_sentence[sentence, m.label].append(m)
    return _Context(analysis, by_sentence)


def _triggers(ctx: _Context) -> list[Mention]:
    return [m for m in ctx.analysis.of(Label.TRIGGER) if m.attrs.get("kind") == "trigger"]


_DATELINE_CHARS = 60  # a longer line without a dash is a paragraph, not a dateline
_DATELINE_END = re.compile(r"\s[-–—]|\s?--|\)\s*[-–—:]")


def _host_country(analysis: Analysis) -> str | None:
    """The country a dispatch reports from: its agency, else its dateline's city, else the
    country its headline names first."""
    lexicon = analysis.lexicon
    if lexicon is None:
        return None
    found = analysis.matches("agency")
    countries = analysis.of(Label.COUNTRY)
    if found:
        codes: tuple[str, ...] = found[0].payloads[0]
        named = {m.value for m in countries}
        return next((code for code in codes if code in named), codes[0])
    first_lines = analysis.text.split("\n", 2)
    dateline = first_lines[1] if len(first_lines) > 1 else ""
    # The dateline may open the lead paragraph: only its place, before the dash, counts.
    cut = _DATELINE_END.search(dateline)
    place = cut.start() if cut else (len(dateline) if len(dateline) <= _DATELINE_CHARS else 0)
    dateline_end = len(first_lines[0]) + 1 + place
    for m in countries:
        if len(first_lines[0]) < m.start < dateline_end and m.attrs.get("kind") != "adjective":
            return str(m.value)
    # A headline names the home side first: "L'Algérie et la Biélorussie ...".
    for m in countries:
        if m.start < len(first_lines[0]) and m.attrs.get("kind") == "name":
            return str(m.value)
    return None


def _party_scores(ctx: _Context, trigger_sentences: set[int]) -> dict[str, float]:
    """How strongly each country acts in the text: named in the headline or lead, in a
    sentence that tells a step, as a side ("la partie algérienne"), as a person's
    country; a destination or venue after a passing cue does not count."""
    scores: dict[str, float] = defaultdict(float)
    countries = [
        (sentence, m)
        for (sentence, label), ms in ctx.by_sentence.items()
        if label == Label.COUNTRY
        for m in ms
    ]
    for sentence, m in countries:
        if m.attrs.get("passing"):
            continue
        weight = 1.0
        if sentence == 0:
            weight += 2.0
        if sentence in trigger_sentences:
            weight += 1.0
        if m.attrs.get("side"):
            weight += 2.0
        if m.attrs.get("kind") == "capital" and sentence != 0:
            weight -= 0.5
        scores[str(m.value)] += weight
    for p in ctx.analysis.of(Label.PERSON):
        country = p.attrs.get("country")
        if country and not p.attrs.get("repeat"):
            scores[country] += 2.0
    return scores


def _choose_parties(
    scores: dict[str, float], host: str | None, has_both: bool, count: int = 2
) -> list[str]:
    """The two best-scored countries, more when the text counts them ("les quatre
    pays") or when a third scores close to the second."""
    if host and (host in scores or has_both or len(scores) == 1):
        scores[host] += 2.0
    # One mention in passing, outside the headline and the sentences that tell a step,
    # makes no party: "products now imported from China" in a domestic story.
    ranked = sorted(
        ((code, s) for code, s in scores.items() if s >= _MIN_PARTY_SCORE or code == host),
        key=lambda item: -item[1],
    )
    if not ranked:
        return []
    parties = [code for code, _ in ranked[: max(2, count)]]
    if len(ranked) > len(parties):
        reference = ranked[1][1]
        parties += [
            code
            for code, s in ranked[len(parties) :]
            if s >= max(3.0, reference * _THIRD_PARTY_SHARE)
        ]
    return sorted(parties)


def _is_relevant(ctx: _Context, parties: list[str], triggers: list[Mention]) -> bool:
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


def _exact_dates(ctx: _Context, sentence: int) -> list[Mention]:
    return [
        m
        for m in ctx.in_sentence(sentence, Label.DATE)
        if m.value is not None and m.attrs.get("precision") == "day" and not m.attrs.get("dateline")
    ]


def _vague_dates(ctx: _Context, sentence: int) -> list[Mention]:
    return [m for m in ctx.in_sentence(sentence, Label.DATE) if m.attrs.get("precision") == "month"]


def _build_events(ctx: _Context, triggers: list[Mention], parties: list[str]) -> list[Event]:
    a = ctx.analysis
    published = a.published
    anchor: date | None = None
    anchor_span: Span | None = None
    events: dict[tuple[EventType, date | None], Event] = {}
    filled: set[tuple[tuple[EventType, date | None], int]] = set()
    headline = [t for t in triggers if _in_headline(a, t.start)]
    body = [t for t in triggers if not _in_headline(a, t.start)]
    body_types = {t.value for t in body}
    # A headline sums up the body: its steps count only when the body does not tell them.
    ordered = body + [t for t in headline if t.value not in body_types]
    for trigger in ordered:
        sentence = a.sentence_of(trigger.start)
        if _negated(ctx, sentence, trigger):
            continue
        all_dated = _exact_dates(ctx, sentence)
        # Each date of a sentence belongs to the step told nearest to it: in "réaffirmé
        # leur volonté d'appliquer la feuille de route signée le 13 mars 2023", the
        # date is the roadmap's, not the pledge's.
        dated = [
            d
            for d in all_dated
            if _nearest_trigger(ctx, sentence, d) is trigger
            or abs(d.start - trigger.start) <= _SHARED_DATE_REACH
        ]
        when: date | None
        date_span: Span | None = None
        year_at = _another_year_at(a, trigger)
        if year_at is not None and all(abs(d.start - trigger.start) > year_at for d in dated):
            continue  # "entré en production en 2014": background told by its year
        if dated:
            closest = min(dated, key=lambda m: abs(m.start - trigger.start))
            when, date_span = closest.value, closest.span
            if published and when > published:
                continue  # a future step is not an event yet
            recent = published is None or (published - when).days <= _RECENT_DAYS
            if not recent and _setting_of_signing(ctx, sentence, trigger):
                continue  # "signé le 4 décembre 2023, lors d'une visite": one past step
            in_headline = _in_headline(a, closest.start)
            if closest.attrs.get("relative") != "eve" and not in_headline and recent:
                anchor, anchor_span = when, closest.span
        elif not all_dated and _vague_dates(ctx, sentence):
            continue  # background step dated by month or year only
        elif trigger.value == EventType.IMPLEMENTATION.value and _expected_later(a, trigger):
            continue  # "la mise en service est attendue": not done yet
        else:
            first_dated = anchor or _first_step_date(ctx)
            when, date_span = (first_dated, anchor_span) if first_dated else (published, None)
        etype = EventType(trigger.value)
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
            _fill_slots(ctx, event, sentence)
    for event in events.values():
        event.confidence = _confidence(event)
    return sorted(events.values(), key=lambda e: (e.date or date.min, _TYPE_ORDER[e.type]))


#: Words right after a step's noun that put it in the future: "la mise en service est
#: attendue", "production expected", "commissioning scheduled".
#: Compared with their accents: the noun "programme" is no participle "programmé", and
#: "due" is left out ("due to strong demand" says why, not when).
_EXPECTED = frozenset(
    {
        "prévu", "prévue", "prévus", "prévues", "attendu", "attendue", "attendus", "attendues",
        "programmé", "programmée", "programmés", "programmées", "envisagé", "envisagée",
        "expected", "scheduled", "planned", "slated",
    }
)  # fmt: skip
_EXPECTED_REACH = 8  # tokens after the step's last word, within its clause
_FUTURE_MODALS = frozenset({"will", "would", "shall", "devrait", "devraient", "doit", "doivent"})
_MODAL_REACH = 6  # "the first batch of 40 engineers would begin"
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_STEP_YEAR = re.compile(
    r"\b(?:en|in|fin|début|courant|semestre|trimestre|quarter|half|late|early|mid|of)"
    r"[\s-]+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_YEAR_REACH = 80  # characters after the step where its planned year stands


def _expected_later(a: Analysis, trigger: Mention) -> bool:
    """A step told as expected or with a modal of the future right after it ("la mise en
    service est attendue", "the first batch would begin training"), or followed closely
    by a year after publication."""
    last = a.token_at(trigger.end)
    sentence_end = a.sentences[a.sentence_of(trigger.start)].end
    for n, t in enumerate(a.tokens[last : last + _EXPECTED_REACH]):
        if t.start >= sentence_end or t.text in (",", ";"):
            break
        word = t.text.casefold()
        if word in _EXPECTED or (n < _MODAL_REACH and word in _FUTURE_MODALS):
            return True
    published = a.published
    return published is not None and any(
        int(y) > published.year for y in _YEAR.findall(_text_after(a, trigger))
    )


def _text_after(a: Analysis, trigger: Mention) -> str:
    """The text right after a step, within its sentence, where its year may stand."""
    sentence_end = a.sentences[a.sentence_of(trigger.start)].end
    return a.text[trigger.end : min(sentence_end, trigger.end + _YEAR_REACH)]


def _another_year_at(a: Analysis, trigger: Mention) -> int | None:
    """How far after a step stands the year it took or will take place, when that year
    is not the publication's (None otherwise): "entré en production en 2014", "les
    travaux ont été achevés en 2021", "une entrée en production prévue fin 2026". A year
    after "for", "until" or "by" is a period or a target, not the step's date."""
    published = a.published
    if published is None:
        return None
    found = _STEP_YEAR.search(_text_after(a, trigger))
    if found is None or int(found.group(1)) == published.year:
        return None
    return trigger.end - trigger.start + found.start(1)  # its distance from the step


#: Words that make a meeting the setting of another step: "lors d'une visite", "en
#: marge du sommet", "during the visit", "on the sidelines of".
_SETTING = frozenset(
    {"lors", "pendant", "durant", "cours", "marge", "occasion", "during", "sidelines", "at"}
)  # fmt: skip
_SETTING_REACH = 4  # tokens before the meeting's word


def _setting_of_signing(ctx: _Context, sentence: int, trigger: Mention) -> bool:
    """A meeting told as the setting of a signing in the same sentence."""
    if trigger.value != EventType.MEETING.value:
        return False
    a = ctx.analysis
    signed = any(
        t.value == EventType.AGREEMENT.value and t.attrs.get("kind") == "trigger"
        for t in ctx.in_sentence(sentence, Label.TRIGGER)
    )
    first = a.token_at(trigger.start)
    before = a.tokens[max(0, first - _SETTING_REACH) : first]
    return signed and any(fold(t.text) in _SETTING for t in before)


def _negated(ctx: _Context, sentence: int, trigger: Mention) -> bool:
    """A negation or doubt close before the step ("n'ont pas signé", "refused to sign")
    or right after it ("signing was postponed") cancels it."""
    return any(
        m.attrs.get("kind") == "negation"
        and trigger.start - _NEGATION_BEFORE <= m.start
        and m.start <= trigger.end + _NEGATION_AFTER
        for m in ctx.in_sentence(sentence, Label.TRIGGER)
    )


def _nearest_trigger(ctx: _Context, sentence: int, when: Mention) -> Mention | None:
    steps = [
        m for m in ctx.in_sentence(sentence, Label.TRIGGER) if m.attrs.get("kind") == "trigger"
    ]
    return min(steps, key=lambda m: abs(m.start - when.start), default=None)


def _in_headline(analysis: Analysis, offset: int) -> bool:
    """Whether an offset lies in a headline: a first line without final punctuation
    above the body (a dispatch may also open straight with its lead)."""
    first_line_end = analysis.text.find("\n")
    if first_line_end < 0 or offset >= first_line_end:
        return False
    return not analysis.text[:first_line_end].rstrip().endswith((".", "!", "?", "؟", ":"))


def _first_step_date(ctx: _Context) -> date | None:
    """The date of the first dated step of the body, for a headline or lead without one."""
    for m in ctx.analysis.of(Label.DATE):
        if (
            m.value is not None
            and m.attrs.get("precision") == "day"
            and not m.attrs.get("dateline")
            and not _in_headline(ctx.analysis, m.start)
            and (ctx.analysis.published is None or m.value <= ctx.analysis.published)
        ):
            return m.value
    return None


def _fill_slots(ctx: _Context, event: Event, sentence: int) -> None:
    ev = event.evidence
    zones = ctx.analysis.lexicon.money.zones  # type: ignore[union-attr]
    for m in ctx.in_sentence(sentence, Label.COUNTRY):
        if m.value in event.parties:
            ev.setdefault("parties", []).append(m.span)
        if event.location is None and m.attrs.get("kind") == "capital":
            event.location = m.surface  # "réunis à Alger", "talks in Tehran"
            ev.setdefault("location", []).append(m.span)
    for m in ctx.in_sentence(sentence, Label.SECTOR):
        if m.value not in event.sectors:
            event.sectors.append(m.value)
        ev.setdefault("sectors", []).append(m.span)
    for m in ctx.in_sentence(sentence, Label.INSTRUMENT):
        if m.value not in event.instruments:
            event.instruments.append(m.value)
        ev.setdefault("instruments", []).append(m.span)
    for m in ctx.in_sentence(sentence, Label.PERSON):
        if all(fold(p.name) != fold(str(m.value)) for p in event.persons):
            name = str(m.value)
            event.persons.append(
                Person(name, m.attrs.get("country"), m.attrs.get("role"), _latin(name))
            )
        ev.setdefault("persons", []).append(m.span)
    for m in ctx.in_sentence(sentence, Label.ORGANIZATION):
        if all(o.names != m.value for o in event.organizations):
            event.organizations.append(Organization(list(m.value)))
        ev.setdefault("organizations", []).append(m.span)
    for m in ctx.in_sentence(sentence, Label.MONEY):
        if not m.attrs.get("excluded"):
            event.amounts.append(Amount(m.value, _currency(m, event.parties, zones), m.span))
            ev.setdefault("amounts", []).append(m.span)
    for m in ctx.in_sentence(sentence, Label.JOBS):
        if not m.attrs.get("existing"):
            event.jobs = m.value
            ev.setdefault("jobs", []).append(m.span)


def _confidence(event: Event) -> float:
    """How much the text backs the event, from the evidence it has (in [0, 1]).

    Measured on the development set and test corpora, each of these raises the share
    of correct events: a date written in the sentence, several trigger phrases, the
    parties named in the sentence, a person or organisation acting in it. Steps of
    implementation are the ones most often misread.
    """
    ev = event.evidence
    score = 0.25
    score += 0.2 if ev.get("date") else 0.0
    score += 0.1 * min(len(ev.get("type", [])) - 1, 2)
    score += 0.15 if ev.get("parties") else 0.0
    score += 0.15 if event.persons or event.organizations else 0.0
    score += 0.1 if event.sectors or event.instruments or event.amounts else 0.0
    if event.type == EventType.IMPLEMENTATION:
        score -= 0.1
    return round(max(0.0, min(score, 1.0)), 3)


def _currency(m: Mention, parties: Iterable[str], zones: dict[str, list[str]]) -> str:
    """The currency of an amount whose word fits several ("dinar"): the parties' own."""
    codes = [m.attrs["currency"], *m.attrs.get("alternatives", [])]
    parties = set(parties)
    for code in codes:
        if code[:2] in parties or parties & set(zones.get(code, ())):
            return code
    return codes[0]


def _persons(a: Analysis, parties: list[str], host: str | None) -> list[Person]:
    people: dict[str, Person] = {}
    surnames: dict[str, Person] = {}
    for m in a.of(Label.PERSON):
        name = str(m.value)
        key = fold(name)
        person = people.get(key) or surnames.get(key)
        if person is None:
            person = Person(name, m.attrs.get("country"), m.attrs.get("role"), _latin(name))
            people[key] = person
            surnames.setdefault(fold(name.split()[-1]), person)
        elif person.country is None and m.attrs.get("country"):
            person.country = m.attrs.get("country")
        person.spans.append(m.span)
    out = []
    for person in people.values():
        if person.country is None:
            person.country = host if host in parties else None
        if person.country is None or person.country in parties:
            out.append(person)
    return out


def _latin(name: str) -> str | None:
    """The Latin spelling of a name in another script (None for Latin names), so that
    Максим Рыженков, ماكسيم ريجينكوف and Maxim Ryzhenkov can be matched later."""
    latin = to_latin(name)
    return latin if latin != name else None


def _organizations(ctx: _Context) -> list[Organization]:
    a = ctx.analysis
    orgs: list[Organization] = []
    blocs = {fold(a.text[slice(*a.span_of(b))]) for b in a.matches("org_bloc")}
    for m in a.of(Label.ORGANIZATION):
        if any(fold(n) in blocs for n in m.value) and not _funds(ctx, m):
            continue  # "exports to the European Union", "member of BRICS"
        names = list(m.value)
        keys = {fold(n) for n in names}
        for org in orgs:
            if keys & {fold(n) for n in org.names}:
                org.spans.append(m.span)
                break
        else:
            orgs.append(Organization(names, spans=[m.span]))
    return orgs


def _funds(ctx: _Context, m: Mention) -> bool:
    """Whether an organisation's sentence names money or a finance instrument."""
    sentence = ctx.analysis.sentence_of(m.start)
    money = [x for x in ctx.in_sentence(sentence, Label.MONEY) if not x.attrs.get("excluded")]
    finance = [x for x in ctx.in_sentence(sentence, Label.INSTRUMENT) if x.value == "finance"]
    return bool(money or finance)


def _sectors(ctx: _Context, parties: list[str]) -> list[str]:
    """Divisions named where the text speaks of the cooperation: in a sentence that also
    tells a step, names a party, an instrument, an amount or a word of cooperation."""
    topical = {
        sentence
        for (sentence, label), ms in ctx.by_sentence.items()
        if label in _TOPICAL or (label == Label.COUNTRY and any(m.value in parties for m in ms))
    }
    return sorted(
        {
            str(m.value)
            for (sentence, label), ms in ctx.by_sentence.items()
            if label == Label.SECTOR and sentence in topical
            for m in ms
        }
    )


_TOPICAL = frozenset({Label.TRIGGER, Label.INSTRUMENT, Label.MONEY, Label.BOTH_PARTIES})


def _instruments(a: Analysis) -> list[str]:
    return sorted({str(m.value) for m in a.of(Label.INSTRUMENT)})


def _amounts(a: Analysis, parties: list[str]) -> list[Amount]:
    out: list[Amount] = []
    for m in a.of(Label.MONEY):
        if m.attrs.get("excluded") or m.value <= 0:
            continue
        out.append(Amount(int(m.value), _currency(m, parties, a.lexicon.money.zones), m.span))  # type: ignore[union-attr]
    # A headline figure repeats one of the body: keep the body's.
    body = {(x.value, x.currency) for x in out if x.span and not _in_headline(a, x.span.start)}
    return [
        x
        for x in out
        if not (x.span and _in_headline(a, x.span.start) and (x.value, x.currency) in body)
    ]


def _jobs(a: Analysis) -> int | None:
    created = [m for m in a.of(Label.JOBS) if not m.attrs.get("existing")]
    # "250 emplois directs et 600 indirects": the jobs created are the direct ones.
    direct = [m.value for m in created if not m.attrs.get("indirect")]
    values = direct or [m.value for m in created]
    return max(values) if values else None


def assemble(analysis: Analysis) -> Extraction:
    """The events and document-level facts of one analysed document."""
    extraction = Extraction(document=analysis.document, mentions=analysis.mentions)
    if analysis.lexicon is None:
        return extraction
    ctx = _context(analysis)
    triggers = _triggers(ctx)
    trigger_sentences = {analysis.sentence_of(t.start) for t in triggers}
    host = _host_country(analysis)
    scores = _party_scores(ctx, trigger_sentences)
    both = analysis.of(Label.BOTH_PARTIES)
    count = max((int(m.value) for m in both if m.value), default=2)
    parties = _choose_parties(scores, host, bool(both), count)
    if not _is_relevant(ctx, parties, triggers):
        return extraction
    extraction.parties = parties
    extraction.events = _build_events(ctx, triggers, parties)
    if not extraction.events:
        extraction.parties = []
        return extraction
    extraction.sectors = _sectors(ctx, parties)
    extraction.instruments = _instruments(analysis)
    extraction.organizations = _organizations(ctx)
    extraction.persons = _persons(analysis, parties, host)
    extraction.amounts = _amounts(analysis, parties)
    extraction.jobs = _jobs(analysis)
    return extraction
