"""Stage: money amounts (value and ISO 4217 currency) and numbers of jobs.

An amount is a number (digits or number words), an optional scale ("milliards",
"bn", "crore", "млрд", "مليار") and a currency before or after it ("$1.2 billion",
"USD 300 million", "4,7 milliards de dinars", "1,2 млрд долларов", "ملياري دولار").
A scale word alone counts as one of it ("مليار دولار", "a billion dollars"). A jobs
figure is a number followed by a jobs noun ("612 emplois", "800 new jobs").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from coopwatch.analysis.matcher import PhraseMatch
from coopwatch.analysis.state import Analysis
from coopwatch.lexicons import Lexicon
from coopwatch.model import Label
from coopwatch.text import fold

_NUMBER = re.compile(r"\d{1,3}(?:[  ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*")
_CONNECTORS = frozenset({"de", "d", "'", "of", "en", "in"})
_GAP_WORDS = 3  # words allowed between a jobs figure and its noun ("800 new direct jobs")
_EXISTING_REACH = 6  # tokens between an existing-employment cue and its figure
#: Amounts and job counts from this figure on are no real figure (a run of digits, a
#: fuzzed text); they are left out, as the store's 64-bit integer columns could not hold
#: them either.
LARGEST_AMOUNT = 2**63

_HIRING_REACH = 2  # words between a hiring verb and its figure ("employ about 300")


def parse_number(raw: str, decimal_comma: bool) -> float | None:
    """Value of a written number: "1 032" -> 1032, "4,7" -> 4.7 (or 47 00 in English)."""
    s = raw.replace(" ", "").replace(" ", "")
    if "," in s and "." in s:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        s = s.replace(thousands, "").replace(decimal, ".")
    elif "," in s:
        groups = s.split(",")
        grouped = all(len(g) == 3 for g in groups[1:]) and (len(groups) > 2 or not decimal_comma)
        s = s.replace(",", "") if grouped else s.replace(",", ".")
    elif "." in s:
        groups = s.split(".")
        grouped = len(groups) > 2 or (decimal_comma and len(groups[1]) == 3)
        s = s.replace(".", "") if grouped else s
    try:
        value = float(s)
    except ValueError:
        return None
    return value if math.isfinite(value) else None  # 309 digits and more: inf


def _by_first(matches: list[PhraseMatch]) -> dict[int, PhraseMatch]:
    return {m.first: m for m in matches}


@dataclass(slots=True)
class _Tables:
    """The lexicon matches of one document, indexed by token."""

    currency_at: dict[int, PhraseMatch]
    currency_ending: dict[int, PhraseMatch]
    scale_at: dict[int, PhraseMatch]
    number_word_at: dict[int, PhraseMatch]
    jobs_at: dict[int, PhraseMatch]
    existing_ends: set[int]
    hiring_ends: set[int]
    excluded_sentences: set[int]
    unit_price_starts: set[int]
    symbols: dict[str, str]


def _tables(analysis: Analysis, lexicon: Lexicon) -> _Tables:
    tokens = analysis.tokens
    currency_at = _by_first(analysis.matches("currency"))
    return _Tables(
        currency_at=currency_at,
        currency_ending={m.last: m for m in currency_at.values()},
        scale_at=_by_first(analysis.matches("scale")),
        number_word_at=_by_first(analysis.matches("number")),
        jobs_at=_by_first(analysis.matches("jobs")),
        existing_ends={m.last for m in analysis.matches("jobs_existing")},
        hiring_ends={m.last for m in analysis.matches("jobs_hiring")},
        excluded_sentences={
            analysis.sentence_of(tokens[m.first].start) for m in analysis.matches("money_exclude")
        },
        unit_price_starts={m.first for m in analysis.matches("unit_price")},
        symbols=lexicon.money.symbols,
    )


def _number_at(
    analysis: Analysis, i: int, t: _Tables, decimal_comma: bool
) -> tuple[float, int] | None:
    """The number starting at token i (digits, a number word or a bare scale) and the
    index of the token after it."""
    token = analysis.tokens[i]
    if token.text[:1].isdigit():
        found = _NUMBER.match(analysis.text, token.start)
        raw = (found.group() if found else token.text).rstrip(".,")
        value = parse_number(raw, decimal_comma)
        return (value, analysis.token_at(token.start + len(raw))) if value is not None else None
    if i in t.number_word_at:
        return float(t.number_word_at[i].payloads[0]), t.number_word_at[i].last
    if i in t.scale_at:
        return 1.0, i  # "مليار دولار", "a billion dollars": the scale alone counts one
    return None


def _currency_before(analysis: Analysis, i: int, t: _Tables) -> PhraseMatch | None:
    """A symbol or code written before the number: "$1.2 billion", "USD 300", "Rs. 500"."""
    tokens = analysis.tokens
    for end in (i, i - 1):
        match = t.currency_ending.get(end)
        if match is None or (end == i - 1 and tokens[i - 1].text != "."):
            continue
        surface = analysis.text[tokens[match.first].start : tokens[match.last - 1].end]
        if surface in t.symbols or surface.isupper():
            return match
        # Phrases are matched case-blind: "a $5 billion deal" is no "A$", but its "$" is.
        tail = tokens[match.last - 1].text
        if tail in t.symbols:
            return PhraseMatch(match.last - 1, match.last, (t.symbols[tail],))
    return None


def _as_written(analysis: Analysis, match: PhraseMatch, t: _Tables) -> bool:
    """Whether a currency after a number is written as the lexicon has it: a symbol
    matched case-blind in other letters is none ("in 2026 a $50 million loan" has no
    "A$" after 2026)."""
    tokens = analysis.tokens
    surface = analysis.text[tokens[match.first].start : tokens[match.last - 1].end]
    compact = "".join(surface.split())
    if compact in t.symbols:
        return True
    return not any(symbol.casefold() == compact.casefold() for symbol in t.symbols)


def run(analysis: Analysis) -> None:
    lexicon = analysis.lexicon
    if lexicon is None:
        return
    t = _tables(analysis, lexicon)
    tokens = analysis.tokens
    decimal_comma = lexicon.language.decimal_comma
    last_currency: dict[int, list[str]] = {}  # sentence -> currencies of its last amount
    n = len(tokens)
    resume = 0  # the first token after the last figure read
    for i in sorted({*analysis.numbers(), *t.number_word_at, *t.scale_at}):
        if i < resume:
            continue
        number = _number_at(analysis, i, t, decimal_comma)
        if number is None:
            continue
        value, end = number
        first = i
        if end < n and tokens[end].text == ")" and i > 0 and tokens[i - 1].text == "(":
            first, end = i - 1, end + 1  # figures repeating words: "cinquante-six (56) millions"
        if end + 1 < n and tokens[end].text == "-" and end + 1 in t.scale_at:
            end += 1  # "a Rs 3,300-crore plant", "a $2-billion deal"
        scaled = end in t.scale_at
        k = end
        if scaled:
            value *= t.scale_at[end].payloads[0]
            k = t.scale_at[end].last
        elif end == i:
            continue  # a scale word that is not followed by anything
        if not value < LARGEST_AMOUNT:  # also inf and nan: no amount any ledger holds
            resume = max(k, i + 1)
            continue
        after = k
        while after < n and tokens[after].text.lower() in _CONNECTORS and after - k < 2:
            after += 1
        sentence = analysis.sentence_of(tokens[i].start)
        start_char, end_char, codes = tokens[first].start, tokens[k - 1].end, None
        if after in t.currency_at and _as_written(analysis, t.currency_at[after], t):
            currency = t.currency_at[after]
            end_char, k = tokens[currency.last - 1].end, currency.last
            codes = list(dict.fromkeys(currency.payloads))
        elif (before := _currency_before(analysis, i, t)) is not None:
            start_char = tokens[before.first].start
            codes = list(dict.fromkeys(before.payloads))
        elif scaled and sentence in last_currency and _ends_figure(analysis, k):
            codes = last_currency[sentence]  # "…de dollars, dont 400 millions pour…"
        if codes:
            last_currency[sentence] = codes
            # "$400 per tonne", "2 400 dollars la tonne": a market price
            excluded = sentence in t.excluded_sentences or k in t.unit_price_starts
            if scaled:
                scale = t.scale_at[end].payloads[0]
                _range_start(analysis, i, value, scale, codes, excluded, decimal_comma)
            analysis.add(
                Label.MONEY,
                start_char,
                end_char,
                round(value),
                currency=codes[0],
                alternatives=codes[1:],
                excluded=excluded,
            )
            resume = max(k, i + 1)
            continue
        _jobs(analysis, i, end, value, t)
        resume = max(end, i + 1)


_RANGE_JOINTS = frozenset({"et", "and", "à", "to", "-", "–", "и", "до", "و", "إلى"})


def _range_start(
    analysis: Analysis,
    i: int,
    value: float,
    scale: float,
    codes: list[str],
    excluded: bool,
    decimal_comma: bool,
) -> None:
    """The lower bound of a range that shares the upper bound's scale and currency:
    "entre 180 et 220 millions de dollars", "between 540 and 600 million dollars"."""
    tokens = analysis.tokens
    if i < 2 or tokens[i - 1].text.lower() not in _RANGE_JOINTS:
        return
    first = i - 2
    while (
        first >= 2
        and tokens[first - 1].text in (",", ".")
        and tokens[first - 2].text[:1].isdigit()
        and tokens[first - 2].end == tokens[first - 1].start
        and tokens[first - 1].end == tokens[first].start
    ):
        first -= 2  # "3,5": the digits before the decimal mark
    if not tokens[first].text[:1].isdigit():
        return
    raw = analysis.text[tokens[first].start : tokens[i - 2].end]
    low = parse_number(raw, decimal_comma)
    if low is None or not 0 < low * scale < value:
        return
    analysis.add(
        Label.MONEY,
        tokens[first].start,
        tokens[i - 2].end,
        round(low * scale),
        currency=codes[0],
        alternatives=codes[1:],
        excluded=excluded,
        range_of=round(value),
    )


def _ends_figure(analysis: Analysis, k: int) -> bool:
    """Nothing measured follows the scale ("400 millions, pour"), unlike "1 million vehicles"."""
    while k < len(analysis.tokens) and analysis.tokens[k].text.lower() in _CONNECTORS:
        k += 1  # "millions de tonnes": what follows "de" is measured
    if k >= len(analysis.tokens):
        return True
    token = analysis.tokens[k]
    stopwords = analysis.lexicon.name_stopwords  # type: ignore[union-attr]
    return not token.is_word or not stopwords.isdisjoint(analysis.keys[k])


_CLAUSE_BREAKS = frozenset({",", ";", ":", "et", "and", "mais", "but", "и", "а", "но", "و"})


def _clause_break(tokens: list, start: int, end: int) -> bool:
    """A comma or conjunction between two tokens: "emploie 300 salariés et créera 200"."""
    return any(tokens[x].text.lower() in _CLAUSE_BREAKS for x in range(start, end))


#: Words that make a jobs figure indirect: "600 emplois indirects", "7,000 indirect jobs",
#: "косвенных рабочих мест", "فرصة عمل غير مباشرة".
_INDIRECT = re.compile(r"indirect|косвенн|غير\s+مباشر", re.IGNORECASE)
_INDIRECT_AFTER = 30  # characters after the noun where "indirects" may stand


def _direct_before_indirect(analysis: Analysis, end: int, t: _Tables) -> bool:
    """ "N direct(s) and/et M indirect(s) jobs": the first figure's jobs noun comes later."""
    tokens = analysis.tokens
    if end + 3 >= len(tokens) or not fold(tokens[end].text).startswith("direct"):
        return False
    if tokens[end + 1].text.lower() not in ("et", "and") or not tokens[end + 2].text[:1].isdigit():
        return False
    return any(j in t.jobs_at for j in range(end + 3, min(len(tokens), end + 3 + _GAP_WORDS + 2)))


