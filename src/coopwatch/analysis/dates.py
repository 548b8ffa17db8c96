"""Stage: dates, the publication date, and relative dates resolved against it.

Absolute dates come from month names in the lexicon ("4 décembre 2025", "March 12,
2024", "12 марта 2024 года", "4 ديسمبر 2025") and numeric forms ("04.12.2025",
"2025-12-04"). A day and month without a year take the year that puts them on or
before the publication date. Weekdays resolve to the most recent such day on or before
publication ("mardi", "on Monday", "во вторник", "يوم الثلاثاء"); "hier", "yesterday",
"вчера", "أمس" to the day before. A date given only by month and year is kept with
``precision="month"``: it never dates an event on its own.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

from coopwatch.analysis.state import Analysis
from coopwatch.model import Label

_NUMERIC = re.compile(r"\b(\d{1,2}) ?([./-]) ?(\d{1,2}) ?\2 ?(\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")
_ORDINALS = ("er", "st", "nd", "rd", "th", "го", "ое")
_ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_YEAR = re.compile(r"^(19|20)\d\d$")
_DAY = re.compile(r"^\d{1,2}$")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: date | None) -> date | None:
    if published is None:
        return None
    guess = _safe_date(published.year, month, day)
    if guess and guess > published + timedelta(days=31):
        guess = _safe_date(published.year - 1, month, day)
    return guess


def _absolute_dates(analysis: Analysis) -> None:
    text, tokens = analysis.text, analysis.tokens
    year_words = analysis.lexicon.dates.year_words if analysis.lexicon else []
    keying = analysis.lexicon.keying if analysis.lexicon else None
    year_word_keys = {keying.entry_key(w) for w in year_words} if keying else set()
    for match in analysis.matches("month"):
        month = match.payloads[0][1]
        i, j = match.first, match.last
        start, end = tokens[i].start, tokens[j - 1].end
        day = year = None
        # "4 décembre 2025", "1er mars", "12 марта 2024 года"
        k = i - 1
        if k >= 0 and tokens[k].text.lower() in _ORDINALS:
            k -= 1
        if (
            k >= 0
            and _DAY.match(tokens[k].text)
            and text[tokens[k].end : tokens[i].start].strip().lower() in ("", "-", *_ORDINALS)
        ):
            day, start = int(tokens[k].text), tokens[k].start
        if j < len(tokens) and tokens[j].text == ".":
            j += 1  # an abbreviated month: "4 дек. 2025", "Dec. 4"
        if day is None and j < len(tokens) and _DAY.match(tokens[j].text):
            # "March 12, 2024", "December 4th, 2025"
            day, end = int(tokens[j].text), tokens[j].end
            j += 1
            while j < len(tokens) and tokens[j].text.lower() in (",", *_ORDINALS):
                j += 1
        if j < len(tokens) and _YEAR.match(tokens[j].text):
            year, end = int(tokens[j].text), tokens[j].end
            if j + 1 < len(tokens) and year_word_keys & set(analysis.keys[j + 1]):
                end = tokens[j + 1].end
        if day is None:
            if year is not None:
                analysis.add(
                    Label.DATE, start, end, None, precision="month", month=month, year=year
                )
            continue
        if year is not None:
            value = _safe_date(year, month, day)
            inferred = False
        else:
            value = _infer_year(month, day, analysis.document.published)
            inferred = True
        if value is not None or inferred:
            analysis.add(
                Label.DATE,
                start,
                end,
                value,
                precision="day",
                month=month,
                day=day,
                inferred=inferred,
            )


def _numeric_dates(analysis: Analysis) -> None:
    # A numeric date starts at a run of digits: try the pattern there only.
    text, tokens = analysis.text, analysis.tokens
    free = 0
    for i in analysis.numbers():
        start = tokens[i].start
        m = _NUMERIC.match(text, start) if start >= free else None
        if m is None:
            continue
        free = m.end()
        if m.group(1):
            value = _safe_date(int(m.group(4)), int(m.group(3)), int(m.group(1)))
        else:
            value = _safe_date(int(m.group(5)), int(m.group(6)), int(m.group(7)))
        if value is not None:
            analysis.add(Label.DATE, m.start(), m.end(), value, precision="day")


def _publication_date(analysis: Analysis) -> date | None:
    """The dateline's date: the first full date in the first lines, when metadata has none."""
    if analysis.document.published:
        return analysis.document.published
    head_end = 0
    for _ in range(3):
        nl = analysis.text.find("\n", head_end + 1)
        head_end = len(analysis.text) if nl < 0 else nl
    in_head = [m for m in analysis.of(Label.DATE) if m.start < head_end]
    candidates = [m for m in in_head if m.value is not None and not m.attrs.get("inferred")]
    if candidates:
        first = min(candidates, key=lambda m: m.start)
        first.attrs["dateline"] = True
        return first.value
    # "МИНСК, 12 февраля": a dateline without its year takes the year the text talks of.
    yearless = [m for m in in_head if m.attrs.get("inferred") and m.attrs.get("precision") == "day"]
    if not yearless:
        return None
    line = min(yearless, key=lambda m: m.start)
    years = Counter(int(y) for y in _ANY_YEAR.findall(analysis.text[line.end :]))
    if not years:
        return None
    line.attrs.update(dateline=True, inferred=False)
    line.value = _safe_date(years.most_common(1)[0][0], line.attrs["month"], line.attrs["day"])
    return line.value


