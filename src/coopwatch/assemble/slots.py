"""Slots: the facts each event and the document keep (sectors, instruments,
organisations, persons, amounts, jobs), each with the spans it came from."""

from __future__ import annotations

from collections.abc import Iterable

from coopwatch.analysis.state import Analysis
from coopwatch.assemble.context import Context, in_headline
from coopwatch.assemble.names import is_person
from coopwatch.model import Amount, Event, Label, Mention, Organization, Person
from coopwatch.text import fold
from coopwatch.transliterate import to_latin


def fill_slots(ctx: Context, event: Event, sentence: int) -> None:
    ev = event.evidence
    zones = ctx.analysis.lexicon.money.zones  # type: ignore[union-attr]
    for m in ctx.in_sentence(sentence, Label.COUNTRY):
        if m.value in event.parties:
            ev.setdefault("parties", []).append(m.span)
        if event.location is None and m.attrs.get("kind") in ("capital", "city"):
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
    for m in filter(is_person, ctx.in_sentence(sentence, Label.PERSON)):
        if all(fold(p.name) != fold(str(m.value)) for p in event.persons):
            name = str(m.value)
            event.persons.append(
                Person(name, m.attrs.get("country"), m.attrs.get("role"), latin(name))
            )
        ev.setdefault("persons", []).append(m.span)
    for m in ctx.in_sentence(sentence, Label.ORGANIZATION):
        if all(o.names != m.value for o in event.organizations):
            event.organizations.append(Organization(list(m.value)))
        ev.setdefault("organizations", []).append(m.span)
    for m in ctx.in_sentence(sentence, Label.MONEY):
        if not m.attrs.get("excluded"):
            event.amounts.append(Amount(m.value, currency(m, event.parties, zones), m.span))
            ev.setdefault("amounts", []).append(m.span)
    for m in ctx.in_sentence(sentence, Label.JOBS):
        if not m.attrs.get("existing"):
            event.jobs = m.value
            ev.setdefault("jobs", []).append(m.span)


def currency(m: Mention, parties: Iterable[str], zones: dict[str, list[str]]) -> str:
    """The currency of an amount whose word fits several ("dinar"): the parties' own."""
    codes = [m.attrs["currency"], *m.attrs.get("alternatives", [])]
    parties = set(parties)
    for code in codes:
        if code[:2] in parties or parties & set(zones.get(code, ())):
            return code
    return codes[0]


def persons(a: Analysis, parties: list[str], host: str | None) -> list[Person]:
    people: dict[str, Person] = {}
    surnames: dict[str, Person] = {}
    for m in filter(is_person, a.of(Label.PERSON)):
        name = str(m.value)
        key = fold(name)
        person = people.get(key) or surnames.get(key)
        if person is None:
            person = Person(name, m.attrs.get("country"), m.attrs.get("role"), latin(name))
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


def latin(name: str) -> str | None:
    """The Latin spelling of a name in another script (None for Latin names), so that
    Максим Рыженков, ماكسيم ريجينكوف and Maxim Ryzhenkov can be matched later."""
    latin = to_latin(name)
    return latin if latin != name else None


def organizations(ctx: Context) -> list[Organization]:
    a = ctx.analysis
    orgs: list[Organization] = []
    blocs = {fold(a.text[slice(*a.span_of(b))]) for b in a.matches("org_bloc")}
    first_with: dict[str, int] = {}  # name key -> the first organisation holding it
    previous: tuple[Mention, int] | None = None
    for m in a.of(Label.ORGANIZATION):
        if any(fold(n) in blocs for n in m.value) and not _funds(ctx, m):
            continue  # "exports to the European Union", "member of BRICS"
        names = [_without_conjunction(n) for n in m.value]
        keys = {k for n in names for k in _keys(n)}
        holders = [first_with[k] for k in keys if k in first_with]
        at = min(holders) if holders else None
        if at is None and previous and _in_brackets_after(a.text, previous[0], m):
            at = previous[1]  # "Export-Import Bank of India (Exim Bank)": its short name
        if at is not None:
            found = orgs[at]
            found.names += [n for n in names if n not in found.names]
            found.spans.append(m.span)
        else:
            at = len(orgs)
            orgs.append(Organization(names, spans=[m.span]))
        for key in keys:
            first_with.setdefault(key, at)
        previous = (m, at)
    return _short_names_joined(orgs)


def _short_names_joined(orgs: list[Organization]) -> list[Organization]:
    """A one-word name that opens the name of exactly one other organisation of the text
    is a short name of it ("Tata" of "Tata Motors", "أرامكو" of "أرامكو السعودية")."""
    opening: dict[str, list[Organization]] = {}  # first word -> organisations it opens
    for o in orgs:
        for first in {fold(n).split(" ", 1)[0] for n in o.names if " " in n}:
            opening.setdefault(first, []).append(o)
    gone: set[int] = set()
    for org in orgs:
        words = {fold(n) for n in org.names if " " not in n.strip()}
        if len(words) != len(org.names):
            continue
        longer = {
            id(o): o
            for w in sorted(words)
            for o in opening.get(w, [])
            if o is not org and id(o) not in gone
        }
        if len(longer) == 1:
            (target,) = longer.values()
            target.names += [n for n in org.names if n not in target.names]
            target.spans += org.spans
            gone.add(id(org))
    return [o for o in orgs if id(o) not in gone]


