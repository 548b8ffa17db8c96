"""Stage ``dates``: absolute dates, the dateline, relative dates and month-only dates."""

from __future__ import annotations

from datetime import date

import pytest

from coopwatch.model import Label

THURSDAY = date(2025, 3, 13)  # a Thursday


@pytest.fixture
def dates(analysed):
    """The DATE mentions of a text, by surface."""

    def run(text, lang=None, published=None):
        return {m.surface: m for m in analysed(text, lang, published).of(Label.DATE)}

    return run


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (
            "04.12.2025.\nLe ministre a reçu la délégation biélorusse.",
            "04.12.2025",
            date(2025, 12, 4),
        ),
        (
            "ALGER, 12 mars 2025 (APS) - Le ministre a reçu la délégation.",
            "12 mars 2025",
            date(2025, 3, 12),
        ),
        (
            "NEW DELHI, March 12, 2025 - The minister met the delegation.",
            "March 12, 2025",
            date(2025, 3, 12),
        ),
        (
            "МИНСК, 12 марта 2025 года. Министр встретился с делегацией.",
            "12 марта 2025 года",
            date(2025, 3, 12),
        ),
        ("الجزائر في 12 مارس 2025 - استقبل الوزير الوفد.", "12 مارس 2025", date(2025, 3, 12)),
    ],
)
def test_dateline_gives_the_publication_date(text, surface, expected, analysed, mention_of):
    analysis = analysed(text)
    mention = mention_of(analysis, Label.DATE, surface)
    assert mention.value == expected
    assert mention.attrs["dateline"] is True
    assert analysis.published == expected
    assert analysis.document.published == expected


def test_metadata_publication_date_wins_over_a_date_in_the_text(analysed, mention_of):
    analysis = analysed(
        "ALGER, 12 mars 2025 (APS) - Le ministre a reçu la délégation.",
        published=date(2025, 3, 14),
    )
    assert analysis.published == date(2025, 3, 14)
    assert "dateline" not in mention_of(analysis, Label.DATE, "12 mars 2025").attrs


def test_iso_date_is_read(dates):
    found = dates("Les ministres se sont réunis le 2025-03-05 à Alger.", published=THURSDAY)
    assert found["2025-03-05"].value == date(2025, 3, 5)


def test_impossible_numeric_date_is_dropped(dates):
    assert dates("Réunion prévue le 31.02.2025 à Alger.", lang="fr", published=THURSDAY) == {}


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Les deux pays ont signé mardi un accord.", "mardi", date(2025, 3, 11)),
        ("Hier, le ministre a reçu la délégation.", "Hier", date(2025, 3, 12)),
        ("The two sides met on Monday in Tokyo.", "Monday", date(2025, 3, 10)),
        ("Yesterday the minister received the delegation.", "Yesterday", date(2025, 3, 12)),
        ("Вчера министр принял делегацию.", "Вчера", date(2025, 3, 12)),
        ("Стороны встретились во вторник в Минске.", "вторник", date(2025, 3, 11)),
        ("التقى الوزير أمس الوفد البيلاروسي.", "أمس", date(2025, 3, 12)),
        ("ووقع الطرفان يوم الثلاثاء اتفاقا.", "الثلاثاء", date(2025, 3, 11)),
    ],
)
def test_relative_dates_resolve_against_publication(text, surface, expected, dates):
    mention = dates(text, published=THURSDAY)[surface]
    assert mention.value == expected
    assert mention.attrs["precision"] == "day"


def test_weekday_of_the_publication_day_is_that_very_day(dates):
    mention = dates("Le ministre a reçu mardi la délégation.", published=date(2025, 3, 11))["mardi"]
    assert mention.value == date(2025, 3, 11)


def test_weekday_later_in_the_week_than_publication_is_the_previous_week(dates):
    # Published on Tuesday 11 March: "vendredi" is Friday 7 March, never Friday 14.
    mention = dates("Les ministres se sont réunis vendredi.", published=date(2025, 3, 11))[
        "vendredi"
    ]
    assert mention.value == date(2025, 3, 7)


