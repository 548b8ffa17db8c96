"""Lower-case particles that join the words of a foreign company's name."""

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