def _indirect(analysis: Analysis, i: int, end_char: int) -> bool:
    span = analysis.text[analysis.tokens[i].start : end_char + _INDIRECT_AFTER]
    cut = re.search(r"[,;.]|\b(?:et|and|и|و)\b", span[end_char - analysis.tokens[i].start :])
    if cut:
        span = span[: end_char - analysis.tokens[i].start + cut.start()]
    return bool(_INDIRECT.search(span))


def _jobs(analysis: Analysis, i: int, end: int, value: float, t: _Tables) -> None:
    """A jobs figure: the number, at most a few words, then a jobs noun. It is existing
    employment when a cue ("emploie", "employs") stands just before the number."""
    tokens = analysis.tokens
    if _direct_before_indirect(analysis, end, t):
        # "4,500 direct and 7,000 indirect jobs": the noun after the second figure
        analysis.add(Label.JOBS, tokens[i].start, tokens[end].end, round(value), existing=False)
        return
    for gap in range(0, _GAP_WORDS + 1):
        j = end + gap
        if j in t.jobs_at:
            if all(tokens[x].is_word for x in range(end, j)):
                existing = any(
                    e in t.existing_ends and not _clause_break(tokens, e, i)
                    for e in range(i - _EXISTING_REACH, i + 1)
                )
                end_char = tokens[t.jobs_at[j].last - 1].end
                analysis.add(
                    Label.JOBS,
                    tokens[i].start,
                    end_char,
                    round(value),
                    existing=existing,
                    indirect=_indirect(analysis, i, end_char),
                )
            return
    # "will employ about 300 technicians": a hiring verb just before makes any noun jobs.
    hired = next((h for h in range(i - _HIRING_REACH, i + 1) if h in t.hiring_ends), None)
    if (
        hired is not None
        and end < len(tokens)
        and tokens[end].is_word
        and all(tokens[x].is_word for x in range(hired, i))
    ):
        analysis.add(Label.JOBS, tokens[i].start, tokens[end].end, round(value), existing=False)