def test_weekday_with_next_is_future(dates):
    mention = dates("Le ministre se rendra lundi prochain à Minsk.", published=THURSDAY)["lundi"]
    assert mention.value == date(2025, 3, 17)
    assert mention.attrs["future"] is True


def test_relative_dates_resolve_against_the_dateline_when_metadata_has_none(dates):
    found = dates(
        "04.12.2025.\nLes deux pays ont signé mardi un accord. Hier, les ministres ont parlé."
    )
    assert found["mardi"].value == date(2025, 12, 2)
    assert found["Hier"].value == date(2025, 12, 3)


def test_relative_dates_without_publication_stay_unresolved(dates):
    found = dates("Les deux pays ont signé mardi un accord.", lang="fr")
    assert found["mardi"].value is None


def test_la_veille_is_the_day_before_the_step_told_before_it(dates):
    found = dates(
        "Le forum s'est tenu le 10 mars 2025. La veille, les ministres s'étaient réunis.",
        published=THURSDAY,
    )
    assert found["La veille"].value == date(2025, 3, 9)
    assert found["La veille"].attrs["relative"] == "eve"


def test_la_veille_ignores_the_dateline(dates):
    found = dates(
        "ALGER, 13 mars 2025 (APS) - Le forum a eu lieu le 5 mars 2025. "
        "La veille, les ministres s'étaient réunis."
    )
    assert found["La veille"].value == date(2025, 3, 4)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Le projet a été lancé en mars 2024.", "mars 2024"),
        ("The plant opened in March 2024.", "March 2024"),
        ("Завод открылся в марте 2024 года.", "марте 2024 года"),
    ],
)
def test_month_only_dates_have_month_precision_and_no_day(text, surface, dates):
    mention = dates(text, published=THURSDAY)[surface]
    assert mention.value is None
    assert mention.attrs["precision"] == "month"
    assert (mention.attrs["month"], mention.attrs["year"]) == (3, 2024)


def test_day_and_month_without_year_take_the_year_before_publication(dates):
    found = dates("Les ministres se sont réunis le 20 décembre.", published=date(2025, 1, 5))
    assert found["20 décembre"].value == date(2024, 12, 20)
    assert found["20 décembre"].attrs["inferred"] is True


def test_day_and_month_without_year_in_the_same_year(dates):
    found = dates("Les ministres se sont réunis le 5 mars.", published=THURSDAY)
    assert found["5 mars"].value == date(2025, 3, 5)


@pytest.mark.parametrize(
    "url",
    [
        "https://agence.example/economie/2019/11/04/accord-tracteurs",
        "https://agence.example/2019-11/04/accord-tracteurs.html",
        "https://agence.example/economie/accord-tracteurs-20191104-1234.html",
        "https://agency.example/view/AEN20191104004100320",
        "https://gov.example/zwyw/t20191104_11143262.html",
    ],
)
def test_a_date_in_the_url_is_the_publication_date_when_the_text_gives_none(url):
    from coopwatch.analysis.pipeline import analyse
    from coopwatch.model import Document

    document = Document.create(
        "L'Algérie et la Biélorussie ont signé hier un accord sur les tracteurs.", "t", url=url
    )
    analysis = analyse(document)
    assert analysis.published == date(2019, 11, 4)
    assert analysis.document.published_from == "url"
    (yesterday,) = analysis.of(Label.DATE)
    assert yesterday.value == date(2019, 11, 3)


def test_the_datelines_date_wins_over_the_urls():
    from coopwatch.analysis.pipeline import analyse
    from coopwatch.model import Document

    document = Document.create(
        "ALGER, 12 mars 2025 (APS) - Le ministre a reçu la délégation.",
        "t",
        url="https://agence.example/2019/11/04/delegation",
    )
    analysis = analyse(document)
    assert analysis.published == date(2025, 3, 12)
    assert analysis.document.published_from == "text"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ALGER, jeudi 14 mars (APS) - Le ministre a reçu la délégation.", date(2024, 3, 14)),
        ("МИНСК, вторник, 7 июня. Министр принял делегацию.", date(2022, 6, 7)),
        ("LONDON, Friday 9 August - The minister met the delegation.", date(2024, 8, 9)),
    ],
)
def test_a_weekday_fixes_the_year_of_a_dateline_without_one(analysed, text, expected):
    analysis = analysed(text)
    assert analysis.published == expected


