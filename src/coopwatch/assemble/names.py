"""Names of persons checked against the rest of the text before they act in events.

A person's name is never a phrase nor a place: words that open it but belong to another
mention (an organisation, a step, a sector, a country, a date: "Росатом Алексей
Лихачёв", "Thanh Cong Group Нгуен Ань") are cut off; a name with such a word inside
("يعقدان جلسة مباحثات رسمية") or that follows the word of a place ("palais d'El
Mouradia", "улица Ленина") is no person.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from coopwatch.analysis.tokens import Token
from coopwatch.assemble.context import Context
from coopwatch.model import Label, Mention

#: Mentions whose words cannot be a person's name.
_OTHER = frozenset(
    {Label.ORGANIZATION, Label.TRIGGER, Label.SECTOR, Label.INSTRUMENT, Label.COUNTRY, Label.DATE}
)
#: Mentions that never stand inside a name: a step, a sector, an instrument, a date.
_NEVER_IN_NAMES = frozenset({Label.TRIGGER, Label.SECTOR, Label.INSTRUMENT, Label.DATE})
_NOT_WORDS = frozenset({"to_come", "other", "negation"})  # trigger kinds that name nothing
_PLACE_GAP = frozenset({"", "d'", "d’", "de", "du", "of", "of the"})  # "palais d'El Mouradia"
_GAP_REACH = 12  # characters: the longest gap above, with its spaces


def check_persons(ctx: Context) -> None:
    """Trim or reject (``attrs["not_person"]``) the PERSON mentions of the analysis."""
    a = ctx.analysis
    others = [
        (m.start, m.end, m.label in _NEVER_IN_NAMES)
        for label in _OTHER
        for m in a.of(label)
        if m.attrs.get("kind") not in _NOT_WORDS
    ]
    others.sort()
    starts = [o[0] for o in others]
    longest = max((end - start for start, end, _ in others), default=0)
    places = sorted(a.span_of(p)[1] for p in a.matches("place_head"))
    renamed: dict[str, str | None] = {}  # a name's later mentions follow its first
    for m in a.of(Label.PERSON):
        name = str(m.value)
        if name in renamed:
            if renamed[name] is None:
                m.attrs["not_person"] = True
            else:
                m.value = renamed[name]
            continue
        # Only a place that ends a short gap before the name can be its head: the
        # indexes keep this linear in the size of the document.
        near = places[bisect_left(places, m.start - _GAP_REACH) : bisect_right(places, m.start)]
        if any(a.text[end : m.start].strip() in _PLACE_GAP for end in near):
            m.attrs["not_person"] = True
        else:
            lo, hi = bisect_left(starts, m.start - longest), bisect_left(starts, m.end)
            _trim(ctx, m, [o for o in others[lo:hi] if o[1] > m.start])
        if m.attrs.get("not_person") or m.value != name:
            renamed[name] = None if m.attrs.get("not_person") else str(m.value)


def _trim(ctx: Context, m: Mention, others: list[tuple[int, int, bool]]) -> None:
    a = ctx.analysis
    words = [t for t in a.tokens[a.token_at(m.start) : a.token_at(m.end)] if t.text.isalpha()]
    inside = [
        [never for start, end, never in others if start <= t.start and t.end <= end] for t in words
    ]
    lead = 0
    while lead < len(inside) and inside[lead]:
        lead += 1
    phrase_end = _arabic_phrase_end(words)
    if phrase_end == 0 and words and words[0].text.startswith(_ARABIC_VERB_OPENINGS):
        m.attrs["not_person"] = True  # "ويؤكد أهمية المضي": a verb opens a clause
        return
    lead = max(lead, phrase_end)
    if any(any(found) for found in inside[lead:]):
        m.attrs["not_person"] = True  # "يعقدان جلسة مباحثات رسمية": a phrase
        return
    # An organisation or a country before the name is cut off ("Росатом Алексей
    # Лихачёв"); a surname that is also a company's name stays ("Toshihiro Suzuki").
    if 0 < lead < len(words) - 1:  # what is left is still a full name
        m.start = words[lead].start
        m.surface = a.text[m.start : m.end]
        m.value = m.surface


#: Arabic words after which a definite word is still part of a name: "عبد السلام",
#: "بن عبدالعزيز آل سعود", "ولد محمد".
_ARABIC_NAME_LINKS = frozenset({"عبد", "بن", "بنت", "ابن", "أبو", "ابو", "أبي", "آل", "ولد"})


#: "and" with the prefix of a verb in the present ("ويؤكد", "وتبحث"), or of a noun
#: ("وتقنية المعلومات"): no name begins so.
_ARABIC_VERB_OPENINGS = ("وي", "وت")


def _arabic_phrase_end(words: list[Token]) -> int:
    """Where the words of a phrase end before an Arabic name: a definite word ("ال...")
    that is neither the name's last nor after one of its links closes a phrase
    ("وترقية القطاعات الإنتاجية عبد السلام", "وكبير إدارييها التنفيذيين أمين الناصر")."""
    end = 0
    for n, word in enumerate(words[:-1]):
        text = word.text
        after_link = n > 0 and words[n - 1].text in _ARABIC_NAME_LINKS
        if text.startswith(("ال", "وال")) and not after_link and text not in _ARABIC_NAME_LINKS:
            end = n + 1
    return end if end < len(words) - 1 else 0


def is_person(m: Mention) -> bool:
    return not m.attrs.get("not_person")
