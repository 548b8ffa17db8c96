"""Datelines: the places a report is filed from, below a headline, a kicker or a
standfirst, and large cities that count only there."""

from __future__ import annotations

from datetime import date

from coopwatch.assemble.parties import dateline_places

TWO_CITY_DATELINE = (
    "Tractor maker delivers its first machines to farmers\n"
    "NEWS RELEASE\n"
    "Tractor maker delivers its first machines to farmers\n"
    "Izmir / Rabat, 3 March 2026 - Forty tractors left the assembly line this week.\n"
    "The joint company of Anadolu Traktör and the Moroccan agricultural fund handed over "
    "40 tractors to cooperatives on Monday 2 March."
)

CITY_IN_THE_BODY = (
    "Moroccan fund and Algerian bank sign a loan for a tractor plant\n"
    "The Moroccan agricultural fund and an Algerian bank signed on Monday 2 March a loan "
    "agreement for a tractor plant, whose engines are built at a site near Izmir."
)


def test_two_places_of_a_dateline_below_a_kicker_are_both_parties(extracted):
    extraction = extracted(TWO_CITY_DATELINE, published=date(2026, 3, 3))
    assert extraction.parties == ["MA", "TR"]


def test_dateline_places_are_read_in_order(analysed):
    analysis = analysed(TWO_CITY_DATELINE, published=date(2026, 3, 3))
    assert [m.surface for m in dateline_places(analysis)] == ["Izmir", "Rabat"]
    assert [m.value for m in dateline_places(analysis)] == ["TR", "MA"]


def test_a_city_outside_the_dateline_makes_no_party(extracted):
    extraction = extracted(CITY_IN_THE_BODY, published=date(2026, 3, 3))
    assert "TR" not in extraction.parties
    assert extraction.parties == ["DZ", "MA"]


def test_a_headline_listing_countries_is_no_dateline(analysed):
    text = (
        "West Africa | Business\n"
        "INDUSTRY\n"
        "Ghana, Senegal to build a joint fertiliser plant\n"
        "Ghana and Senegal agreed on Monday to build a fertiliser plant near Tema."
    )
    assert dateline_places(analysed(text)) == []


def test_a_dateline_with_a_weekday_before_its_date(analysed):
    text = (
        "Cocoa exporters meet their buyers\n"
        "ABIDJAN, Friday 9 October\n"
        "Ivorian cooperatives met Malaysian grinders on Thursday."
    )
    assert [m.value for m in dateline_places(analysed(text))] == ["CI"]


def test_headline_below_a_dateline_line_sums_up_the_body(extracted):
    text = (
        "RABAT, March 4 (Agency) -\n"
        "Morocco signs $50 mln tractor plant loan with Turkey\n"
        "Morocco and Turkey signed on Monday a $50 million loan agreement for a tractor "
        "plant near Kenitra."
    )
    extraction = extracted(text, published=date(2026, 3, 4))
    # the headline's amount is the body's, told once
    assert [(a.value, a.currency) for a in extraction.amounts] == [(50_000_000, "USD")]


def test_a_page_title_repeated_below_a_rubric_is_a_headline(extracted):
    text = (
        "Tractor maker hands over first machines | Company newsroom\n"
        "PRESS RELEASE\n"
        "Tractor maker hands over first machines\n"
        "Izmir / Rabat, 3 March 2026 - Forty tractors are now at work.\n"
        "The joint company of a Turkish maker and a Moroccan fund handed over 40 tractors "
        "to cooperatives on Monday 2 March."
    )
    extraction = extracted(text, published=date(2026, 3, 3))
    assert [(e.type.value, e.date) for e in extraction.events] == [
        ("implementation", date(2026, 3, 2))
    ]


def test_a_headline_below_a_rubric_sums_up_the_body(extracted):
    text = (
        "INDUSTRY\n"
        "Morocco signs $50 mln tractor plant loan with Turkey\n"
        "RABAT, March 4, 2026 - Morocco and Turkey signed on Monday a $50 million loan "
        "agreement for a tractor plant near Kenitra."
    )
    extraction = extracted(text, published=date(2026, 3, 4))
    assert [(a.value, a.currency) for a in extraction.amounts] == [(50_000_000, "USD")]


def test_a_headline_sharing_the_opening_of_the_page_title(extracted):
    text = (
        "Morocco and Turkey sign a $50 mln loan for tractors | Ministry of Industry\n"
        "BILATERAL COOPERATION NEWS\n"
        "Morocco and Turkey sign a $50 mln loan for tractors and a training centre\n"
        "Morocco and Turkey signed a $50 million loan agreement for a tractor plant near "
        "Kenitra on Monday 2 March 2026."
    )
    extraction = extracted(text, published=date(2026, 3, 4))
    assert [(a.value, a.currency) for a in extraction.amounts] == [(50_000_000, "USD")]