def _in_brackets_after(text: str, first: Mention, second: Mention) -> bool:
    return (
        text[first.end : second.start].strip() == "(" and text[second.end : second.end + 1] == ")"
    )


_MIN_SHARED_WORDS = 3  # "банк международного сотрудничества" names one bank only


#: Legal forms that close a company's name, folded and without dots.
_LEGAL_TAILS = frozenset(
    {
        "ltd", "limited", "llc", "plc", "inc", "corp", "co", "sa", "sae", "s.a", "s.a.e",
        "sas", "sarl", "spa", "gmbh", "ag", "nv", "bv", "jsc", "pjsc", "ojsc", "oao", "zao",
        "pao", "ooo", "ао", "оао", "пао", "зао", "ооо", "pvt", "bhd", "tbk", "kk", "oy",
        "ab", "as", "a/s", "ش.م.م", "ش.م.ع",
    }
)  # fmt: skip


def _keys(name: str) -> set[str]:
    """The keys under which two names of one document are one organisation: the name
    itself, without its legal tail ("NNPC Ltd" is NNPC), and, for a name of three words
    or more, its last three ("Японский банк международного сотрудничества" is the "банк
    международного сотрудничества" of "JBIC (банк международного сотрудничества)")."""
    words = fold(name).replace(",", " ").split()
    while len(words) > 1 and words[-1].rstrip(".") in _LEGAL_TAILS:
        words.pop()
    keys = {fold(name), " ".join(words)}
    if len(words) >= _MIN_SHARED_WORDS:
        keys.add("~" + " ".join(words[-_MIN_SHARED_WORDS:]))
    return keys


#: Arabic heads of organisation names that the conjunction "و" may be glued to.
_ARABIC_HEADS = ("بنك", "شركة", "صندوق", "هيئة", "مؤسسة", "مجموعة", "جامعة", "غرفة", "مجلس")


def _without_conjunction(name: str) -> str:
    """An Arabic name without the "and" glued to its first word ("وبنك التصدير")."""
    if name.startswith("و") and name[1:].startswith(_ARABIC_HEADS):
        return name[1:]
    return name


def _funds(ctx: Context, m: Mention) -> bool:
    """Whether an organisation's sentence names money or a finance instrument."""
    sentence = ctx.analysis.sentence_of(m.start)
    money = [x for x in ctx.in_sentence(sentence, Label.MONEY) if not x.attrs.get("excluded")]
    finance = [x for x in ctx.in_sentence(sentence, Label.INSTRUMENT) if x.value == "finance"]
    return bool(money or finance)


def sectors(ctx: Context, parties: list[str]) -> list[str]:
    """Divisions named where the text speaks of the cooperation: in a sentence that also
    tells a step, names a party (not by one of its cities), an instrument, an amount or
    a word of cooperation."""
    topical = {
        sentence
        for (sentence, label), ms in ctx.by_sentence.items()
        if (label in _TOPICAL and any(m.attrs.get("kind") not in _NOT_TOPICAL for m in ms))
        or (
            label == Label.COUNTRY
            and any(m.value in parties and m.attrs.get("kind") != "city" for m in ms)
        )
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
#: Trigger words that say nothing of the cooperation's subject: "will", "met the demand".
_NOT_TOPICAL = frozenset({"to_come", "other"})


def instruments(a: Analysis) -> list[str]:
    return sorted({str(m.value) for m in a.of(Label.INSTRUMENT)})


def amounts(a: Analysis, parties: list[str]) -> list[Amount]:
    out: list[Amount] = []
    for m in a.of(Label.MONEY):
        if m.attrs.get("excluded") or m.value <= 0:
            continue
        out.append(Amount(int(m.value), currency(m, parties, a.lexicon.money.zones), m.span))  # type: ignore[union-attr]
    # A headline figure repeats one of the body: keep the body's.
    body = {(x.value, x.currency) for x in out if x.span and not in_headline(a, x.span.start)}
    return [
        x
        for x in out
        if not (x.span and in_headline(a, x.span.start) and (x.value, x.currency) in body)
    ]


def jobs(a: Analysis) -> int | None:
    created = [m for m in a.of(Label.JOBS) if not m.attrs.get("existing")]
    # "250 emplois directs et 600 indirects": the jobs created are the direct ones.
    direct = [m.value for m in created if not m.attrs.get("indirect")]
    values = direct or [m.value for m in created]
    return max(values) if values else None
