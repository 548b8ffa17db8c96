"""Parties: the host country of a dispatch, how strongly each country acts, and the
choice of the parties."""

from __future__ import annotations

import re
from collections import defaultdict

from coopwatch.analysis.state import Analysis
from coopwatch.assemble.context import Context
from coopwatch.assemble.names import is_person
from coopwatch.model import Label, Mention

_THIRD_PARTY_SHARE = 0.68  # a third country needs this share of the second one's score


_MIN_PARTY_SCORE = 1.5  # above a single mention in a sentence that tells no step


_DATELINE_CHARS = 60  # a longer line without a dash is a paragraph, not a dateline


_DATELINE_END = re.compile(r"\s[-–—]|\s?--|\)\s*[-–—:]")

_DATELINE_LINES = 5  # a dateline sits below the headline, a kicker or a standfirst

_DATELINE_GAP = re.compile(r"[\s/,،·&|–—-]*")  # between the places of one dateline

_DATELINE_DASH = re.compile(r"\s*(?:[-–—]|\()")  # after the places: a dash, an agency

_DATELINE_COMMA = re.compile(r"\s*[,،]\s*")

_DATELINE_DATE_REACH = 12  # room for a weekday or an article before the date ("le 2 juin")


def host_country(analysis: Analysis) -> str | None:
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
    places = dateline_places(analysis)
    if places:
        return str(places[0].value)
    # A headline names the home side first: "L'Algérie et la Biélorussie ...".
    first_line_end = analysis.text.find("\n")
    for m in countries:
        if (first_line_end < 0 or m.start < first_line_end) and m.attrs.get("kind") == "name":
            return str(m.value)
    return None


def dateline_places(analysis: Analysis) -> list[Mention]:
    """The places of a dateline, in order: the line below the headline up to its dash
    ("ALGER, 4 déc (APS) -"), else a line among the next few that opens with places
    only, followed by a date or a dash ("Istanbul / Dakar, 19 November 2026 - ...")."""
    countries = [m for m in analysis.of(Label.COUNTRY) if m.attrs.get("kind") != "adjective"]
    lines = analysis.text.split("\n", _DATELINE_LINES + 1)
    offset = len(lines[0]) + 1
    for n, line in enumerate(lines[1 : _DATELINE_LINES + 1], 1):
        on_line = [m for m in countries if offset <= m.start < offset + len(line)]
        places = _opening_places(analysis, offset, line, on_line)
        if not places and n == 1:
            # The dateline may open the lead paragraph: only its place, before the dash,
            # counts.
            cut = _DATELINE_END.search(line)
            place = cut.start() if cut else (len(line) if len(line) <= _DATELINE_CHARS else 0)
            places = [m for m in on_line if m.start < offset + place][:1]
        if places:
            return places
        offset += len(line) + 1
    return []


def _opening_places(
    analysis: Analysis, offset: int, line: str, on_line: list[Mention]
) -> list[Mention]:
    """The places a line opens with when it is a dateline: nothing but places and
    separators, then the end of the line, a dash, an agency in brackets, or a comma and
    a date ("Istanbul / Dakar, 19 November 2026 -", "NAIROBI, Friday 9 October")."""
    end = offset + len(line)
    position = offset + len(line) - len(line.lstrip())
    places: list[Mention] = []
    for m in on_line:
        if m.start < position or not _DATELINE_GAP.fullmatch(analysis.text[position : m.start]):
            break
        places.append(m)
        position = m.end
    if not places or position - offset > _DATELINE_CHARS:
        return []
    rest = analysis.text[position:end]
    if not rest.strip() or _DATELINE_DASH.match(rest):
        return places
    comma = _DATELINE_COMMA.match(rest)
    if comma and any(
        position + comma.end() <= d.start <= position + comma.end() + _DATELINE_DATE_REACH
        for d in analysis.of(Label.DATE)
    ):
        return places
    return []


def party_scores(ctx: Context, trigger_sentences: set[int]) -> dict[str, float]:
    """How strongly each country acts in the text: named in the headline or lead, in its
    dateline, in a sentence that tells a step, as a side ("la partie algérienne"), as a
    person's country; a destination or venue after a passing cue does not count, nor a
    city outside the dateline."""
    scores: dict[str, float] = defaultdict(float)
    countries = [
        (sentence, m)
        for (sentence, label), ms in ctx.by_sentence.items()
        if label == Label.COUNTRY
        for m in ms
    ]
    dateline = {m.start for m in dateline_places(ctx.analysis)}
    # A region acts for its country abroad ("Глава Татарстана ... с президентом
    # Узбекистана"); with no other country named outright it is domestic news, where a
    # foreign adjective in passing ("закупали у итальянских производителей") is no side.
    named = {str(m.value) for _, m in countries if m.attrs.get("kind") in ("name", "capital")}
    for sentence, m in countries:
        if m.attrs.get("passing"):
            continue
        if m.attrs.get("kind") == "region" and not named - {str(m.value)}:
            continue
        if m.attrs.get("kind") == "city" and m.start not in dateline:
            continue  # "assembled at its Bursa facility": a place, not a side
        weight = 1.0
        if m.start in dateline:
            weight += 1.0  # "Istanbul / Dakar, 19 November": each side reports the step
        if sentence == 0:
            weight += 2.0
        if sentence in trigger_sentences:
            weight += 1.0
        if m.attrs.get("side"):
            weight += 2.0
        if m.attrs.get("kind") in ("capital", "city") and sentence != 0:
            weight -= 0.5
        scores[str(m.value)] += weight
    for p in filter(is_person, ctx.analysis.of(Label.PERSON)):
        country = p.attrs.get("country")
        if country and not p.attrs.get("repeat"):
            scores[country] += 2.0
    return scores


def choose_parties(
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
