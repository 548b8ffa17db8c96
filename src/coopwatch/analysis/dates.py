"""Stage: dates, the publication date, and relative dates resolved against it.

Absolute dates come from month names in the lexicon ("4 décembre 2025", "March 12,
2024", "12 марта 2024 года", "4 ديسمبر 2025") and numeric forms ("04.12.2025",
"2025-12-04"). A day and month without a year take the year that puts them on or
before the publication date. Weekdays resolve to the most recent such day on or before
publication ("mardi", "on Monday", "во вторник", "يوم الثلاثاء"); "hier", "yesterday",
"вчера", "أمس" to the day before. A date given only by month and year is kept with
``precision="month"``: it never dates an event on its own.

A weekday written with a day and month and no year ("jeudi 14 mars", "вторник, 7
июня") fixes the year: the most recent one, not after the reference date, where that
day is that weekday. The publication date comes from the document's metadata, else
its dateline, else a date in its URL ("/2019/11/04/", "-20170612-"), flagged so; it is
never later than the moment of analysis, and a year only named in passing is never
taken for it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from coopwatch.analysis.state import Analysis
from coopwatch.model import Label, Mention

_NUMERIC = re.compile(r"\b(\d{1,2}) ?([./-]) ?(\d{1,2}) ?\2 ?(\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")
_ORDINALS = ("er", "st", "nd", "rd", "th", "го", "ое")
_ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_YEAR = re.compile(r"^(19|20)\d\d$")
#: A year named in the text, unless told in passing: "la crise de 1974", "since 1991".
_NAMED_YEAR = re.compile(
    r"(?<!\bde )(?<!\bof )(?<!\bdu )(?<!\bd')(?<!since )(?<!depuis )(?<!\bс )"
    r"\b((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_DAY = re.compile(r"^\d{1,2}$")
#: Dates in URLs: "/2019/11/04/", "/2021-03/15/", "_2019_11_04", "-20170612-", and
#: story ids that open with the day they were filed, after a short letter prefix
#: ("/view/AEN20260923004100320", "/t20230915_11143262.html").
_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?!\d)"
    r"|[/_-]((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
    r"|/[A-Za-z]{1,4}((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=\d{3,}|_\d)"
)
_WEEKDAY_GAP = ("", ",", "le", "the", "den")  # "jeudi 14 mars", "Friday, August 9"


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


def date_in_url(url: str | None) -> date | None:
    """The date a URL's path gives, if any (the host is not read: it holds no dates)."""
    if not url:
        return None
    path = url.split("://", 1)[-1].partition("/")[2]
    for m in _URL_DATE.finditer("/" + path):
        groups = [g for g in m.groups() if g is not None]
        found = _safe_date(int(groups[0]), int(groups[1]), int(groups[2]))
        if found is not None:
            return found
    return None


def _by_weekday(month: int, day: int, weekday: int, reference: date) -> date | None:
    """The most recent date, not after the reference, of that day and month falling on
    that weekday (within 28 years, the calendar's cycle)."""
    for year in range(reference.year, reference.year - 29, -1):
        found = _safe_date(year, month, day)
        if found is not None and found <= reference and found.weekday() == weekday:
            return found
    return None


def _weekday_before(analysis: Analysis, first: int) -> tuple[int, int] | None:
    """The weekday written right before a date's first token: (its weekday, its first
    token), or None."""
    for match in analysis.matches("relative"):
        kind, weekday = match.payloads[0]
        if kind != "weekday" or match.last > first or match.last < first - 3:
            continue
        gap = analysis.text[analysis.tokens[match.last - 1].end : analysis.tokens[first].start]
        if gap.strip().lower() in _WEEKDAY_GAP:
            return weekday, match.first
    return None


def _ordinal_days(analysis: Analysis) -> dict[int, tuple[int, int]]:
    """For the first token of a month name: the day written as an ordinal word before
    it with its link ("الرابع من أيار", "the fourth of May"), and where that day starts."""
    links = {m.first: m.last for m in analysis.matches("ordinal_link")}
    return {
        links[m.last]: (int(m.payloads[0]), analysis.tokens[m.first].start)
        for m in analysis.matches("ordinal_day")
        if m.last in links
    }


def _absolute_dates(analysis: Analysis) -> None:
    text, tokens = analysis.text, analysis.tokens
    year_words = analysis.lexicon.dates.year_words if analysis.lexicon else []
    keying = analysis.lexicon.keying if analysis.lexicon else None
    year_word_keys = {keying.entry_key(w) for w in year_words} if keying else set()
    ordinal_before = _ordinal_days(analysis)
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
        if day is None and i in ordinal_before:
            day, start = ordinal_before[i]  # "في الرابع من أيار الماضي"
        if day is None and j < len(tokens) and _DAY.match(tokens[j].text):
            # "March 12, 2024", "December 4th, 2025"
            day, end = int(tokens[j].text), tokens[j].end
            j += 1
            while j < len(tokens) and tokens[j].text.lower() in (",", *_ORDINALS):
                j += 1
        if (
            day is not None
            and j + 1 < len(tokens)
            and tokens[j].text in (",", "/")
            and _YEAR.match(tokens[j + 1].text)
        ):
            j += 1  # "18th June, 2025", "November 27/2024"
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
        named_day = _weekday_before(analysis, k if tokens[k].start == start else i)
        weekday = None
        if named_day is not None:
            weekday = named_day[0]
            start = tokens[named_day[1]].start
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
                weekday=weekday,
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


