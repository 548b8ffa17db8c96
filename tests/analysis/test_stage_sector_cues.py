"""Sectors: processing of farm produce is food manufacturing (ISIC 10), not farming
(01); the standing name of an intergovernmental commission gives no sector."""

from __future__ import annotations

import pytest

from coopwatch.model import Label


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The fund will invest in agricultural processing near the port.", "en"),
        ("Investors were invited to the new food parks of the state.", "en"),
        ("The two growers will build a joint cocoa grinding plant.", "en"),
        ("Les entreprises sont invitées à investir dans l'agro-transformation.", "fr"),
        ("L'usine produira du beurre de cacao et de la poudre de cacao.", "fr"),
    ],
)
def test_processing_of_farm_produce_is_isic_10(analysed, text, lang):
    values = [m.value for m in analysed(text, lang).of(Label.SECTOR)]
    assert "10" in values


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Заседание межправительственной комиссии по торгово-экономическому и "
            "научно-техническому сотрудничеству прошло в Москве.",
            "ru",
        ),
        (
            "The Joint Commission on Trade, Economic, Scientific and Technical Cooperation "
            "met in Moscow.",
            "en",
        ),
    ],
)
def test_the_standing_name_of_a_commission_gives_no_sector(analysed, text, lang):
    assert analysed(text, lang).of(Label.SECTOR) == []
