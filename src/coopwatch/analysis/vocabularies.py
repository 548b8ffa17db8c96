"""Every phrase list of a language under one name, for one scan of each document.

The lists of all stages (countries, titles, triggers, sectors, money words...) go into
a single trie per language; ``Analysis.matches(name)`` runs the scan once per document
and hands each stage the longest, non-overlapping matches of its own list. One walk
over the tokens instead of one per list is what keeps the default path fast.
"""

from __future__ import annotations

from typing import Any

from coopwatch.lexicons import Lexicon
from coopwatch.model import INSTRUMENTS, EventType

Entries = list[tuple[list[str], Any]]


def vocabularies(lexicon: Lexicon) -> dict[str, Entries]:
    c, d, t = lexicon.countries, lexicon.dates, lexicon.titles
    o, m, j, i, tr = (
        lexicon.organizations,
        lexicon.money,
        lexicon.jobs,
        lexicon.instruments,
        lexicon.triggers,
    )
    countries: Entries = []
    for code, country in c.country.items():
        countries += [(country.names, (code, "name")), (country.adjectives, (code, "adjective"))]
        countries.append((country.capitals, (code, "capital")))
        countries.append((country.cities, (code, "city")))
        countries.append((country.regions, (code, "region")))
        combining = [*country.combining, *_combining_forms(country.adjectives, c.combining_endings)]
        if combining:
            countries.append((combining, (code, "combining")))
    countries.append((c.both, ("*", "both")))
    return {
        # countries stage
        "country": countries,
        "side": [(c.side_nouns, "side")],
        "passing": [(c.passing_cues, "passing")],
        "country_noun": [(c.country_nouns, "noun")],
        "count": [([w], v) for w, v in m.numbers.items() if 2 < v < 20],
        "agency": [
            ([name], tuple(codes) if isinstance(codes, list) else (codes,))
            for name, codes in c.agencies.items()
        ],
        # dates stage
        "month": [([name], ("month", n)) for name, n in d.months.items()],
        "ordinal_day": [([name], n) for name, n in d.ordinal_days.items()],
        "ordinal_link": [(d.ordinal_links, "link")],
        "stamp": [(d.stamps, "stamp")],
        "relative": [([name], ("weekday", n)) for name, n in d.weekdays.items()]
        + [
            (d.yesterday, ("offset", -1)),
            (d.today, ("offset", 0)),
            (d.tomorrow, ("offset", 1)),
            (d.eve, ("eve", -1)),
            (d.same_day, ("eve", 0)),
            (d.last, ("last", 0)),
            (d.next, ("next", 0)),
        ],
        # persons stage
        "title": [(title.phrases, ("title", title.role)) for title in t.title]
        + [(t.honorifics, ("honorific", None)), (t.counterpart, ("counterpart", None))],
        "place_head": [(t.place_heads, "place")],
        # organisations stage
        "org_head": [(o.heads, "head")],
        "org_suffix": [(o.suffixes, "suffix")],
        "org_known": [(o.known, "known")],
        "org_introducer": [(o.introducers, "introducer")],
        "government_body": [(o.government_bodies, "government")],
        "org_institution": [(o.institutions, "institution")],
        "org_closing": [(o.closing_institutions, "closing")],
        "org_bloc": [(o.blocs, "bloc")],
        "org_description": [(o.descriptions, "description")],
        "org_grouping": [(o.groupings, "grouping")],
        "org_list_opener": [(o.list_openers, "opener")],
        # vocabulary stages
        "sector": [(s.phrases, (s.isic, s.isic_class)) for s in lexicon.sectors.sector],
        "sector_in_use": [(lexicon.sectors.in_use, "in_use")],
        "making_cue": [(lexicon.sectors.making_cues, "making")],
        "sector_territorial": [(lexicon.sectors.territorial, "territorial")],
        "instrument": [(getattr(i, name), name) for name in INSTRUMENTS]
        + [(i.not_instruments, None)],
        "joint_marker": [(i.joint_markers, "marker")],
        "joint_object": [(i.joint_objects, "object")],
        "trigger": [(getattr(tr, kind.value), ("trigger", kind.value)) for kind in EventType]
        + [(tr.dated_agreement, ("dated", EventType.AGREEMENT.value))]
        + [(tr.cooperation, ("cooperation", None)), (tr.negation, ("negation", None))]
        + [(tr.denials, ("negation", "denial"))]
        + [(tr.to_come, ("to_come", None)), (tr.other_senses, ("other", None))],
        "gathering": [(tr.gatherings, "gathering")],
        "off_topic": [(lexicon.off_topic.phrases, "off_topic")],
        # money stage
        "currency": [([p], code) for code, phrases in m.currencies.items() for p in phrases]
        + [([symbol], code) for symbol, code in m.symbols.items()],
        "scale": [([w], v) for w, v in m.scales.items()],
        "number": [([w], v) for w, v in m.numbers.items()],
        "jobs": [(j.nouns, "jobs")],
        "jobs_existing": [(j.existing, "existing")],
        "jobs_hiring": [(j.hiring, "hiring")],
        "money_exclude": [(m.exclude_context, "exclude")],
        "unit_price": [(m.unit_prices, "unit")],
    }


def _combining_forms(adjectives: list[str], endings: dict[str, str]) -> list[str]:
    """Exact combining forms of adjectives by their endings: "белорусский" -> "=белорусско"."""
    return [
        f"={adjective[: -len(ending)]}{form}"
        for adjective in adjectives
        for ending, form in endings.items()
        if adjective.endswith(ending) and not adjective.startswith("=")
    ]