def _publication_date(analysis: Analysis, today: date) -> tuple[date | None, str | None]:
    """The publication date and where it came from: the document's metadata ("page"), else
    the dateline, the first full date in the first lines ("text"), else a date in the
    URL ("url"), else a dateline without its year ("text"). Never after ``today``."""
    document = analysis.document
    head_end = 0
    for _ in range(3):
        nl = analysis.text.find("\n", head_end + 1)
        head_end = len(analysis.text) if nl < 0 else nl
    in_head = [m for m in analysis.of(Label.DATE) if m.start < head_end]
    if document.published and document.published <= today:
        # "SEOUL, June 18 (KEW) - ...": the dateline repeats the page's date; it dates
        # the report, not the steps of its lead.
        for m in in_head:
            if m.value == document.published and m.attrs.get("relative") is None:
                m.attrs["dateline"] = True
                break
        return document.published, document.published_from or "page"
    candidates = [
        m
        for m in in_head
        if m.value is not None
        and not m.attrs.get("inferred")
        and m.value <= today
        and _opens_its_line(analysis.text, m.start)
    ]
    if candidates:
        first = min(candidates, key=lambda m: m.start)
        first.attrs["dateline"] = True
        return first.value, "text"
    from_url = date_in_url(document.url)
    if from_url is not None and from_url <= today:
        return from_url, "url"
    yearless = [m for m in in_head if m.attrs.get("inferred") and m.attrs.get("precision") == "day"]
    if not yearless:
        return None, None
    line = min(yearless, key=lambda m: m.start)
    month, day = line.attrs["month"], line.attrs["day"]
    if line.attrs.get("weekday") is not None:  # "jeudi 14 mars": the weekday fixes the year
        value = _by_weekday(month, day, line.attrs["weekday"], today)
    else:
        year = _year_of_the_text(analysis, line, today)
        value = _safe_date(year, month, day) if year else None
    if value is None or value > today:
        return None, None
    line.attrs.update(dateline=True, inferred=False)
    line.value = value
    return value, "text"


_DATELINE_REACH = 60  # characters from a line's start where a dateline's date stands


_DATELINE_LINE = 160  # characters: a longer line is a paragraph, not a dateline


def _opens_its_line(text: str, offset: int) -> bool:
    """Whether a date stands where a dateline puts it: near the start of its line
    ("ALGER, 12 mars 2025 (APS) -"), or on a line of its own ("Service de presse,
    Bichkek, 22 octobre 2024"). One deep in the lead's sentences dates a step."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end < 0 else line_end
    return offset - line_start <= _DATELINE_REACH or line_end - line_start <= _DATELINE_LINE


def _year_of_the_text(analysis: Analysis, line: Mention, today: date) -> int | None:
    """The year of a dateline without one ("МИНСК, 12 февраля"): the latest year, not
    after today, of the text's other dates and of the years it names, except a year told
    in passing ("la crise de 1974", "since 1991"); a text with none gives no year."""
    years = [
        m.value.year if m.value is not None else m.attrs["year"]
        for m in analysis.of(Label.DATE)
        if m is not line
        and not m.attrs.get("inferred")
        and (m.value is not None or m.attrs.get("year"))
    ]
    years += [int(m.group(1)) for m in _NAMED_YEAR.finditer(analysis.text, line.end)]
    return max((y for y in years if y <= today.year), default=None)


def _drop_stamps(analysis: Analysis) -> None:
    """A date after a crawl's stamp on its line ("Consulté le 02/12/2024") is when the page
    was seen: it dates nothing of the text."""
    text = analysis.text
    for match in analysis.matches("stamp"):
        end = analysis.span_of(match)[1]
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        for m in analysis.of(Label.DATE):
            if end <= m.start < line_end:
                m.value = None
                m.attrs.update(precision="stamp", inferred=False)


def _relative_dates(analysis: Analysis) -> None:
    published = analysis.published
    matches = analysis.matches("relative")
    tokens = analysis.tokens
    written = [
        m for m in analysis.of(Label.DATE) if m.attrs.get("weekday") is not None
    ]  # "jeudi 14 mars": the weekday belongs to its date
    for n, match in enumerate(matches):
        kind, amount = match.payloads[0]
        start, end = analysis.span_of(match)
        if kind == "weekday" and any(m.start <= start < m.end for m in written):
            continue
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
    _drop_stamps(analysis)
    today = analysis.options.get("today") or date.today()
    analysis.published, source = _publication_date(analysis, today)
    document = analysis.document
    if document.published != analysis.published:
        document.published = analysis.published
    document.published_from = source
    # Day-month dates written before the publication date was known get their year now;
    # one with its weekday takes the year where that day is that weekday.
    reference = analysis.published or today
    for m in analysis.of(Label.DATE):
        if not m.attrs.get("inferred"):
            continue
        if m.attrs.get("weekday") is not None:
            m.value = _by_weekday(m.attrs["month"], m.attrs["day"], m.attrs["weekday"], reference)
        elif m.value is None:
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