def _relative_dates(analysis: Analysis) -> None:
    published = analysis.published
    matches = analysis.matches("relative")
    tokens = analysis.tokens
    for n, match in enumerate(matches):
        kind, amount = match.payloads[0]
        start, end = analysis.span_of(match)
        if kind == "weekday":
            value = None
            previous = matches[n - 1] if n else None
            following = matches[n + 1] if n + 1 < len(matches) else None
            shift = 0
            for near in (previous, following):
                if near is None or abs(near.first - match.first) > 2:
                    continue
                near_kind = near.payloads[0][0]
                if near_kind == "last":
                    shift = -7 if _is_same_weekday_today(published, amount) else 0
                    start, end = (
                        min(start, tokens[near.first].start),
                        max(end, tokens[near.last - 1].end),
                    )
                elif near_kind == "next":
                    shift = 7
            if published is not None:
                back = (published.weekday() - amount) % 7
                value = published - timedelta(days=back) + timedelta(days=shift if shift > 0 else 0)
                if shift > 0:
                    value = published + timedelta(days=(amount - published.weekday()) % 7 or 7)
                elif shift < 0:
                    value = value - timedelta(days=7)
            analysis.add(
                Label.DATE, start, end, value, precision="day", relative="weekday", future=shift > 0
            )
        elif kind == "offset":
            value = published + timedelta(days=amount) if published else None
            analysis.add(Label.DATE, start, end, value, precision="day", relative="offset")
        elif kind == "eve":
            analysis.add(
                Label.DATE, start, end, None, precision="day", relative="eve", offset=amount
            )


def _is_same_weekday_today(published: date | None, weekday: int) -> bool:
    return published is not None and published.weekday() == weekday


def run(analysis: Analysis) -> None:
    if analysis.lexicon is None:
        return
    _absolute_dates(analysis)
    _numeric_dates(analysis)
    analysis.published = _publication_date(analysis)
    if analysis.document.published is None and analysis.published is not None:
        analysis.document.published = analysis.published
    # Day-month dates written before the publication date was known get their year now.
    for m in analysis.of(Label.DATE):
        if m.attrs.get("inferred") and m.value is None:
            m.value = _infer_year(m.attrs["month"], m.attrs["day"], analysis.published)
    _relative_dates(analysis)
    _resolve_eves(analysis)


def _resolve_eves(analysis: Analysis) -> None:
    """ "La veille", "накануне": the day before the step the text dates nearest to it."""
    dated = [
        m
        for m in analysis.of(Label.DATE)
        if m.value is not None and m.attrs.get("precision") == "day" and not m.attrs.get("dateline")
    ]
    for eve in analysis.of(Label.DATE):
        if eve.attrs.get("relative") != "eve":
            continue
        before = [m for m in dated if m.end <= eve.start]
        after = [m for m in dated if m.start >= eve.end]
        reference = before[-1].value if before else after[0].value if after else analysis.published
        if reference is not None:
            eve.value = reference + timedelta(days=eve.attrs.get("offset", -1))
