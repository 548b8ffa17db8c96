"""Stage: money amounts (value and ISO 4217 currency) and numbers of jobs.

An amount is a number (digits or number words), an optional scale ("milliards",
"bn", "crore", "млрд", "مليار") and a currency before or after it ("$1.2 billion",
"USD 300 million", "4,7 milliards de dinars", "1,2 млрд долларов", "ملياري دولار").
A scale word alone counts as one of it ("مليار دولار", "a billion dollars"). A jobs
figure is a number followed by a jobs noun ("612 emplois", "800 new jobs").
"""

from __future__ import annotations

import re
from functools import cache

from coopwatch.analysis.matcher import PhraseMatch, PhraseMatcher
from coopwatch.analysis.state import Analysis
from coopwatch.lexicons import Lexicon
from coopwatch.model import Label

_NUMBER = re.compile(r"\d{1,3}(?:[  ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*")
_CONNECTORS = frozenset({"de", "d", "'", "of", "en", "in", "-"})
_GAP_WORDS = 3  # words allowed between a jobs figure and its noun ("800 new direct jobs")


@cache
def _matchers(lexicon: Lexicon) -> dict[str, PhraseMatcher]:
    m = lexicon.money
    currency_entries: list[tuple[list[str], object]] = [
        ([phrase], code) for code, phrases in m.currencies.items() for phrase in phrases
    ]
    currency_entries += [([symbol], code) for symbol, code in m.symbols.items()]
    return {
        "currency": lexicon.matcher(currency_entries),
        "scale": lexicon.matcher([([w], v) for w, v in m.scales.items()]),
        "number": lexicon.matcher([([w], v) for w, v in m.numbers.items()]),
        "jobs": lexicon.matcher([(lexicon.jobs.nouns, "jobs")]),
        "existing": lexicon.matcher([(lexicon.jobs.existing, "existing")]),
        "exclude": lexicon.matcher([(m.exclude_context, "exclude")]),
    }


def parse_number(raw: str, decimal_comma: bool) -> float | None:
    """Value of a written number: "1 032" -> 1032, "4,7" -> 4.7 (or 47 00 in English)."""
    s = raw.replace(" ", "").replace(" ", "")
    if "," in s and "." in s:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        s = s.replace(thousands, "").replace(decimal, ".")
    elif "," in s:
        groups = s.split(",")
        thousands = all(len(g) == 3 for g in groups[1:]) and (len(groups) > 2 or not decimal_comma)
        s = s.replace(",", "") if thousands else s.replace(",", ".")
    elif "." in s:
        groups = s.split(".")
        thousands = len(groups) > 2 or (decimal_comma and len(groups[1]) == 3)
        s = s.replace(".", "") if thousands else s
    try:
        return float(s)
    except ValueError:
        return None


def _by_first(matches: list[PhraseMatch]) -> dict[int, PhraseMatch]:
    return {m.first: m for m in matches}


def run(analysis: Analysis) -> None:
    lexicon = analysis.lexicon
    if lexicon is None:
        return
    mm = _matchers(lexicon)
    tokens, text = analysis.tokens, analysis.text
    currency_at = _by_first(analysis.find(mm["currency"]))
    currency_ending = {m.last: m for m in currency_at.values()}
    scale_at = _by_first(analysis.find(mm["scale"]))
    number_word_at = _by_first(analysis.find(mm["number"]))
    jobs_at = _by_first(analysis.find(mm["jobs"]))
    existing_sentences = {
        analysis.sentence_of(tokens[m.first].start) for m in analysis.find(mm["existing"])
    }
    excluded_sentences = {
        analysis.sentence_of(tokens[m.first].start) for m in analysis.find(mm["exclude"])
    }
    decimal_comma = lexicon.language.decimal_comma

    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i]
        value: float | None = None
        end = i
        if token.text[:1].isdigit():
            found = _NUMBER.match(text, token.start)
            raw = found.group() if found else token.text
            value = parse_number(raw.rstrip(".,"), decimal_comma)
            stop = token.start + len(raw.rstrip(".,"))
            end = analysis.token_at(stop)
        elif i in number_word_at:
            value = float(number_word_at[i].payloads[0])
            end = number_word_at[i].last
        elif i in scale_at and (i + 1 < n):
            value = 1.0
            end = i
        if value is None:
            i += 1
            continue
        start_char = token.start
        k = end
        if k in scale_at:
            value *= scale_at[k].payloads[0]
            k = scale_at[k].last
        elif end == i and value == 1.0:
            i += 1
            continue
        while k < n and tokens[k].text.lower() in _CONNECTORS and k - end < 3:
            k += 1
        currency = None
        if k in currency_at:
            currency = currency_at[k]
            end_char = tokens[currency.last - 1].end
            next_i = currency.last
        elif i in currency_ending or (
            i - 1 in currency_ending and tokens[i - 1].text in (".", " ")
        ):
            currency = currency_ending.get(i) or currency_ending[i - 1]
            start_char = tokens[currency.first].start
            scale_end = end if end not in scale_at else scale_at[end].last
            end_char = tokens[max(scale_end, i + 1) - 1].end
            if end in scale_at:
                value = value  # already scaled
            next_i = max(scale_end, i + 1)
        if currency is not None:
            sentence = analysis.sentence_of(start_char)
            codes = list(dict.fromkeys(currency.payloads))
            analysis.add(
                Label.MONEY,
                start_char,
                end_char,
                round(value),
                currency=codes[0],
                alternatives=codes[1:],
                excluded=sentence in excluded_sentences,
            )
            i = next_i
            continue
        # A jobs figure: the number, at most a few words, then a jobs noun.
        for gap in range(0, _GAP_WORDS + 1):
            j = end + gap
            if j in jobs_at:
                if all(tokens[x].is_word for x in range(end, j)):
                    sentence = analysis.sentence_of(token.start)
                    analysis.add(
                        Label.JOBS,
                        token.start,
                        tokens[jobs_at[j].last - 1].end,
                        round(value),
                        existing=sentence in existing_sentences,
                    )
                break
        i = max(end, i + 1)
