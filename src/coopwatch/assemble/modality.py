"""Modality and polarity of a step: negated, told as to come ("est attendue",
"would begin", a later year), of another year, or the setting of another step."""

from __future__ import annotations

import re

from coopwatch.analysis.state import Analysis
from coopwatch.analysis.tokens import Token
from coopwatch.assemble.context import Context
from coopwatch.assemble.dates import names_after_eve
from coopwatch.model import EventType, Label, Mention
from coopwatch.text import fold

_NEGATION_BEFORE = 40  # characters before a step that a negation reaches


_NEGATION_AFTER = 30  # and after it


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
    r"\b(?:en|in|fin|début|courant|semestre|trimestre|quarter|half|late|early|mid|of"
    r"|в)[\s-]+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


_YEAR_REACH = 80  # characters after the step where its planned year stands


#: The end of a step's clause: the year of the next one is not its own ("планируется
#: начать осенью, а первые тракторы должны сойти с конвейера в 2027 году").
_CLAUSE_END = re.compile(
    r";|,\s+(?:а|но|и|while|whereas|but|and|mais|tandis|et|alors)\b|،\s*(?:و|بينما|فيما)",
    re.IGNORECASE,
)


def expected_later(a: Analysis, trigger: Mention) -> bool:
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


def another_year_at(a: Analysis, trigger: Mention) -> int | None:
    """How far after a step stands the year it took or will take place, when that year
    is not the publication's (None otherwise): "entré en production en 2014", "les
    travaux ont été achevés en 2021", "une entrée en production prévue fin 2026". A year
    after "for", "until" or "by" is a period or a target, not the step's date."""
    published = a.published
    if published is None:
        return None
    clause = _CLAUSE_END.split(_text_after(a, trigger), maxsplit=1)[0]
    found = _STEP_YEAR.search(clause)
    if found is None or int(found.group(1)) == published.year:
        return None
    return trigger.end - trigger.start + found.start(1)  # its distance from the step


#: Words that make a meeting the setting of another step: "lors d'une visite", "en
#: marge du sommet", "during the visit", "on the sidelines of".
_SETTING = frozenset(
    {"lors", "pendant", "durant", "cours", "marge", "occasion", "during", "sidelines", "at"}
)  # fmt: skip


_SETTING_REACH = 4  # tokens before the meeting's word


def setting_of_signing(ctx: Context, sentence: int, trigger: Mention) -> bool:
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


def negated(ctx: Context, sentence: int, trigger: Mention) -> bool:
    """A negation or doubt close before the step ("n'ont pas signé", "refused to sign")
    or right after it ("signing was postponed") cancels it; so does a denial anywhere
    before it in its clause ("denied reports that a deal ... was signed today")."""
    for m in ctx.in_sentence(sentence, Label.TRIGGER):
        if m.attrs.get("kind") != "negation":
            continue
        if trigger.start - _NEGATION_BEFORE <= m.start <= trigger.end + _NEGATION_AFTER:
            return True
        if m.value == "denial" and m.end <= trigger.start:
            between = ctx.analysis.text[m.end : trigger.start]
            if not _CLAUSE_BREAK.search(between):
                return True
    return False


#: The end of a denial's clause: "denied reports of a rift, and signed the deal".
_CLAUSE_BREAK = re.compile(r"[;:،؛]|,\s+(?:and|but|while|et|mais|tandis|и|а|но)\b")


_TO_COME_REACH = 5  # tokens between the word and the step: "once the deal is signed"
_CLAUSE_ENDS = frozenset({",", ";", ":", "(", ")", "—", "–"})


_INTENT_REACH = 2  # tokens between an intent and its object: "اتفقا على توقيع", "ready to sign"


#: Words that join two steps rather than make one the object of the other.
_CONJUNCTIONS = frozenset({"and", "et", "и", "а", "also", "puis", "then", "و", "ثم"})


def to_come(ctx: Context, sentence: int, trigger: Mention) -> bool:
    """A future or conditional word close before the step, in its clause ("des accords
    seront signés", "once the deal is signed", "la prochaine commission mixte"), or an
    intent, call or agreement whose object the step is ("اتفقا على توقيع عقد", "دعا إلى
    إعادة تشغيل الخط", "ready to sign"): the step is still to come, a pledge."""
    a = ctx.analysis
    first = a.token_at(trigger.start)
    for m in ctx.in_sentence(sentence, Label.TRIGGER):
        if m.end > trigger.start:
            continue
        kind = m.attrs.get("kind")
        intent = kind == "trigger" and m.value == EventType.PLEDGE.value
        if kind != "to_come" and not intent:
            continue
        between = a.tokens[a.token_at(m.end) : first]
        if any(t.text in _CLAUSE_ENDS for t in between):
            continue
        if not intent and len(between) <= _TO_COME_REACH:
            return True
        if intent and len(between) <= _INTENT_REACH and not _conjoined(a, between, first):
            return True
    return False


