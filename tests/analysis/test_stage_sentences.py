"""Stage ``sentences``: tokens with keys, and sentence boundaries."""

from __future__ import annotations

from coopwatch.analysis.sentences import split_sentences


def sentences_of(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_french_honorific_m_does_not_end_a_sentence():
    text = "M. Bachir a reçu M. Ivanov au siège du ministère. Ils ont signé un accord."
    assert sentences_of(text) == [
        "M. Bachir a reçu M. Ivanov au siège du ministère.",
        "Ils ont signé un accord.",
    ]


def test_english_mr_does_not_end_a_sentence():
    text = "Mr. Modi met Mr. Ishiba in Tokyo. They signed a deal on semiconductors."
    assert sentences_of(text) == [
        "Mr. Modi met Mr. Ishiba in Tokyo.",
        "They signed a deal on semiconductors.",
    ]


def test_russian_year_abbreviation_does_not_end_a_sentence():
    text = "В 2025 г. Минск и Алжир подписали соглашение. Стороны довольны итогами."
    assert sentences_of(text) == [
        "В 2025 г. Минск и Алжир подписали соглашение.",
        "Стороны довольны итогами.",
    ]


def test_initial_of_a_name_does_not_end_a_sentence():
    text = "Le ministre A. Rogojnik a visité l'usine. La visite a duré deux jours."
    assert sentences_of(text) == [
        "Le ministre A. Rogojnik a visité l'usine.",
        "La visite a duré deux jours.",
    ]


def test_line_breaks_end_sentences_and_blank_lines_vanish():
    text = "L'Algérie et la Biélorussie renforcent leur coopération\n\nALGER - Le ministre a reçu"
    assert sentences_of(text) == [
        "L'Algérie et la Biélorussie renforcent leur coopération",
        "ALGER - Le ministre a reçu",
    ]


def test_arabic_question_mark_ends_a_sentence():
    text = "هل ستوقع الجزائر الاتفاق؟ نعم، وقعت الجزائر الاتفاق أمس."
    assert sentences_of(text) == ["هل ستوقع الجزائر الاتفاق؟", "نعم، وقعت الجزائر الاتفاق أمس."]


def test_sentence_does_not_split_before_a_lower_case_word():
    text = "Le contrat vaut 4,7 mds. de dinars selon le ministre."
    assert sentences_of(text) == [text]


def test_sentence_spans_cover_the_text_they_claim(analysed):
    text = "Le ministre a reçu la délégation. Les deux parties ont signé.\nFin du communiqué"
    analysis = analysed(text, lang="fr")
    assert [analysis.text[s.start : s.end] for s in analysis.sentences] == [
        "Le ministre a reçu la délégation.",
        "Les deux parties ont signé.",
        "Fin du communiqué",
    ]
    assert analysis.sentence_of(text.index("parties")) == 1
    assert analysis.sentence_of(text.index("Fin")) == 2


def test_tokens_get_lexicon_keys_one_tuple_per_token(analysed):
    analysis = analysed("Les machines agricoles algériennes.", lang="fr")
    assert len(analysis.keys) == len(analysis.tokens)
    assert [t.text for t in analysis.tokens] == [
        "Les",
        "machines",
        "agricoles",
        "algériennes",
        ".",
    ]