def test_a_weekday_fixes_the_year_of_a_date_in_the_body(dates):
    found = dates(
        "ALGER, 20 mars 2025 (APS) - Les deux pays avaient signé l'accord le jeudi 16 mars.",
        lang="fr",
    )
    assert found["jeudi 16 mars"].value == date(2023, 3, 16)


def test_a_year_in_passing_is_no_publication_year(analysed):
    analysis = analysed(
        "ALGER, 14 mars (APS) - Comme lors de la crise de 1974, les deux pays coopèrent."
    )
    assert analysis.published is None


def test_a_day_and_month_alone_give_no_year(analysed):
    analysis = analysed("ALGER, 14 mars (APS) - Le ministre a reçu la délégation biélorusse.")
    assert analysis.published is None
    assert all(m.value is None for m in analysis.of(Label.DATE))


def test_a_publication_date_is_never_after_the_moment_of_analysis(analysed):
    analysis = analysed("ALGER, 12 mars 2091 (APS) - Le ministre a reçu la délégation.")
    assert analysis.published is None
    later = analysed("Le ministre a reçu la délégation.", published=date(2091, 3, 12))
    assert later.published is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ABU DHABI, 18th June, 2025 (WAM) -- The two sides met.", date(2025, 6, 18)),
        ("Addis Ababa, November 27/2024 (ENA) Ethiopia and Kenya met.", date(2024, 11, 27)),
    ],
)
def test_a_year_after_a_comma_or_slash_belongs_to_the_date(analysed, text, expected):
    assert analysed(text).published == expected


def test_last_night_is_the_day_before_publication(dates):
    found = dates("The two ministers met last night in Paris.", lang="en", published=THURSDAY)
    assert found["last night"].value == date(2025, 3, 12)


def test_a_date_deep_in_the_lead_is_no_dateline(analysed):
    analysis = analysed(
        "Как белорусские самосвалы собирают во Вьетнаме\n"
        "Совместное белорусско-вьетнамское предприятие «МАЗ Азия» в провинции Хынгйен стало "
        "одним из самых заметных проектов ОАО «МАЗ» в регионе. Соглашение о создании СП было "
        "подписано 27 ноября 2017 года в Ханое, а первый самосвал сошёл с конвейера "
        "15 марта 2019 года."
    )
    assert analysis.published is None


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("الرابع من أيار", date(2025, 5, 4)),
        ("الحادي والعشرين من مارس", date(2025, 3, 21)),
        ("الثاني عشر من كانون الثاني", date(2025, 1, 12)),
    ],
)
def test_an_arabic_day_written_as_an_ordinal_word_before_its_month(dates, surface, expected):
    found = dates(
        f"عمان 11 تشرين الثاني 2025 (بترا) - تتويجا لاتفاقية إطارية وقعتها الشركتان في {surface}"
        " الماضي بالرياض."
    )
    assert found[surface].value == expected


def test_a_same_day_phrase_takes_the_date_of_the_step_told_before(dates):
    found = dates(
        "الجزائر في 18 فبراير 2025 - وقعت الشركتان يوم الأحد اتفاقا. وفي اليوم ذاته انطلقت الأشغال."
    )
    assert found["وفي اليوم ذاته"].value == date(2025, 2, 16)


@pytest.mark.parametrize(
    "url",
    [
        "https://shop.example/item/20191304123456",  # no thirteenth month
        "https://news.example/story/12345678901",
        "https://news.example/abcdef20191104123",  # a word, not a short prefix
    ],
)
def test_numbers_in_a_url_that_are_no_date_give_none(url):
    from coopwatch.analysis.dates import date_in_url

    assert date_in_url(url) is None
