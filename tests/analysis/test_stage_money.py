"""Stage ``money``: amounts with value and currency, and numbers of jobs."""

from __future__ import annotations

import pytest

from coopwatch.analysis.money import parse_number
from coopwatch.model import Label


@pytest.fixture
def money(analysed):
    """(surface, value, currency) of the MONEY mentions of a text."""

    def run(text, lang=None):
        return [
            (m.surface, m.value, m.attrs["currency"]) for m in analysed(text, lang).of(Label.MONEY)
        ]

    return run


@pytest.fixture
def jobs(analysed):
    """(surface, value, existing) of the JOBS mentions of a text."""

    def run(text, lang=None):
        return [
            (m.surface, m.value, m.attrs["existing"]) for m in analysed(text, lang).of(Label.JOBS)
        ]

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deal is worth $1.2 billion.", ("$1.2 billion", 1_200_000_000, "USD")),
        (
            "The bank will lend USD 300 million to the project.",
            ("USD 300 million", 300_000_000, "USD"),
        ),
        (
            "La BEI prêtera 300 millions d'euros au projet.",
            ("300 millions d'euros", 300_000_000, "EUR"),
        ),
        ("The project will cost Rs 22,627 crore.", ("Rs 22,627 crore", 226_270_000_000, "INR")),
        (
            "Стоимость проекта составит 1,2 млрд долларов.",
            ("1,2 млрд долларов", 1_200_000_000, "USD"),
        ),
        ("Бюджет проекта — 500 млн рублей.", ("500 млн рублей", 500_000_000, "RUB")),
        ("تبلغ قيمة المشروع ملياري دولار.", ("ملياري دولار", 2_000_000_000, "USD")),
        ("تبلغ قيمة المشروع ٣٠٠ مليون دولار.", ("300 مليون دولار", 300_000_000, "USD")),
    ],
)
def test_amounts_with_scale_and_currency(money, text, expected):
    assert money(text) == [expected]


def test_dinars_are_read_with_their_candidate_currencies(analysed):
    amount = analysed("Le projet coûtera 4,7 milliards de dinars.").of(Label.MONEY)[0]
    assert (amount.surface, amount.value) == ("4,7 milliards de dinars", 4_700_000_000)
    assert amount.attrs["currency"] == "DZD"
    assert "TND" in amount.attrs["alternatives"]


def test_a_scale_after_an_amount_takes_the_sentences_currency(money):
    found = money("Le contrat de 2,5 milliards de dollars, dont 400 millions pour la formation.")
    assert found == [
        ("2,5 milliards de dollars", 2_500_000_000, "USD"),
        ("400 millions", 400_000_000, "USD"),
    ]


def test_a_number_without_currency_is_no_amount(money):
    assert money("Le groupe produira 1 500 tracteurs par an à Constantine.") == []


@pytest.mark.parametrize(
    ("raw", "decimal_comma", "value"),
    [
        ("4,7", True, 4.7),
        ("22,627", False, 22627.0),
        ("1 032", True, 1032.0),
        ("1.200", True, 1200.0),
        ("1.2", False, 1.2),
        ("1,234,567", False, 1234567.0),
        ("1.234,5", True, 1234.5),
    ],
)
def test_parse_number(raw, decimal_comma, value):
    assert parse_number(raw, decimal_comma) == value


def test_english_comma_is_a_thousands_separator(analysed):
    analysis = analysed("The project will cost Rs 22,627 crore.")
    assert analysis.lexicon.language.decimal_comma is False
    assert analysis.of(Label.MONEY)[0].value == 22_627 * 10_000_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L'usine de bus créera 612 emplois.", ("612 emplois", 612, False)),
        ("The plant will create 1,500 jobs.", ("1,500 jobs", 1500, False)),
        ("Проект создаст 100 рабочих мест.", ("100 рабочих мест", 100, False)),
        ("سيوفر المشروع 1000 منصب شغل.", ("1000 منصب شغل", 1000, False)),
        ("The plant will create 800 new direct jobs.", ("800 new direct jobs", 800, False)),
    ],
)
def test_jobs_created(jobs, text, expected):
    assert jobs(text) == [expected]


def test_existing_employment_is_not_counted_as_created_jobs(jobs):
    found = jobs("L'usine emploie déjà 300 salariés.")
    assert [j for j in found if not j[2]] == []


def test_existing_jobs_figure_is_marked_existing(jobs):
    assert jobs("L'usine compte déjà 300 emplois.") == [("300 emplois", 300, True)]


def test_created_jobs_after_existing_staff_stay_created(jobs):
    assert jobs("L'usine emploie déjà 300 salariés et créera 200 emplois.") == [
        ("200 emplois", 200, False)
    ]


