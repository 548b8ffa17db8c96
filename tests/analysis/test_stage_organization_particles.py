"""Foreign particles inside company names; institutions named for what they run."""

from __future__ import annotations

from coopwatch.model import Label


def test_turkish_and_joins_a_company_name_before_its_legal_form(analysed):
    analysis = analysed(
        "The contract went to Karadeniz Makine Sanayi ve Ticaret A.Ş. after a tender.", lang="en"
    )
    names = [list(m.value) for m in analysis.of(Label.ORGANIZATION)]
    assert ["Karadeniz Makine Sanayi ve Ticaret A.Ş"] in names


def test_spanish_and_joins_a_company_name_before_its_legal_form(analysed):
    analysis = analysed(
        "Le contrat revient à Talleres Mecánicos y Fundiciones S.A. pour les wagons.", lang="fr"
    )
    names = [list(m.value) for m in analysis.of(Label.ORGANIZATION)]
    assert ["Talleres Mecánicos y Fundiciones S.A"] in names


def test_an_authority_for_free_zones_is_an_organisation(analysed):
    analysis = analysed(
        "The plant will rise in Sohar, managed by the Public Authority for Industrial "
        "Estates and Free Zones, the minister said.",
        lang="en",
    )
    names = [list(m.value) for m in analysis.of(Label.ORGANIZATION)]
    assert ["Public Authority for Industrial Estates and Free Zones"] in names


def test_a_free_zone_itself_is_still_no_organisation(analysed):
    analysis = analysed("The plant will rise in the Sohar Free Zone next year.", lang="en")
    assert analysis.of(Label.ORGANIZATION) == []


def test_an_institution_noun_closes_a_name_of_capitalised_words(analysed):
    analysis = analysed(
        "The deal commits the Kenya Tea Development Agency and the San-Pedro Port "
        "Authority to a joint warehouse.",
        lang="en",
    )
    names = [list(m.value) for m in analysis.of(Label.ORGANIZATION)]
    assert ["Kenya Tea Development Agency"] in names
    assert ["San-Pedro Port Authority"] in names


def test_a_nationality_and_an_institution_noun_make_no_name(analysed):
    analysis = analysed("The Chinese Agency said the Board would meet.", lang="en")
    assert analysis.of(Label.ORGANIZATION) == []