_TERMS_REACH = 8  # tokens from a signing to the terms it sets ("signed an agreement to form")
_TERMS_ENDS = _CLAUSE_ENDS | {"،", "؛"}


def terms_of_a_signing(ctx: Context, sentence: int, trigger: Mention) -> bool:
    """A pledge told as the terms of a deal signed just before it in the same clause
    ("signed an agreement on Wednesday to form a joint venture", "an agreement that
    will raise exports"): the deal's content, not a step of its own."""
    if trigger.value != EventType.PLEDGE.value:
        return False
    a = ctx.analysis
    first = a.token_at(trigger.start)
    for m in ctx.in_sentence(sentence, Label.TRIGGER):
        if m.end > trigger.start or m.value != EventType.AGREEMENT.value:
            continue
        if m.attrs.get("kind") != "trigger" or m.attrs.get("needs_date"):
            continue  # "выполнение подписанных документов позволит": documents recalled
        if negated(ctx, sentence, m) or _a_setting(a, m):
            continue
        between = a.tokens[a.token_at(m.end) : first]
        if len(between) > _TERMS_REACH or any(t.text in _TERMS_ENDS for t in between):
            continue
        if not _conjoined(a, between, first):
            return True
    return False


def _a_setting(a: Analysis, step: Mention) -> bool:
    """A step named as the setting of another: "على هامش التوقيع", "during the signing"."""
    first = a.token_at(step.start)
    before = a.tokens[max(0, first - _INTENT_REACH) : first]
    return any(fold(t.text) in _SETTING_OF_OPENING for t in before)


def _conjoined(a: Analysis, between: list[Token], first: int) -> bool:
    """Whether a conjunction joins the step to the word before it ("agreed and signed",
    Arabic "اتفقا ووقعا", whose "و" clings to the verb: a verb of the step that starts
    with "و" itself, "وقع", is only conjoined when doubled)."""
    if any(fold(t.text) in _CONJUNCTIONS for t in between):
        return True
    return a.tokens[first].text.startswith(("وو", "ثم"))


def named_by_its_eve(ctx: Context, sentence: int, trigger: Mention) -> Mention | None:
    """The eve a step is named as the reference of ("عشية الاجتماع رفيع المستوى", "on the
    eve of the summit", "à la veille du sommet", "накануне форума"): the eve is dated the
    day before that step, which took place (or will) the day after it."""
    return next(
        (
            m
            for m in ctx.in_sentence(sentence, Label.DATE)
            if m.value is not None and names_after_eve(ctx, m, trigger)
        ),
        None,
    )


#: Tokens between an opening and what it opens, far in a verb-first clause: "افتتح
#: الوزير، ونظيره ...، أمس السبت بنواكشوط، الطبعة السابعة للمعرض".
_GATHERING_REACH = 20


#: Words after which a gathering is the setting of an opening, not what it opens:
#: "افتتح المصنع على هامش المعرض", "opened the plant during the fair".
_SETTING_OF_OPENING = _SETTING | {"هامش", "خلال", "أثناء", "ходе", "рамках", "время"}


def opens_a_gathering(a: Analysis, trigger: Mention) -> bool:
    """An opening whose object is a gathering ("inaugurated the business forum", "افتتح
    الوزيران الطبعة السابعة للمعرض"): a meeting, not a plant put into service."""
    last = a.token_at(trigger.end)
    first = a.token_at(trigger.start)
    sentence = a.sentences[a.sentence_of(trigger.start)]
    for m in a.matches("gathering"):
        if last <= m.first <= last + _GATHERING_REACH and a.tokens[m.first].start < sentence.end:
            between = a.tokens[last : m.first]
            return not any(fold(t.text) in _SETTING_OF_OPENING for t in between)
    # "أشغال الدورة الثامنة للجنة المشتركة، التي افتتحت أمس": the gathering, then a
    # relative clause that opens it.
    return any(
        first - _RELATIVE_REACH <= m.last <= first
        and a.tokens[m.first].start >= sentence.start
        and any(fold(t.text) in _RELATIVES for t in a.tokens[m.last : first])
        for m in a.matches("gathering")
    )


_RELATIVE_REACH = 12
_RELATIVES = frozenset({"التي", "الذي", "which", "that", "qui", "которая", "который", "которое"})
