"""The strict schema of the per-language lexicon files (``lexicons/<lang>/*.toml``).

A language is a folder of TOML files; every file is optional except ``language.toml``.
Phrases are written as they appear in text; they are compared token by token under the
language's *keying* (accent/case folding and light stemming for Latin scripts, lemmas
for Russian, clitic stripping for Arabic). A token written ``=word`` must match that
exact (folded) surface form, which is how tense is kept where lemmas would lose it
(``=подписали`` is past, ``=подпишут`` future).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Phrases = list[str]
Isic = str | list[str]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LanguageFile(Strict):
    code: str
    name: str
    keying: Literal["latin", "russian", "arabic"]
    #: Latin keying: final letters stripped from each word key ("s" makes plurals match).
    strip_suffixes: list[str] = Field(default_factory=list)
    #: Arabic keying: prefixes (conjunctions, prepositions, article) that may cling to a word.
    clitic_prefixes: list[str] = Field(default_factory=list)
    #: Words that are never part of a person's name (names stop before them).
    name_stopwords: Phrases = Field(default_factory=list)
    #: The script has letter case, so a capital letter marks a proper noun.
    cased: bool = True
    #: "4,7 milliards" is 4.7 (French, Russian); False where the comma groups thousands.
    decimal_comma: bool = True
    #: Tokens between a title and the name it introduces: long where titles carry their
    #: whole portfolio ("ministre de l'Intérieur, des Collectivités locales et de
    #: l'Aménagement du territoire, Brahim Merad").
    title_reach: int = 12
    #: A title's portfolio follows it bare, in the genitive, without a preposition
    #: ("министр сельского хозяйства"): the lower-case words after a title are its
    #: portfolio.
    bare_portfolio: bool = False
    #: Short words frequent in this language and rare in every other language written
    #: in its script: three different ones in a text's opening, and none of another
    #: language's, settle the language without the statistical model.
    marker_words: list[str] = Field(default_factory=list)


class Country(Strict):
    names: Phrases = Field(default_factory=list)
    adjectives: Phrases = Field(default_factory=list)
    capitals: Phrases = Field(default_factory=list)
    #: Large cities other than the capital that datelines name ("Istanbul", "Lagos"):
    #: they point to the country only in a dateline, elsewhere they are a place.
    cities: Phrases = Field(default_factory=list)
    #: Regions that act for the country in cooperation abroad, through their own heads
    #: and firms ("Tatarstan"): they weigh as the country's name.
    regions: Phrases = Field(default_factory=list)
    #: Forms that name the country only before a hyphen: "Franco" in "Franco-Moroccan"
    #: (alone it is a name).
    combining: Phrases = Field(default_factory=list)


class CountriesFile(Strict):
    #: Phrases that designate every party at once ("les deux pays", "the two sides").
    both: Phrases = Field(default_factory=list)
    #: Nouns for countries: with a number they say how many parties there are
    #: ("les quatre pays", "the three countries", "трёх стран", "الدول الأربع").
    country_nouns: Phrases = Field(default_factory=list)
    #: Nouns after (or before) which a country adjective names a party ("la partie algérienne").
    side_nouns: Phrases = Field(default_factory=list)
    #: Words right before a country that make it a destination or venue, not an actor
    #: ("vers", "to", "в" ...): such mentions weigh less when parties are chosen.
    passing_cues: Phrases = Field(default_factory=list)
    #: Endings of adjectives and the combining forms they take in compounds, for
    #: languages that build them regularly: {"ский": "ско"} makes "белорусско-" of
    #: "белорусский" ("белорусско-узбекский форум"). Exact forms, before a hyphen only.
    combining_endings: dict[str, str] = Field(default_factory=dict)
    country: dict[str, Country] = Field(default_factory=dict)
    #: News agencies and the country they report from ("APS" -> DZ): the home side of
    #: a dispatch whose officials are named without their country. An acronym that two
    #: agencies share lists both countries, the likelier first (APS: Algérie Presse
    #: Service, Agence de presse sénégalaise); the text's own countries decide.
    agencies: dict[str, str | list[str]] = Field(default_factory=dict)


class DatesFile(Strict):
    months: dict[str, int] = Field(default_factory=dict)
    #: Days written as ordinal words before "of" and the month ("الرابع من أيار").
    ordinal_days: dict[str, int] = Field(default_factory=dict)
    #: The words joining such a day to its month ("من", "of").
    ordinal_links: Phrases = Field(default_factory=list)
    weekdays: dict[str, int] = Field(default_factory=dict)
    yesterday: Phrases = Field(default_factory=list)
    today: Phrases = Field(default_factory=list)
    tomorrow: Phrases = Field(default_factory=list)
    #: "la veille", "on the eve": the day before the event it refers to.
    eve: Phrases = Field(default_factory=list)
    #: "le même jour", "the same day": the day of the step told just before.
    same_day: Phrases = Field(default_factory=list)
    #: Words after a weekday that push it a week back ("dernier", "last" is before).
    last: Phrases = Field(default_factory=list)
    #: Words that mark a future date ("prochain", "next").
    next: Phrases = Field(default_factory=list)
    #: Word after a year number ("года", "г.") to be absorbed into the date span.
    year_words: Phrases = Field(default_factory=list)
    #: Words of a crawl's stamp ("Consulté le", "Accessed", "дата обращения"): the date
    #: after them on their line is when a page was seen, never a date of the text. An
    #: update line ("Last Updated: ...") is left alone: it is often the only date.
    stamps: Phrases = Field(default_factory=list)


class Title(Strict):
    role: str
    phrases: Phrases


class TitlesFile(Strict):
    honorifics: Phrases = Field(default_factory=list)
    counterpart: Phrases = Field(default_factory=list)
    title: list[Title] = Field(default_factory=list)
    #: Words of a place that a name follows ("palais d'El Mouradia", "улица Ленина"):
    #: the name is the place's, no person's.
    place_heads: Phrases = Field(default_factory=list)


class TriggersFile(Strict):
    meeting: Phrases = Field(default_factory=list)
    pledge: Phrases = Field(default_factory=list)
    agreement: Phrases = Field(default_factory=list)
    implementation: Phrases = Field(default_factory=list)
    #: Participles of signing ("подписанный", "signé" in a language that tells the two
    #: apart): an agreement only when a date of its own stands right by them
    #: ("контракт, подписанный 14 марта 2024 года"); undated, they recall an older step.
    dated_agreement: Phrases = Field(default_factory=list)
    #: Gatherings ("forum", "exhibition", "session"): an opening whose object is one
    #: ("inaugurated the forum", "افتتح ... المعرض") is a meeting.
    gatherings: Phrases = Field(default_factory=list)
    #: Words of cooperation between countries; a positive document needs some.
    cooperation: Phrases = Field(default_factory=list)
    #: Words that make a sentence's steps hypothetical or past-background (no event).
    negation: Phrases = Field(default_factory=list)
    #: Words that deny what was reported ("denied reports that", "a démenti"): they
    #: negate every step told after them in their clause, however far.
    denials: Phrases = Field(default_factory=list)
    #: Words that put the step right after them still to come, by a future or a
    #: condition ("seront signés", "once the deal is signed", "la prochaine commission
    #: mixte"): the step is a pledge.
    to_come: Phrases = Field(default_factory=list)
    #: Phrases where a trigger word has another sense ("met the demand", "wants to
    #: thank"): consumed, they tell no step and are no word of cooperation.
    other_senses: Phrases = Field(default_factory=list)


class Sector(Strict):
    isic: Isic
    #: ISIC class (four digits) where the phrase is that precise.
    isic_class: str | None = None
    phrases: Phrases


class StagesFile(Strict):
    """How far an undertaking has gone, as the sentence of an event says it.

    An implementation step is ``under_way`` unless one of ``operational`` says the thing
    works; ``stalled`` and ``cancelled`` win over every type of step.
    """

    operational: Phrases = Field(default_factory=list)
    stalled: Phrases = Field(default_factory=list)
    cancelled: Phrases = Field(default_factory=list)
    #: Words naming bodies that convene or represent (chambers, business councils,
    #: employers' confederations, ministries, commissions): a name holding one is
    #: never the definite object an undertaking is followed by.
    conveners: Phrases = Field(default_factory=list)


class SectorsFile(Strict):
    sector: list[Sector] = Field(default_factory=list)
    #: Products also seen in use, on the road or at a border ("camions", "trucks"):
    #: they name their sector only in a sentence that also makes, assembles, trades or
    #: invests (``making_cues``); "les files de camions au poste frontière" names none.
    in_use: Phrases = Field(default_factory=list)
    making_cues: Phrases = Field(default_factory=list)
    #: Sector words that a country adjective right after turns into a country's
    #: territory: "المياه الموريتانية", Mauritanian waters, name no water supply.
    territorial: Phrases = Field(default_factory=list)


class InstrumentsFile(Strict):
    #: "joint", "conjoint", "совместный", "مشترك": with a joint object close by (either
    #: order: "a joint transhipment terminal", "une unité de production conjointe"),
    #: they make a joint venture.
    joint_markers: Phrases = Field(default_factory=list)
    #: Things that can be held jointly: company, plant, terminal, centre, production...
    joint_objects: Phrases = Field(default_factory=list)
    joint_venture: Phrases = Field(default_factory=list)
    investment: Phrases = Field(default_factory=list)
    trade: Phrases = Field(default_factory=list)
    technology_transfer: Phrases = Field(default_factory=list)
    subcontracting: Phrases = Field(default_factory=list)
    finance: Phrases = Field(default_factory=list)
    #: Phrases that hold an instrument's word in another sense and name no instrument:
    #: "water supply" (a utility, not a trade), "mise en service commerciale". Being
    #: longer, they win over the word alone.
    not_instruments: Phrases = Field(default_factory=list)


class MoneyFile(Strict):
    #: ISO 4217 code -> phrases. A phrase listed under several codes (dinar) is resolved
    #: by the parties of the document.
    currencies: dict[str, Phrases] = Field(default_factory=dict)
    #: Countries of a currency shared by several (XOF, XAF) or whose code does not begin
    #: with its country's: a "franc CFA" between Senegal and Turkey is XOF.
    zones: dict[str, list[str]] = Field(default_factory=dict)
    #: Currency symbols written before or after digits ("$", "€", "US$").
    symbols: dict[str, str] = Field(default_factory=dict)
    scales: dict[str, int] = Field(default_factory=dict)
    numbers: dict[str, int] = Field(default_factory=dict)
    #: Figures that are not money of the cooperation ("PIB", "budget de l'État").
    exclude_context: Phrases = Field(default_factory=list)
    #: What makes a figure a unit price right after it ("per tonne", "la tonne", "a
    #: barrel", "par action"): a market price, not money of the cooperation.
    unit_prices: Phrases = Field(default_factory=list)


class JobsFile(Strict):
    #: Nouns that follow a number of jobs created ("emplois", "jobs", "рабочих мест").
    nouns: Phrases = Field(default_factory=list)
    #: Phrases that make the figure existing employment, not jobs created.
    existing: Phrases = Field(default_factory=list)
    #: Verbs of future hiring: the figure right after them counts jobs created, whatever
    #: noun follows ("will employ about 300 technicians", "emploiera 250 personnes").
    hiring: Phrases = Field(default_factory=list)


class OrganizationsFile(Strict):
    #: Head nouns that open an organisation's name ("groupe", "Bank of").
    heads: Phrases = Field(default_factory=list)
    #: Words that close a company name ("Ltd", "Corporation", "Motors").
    suffixes: Phrases = Field(default_factory=list)
    #: Words right before a company's name where letter case marks it ("Surat-based
    #: Vardhaman Weaves", "developed by Kanto Precision Devices").
    introducers: Phrases = Field(default_factory=list)
    #: Well-known organisations, written as they appear.
    known: Phrases = Field(default_factory=list)
    #: Never organisations of the cooperation: ministries, governments, news agencies.
    exclude: Phrases = Field(default_factory=list)
    #: Capitalised institution nouns whose name goes on with "of"/"for" and more
    #: capitalised words: "University of the Philippines", "Central Bank of Nigeria".
    institutions: Phrases = Field(default_factory=list)
    #: Institution nouns that close a name of capitalised words before them where the
    #: language puts them last ("Ghana Cocoa Board", "Oman Investment Authority").
    closing_institutions: Phrases = Field(default_factory=list)
    #: Government departments named by their portfolio ("Ministry of Agriculture"): the
    #: portfolio's words are no sector of the cooperation.
    government_bodies: Phrases = Field(default_factory=list)
    #: Blocs and unions of states ("Union européenne", "Mercosur", "BRICS"): mostly a
    #: destination, a member list or the other side of a treaty; an organisation of
    #: the cooperation only where they fund it (money or a finance instrument in the
    #: sentence: "une subvention de l'Union européenne").
    blocs: Phrases = Field(default_factory=list)
    #: Nouns that say what a company is in an apposition after its name:
    #: "BioCubaFarma, the Cuban state group for biotechnology".
    descriptions: Phrases = Field(default_factory=list)
    #: Plural nouns of companies before a list of their names: "firms such as ...".
    groupings: Phrases = Field(default_factory=list)
    #: What opens that list: ":", "such as", "including", "notamment".
    list_openers: Phrases = Field(default_factory=list)


class OffTopicFile(Strict):
    #: Vocabulary of fields outside economic cooperation (sport, weather, culture...).
    phrases: Phrases = Field(default_factory=list)
