"""Stage ``countries``: names, adjectives, capitals, both-parties phrases, side and passing."""

from __future__ import annotations

import pytest

from coopwatch.model import Label


@pytest.fixture
def countries(analysed):
    """(surface, code, kind) of every COUNTRY mention of a text."""

    def run(text, lang=None):
        return [
            (m.surface, m.value, m.attrs["kind"]) for m in analysed(text, lang).of(Label.COUNTRY)
        ]

    return run


def test_french_adjectives_in_every_gender_and_number(countries):
    text = (
        "Des investisseurs algériens, une société algérienne, des usines algériennes, "
        "un groupe algérien et des entreprises biélorusses."
    )
    assert countries(text) == [
        ("algériens", "DZ", "adjective"),
        ("algérienne", "DZ", "adjective"),
        ("algériennes", "DZ", "adjective"),
        ("algérien", "DZ", "adjective"),
        ("biélorusses", "BY", "adjective"),
    ]


def test_russian_adjectives_and_names_in_oblique_cases(countries):
    text = (
        "Делегация белорусской стороны встретилась с белорусскими партнерами. "
        "Министр промышленности Беларуси посетил Алжир."
    )
    assert countries(text) == [
        ("белорусской", "BY", "adjective"),
        ("белорусскими", "BY", "adjective"),
        ("Беларуси", "BY", "name"),
        ("Алжир", "DZ", "name"),
    ]


def test_arabic_names_and_adjectives_with_clitics(countries):
    text = "وقعت الشركة الجزائرية اتفاقا مع السعودية والجزائر وتونس بالسعودية."
    assert countries(text) == [
        ("الجزائرية", "DZ", "adjective"),
        ("السعودية", "SA", "name"),
        ("والجزائر", "DZ", "name"),
        ("وتونس", "TN", "name"),
        ("بالسعودية", "SA", "name"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Alger et Minsk ont signé un accord.", [("Alger", "DZ"), ("Minsk", "BY")]),
        ("Pékin et Washington ont repris le dialogue.", [("Pékin", "CN"), ("Washington", "US")]),
        ("Moscow and Beijing signed a deal.", [("Moscow", "RU"), ("Beijing", "CN")]),
        ("أعلنت الرياض والقاهرة عن اتفاق.", [("الرياض", "SA"), ("والقاهرة", "EG")]),
    ],
)
def test_capitals_stand_for_their_country(countries, text, expected):
    found = countries(text)
    assert [(s, c) for s, c, _ in found] == expected
    assert {kind for _, _, kind in found} == {"capital"}


def test_lower_case_country_word_in_french_is_not_a_country(countries):
    # "chine" (porcelain) and "turquie" in lower case are no country names.
    assert countries("Un service en chine et un tapis de turquie.", lang="fr") == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Les deux pays ont signé un accord.", "Les deux pays"),
        ("The two sides agreed to cooperate.", "two sides"),
        ("اتفق البلدين على تعزيز التعاون.", "البلدين"),
        ("Обе стороны договорились о сотрудничестве.", "Обе стороны"),
    ],
)
def test_phrases_naming_both_parties(analysed, text, surface):
    both = analysed(text).of(Label.BOTH_PARTIES)
    assert [m.surface for m in both] == [surface]
    assert both[0].value is None


def test_les_quatre_pays_counts_four_parties(analysed):
    both = analysed("Les quatre pays ont signé un accord de coopération.").of(Label.BOTH_PARTIES)
    assert 4 in [m.value for m in both]
    counted = next(m for m in both if m.value == 4)
    assert counted.surface == "quatre pays"


def test_digits_before_country_noun_count_parties(analysed):
    both = analysed("Les 5 pays ont signé une déclaration commune.", lang="fr").of(
        Label.BOTH_PARTIES
    )
    assert [(m.surface, m.value) for m in both] == [("5 pays", 5)]


def test_side_noun_marks_a_side(analysed, mention_of):
    analysis = analysed("La partie algérienne a reçu des experts tunisiens.")
    assert mention_of(analysis, Label.COUNTRY, "algérienne").attrs["side"] is True
    assert mention_of(analysis, Label.COUNTRY, "tunisiens").attrs["side"] is False


def test_french_export_destination_is_passing(analysed, mention_of):
    analysis = analysed("Les tracteurs seront exportés vers la Tunisie, a indiqué le ministre.")
    assert mention_of(analysis, Label.COUNTRY, "Tunisie").attrs["passing"] is True


def test_europe_is_no_country(analysed):
    analysis = analysed("Les tracteurs seront exportés vers l'Europe.")
    assert analysis.of(Label.COUNTRY) == []


def test_english_export_destination_is_passing(analysed, mention_of):
    analysis = analysed("The plant in India will boost exports to Egypt.")
    assert mention_of(analysis, Label.COUNTRY, "Egypt").attrs["passing"] is True
    assert mention_of(analysis, Label.COUNTRY, "India").attrs["passing"] is False


def test_arabic_export_destination_is_passing(analysed, mention_of):
    analysis = analysed("وسيتم تصدير الجرارات نحو تونس انطلاقا من الجزائر.")
    assert mention_of(analysis, Label.COUNTRY, "تونس").attrs["passing"] is True


def test_country_mentions_spell_their_span(analysed):
    text = "L'Algérie et la Biélorussie ont signé à Minsk."
    analysis = analysed(text)
    assert [(m.surface, m.value) for m in analysis.of(Label.COUNTRY)] == [
        ("Algérie", "DZ"),
        ("Biélorussie", "BY"),
        ("Minsk", "BY"),
    ]
    for m in analysis.of(Label.COUNTRY):
        assert text[m.start : m.end] == m.surface


def test_russian_country_visited_is_not_passing(analysed, mention_of):
    analysis = analysed("Министр промышленности Беларуси прибыл с официальным визитом в Алжир.")
    assert mention_of(analysis, Label.COUNTRY, "Алжир").attrs["passing"] is False


def test_french_and_english_country_visited_is_not_passing(analysed, mention_of):
    fr = analysed("Le ministre biélorusse est arrivé en Algérie pour une visite officielle.")
    en = analysed("The Belarusian minister arrived in Algeria on an official visit.")
    assert mention_of(fr, Label.COUNTRY, "Algérie").attrs["passing"] is False
    assert mention_of(en, Label.COUNTRY, "Algeria").attrs["passing"] is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Franco-Moroccan business forum opened.", [("Franco", "FR"), ("Moroccan", "MA")]),
        ("The Sino-Kenyan railway opened.", [("Sino", "CN"), ("Kenyan", "KE")]),
        (
            "Белорусско-узбекский форум открылся в Ташкенте.",
            [("Белорусско", "BY"), ("узбекский", "UZ"), ("Ташкенте", "UZ")],
        ),
        ("Российско-китайские переговоры завершились.", [("Российско", "RU"), ("китайские", "CN")]),
    ],
)
def test_combining_forms_before_a_hyphen_name_a_country(countries, text, expected):
    assert [(surface, code) for surface, code, _ in countries(text)] == expected


def test_combining_form_alone_is_no_country(countries):
    assert countries("Former president Itamar Franco opened the session.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Un prêt de 60 millions de dollars américains a été accordé.",
        "The loan of 40 million Canadian dollars was signed.",
        "A loan of US$25.5 million was approved.",
    ],
)
def test_the_country_of_a_currency_is_no_country_mention(countries, text):
    assert countries(text) == []
