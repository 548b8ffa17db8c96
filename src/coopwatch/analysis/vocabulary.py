"""Stages that tag vocabulary: sectors (ISIC Rev.4), instruments, event triggers,
cooperation cues, negation and off-topic words. One lexicon list each, one label each."""

from __future__ import annotations

import itertools
from typing import Any

from coopwatch.analysis.matcher import PhraseMatch
from coopwatch.analysis.spans import Cover, starts_of, within
from coopwatch.analysis.state import Analysis
from coopwatch.model import Label, Mention


def _names_and_titles(analysis: Analysis, *, organizations: bool = True) -> list[tuple[int, int]]:
    """Spans whose words say who someone is, not what the cooperation is about: titles
    with their portfolio, and names of organisations ("Banque européenne
    d'investissement", "University of Sfax")."""
    spans = [(m.start, m.attrs.get("complement_end", m.end)) for m in analysis.of(Label.TITLE)]
    for m in analysis.of(Label.ORGANIZATION) if organizations else ():
        if m.end - m.start > max((len(n) for n in m.value if n.isupper()), default=0):
            spans.append((m.start, m.end))
    return spans


def _government_bodies(analysis: Analysis) -> list[tuple[int, int]]:
    """Ministries and departments with their portfolio, which names neither the sector
    nor the instrument of the cooperation: "Ministry of Food, Agriculture and Light
    Industry", "Ministry of Investment, Industry and Trade", "وزارة الفلاحة"."""
    from coopwatch.analysis.persons import portfolio_end

    if analysis.lexicon is None:
        return []
    tokens = analysis.tokens
    persons = analysis.token_indices(analysis.of(Label.PERSON))
    cased = analysis.lexicon.language.cased
    adjectives = analysis.adjective_tokens()
    spans = []
    for m in analysis.matches("government_body"):
        end = portfolio_end(analysis, m.last, persons, cased, adjectives)
        portfolio = [t for t in tokens[m.last : m.last + 16] if t.end <= end]
        # A portfolio is a name, capitalised where letters have case; "ministries of
        # higher education" describes the field of the cooperation instead.
        if not cased or any(t.is_capitalised for t in portfolio):
            spans.append((tokens[m.first].start, end))
    return spans


#: The only divisions an organisation's name gives: a university or a hospital that
#: takes part makes education or health cooperation. Other names say who acts, not
#: what the cooperation is about ("Orascom Construction" builds a railway, "Groupe des
#: industries métallurgiques" holds a pump maker): the text names the field elsewhere.
_NAME_DIVISIONS = frozenset({"85", "86"})


def sectors(analysis: Analysis) -> None:
    if analysis.lexicon is None:
        return
    # Titles and government departments name no sector, nor do surnames; organisations
    # only the few divisions of _NAME_DIVISIONS, unless the organisation is the joint
    # company of two countries, whose name says what they make together. Whole person
    # spans are not set aside: where letters have no case a "name" after a title may
    # be the object of a visit ("الوزير مصنعا للأدوية", the minister [visited] a drug
    # plant).
    people = [(m.start, m.end) for m in analysis.of(Label.PERSON)]
    taken = _names_and_titles(analysis, organizations=False) + _government_bodies(analysis)
    countries = analysis.of(Label.COUNTRY)
    joint = _JointCompanies(analysis, countries)
    names = Cover(
        _name_without_acronym(analysis, m)
        for m in analysis.of(Label.ORGANIZATION)
        if not joint.holds(m)
    )
    taken_cover = Cover(taken)
    surnames = _surname_keys(analysis, people)
    in_use = {(m.first, m.last) for m in analysis.matches("sector_in_use")}
    making = {
        analysis.sentence_of(analysis.tokens[m.first].start) for m in analysis.matches("making_cue")
    }
    adjectives = analysis.adjective_tokens()
    territories = {
        (m.first, m.last)
        for m in analysis.matches("sector_territorial")
        if m.last in adjectives  # "المياه الموريتانية": a country's waters
    }
    for match in analysis.matches("sector"):
        start, end = analysis.span_of(match)
        isic = match.payloads[0][0]
        if not isic or taken_cover.covers(start, end):
            continue  # a blocking entry, a portfolio ("ministre des Mines"), a name
        if (match.first, match.last) in in_use and analysis.sentence_of(start) not in making:
            continue  # trucks queuing at a border, not trucks made or sold
        if (match.first, match.last) in territories:
            continue
        division = isic if isinstance(isic, str) else isic[0]
        if division not in _NAME_DIVISIONS and names.strictly_covers(start, end):
            continue
        if _is_surname(analysis, match, surnames) or _is_bracketed_portfolio(analysis, match):
            continue
        _add_sector(analysis, start, end, match.payloads[0])
        _coordinated(analysis, match)