def test_created_jobs_after_existing_staff_stay_created_in_english(jobs):
    assert jobs("The plant already employs 300 workers and will create 200 new jobs.") == [
        ("200 new jobs", 200, False)
    ]


def test_amount_spans_spell_their_text(analysed):
    text = (
        "Le projet de 4,7 milliards de dinars, financé à hauteur de $1.2 billion, "
        "créera 612 emplois."
    )
    analysis = analysed(text, lang="fr")
    for m in analysis.of(Label.MONEY) + analysis.of(Label.JOBS):
        assert text[m.start : m.end] == m.surface
    assert [m.surface for m in analysis.of(Label.JOBS)] == ["612 emplois"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The campus is expected to employ about 300 technicians.",
            ("300 technicians", 300, False),
        ),
        ("La future usine emploiera 250 personnes.", ("250 personnes", 250, False)),
    ],
)
def test_future_hiring_counts_jobs_whatever_the_noun(jobs, text, expected):
    assert jobs(text) == [expected]


def test_present_employment_is_no_hiring(jobs):
    assert jobs("The tannery employs 650 people.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Australia committed A$120 million to the programme.", ("A$120 million", "AUD")),
        ("Singapore will invest S$300 million in the park.", ("S$300 million", "SGD")),
        ("Ottawa pledged C$45 million for the port.", ("C$45 million", "CAD")),
        # Matched case-blind, "a $" is no "A$": its "$" still counts.
        ("The two sides signed a $5 billion deal on Monday.", ("$5 billion", "USD")),
    ],
)
def test_one_letter_dollar_prefixes_only_in_capitals(money, text, expected):
    assert [(surface, currency) for surface, _, currency in money(text, "en")] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le coût est estimé entre 180 et 220 millions de dollars.",
            [(180_000_000, "USD"), (220_000_000, "USD")],
        ),
        (
            "Un investissement estimé entre 3,5 et 4 milliards de dollars.",
            [(3_500_000_000, "USD"), (4_000_000_000, "USD")],
        ),
        (
            "A contract worth between 540 and 600 million dollars.",
            [(540_000_000, "USD"), (600_000_000, "USD")],
        ),
        ("En 2024 et 2025, 300 millions de dollars seront investis.", [(300_000_000, "USD")]),
    ],
)
def test_lower_bound_of_a_range_takes_the_scale_and_currency_of_the_upper(analysed, text, expected):
    found = [(m.value, m.attrs["currency"]) for m in analysed(text).of(Label.MONEY)]
    assert found == expected


def test_scale_joined_by_a_hyphen(analysed):
    found = analysed("Sagarika starts production at Rs 3,300-crore Egypt plant").of(Label.MONEY)
    assert [(m.value, m.attrs["currency"]) for m in found] == [(33_000_000_000, "INR")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "d'un coût global de cinquante-six (56) millions d'euros, la différence",
            (56_000_000, "EUR"),
        ),
        (
            "soit trente et un milliards huit cents millions (31 800 000 000) de francs CFA.",
            (31_800_000_000, "XOF"),
        ),
    ],
)
def test_figures_in_brackets_after_words_make_the_amount(analysed, text, expected):
    found = [(m.value, m.attrs["currency"]) for m in analysed(text).of(Label.MONEY)]
    assert found == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "APT traded at $400 per tonne last week, while the deal is worth $700 million.",
        "Le cuivre cotait 9 850 dollars la tonne ; le projet coûte 700 millions de dollars.",
    ],
)
def test_unit_prices_are_no_money_of_the_cooperation(analysed, text):
    found = [(m.value, m.attrs["excluded"]) for m in analysed(text).of(Label.MONEY)]
    assert [value for value, excluded in found if not excluded] == [700_000_000]


def test_jobs_a_region_has_lost_are_no_jobs_created(extracted):
    extraction = extracted(
        "ABERDEEN, 12 September 2023 - The United Kingdom and Norway signed an agreement on "
        "floating wind. Aberdeen has lost around 10,000 oil and gas jobs since the 2014 crash."
    )
    assert extraction.jobs is None


def test_a_year_before_a_dollar_amount_is_no_australian_amount(analysed):
    analysis = analysed("They signed on Monday 2 March 2026 a $50 million loan.", "en")
    amounts = [(m.surface, m.value, m.attrs["currency"]) for m in analysis.of(Label.MONEY)]
    assert amounts == [("$50 million", 50_000_000, "USD")]


def test_russian_future_employment_is_jobs_created(analysed):
    analysis = analysed("На полной мощности завод обеспечит работой 800 человек.", "ru")
    jobs = [(m.value, m.attrs["existing"]) for m in analysis.of(Label.JOBS)]
    assert jobs == [(800, False)]
