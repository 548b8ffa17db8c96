"""Stage ``language``: the document's language and the lexicon it selects."""

from __future__ import annotations

import pytest

from coopwatch.analysis.language import detect_language
from coopwatch.model import Label


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le ministre de l'Industrie a reçu mardi une délégation biélorusse à Alger.", "fr"),
        ("The Indian Prime Minister met the visiting Japanese delegation on Monday.", "en"),
        ("استقبل وزير الصناعة وفدا من بيلاروسيا بالجزائر العاصمة.", "ar"),
        ("Министр промышленности Беларуси встретился с алжирской делегацией в Минске.", "ru"),
    ],
)
def test_detects_language_and_loads_its_lexicon(text, lang, analysed):
    analysis = analysed(text)
    assert analysis.document.lang == lang
    assert analysis.lexicon is not None
    assert analysis.lexicon.language.code == lang


def test_language_given_in_metadata_wins_over_detection(analysed):
    analysis = analysed("The minister met the delegation in Algiers.", lang="fr")
    assert analysis.document.lang == "fr"
    assert analysis.lexicon.language.code == "fr"


@pytest.mark.parametrize("text", ["12 345 — 678 / 90 %", "   \n\n  ", "2025-12-04 ; 14:30"])
def test_text_without_letters_has_no_language_and_no_lexicon(text, analysed):
    assert detect_language(text) is None
    analysis = analysed(text)
    assert analysis.document.lang is None
    assert analysis.lexicon is None
    assert analysis.mentions == []


def test_unknown_language_code_in_metadata_gives_no_lexicon_and_no_mentions(analysed):
    analysis = analysed("Der Minister hat die Delegation aus Algerien empfangen.", lang="de")
    assert analysis.document.lang == "de"
    assert analysis.lexicon is None
    assert analysis.of(Label.COUNTRY) == []


def test_script_decides_for_cyrillic_and_arabic_even_with_latin_acronyms():
    assert detect_language("ОАО «Гомсельмаш» и MAZ подписали соглашение с AGM.") == "ru"
    assert detect_language("وقعت شركة AGM اتفاقا مع MAZ البيلاروسية.") == "ar"