def _add_sector(analysis: Analysis, start: int, end: int, payload: tuple[Any, Any]) -> None:
    isic, isic_class = payload
    division = isic if isinstance(isic, str) else isic[0]
    alternatives = [] if isinstance(isic, str) else list(isic[1:])
    analysis.add(
        Label.SECTOR, start, end, division, alternatives=alternatives, isic_class=isic_class
    )


# "and" between two qualifiers of one head noun, in the four languages; the Arabic "و"
# clings to the word it joins.
_AND = frozenset({"and", "et", "и", ",", "&", "و"})


def _coordinated(analysis: Analysis, match: PhraseMatch) -> None:
    """A qualifier coordinated with the first or last word of a sector phrase shares its
    head noun: "the aviation and medical industries", "авиационной и медицинской
    промышленности" (before the head); "industries aéronautique et médicale",
    "الصناعات الغذائية والدوائية" (after it). The qualifier is a sector when the phrase
    it makes with the head is one."""
    if match.last - match.first < 2:
        return
    tokens, keys = analysis.tokens, analysis.keys
    vocabulary = analysis.lexicon.vocabulary  # type: ignore[union-attr]
    candidates = []
    before = match.first - 2
    if before >= 0 and tokens[before + 1].text.lower() in _AND and tokens[before].is_word:
        candidates.append((before, [keys[before], *keys[match.first + 1 : match.last]]))
    after = match.last + 1 if match.last < len(tokens) and tokens[match.last].text in _AND else -1
    if after < 0 and match.last < len(tokens) and tokens[match.last].text.startswith("و"):
        after = match.last
    if 0 <= after < len(tokens) and tokens[after].is_word:
        candidates.append((after, [*keys[match.first : match.last - 1], keys[after]]))
    for i, phrase in candidates:
        payloads = vocabulary.entry("sector", phrase)
        if payloads and payloads[0][0]:
            _add_sector(analysis, tokens[i].start, tokens[i].end, payloads[0])


_COUNTRIES_BEFORE_NAME = 40  # characters before a name where its two countries may stand


class _JointCompanies:
    """Names that join two countries, inside them or just before them: "Société
    algéro-turque de pneumatiques", "Algerian-Turkish Tyre Company"."""

    def __init__(self, analysis: Analysis, countries: list[Mention]) -> None:
        self.text = analysis.text
        # Stable sort: mentions of one start keep the order the stage added them in.
        self.countries = sorted(countries, key=lambda m: m.start)
        self.starts = starts_of(self.countries)
        self.given = countries
        self.in_order = self.countries == countries

    def holds(self, name: Mention) -> bool:
        first = name.start - _COUNTRIES_BEFORE_NAME
        if self.in_order:
            near = within(self.countries, self.starts, first, name.end)
        else:  # the order of the stage decides which two are neighbours
            near = [c for c in self.given if first <= c.start and c.end <= name.end]
        return any(
            self.text[left.end : right.start] == "-"
            and left.value != right.value
            and right.end >= name.start - 1
            for left, right in itertools.pairwise(near)
        )


def _name_without_acronym(analysis: Analysis, name: Mention) -> tuple[int, int]:
    """The span of an organisation's name without its bracketed acronym: a sector
    phrase with its acronym ("technologies de l'information et de la communication
    (TIC)") may be taken for a name, and is still the sector when it is all the name."""
    bracket = analysis.text.find(" (", name.start, name.end)
    return name.start, bracket if bracket > name.start else name.end


def _surname_keys(analysis: Analysis, people: list[tuple[int, int]]) -> set[str]:
    """Keys of the last word of each person's name, which may come back alone ("Petr
    Rudnik ... Rudnik said": a surname that is also the Russian word for a mine)."""
    assert analysis.lexicon is not None
    keying = analysis.lexicon.keying
    last_words = [analysis.tokens[analysis.token_at(end) - 1].text for _, end in people]
    return {key for word in last_words for key in keying.text_keys(word)}


def _is_bracketed_portfolio(analysis: Analysis, match: PhraseMatch) -> bool:
    """A capitalised portfolio in brackets after a name: "Youcef Cherfa (Agriculture)".
    An acronym in brackets ("(ICT)") follows a lower-case phrase and is kept."""
    tokens = analysis.tokens
    first, last = match.first, match.last
    if first < 2 or last >= len(tokens):
        return False
    opening, before, closing = tokens[first - 1], tokens[first - 2], tokens[last]
    word = tokens[first].text
    return (
        opening.text == "("
        and closing.text == ")"
        and before.is_capitalised
        and word[:1].isupper()
        and not word.isupper()
    )


def _is_surname(analysis: Analysis, match: PhraseMatch, surnames: set[str]) -> bool:
    """A one-word sector phrase written with a capital that is a person's surname."""
    if match.last - match.first != 1 or not surnames:
        return False
    token = analysis.tokens[match.first]
    if not token.is_capitalised:
        return False
    assert analysis.lexicon is not None
    return bool(surnames & set(analysis.lexicon.keying.text_keys(token.text)))


def instruments(analysis: Analysis) -> None:
    if analysis.lexicon is None:
        return
    taken = Cover(_names_and_titles(analysis) + _government_bodies(analysis))
    for match in analysis.matches("instrument"):
        start, end = analysis.span_of(match)
        if taken.covers(start, end):
            continue
        for name in dict.fromkeys(match.payloads):
            if name is not None:  # a phrase of not_instruments
                analysis.add(Label.INSTRUMENT, start, end, name)
    _joint_ventures(analysis)


_JOINT_REACH = 3  # tokens between "joint" and what is held jointly


def _joint_ventures(analysis: Analysis) -> None:
    """A joint object ("a joint company", "предприятие ... совместное"), or an
    organisation whose adjective joins two countries ("une société algéro-tunisienne")."""
    objects = analysis.matches("joint_object")
    # "Mekong Grain Joint Stock Company": a phrase of not_instruments holds the marker
    other_sense = {
        i
        for m in analysis.matches("instrument")
        if None in m.payloads
        for i in range(m.first, m.last)
    }
    # Objects by their first and last token: each marker looks at a few tokens only.
    by_first: dict[int, list[int]] = {}
    by_last: dict[int, list[int]] = {}
    for n, o in enumerate(objects):
        by_first.setdefault(o.first, []).append(n)
        by_last.setdefault(o.last, []).append(n)
    for marker in analysis.matches("joint_marker"):
        if marker.first in other_sense:
            continue
        reach = range(_JOINT_REACH + 1)
        found = {n for d in reach for n in by_first.get(marker.last + d, ())}
        found.update(n for d in reach for n in by_last.get(marker.first - d, ()))
        near = [objects[n] for n in sorted(found)]
        if near:
            start = analysis.tokens[min(marker.first, near[0].first)].start
            end = analysis.tokens[max(marker.last, near[0].last) - 1].end
            listed = [
                m
                for m in analysis.of(Label.INSTRUMENT)
                if m.value == "joint_venture" and m.start < end and start < m.end
            ]
            if not listed:  # "joint company" may already be a phrase of the list
                analysis.add(Label.INSTRUMENT, start, end, "joint_venture", rule="joint object")
    countries = analysis.of(Label.COUNTRY)
    for left, right in itertools.pairwise(countries):
        between = analysis.text[left.end : right.start]
        if between == "-" and left.value != right.value:
            first = analysis.token_at(left.start)
            if first in by_last or first - 1 in by_last:
                analysis.add(
                    Label.INSTRUMENT, left.start, right.end, "joint_venture", rule="two countries"
                )


def triggers(analysis: Analysis) -> None:
    if analysis.lexicon is None:
        return
    for match in analysis.matches("trigger"):
        start, end = analysis.span_of(match)
        kind, value = match.payloads[0]
        if kind == "dated":  # a step only with a date of its own beside it
            analysis.add(Label.TRIGGER, start, end, value, kind="trigger", needs_date=True)
        else:
            analysis.add(Label.TRIGGER, start, end, value, kind=kind)
    for match in analysis.matches("off_topic"):
        start, end = analysis.span_of(match)
        analysis.add(Label.OFF_TOPIC, start, end, None)
